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

    /// <summary>Other years whose report is past its deadline and not yet published, latest first.</summary>
    public IReadOnlyList<OverdueReport> OtherOverdue { get; init; } = [];

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
/// watches; the partnership dashboard lists it in DashboardTiles. Whatever year is chosen, it also lists every other
/// report that is late: each one started and not published once its deadline has passed, and the last finished
/// year's report if nobody has started it by its deadline.
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
        var unpublished = await context.Db.YearlyReports.AsNoTracking()
            .Where(r => r.Status != ReportStatus.Published && r.StartYear != context.Year.StartYear)
            .Select(r => new { r.StartYear, r.Status })
            .ToListAsync(ct);
        var late = unpublished.Select(r => (Year: new ReportingYear(r.StartYear), Status: (ReportStatus?)r.Status)).ToList();
        var lastFinished = ReportingYear.Containing(context.Today).Previous;
        if (lastFinished != context.Year && !await context.Db.YearlyReports.AnyAsync(r => r.StartYear == lastFinished.StartYear, ct))
        {
            late.Add((lastFinished, null));
        }

        var overdue = late
            .Select(r => new OverdueReport(r.Year, r.Status, options.Value.PublicationDeadline(r.Year), context.Today.DayNumber - options.Value.PublicationDeadline(r.Year).DayNumber))
            .Where(r => r.DaysLate > 0)
            .OrderByDescending(r => r.Year.StartYear)
            .ToList();
        return new PublicationDeadlineModel
        {
            OtherOverdue = overdue,
            Year = context.Year,
            Status = report?.Status,
            PublishedAt = report?.PublishedAt,
            Deadline = options.Value.PublicationDeadline(context.Year),
            Today = context.Today,
        };
    }
}
