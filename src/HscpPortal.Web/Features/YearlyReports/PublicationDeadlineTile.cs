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

/// <summary>
/// The yearly report for the chosen year against its statutory publication deadline (Reports:PublicationMonth):
/// where it has got to, and how many days are left or how late it is. It lives with the yearly reports' workflow it
/// watches; the partnership dashboard lists it in DashboardTiles.
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
}
