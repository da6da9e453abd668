using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Dashboard;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Features.YearlyReports;

public sealed class PublicationDeadlineModel
{
    public required ReportingYear Year { get; init; }

    /// <summary>Null when nobody has started the year's report.</summary>
    public ReportStatus? Status { get; init; }

    public DateTime? PublishedAt { get; init; }
    public required DateOnly Deadline { get; init; }
    public required DateOnly Today { get; init; }

    public bool Published => Status == ReportStatus.Published;

    /// <summary>Days until the deadline; negative once it has passed.</summary>
    public int DaysLeft => Deadline.DayNumber - Today.DayNumber;

    public string StatusText => Status is { } status ? Format.Humanise(status) : "Not started";

    public const string ReportsUrl = "/reports/yearly";
}

/// <summary>A year's report past its publication deadline and not yet published.</summary>
public sealed record OverdueReport(ReportingYear Year, ReportStatus? Status, DateOnly Deadline, int DaysLate)
{
    public string StatusText => Status is { } status ? Format.Humanise(status) : "Not started";
}

/// <summary>
/// The yearly report for the chosen year against its statutory publication deadline (Reports:PublicationMonth):
/// where it has got to, and how many days are left or how late it is. It lives with the yearly reports' workflow it
/// watches; the partnership dashboard lists it in DashboardTiles. Every other report that is late, whatever year is
/// chosen, is listed by the dashboard's "Needs attention today" panel, from <see cref="OverdueAsync"/>.
/// </summary>
public sealed class PublicationDeadlineTile(IOptions<ReportOptions> options) : DashboardTile<PublicationDeadlineModel>
{
    public override string Id => "publication-deadline";

    public override async Task<PublicationDeadlineModel?> LoadAsync(TileContext context, CancellationToken ct)
    {
        var report = await context.Db.YearlyReports.AsNoTracking()
            .Where(r => r.StartYear == context.Year.StartYear)
            .Select(r => new { r.Status, r.PublishedAt })
            .FirstOrDefaultAsync(ct);
        return new PublicationDeadlineModel
        {
            Year = context.Year,
            Status = report?.Status,
            PublishedAt = report?.PublishedAt,
            Deadline = options.Value.PublicationDeadline(context.Year),
            Today = context.Today,
        };
    }

    /// <summary>
    /// Every report past its deadline and not published, latest first: each one started and not published, and the
    /// last finished year's report if nobody has started it. One query; the dashboards' "needs attention today" panel
    /// lists them.
    /// </summary>
    public async Task<IReadOnlyList<OverdueReport>> OverdueAsync(PortalDbContext db, DateOnly today, CancellationToken ct)
    {
        var lastFinished = ReportingYear.Containing(today).Previous;
        var lastStart = lastFinished.StartYear;
        var reports = await db.YearlyReports.AsNoTracking()
            .Where(r => r.Status != ReportStatus.Published || r.StartYear == lastStart)
            .Select(r => new { r.StartYear, r.Status })
            .ToListAsync(ct);
        var late = reports.Where(r => r.Status != ReportStatus.Published)
            .Select(r => (Year: new ReportingYear(r.StartYear), Status: (ReportStatus?)r.Status)).ToList();
        if (reports.TrueForAll(r => r.StartYear != lastFinished.StartYear))
        {
            late.Add((lastFinished, null));
        }

        return late
            .Select(r => new OverdueReport(r.Year, r.Status, options.Value.PublicationDeadline(r.Year), today.DayNumber - options.Value.PublicationDeadline(r.Year).DayNumber))
            .Where(r => r.DaysLate > 0)
            .OrderByDescending(r => r.Year.StartYear)
            .ToList();
    }
}
