using HscpPortal.Web.Features.ActionTracker;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Dashboard.Tiles;

public sealed class DueBeforeMeetingModel
{
    public required int GroupId { get; init; }

    /// <summary>Null when no meeting is scheduled.</summary>
    public DateOnly? MeetingDate { get; init; }

    public int Due { get; init; }
    public int Overdue { get; init; }

    public string? DueUrl => MeetingDate is { } date ? DueBeforeMeetingTile.Filter(date).Url($"/groups/{GroupId}/actions", includeGroup: false) : null;

    public string OverdueUrl => ActionsTile.OverdueFilter().Url($"/groups/{GroupId}/actions", includeGroup: false);
}

/// <summary>
/// The group's open actions due on or before its next meeting (overdue ones included), so the chair knows what
/// owners must report on.
/// </summary>
public sealed class DueBeforeMeetingTile : DashboardTile<DueBeforeMeetingModel>
{
    public override string Id => "due-before-meeting";

    public static ActionFilter Filter(DateOnly meetingDate)
    {
        var filter = ActionsTile.OpenFilter();
        filter.To = meetingDate;
        return filter;
    }

    public override async Task<DueBeforeMeetingModel?> LoadAsync(TileContext context, CancellationToken ct)
    {
        var groupId = context.GroupId!.Value;
        var db = context.Db;
        var actions = db.Actions.AsNoTracking().Where(a => a.GroupId == groupId);
        var overdue = await ActionsTile.OverdueFilter().Apply(actions, context.Today).CountAsync(ct);
        var next = await NextMeetingTile.Upcoming(db.Meetings.AsNoTracking(), groupId, context.Today).Select(m => (DateOnly?)m.Date).FirstOrDefaultAsync(ct);
        if (next is not { } date)
        {
            return new DueBeforeMeetingModel { GroupId = groupId, Overdue = overdue };
        }

        return new DueBeforeMeetingModel
        {
            GroupId = groupId,
            MeetingDate = date,
            Due = await Filter(date).Apply(actions, context.Today).CountAsync(ct),
            Overdue = overdue,
        };
    }
}
