using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Features.Navigation;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// The menu comes from one list (Features/Navigation/Navigation.cs): no role sees more than seven top-level items,
/// every link the menu, its rows and its hub pages show opens for whoever is shown it, every page of the role matrix
/// is within two clicks of the menu for those allowed it, and the highlighted item agrees with the breadcrumbs.
/// </summary>
public partial class NavigationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    // The one page the matrix lets everyone open that the menu offers only to those it is for: it lists the groups
    // the user chairs (a chair's Home leads to it), and answers anyone else with an empty list, for a bookmark.
    private static readonly string[] OfferedToThoseItIsFor = ["/dashboard/chair"];

    public static TheoryData<string> Users() => new(Demo.Users);

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Menu_EachDemoUser_AtMostSevenTopLevelItems(string who)
    {
        var page = await (await factory.ClientAsync(who)).GetDocumentAsync("/");

        Assert.InRange(page.QuerySelectorAll("#navigation > li").Length, 1, Navigation.MaxTopLevel);
    }

    [Fact]
    public void Registry_EveryTopLevelItemAndPage_FitsTheMenu()
    {
        Assert.InRange(Navigation.Sections.Count, 1, Navigation.MaxTopLevel);
        Assert.All(Navigation.Sections, s => Assert.Contains(Navigation.Pages, p => p.Area == s.Area));
        Assert.Equal(Navigation.Pages.Count, Navigation.Pages.Select(p => p.Url).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(Navigation.Pages, p => Assert.Same(p, Navigation.PageFor(p.Url)));
    }

    [Theory]
    [MemberData(nameof(Users))]
    public async Task MenuRowsAndHubs_EachDemoUser_EveryLinkShownOpensForThem(string who)
    {
        var client = await factory.ClientAsync(who);
        var failures = new List<string>();

        foreach (var (from, url) in await ShownLinksAsync(client))
        {
            var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{from} -> {url}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(Users))]
    public async Task MatrixPages_EachDemoUserAllowed_WithinTwoClicksOfTheMenu(string who)
    {
        var client = await factory.ClientAsync(who);
        var reached = await WithinTwoClicksAsync(client);

        var missing = RoleAccessTests.Pages
            .Where(p => p.Allowed.Contains(who) && IsDestination(p.Url) && !OfferedToThoseItIsFor.Contains(p.Url))
            .Select(p => p.Url)
            .Where(url => !reached.Contains(url))
            .ToList();

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("team")]
    [InlineData("qe.chair")]
    [InlineData("police.partner")]
    public async Task HighlightedItem_EveryMatrixPageOpened_AgreesWithTheBreadcrumbs(string who)
    {
        var client = await factory.ClientAsync(who);
        var disagreements = new List<string>();

        foreach (var (template, _) in RoleAccessTests.Pages.Where(p => p.Allowed.Contains(who)))
        {
            var url = factory.Fill(template);
            var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var page = await response.ReadDocumentAsync();
            var highlighted = page.QuerySelectorAll("#navigation a[aria-current]").Select(a => a.TextContent.Trim()).ToList();
            Assert.True(highlighted.Count <= 1, $"{url}: {highlighted.Count} items highlighted");
            // The trail's first link after Home says where the page sits: its top-level item must be the highlighted one.
            var first = page.QuerySelectorAll(".govuk-breadcrumbs a").Select(a => a.GetAttribute("href")!).Skip(1).FirstOrDefault();
            if (first is null)
            {
                continue;
            }

            var trail = Navigation.SectionFor(first)?.Label;
            if (trail != highlighted.SingleOrDefault())
            {
                disagreements.Add($"{url}: menu {highlighted.SingleOrDefault() ?? "none"}, breadcrumbs {trail ?? "none"} ({first})");
            }
        }

        Assert.Empty(disagreements);
    }

    [Fact]
    public async Task Menu_PageWithinAnItem_MarksTheItemTrueAndItsOwnPagePage()
    {
        var client = await factory.ClientAsync("team");

        var list = await client.GetDocumentAsync("/escalations");
        var record = await client.GetDocumentAsync(factory.Fill("/escalations/{escalation}"));

        Assert.Equal("page", list.QuerySelector("#sub-navigation a[href='/escalations']")!.GetAttribute("aria-current"));
        Assert.Equal("true", record.QuerySelector("#sub-navigation a[href='/escalations']")!.GetAttribute("aria-current"));
        Assert.Equal("true", record.QuerySelector("#navigation a[href='/actions']")!.GetAttribute("aria-current"));
        Assert.NotNull(record.QuerySelector("#navigation a[aria-current] strong.govuk-service-navigation__active-fallback"));
    }

    [Fact]
    public async Task Menu_NarrowScreens_HasGovukMenuButtonControllingTheList()
    {
        var page = await (await factory.ClientAsync("member")).GetDocumentAsync("/");

        var toggle = page.QuerySelector("[data-module='govuk-service-navigation'] button.govuk-js-service-navigation-toggle")!;
        Assert.Equal("navigation", toggle.GetAttribute("aria-controls"));
        Assert.Equal("Menu", toggle.TextContent.Trim());
        Assert.NotNull(page.GetElementById("navigation"));
    }

    [Fact]
    public async Task PartnershipHub_GroupsPage_IsInTheTrailBetweenHomeAndGroups()
    {
        var page = await (await factory.ClientAsync("member")).GetDocumentAsync("/groups");

        Assert.Equal(["/", Navigation.PartnershipHub], page.QuerySelectorAll(".govuk-breadcrumbs a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task AdminHub_Scrutineer_ListsOnlyTheAuditTrail()
    {
        var page = await (await factory.ClientAsync("scrutineer")).GetDocumentAsync(Navigation.AdminHub);

        Assert.Equal(["/audit"], page.QuerySelectorAll("main h2 a").Select(a => a.GetAttribute("href")));
    }

    // Pages a person navigates to, as opposed to forms (new, import), files, filtered views and the pages of one
    // record or one reporting year (reached from their list).
    private static bool IsDestination(string url) =>
        !url.Contains('{', StringComparison.Ordinal) && !url.Contains('?', StringComparison.Ordinal) && !url.Contains('.', StringComparison.Ordinal)
        && !url.EndsWith("/new", StringComparison.Ordinal) && !url.EndsWith("/import", StringComparison.Ordinal)
        && !ReportingYearInPath().IsMatch(url);

    [GeneratedRegex(@"/\d{4}-\d{2}(/|$)")]
    private static partial Regex ReportingYearInPath();

    // The links the menu shows: its top-level items, the row under each, and what each hub page lists.
    private static async Task<List<(string From, string Url)>> ShownLinksAsync(HttpClient client)
    {
        var home = await client.GetDocumentAsync("/");
        var links = new List<(string, string)>();
        foreach (var top in Hrefs(home, "#navigation a"))
        {
            links.Add(("menu", top));
            var page = await client.GetDocumentAsync(top);
            links.AddRange(Hrefs(page, "#sub-navigation a").Select(h => (top, h)));
            if (Navigation.Sections.Any(s => s.Hub == top))
            {
                links.AddRange(Hrefs(page, "main a").Select(h => (top, h)));
            }
        }

        return links.Distinct().ToList();
    }

    // Within two clicks of the menu: the menu's and the header's links, and every link on the pages they open.
    private static async Task<HashSet<string>> WithinTwoClicksAsync(HttpClient client)
    {
        var home = await client.GetDocumentAsync("/");
        var first = Hrefs(home, "#navigation a").Concat(Hrefs(home, "header a")).Distinct().ToList();
        var reached = new HashSet<string>(first, StringComparer.Ordinal);
        foreach (var url in first)
        {
            var page = await client.GetDocumentAsync(url);
            reached.UnionWith(Hrefs(page, "a").Select(h => h.Split('?')[0]));
        }

        return reached;
    }

    private static IEnumerable<string> Hrefs(IHtmlDocument page, string selector) =>
        page.QuerySelectorAll(selector).Select(a => a.GetAttribute("href") ?? "").Where(h => h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal)).Select(h => h.Split('#')[0]);
}
