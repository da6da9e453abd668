using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Dashboard.Tiles;

public sealed record AgencyAction(int Id, string Title, string Group, DateOnly DueDate);

public sealed class AgencyActionsModel
{
    public required int OrganisationId { get; init; }
    public required string OrganisationName { get; init; }
    public required int Open { get; init; }
    public required int Overdue { get; init; }

    /// <summary>The longest overdue, at most <see cref="AgencyActionsTile.Shown"/>.</summary>
    public required IReadOnlyList<AgencyAction> OldestOverdue { get; init; }

    public string OpenUrl => ActionsTile.OpenFilter().Url(ActionsTile.Tracker, f => f.Agency = OrganisationId);
    public string OverdueUrl => ActionsTile.OverdueFilter().Url(ActionsTile.Tracker, f => f.Agency = OrganisationId);
}

/// <summary>The open and overdue actions an agency owns, whichever group set them, with the longest overdue first.</summary>
public sealed class AgencyActionsTile : DashboardTile<AgencyActionsModel>
{
    public const int Shown = 5;

    public override string Id => "agency-actions";

    public override async Task<AgencyActionsModel?> LoadAsync(TileContext context, CancellationToken ct)
    {
        if (context.OrganisationId is not { } organisationId)
        {
            return null;
        }

        var db = context.Db;
        var name = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
        var actions = db.Actions.AsNoTracking().Where(a => a.OwnerOrganisationId == organisationId);
        var open = ActionsTile.OpenFilter().Apply(actions, context.Today);
        var overdue = ActionsTile.OverdueFilter().Apply(actions, context.Today);
        return new AgencyActionsModel
        {
            OrganisationId = organisationId,
            OrganisationName = name,
            Open = await open.CountAsync(ct),
            Overdue = await overdue.CountAsync(ct),
            OldestOverdue = await overdue.OrderBy(a => a.DueDate).ThenBy(a => a.Id).Take(Shown)
                .Select(a => new AgencyAction(a.Id, a.Title, a.Group!.Name, a.DueDate)).ToListAsync(ct),
        };
    }
}
