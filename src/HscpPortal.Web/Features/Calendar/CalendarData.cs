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
                Cancelled = m.Status == MeetingStatus.Cancelled || m.IsArchived(), m.CancellationReason,
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var changes = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Meeting) && ids.Contains(e.EntityId) && e.Action != AuditAction.Created)
            .Select(e => new { e.EntityId, e.Changes })
            .ToListAsync(ct);
        var sequence = changes
            .Where(c => Data.AuditTrail.ReadChanges(c.Changes).Any(f => CalendarFields.Contains(f.Field)))
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
/// itself is the credential: a Data Protection payload naming the user it was given to, the group, and the user's
/// calendar-feed version. Only this portal can make or read one; it stops working when the user resets their
/// calendar addresses (the version moves on) or is deactivated.
/// </summary>
public static class CalendarFeedToken
{
    private const string Purpose = "calendar-feed.v2";

    public static string Create(IDataProtectionProvider provider, string userId, int version, int groupId) =>
        provider.CreateProtector(Purpose).Protect(Payload(userId, version, groupId));

    /// <summary>The user and version the token was made for, if it is a real token for this group.</summary>
    public static (string UserId, int Version)? Read(IDataProtectionProvider provider, int groupId, string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return null;
        }

        string payload;
        try
        {
            payload = provider.CreateProtector(Purpose).Unprotect(token);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }

        var parts = payload.Split('|');
        return parts.Length == 4 && parts[0] == "feed" && parts[3] == groupId.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? (parts[1], version)
            : null;
    }

    private static string Payload(string userId, int version, int groupId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"feed|{userId}|{version}|{groupId}");
}
