using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Security;

/// <summary>Capabilities that controllers name; only this file maps them to roles.</summary>
public static class Policies
{
    public const string ViewRecords = nameof(ViewRecords);
    public const string ManageStructure = nameof(ManageStructure);
    public const string ViewAuditTrail = nameof(ViewAuditTrail);
    public const string ManageUsers = nameof(ManageUsers);

    /// <summary>Destroy an uploaded file for good (a paper uploaded by mistake with personal data in it).</summary>
    public const string PurgeFiles = nameof(PurgeFiles);
    public const string EditGroup = nameof(EditGroup);
    public const string ViewEscalations = nameof(ViewEscalations);
    public const string ManageEscalations = nameof(ManageEscalations);

    /// <summary>Resource-based on an ActionItem: its owner, or whoever may edit its group.</summary>
    public const string UpdateAction = nameof(UpdateAction);

    /// <summary>Write the yearly report's narrative and move it through review.</summary>
    public const string EditReport = nameof(EditReport);

    /// <summary>Comment on a draft yearly report, section by section.</summary>
    public const string ReviewReport = nameof(ReviewReport);

    /// <summary>Publish a signed-off yearly report and keep its sent-to log.</summary>
    public const string PublishReport = nameof(PublishReport);

    /// <summary>Open the partner dashboard: a statutory partner's own (safeguarding partners), or any partner's (the team).</summary>
    public const string ViewPartnerDashboard = nameof(ViewPartnerDashboard);

    /// <summary>Holds the chair or vice-chair seat of a live, active group today (whatever the role).</summary>
    public const string ChairsAGroup = nameof(ChairsAGroup);

    /// <summary>Look at any statutory partner's dashboard, choosing which, rather than only one's own partner's.</summary>
    public const string ViewAnyPartnerDashboard = nameof(ViewAnyPartnerDashboard);

    /// <summary>Oversee the partnership as a whole: the partnership dashboard is where they land after signing in.</summary>
    public const string OverseePartnership = nameof(OverseePartnership);

    /// <summary>Write the yearly report's foreword and the independent scrutineer's comment, besides those who write it all (EditReport).</summary>
    public const string WriteScrutinyText = nameof(WriteScrutinyText);

    /// <summary>Open Section 11 and 175 rounds, record check and challenge, raise actions from returns.</summary>
    public const string ManageSelfAssessments = nameof(ManageSelfAssessments);

    /// <summary>See every organisation's return, the rounds' status and the matrix.</summary>
    public const string ViewSelfAssessments = nameof(ViewSelfAssessments);

    /// <summary>Resource-based on a SelfAssessmentReturn: its organisation's named lead, or the team.</summary>
    public const string CompleteReturn = nameof(CompleteReturn);
    /// <summary>Record the independent scrutineer's own work: activities, challenges raised and decisions on responses.</summary>
    public const string RecordScrutiny = nameof(RecordScrutiny);

    /// <summary>Resource-based on a ScrutinyChallenge: the challenged agency's lead or delegated partner today, or the team on its behalf.</summary>
    public const string RespondToChallenge = nameof(RespondToChallenge);

    /// <summary>Draft and edit the year's scrutiny plan and put it to the partners: the scrutineer, or the team for them.</summary>
    public const string DraftScrutinyPlan = nameof(DraftScrutinyPlan);

    /// <summary>Resource-based on a ScrutinyRecommendation: the addressed organisation's lead or delegated partner today (any statutory partner's when addressed jointly), or the team.</summary>
    public const string RespondToRecommendation = nameof(RespondToRecommendation);

    /// <summary>Keep the performance dataset's catalogue: add, redefine, archive indicators and their comparators.</summary>
    public const string ManageIndicators = nameof(ManageIndicators);

    /// <summary>Open the performance values grid: the team, or whoever chairs a group today (each enters only their group's indicators).</summary>
    public const string EnterPerformanceValues = nameof(EnterPerformanceValues);

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(ViewRecords, p => p.RequireRole(Roles.All));
        options.AddPolicy(ManageStructure, p => p.RequireRole(Roles.Administrator, Roles.PartnershipTeam));
        options.AddPolicy(ViewAuditTrail, p => p.RequireRole(Roles.Administrator, Roles.PartnershipTeam, Roles.Scrutineer));
        options.AddPolicy(ManageUsers, p => p.RequireRole(Roles.Administrator));
        options.AddPolicy(PurgeFiles, p => p.RequireRole(Roles.Administrator));
        options.AddPolicy(EditGroup, p => p.AddRequirements(new ChairOfGroupRequirement()));

        // The escalation log is pseudonymised case data about children, so it is not for every member. It is read
        // by those who hold the partnership to account for it: the team that keeps it, the independent scrutineer,
        // the statutory partners' representatives, and whoever chairs a group today (Quality and Effectiveness
        // reviews escalations; the board's chair is a partner). Only the team keeps the log.
        options.AddPolicy(ViewEscalations, p => p.AddRequirements(new EscalationReaderRequirement()));
        options.AddPolicy(ManageEscalations, p => p.RequireRole(Roles.Administrator, Roles.PartnershipTeam));
        options.AddPolicy(UpdateAction, p => p.AddRequirements(new OwnerOfActionRequirement()));
        // The team drafts the yearly report; the scrutineer and the partners review it; only the team publishes,
        // and only once the three partners have signed (which the workflow checks per partner, not by role).
        options.AddPolicy(EditReport, p => p.RequireRole(Roles.Administrator, Roles.PartnershipTeam));
        options.AddPolicy(ReviewReport, p => p.RequireRole(Roles.Administrator, Roles.PartnershipTeam, Roles.Scrutineer, Roles.SafeguardingPartner));
        options.AddPolicy(PublishReport, p => p.RequireRole(Roles.Administrator, Roles.PartnershipTeam));
        options.AddPolicy(ViewPartnerDashboard, p => p.RequireRole(Roles.Administrator, Roles.PartnershipTeam, Roles.SafeguardingPartner));
        options.AddPolicy(ChairsAGroup, p => p.AddRequirements(new ChairsAGroupRequirement()));
        options.AddPolicy(ViewAnyPartnerDashboard, p => p.RequireRole(Roles.Administrator, Roles.PartnershipTeam));
        options.AddPolicy(OverseePartnership, p => p.RequireRole(Roles.Administrator, Roles.PartnershipTeam, Roles.Scrutineer));
        options.AddPolicy(WriteScrutinyText, p => p.RequireRole(Roles.Scrutineer));
        // Self-assessment returns are the agencies' own account of themselves: the team runs the rounds, the scrutineer
        // reads them to chair check and challenge, and each organisation's lead completes only its own return.
        options.AddPolicy(ManageSelfAssessments, p => p.RequireRole(Roles.Administrator, Roles.PartnershipTeam));
        // Those who oversee the partnership read every organisation's return, as they read the escalations register.
        options.AddPolicy(ViewSelfAssessments, p => p.AddRequirements(new EscalationReaderRequirement()));
        options.AddPolicy(CompleteReturn, p => p.AddRequirements(new LeadOfReturnRequirement()));
        options.AddPolicy(RecordScrutiny, p => p.RequireRole(Roles.Scrutineer));
        options.AddPolicy(RespondToChallenge, p => p.AddRequirements(new RespondToChallengeRequirement()));
        options.AddPolicy(DraftScrutinyPlan, p => p.RequireRole(Roles.Administrator, Roles.PartnershipTeam, Roles.Scrutineer));
        options.AddPolicy(RespondToRecommendation, p => p.AddRequirements(new RespondToRecommendationRequirement()));
        // The team keeps the catalogue; the values are the owning group's (EditGroup on the indicator's group).
        options.AddPolicy(ManageIndicators, p => p.RequireRole(Roles.Administrator, Roles.PartnershipTeam));
        options.AddPolicy(EnterPerformanceValues, p => p.AddRequirements(new EnterPerformanceValuesRequirement()));
    }
}

/// <summary>Met by the partnership team and administrators, or by whoever chairs (or vice-chairs) the group today.</summary>
public sealed class ChairOfGroupRequirement : IAuthorizationRequirement;

public sealed class ChairOfGroupHandler(PortalDbContext db, TimeProvider clock)
    : AuthorizationHandler<ChairOfGroupRequirement, Group>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, ChairOfGroupRequirement requirement, Group resource)
    {
        if (context.User.IsInRole(Roles.Administrator) || context.User.IsInRole(Roles.PartnershipTeam))
        {
            context.Succeed(requirement);
            return;
        }

        if (await IsChairAsync(db, context.User, resource.Id, UkTime.Today(clock)))
        {
            context.Succeed(requirement);
        }
    }

    /// <summary>
    /// The groups whose records the user may edit today, in one query: null for the team and administrators (every
    /// group), otherwise the groups whose chair or vice-chair seat they hold. For lists, where asking the policy
    /// group by group would query once per group.
    /// </summary>
    public static async Task<IReadOnlySet<int>?> ChairedGroupsAsync(PortalDbContext db, System.Security.Claims.ClaimsPrincipal user, DateOnly today, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.PartnershipTeam))
        {
            return null;
        }

        var userId = user.UserId();
        return userId is null
            ? new HashSet<int>()
            : (await Seats.ChairSeats(db, userId, today).Select(m => m.GroupId).Distinct().ToListAsync(ct)).ToHashSet();
    }

    /// <summary>Whether the user holds the chair or vice-chair seat of the group today (roles aside).</summary>
    public static async Task<bool> IsChairAsync(PortalDbContext db, System.Security.Claims.ClaimsPrincipal user, int groupId, DateOnly today)
    {
        var userId = user.UserId();
        if (userId is null)
        {
            return false;
        }

        return await Seats.ChairSeats(db, userId, today).AnyAsync(m => m.GroupId == groupId);
    }
}

/// <summary>Met by the administrator, team, scrutineer and safeguarding partners, or by a current chair or vice-chair of any live group.</summary>
public sealed class EscalationReaderRequirement : IAuthorizationRequirement
{
    public static readonly IReadOnlyList<string> ReaderRoles =
        [Roles.Administrator, Roles.PartnershipTeam, Roles.Scrutineer, Roles.SafeguardingPartner];
}

public sealed class EscalationReaderHandler(PortalDbContext db, TimeProvider clock) : AuthorizationHandler<EscalationReaderRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, EscalationReaderRequirement requirement)
    {
        if (EscalationReaderRequirement.ReaderRoles.Any(context.User.IsInRole))
        {
            context.Succeed(requirement);
            return;
        }

        var userId = context.User.UserId();
        if (userId is null)
        {
            return;
        }

        if (await Seats.ChairsAnyGroupAsync(db, userId, UkTime.Today(clock)))
        {
            context.Succeed(requirement);
        }
    }
}

public sealed class ChairsAGroupRequirement : IAuthorizationRequirement;

public sealed class ChairsAGroupHandler(PortalDbContext db, TimeProvider clock) : AuthorizationHandler<ChairsAGroupRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ChairsAGroupRequirement requirement)
    {
        if (context.User.UserId() is { } userId && await Seats.ChairsAnyGroupAsync(db, userId, UkTime.Today(clock)))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>Met by the partnership team and administrators, or by whoever holds a chair or vice-chair seat today.</summary>
public sealed class EnterPerformanceValuesRequirement : IAuthorizationRequirement;

public sealed class EnterPerformanceValuesHandler(PortalDbContext db, TimeProvider clock) : AuthorizationHandler<EnterPerformanceValuesRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, EnterPerformanceValuesRequirement requirement)
    {
        if (context.User.IsInRole(Roles.Administrator) || context.User.IsInRole(Roles.PartnershipTeam)
            || (context.User.UserId() is { } userId && await Seats.ChairsAnyGroupAsync(db, userId, UkTime.Today(clock))))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>Met by the partnership team and administrators, or by the challenged agency's lead or delegated partner today.</summary>
public sealed class RespondToChallengeRequirement : IAuthorizationRequirement;

public sealed class RespondToChallengeHandler(PortalDbContext db, TimeProvider clock)
    : AuthorizationHandler<RespondToChallengeRequirement, ScrutinyChallenge>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, RespondToChallengeRequirement requirement, ScrutinyChallenge resource)
    {
        if (context.User.IsInRole(Roles.Administrator) || context.User.IsInRole(Roles.PartnershipTeam))
        {
            context.Succeed(requirement);
            return;
        }

        if (context.User.UserId() is { } userId
            && await Seats.PartnerSeats(db, userId, UkTime.Today(clock)).AnyAsync(r => r.OrganisationId == resource.OrganisationId))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>
/// Met by the partnership team and administrators, or by the lead or delegated partner today of the organisation the
/// recommendation is addressed to; a recommendation to the partners jointly is answered by any statutory partner's.
/// </summary>
public sealed class RespondToRecommendationRequirement : IAuthorizationRequirement;

public sealed class RespondToRecommendationHandler(PortalDbContext db, TimeProvider clock)
    : AuthorizationHandler<RespondToRecommendationRequirement, ScrutinyRecommendation>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, RespondToRecommendationRequirement requirement, ScrutinyRecommendation resource)
    {
        if (context.User.IsInRole(Roles.Administrator) || context.User.IsInRole(Roles.PartnershipTeam))
        {
            context.Succeed(requirement);
            return;
        }

        if (context.User.UserId() is { } userId
            && await Seats.PartnerSeats(db, userId, UkTime.Today(clock))
                .AnyAsync(r => resource.OrganisationId == null || r.OrganisationId == resource.OrganisationId))
        {
            context.Succeed(requirement);
        }
    }
}
