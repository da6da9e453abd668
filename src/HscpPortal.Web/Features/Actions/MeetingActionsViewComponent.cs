using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Decisions;
using HscpPortal.Web.Features.Meetings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Actions;

public sealed record MeetingActionRow(
    int Id, string Title, int OwnerPersonId, string OwnerName, string OwnerOrganisation, DateOnly DueDate, ActionStatus Status,
    int? MeetingId, DateOnly? MeetingDate, int? AgendaItemOrder, string? AgendaItemTitle);

public sealed class MeetingActionsModel
{
    public required int MeetingId { get; init; }
    public required IReadOnlyList<MeetingActionRow> Arising { get; init; }
    public required IReadOnlyList<MeetingActionRow> MattersArising { get; init; }
    public required DateOnly Today { get; init; }
    public bool CanEdit { get; init; }
    public bool Cancelled { get; init; }

    public bool IsOverdue(MeetingActionRow row) =>
        row.Status is not (ActionStatus.Completed or ActionStatus.Closed or ActionStatus.Cancelled) && row.DueDate < Today;
}

/// <summary>
/// For the meeting page: the actions arising at this meeting, and the matters arising, the group's actions
/// from earlier meetings that are still open.
/// </summary>
[ViewComponent(Name = "MeetingActions")]
public sealed class MeetingActionsViewComponent(PortalDbContext db, IAuthorizationService authz, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int meetingId)
    {
        var ct = HttpContext.RequestAborted;
        var meeting = await db.MeetingSummaryAsync(meetingId, ct);
        if (meeting is null)
        {
            return Content("");
        }

        var live = db.Actions.AsNoTracking().Where(a => a.IsLive());
        var arising = await Rows(live.Where(a => a.MeetingId == meetingId)
            .OrderBy(a => a.AgendaItem!.Order).ThenBy(a => a.Id)).ToListAsync(ct);
        var matters = await Rows(live
            .Where(a => a.GroupId == meeting.GroupId && a.MeetingId != null && a.MeetingId != meetingId
                && a.Meeting!.Date < meeting.Date && a.Meeting.IsLive()
                && a.Status != ActionStatus.Completed && a.Status != ActionStatus.Closed && a.Status != ActionStatus.Cancelled)
            .OrderBy(a => a.DueDate).ThenBy(a => a.Id)).ToListAsync(ct);
        return this.ViewBesideIt(new MeetingActionsModel
        {
            MeetingId = meetingId,
            Arising = arising,
            MattersArising = matters,
            Today = UkTime.Today(clock),
            CanEdit = await authz.CanEditGroupAsync(HttpContext.User, db, meeting.GroupId, ct),
            Cancelled = meeting.Status == MeetingStatus.Cancelled,
        });
    }

    private static IQueryable<MeetingActionRow> Rows(IQueryable<ActionItem> actions) =>
        actions.Select(a => new MeetingActionRow(
            a.Id, a.Title, a.OwnerPersonId, a.OwnerPerson!.FullName, a.OwnerOrganisation!.Name, a.DueDate, a.Status,
            a.MeetingId, (DateOnly?)a.Meeting!.Date, (int?)a.AgendaItem!.Order, a.AgendaItem.Title));
}
