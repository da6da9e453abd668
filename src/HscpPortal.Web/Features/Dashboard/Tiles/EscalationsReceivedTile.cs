using HscpPortal.Web.Domain;
using HscpPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Dashboard.Tiles;

public sealed class EscalationsReceivedModel
{
    public required int OrganisationId { get; init; }
    public required int Open { get; init; }
    public required int Total { get; init; }
    public required IReadOnlyList<StageCount> OpenByStage { get; init; }

    // Every year: an escalation stays the agency's business until it is resolved, whenever it was raised.
    public string AllUrl => $"/escalations?year=all&concernedOrganisationId={OrganisationId}";
    public string OpenUrl => $"{AllUrl}&status=open";
    public string StageUrl(int stage) => $"{OpenUrl}&stage={stage}";
}

/// <summary>Escalations raised about the agency (it is the concerned organisation): the open ones by stage reached.</summary>
public sealed class EscalationsReceivedTile(EscalationProtocol protocol) : DashboardTile<EscalationsReceivedModel>
{
    public override string Id => "escalations-received";

    public override async Task<EscalationsReceivedModel?> LoadAsync(TileContext context, CancellationToken ct)
    {
        if (context.OrganisationId is not { } organisationId || !await context.AllowedAsync(Policies.ViewEscalations))
        {
            return null;
        }

        // The register's conditions: not archived, concerning the agency.
        var received = context.Db.Escalations.AsNoTracking().Where(e => e.IsLive() && e.ConcernedOrganisationId == organisationId);
        var byStage = await received.GroupBy(e => new { e.CurrentStage, Open = e.ResolvedOn == null })
            .Select(g => new { g.Key.CurrentStage, g.Key.Open, Count = g.Count() })
            .ToListAsync(ct);
        return new EscalationsReceivedModel
        {
            OrganisationId = organisationId,
            Total = byStage.Sum(s => s.Count),
            Open = byStage.Where(s => s.Open).Sum(s => s.Count),
            OpenByStage = byStage.Where(s => s.Open).OrderBy(s => s.CurrentStage)
                .Select(s => new StageCount(s.CurrentStage, protocol.Name(s.CurrentStage), s.Count)).ToList(),
        };
    }
}
