using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using HscpPortal.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HscpPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The real portal over a real SQLite file in a fresh folder, seeded with the demo partnership. One per
/// test class (xunit class fixture); tests that change data use records of their own.
/// </summary>
/// <remarks>
/// Migrating and seeding the demo costs every fixture several seconds of CPU, and the suite has dozens of fixtures:
/// a plain <see cref="PortalFactory"/> starts instead from a copy of one database seeded, the same way, once per test
/// run (<see cref="SeededTemplate"/>). The portal finds it migrated and seeded and starts as it would on a restart.
/// </remarks>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string Password = "Partnership-Demo-2026";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "hscp-tests", Guid.NewGuid().ToString("N"));

    public string MailDirectory => Path.Combine(DataDirectory, "mail");

    /// <summary>Seed the default demo in full, with the generated years up to today (Demo:FillToToday).</summary>
    protected virtual bool FillToToday => false;

    /// <summary>
    /// Whether this fixture starts from the run's seeded copy: only a plain PortalFactory, whose settings are the
    /// template's; a subclass that changes the clock or the seeding seeds its own.
    /// </summary>
    protected virtual bool StartsFromSeededTemplate => GetType() == typeof(PortalFactory);

    /// <summary>The database file of a plain fixture after start-up (migrated and seeded), made once per test run.</summary>
    private static readonly Lazy<string> SeededTemplate = new(() =>
    {
        var seeding = new TemplateSeedingFactory();
        seeding.Query(db => db.Database.ExecuteSqlRaw("PRAGMA wal_checkpoint(TRUNCATE);"));
        var template = Path.Combine(Path.GetTempPath(), "hscp-tests", $"template-{Guid.NewGuid():N}.db");
        seeding.Dispose();
        File.Copy(Path.Combine(seeding.DataDirectory, DatabaseFile), template);
        Directory.Delete(seeding.DataDirectory, recursive: true);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(template);
        return template;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private const string DatabaseFile = "hscp-portal.db";

    private bool deletesDataDirectory = true;

    private sealed class TemplateSeedingFactory : PortalFactory
    {
        public TemplateSeedingFactory() => deletesDataDirectory = false;

        protected override bool StartsFromSeededTemplate => false;
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // Also called for the factories WithWebHostBuilder derives, which share this folder: copy only into an empty one.
        var database = Path.Combine(DataDirectory, DatabaseFile);
        if (StartsFromSeededTemplate && !File.Exists(database))
        {
            Directory.CreateDirectory(DataDirectory);
            File.Copy(SeededTemplate.Value, database);
        }

        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Portal:DataDirectory", DataDirectory);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Tests send reminders by calling ReminderService with an explicit date, never from the background loop.
        builder.UseSetting("Reminders:Enabled", "false");
        // Publishing the demo report prints it with Chromium: only the fixtures that read it turn this on.
        builder.UseSetting("Demo:PublishReports", "false");
        // Generating the years after the hand-written story to today adds about 20 s to each fixture on two cores:
        // DemoAliveFactory turns it on for the tests of the default demo's live years.
        builder.UseSetting("Demo:FillToToday", FillToToday ? "true" : "false");
        // The suite signs in hundreds of times from one address; SignInThrottleTests checks the real limits.
        builder.UseSetting("Accounts:SignInLimits:PerAccount", "100000");
        builder.UseSetting("Accounts:SignInLimits:PerAddress", "100000");
        builder.UseSetting("Accounts:PasswordResetLimits:PerAccount", "100000");
        builder.UseSetting("Accounts:PasswordResetLimits:PerAddress", "100000");
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<HttpClient> SignInAsync(string who)
    {
        var client = Anonymous();
        var email = who.Contains('@', StringComparison.Ordinal) ? who : $"{who}@demo.hscp.example";
        var response = await client.PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = Password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {response.StatusCode}");
        }

        return client;
    }

    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> signedIn = new(StringComparer.Ordinal);

    /// <summary>
    /// One signed-in client per user for the life of the fixture, for tests that only read or that do not
    /// change the session (signing in hashes a password, which is slow enough to matter in a large theory).
    /// </summary>
    public Task<HttpClient> ClientAsync(string who) =>
        signedIn.GetOrAdd(who, w => new Lazy<Task<HttpClient>>(() => SignInAsync(w))).Value;

    private readonly ConcurrentDictionary<string, Lazy<object>> memo = new(StringComparer.Ordinal);

    /// <summary>Computes a value once per fixture, such as ids looked up from the demo data.</summary>
    public T Memo<T>(string key, Func<PortalFactory, T> make)
        where T : notnull =>
        (T)memo.GetOrAdd(key, _ => new Lazy<object>(() => make(this))).Value;

    public T Query<T>(Func<PortalDbContext, T> read)
    {
        using var scope = Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>
    /// Moves the records' version on as any committed change does, so that cached dashboard tiles load afresh: for
    /// tests that count what a page costs when the records have changed.
    /// </summary>
    public void BumpDataVersion() =>
        Query(db => db.DataVersions.ExecuteUpdate(set => set.SetProperty(v => v.Version, v => v.Version + 1)));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!deletesDataDirectory)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return;
        }

        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public static partial class HttpClientExtensions
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return await response.ReadDocumentAsync();
    }

    public static async Task<IHtmlDocument> ReadDocumentAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Fetches the form page first for a real anti-forgery token, then posts the fields.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null) =>
        client.PostFormAsync(url, (IEnumerable<KeyValuePair<string, string>>)fields, formPage);

    /// <summary>As above, for forms that repeat a field name (checkboxes).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        var page = await client.GetAsync(formPage ?? url);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        var body = new List<KeyValuePair<string, string>>(fields);
        if (token.Success)
        {
            body.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        }

        return await client.PostAsync(url, new FormUrlEncodedContent(body));
    }

    public static IReadOnlyList<string> ErrorSummary(this IHtmlDocument document) =>
        document.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

    /// <summary>
    /// Asserts the error summary lists exactly these messages. Order is not compared: the summary follows
    /// ModelState's key order (alphabetical by field), not the order of the fields on the page.
    /// </summary>
    public static async Task AssertErrorsAsync(this HttpResponseMessage response, params string[] expected)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var actual = (await response.ReadDocumentAsync()).ErrorSummary();
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    /// <summary>The path of a redirect, whether the Location header is absolute or relative.</summary>
    public static string RedirectPath(this HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"{response.StatusCode} has no Location header");
        return location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?', '#')[0];
    }

    /// <summary>
    /// A refusal to a signed-in user: 403 itself, or the cookie handler's redirect to the access-denied page
    /// (AccessDeniedPath is /error/403), which is what [Authorize] and Forbid() produce.
    /// </summary>
    public static bool IsDenied(this HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.RedirectPath() == "/error/403");

    public static bool IsLoginRedirect(this HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.RedirectPath() == "/account/login";

    /// <summary>The value of a hidden or text input in the first form that has one by that name.</summary>
    public static string InputValue(this IHtmlDocument document, string name) =>
        document.QuerySelector($"input[name='{name}']")?.GetAttribute("value")
        ?? throw new InvalidOperationException($"No input named {name} on the page");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
