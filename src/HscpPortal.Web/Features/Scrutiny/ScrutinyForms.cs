using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Escalations;
using HscpPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Scrutiny;

public sealed record ActivityRow(int Id, ScrutinyActivityKind Kind, DateOnly HeldOn, string Subject, string? Findings, string? Organisation, Guid Version, bool Archived);

public sealed record ChallengeRow(
    int Id, string Title, int OrganisationId, string Organisation, DateOnly RaisedOn, DateOnly ResponseDueOn,
    DateOnly? ResponseReceivedOn, ChallengeVerdict? Verdict, bool Archived)
{
    public ChallengeState State(DateOnly today) => ScrutinyRules.State(ResponseDueOn, ResponseReceivedOn, Verdict, today);
}

public sealed record PlanSummary(ScrutinyPlanStatus Status, int Items, int Approvals);

public sealed class ScrutinyIndex
{
    public required ReportingYear Year { get; init; }
    public required IReadOnlyList<string> Years { get; init; }
    public required DateOnly Today { get; init; }
    public required IReadOnlyList<ActivityRow> Activities { get; init; }
    public required IReadOnlyList<ChallengeRow> Challenges { get; init; }
    public required IReadOnlyList<RecommendationRow> Recommendations { get; init; }

    /// <summary>The year's plan in brief, or null when it has none (or every year is shown).</summary>
    public required PlanSummary? Plan { get; init; }
    public bool AllYears { get; init; }

    /// <summary>The query string the lists were filtered with, carried by their export links.</summary>
    public string ExportQuery(string list, string format) =>
        $"/scrutiny/export?list={list}&format={format}&year={(AllYears ? "all" : Year.ToString())}"
        + (Organisation is { } o ? $"&organisationId={o.Id}" : "") + (OpenOnly ? "&open=true" : "");

    /// <summary>The agency the challenges are filtered to (from a partner's dashboard), or null for every agency.</summary>
    public required (int Id, string Name)? Organisation { get; init; }
    public required bool OpenOnly { get; init; }
    public required bool CanRecord { get; init; }
}

public sealed class ChallengeDetails
{
    public required ScrutinyChallenge Challenge { get; init; }
    public required string Organisation { get; init; }
    public required DateOnly Today { get; init; }
    public required bool CanRecord { get; init; }
    public required bool CanRespond { get; init; }

    public ChallengeState State => ScrutinyRules.State(Challenge.ResponseDueOn, Challenge.ResponseReceivedOn, Challenge.Verdict, Today);
}

/// <summary>Recording (Id 0) or correcting one of the scrutineer's activities.</summary>
public sealed class ActivityForm
{
    public Guid Version { get; set; }
    public ScrutinyActivityKind? Kind { get; set; }
    [Display(Name = "Date")]
    public DateOnly? HeldOn { get; set; }
    public string? Subject { get; set; }
    public string? Findings { get; set; }
    public int? OrganisationId { get; set; }

    /// <summary>The planned item the activity delivers, if any.</summary>
    public int? PlanItemId { get; set; }

    public static ActivityForm From(ScrutinyActivity a) => new()
    {
        Version = a.Version, Kind = a.Kind, HeldOn = a.HeldOn, Subject = a.Subject, Findings = a.Findings, OrganisationId = a.OrganisationId,
        PlanItemId = a.PlanItemId,
    };

    public void ApplyTo(ScrutinyActivity a)
    {
        a.Kind = Kind!.Value;
        a.HeldOn = HeldOn!.Value;
        a.Subject = Subject!.Trim();
        a.Findings = Findings.NullIfBlank();
        a.OrganisationId = OrganisationId;
        a.PlanItemId = PlanItemId;
    }
}

public sealed class ActivityFormValidator : AbstractValidator<ActivityForm>
{
    public ActivityFormValidator(PortalDbContext db)
    {
        RuleFor(f => f.Kind).NotNull().WithMessage("Select the kind of scrutiny")
            .IsInEnum().WithMessage("Select the kind of scrutiny");
        RuleFor(f => f.HeldOn).NotNull().WithMessage("Enter the date of the activity, for example 14 11 2023");
        RuleFor(f => f.Subject).NotEmpty().WithMessage("Enter what was looked at")
            .MaximumLength(300).WithMessage("What was looked at must be 300 characters or fewer")
            .NoPersonalData("What was looked at");
        RuleFor(f => f.Findings).MaximumLength(4000).WithMessage("The findings must be 4,000 characters or fewer")
            .NoPersonalData("The text of the findings");
        RuleFor(f => f.OrganisationId)
            .MustAsync(async (id, ct) => id is null || await db.Organisations.AnyAsync(o => o.Id == id, ct))
            .WithMessage("Select the agency from the list");
        RuleFor(f => f.PlanItemId)
            .MustAsync(async (id, ct) => id is null || await db.ScrutinyPlanItems.AnyAsync(i => i.Id == id, ct))
            .WithMessage("Select the planned item from the list");
    }
}

/// <summary>Raising (Id 0) or correcting a challenge to a partner or agency.</summary>
public sealed class ChallengeForm
{
    public Guid Version { get; set; }
    public string? Title { get; set; }
    public string? Detail { get; set; }
    public int? OrganisationId { get; set; }
    [Display(Name = "Date raised")]
    public DateOnly? RaisedOn { get; set; }
    [Display(Name = "Response due")]
    public DateOnly? ResponseDueOn { get; set; }

    public static ChallengeForm From(ScrutinyChallenge c) => new()
    {
        Version = c.Version, Title = c.Title, Detail = c.Detail, OrganisationId = c.OrganisationId, RaisedOn = c.RaisedOn, ResponseDueOn = c.ResponseDueOn,
    };

    public void ApplyTo(ScrutinyChallenge c)
    {
        c.Title = Title!.Trim();
        c.Detail = Detail!.Trim();
        c.OrganisationId = OrganisationId!.Value;
        c.RaisedOn = RaisedOn!.Value;
        c.ResponseDueOn = ResponseDueOn!.Value;
    }
}

public sealed class ChallengeFormValidator : AbstractValidator<ChallengeForm>
{
    public ChallengeFormValidator(PortalDbContext db)
    {
        RuleFor(f => f.Title).NotEmpty().WithMessage("Enter a short title for the challenge")
            .MaximumLength(200).WithMessage("The title must be 200 characters or fewer")
            .NoPersonalData("The title");
        RuleFor(f => f.Detail).NotEmpty().WithMessage("Enter what the agency is asked to answer")
            .MaximumLength(4000).WithMessage("The challenge must be 4,000 characters or fewer")
            .NoPersonalData("The challenge");
        RuleFor(f => f.OrganisationId).NotNull().WithMessage("Select the partner or agency challenged")
            .MustAsync(async (id, ct) => id is null || await db.Organisations.AnyAsync(o => o.Id == id, ct))
            .WithMessage("Select the partner or agency challenged");
        RuleFor(f => f.RaisedOn).NotNull().WithMessage("Enter the date the challenge was raised, for example 14 11 2023");
        RuleFor(f => f.ResponseDueOn).NotNull().WithMessage("Enter the date a response is due, for example 15 12 2023");
    }
}

/// <summary>The agency's response to a challenge, recorded by its lead or delegated partner (or the team for it).</summary>
public sealed class ResponseForm
{
    public Guid Version { get; set; }
    public string? Response { get; set; }
    [Display(Name = "Date of the response")]
    public DateOnly? ResponseReceivedOn { get; set; }
}

public sealed class ResponseFormValidator : AbstractValidator<ResponseForm>
{
    public ResponseFormValidator()
    {
        RuleFor(f => f.Response).NotEmpty().WithMessage("Enter the response")
            .MaximumLength(4000).WithMessage("The response must be 4,000 characters or fewer")
            .NoPersonalData("The response");
        RuleFor(f => f.ResponseReceivedOn).NotNull().WithMessage("Enter the date of the response, for example 15 12 2023");
    }
}

/// <summary>The scrutineer's decision on the response.</summary>
public sealed class VerdictForm
{
    public Guid Version { get; set; }
    public ChallengeVerdict? Verdict { get; set; }
    [Display(Name = "Date of the decision")]
    public DateOnly? VerdictOn { get; set; }
    public string? VerdictNote { get; set; }
}

public sealed class VerdictFormValidator : AbstractValidator<VerdictForm>
{
    public VerdictFormValidator()
    {
        RuleFor(f => f.Verdict).NotNull().WithMessage("Select whether you accept the response")
            .IsInEnum().WithMessage("Select whether you accept the response");
        RuleFor(f => f.VerdictOn).NotNull().WithMessage("Enter the date of the decision, for example 20 12 2023");
        RuleFor(f => f.VerdictNote).MaximumLength(2000).WithMessage("The note must be 2,000 characters or fewer")
            .NoPersonalData("The note");
        RuleFor(f => f.VerdictNote).NotEmpty().When(f => f.Verdict == ChallengeVerdict.NotAccepted)
            .WithMessage("Say why the response is not accepted and what is expected next");
    }
}
