using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Decisions;
using HscpPortal.Web.Features.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Audits;

public sealed record MeetingAuditRow(int Id, string Title, AuditStatus Status, int? CasesSampled, DateOnly? StartedOn, DateOnly? ReportedOn, int Findings);

public sealed class MeetingAuditsModel
{
    public required string GroupName { get; init; }
    public required DateOnly? PreviousMeeting { get; init; }

    /// <summary>The group's audits reported since its previous meeting, up to this one: what the meeting hears.</summary>
    public required IReadOnlyList<MeetingAuditRow> Reported { get; init; }

    /// <summary>The group's audits started and not yet reported on the meeting's day.</summary>
    public required IReadOnlyList<MeetingAuditRow> UnderWay { get; init; }
}

/// <summary>
/// For the meeting page of a group that runs multi-agency audits: the audits reported to it since its last meeting
/// and those under way on the day. Groups that have never owned an audit show nothing.
/// </summary>
[ViewComponent(Name = "MeetingAudits")]
public sealed class MeetingAuditsViewComponent(PortalDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int meetingId)
    {
        var ct = HttpContext.RequestAborted;
        var meeting = await db.MeetingSummaryAsync(meetingId, ct);
        if (meeting is null)
        {
            return Content("");
        }

        var audits = db.Audits.AsNoTracking().Where(a => a.IsLive() && a.GroupId == meeting.GroupId);
        if (!await audits.AnyAsync(ct))
        {
            return Content("");
        }

        var previous = await db.Meetings.AsNoTracking()
            .Where(m => m.IsLive() && m.GroupId == meeting.GroupId && m.Date < meeting.Date && m.Status != MeetingStatus.Cancelled)
            .OrderByDescending(m => m.Date)
            .Select(m => (DateOnly?)m.Date)
            .FirstOrDefaultAsync(ct);
        var from = previous ?? DateOnly.MinValue;
        var rows = await audits
            .Where(a => (a.ReportedOn != null && a.ReportedOn > from && a.ReportedOn <= meeting.Date)
                || (a.StartedOn != null && a.StartedOn <= meeting.Date && (a.ReportedOn == null || a.ReportedOn > meeting.Date)))
            .OrderBy(a => a.ReportedOn).ThenBy(a => a.StartedOn).ThenBy(a => a.Title)
            .Select(a => new MeetingAuditRow(a.Id, a.Title, a.Status, a.CasesSampled, a.StartedOn, a.ReportedOn, a.Findings.Count(f => f.IsLive())))
            .ToListAsync(ct);
        return this.ViewBesideIt(new MeetingAuditsModel
        {
            GroupName = meeting.GroupName,
            PreviousMeeting = previous,
            Reported = rows.Where(r => r.ReportedOn is { } on && on <= meeting.Date).ToList(),
            UnderWay = rows.Where(r => r.ReportedOn is not { } on || on > meeting.Date).ToList(),
        });
    }
}
