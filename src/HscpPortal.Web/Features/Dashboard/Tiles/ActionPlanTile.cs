using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.ActionTracker;
using RagRating = HscpPortal.Web.Domain.Rag;

namespace HscpPortal.Web.Features.Dashboard.Tiles;

public sealed class ActionPlanModel
{
    public required int GroupId { get; init; }
    public required RagCounts Counts { get; init; }
    public string PlanUrl => $"/groups/{GroupId}/actions";

    public string RagUrl(RagRating rag) => ActionPlanTile.RagFilter(rag).Url(PlanUrl, includeGroup: false);
}

/// <summary>The group's action plan by RAG rating, each count linking to the plan filtered to it.</summary>
public sealed class ActionPlanTile : DashboardTile<ActionPlanModel>
{
    public override string Id => "action-plan";

    public static ActionFilter RagFilter(RagRating rag) => new() { Rag = [rag] };

    public override async Task<ActionPlanModel?> LoadAsync(TileContext context, CancellationToken ct)
    {
        var groupId = context.GroupId!.Value;
        // The same query the action plan page counts with, so the two agree.
        var counts = await context.Db.Actions.Where(a => a.GroupId == groupId && a.IsLive()).RagCountsAsync(context.Today, ct);
        return new ActionPlanModel { GroupId = groupId, Counts = counts };
    }
}
