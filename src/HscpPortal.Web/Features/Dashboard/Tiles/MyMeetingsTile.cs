using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Dashboard.Tiles;

public sealed record MyMeeting(int Id, string Title, string Group, DateOnly Date, TimeOnly Start);

public sealed class MyMeetingsModel
{
    public required bool Linked { get; init; }
    public IReadOnlyList<MyMeeting> Meetings { get; init; } = [];
}

/// <summary>The next scheduled meetings of the groups the user is a current member of.</summary>
public sealed class MyMeetingsTile : DashboardTile<MyMeetingsModel>
{
    public const int Shown = 10;

    public override string Id => "my-meetings";

    public override async Task<MyMeetingsModel?> LoadAsync(TileContext context, CancellationToken ct)
    {
        if (context.PersonId is not { } personId)
        {
            return new MyMeetingsModel { Linked = false };
        }

        var today = context.Today;
        var meetings = await context.Db.Meetings.AsNoTracking()
            .Where(m => m.IsLive() && m.Status == MeetingStatus.Scheduled && m.Date >= today
                && m.Group!.Memberships.Any(s => s.PersonId == personId && s.IsLive() && s.IsCurrentOn(today)))
            .OrderBy(m => m.Date).ThenBy(m => m.Start).ThenBy(m => m.Id)
            .Take(Shown)
            .Select(m => new MyMeeting(m.Id, m.Title ?? "Meeting", m.Group!.Name, m.Date, m.Start))
            .ToListAsync(ct);
        return new MyMeetingsModel { Linked = true, Meetings = meetings };
    }
}
