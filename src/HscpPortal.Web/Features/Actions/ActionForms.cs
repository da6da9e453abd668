using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Decisions;
using HscpPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Actions;

public sealed class ActionArisingForm
{
    public int MeetingId { get; set; }
    public int? AgendaItemId { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public int? OwnerPersonId { get; set; }
    public int? OwnerOrganisationId { get; set; }
    [Display(Name = "Due date")]
    public DateOnly? DueDate { get; set; }

    public MeetingSummary? Meeting { get; set; }
    public IReadOnlyList<SelectListItem> AgendaItems { get; set; } = [];
    public IReadOnlyList<SelectListItem> People { get; set; } = [];
    public IReadOnlyList<SelectListItem> Organisations { get; set; } = [];
}

public sealed class ActionArisingFormValidator : AbstractValidator<ActionArisingForm>
{
    public ActionArisingFormValidator(PortalDbContext db)
    {
        RuleFor(f => f.AgendaItemId).NotNull().WithMessage("Select the agenda item the action arose from")
            .MustAsync(async (form, id, ct) => id is null || await db.IsAgendaItemOfAsync(id.Value, form.MeetingId, null, ct))
            .WithMessage("Select the agenda item the action arose from");
        RuleFor(f => f.Title).NotEmpty().WithMessage("Enter the action")
            .MaximumLength(500).WithMessage("The action must be 500 characters or fewer");
        RuleFor(f => f.Description).MaximumLength(8000).WithMessage("The description must be 8,000 characters or fewer");
        RuleFor(f => f.OwnerPersonId).NotNull().WithMessage("Select who owns the action")
            .MustAsync(async (id, ct) => id is null || await db.People.AnyAsync(p => p.Id == id && p.IsLive(), ct))
            .WithMessage("Select who owns the action");
        RuleFor(f => f.OwnerOrganisationId)
            .MustAsync(async (id, ct) => id is null || await db.Organisations.AnyAsync(o => o.Id == id && o.IsLive(), ct))
            .WithMessage("Select the agency that owns the action");
        RuleFor(f => f.DueDate).NotNull().WithMessage("Enter the date the action is due");
        RuleFor(f => f.DueDate)
            .Must((form, due) => form.Meeting is null || due >= form.Meeting.Date)
            .When(f => f.DueDate is not null)
            .WithMessage(f => $"The due date must be on or after the meeting, {Format.Date(f.Meeting!.Date)}");
    }
}

/// <summary>Which sources name themselves in free text until they become records of their own.</summary>
public static class ActionSources
{
    public static bool NeedsReference(ActionSource source) =>
        source is ActionSource.Audit or ActionSource.CaseReview or ActionSource.Section11 or ActionSource.Scrutiny;

    /// <summary>Sources an action can be raised from here; meeting actions are raised from the meeting's agenda item.</summary>
    public static IReadOnlyList<SelectListItem> Options() =>
        Enum.GetValues<ActionSource>().Where(s => s != ActionSource.Meeting)
            .Select(s => new SelectListItem(Describe(s), s.ToString())).ToList();

    public static string Describe(ActionSource source) => source switch
    {
        ActionSource.Audit => "Multi-agency audit",
        ActionSource.CaseReview => "Case review recommendation",
        ActionSource.Section11 => "Section 11 return",
        ActionSource.BusinessPlan => "Business plan priority",
        ActionSource.Escalation => "Escalation learning",
        ActionSource.Scrutiny => "Scrutiny challenge or recommendation",
        _ => Format.Humanise(source),
    };

    public static Task<List<SelectListItem>> PriorityOptionsAsync(this PortalDbContext db, CancellationToken ct, int? alwaysInclude = null) =>
        db.Priorities.AsNoTracking()
            .Where(p => p.IsLive() || p.Id == alwaysInclude)
            .OrderBy(p => p.Order).ThenBy(p => p.Title)
            .Select(p => new SelectListItem(p.Title + " (from " + p.FromYear + ")", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToListAsync(ct);

    public static Task<List<SelectListItem>> EscalationOptionsAsync(this PortalDbContext db, CancellationToken ct, int? alwaysInclude = null) =>
        db.Escalations.AsNoTracking()
            .Where(e => e.IsLive() || e.Id == alwaysInclude)
            .OrderByDescending(e => e.RaisedOn).ThenBy(e => e.Reference)
            .Select(e => new SelectListItem(e.Reference, e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToListAsync(ct);
}

/// <summary>An action raised from any source except a meeting.</summary>
public sealed class NewActionForm : IActionFields
{
    public int? GroupId { get; set; }
    public ActionSource? Source { get; set; }
    public int? EscalationId { get; set; }
    public string? SourceReference { get; set; }
    public int? PriorityId { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public int? OwnerPersonId { get; set; }
    public int? OwnerOrganisationId { get; set; }
    [Display(Name = "Due date")]
    public DateOnly? DueDate { get; set; }

    ActionSource? IActionFields.SourceChosen => Source;
    int? IActionFields.LinkedPriorityId => null;
    int? IActionFields.LinkedOwnerPersonId => null;
    int? IActionFields.LinkedOwnerOrganisationId => null;

    public DateOnly Today { get; set; }
    public IReadOnlyList<SelectListItem> Groups { get; set; } = [];
    public IReadOnlyList<SelectListItem> Sources { get; set; } = [];
    public IReadOnlyList<SelectListItem> Escalations { get; set; } = [];
    public IReadOnlyList<SelectListItem> Priorities { get; set; } = [];
    public IReadOnlyList<SelectListItem> People { get; set; } = [];
    public IReadOnlyList<SelectListItem> Organisations { get; set; } = [];
}

public sealed class NewActionFormValidator : AbstractValidator<NewActionForm>
{
    public NewActionFormValidator(PortalDbContext db)
    {
        RuleFor(f => f.GroupId).NotNull().WithMessage("Select the group whose action plan the action is on")
            .MustAsync(async (id, ct) => id is null || await db.Groups.AnyAsync(g => g.Id == id && g.IsLive() && g.Status == GroupStatus.Active, ct))
            .WithMessage("Select the group whose action plan the action is on");
        RuleFor(f => f.Source).NotNull().WithMessage("Select where the action comes from")
            .Must(s => s is null || (Enum.IsDefined(s.Value) && s != ActionSource.Meeting))
            .WithMessage("Select where the action comes from. Actions arising at a meeting are recorded from the meeting's page");
        RuleFor(f => f.EscalationId).NotNull().When(f => f.Source == ActionSource.Escalation)
            .WithMessage("Select the escalation whose learning the action carries");
        RuleFor(f => f.EscalationId)
            .MustAsync(async (id, ct) => await db.Escalations.AnyAsync(e => e.Id == id && e.IsLive(), ct))
            .When(f => f.Source == ActionSource.Escalation && f.EscalationId is not null)
            .WithMessage("Select the escalation whose learning the action carries");
        Include(new ActionFieldsValidator(db));
        RuleFor(f => f.DueDate).NotNull().WithMessage("Enter the date the action is due");
        RuleFor(f => f.DueDate).Must((form, due) => due >= form.Today).When(f => f.DueDate is not null)
            .WithMessage("The due date must be today or in the future");
    }
}

/// <summary>The action's own fields. The due date is not here: it is revised only by a progress update, so the trail keeps it.</summary>
public sealed class ActionEditForm : IActionFields
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public int? OwnerPersonId { get; set; }
    public int? OwnerOrganisationId { get; set; }
    public int? PriorityId { get; set; }
    public string? SourceReference { get; set; }

    public ActionSource Source { get; set; }
    public int? LinkedPriorityId { get; set; }
    public int? LinkedOwnerPersonId { get; set; }
    public int? LinkedOwnerOrganisationId { get; set; }
    ActionSource? IActionFields.SourceChosen => Source;
    public ActionHeader? Action { get; set; }
    public IReadOnlyList<SelectListItem> Priorities { get; set; } = [];
    public IReadOnlyList<SelectListItem> People { get; set; } = [];
    public IReadOnlyList<SelectListItem> Organisations { get; set; } = [];

    public static ActionEditForm From(ActionItem a) => new()
    {
        Id = a.Id, Version = a.Version, Title = a.Title, Description = a.Description, OwnerPersonId = a.OwnerPersonId,
        OwnerOrganisationId = a.OwnerOrganisationId, PriorityId = a.PriorityId, SourceReference = a.SourceReference,
        Source = a.Source, LinkedPriorityId = a.PriorityId, LinkedOwnerPersonId = a.OwnerPersonId, LinkedOwnerOrganisationId = a.OwnerOrganisationId,
    };

    public void ApplyTo(ActionItem a)
    {
        a.Title = Title!.Trim();
        a.Description = Description.NullIfBlank();
        a.OwnerPersonId = OwnerPersonId!.Value;
        a.OwnerOrganisationId = OwnerOrganisationId!.Value;
        a.PriorityId = PriorityId;
        a.SourceReference = SourceReference.NullIfBlank();
    }
}

public sealed class ActionEditFormValidator : AbstractValidator<ActionEditForm>
{
    public ActionEditFormValidator(PortalDbContext db)
    {
        Include(new ActionFieldsValidator(db));
    }
}

/// <summary>The fields the forms that create and edit an action share, so one set of rules covers both.</summary>
public interface IActionFields
{
    string? Title { get; }
    string? Description { get; }
    int? OwnerPersonId { get; }
    int? OwnerOrganisationId { get; }
    int? PriorityId { get; }
    string? SourceReference { get; }
    ActionSource? SourceChosen { get; }

    /// <summary>The priority the record already points at, still valid if since archived.</summary>
    int? LinkedPriorityId { get; }

    /// <summary>The owner and agency the record already points at, still valid if since archived.</summary>
    int? LinkedOwnerPersonId { get; }
    int? LinkedOwnerOrganisationId { get; }
}

public sealed class ActionFieldsValidator : AbstractValidator<IActionFields>
{
    public ActionFieldsValidator(PortalDbContext db)
    {
        RuleFor(f => f.Title).NotEmpty().WithMessage("Enter the action")
            .MaximumLength(500).WithMessage("The action must be 500 characters or fewer");
        RuleFor(f => f.Description).MaximumLength(8000).WithMessage("The description must be 8,000 characters or fewer");
        RuleFor(f => f.OwnerPersonId).NotNull().WithMessage("Select who owns the action")
            .MustAsync(async (form, id, ct) => id is null || id == form.LinkedOwnerPersonId || await db.People.AnyAsync(p => p.Id == id && p.IsLive(), ct))
            .WithMessage("Select who owns the action");
        RuleFor(f => f.OwnerOrganisationId)
            .MustAsync(async (form, id, ct) => id is null || id == form.LinkedOwnerOrganisationId || await db.Organisations.AnyAsync(o => o.Id == id && o.IsLive(), ct))
            .WithMessage("Select the agency that owns the action");
        RuleFor(f => f.PriorityId).NotNull().When(f => f.SourceChosen == ActionSource.BusinessPlan)
            .WithMessage("Select the business plan priority the action delivers");
        RuleFor(f => f.PriorityId)
            .MustAsync(async (form, id, ct) => id is null || id == form.LinkedPriorityId || await db.Priorities.AnyAsync(p => p.Id == id && p.IsLive(), ct))
            .WithMessage("Select a priority from the list");
        RuleFor(f => f.SourceReference).NotEmpty()
            .When(f => f.SourceChosen is { } s && ActionSources.NeedsReference(s))
            .WithMessage(f => $"Enter the {ActionSources.Describe(f.SourceChosen!.Value).ToLowerInvariant()} the action comes from, for example “Section 11 return 2023”");
        RuleFor(f => f.SourceReference).MaximumLength(300).WithMessage("The source must be 300 characters or fewer");
    }
}
