using System.Security.Claims;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Dashboard;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Caching.Memory;

namespace HscpPortal.Web.Features.Navigation;

/// <summary>A link in the menu or under it; <see cref="Current"/> is "page" on the page itself and "true" within its section.</summary>
public sealed record MenuLink(string Label, string Url, string? Current);

/// <summary>The menu as one user sees it on one page.</summary>
public sealed class Menu
{
    public static readonly Menu None = new() { TopLevel = [], SubNavigation = [] };

    public required IReadOnlyList<MenuLink> TopLevel { get; init; }

    /// <summary>The current top-level item's pages, when it has several and no hub page of its own; otherwise empty.</summary>
    public required IReadOnlyList<MenuLink> SubNavigation { get; init; }

    public NavSection? Section { get; init; }
}

/// <summary>
/// Works out the menu from <see cref="Navigation"/>: the pages whose policies the user passes, and where their own
/// dashboard is. That needs the database for some users (a chair's seats), so it is worked out once and kept for a
/// couple of minutes per user, not queried on every page; a seat given or ended shows in the menu within that time,
/// and the pages themselves always check afresh.
/// </summary>
public sealed class MenuService(IAuthorizationService authz, PortalDbContext db, IMemoryCache cache, TimeProvider clock)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(2);

    private sealed record Offer(IReadOnlySet<string> Pages, string Home);

    public async Task<Menu> ForAsync(ClaimsPrincipal user, string? path, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return Menu.None;
        }

        var offer = await OfferAsync(user, ct);
        var here = Navigation.PageFor(path);
        var currentSection = Navigation.SectionFor(path);
        var top = new List<MenuLink>();
        foreach (var section in Navigation.Sections)
        {
            var pages = Visible(offer, section.Area);
            if (pages.Count == 0)
            {
                continue;
            }

            var url = section.Hub ?? (section.Area == NavArea.Home ? offer.Home : pages[0].Url);
            var current = currentSection == section ? (Navigation.SamePath(url, path) ? "page" : "true") : null;
            top.Add(new MenuLink(section.Label, url, current));
        }

        var sub = currentSection is { Hub: null } ? Visible(offer, currentSection.Area) : [];
        return new Menu
        {
            TopLevel = top,
            SubNavigation = sub.Count < 2 ? [] : sub.Select(p => new MenuLink(p.Label, p.Url, p == here ? (Navigation.SamePath(p.Url, path) ? "page" : "true") : null)).ToList(),
            Section = currentSection,
        };
    }

    /// <summary>The pages of a top-level item the user may open, in menu order: a hub page's list.</summary>
    public async Task<IReadOnlyList<NavPage>> PagesAsync(ClaimsPrincipal user, NavArea area, CancellationToken ct) =>
        Visible(await OfferAsync(user, ct), area);

    private static List<NavPage> Visible(Offer offer, NavArea area) =>
        Navigation.Pages.Where(p => p.Area == area && offer.Pages.Contains(p.Url)).ToList();

    private async Task<Offer> OfferAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        // Roles are in the key, so a change of role (which also ends the user's sessions) is never served a stale menu.
        var roles = string.Join(',', user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal));
        var key = $"menu:{user.UserId()}:{roles}:{today:yyyy-MM-dd}";
        if (cache.TryGetValue(key, out Offer? kept) && kept is not null)
        {
            return kept;
        }

        // The "service unavailable" page is drawn in the layout too: without the database the menu leaves out what it
        // cannot work out, rather than fail the error page, and is not kept.
        var complete = true;
        var allowed = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var policy in Navigation.Pages.Select(p => p.Policy).Distinct(StringComparer.Ordinal))
        {
            try
            {
                allowed[policy] = (await authz.AuthorizeAsync(user, policy)).Succeeded;
            }
            catch (Exception e) when (DatabaseFailure.IsUnavailable(e))
            {
                allowed[policy] = false;
                complete = false;
            }
        }

        string home;
        try
        {
            home = await Landing.UrlAsync(db, authz, user, today, ct);
        }
        catch (Exception e) when (DatabaseFailure.IsUnavailable(e))
        {
            home = Landing.MyWork;
            complete = false;
        }

        var offer = new Offer(Navigation.Pages.Where(p => allowed[p.Policy]).Select(p => p.Url).ToHashSet(StringComparer.Ordinal), home);
        if (complete)
        {
            cache.Set(key, offer, KeepFor);
        }

        return offer;
    }
}
