using System.Security.Cryptography;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure.Calendar;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Calendar;

/// <summary>Reads meetings as calendar entries, with a SEQUENCE taken from the audit trail.</summary>
public static class CalendarData
{
    // The fields a calendar shows. Other saves of a meeting (quorum refreshed by attendance, minutes) leave the
    // calendar entry as it was and must not bump its SEQUENCE, or every register change would look like a reschedule.
    private static readonly HashSet<string> CalendarFields =
    [
        nameof(Meeting.GroupId), nameof(Meeting.Title), nameof(Meeting.Date), nameof(Meeting.Start), nameof(Meeting.End),
        nameof(Meeting.Location), nameof(Meeting.OnlineLink), nameof(Meeting.Status), nameof(Meeting.CancellationReason),
        nameof(Meeting.ArchivedAt),
    ];

    /// <summary>The meetings as calendar entries; an archived meeting reads as cancelled, since it will not take place.</summary>
    public static async Task<List<CalendarMeeting>> LoadAsync(PortalDbContext db, IQueryable<Meeting> meetings, Uri? portal, CancellationToken ct)
    {
        var rows = await meetings.AsNoTracking()
            .Select(m => new
            {
                m.Id, GroupName = m.Group!.Name, m.Title, m.Date, m.Start, m.End, m.Location, m.OnlineLink,
                Cancelled = m.Status == MeetingStatus.Cancelled || m.ArchivedAt != null, m.CancellationReason,
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var changes = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Meeting) && ids.Contains(e.EntityId) && e.Action != AuditAction.Created)
            .Select(e => new { e.EntityId, e.Changes })
            .ToListAsync(ct);
        var sequence = changes
            .Where(c => AuditTrail.ReadChanges(c.Changes).Any(f => CalendarFields.Contains(f.Field)))
            .GroupBy(c => c.EntityId)
            .ToDictionary(g => g.Key, g => g.Count());

        return rows.Select(r => new CalendarMeeting(
                r.Id, r.GroupName, r.Title, r.Date, r.Start, r.End, r.Location, r.OnlineLink, r.Cancelled, r.CancellationReason,
                sequence.GetValueOrDefault(r.Id),
                portal is null ? null : new Uri(portal, $"/meetings/{r.Id}")))
            .ToList();
    }
}

/// <summary>
/// The secret in a group's calendar feed address. Calendar apps fetch feeds without signing in, so the address
/// itself is the credential: a Data Protection payload naming the group, which only this portal can make or read.
/// </summary>
public static class CalendarFeedToken
{
    private const string Purpose = "calendar-feed";

    public static string Create(IDataProtectionProvider provider, int groupId) =>
        provider.CreateProtector(Purpose).Protect(Payload(groupId));

    public static bool IsValid(IDataProtectionProvider provider, int groupId, string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return false;
        }

        try
        {
            return provider.CreateProtector(Purpose).Unprotect(token) == Payload(groupId);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }

    private static string Payload(int groupId) => $"group:{groupId}";
}
