using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure.BankHolidays;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.BankHolidays;

public sealed record BankHolidayRow(DateOnly Date, string Title, string? Notes);

public sealed class BankHolidayPage
{
    public required int Year { get; init; }
    public required IReadOnlyList<int> Years { get; init; }
    public required IReadOnlyList<BankHolidayRow> Holidays { get; init; }
    public DateOnly? First { get; init; }
    public DateOnly? Last { get; init; }
    public int Total { get; init; }
    public int? Added { get; init; }
    public int? Updated { get; init; }
}

/// <summary>
/// The bank holidays behind every working-day deadline, and their refresh from GOV.UK's feed. The portal never
/// fetches the feed itself (no outbound calls from the server): an administrator downloads it and uploads it here.
/// </summary>
[Route("admin/bank-holidays")]
[Authorize(Policy = Policies.ManageStructure)]
public sealed class BankHolidaysController(PortalDbContext db, BankHolidayCalendar calendar, TimeProvider clock, ILogger<BankHolidaysController> logger)
    : Controller
{
    public const long MaxFileBytes = 1024 * 1024;
    private const string FileField = "File";

    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, int? added, int? updated, CancellationToken ct) =>
        View(await PageAsync(year, added, updated, ct));

    // The request limit sits above the file limit so an oversized file still gets the error summary below.
    [HttpPost("")]
    [RequestSizeLimit(4 * MaxFileBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = 4 * MaxFileBytes)]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken ct)
    {
        var (error, added, updated) = await TryLoadAsync(file, ct);
        if (error is null)
        {
            return Redirect($"/admin/bank-holidays?added={added}&updated={updated}");
        }

        ModelState.AddModelError(FileField, error);
        return View(nameof(Index), await PageAsync(null, null, null, ct));
    }

    private async Task<(string? Error, int Added, int Updated)> TryLoadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return ("Select GOV.UK’s bank-holidays.json file", 0, 0);
        }

        if (file.Length > MaxFileBytes)
        {
            return ("The file must be smaller than 1 MB: GOV.UK’s bank-holidays.json is about 20 KB", 0, 0);
        }

        IReadOnlyList<BankHoliday> feed;
        try
        {
            await using var stream = file.OpenReadStream();
            feed = BankHolidayFeed.Parse(stream);
        }
        catch (FormatException ex)
        {
            return (ex.Message, 0, 0);
        }

        var (added, updated) = await calendar.LoadAsync(feed, audit: true, ct);
        // The user id, not the name: logs carry no personal data.
        logger.LogInformation(
            "Bank holidays loaded by user {UserId}: {Added} added, {Updated} updated, {InFeed} in the feed ({From} to {To})",
            User.UserId(), added, updated, feed.Count, feed[0].Date, feed[^1].Date);
        return (null, added, updated);
    }

    private async Task<BankHolidayPage> PageAsync(int? year, int? added, int? updated, CancellationToken ct)
    {
        var all = db.BankHolidays.AsNoTracking();
        var dates = await all.Select(h => h.Date).ToListAsync(ct);
        var years = dates.Select(d => d.Year).Distinct().Order().ToList();
        var thisYear = UkTime.Today(clock).Year;
        var shown = year is int y && years.Contains(y) ? y : years.Contains(thisYear) ? thisYear : years.LastOrDefault(thisYear);
        var from = new DateOnly(shown, 1, 1);
        var to = new DateOnly(shown, 12, 31);
        return new BankHolidayPage
        {
            Year = shown,
            Years = years,
            Holidays = await all.Where(h => h.Date >= from && h.Date <= to).OrderBy(h => h.Date)
                .Select(h => new BankHolidayRow(h.Date, h.Title, h.Notes)).ToListAsync(ct),
            First = dates.Count == 0 ? null : dates.Min(),
            Last = dates.Count == 0 ? null : dates.Max(),
            Total = dates.Count,
            Added = added is null && updated is null ? null : added ?? 0,
            Updated = updated ?? 0,
        };
    }
}
