using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.AttendanceReport;
using HscpPortal.Web.Features.Dashboard.Tiles;
using HscpPortal.Web.Infrastructure.Charts;
using HscpPortal.Web.Infrastructure.Export;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HscpPortal.Web.Features.Dashboard;

/// <summary>
/// "Is the partnership effective?" for a reporting year: the scrutineer's and the partnership's dashboard. Every
/// member may read it (the figures are all on pages they can already read, and tiles hide themselves from those who
/// may not); the menu offers it to the roles that use it.
/// </summary>
[Route("dashboard")]
[Authorize(Policy = Policies.ViewRecords)]
public sealed class DashboardController(
    PortalDbContext db, IAuthorizationService authz, DashboardTileLoader tiles, NeedsAttention attention, TimeProvider clock) : Controller
{
    public const string YearError = "Select a reporting year in the form 2023-24";

    [HttpGet("")]
    public async Task<IActionResult> Index(string? year, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var years = await AttendanceReportData.YearsAsync(db, today, ct);
        // What is late today does not depend on the year asked for, so it shows even when that year is not valid.
        var late = await attention.LoadAsync(Context(ReportingYear.Containing(today), today), ct);
        if (!TryYear(year, today, out var reportingYear))
        {
            ModelState.AddModelError("year", YearError);
            return View(new DashboardPage { Years = years, Today = today, Attention = late });
        }

        var loaded = await tiles.LoadAsync(DashboardTiles.Partnership, Context(reportingYear, today), ct);
        return View(new DashboardPage
        {
            Years = years,
            Today = today,
            Attention = late,
            Year = reportingYear,
            Tiles = loaded,
            EarlyYear = EarlyYearModel.For(reportingYear, today, loaded),
        });
    }

    /// <summary>
    /// The assurance overview, for the Quality and Effectiveness chair, the scrutineer and the team: each assurance
    /// line of work's tile for the year (<see cref="DashboardTiles.Assurance"/>), every figure linking to its records
    /// and every list behind them exporting to CSV and Excel.
    /// </summary>
    [HttpGet("assurance")]
    public async Task<IActionResult> Assurance(string? year, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var years = await AttendanceReportData.YearsAsync(db, today, ct);
        if (!TryYear(year, today, out var reportingYear))
        {
            ModelState.AddModelError("year", YearError);
            return View(new AssurancePage { Years = years, Today = today });
        }

        return View(new AssurancePage
        {
            Years = years,
            Today = today,
            Year = reportingYear,
            Tiles = await tiles.LoadAsync(DashboardTiles.Assurance, Context(reportingYear, today), ct),
        });
    }

    /// <summary>The actions-by-group table as CSV or Excel: the same rows as the page (as of today).</summary>
    [HttpGet("actions-by-group.csv")]
    public Task<IActionResult> ActionsByGroup([FromServices] ActionsTile tile, CancellationToken ct) => ActionsByGroupAsync(tile, ExportFormat.Csv, ct);

    [HttpGet("actions-by-group.xlsx")]
    public Task<IActionResult> ActionsByGroupXlsx([FromServices] ActionsTile tile, CancellationToken ct) => ActionsByGroupAsync(tile, ExportFormat.Xlsx, ct);

    private async Task<IActionResult> ActionsByGroupAsync(ActionsTile tile, ExportFormat format, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var model = await tile.LoadAsync(Context(ReportingYear.Containing(today), today), ct);
        return TabularExport.Download(model!.ByGroupChart.ToExportTable(), format, $"actions-by-group-{today:yyyy-MM-dd}");
    }

    private TileContext Context(ReportingYear year, DateOnly today) => new()
    {
        Db = db,
        Year = year,
        Today = today,
        User = User,
        Authorization = authz,
    };

    // No year means the one we are in; anything else must be a real reporting year.
    private static bool TryYear(string? text, DateOnly today, out ReportingYear year)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            year = ReportingYear.Containing(today);
            return true;
        }

        return ReportingYear.TryParse(text, out year);
    }
}

public sealed class DashboardPage
{
    public required IReadOnlyList<ReportingYear> Years { get; init; }
    public required DateOnly Today { get; init; }
    public required NeedsAttentionModel Attention { get; init; }

    /// <summary>Null when the year asked for was not a reporting year.</summary>
    public ReportingYear? Year { get; init; }

    public IReadOnlyList<LoadedTile> Tiles { get; init; } = [];

    /// <summary>Set when the year shown is the current one and has only just started.</summary>
    public EarlyYearModel? EarlyYear { get; init; }
}

public sealed class AssurancePage
{
    public required IReadOnlyList<ReportingYear> Years { get; init; }
    public required DateOnly Today { get; init; }

    /// <summary>Null when the year asked for was not a reporting year.</summary>
    public ReportingYear? Year { get; init; }

    public IReadOnlyList<LoadedTile> Tiles { get; init; } = [];
}
