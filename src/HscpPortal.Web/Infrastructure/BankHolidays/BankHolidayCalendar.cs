using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace HscpPortal.Web.Infrastructure.BankHolidays;

/// <summary>
/// The working-day calendar built from the bank holidays in the database, cached for an hour and dropped as soon
/// as an administrator loads a new feed. Every working-day deadline in the portal comes from here.
/// </summary>
public sealed class BankHolidayCalendar(PortalDbContext db, IMemoryCache cache)
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
    public async Task<(int Added, int Updated)> LoadAsync(IReadOnlyList<BankHoliday> feed, CancellationToken ct = default)
    {
        var existing = await db.BankHolidays.ToDictionaryAsync(h => h.Date, ct);
        var added = 0;
        var updated = 0;
        foreach (var holiday in feed)
        {
            if (existing.TryGetValue(holiday.Date, out var current))
            {
                if (current.Title != holiday.Title || current.Notes != holiday.Notes || current.Bunting != holiday.Bunting)
                {
                    current.Title = holiday.Title;
                    current.Notes = holiday.Notes;
                    current.Bunting = holiday.Bunting;
                    updated++;
                }
            }
            else
            {
                db.BankHolidays.Add(new BankHoliday { Date = holiday.Date, Title = holiday.Title, Notes = holiday.Notes, Bunting = holiday.Bunting });
                added++;
            }
        }

        await db.SaveChangesAsync(ct);
        Invalidate();
        return (added, updated);
    }

    /// <summary>Loads the shipped holidays into an empty table: on first start, and in every fresh test database.</summary>
    public async Task EnsureLoadedAsync(CancellationToken ct = default)
    {
        if (!await db.BankHolidays.AnyAsync(ct))
        {
            await LoadAsync(BankHolidayFeed.Shipped(), ct);
        }
    }
}
