using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Escalations;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure.Export;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Audits;

public sealed class AuditListQuery
{
    /// <summary>A reporting year ("2023-24"); empty for the current one.</summary>
    public string? Year { get; set; }
    public AuditStatus? Status { get; set; }
    public int? GroupId { get; set; }
    public bool Archived { get; set; }
}

public sealed record AuditRow(
    int Id, string Title, string Theme, string Group, int PlannedQuarter, AuditReason Reason, AuditMethod Method, int? CasesSampled,
    AuditStatus Status, DateOnly? StartedOn, DateOnly? ReportedOn, int Strengths, int AreasForImprovement, int Actions, int ActionsComplete,
    bool IsReAudit, bool Archived);

public sealed class AuditList
{
    public required AuditListQuery Query { get; init; }
    public required ReportingYear Year { get; init; }
    public required IReadOnlyList<AuditRow> Rows { get; init; }
    public required IReadOnlyList<string> Years { get; init; }
    public required IReadOnlyList<SelectListItem> Groups { get; init; }
    public required bool CanAdd { get; init; }

    public string ExportUrl(ExportFormat format) =>
        $"/audits/export?year={Year}&status={Query.Status}&groupId={Query.GroupId}&archived={Query.Archived.ToString().ToLowerInvariant()}&format={format.ToString().ToLowerInvariant()}";

    public static readonly IReadOnlyList<ExportColumn<AuditRow>> Columns =
    [
        new("Title", r => r.Title),
        new("Theme", r => r.Theme),
        new("Group", r => r.Group),
        new("Planned quarter", r => r.PlannedQuarter),
        new("Why chosen", r => r.Reason),
        new("Method", r => r.Method),
        new("Cases sampled", r => r.CasesSampled),
        new("Status", r => r.Status),
        new("Started", r => r.StartedOn),
        new("Reported", r => r.ReportedOn),
        new("Strengths", r => r.Strengths),
        new("Areas for improvement", r => r.AreasForImprovement),
        new("Actions", r => r.Actions),
        new("Actions complete", r => r.ActionsComplete),
        new("Re-audit", r => r.IsReAudit),
        new("Archived", r => r.Archived),
    ];
}

public sealed record FindingAction(int Id, string Title, ActionStatus Status, DateOnly DueDate);

public sealed record FindingView(
    int Id, FindingKind Kind, string Text, Guid Version, IReadOnlyList<FindingAction> Actions,
    int? RevisitsFindingId, string? RevisitsText, FindingComparison? Comparison);

/// <summary>A finding taken out of the audit, kept so that it can be put back.</summary>
public sealed record ArchivedFinding(int Id, FindingKind Kind, string Text, Guid Version, DateTime ArchivedAt, string? ArchivedBy);

/// <summary>A finding of the original audit beside what the re-audit found on it.</summary>
public sealed record ComparisonRow(int OriginalId, FindingKind Kind, string Original, string? ReAuditFinding, FindingComparison? Comparison);

public sealed class AuditDetails
{
    public required Audit Audit { get; init; }
    public required string Group { get; init; }
    public required IReadOnlyList<string> Agencies { get; init; }
    public required IReadOnlyList<FindingView> Findings { get; init; }
    public IReadOnlyList<ArchivedFinding> ArchivedFindings { get; init; } = [];
    public required (int Id, string Title)? ReAuditOf { get; init; }
    public required IReadOnlyList<(int Id, string Title, AuditStatus Status)> ReAudits { get; init; }

    /// <summary>On a re-audit: every finding of the original audit, with what the re-audit found on it.</summary>
    public required IReadOnlyList<ComparisonRow> Comparison { get; init; }
    public required bool CanEdit { get; init; }

    public ReAuditResult Result => AuditRules.Compare(Findings.Select(f => f.Comparison));
    public int ActionCount => Findings.Sum(f => f.Actions.Count);
    public int ActionsComplete => Findings.Sum(f => f.Actions.Count(a => a.Status == ActionStatus.Completed));
}

/// <summary>Planning an audit (Id 0) or editing it as it runs, reports and closes.</summary>
public sealed class AuditForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public string? Title { get; set; }
    public string? Theme { get; set; }

    /// <summary>The programme's reporting year, "2023-24".</summary>
    public string? Year { get; set; }
    public int? PlannedQuarter { get; set; }
    public AuditReason? Reason { get; set; }
    public string? ReasonNote { get; set; }
    public AuditMethod? Method { get; set; }
    public int? CasesSampled { get; set; }
    public string? SampleDescription { get; set; }
    public int? GroupId { get; set; }
    public List<int> AgencyIds { get; set; } = [];
    public AuditStatus? Status { get; set; }
    [Display(Name = "Date started")]
    public DateOnly? StartedOn { get; set; }
    [Display(Name = "Date reported")]
    public DateOnly? ReportedOn { get; set; }
    public string? LearningShared { get; set; }
    public int? PeopleReached { get; set; }
    public int? ReAuditOfId { get; set; }

    /// <summary>The group the record already has, so an audit of a since-dissolved group can still be saved; set by the controller.</summary>
    [BindNever]
    public int? CurrentGroupId { get; set; }

    public static AuditForm From(Audit a) => new()
    {
        Id = a.Id,
        Version = a.Version,
        Title = a.Title,
        Theme = a.Theme,
        Year = new ReportingYear(a.ProgrammeYear).ToString(),
        PlannedQuarter = a.PlannedQuarter,
        Reason = a.Reason,
        ReasonNote = a.ReasonNote,
        Method = a.Method,
        CasesSampled = a.CasesSampled,
        SampleDescription = a.SampleDescription,
        GroupId = a.GroupId,
        AgencyIds = a.Agencies.Select(x => x.OrganisationId).ToList(),
        Status = a.Status,
        StartedOn = a.StartedOn,
        ReportedOn = a.ReportedOn,
        LearningShared = a.LearningShared,
        PeopleReached = a.PeopleReached,
        ReAuditOfId = a.ReAuditOfId,
    };

    public void ApplyTo(Audit a)
    {
        // The validator has checked the year; an unparsed one would be a bug, not bad input.
        if (!ReportingYear.TryParse(Year, out var year))
        {
            throw new InvalidOperationException("ApplyTo needs a validated form.");
        }

        a.Title = Title!.Trim();
        a.Theme = Theme!.Trim();
        a.ProgrammeYear = year.StartYear;
        a.PlannedQuarter = PlannedQuarter!.Value;
        a.Reason = Reason!.Value;
        a.ReasonNote = ReasonNote.NullIfBlank();
        a.Method = Method!.Value;
        a.CasesSampled = CasesSampled;
        a.SampleDescription = SampleDescription.NullIfBlank();
        a.GroupId = GroupId!.Value;
        a.Status = Status!.Value;
        a.StartedOn = StartedOn;
        a.ReportedOn = ReportedOn;
        a.LearningShared = LearningShared.NullIfBlank();
        a.PeopleReached = PeopleReached;
        a.ReAuditOfId = ReAuditOfId;

        // The agencies taking part: keep the rows still chosen, so the trail shows only who was added or removed.
        var chosen = AgencyIds.Distinct().ToHashSet();
        a.Agencies.RemoveAll(x => !chosen.Contains(x.OrganisationId));
        foreach (var id in chosen.Where(id => a.Agencies.All(x => x.OrganisationId != id)))
        {
            a.Agencies.Add(new AuditAgency { OrganisationId = id });
        }
    }
}

public sealed class AuditFormValidator : AbstractValidator<AuditForm>
{
    public AuditFormValidator(PortalDbContext db)
    {
        RuleFor(f => f.Title).NotEmpty().WithMessage("Enter the audit's title")
            .MaximumLength(200).WithMessage("The title must be 200 characters or fewer")
            .NoPersonalData("The title");
        RuleFor(f => f.Theme).NotEmpty().WithMessage("Enter the theme, for example Child sexual abuse")
            .MaximumLength(200).WithMessage("The theme must be 200 characters or fewer")
            .NoPersonalData("The theme");
        RuleFor(f => f.Year).Must(y => ReportingYear.TryParse(y, out _))
            .WithMessage("Select the reporting year whose programme the audit is on");
        RuleFor(f => f.PlannedQuarter).NotNull().WithMessage("Select the quarter the audit is planned for")
            .InclusiveBetween(1, 4).WithMessage("Select the quarter the audit is planned for");
        RuleFor(f => f.Reason).NotNull().WithMessage("Select why the audit was chosen").IsInEnum().WithMessage("Select why the audit was chosen");
        RuleFor(f => f.ReasonNote).MaximumLength(1000).WithMessage("The note on why it was chosen must be 1,000 characters or fewer")
            .NoPersonalData("The note on why it was chosen");
        RuleFor(f => f.Method).NotNull().WithMessage("Select the method").IsInEnum().WithMessage("Select the method");
        RuleFor(f => f.CasesSampled).InclusiveBetween(1, 10000).When(f => f.CasesSampled is not null)
            .WithMessage("The number of cases sampled must be between 1 and 10,000");
        RuleFor(f => f.SampleDescription).MaximumLength(1000).WithMessage("The description of the sample must be 1,000 characters or fewer")
            .NoPersonalData("The description of the sample");
        RuleFor(f => f.GroupId).NotNull().WithMessage("Select the group that owns the audit")
            .MustAsync(async (form, id, ct) => id is null || await db.Groups.AnyAsync(g => g.Id == id && ((g.IsLive() && g.Status == GroupStatus.Active) || g.Id == form.CurrentGroupId), ct))
            .WithMessage("Select the group that owns the audit");
        RuleFor(f => f.AgencyIds).MustAsync(async (ids, ct) =>
            {
                var distinct = ids.Distinct().ToList();
                return distinct.Count == 0 || await db.Organisations.CountAsync(o => distinct.Contains(o.Id), ct) == distinct.Count;
            })
            .WithMessage("Select the agencies taking part from the list");
        RuleFor(f => f.Status).NotNull().WithMessage("Select the audit's status").IsInEnum().WithMessage("Select the audit's status");
        RuleFor(f => f.LearningShared).MaximumLength(1000).WithMessage("How the learning was shared must be 1,000 characters or fewer")
            .NoPersonalData("How the learning was shared");
        RuleFor(f => f.PeopleReached).InclusiveBetween(0, 100000).When(f => f.PeopleReached is not null)
            .WithMessage("The number of people reached must be between 0 and 100,000");
        RuleFor(f => f.ReAuditOfId)
            .MustAsync(async (form, id, ct) => id is null || (id != form.Id && await db.Audits.AnyAsync(a => a.Id == id, ct)))
            .WithMessage("Select the audit this one repeats");
    }
}

public sealed class FindingForm
{
    public Guid Version { get; set; }
    public FindingKind? Kind { get; set; }
    public string? Text { get; set; }
    public int? RevisitsFindingId { get; set; }
    public FindingComparison? Comparison { get; set; }

    /// <summary>The original audit's findings, when the audit is a re-audit; empty otherwise.</summary>
    public IReadOnlyList<SelectListItem> Originals { get; set; } = [];
}

public sealed class FindingFormValidator : AbstractValidator<FindingForm>
{
    public FindingFormValidator()
    {
        RuleFor(f => f.Kind).NotNull().WithMessage("Select whether the finding is a strength or an area for improvement")
            .IsInEnum().WithMessage("Select whether the finding is a strength or an area for improvement");
        RuleFor(f => f.Text).NotEmpty().WithMessage("Enter the finding")
            .MaximumLength(1000).WithMessage("The finding must be 1,000 characters or fewer")
            .NoPersonalData("The finding");
        RuleFor(f => f.Comparison).IsInEnum().WithMessage("Select how the re-audit compares");
        RuleFor(f => f.Comparison).NotNull().When(f => f.RevisitsFindingId is not null)
            .WithMessage("Select whether practice improved, did not change or got worse on the original finding");
        RuleFor(f => f.RevisitsFindingId).NotNull().When(f => f.Comparison is not null)
            .WithMessage("Select the original finding this one revisits");
        RuleFor(f => f.RevisitsFindingId)
            .Must((form, id) => id is null || form.Originals.Any(o => o.Value == id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .WithMessage("Select a finding of the original audit");
    }
}

/// <summary>Turning an area for improvement into an action on the owning group's plan, in one step.</summary>
/// <summary>
/// An action raised in one step from a record (an audit's area for improvement, a scrutiny recommendation): the
/// action goes on a group's plan with the record as its source.
/// </summary>
public sealed class FindingActionForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public int? OwnerPersonId { get; set; }
    public int? OwnerOrganisationId { get; set; }
    [Display(Name = "Due date")]
    public DateOnly? DueDate { get; set; }
    public DateOnly Today { get; set; }

    /// <summary>The group whose plan takes the action, where the source has no group of its own (a recommendation).</summary>
    public int? GroupId { get; set; }

    /// <summary>Leaving the agency blank means the owner's own agency.</summary>
    public async Task DefaultOwnerOrganisationAsync(PortalDbContext db, CancellationToken ct)
    {
        if (OwnerOrganisationId is null && OwnerPersonId is { } personId)
        {
            OwnerOrganisationId = await db.People.Where(p => p.Id == personId).Select(p => (int?)p.OrganisationId).FirstOrDefaultAsync(ct);
        }
    }

    /// <summary>The new action (call once the form is valid); the caller links it to its source record.</summary>
    public ActionItem ToAction(int groupId, ActionSource source, string sourceReference) => new()
    {
        Title = Title!.Trim(),
        Description = Description.NullIfBlank(),
        GroupId = groupId,
        OwnerPersonId = OwnerPersonId!.Value,
        OwnerOrganisationId = OwnerOrganisationId!.Value,
        DueDate = DueDate!.Value,
        Status = ActionStatus.NotStarted,
        Source = source,
        SourceReference = sourceReference.Length <= 300 ? sourceReference : sourceReference[..300],
    };
}

public sealed class FindingActionFormValidator : AbstractValidator<FindingActionForm>
{
    public FindingActionFormValidator(PortalDbContext db)
    {
        RuleFor(f => f.Title).NotEmpty().WithMessage("Enter the action")
            .MaximumLength(500).WithMessage("The action must be 500 characters or fewer");
        RuleFor(f => f.Description).MaximumLength(8000).WithMessage("The description must be 8,000 characters or fewer");
        RuleFor(f => f.OwnerPersonId).NotNull().WithMessage("Select who owns the action")
            .MustAsync(async (id, ct) => id is null || await db.People.AnyAsync(p => p.Id == id && p.IsLive(), ct))
            .WithMessage("Select who owns the action");
        RuleFor(f => f.OwnerOrganisationId)
            .MustAsync(async (id, ct) => id is null || await db.Organisations.AnyAsync(o => o.Id == id && o.IsLive(), ct))
            .WithMessage("Select the agency that owns the action");
        RuleFor(f => f.DueDate).NotNull().WithMessage("Enter the date the action is due, for example 31 3 2026");
        RuleFor(f => f.DueDate).Must((form, due) => due >= form.Today).When(f => f.DueDate is not null)
            .WithMessage("The due date must be today or in the future");
    }
}
