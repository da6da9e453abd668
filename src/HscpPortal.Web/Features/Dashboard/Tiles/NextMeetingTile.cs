using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Dashboard.Tiles;

public sealed record NextMeeting(
    int Id, string Title, DateOnly Date, TimeOnly Start, TimeOnly End, string? Location, int Items, int ItemsWithPapers, int Papers, int NeedingPapers)
{
    /// <summary>
    /// There is no "agenda published" flag, so ready means: it has items, and every item brought for a decision or
    /// for assurance has its paper attached (discussion and information items often have none).
    /// </summary>
    public bool AgendaReady => Items > 0 && NeedingPapers == 0;

    public string Url => $"/meetings/{Id}";
}

public sealed record LastMeeting(int Id, string Title, DateOnly Date);

public sealed class NextMeetingModel
{
    public required int GroupId { get; init; }
    public NextMeeting? Meeting { get; init; }

    /// <summary>When nothing is scheduled, the last meeting held, for context.</summary>
    public LastMeeting? LastHeld { get; init; }
}

/// <summary>The group's next scheduled meeting, and whether its agenda and papers are ready.</summary>
public sealed class NextMeetingTile : DashboardTile<NextMeetingModel>
{
    public override string Id => "next-meeting";

    public static IQueryable<Meeting> Upcoming(IQueryable<Meeting> meetings, int groupId, DateOnly today) =>
        meetings.Where(m => m.GroupId == groupId && m.IsLive() && m.Status == MeetingStatus.Scheduled && m.Date >= today)
            .OrderBy(m => m.Date).ThenBy(m => m.Start).ThenBy(m => m.Id);

    public override async Task<NextMeetingModel?> LoadAsync(TileContext context, CancellationToken ct)
    {
        var groupId = context.GroupId!.Value;
        var meeting = await Upcoming(context.Db.Meetings.AsNoTracking(), groupId, context.Today)
            .Select(m => new NextMeeting(
                m.Id, m.Title ?? "Meeting", m.Date, m.Start, m.End, m.Location,
                m.AgendaItems.Count(i => i.IsLive()),
                m.AgendaItems.Count(i => i.IsLive() && i.Papers.Any(p => p.IsLive())),
                m.AgendaItems.Where(i => i.IsLive()).SelectMany(i => i.Papers).Count(p => p.IsLive()),
                m.AgendaItems.Count(i => i.IsLive() && (i.Purpose == AgendaPurpose.Decision || i.Purpose == AgendaPurpose.Assurance)
                    && !i.Papers.Any(p => p.IsLive()))))
            .FirstOrDefaultAsync(ct);
        var last = meeting is not null ? null : await context.Db.Meetings.AsNoTracking()
            .Where(m => m.GroupId == groupId && m.IsLive() && m.Status == MeetingStatus.Held)
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.Id)
            .Select(m => new LastMeeting(m.Id, m.Title ?? "Meeting", m.Date))
            .FirstOrDefaultAsync(ct);
        return new NextMeetingModel { GroupId = groupId, Meeting = meeting, LastHeld = last };
    }
}
