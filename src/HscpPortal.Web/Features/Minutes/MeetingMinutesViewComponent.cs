using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Meetings;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Minutes;

public sealed record MeetingMinutesSummary(MeetingHeading Meeting, bool CanEdit, int Revisions, int ItemsWithMinutes, int Items, bool AnyonePresent);

/// <summary>The minutes panel on the meeting page: where the minutes are in their lifecycle, and what this user can do with them.</summary>
public sealed class MeetingMinutesViewComponent(PortalDbContext db, IAuthorizationService authz) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int meetingId)
    {
        var heading = await MinutesDocument.HeadingAsync(db, meetingId, HttpContext.RequestAborted);
        if (heading is null)
        {
            return Content("");
        }

        var group = await db.Groups.AsNoTracking().FirstAsync(g => g.Id == heading.GroupId, HttpContext.RequestAborted);
        var canEdit = heading.Writable && (await authz.AuthorizeAsync(UserClaimsPrincipal, group, Policies.EditGroup)).Succeeded;
        var counts = await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == meetingId && a.IsLive())
            .GroupBy(a => 1)
            .Select(g => new { Items = g.Count(), Written = g.Count(a => a.Minutes != null && a.Minutes != "") })
            .FirstOrDefaultAsync(HttpContext.RequestAborted);
        var revisions = await db.MinutesRevisions.CountAsync(r => r.MeetingId == meetingId, HttpContext.RequestAborted);
        var statuses = await db.Attendance.AsNoTracking().Where(a => a.MeetingId == meetingId).Select(a => a.Status).ToListAsync(HttpContext.RequestAborted);
        return this.ViewBesideIt(
            new MeetingMinutesSummary(heading, canEdit, revisions, counts?.Written ?? 0, counts?.Items ?? 0, statuses.Any(MeetingSteps.Attended)));
    }
}
