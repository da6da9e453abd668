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
/// also checked at 375 px: the same page, once checked on the desktop, is narrowed to a phone's width (the layout and
/// the GOV.UK scripts follow the width as they do when a phone is turned), must not scroll sideways there and passes
/// axe too. Narrowing the loaded page rather than opening the address again in a phone-sized page saves a second
/// request, render and script start-up per shape.
/// Two workers share each user's crawl, each with its own page in the user's session.
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
        var first = await server.SignInAsync(who);
        var crawl = new Crawl(who);
        crawl.Enqueue("/");

        // Independent pages in parallel: each worker is a page in the same session. Account pages wait for a second
        // pass with one worker: opening two-factor set-up makes a key, which changes the security stamp and ends the
        // user's other sessions (the other workers').
        var workers = new List<IPage> { first };
        for (var i = 1; i < Workers; i++)
        {
            workers.Add(await server.SameUserAsync(first));
        }

        await Task.WhenAll(workers.Select(w => RunAsync(w, crawl, accountPages: false)));
        await RunAsync(workers[0], crawl, accountPages: true);

        Assert.True(crawl.Visited >= 8, $"Only {crawl.Visited} pages were reachable for {who}");
        Assert.True(crawl.Finished, $"{who}: stopped at {MaxPages} pages with more to visit");
        // Every problem in full: Assert.Empty would cut the list short.
        Assert.True(crawl.Problems.IsEmpty, $"{who}:\n{string.Join("\n", crawl.Problems)}");
    }

    // Two workers keep both cores busy: while one waits for a page or axe in the browser, the other's page renders on the server.
    private const int Workers = 2;

    /// <summary>The crawl's shared state: the queue of paths, the route shapes seen, and what went wrong.</summary>
    private sealed class Crawl(string who)
    {
        private readonly Queue<string> queue = new();
        private readonly Queue<string> accountQueue = new();
        private readonly HashSet<string> seenShapes = [];
        private readonly object gate = new();
        private int inFlight;

        public string Who { get; } = who;

        public ConcurrentQueue<string> Problems { get; } = new();

        public int Visited { get; private set; }

        /// <summary>True when every queued path was visited (or was a shape already visited) before the safety stop.</summary>
        public bool Finished
        {
            get
            {
                lock (gate)
                {
                    return queue.Concat(accountQueue).All(p => seenShapes.Contains(Shape(p)));
                }
            }
        }

        public void Enqueue(string path)
        {
            lock (gate)
            {
                (IsAccountPage(path) ? accountQueue : queue).Enqueue(path);
            }
        }

        /// <summary>
        /// The next path of a shape not yet visited, or null when this pass is over: nothing queued and no other
        /// worker still visiting a page (whose links may add more). Waits while others are still visiting.
        /// </summary>
        public async Task<string?> NextAsync(bool accountPages)
        {
            while (true)
            {
                lock (gate)
                {
                    while (Visited < MaxPages && (queue.Count > 0 || (accountPages && accountQueue.Count > 0)))
                    {
                        var path = queue.Count > 0 ? queue.Dequeue() : accountQueue.Dequeue();
                        if (seenShapes.Add(Shape(path)))
                        {
                            Visited++;
                            inFlight++;
                            return path;
                        }
                    }

                    if (inFlight == 0 || Visited >= MaxPages)
                    {
                        return null;
                    }
                }

                await Task.Delay(20);
            }
        }

        public void Done()
        {
            lock (gate)
            {
                inFlight--;
            }
        }

        private static bool IsAccountPage(string path) => path.StartsWith("/account", StringComparison.Ordinal);
    }

    private async Task RunAsync(IPage worker, Crawl crawl, bool accountPages)
    {
        while (await crawl.NextAsync(accountPages) is { } path)
        {
            try
            {
                foreach (var href in await VisitAsync(worker, crawl, path))
                {
                    if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && !href.StartsWith("/lib/", StringComparison.Ordinal)
                        && !IsDownload(href))
                    {
                        crawl.Enqueue(href.Split('#')[0]);
                    }
                }
            }
            finally
            {
                crawl.Done();
            }
        }
    }

    // One page: drawn and checked with axe at desktop and phone width by the first user to reach its shape, or
    // fetched over HTTP with this user's session when already checked. Returns the page's links.
    private async Task<IReadOnlyList<string>> VisitAsync(IPage page, Crawl crawl, string path)
    {
        var shape = Shape(path);
        if (!Checked.TryAdd(shape, crawl.Who))
        {
            // Checked with axe already: this user's session only needs to load it and read its links.
            var fetched = await page.Context.APIRequest.GetAsync(server.BaseUrl + path);
            if (fetched.Status >= 400)
            {
                crawl.Problems.Enqueue($"{path}: HTTP {fetched.Status}");
                return [];
            }

            return Links(await fetched.TextAsync());
        }

        await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
        var response = await page.GotoAsync(server.BaseUrl + path);
        if (response is null || response.Status >= 400)
        {
            // Links a user is shown must work for that user.
            crawl.Problems.Enqueue($"{path}: HTTP {response?.Status}");
            return [];
        }

        foreach (var violation in await Accessibility.ViolationsAsync(page))
        {
            crawl.Problems.Enqueue(violation);
        }

        // Links marked as downloads (exports, templates) are files, not pages, whatever their address.
        var links = await page.EvalOnSelectorAllAsync<string[]>("a[href]", "els => els.filter(e => !e.hasAttribute('download')).map(e => e.getAttribute('href'))");

        // The same page at a phone's width: it must not scroll sideways, and passes axe there too.
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        // A frame later the page's media-query listeners (the menu becoming a "Menu" button) have run.
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        foreach (var problem in await Accessibility.SidewaysScrollingAsync(page))
        {
            crawl.Problems.Enqueue(problem);
        }

        foreach (var violation in await Accessibility.ViolationsAsync(page))
        {
            crawl.Problems.Enqueue($"{violation} (at {Phone.Width} px)");
        }

        return links;
    }

    private static readonly (int Width, int Height) Desktop = (1280, 720);
    private static readonly (int Width, int Height) Phone = (PortalServer.PhoneWidth, 800);

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
