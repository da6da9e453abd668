using System.Text.Json;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace HscpPortal.Web.Infrastructure.BankHolidays;

/// <summary>
/// The working-day calendar built from the bank holidays in the database, cached for an hour and dropped as soon
/// as an administrator loads a new feed. Every working-day deadline in the portal comes from here.
/// </summary>
public sealed class BankHolidayCalendar(PortalDbContext db, IMemoryCache cache, ICurrentActor actor, TimeProvider clock)
{
    private const string CacheKey = "bank-holiday-calendar";

    public async Task<WorkingDayCalendar> GetAsync(CancellationToken ct = default)
    {
        if (cache.TryGetValue(CacheKey, out WorkingDayCalendar? calendar) && calendar is not null)
        {
            return calendar;
        }

        var dates = await db.BankHolidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct);
        calendar = new WorkingDayCalendar(dates);
        cache.Set(CacheKey, calendar, TimeSpan.FromHours(1));
        return calendar;
    }

    public void Invalidate() => cache.Remove(CacheKey);

    /// <summary>
    /// Adds the holidays the database lacks and updates the titles of those it has; a date missing from the
    /// feed is kept, since GOV.UK's feed only covers a few years and history must not change.
    /// </summary>
    /// <param name="audit">
    /// Writes each added or changed holiday to the audit trail as the current user, in the same transaction. Bank
    /// holidays are reference data, not <see cref="IAudited"/> records, so the trail is written here; the shipped
    /// load into an empty database is not audited.
    /// </param>
    public async Task<(int Added, int Updated)> LoadAsync(IReadOnlyList<BankHoliday> feed, bool audit, CancellationToken ct = default)
    {
        var existing = await db.BankHolidays.ToDictionaryAsync(h => h.Date, ct);
        var changes = new List<(BankHoliday Holiday, AuditAction Action, List<FieldChange> Fields)>();
        foreach (var holiday in feed)
        {
            if (existing.TryGetValue(holiday.Date, out var current))
            {
                var fields = new List<FieldChange>();
                if (current.Title != holiday.Title)
                {
                    fields.Add(new(nameof(BankHoliday.Title), current.Title, holiday.Title));
                }

                if (current.Notes != holiday.Notes)
                {
                    fields.Add(new(nameof(BankHoliday.Notes), current.Notes, holiday.Notes));
                }

                if (current.Bunting != holiday.Bunting)
                {
                    fields.Add(new(nameof(BankHoliday.Bunting), current.Bunting ? "True" : "False", holiday.Bunting ? "True" : "False"));
                }

                if (fields.Count > 0)
                {
                    current.Title = holiday.Title;
                    current.Notes = holiday.Notes;
                    current.Bunting = holiday.Bunting;
                    changes.Add((current, AuditAction.Updated, fields));
                }
            }
            else
            {
                var added = new BankHoliday { Date = holiday.Date, Title = holiday.Title, Notes = holiday.Notes, Bunting = holiday.Bunting };
                db.BankHolidays.Add(added);
                existing[holiday.Date] = added;
                changes.Add((added, AuditAction.Created, [
                    new(nameof(BankHoliday.Date), null, holiday.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                    new(nameof(BankHoliday.Title), null, holiday.Title),
                    .. holiday.Notes is null ? Array.Empty<FieldChange>() : [new FieldChange(nameof(BankHoliday.Notes), null, holiday.Notes)],
                ]));
            }
        }

        var addedCount = changes.Count(c => c.Action == AuditAction.Created);
        var result = (addedCount, changes.Count - addedCount);
        if (changes.Count == 0)
        {
            return result;
        }

        if (!audit)
        {
            await db.SaveChangesAsync(ct);
            Invalidate();
            return result;
        }

        // New rows only have their ids after the first save; both saves commit together.
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            db.AuditEntries.AddRange(changes.Select(c => new AuditEntry
            {
                At = now,
                UserId = actor.UserId,
                UserName = actor.UserName,
                EntityType = nameof(BankHoliday),
                EntityId = c.Holiday.Id,
                Action = c.Action,
                Changes = JsonSerializer.Serialize(c.Fields),
            }));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        Invalidate();
        return result;
    }

    public Task<(int Added, int Updated)> LoadAsync(IReadOnlyList<BankHoliday> feed, CancellationToken ct = default) =>
        LoadAsync(feed, audit: false, ct);

    /// <summary>Loads the shipped holidays into an empty table: on first start, and in every fresh test database.</summary>
    public async Task EnsureLoadedAsync(CancellationToken ct = default)
    {
        if (!await db.BankHolidays.AnyAsync(ct))
        {
            await LoadAsync(BankHolidayFeed.Shipped(), ct);
        }
    }
}
