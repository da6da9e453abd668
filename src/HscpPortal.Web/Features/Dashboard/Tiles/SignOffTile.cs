using HscpPortal.Web.Domain;
using HscpPortal.Web.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Features.Dashboard.Tiles;

public sealed record AwaitingSignOff(ReportingYear Year, DateOnly Deadline)
{
    public string WorkflowUrl => $"/reports/yearly/{Year}/workflow";
}

public sealed class SignOffModel
{
    public required DateOnly Today { get; init; }
    public required IReadOnlyList<AwaitingSignOff> Reports { get; init; }
}

/// <summary>
/// Yearly reports at sign-off that the partner's agency has not (or no longer, after a reset) signed, with each
/// report's publication deadline.
/// </summary>
public sealed class SignOffTile(IOptions<ReportOptions> options) : DashboardTile<SignOffModel>
{
    public override string Id => "sign-off";

    public static IQueryable<YearlyReport> Awaiting(IQueryable<YearlyReport> reports, int organisationId) =>
        reports.Where(r => r.Status == ReportStatus.SignOff
            && !r.SignOffs.Any(s => s.OrganisationId == organisationId && s.ResetAt == null));

    public override async Task<SignOffModel?> LoadAsync(TileContext context, CancellationToken ct)
    {
        var years = await Awaiting(context.Db.YearlyReports.AsNoTracking(), context.OrganisationId!.Value)
            .OrderBy(r => r.StartYear).Select(r => r.StartYear).Take(20).ToListAsync(ct);
        return new SignOffModel
        {
            Today = context.Today,
            Reports = years.Select(y => new AwaitingSignOff(new ReportingYear(y), options.Value.PublicationDeadline(new ReportingYear(y)))).ToList(),
        };
    }
}
