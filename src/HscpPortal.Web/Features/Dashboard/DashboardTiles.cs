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
    ];
}
