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
            .MustAsync(async (id, ct) => id is null || await db.People.AnyAsync(p => p.Id == id && p.ArchivedAt == null, ct))
            .WithMessage("Select who owns the action");
        RuleFor(f => f.OwnerOrganisationId)
            .MustAsync(async (id, ct) => id is null || await db.Organisations.AnyAsync(o => o.Id == id && o.ArchivedAt == null, ct))
            .WithMessage("Select the agency that owns the action");
        RuleFor(f => f.DueDate).NotNull().WithMessage("Enter the date the action is due");
        RuleFor(f => f.DueDate)
            .Must((form, due) => form.Meeting is null || due >= form.Meeting.Date)
            .When(f => f.DueDate is not null)
            .WithMessage(f => $"The due date must be on or after the meeting, {Format.Date(f.Meeting!.Date)}");
    }
}

public sealed record ActionSummary(
    int Id, string Title, string? Description, int GroupId, string GroupName, int OwnerPersonId, string OwnerName, int OwnerOrganisationId, string OwnerOrganisation,
    DateOnly DueDate, ActionStatus Status, ActionSource Source, int? MeetingId, string? MeetingTitle, DateOnly? MeetingDate,
    int? AgendaItemId, int? AgendaItemOrder, string? AgendaItemTitle, bool Archived)
{
    public bool IsOpen => Status is not (ActionStatus.Completed or ActionStatus.Closed or ActionStatus.Cancelled);
}

public sealed class ActionDetails
{
    public required ActionItem Action { get; init; }
    public required ActionSummary Summary { get; init; }
    public required DateOnly Today { get; init; }
    public bool Overdue => Summary.IsOpen && !Summary.Archived && Summary.DueDate < Today;
}
