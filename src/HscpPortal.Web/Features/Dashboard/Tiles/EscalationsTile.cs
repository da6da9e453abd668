using HscpPortal.Web.Domain;
using HscpPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Dashboard.Tiles;

public sealed record StageCount(int Stage, string Name, int Count);

public sealed class EscalationsModel
{
    public required ReportingYear Year { get; init; }
    public required Trend Raised { get; init; }
    public required Trend Drifted { get; init; }
    public required int Open { get; init; }
    public required IReadOnlyList<StageCount> ByStage { get; init; }

    public string RegisterUrl => $"/escalations?year={Year}";
    public string OpenUrl => $"{RegisterUrl}&status=open";
    public string DriftUrl => $"{RegisterUrl}&drift=true";
    public string StageUrl(int stage) => $"{RegisterUrl}&stage={stage}";
    public string AnalysisUrl => $"/escalations/analysis?year={Year}";
}

/// <summary>
/// Escalations raised in the year, by the stage each has reached, and how many drifted past a stage's timescale.
/// Only for those who may read the escalation register.
/// </summary>
public sealed class EscalationsTile(EscalationProtocol protocol) : DashboardTile<EscalationsModel>
{
    public override string Id => "escalations";

    public override async Task<EscalationsModel?> LoadAsync(TileContext context, CancellationToken ct)
    {
        if (!await context.AllowedAsync(Policies.ViewEscalations))
        {
            return null;
        }

        var year = context.Year;
        var previous = context.PreviousYear;
        var today = context.Today;
        // The register's own conditions: not archived, raised in the year; drift as the register's drift filter.
        var escalations = context.Db.Escalations.AsNoTracking().Where(e => e.IsLive());
        var inYear = escalations.Where(e => e.RaisedOn >= year.Start && e.RaisedOn <= year.End);
        var inPrevious = escalations.Where(e => e.RaisedOn >= previous.Start && e.RaisedOn <= previous.End);

        var byStage = await inYear.GroupBy(e => e.CurrentStage)
            .Select(g => new { Stage = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var raisedBefore = await inPrevious.CountAsync(ct);
        var open = await inYear.CountAsync(e => e.ResolvedOn == null, ct);
        var drifted = await inYear.CountAsync(e => e.Stages.Any(s => (s.EndedOn ?? today) > s.DueOn), ct);
        var driftedBefore = await inPrevious.CountAsync(e => e.Stages.Any(s => (s.EndedOn ?? today) > s.DueOn), ct);

        return new EscalationsModel
        {
            Year = year,
            Raised = new Trend(byStage.Sum(s => s.Count), raisedBefore, previous),
            Drifted = new Trend(drifted, driftedBefore, previous),
            Open = open,
            ByStage = byStage.OrderBy(s => s.Stage).Select(s => new StageCount(s.Stage, protocol.Name(s.Stage), s.Count)).ToList(),
        };
    }
}
