using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Decisions;

public sealed record MeetingDecisionRow(int Id, string Title, bool IsKey, bool NeedsRatification, int? RatifiedAtMeetingId, int? AgendaItemId, int? AgendaItemOrder, string? AgendaItemTitle);

public sealed record MeetingDecisionsModel(int MeetingId, IReadOnlyList<IGrouping<(int? Id, int? Order, string? Title), MeetingDecisionRow>> ByAgendaItem, bool CanEdit, bool Cancelled);

/// <summary>The decisions taken at one meeting, grouped under their agenda items, for the meeting page.</summary>
[ViewComponent(Name = "MeetingDecisions")]
public sealed class MeetingDecisionsViewComponent(PortalDbContext db, IAuthorizationService authz) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int meetingId)
    {
        var ct = HttpContext.RequestAborted;
        var meeting = await db.MeetingSummaryAsync(meetingId, ct);
        if (meeting is null)
        {
            return Content("");
        }

        var rows = await db.Decisions.AsNoTracking()
            .Where(d => d.MeetingId == meetingId && d.IsLive())
            .OrderBy(d => d.AgendaItem!.Order).ThenBy(d => d.Id)
            .Select(d => new MeetingDecisionRow(
                d.Id, d.Title, d.IsKey, d.IsKey && !d.Meeting!.IsQuorate && d.RatifiedAtMeetingId == null, d.RatifiedAtMeetingId,
                d.AgendaItemId, (int?)d.AgendaItem!.Order, d.AgendaItem.Title))
            .ToListAsync(ct);
        var grouped = rows.GroupBy(r => (r.AgendaItemId, r.AgendaItemOrder, r.AgendaItemTitle)).ToList();
        var canEdit = await authz.CanEditGroupAsync(HttpContext.User, db, meeting.GroupId, ct);
        return View("/Features/Decisions/_MeetingDecisions.cshtml",
            new MeetingDecisionsModel(meetingId, grouped, canEdit, meeting.Status == Domain.MeetingStatus.Cancelled));
    }
}
