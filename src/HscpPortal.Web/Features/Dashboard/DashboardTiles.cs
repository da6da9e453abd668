using HscpPortal.Web.Features.Dashboard.Tiles;

namespace HscpPortal.Web.Features.Dashboard;

/// <summary>
/// The tiles of each dashboard, in the order they appear. Adding a tile: write its class and its partial in Tiles/
/// and add it here; nothing else changes.
/// </summary>
public static class DashboardTiles
{
    public static IReadOnlyList<IDashboardTile> Partnership { get; } =
    [
        new BoardAttendanceTile(),
        new QuorumTile(),
        new RatificationTile(),
        new ActionsTile(),
        new EscalationsTile(),
        new PublicationDeadlineTile(),
    ];

    /// <summary>A group's dashboard for its chair (TileContext.GroupId set).</summary>
    public static IReadOnlyList<IDashboardTile> Chair { get; } =
    [
        new NextMeetingTile(),
        new ActionPlanTile(),
        new DueBeforeMeetingTile(),
        new MemberAttendanceTile(),
    ];

    /// <summary>What needs a statutory partner's lead or delegated partner (TileContext.OrganisationId set).</summary>
    public static IReadOnlyList<IDashboardTile> Partner { get; } =
    [
        new RatificationTile(),
        new SignOffTile(),
        new AgencyActionsTile(),
        new EscalationsReceivedTile(),
    ];

    /// <summary>Every user's own work (TileContext.PersonId and OrganisationId set when the login is linked to a person).</summary>
    public static IReadOnlyList<IDashboardTile> MyWork { get; } =
    [
        new MyActionsTile(),
        new MyMeetingsTile(),
        new AgencyActionsTile(),
    ];

    /// <summary>Loads the tiles one after another (a DbContext runs one query at a time), leaving out those the user may not see.</summary>
    public static async Task<IReadOnlyList<LoadedTile>> LoadAsync(IReadOnlyList<IDashboardTile> tiles, TileContext context, CancellationToken ct)
    {
        var loaded = new List<LoadedTile>();
        foreach (var tile in tiles)
        {
            if (await tile.LoadAsync(context, ct) is { } model)
            {
                loaded.Add(new LoadedTile(tile.Id, tile.Partial, model));
            }
        }

        return loaded;
    }
}
