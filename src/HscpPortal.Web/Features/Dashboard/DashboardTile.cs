using System.Globalization;
using System.Security.Claims;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;

namespace HscpPortal.Web.Features.Dashboard;

/// <summary>
/// What every tile is given: the year asked for, the one before it for the trend, today and who is asking. Anything
/// else a tile needs (the escalation protocol, the report options) it takes in its constructor.
/// </summary>
public sealed class TileContext
{
    public required PortalDbContext Db { get; init; }
    public required ReportingYear Year { get; init; }
    public ReportingYear PreviousYear => Year.Previous;
    public required DateOnly Today { get; init; }
    public required ClaimsPrincipal User { get; init; }
    public required IAuthorizationService Authorization { get; init; }

    /// <summary>The group a chair's dashboard is about; null on the other dashboards.</summary>
    public int? GroupId { get; init; }

    /// <summary>The agency a partner's dashboard, or a user's "my work", is about.</summary>
    public int? OrganisationId { get; init; }

    /// <summary>The person record of the user, for "my work"; null when the login is not linked to one.</summary>
    public int? PersonId { get; init; }

    public async Task<bool> AllowedAsync(string policy) => (await Authorization.AuthorizeAsync(User, policy)).Succeeded;
}

/// <summary>
/// One card on a dashboard: a query that returns a small model, and the partial view that draws it. Tiles count in
/// the database (COUNT and GROUP BY) with a fixed number of queries, so a dashboard costs the same however many
/// records there are. A tile is resolved from DI for each request, in whichever line of work's folder it lives.
/// </summary>
public interface IDashboardTile
{
    /// <summary>
    /// Unique on the page: the card is <c>tile-{Id}</c> and is labelled by the partial's heading, which must have the
    /// id <c>tile-{Id}-heading</c>.
    /// </summary>
    string Id { get; }

    /// <summary>The partial view, beside the tile's class.</summary>
    string Partial { get; }

    /// <summary>The tile's model, or null when the user may not see it.</summary>
    Task<object?> LoadAsync(TileContext context, CancellationToken ct);
}

/// <summary>A tile whose partial sits beside its class as <c>_{ClassName}.cshtml</c>, in whatever folder that is.</summary>
public abstract class DashboardTile<TModel> : IDashboardTile
    where TModel : class
{
    public abstract string Id { get; }

    public string Partial => ViewBeside.Partial(GetType());

    public abstract Task<TModel?> LoadAsync(TileContext context, CancellationToken ct);

    async Task<object?> IDashboardTile.LoadAsync(TileContext context, CancellationToken ct) => await LoadAsync(context, ct);
}

/// <summary>
/// A figure against the same figure a year earlier: "up 3 from 8 in 2022-23". A rate over nothing (no meetings held,
/// no actions due) is not 0%, so <paramref name="PreviousKnown"/> false says there is nothing to compare with.
/// </summary>
public readonly record struct Trend(int Current, int Previous, ReportingYear PreviousYear, bool Percent = false, bool PreviousKnown = true)
{
    public int Change => Current - Previous;

    public string Text
    {
        get
        {
            if (!PreviousKnown)
            {
                return $"no figures for {PreviousYear} to compare";
            }

            var previous = Previous.ToString(CultureInfo.InvariantCulture) + (Percent ? "%" : "");
            var points = Percent ? (Math.Abs(Change) == 1 ? " point" : " points") : "";
            return Change == 0
                ? $"the same as {previous} in {PreviousYear}"
                : $"{(Change > 0 ? "up" : "down")} {Math.Abs(Change).ToString(CultureInfo.InvariantCulture)}{points} from {previous} in {PreviousYear}";
        }
    }
}

/// <summary>A tile the page has loaded, ready to draw.</summary>
public sealed record LoadedTile(string Id, string Partial, object Model);
