using System.Globalization;
using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Decisions;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure.Govuk;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Actions;

/// <summary>
/// One action: its page, raising it (from a meeting or any other source), editing its fields and archiving it,
/// and the signed-in owner's own list. Progress, sign-off and closure are in <see cref="ActionProgressController"/>.
/// </summary>
[Authorize(Policy = Policies.ViewRecords)]
public sealed class ActionsController(PortalDbContext db, IAuthorizationService authz, TimeProvider clock) : Controller
{
    [HttpGet("actions/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var action = await db.Actions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        var links = await db.Actions.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new ActionLinks(
                a.Group!.Name, a.OwnerPerson!.FullName, a.OwnerOrganisation!.Name,
                a.MeetingId == null ? null : a.Meeting!.Title ?? "Meeting", (DateOnly?)a.Meeting!.Date,
                (int?)a.AgendaItem!.Order, a.AgendaItem.Title, a.Escalation!.Reference, a.Priority!.Title)
            {
                AuditId = (int?)a.AuditFinding!.AuditId,
                AuditTitle = a.AuditFinding.Audit!.Title,
            })
            .FirstOrDefaultAsync(ct);
        if (action is null || links is null)
        {
            return NotFound();
        }

        var trail = await db.ActionUpdates.AsNoTracking()
            .Where(u => u.ActionItemId == id)
            .OrderByDescending(u => u.At).ThenByDescending(u => u.Id)
            .Select(u => new TrailEntry(u.Id, u.At, u.ByName, u.Note, u.StatusBefore, u.StatusAfter, u.DueDateBefore, u.DueDateAfter))
            .ToListAsync(ct);
        var today = UkTime.Today(clock);
        return View(new ActionPage
        {
            Action = action,
            Links = links,
            Trail = trail,
            Today = today,
            Progress = new ProgressForm { ActionId = id, Version = action.Version, StatusAfter = action.Status, Today = today },
            CanUpdate = await authz.CanUpdateAsync(User, action),
            CanEdit = await authz.CanEditAsync(User, db, action, ct),
            CanSeeAuditTrail = (await authz.AuthorizeAsync(User, Policies.ViewAuditTrail)).Succeeded,
        });
    }

    [HttpGet("actions/mine")]
    public async Task<IActionResult> Mine(CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var userId = User.UserId();
        var person = await db.People.AsNoTracking()
            .Where(p => p.UserId == userId && p.IsLive())
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.FullName })
            .FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return View(new MyActions { Open = [], Finished = [], Today = today });
        }

        var mine = db.Actions.AsNoTracking().Where(a => a.OwnerPersonId == person.Id && a.IsLive());
        // Ordering by due date puts the overdue ones, which are due earliest, first.
        var open = await Rows(mine.Where(a => a.Status != ActionStatus.Completed && a.Status != ActionStatus.Closed && a.Status != ActionStatus.Cancelled)
            .OrderBy(a => a.DueDate).ThenBy(a => a.Id)).ToListAsync(ct);
        var finished = await Rows(mine.Where(a => a.Status == ActionStatus.Completed || a.Status == ActionStatus.Closed || a.Status == ActionStatus.Cancelled)
            .OrderByDescending(a => a.UpdatedAt ?? a.CreatedAt).ThenByDescending(a => a.Id).Take(20)).ToListAsync(ct);
        return View(new MyActions { PersonId = person.Id, PersonName = person.FullName, Open = open, Finished = finished, Today = today });
    }

    [HttpGet("actions/new")]
    public async Task<IActionResult> New(int? groupId, ActionSource? source, int? escalationId, CancellationToken ct)
    {
        var groups = await EditableGroupsAsync(ct);
        if (groups.Count == 0 || (groupId is { } g && !groups.Any(o => o.Value == g.ToString(CultureInfo.InvariantCulture))))
        {
            return Forbid();
        }

        if (source == ActionSource.Meeting)
        {
            source = null;
        }

        var form = new NewActionForm
        {
            GroupId = groupId,
            Source = source ?? (escalationId is null ? null : ActionSource.Escalation),
            EscalationId = escalationId,
        };
        return View(await WithOptionsAsync(form, groups, ct));
    }

    [HttpPost("actions/new")]
    public async Task<IActionResult> New(NewActionForm form, [FromServices] IValidator<NewActionForm> validator, CancellationToken ct)
    {
        var groups = await EditableGroupsAsync(ct);
        if (groups.Count == 0)
        {
            return Forbid();
        }

        // A group the user may not edit is refused outright, not offered back as a validation error.
        if (form.GroupId is { } groupId && await db.Groups.AnyAsync(g => g.Id == groupId, ct) && !await authz.CanEditGroupAsync(User, db, groupId, ct))
        {
            return Forbid();
        }

        form.Today = UkTime.Today(clock);
        if (form.OwnerOrganisationId is null && form.OwnerPersonId is { } personId)
        {
            form.OwnerOrganisationId = await db.People.Where(p => p.Id == personId).Select(p => (int?)p.OrganisationId).FirstOrDefaultAsync(ct);
        }

        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!ModelState.IsValid)
        {
            return View(await WithOptionsAsync(form, groups, ct));
        }

        var source = form.Source!.Value;
        var action = new ActionItem
        {
            Title = form.Title!.Trim(),
            Description = form.Description.NullIfBlank(),
            GroupId = form.GroupId!.Value,
            OwnerPersonId = form.OwnerPersonId!.Value,
            OwnerOrganisationId = form.OwnerOrganisationId!.Value,
            DueDate = form.DueDate!.Value,
            Status = ActionStatus.NotStarted,
            Source = source,
            EscalationId = source == ActionSource.Escalation ? form.EscalationId : null,
            SourceReference = form.SourceReference.NullIfBlank(),
            PriorityId = form.PriorityId,
        };
        db.Actions.Add(action);
        await db.SaveChangesAsync(ct);
        return Redirect($"/actions/{action.Id}?notice={Notices.Created}");
    }

    [HttpGet("meetings/{meetingId:int}/actions/new")]
    public async Task<IActionResult> Create(int meetingId, int? agendaItemId, CancellationToken ct)
    {
        var groupAccess = await this.LoadAsync(db.Meetings.AsNoTracking().Where(m => m.Id == meetingId && m.IsLive()).Select(m => m.Group!), Policies.EditGroup, ct);
        if (!groupAccess.Granted(out _, out var refusal))
        {
            return refusal;
        }

        var meeting = (await db.MeetingSummaryAsync(meetingId, ct))!;

        return View("Create", await WithOptionsAsync(new ActionArisingForm { MeetingId = meetingId, AgendaItemId = agendaItemId }, meeting, ct));
    }

    [HttpPost("meetings/{meetingId:int}/actions/new")]
    public async Task<IActionResult> Create(int meetingId, ActionArisingForm form, [FromServices] IValidator<ActionArisingForm> validator, CancellationToken ct)
    {
        var groupAccess = await this.LoadAsync(db.Meetings.AsNoTracking().Where(m => m.Id == meetingId && m.IsLive()).Select(m => m.Group!), Policies.EditGroup, ct);
        if (!groupAccess.Granted(out _, out var refusal))
        {
            return refusal;
        }

        var meeting = (await db.MeetingSummaryAsync(meetingId, ct))!;

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

    [HttpGet("actions/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var actionAccess = await this.LoadAsync(db.Actions.AsNoTracking().Include(a => a.Group).Where(a => a.Id == id), Policies.EditGroup, ct, a => a.Group!);
        if (!actionAccess.Granted(out var action, out var refusal))
        {
            return refusal;
        }

        return View(await WithOptionsAsync(ActionEditForm.From(action), ct));
    }

    [HttpPost("actions/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, ActionEditForm form, [FromServices] IValidator<ActionEditForm> validator, CancellationToken ct)
    {
        var actionAccess = await this.LoadAsync(db.Actions.Include(a => a.Group).Where(a => a.Id == id), Policies.EditGroup, ct, a => a.Group!);
        if (!actionAccess.Granted(out var action, out var refusal))
        {
            return refusal;
        }

        // The source and the priority already linked come from the record, never from the posted form.
        form.Id = id;
        form.Source = action.Source;
        form.LinkedPriorityId = action.PriorityId;
        form.LinkedOwnerPersonId = action.OwnerPersonId;
        form.LinkedOwnerOrganisationId = action.OwnerOrganisationId;
        if (form.OwnerOrganisationId is null && form.OwnerPersonId is { } personId)
        {
            form.OwnerOrganisationId = await db.People.Where(p => p.Id == personId).Select(p => (int?)p.OrganisationId).FirstOrDefaultAsync(ct);
        }

        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (ModelState.IsValid)
        {
            form.ApplyTo(action);
            if (await db.SaveEditAsync(action, form.Version, ModelState, ct))
            {
                return Redirect($"/actions/{id}?notice={Notices.Saved}");
            }
        }

        return View(await WithOptionsAsync(form, ct));
    }

    [HttpPost("actions/{id:int}/archive")]
    public Task<IActionResult> Archive(int id, Guid version, CancellationToken ct) => SetArchived(id, version, true, ct);

    [HttpPost("actions/{id:int}/restore")]
    public Task<IActionResult> Restore(int id, Guid version, CancellationToken ct) => SetArchived(id, version, false, ct);

    private async Task<IActionResult> SetArchived(int id, Guid version, bool archive, CancellationToken ct)
    {
        var groupAccess = await this.LoadAsync(db.Actions.Where(a => a.Id == id).Select(a => a.Group!), Policies.EditGroup, ct);
        if (!groupAccess.Granted(out _, out var refusal))
        {
            return refusal;
        }

        return await this.SetArchivedAsync<ActionItem>(db, id, version, archive, $"/actions/{id}", clock, ct);
    }

    private static IQueryable<MyActionRow> Rows(IQueryable<ActionItem> actions) =>
        actions.Select(a => new MyActionRow(a.Id, a.Title, a.GroupId, a.Group!.Name, a.DueDate, a.Status, a.Version,
            a.CompletionRequestedAt != null, a.CompletedOn, a.UpdatedAt));

    /// <summary>The live groups whose action plans this user may add to: every one for the team, their own for a chair.</summary>
    private async Task<List<SelectListItem>> EditableGroupsAsync(CancellationToken ct)
    {
        var groups = await db.Groups.AsNoTracking()
            .Where(g => g.IsLive() && g.Status == GroupStatus.Active)
            .OrderBy(g => g.SortOrder).ThenBy(g => g.Name)
            .ToListAsync(ct);
        var editable = new List<SelectListItem>();
        foreach (var group in groups)
        {
            if ((await authz.AuthorizeAsync(User, group, Policies.EditGroup)).Succeeded)
            {
                editable.Add(new SelectListItem(group.Name, group.Id.ToString(CultureInfo.InvariantCulture)));
            }
        }

        return editable;
    }

    private async Task<NewActionForm> WithOptionsAsync(NewActionForm form, List<SelectListItem> groups, CancellationToken ct)
    {
        form.Today = UkTime.Today(clock);
        form.Groups = groups;
        form.Sources = ActionSources.Options();
        form.Escalations = await db.EscalationOptionsAsync(ct);
        form.Priorities = await db.PriorityOptionsAsync(ct);
        form.People = await db.PersonOptionsAsync(ct);
        form.Organisations = await db.OrganisationOptionsAsync(ct);
        return form;
    }

    private async Task<ActionEditForm> WithOptionsAsync(ActionEditForm form, CancellationToken ct)
    {
        form.Action = await db.ActionHeaderAsync(form.Id, ct);
        form.Priorities = await db.PriorityOptionsAsync(ct, form.LinkedPriorityId);
        form.People = await db.PersonOptionsAsync(ct, form.LinkedOwnerPersonId);
        form.Organisations = await db.OrganisationOptionsAsync(ct, form.LinkedOwnerOrganisationId);
        return form;
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
