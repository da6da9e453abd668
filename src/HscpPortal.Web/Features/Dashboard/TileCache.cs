using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using HscpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace HscpPortal.Web.Features.Dashboard;

/// <summary>
/// Keeps each tile's model for a year, for whoever asked, under the records' <see cref="DataVersion"/>: the first
/// request after any committed change finds a new version and loads afresh, so no figure is ever stale, and the
/// requests in between cost one query for the version instead of the tiles' thirty. A process's own cache, bounded in
/// entries; entries of superseded versions are never asked for again and age out.
/// </summary>
public sealed class TileCache : IDisposable
{
    /// <summary>At most this many tile models are kept (each a few kilobytes: a dashboard's counts and charts).</summary>
    public const int Capacity = 4_000;

    private static readonly MemoryCacheEntryOptions EntryOptions = new()
    {
        Size = 1,
        SlidingExpiration = TimeSpan.FromMinutes(20),
    };

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The version as committed now: one small query, made once per request by <see cref="DashboardTileLoader"/>.</summary>
    public static Task<long> CurrentVersionAsync(PortalDbContext db, CancellationToken ct) =>
        db.DataVersions.AsNoTracking().Where(v => v.Id == DataVersion.SingletonId).Select(v => v.Version).SingleAsync(ct);

    /// <summary>The tile's model from the cache, or loaded and kept. A tile hidden from the user (null) is kept as such.</summary>
    public async Task<object?> GetOrLoadAsync(string key, Func<Task<object?>> load)
    {
        if (cache.TryGetValue(key, out Hidden? kept))
        {
            return kept?.Model;
        }

        var model = await load();
        cache.Set(key, new Hidden(model), EntryOptions);
        return model;
    }

    /// <summary>
    /// Everything but the tile that its model may depend on besides the records: the data version, the year, today, the
    /// group, organisation and person the dashboard is about, and who is asking with the claims they hold (a role
    /// granted moves the version too, but the sign-in cookie may carry the old claims a little longer). Worked out once
    /// a request; <see cref="Key"/> adds the tile.
    /// </summary>
    public static string Scope(long version, TileContext context)
    {
        var claims = string.Join('\n', context.User.Claims
            .Select(c => c.Type + "=" + c.Value)
            .Order(StringComparer.Ordinal));
        var who = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(claims)));
        return string.Join('|',
            version.ToString(CultureInfo.InvariantCulture),
            context.Year.ToString(),
            context.Today.ToString("O", CultureInfo.InvariantCulture),
            context.GroupId?.ToString(CultureInfo.InvariantCulture),
            context.OrganisationId?.ToString(CultureInfo.InvariantCulture),
            context.PersonId?.ToString(CultureInfo.InvariantCulture),
            context.User.FindFirstValue(ClaimTypes.NameIdentifier),
            who);
    }

    /// <summary>A tile's key within a <see cref="Scope"/>.</summary>
    public static string Key(Type tile, string scope) => tile.FullName + "|" + scope;

    public void Dispose() => cache.Dispose();

    // A wrapper so that "hidden from this user" (null) is a kept answer, not a miss.
    private sealed record Hidden(object? Model);
}
