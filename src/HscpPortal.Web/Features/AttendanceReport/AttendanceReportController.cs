using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure;
using HscpPortal.Web.Infrastructure.Export;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Features.AttendanceReport;

/// <summary>
/// Attendance over a reporting year: the statutory partners at the board (as the yearly report shows it), relevant
/// agencies at subgroups, letters about unexplained absences, and the tables as CSV and Excel.
/// </summary>
[Route("meetings/attendance")]
[Authorize(Policy = Policies.ViewRecords)]
public sealed class AttendanceReportController(PortalDbContext db, TimeProvider clock, IOptions<PortalOptions> portal) : Controller
{
    public const string YearError = "Enter a reporting year in the form 2023-24";

    [HttpGet("")]
    public async Task<IActionResult> Index(string? year, CancellationToken ct)
    {
        var page = new AttendanceReportPage { Years = await AttendanceReportData.YearsAsync(db, UkTime.Today(clock), ct) };
        if (!TryYear(year, out var reportingYear))
        {
            ModelState.AddModelError("year", YearError);
            return View(page);
        }

        page.Year = reportingYear;
        page.Board = await AttendanceReportData.BoardAsync(db, reportingYear, ct);
        page.Agencies = await AttendanceReportData.AgenciesAsync(db, reportingYear, ct);
        return View(page);
    }

    [HttpGet("partner")]
    public async Task<IActionResult> Partner(string? year, int organisationId, string? show, CancellationToken ct)
    {
        if (!TryYear(year, out var reportingYear))
        {
            return BadRequest();
        }

        var organisation = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == organisationId && o.StatutoryPartner != null)
            .Select(o => new { o.Id, o.Name })
            .FirstOrDefaultAsync(ct);
        if (organisation is null)
        {
            return NotFound();
        }

        var board = await AttendanceReportData.BoardAsync(db, reportingYear, ct);
        var meetings = board.Details.GetValueOrDefault(organisation.Id, []);
        var filter = show switch
        {
            "dsp" => (Func<PartnerMeetingDetail, bool>)(m => m.Dsp),
            "representative" => m => m.Representative,
            "nobody" => m => m.Nobody,
            _ => null,
        };
        return View(new PartnerAttendancePage
        {
            Year = reportingYear,
            OrganisationId = organisation.Id,
            OrganisationName = organisation.Name,
            Show = filter is null ? null : show,
            Row = board.Rows.FirstOrDefault(r => r.Stats.OrganisationId == organisation.Id),
            Meetings = filter is null ? meetings : meetings.Where(filter).ToList(),
        });
    }

    [HttpGet("agency")]
    public async Task<IActionResult> Agency(string? year, int organisationId, string? show, CancellationToken ct)
    {
        var found = await AgencyAsync(year, organisationId, ct);
        if (found.Problem is not null)
        {
            return found.Problem;
        }

        var outcome = show switch
        {
            "attended" => AgencyOutcome.Attended,
            "apologies" => AgencyOutcome.Apologies,
            "absent" => AgencyOutcome.AbsentWithoutReason,
            _ => (AgencyOutcome?)null,
        };
        var page = found.Page!;
        page.Show = outcome;
        page.Meetings = outcome is null ? page.Meetings : page.Meetings.Where(m => m.Outcome == outcome).ToList();
        return View(page);
    }

    [HttpGet("letter")]
    public async Task<IActionResult> Letter(string? year, int organisationId, CancellationToken ct)
    {
        var found = await AgencyAsync(year, organisationId, ct);
        if (found.Problem is not null)
        {
            return found.Problem;
        }

        var page = found.Page!;
        page.Show = AgencyOutcome.AbsentWithoutReason;
        page.Meetings = page.Meetings.Where(m => m.Outcome == AgencyOutcome.AbsentWithoutReason).ToList();
        page.Today = UkTime.Today(clock);
        page.PartnershipName = portal.Value.Name;
        page.ContactEmail = portal.Value.ContactEmail;
        return View(page);
    }

    [HttpGet("/meetings/attendance.csv")]
    public Task<IActionResult> Csv(string? year, string? table, CancellationToken ct) => Export(year, table, ExportFormat.Csv, ct);

    [HttpGet("/meetings/attendance.xlsx")]
    public Task<IActionResult> Xlsx(string? year, string? table, CancellationToken ct) => Export(year, table, ExportFormat.Xlsx, ct);

    private async Task<IActionResult> Export(string? year, string? table, ExportFormat format, CancellationToken ct)
    {
        if (!TryYear(year, out var reportingYear))
        {
            return BadRequest();
        }

        switch (table)
        {
            case "board":
                var board = await AttendanceReportData.BoardAsync(db, reportingYear, ct);
                return TabularExport.Download(
                    ExportTable.From("Board attendance " + reportingYear, board.Rows, BoardColumns),
                    format,
                    $"board-attendance-{reportingYear}");
            case "agencies":
                var agencies = await AttendanceReportData.AgenciesAsync(db, reportingYear, ct);
                return TabularExport.Download(
                    ExportTable.From("Agency attendance " + reportingYear, agencies.Rows, AgencyColumns),
                    format,
                    $"agency-attendance-{reportingYear}");
            default:
                return BadRequest();
        }
    }

    public static readonly IReadOnlyList<ExportColumn<BoardPartnerRow>> BoardColumns =
    [
        new("Statutory partner", r => Quorum.Name(r.Stats.Partner)),
        new("Organisation", r => r.OrganisationName),
        new("Meetings held", r => r.Stats.Held),
        new("Attended by the DSP", r => r.Stats.DspAttended),
        new("DSP %", r => r.Stats.DspPercent),
        new("Attended by a deputy or other representative", r => r.Stats.RepresentativeAttended),
        new("Deputy or other representative %", r => r.Stats.RepresentativePercent),
        new("Nobody attended", r => r.Stats.Nobody),
        new("Nobody %", r => r.Stats.NobodyPercent),
        new("Attended by the DSP or a deputy", r => r.Stats.DspOrDeputyAttended),
        new("DSP or deputy %", r => r.Stats.DspOrDeputyPercent),
    ];

    public static readonly IReadOnlyList<ExportColumn<AgencyRow>> AgencyColumns =
    [
        new("Agency", r => r.Name),
        new("Meetings expected", r => r.Stats.Expected),
        new("Meetings attended", r => r.Stats.Attended),
        new("Attended %", r => r.Stats.AttendedPercent),
        new("Apologies", r => r.Stats.Apologies),
        new("Absent without apologies", r => r.Stats.AbsentWithoutReason),
    ];

    private async Task<(AgencyAttendancePage? Page, IActionResult? Problem)> AgencyAsync(string? year, int organisationId, CancellationToken ct)
    {
        if (!TryYear(year, out var reportingYear))
        {
            return (null, BadRequest());
        }

        // Letters and the agency view are for relevant agencies; the partners' attendance is the board table.
        var organisation = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == organisationId && o.StatutoryPartner == null)
            .Select(o => new { o.Id, o.Name })
            .FirstOrDefaultAsync(ct);
        if (organisation is null)
        {
            return (null, NotFound());
        }

        var agencies = await AttendanceReportData.AgenciesAsync(db, reportingYear, ct);
        return (new AgencyAttendancePage
        {
            Year = reportingYear,
            OrganisationId = organisation.Id,
            OrganisationName = organisation.Name,
            Row = agencies.Rows.FirstOrDefault(r => r.Stats.OrganisationId == organisation.Id),
            Meetings = agencies.Details.GetValueOrDefault(organisation.Id, []),
        }, null);
    }

    // No year means the one we are in; anything else must be a real reporting year.
    private bool TryYear(string? text, out ReportingYear year)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            year = ReportingYear.Containing(UkTime.Today(clock));
            return true;
        }

        return ReportingYear.TryParse(text, out year);
    }
}

public sealed class AttendanceReportPage
{
    public ReportingYear? Year { get; set; }
    public IReadOnlyList<ReportingYear> Years { get; set; } = [];
    public BoardAttendanceReport? Board { get; set; }
    public AgencyAttendanceReport? Agencies { get; set; }
}

public sealed class PartnerAttendancePage
{
    public ReportingYear Year { get; init; }
    public int OrganisationId { get; init; }
    public required string OrganisationName { get; init; }
    public string? Show { get; init; }
    public BoardPartnerRow? Row { get; init; }
    public required IReadOnlyList<PartnerMeetingDetail> Meetings { get; init; }
}

public sealed class AgencyAttendancePage
{
    public ReportingYear Year { get; init; }
    public int OrganisationId { get; init; }
    public required string OrganisationName { get; init; }
    public AgencyRow? Row { get; init; }
    public AgencyOutcome? Show { get; set; }
    public required IReadOnlyList<AgencyMeetingDetail> Meetings { get; set; }
    public DateOnly Today { get; set; }
    public string PartnershipName { get; set; } = "";
    public string ContactEmail { get; set; } = "";
}
