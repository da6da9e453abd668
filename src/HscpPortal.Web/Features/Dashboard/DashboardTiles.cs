using HscpPortal.Web.Features.Actions;
using HscpPortal.Web.Features.Audits;
using HscpPortal.Web.Features.Dashboard.Tiles;
using HscpPortal.Web.Features.Section11;
using HscpPortal.Web.Features.Scrutiny;
using HscpPortal.Web.Features.YearlyReports;

namespace HscpPortal.Web.Features.Dashboard;

/// <summary>
/// The tiles of each dashboard, in the order they appear. Adding a tile: write its class and its partial side by side
/// in its line of work's folder (Features/Audits/AuditsTile.cs and _AuditsTile.cshtml, say) and add one line here;
/// it is registered with DI from these lists, so it takes what it needs in its constructor.
/// </summary>
public static class DashboardTiles
{
    public static IReadOnlyList<Type> Partnership { get; } =
    [
        Tile<BoardAttendanceTile>(),
        Tile<QuorumTile>(),
        Tile<RatificationTile>(),
        Tile<ActionsTile>(),
        Tile<EscalationsTile>(),
        Tile<AuditsTile>(),
        Tile<SelfAssessmentTile>(),
        Tile<PublicationDeadlineTile>(),
    ];

    /// <summary>A group's dashboard for its chair (TileContext.GroupId set).</summary>
    public static IReadOnlyList<Type> Chair { get; } =
    [
        Tile<NextMeetingTile>(),
        Tile<AwaitingSignOffTile>(),
        Tile<ActionPlanTile>(),
        Tile<DueBeforeMeetingTile>(),
        Tile<MemberAttendanceTile>(),
        Tile<AuditsTile>(),
    ];

    /// <summary>What needs a statutory partner's lead or delegated partner (TileContext.OrganisationId set).</summary>
    public static IReadOnlyList<Type> Partner { get; } =
    [
        Tile<RatificationTile>(),
        Tile<SignOffTile>(),
        Tile<AgencyActionsTile>(),
        Tile<EscalationsReceivedTile>(),
        Tile<ScrutinyChallengesTile>(),
        Tile<ScrutinyPartnerTile>(),
    ];

    /// <summary>Every user's own work (TileContext.PersonId and OrganisationId set when the login is linked to a person).</summary>
    public static IReadOnlyList<Type> MyWork { get; } =
    [
        Tile<MyActionsTile>(),
        Tile<AwaitingSignOffTile>(),
        Tile<MyMeetingsTile>(),
        Tile<AgencyActionsTile>(),
    ];

    /// <summary>
    /// The assurance overview (<c>/dashboard/assurance</c>): how the partnership knows whether practice is safe, from
    /// audits, agencies' self-assessments and independent scrutiny. An assurance line of work adds its tile here.
    /// </summary>
    public static IReadOnlyList<Type> Assurance { get; } =
    [
        Tile<AuditsTile>(),
        Tile<SelfAssessmentTile>(),
        Tile<ScrutinyTile>(),
    ];

    /// <summary>Every tile on any dashboard, once.</summary>
    public static IReadOnlyList<Type> All { get; } = Partnership.Concat(Chair).Concat(Partner).Concat(MyWork).Concat(Assurance).Distinct().ToList();

    // A list of types rather than of instances so that DI builds each tile with its own services; the generic
    // constraint keeps a non-tile out of the lists at compile time.
    private static Type Tile<T>()
        where T : class, IDashboardTile => typeof(T);

    /// <summary>Registers every tile in the lists above, so a new tile needs no line of its own in Program.cs.</summary>
    public static IServiceCollection AddDashboardTiles(this IServiceCollection services)
    {
        foreach (var tile in All)
        {
            services.AddScoped(tile);
        }

        services.AddSingleton<TileCache>();
        return services.AddScoped<DashboardTileLoader>().AddScoped<NeedsAttention>();
    }
}

/// <summary>Builds a dashboard's tiles for this request and loads them, each from the <see cref="TileCache"/> when the records have not changed.</summary>
public sealed class DashboardTileLoader(IServiceProvider services, TileCache cache)
{
    private long? version;

    /// <summary>Loads the tiles one after another (a DbContext runs one query at a time), leaving out those the user may not see.</summary>
    public async Task<IReadOnlyList<LoadedTile>> LoadAsync(IReadOnlyList<Type> tiles, TileContext context, CancellationToken ct)
    {
        // Read once a request: a change committed while this page is drawn shows on the next one.
        version ??= await TileCache.CurrentVersionAsync(context.Db, ct);
        var scope = TileCache.Scope(version.Value, context);
        var loaded = new List<LoadedTile>();
        foreach (var type in tiles)
        {
            var tile = (IDashboardTile)services.GetRequiredService(type);
            var model = await cache.GetOrLoadAsync(TileCache.Key(type, scope), () => tile.LoadAsync(context, ct));
            if (model is not null)
            {
                loaded.Add(new LoadedTile(tile.Id, tile.Partial, model));
            }
        }

        return loaded;
    }
}
