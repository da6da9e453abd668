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
    public const string EditGroup = nameof(EditGroup);

    /// <summary>Escalations hold pseudonymised case data: the team, the scrutineer and the partners, not every member.</summary>
    public const string ViewEscalations = nameof(ViewEscalations);

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(ViewRecords, p => p.RequireRole(Roles.All));
        options.AddPolicy(ManageStructure, p => p.RequireRole(Roles.Administrator, Roles.PartnershipTeam));
        options.AddPolicy(ViewAuditTrail, p => p.RequireRole(Roles.Administrator, Roles.PartnershipTeam, Roles.Scrutineer));
        options.AddPolicy(ManageUsers, p => p.RequireRole(Roles.Administrator));
        options.AddPolicy(ViewEscalations, p => p.RequireRole(Roles.Administrator, Roles.PartnershipTeam, Roles.Scrutineer, Roles.SafeguardingPartner));
        options.AddPolicy(EditGroup, p => p.AddRequirements(new ChairOfGroupRequirement()));
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

        var userId = context.User.UserId();
        if (userId is null)
        {
            return;
        }

        var today = UkTime.Today(clock);
        var chairs = await db.GroupMemberships
            .Where(m => m.GroupId == resource.Id && m.ArchivedAt == null
                && (m.Role == MembershipRole.Chair || m.Role == MembershipRole.ViceChair)
                && m.From <= today && (m.To == null || m.To >= today)
                && m.Person!.UserId == userId)
            .AnyAsync();
        if (chairs)
        {
            context.Succeed(requirement);
        }
    }
}
