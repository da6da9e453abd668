using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Scrutiny;

public sealed record RecommendationAwaiting(int Id, string Title, DateOnly MadeOn, bool Jointly);

public sealed class ScrutinyPartnerTileModel
{
    /// <summary>The reporting years whose plan is put to the partners and not yet approved for this partner.</summary>
    public required IReadOnlyList<ReportingYear> PlansAwaiting { get; init; }
    public required IReadOnlyList<RecommendationAwaiting> Recommendations { get; init; }
}

/// <summary>
/// What the independent scrutineer waits on from the partner: the year's plan awaiting its approval, and the
/// recommendations (to it, or to the partners jointly) awaiting a response. Two queries.
/// </summary>
public sealed class ScrutinyPartnerTile : DashboardTile<ScrutinyPartnerTileModel>
{
    public override string Id => "scrutiny-partner";

    public override async Task<ScrutinyPartnerTileModel?> LoadAsync(TileContext context, CancellationToken ct)
    {
        if (context.OrganisationId is not { } organisationId)
        {
            return null;
        }

        var plans = await context.Db.ScrutinyPlans.AsNoTracking()
            .Where(p => p.IsLive() && p.Status == ScrutinyPlanStatus.ForApproval && p.StartYear >= context.Year.StartYear
                && !p.Approvals.Any(a => a.OrganisationId == organisationId && a.WithdrawnAt == null))
            .OrderBy(p => p.StartYear)
            .Select(p => p.StartYear)
            .ToListAsync(ct);
        var recommendations = await context.Db.ScrutinyRecommendations.AsNoTracking()
            .Where(r => r.IsLive() && r.Response == null && (r.OrganisationId == organisationId || r.OrganisationId == null))
            .OrderBy(r => r.MadeOn).ThenBy(r => r.Id)
            .Select(r => new RecommendationAwaiting(r.Id, r.Title, r.MadeOn, r.OrganisationId == null))
            .ToListAsync(ct);
        return new ScrutinyPartnerTileModel
        {
            PlansAwaiting = plans.Select(y => new ReportingYear(y)).ToList(),
            Recommendations = recommendations,
        };
    }
}
