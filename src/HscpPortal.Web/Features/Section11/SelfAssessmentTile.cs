using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Dashboard;
using HscpPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Section11;

public sealed class SelfAssessmentTileModel
{
    public required int RoundId { get; init; }
    public required string Title { get; init; }
    public required DateOnly Deadline { get; init; }
    public required int InScope { get; init; }
    public required int Returned { get; init; }
    public required int InProgress { get; init; }

    public int NotStarted => InScope - Returned - InProgress;
}

/// <summary>
/// The latest Section 11 or 175 round that has opened: returned, in progress and not started. Only for those who see
/// every organisation's return (the team, the scrutineer, the safeguarding partners and group chairs); others see no tile.
/// </summary>
public sealed class SelfAssessmentTile : DashboardTile<SelfAssessmentTileModel>
{
    public override string Id => "section11";

    public override async Task<SelfAssessmentTileModel?> LoadAsync(TileContext context, CancellationToken ct)
    {
        if (!await context.AllowedAsync(Policies.ViewSelfAssessments))
        {
            return null;
        }

        var today = context.Today;
        return await context.Db.SelfAssessmentRounds.AsNoTracking()
            .Where(r => r.IsLive() && r.OpensOn <= today)
            .OrderByDescending(r => r.OpensOn).ThenByDescending(r => r.Id)
            .Select(r => new SelfAssessmentTileModel
            {
                RoundId = r.Id,
                Title = r.Title,
                Deadline = r.Deadline,
                InScope = r.Returns.Count(x => x.IsLive()),
                Returned = r.Returns.Count(x => x.IsLive() && x.Status == ReturnStatus.Submitted),
                InProgress = r.Returns.Count(x => x.IsLive() && x.Status == ReturnStatus.InProgress),
            })
            .FirstOrDefaultAsync(ct);
    }
}
