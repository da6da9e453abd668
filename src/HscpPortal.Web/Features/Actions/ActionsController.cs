using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Decisions;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure.Govuk;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Actions;

[Authorize(Policy = Policies.ViewRecords)]
public sealed class ActionsController(PortalDbContext db, IAuthorizationService authz, TimeProvider clock) : Controller
{
    [HttpGet("actions/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var action = await db.Actions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        var summary = await db.Actions.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new ActionSummary(
                a.Id, a.Title, a.Description, a.GroupId, a.Group!.Name, a.OwnerPersonId, a.OwnerPerson!.FullName, a.OwnerOrganisationId, a.OwnerOrganisation!.Name,
                a.DueDate, a.Status, a.Source, a.MeetingId, a.MeetingId == null ? null : a.Meeting!.Title ?? "Meeting", (DateOnly?)a.Meeting!.Date,
                a.AgendaItemId, (int?)a.AgendaItem!.Order, a.AgendaItem.Title, a.ArchivedAt != null))
            .FirstOrDefaultAsync(ct);
        if (action is null || summary is null)
        {
            return NotFound();
        }

        return View(new ActionDetails { Action = action, Summary = summary, Today = UkTime.Today(clock) });
    }

    [HttpGet("meetings/{meetingId:int}/actions/new")]
    public async Task<IActionResult> Create(int meetingId, int? agendaItemId, CancellationToken ct)
    {
        var meeting = await db.MeetingSummaryAsync(meetingId, ct);
        if (meeting is null)
        {
            return NotFound();
        }

        if (!await authz.CanEditGroupAsync(User, db, meeting.GroupId, ct))
        {
            return Forbid();
        }

        return View("Create", await WithOptionsAsync(new ActionArisingForm { MeetingId = meetingId, AgendaItemId = agendaItemId }, meeting, ct));
    }

    [HttpPost("meetings/{meetingId:int}/actions/new")]
    public async Task<IActionResult> Create(int meetingId, ActionArisingForm form, [FromServices] IValidator<ActionArisingForm> validator, CancellationToken ct)
    {
        var meeting = await db.MeetingSummaryAsync(meetingId, ct);
        if (meeting is null)
        {
            return NotFound();
        }

        if (!await authz.CanEditGroupAsync(User, db, meeting.GroupId, ct))
        {
            return Forbid();
        }

        form.MeetingId = meetingId;
        form.Meeting = meeting;
        // An owner's agency defaults to the organisation the person works for.
        if (form.OwnerOrganisationId is null && form.OwnerPersonId is { } personId)
        {
            form.OwnerOrganisationId = await db.People.Where(p => p.Id == personId).Select(p => (int?)p.OrganisationId).FirstOrDefaultAsync(ct);
        }

        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (meeting.Status == MeetingStatus.Cancelled)
        {
            ModelState.AddModelError("", "This meeting was cancelled, so no actions arose from it");
        }

        if (!ModelState.IsValid)
        {
            return View("Create", await WithOptionsAsync(form, meeting, ct));
        }

        var action = new ActionItem
        {
            Title = form.Title!.Trim(),
            Description = form.Description.NullIfBlank(),
            GroupId = meeting.GroupId,
            OwnerPersonId = form.OwnerPersonId!.Value,
            OwnerOrganisationId = form.OwnerOrganisationId!.Value,
            DueDate = form.DueDate!.Value,
            Status = ActionStatus.NotStarted,
            Source = ActionSource.Meeting,
            MeetingId = meetingId,
            AgendaItemId = form.AgendaItemId,
        };
        db.Actions.Add(action);
        await db.SaveChangesAsync(ct);
        return Redirect($"/actions/{action.Id}?notice={Notices.Created}");
    }

    private async Task<ActionArisingForm> WithOptionsAsync(ActionArisingForm form, MeetingSummary meeting, CancellationToken ct)
    {
        form.Meeting = meeting;
        form.AgendaItems = await db.AgendaItemOptionsAsync(meeting.Id, ct);
        form.People = await db.PersonOptionsAsync(ct);
        form.Organisations = await db.OrganisationOptionsAsync(ct);
        return form;
    }
}
