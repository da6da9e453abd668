using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace HscpPortal.EndToEndTests;

/// <summary>
/// Signs in as each demo user, follows every link they can reach (one page per route shape, so
/// /people/12 stands for every person), and checks each page loads for them; each route shape is drawn in the
/// browser and checked with axe (WCAG 2.2 AA) once, by the first user to reach it. Later users fetch a shape already
/// checked over HTTP with their own session, which is enough to see that it loads and to find its links: a role
/// changes which buttons a page shows, not its template, and the integration tests' role matrix checks who may
/// open what in full. This keeps the crawl to one axe run per page shape rather than one per user. Each shape is
/// also drawn on a 375 px phone, beside the desktop page: it must not scroll sideways there and passes axe too.
/// </summary>
[Collection(PortalCollection.Name)]
public partial class EveryPageTests(PortalServer server)
{
    // Route shapes drawn and checked with axe in this test run, and by whom: each is checked once.
    private static readonly ConcurrentDictionary<string, string> Checked = new(StringComparer.Ordinal);

    // A safety stop, not a sample: reaching it fails the test, so a crawl never silently skips pages.
    private const int MaxPages = 250;

    [Theory]
    // The team reaches the most pages, so it goes first and checks most shapes with axe.
    [InlineData("team")]
    [InlineData("admin")]
    [InlineData("scrutineer")]
    // One safeguarding partner stands for the three: their pages differ only in data, and which pages each
    // may open is checked in full by the integration tests' role matrix. council.partner also chairs the board.
    [InlineData("council.partner")]
    [InlineData("qe.chair")]
    [InlineData("member")]
    public async Task EveryReachablePage_DemoUser_LoadsAndPassesAxe(string who)
    {
        var page = await server.SignInAsync(who);
        var phone = await server.PhoneLikeAsync(page);
        var queue = new Queue<string>(["/"]);
        var seenShapes = new HashSet<string>();
        var problems = new List<string>();
        var visited = 0;
        while (queue.Count > 0 && visited < MaxPages)
        {
            var path = queue.Dequeue();
            var shape = Shape(path);
            if (!seenShapes.Add(shape))
            {
                continue;
            }

            visited++;
            IReadOnlyList<string> links;
            if (Checked.TryAdd(shape, who))
            {
                // The desktop and the 375 px phone page side by side: each is drawn and checked with axe, and the
                // phone page must not scroll sideways. Account pages one after the other: opening two-factor set-up
                // makes a key, which changes the security stamp and ends the user's other sessions (the phone's).
                var sideBySide = !path.StartsWith("/account", StringComparison.Ordinal);
                var onPhone = sideBySide ? PhoneChecksAsync(phone, server.BaseUrl + path) : null;
                var response = await page.GotoAsync(server.BaseUrl + path);
                var phoneResult = await (onPhone ?? PhoneChecksAsync(phone, server.BaseUrl + path));
                if (phoneResult.SignedOut)
                {
                    phone = await server.PhoneLikeAsync(page);
                    phoneResult = await PhoneChecksAsync(phone, server.BaseUrl + path);
                }

                problems.AddRange(phoneResult.Problems);
                if (response is null || response.Status >= 400)
                {
                    // Links a user is shown must work for that user.
                    problems.Add($"{path}: HTTP {response?.Status}");
                    continue;
                }

                problems.AddRange(await Accessibility.ViolationsAsync(page));
                // Links marked as downloads (exports, templates) are files, not pages, whatever their address.
                links = await page.EvalOnSelectorAllAsync<string[]>("a[href]", "els => els.filter(e => !e.hasAttribute('download')).map(e => e.getAttribute('href'))");
            }
            else
            {
                // Checked with axe already: this user's session only needs to load it and read its links.
                var response = await page.Context.APIRequest.GetAsync(server.BaseUrl + path);
                if (response.Status >= 400)
                {
                    problems.Add($"{path}: HTTP {response.Status}");
                    continue;
                }

                links = Links(await response.TextAsync());
            }

            foreach (var href in links)
            {
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && !href.StartsWith("/lib/", StringComparison.Ordinal)
                    && !IsDownload(href))
                {
                    queue.Enqueue(href.Split('#')[0]);
                }
            }
        }

        Assert.True(visited >= 8, $"Only {visited} pages were reachable for {who}");
        Assert.True(queue.All(p => seenShapes.Contains(Shape(p))), $"{who}: stopped at {MaxPages} pages with more to visit");
        // Every problem in full: Assert.Empty would cut the list short.
        Assert.True(problems.Count == 0, $"{who}:\n{string.Join("\n", problems)}");
    }

    private static async Task<(IReadOnlyList<string> Problems, bool SignedOut)> PhoneChecksAsync(IPage phone, string url)
    {
        var response = await phone.GotoAsync(url);
        if (response is null || response.Status >= 400)
        {
            // Reported by the desktop page's visit.
            return ([], false);
        }

        if (phone.Url.Contains("/account/login", StringComparison.Ordinal) && !url.Contains("/account/login", StringComparison.Ordinal))
        {
            return ([], true);
        }

        return ([.. await Accessibility.SidewaysScrollingAsync(phone), .. await Accessibility.ViolationsAsync(phone)], false);
    }

    [Fact]
    public async Task SignOut_FromAnyPage_ReturnsToLogin()
    {
        var page = await server.SignInAsync("member");

        await page.ClickAsync("text=Sign out");

        await page.WaitForURLAsync(new Regex("/account/login"));
        Assert.Equal(0, await page.Locator("text=Sign out").CountAsync());
    }

    // Files (exports, calendar files) download instead of opening a page, which Playwright's GotoAsync reports as a failure.
    private static bool IsDownload(string href) =>
        new[] { ".csv", ".json", ".xlsx", ".ics", ".pdf" }.Any(ext => href.Split('?', '#')[0].EndsWith(ext, StringComparison.OrdinalIgnoreCase));

    // The links of a page fetched without the browser, as the browser would list them: download links left out.
    private static List<string> Links(string html) =>
        AnchorPattern().Matches(html)
            .Where(m => !DownloadAttribute().IsMatch(m.Value))
            .Select(m => WebUtility.HtmlDecode(m.Groups["href"].Value))
            .ToList();

    [GeneratedRegex("<a\\s[^>]*?href=\"(?<href>[^\"]*)\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex AnchorPattern();

    [GeneratedRegex("\\sdownload(?:[\\s=>])", RegexOptions.IgnoreCase)]
    private static partial Regex DownloadAttribute();

    // Route shape: numbers become {id} and the query string is dropped. A filtered, sorted or paged list is the
    // same view as the plain one, so checking every filter combination would only multiply the crawl; the
    // lists' filters have their own integration and journey tests.
    private static string Shape(string path) => NumberPattern().Replace(path.Split('?', 2)[0], "{id}");

    [GeneratedRegex(@"\d+")]
    private static partial Regex NumberPattern();
}
