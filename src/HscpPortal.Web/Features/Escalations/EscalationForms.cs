using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;

namespace HscpPortal.Web.Features.Escalations;

public sealed class EscalationListQuery
{
    /// <summary>A reporting year ("2023-24"), "all", or empty for the current reporting year.</summary>
    public string? Year { get; set; }

    /// <summary>"open", "resolved" or empty for both.</summary>
    public string? Status { get; set; }
    public int? Stage { get; set; }
    public int? RaisingOrganisationId { get; set; }
    public int? ConcernedOrganisationId { get; set; }
    public EscalationCategory? Category { get; set; }
    public bool Drift { get; set; }

    /// <summary>Open and past the current stage's due date today (EscalationProtocol.LateOn).</summary>
    public bool Late { get; set; }
    public bool Archived { get; set; }
    public int Page { get; set; } = 1;
}

public sealed record EscalationRow(
    int Id, string Reference, DateOnly RaisedOn, string RaisingOrganisation, string ConcernedOrganisation,
    EscalationCategory Category, int CurrentStage, DateOnly? CurrentDueOn, DateOnly? ResolvedOn, int? ResolvedAtStage,
    bool Drifted, bool Archived);

public sealed class EscalationList
{
    public required EscalationListQuery Query { get; init; }
    public required Page<EscalationRow> Results { get; init; }
    public required string YearLabel { get; init; }
    public required IReadOnlyList<string> Years { get; init; }
    public required DateOnly Today { get; init; }
}

public sealed record EscalationStageView(
    int Stage, string Description, DateOnly StartedOn, DateOnly DueOn, DateOnly? EndedOn, int WorkingDaysSpent,
    bool Drifted, StageMoveReason? Reason, string? Note, DateTime RecordedAt, string? RecordedBy);

public sealed record EscalationActionRow(int Id, string Title, ActionStatus Status, DateOnly DueDate);

public sealed class EscalationDetails
{
    public required Escalation Escalation { get; init; }
    public required string RaisingOrganisation { get; init; }
    public required string ConcernedOrganisation { get; init; }
    public required IReadOnlyList<EscalationStageView> Stages { get; init; }
    public required IReadOnlyList<EscalationActionRow> Actions { get; init; }
    public required DateOnly Today { get; init; }
    public required bool CanMoveUp { get; init; }
}

public static class EscalationText
{
    public static string Reason(StageMoveReason reason) => reason switch
    {
        StageMoveReason.NoTimelyResponse => "No timely response: the agency did not respond within the timescale",
        _ => "Still in disagreement after the stage",
    };

    public const string CaseReferenceGuidance =
        "Use the agency's case or child ID, or the partnership's pseudonym for the case. Never a name, NHS number or date of birth.";
}

/// <summary>Recording an escalation (Id 0) and editing its details.</summary>
public sealed class EscalationForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public string? Reference { get; set; }
    [Display(Name = "Date raised")]
    public DateOnly? RaisedOn { get; set; }
    public int? RaisingOrganisationId { get; set; }
    public string? RaiserRole { get; set; }
    public int? ConcernedOrganisationId { get; set; }
    public EscalationCategory? Category { get; set; }
    public string? CaseReference { get; set; }
    public string? Summary { get; set; }

    // Only when recording: the stage at which the partnership was notified and when that stage began.
    public int? Stage { get; set; }
    [Display(Name = "Date that stage started")]
    public DateOnly? StageStartedOn { get; set; }
    public string? Note { get; set; }

    public static EscalationForm From(Escalation e) => new()
    {
        Id = e.Id,
        Version = e.Version,
        Reference = e.Reference,
        RaisedOn = e.RaisedOn,
        RaisingOrganisationId = e.RaisingOrganisationId,
        RaiserRole = e.RaiserRole,
        ConcernedOrganisationId = e.ConcernedOrganisationId,
        Category = e.Category,
        CaseReference = e.CaseReference,
        Summary = e.Summary,
    };

    public NewEscalation ToNew() => new(
        RaisedOn!.Value, RaisingOrganisationId!.Value, RaiserRole!.Trim(), ConcernedOrganisationId!.Value, Category!.Value,
        CaseReference!.Trim(), Summary.NullIfBlank(), Stage!.Value, StageStartedOn, Note.NullIfBlank());

    public void ApplyTo(Escalation e)
    {
        e.RaisedOn = RaisedOn!.Value;
        e.RaisingOrganisationId = RaisingOrganisationId!.Value;
        e.RaiserRole = RaiserRole!.Trim();
        e.ConcernedOrganisationId = ConcernedOrganisationId!.Value;
        e.Category = Category!.Value;
        e.CaseReference = CaseReference!.Trim();
        e.Summary = Summary.NullIfBlank();
    }
}

public sealed class EscalationFormValidator : AbstractValidator<EscalationForm>
{
    public EscalationFormValidator(EscalationProtocol protocol)
    {
        RuleFor(f => f.RaisedOn).NotNull().WithMessage("Enter the date the escalation was raised, for example 27 3 2024");
        RuleFor(f => f.RaisingOrganisationId).NotNull().WithMessage("Select the agency that raised the escalation");
        RuleFor(f => f.RaiserRole).NotEmpty().WithMessage("Enter the raiser's role, for example Designated safeguarding lead")
            .MaximumLength(200).WithMessage("The raiser's role must be 200 characters or fewer")
            .NoPersonalData("The raiser's role");
        RuleFor(f => f.ConcernedOrganisationId).NotNull().WithMessage("Select the agency the disagreement is with")
            .NotEqual(f => f.RaisingOrganisationId).When(f => f.RaisingOrganisationId is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("The agency concerned must be different from the agency that raised it");
        RuleFor(f => f.Category).NotNull().WithMessage("Select the category").IsInEnum().WithMessage("Select the category");
        RuleFor(f => f.CaseReference).NotEmpty().WithMessage("Enter the pseudonymised case reference")
            .MaximumLength(60).WithMessage("The case reference must be 60 characters or fewer")
            .NoPersonalData("The case reference");
        RuleFor(f => f.Summary).MaximumLength(8000).WithMessage("The summary must be 8,000 characters or fewer")
            .NoPersonalData("The summary");
        When(f => f.Id == 0, () =>
        {
            RuleFor(f => f.Stage).NotNull().WithMessage("Select the stage the escalation had reached when the partnership was told")
                .InclusiveBetween(1, protocol.StageCount).WithMessage("Select the stage the escalation had reached when the partnership was told");
            RuleFor(f => f.Note).MaximumLength(4000).WithMessage("The note must be 4,000 characters or fewer")
                .NoPersonalData("The note");
        });
    }
}

public sealed class MoveUpForm
{
    public Guid Version { get; set; }
    [Display(Name = "Date the next stage started")]
    public DateOnly? On { get; set; }
    public StageMoveReason? Reason { get; set; }
    public string? Note { get; set; }
}

public sealed class MoveUpFormValidator : AbstractValidator<MoveUpForm>
{
    public MoveUpFormValidator()
    {
        RuleFor(f => f.On).NotNull().WithMessage("Enter the date the next stage started, for example 27 3 2024");
        RuleFor(f => f.Reason).NotNull().WithMessage("Select why the escalation moved up").IsInEnum().WithMessage("Select why the escalation moved up");
        RuleFor(f => f.Note).MaximumLength(4000).WithMessage("The note must be 4,000 characters or fewer")
            .NoPersonalData("The note");
    }
}

public sealed class ResolveForm
{
    public Guid Version { get; set; }
    [Display(Name = "Date resolved")]
    public DateOnly? On { get; set; }
    public string? Outcome { get; set; }
    public string? ImpactForChild { get; set; }
    public string? Learning { get; set; }
}

public sealed class ResolveFormValidator : AbstractValidator<ResolveForm>
{
    public ResolveFormValidator()
    {
        RuleFor(f => f.On).NotNull().WithMessage("Enter the date the escalation was resolved, for example 27 3 2024");
        RuleFor(f => f.Outcome).NotEmpty().WithMessage("Enter the outcome")
            .MaximumLength(8000).WithMessage("The outcome must be 8,000 characters or fewer")
            .NoPersonalData("The outcome");
        RuleFor(f => f.ImpactForChild).NotEmpty().WithMessage("Enter the impact for the child")
            .MaximumLength(8000).WithMessage("The impact for the child must be 8,000 characters or fewer")
            .NoPersonalData("The impact for the child");
        RuleFor(f => f.Learning).MaximumLength(8000).WithMessage("The learning must be 8,000 characters or fewer")
            .NoPersonalData("The learning");
    }
}

public sealed class ReopenForm
{
    public Guid Version { get; set; }
    public string? Reason { get; set; }
}

public sealed class ReopenFormValidator : AbstractValidator<ReopenForm>
{
    public ReopenFormValidator()
    {
        RuleFor(f => f.Reason).NotEmpty().WithMessage("Enter why the escalation is being reopened")
            .MaximumLength(1000).WithMessage("The reason must be 1,000 characters or fewer")
            .NoPersonalData("The reason");
    }
}

public static class PersonalDataRules
{
    /// <summary>Refuses text with an NHS number or a full date of birth, saying which field and what to write instead.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> NoPersonalData<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.Custom((text, context) =>
        {
            foreach (var kind in PersonalDataGuard.Find(text).Select(f => f.Kind).Distinct())
            {
                context.AddFailure(PersonalDataGuard.Explain(field, kind));
            }
        });
}
