using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Audits;

public sealed record AuditStatusCount(AuditStatus Status, int Count);

public sealed class AuditsTileModel
{
    public required ReportingYear Year { get; init; }
    public required int? GroupId { get; init; }
    public required IReadOnlyList<AuditStatusCount> ByStatus { get; init; }
    public required int AreasForImprovement { get; init; }
    public required int AreasWithActions { get; init; }
    public required int Actions { get; init; }
    public required int ActionsComplete { get; init; }

    public int Total => ByStatus.Sum(s => s.Count);

    /// <summary>Of the actions raised from the year's audits, the share complete; null when there are none, as 0% would mislead.</summary>
    public int? CompletePercent => Actions == 0 ? null : (int)Math.Round(100.0 * ActionsComplete / Actions, MidpointRounding.AwayFromZero);

    public string ListUrl => $"/audits?year={Year}" + (GroupId is { } g ? $"&groupId={g}" : "");
    public string StatusUrl(AuditStatus status) => $"{ListUrl}&status={status}";
}

/// <summary>
/// The year's audit programme at a glance: audits by status, how many areas for improvement have become actions, and
/// how many of those actions are complete. On a chair's dashboard, only that group's audits.
/// </summary>
public sealed class AuditsTile : DashboardTile<AuditsTileModel>
{
    public override string Id => "audits";

    public override async Task<AuditsTileModel?> LoadAsync(TileContext context, CancellationToken ct)
    {
        var year = context.Year;
        var audits = context.Db.Audits.AsNoTracking().Where(a => a.IsLive() && a.ProgrammeYear == year.StartYear);
        if (context.GroupId is { } groupId)
        {
            audits = audits.Where(a => a.GroupId == groupId);
        }

        var byStatus = await audits.GroupBy(a => a.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        var improvements = context.Db.AuditFindings.AsNoTracking()
            .Where(f => f.IsLive() && f.Kind == FindingKind.AreaForImprovement && audits.Any(a => a.Id == f.AuditId));
        var areas = await improvements.CountAsync(ct);
        var withActions = await improvements.CountAsync(f => context.Db.Actions.Any(x => x.AuditFindingId == f.Id && x.IsLive()), ct);
        var actions = context.Db.Actions.AsNoTracking().Where(x => x.IsLive() && x.AuditFindingId != null && audits.Any(a => a.Id == x.AuditFinding!.AuditId));
        var counts = await actions.GroupBy(x => x.Status == ActionStatus.Completed)
            .Select(g => new { Complete = g.Key, Count = g.Count() }).ToListAsync(ct);

        return new AuditsTileModel
        {
            Year = year,
            GroupId = context.GroupId,
            ByStatus = byStatus.OrderBy(s => s.Status).Select(s => new AuditStatusCount(s.Status, s.Count)).ToList(),
            AreasForImprovement = areas,
            AreasWithActions = withActions,
            Actions = counts.Sum(c => c.Count),
            ActionsComplete = counts.Where(c => c.Complete).Sum(c => c.Count),
        };
    }
}
