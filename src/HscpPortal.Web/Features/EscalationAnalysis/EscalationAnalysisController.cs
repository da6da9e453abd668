using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure.BankHolidays;
using HscpPortal.Web.Infrastructure.Charts;
using HscpPortal.Web.Infrastructure.Export;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HscpPortal.Web.Features.EscalationAnalysis;

/// <summary>
/// What the escalations of a reporting year show: the trend over the years, who raises and who receives them,
/// how far they climb and why, how long each stage takes and which ones drifted, each as a chart, a table and a CSV.
/// </summary>
[Route("escalations/analysis")]
[Authorize(Policy = Policies.ViewEscalations)]
public sealed class EscalationAnalysisController(
    PortalDbContext db,
    EscalationProtocol protocol,
    BankHolidayCalendar bankHolidays,
    TimeProvider clock) : Controller
{
    public const string YearError = "Enter a reporting year in the form 2023-24";

    [HttpGet("")]
    public async Task<IActionResult> Index(string? year, CancellationToken ct)
    {
        var analysis = await AnalysisAsync(ct);
        var years = await analysis.YearsAsync(ct);
        if (!TryYear(year, years, out var reportingYear))
        {
            ModelState.AddModelError("year", YearError);
            return View(new EscalationAnalysisPage { Years = years.Select(y => y.Year).ToList() });
        }

        return View(new EscalationAnalysisPage
        {
            Years = years.Select(y => y.Year).ToList(),
            Analysis = await analysis.BuildAsync(reportingYear, ct),
        });
    }

    [HttpGet("export")]
    public async Task<IActionResult> Export(string? year, string? table, CancellationToken ct)
    {
        if (!ReportingYear.TryParse(year, out var reportingYear) || table is null || !EscalationAnalysis.TableNames.Contains(table))
        {
            return BadRequest();
        }

        var model = await (await AnalysisAsync(ct)).BuildAsync(reportingYear, ct);
        var stem = $"escalations-{Stem(table)}-{reportingYear}";
        if (table == "driftCases")
        {
            return TabularExport.Download(ExportTable.From($"Drifted escalations {reportingYear}", model.DriftCases, DriftColumns), ExportFormat.Csv, stem);
        }

        return TabularExport.Download(model.Charts[table].ToExportTable(), ExportFormat.Csv, stem);
    }

    public static readonly IReadOnlyList<ExportColumn<DriftCase>> DriftColumns =
    [
        new("Reference", c => c.Reference),
        new("Raised on", c => c.RaisedOn),
        new("Raising agency", c => c.RaisingAgency),
        new("Receiving agency", c => c.ReceivingAgency),
        new("Stage where it first drifted", c => c.DriftedAtStage),
        new("Highest stage reached", c => c.StageReached),
        new("Moved up for no timely response", c => c.MovedUpForNoTimelyResponse),
        new("Open", c => c.IsOpen),
    ];

    private async Task<EscalationAnalysis> AnalysisAsync(CancellationToken ct) =>
        new(db, protocol, await bankHolidays.GetAsync(ct), UkTime.Today(clock));

    // No year means the latest complete one with escalations; anything else must be a real reporting year.
    private bool TryYear(string? text, IReadOnlyList<(ReportingYear Year, int Count)> years, out ReportingYear year)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            year = EscalationAnalysis.DefaultYear(years, UkTime.Today(clock));
            return true;
        }

        return ReportingYear.TryParse(text, out year);
    }

    // "byRaisingAgency" becomes "by-raising-agency" in the file name.
    private static string Stem(string table) =>
        string.Concat(table.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));
}

public sealed class EscalationAnalysisPage
{
    public IReadOnlyList<ReportingYear> Years { get; init; } = [];
    public EscalationAnalysisModel? Analysis { get; init; }
}
