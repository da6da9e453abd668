using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Dashboard.Tiles;

public sealed record MyAction(int Id, string Title, string Group, DateOnly DueDate, ActionStatus Status);

public sealed class MyActionsModel
{
    public required bool Linked { get; init; }
    public required DateOnly Today { get; init; }
    public int Open { get; init; }
    public int Overdue { get; init; }

    /// <summary>The first <see cref="MyActionsTile.Shown"/> open actions, earliest due (so overdue) first.</summary>
    public IReadOnlyList<MyAction> Next { get; init; } = [];

    public const string MineUrl = "/actions/mine";
}

/// <summary>The user's own open actions, overdue first; the full list is "My actions".</summary>
public sealed class MyActionsTile : DashboardTile<MyActionsModel>
{
    public const int Shown = 10;

    public override string Id => "my-actions";

    public override async Task<MyActionsModel?> LoadAsync(TileContext context, CancellationToken ct)
    {
        if (context.PersonId is not { } personId)
        {
            return new MyActionsModel { Linked = false, Today = context.Today };
        }

        // The conditions of /actions/mine, so the counts match the list it shows.
        var open = context.Db.Actions.AsNoTracking()
            .Where(a => a.OwnerPersonId == personId && a.IsLive()
                && a.Status != ActionStatus.Completed && a.Status != ActionStatus.Closed && a.Status != ActionStatus.Cancelled);
        return new MyActionsModel
        {
            Linked = true,
            Today = context.Today,
            Open = await open.CountAsync(ct),
            Overdue = await open.CountAsync(ActionRag.Overdue(context.Today), ct),
            Next = await open.OrderBy(a => a.DueDate).ThenBy(a => a.Id).Take(Shown)
                .Select(a => new MyAction(a.Id, a.Title, a.Group!.Name, a.DueDate, a.Status)).ToListAsync(ct),
        };
    }
}
