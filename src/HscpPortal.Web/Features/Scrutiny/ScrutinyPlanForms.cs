using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Escalations;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure.Export;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Scrutiny;

public sealed record PlanItemRow(
    int Id, string Subject, ScrutinyActivityKind Kind, int Quarter, int? PlannedMonth, string Reason, string? Organisation, Guid Version, bool Delivered);

/// <summary>A statutory partner's place in the plan's approval: who approved the plan as it stands, or nobody yet.</summary>
public sealed record PlanApprovalRow(int OrganisationId, string Organisation, string? ApproverName, RepresentationRole? Role, DateOnly? ApprovedOn);

public sealed class PlanPage
{
    public required ReportingYear Year { get; init; }
    public required ScrutinyPlan? Plan { get; init; }
    public required IReadOnlyList<PlanItemRow> Items { get; init; }
    public required IReadOnlyList<PlanApprovalRow> Partners { get; init; }

    /// <summary>Approvals given earlier and withdrawn because the plan changed since.</summary>
    public required int Withdrawn { get; init; }
    public required string Fingerprint { get; init; }
    public required bool CanDraft { get; init; }

    /// <summary>The partner organisations the signed-in user may approve for that have not approved yet.</summary>
    public required IReadOnlyList<(int Id, string Name)> CanApproveFor { get; init; }

    /// <summary>The year's archived plans, which the scrutineer or the team may bring back while the year has no live plan.</summary>
    public IReadOnlyList<ArchivedPlanRow> ArchivedPlans { get; init; } = [];

    public bool Approved => Partners.Count > 0 && Partners.All(p => p.ApprovedOn is not null);
    public int Delivered => Items.Count(i => i.Delivered);
    public bool HasApprovals => Partners.Any(p => p.ApprovedOn is not null);
}

public sealed record ArchivedPlanRow(int Id, string Summary, DateTime ArchivedAt, string? ArchivedBy, Guid Version);

/// <summary>The plan's summary: drafting the year's plan (Version empty) or changing it.</summary>
public sealed class PlanForm
{
    public Guid Version { get; set; }
    public string? Summary { get; set; }
}

public sealed class PlanFormValidator : AbstractValidator<PlanForm>
{
    public PlanFormValidator()
    {
        RuleFor(f => f.Summary).NotEmpty().WithMessage("Enter what the plan covers and how the scrutineer will work")
            .MaximumLength(4000).WithMessage("The summary must be 4,000 characters or fewer")
            .NoPersonalData("The summary");
    }
}

/// <summary>Adding (Version empty) or changing one planned item.</summary>
public sealed class PlanItemForm
{
    public Guid Version { get; set; }
    public string? Subject { get; set; }
    public ScrutinyActivityKind? Kind { get; set; }
    public int? Quarter { get; set; }
    public int? PlannedMonth { get; set; }
    public string? Reason { get; set; }
    public int? OrganisationId { get; set; }

    public static PlanItemForm From(ScrutinyPlanItem i) => new()
    {
        Version = i.Version, Subject = i.Subject, Kind = i.Kind, Quarter = i.Quarter, PlannedMonth = i.PlannedMonth, Reason = i.Reason, OrganisationId = i.OrganisationId,
    };

    public void ApplyTo(ScrutinyPlanItem i)
    {
        i.Subject = Subject!.Trim();
        i.Kind = Kind!.Value;
        i.PlannedMonth = PlannedMonth;
        i.Quarter = PlannedMonth is { } month ? ScrutinyPlanRules.QuarterOfMonth(month) : Quarter!.Value;
        i.Reason = Reason!.Trim();
        i.OrganisationId = OrganisationId;
    }
}

public sealed class PlanItemFormValidator : AbstractValidator<PlanItemForm>
{
    public PlanItemFormValidator(PortalDbContext db)
    {
        RuleFor(f => f.Subject).NotEmpty().WithMessage("Enter what will be looked at")
            .MaximumLength(300).WithMessage("What will be looked at must be 300 characters or fewer")
            .NoPersonalData("What will be looked at");
        RuleFor(f => f.Kind).NotNull().WithMessage("Select the kind of scrutiny")
            .IsInEnum().WithMessage("Select the kind of scrutiny");
        RuleFor(f => f.Quarter).NotNull().When(f => f.PlannedMonth is null).WithMessage("Select the quarter, or the month, it is planned for");
        RuleFor(f => f.Quarter).InclusiveBetween(1, 4).When(f => f.Quarter is not null).WithMessage("Select the quarter it is planned for");
        RuleFor(f => f.PlannedMonth).InclusiveBetween(1, 12).When(f => f.PlannedMonth is not null).WithMessage("Select the month it is planned for");
        RuleFor(f => f.Quarter).Must((f, q) => ScrutinyPlanRules.QuarterOfMonth(f.PlannedMonth!.Value) == q)
            .When(f => f.Quarter is not null && f.PlannedMonth is >= 1 and <= 12)
            .WithMessage("The month planned must fall in the quarter chosen");
        RuleFor(f => f.Reason).NotEmpty().WithMessage("Enter why this was chosen")
            .MaximumLength(2000).WithMessage("Why it was chosen must be 2,000 characters or fewer")
            .NoPersonalData("Why it was chosen");
        RuleFor(f => f.OrganisationId)
            .MustAsync(async (id, ct) => id is null || await db.Organisations.AnyAsync(o => o.Id == id, ct))
            .WithMessage("Select the agency from the list");
    }
}

public sealed record RecommendationRow(
    int Id, string Title, DateOnly MadeOn, string? Organisation, RecommendationResponse? Response, DateOnly? RespondedOn,
    int Actions, int OpenActions, bool Archived)
{
    public RecommendationState State => ScrutinyPlanRules.State(Response, Actions);

    /// <summary>Whom the recommendation is addressed to: one organisation, or the partners jointly.</summary>
    public string To => Organisation ?? RecommendationDetails.Jointly;
}

public sealed record RecommendationActionRow(int Id, string Title, ActionStatus Status, DateOnly DueDate, string Group);

public sealed class RecommendationDetails
{
    public const string Jointly = "The safeguarding partners jointly";

    public required ScrutinyRecommendation Recommendation { get; init; }
    public required string To { get; init; }
    public required string? Activity { get; init; }
    public required IReadOnlyList<RecommendationActionRow> Actions { get; init; }
    public required bool CanRecord { get; init; }
    public required bool CanRespond { get; init; }
    public required bool CanRestore { get; init; }

    public RecommendationState State => ScrutinyPlanRules.State(Recommendation.Response, Actions.Count);
}

/// <summary>Making (Version empty) or correcting a recommendation.</summary>
public sealed class RecommendationForm
{
    public Guid Version { get; set; }
    public string? Title { get; set; }
    public string? Detail { get; set; }
    [Display(Name = "Date made")]
    public DateOnly? MadeOn { get; set; }
    public int? ActivityId { get; set; }

    /// <summary>The organisation addressed; empty for the safeguarding partners jointly.</summary>
    public int? OrganisationId { get; set; }

    public static RecommendationForm From(ScrutinyRecommendation r) => new()
    {
        Version = r.Version, Title = r.Title, Detail = r.Detail, MadeOn = r.MadeOn, ActivityId = r.ActivityId, OrganisationId = r.OrganisationId,
    };

    public void ApplyTo(ScrutinyRecommendation r)
    {
        r.Title = Title!.Trim();
        r.Detail = Detail!.Trim();
        r.MadeOn = MadeOn!.Value;
        r.ActivityId = ActivityId;
        r.OrganisationId = OrganisationId;
    }
}

public sealed class RecommendationFormValidator : AbstractValidator<RecommendationForm>
{
    public RecommendationFormValidator(PortalDbContext db)
    {
        RuleFor(f => f.Title).NotEmpty().WithMessage("Enter a short title for the recommendation")
            .MaximumLength(200).WithMessage("The title must be 200 characters or fewer")
            .NoPersonalData("The title");
        RuleFor(f => f.Detail).NotEmpty().WithMessage("Enter the recommendation")
            .MaximumLength(4000).WithMessage("The recommendation must be 4,000 characters or fewer")
            .NoPersonalData("The recommendation");
        RuleFor(f => f.MadeOn).NotNull().WithMessage("Enter the date the recommendation was made, for example 14 11 2024");
        RuleFor(f => f.OrganisationId)
            .MustAsync(async (id, ct) => id is null || await db.Organisations.AnyAsync(o => o.Id == id, ct))
            .WithMessage("Select the organisation from the list");
        RuleFor(f => f.ActivityId)
            .MustAsync(async (id, ct) => id is null || await db.ScrutinyActivities.AnyAsync(a => a.Id == id, ct))
            .WithMessage("Select the activity from the list");
    }
}

/// <summary>The partners' response to a recommendation.</summary>
public sealed class RecommendationResponseForm
{
    public Guid Version { get; set; }
    public RecommendationResponse? Response { get; set; }
    public string? ResponseText { get; set; }
    [Display(Name = "Date of the response")]
    public DateOnly? RespondedOn { get; set; }
}

public sealed class RecommendationResponseFormValidator : AbstractValidator<RecommendationResponseForm>
{
    public RecommendationResponseFormValidator()
    {
        RuleFor(f => f.Response).NotNull().WithMessage("Select whether the recommendation is agreed")
            .IsInEnum().WithMessage("Select whether the recommendation is agreed");
        RuleFor(f => f.ResponseText).NotEmpty().WithMessage("Enter the response")
            .MaximumLength(4000).WithMessage("The response must be 4,000 characters or fewer")
            .NoPersonalData("The response");
        RuleFor(f => f.RespondedOn).NotNull().WithMessage("Enter the date of the response, for example 15 12 2024");
    }
}

/// <summary>The scrutiny index's three lists, each exported as it is shown.</summary>
public static class ScrutinyExports
{
    public static readonly IReadOnlyList<ExportColumn<ActivityRow>> ActivityColumns =
    [
        new("Date", r => r.HeldOn),
        new("Kind", r => Format.Humanise(r.Kind)),
        new("What was looked at", r => r.Subject),
        new("Agency", r => r.Organisation),
        new("Findings", r => r.Findings),
    ];

    public static IReadOnlyList<ExportColumn<ChallengeRow>> ChallengeColumns(DateOnly today) =>
    [
        new("Challenge", r => r.Title),
        new("To", r => r.Organisation),
        new("Raised", r => r.RaisedOn),
        new("Response due", r => r.ResponseDueOn),
        new("Response received", r => r.ResponseReceivedOn),
        new("Status", r => ScrutinyRules.Describe(r.State(today))),
    ];

    public static readonly IReadOnlyList<ExportColumn<RecommendationRow>> RecommendationColumns =
    [
        new("Recommendation", r => r.Title),
        new("To", r => r.To),
        new("Made", r => r.MadeOn),
        new("Response", r => r.Response is { } response ? ScrutinyPlanRules.Describe(response) : null),
        new("Responded", r => r.RespondedOn),
        new("Actions", r => r.Actions),
        new("Actions open", r => r.OpenActions),
        new("Status", r => ScrutinyPlanRules.Describe(r.State)),
    ];
}
