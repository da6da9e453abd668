using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// The portal with its SQLite file in a folder of its own, so a test can take the database away. The outage is
/// made at the file system, not faked inside EF: the folder holding the database is renamed (as when the volume
/// or share holding it goes away), so the real SQLite provider fails to open the file (SQLITE_CANTOPEN) on every
/// path, including the health check's and Identity's. Running as root, chmod would not stop it.
/// </summary>
public sealed class OutageFactory : PortalFactory
{
    public string DatabaseFolder => Path.Combine(DataDirectory, "db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:SqlitePath", Path.Combine("db", "hscp-portal.db"));
    }

    /// <summary>Takes the database away until the result is disposed.</summary>
    public IDisposable Outage()
    {
        _ = Services; // the host (and its database) exists before it is taken away
        // Pooled connections keep the file open and would go on working on the moved file: close them, as a
        // real outage would break them.
        SqliteConnection.ClearAllPools();
        var away = DatabaseFolder + ".away";
        Directory.Move(DatabaseFolder, away);
        return new Restore(() => Directory.Move(away, DatabaseFolder));
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}

/// <summary>
/// Fault suite: the database becomes unavailable and comes back. While it is away, /health answers 503 and every
/// page that needs it shows the GOV.UK "Sorry, the service is unavailable" page (503, Retry-After, no detail of
/// the error), logged; a form posted meanwhile writes nothing. Once it is back the next request works, without a
/// restart, and signed-in users are still signed in.
/// </summary>
public partial class DatabaseOutageTests(OutageFactory factory) : IClassFixture<OutageFactory>
{
    private const string Unavailable = "Sorry, the service is unavailable";

    private static async Task AssertUnavailablePageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        var html = await response.Content.ReadAsStringAsync();
        var page = await response.ReadDocumentAsync();
        Assert.Equal(Unavailable, page.QuerySelector("h1").Text());
        Assert.Contains("govuk-template", page.DocumentElement.ClassName, StringComparison.Ordinal);
        // Nothing of the exception reaches the reader.
        Assert.DoesNotMatch(ErrorDetail(), html);
    }

    private static FormUrlEncodedContent Body(IHtmlDocument page, Dictionary<string, string> fields) =>
        new(fields.Append(new("__RequestVerificationToken", page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!)));

    private string LogText()
    {
        var folder = Path.Combine(factory.DataDirectory, "logs");
        Assert.True(Directory.Exists(folder), string.Join(", ", Directory.GetFileSystemEntries(factory.DataDirectory, "*", SearchOption.AllDirectories)));
        return string.Concat(Directory.GetFiles(folder, "portal-*.log").Select(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }));
    }

    [Theory]
    [InlineData("team", "/meetings")]
    [InlineData("team", "/actions")]
    [InlineData("member", "/")]
    [InlineData("qe.chair", "/my-work")]
    public async Task SignedInPage_DatabaseAway_FriendlyUnavailablePageAndHealth503(string who, string url)
    {
        var client = await factory.SignInAsync(who);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);

        using (factory.Outage())
        {
            var page = await client.GetAsync(url);
            var health = await factory.Anonymous().GetAsync("/health");

            await AssertUnavailablePageAsync(page);
            // The layout's menu needs the database for some users: it degrades, it does not fail the error page.
            Assert.NotNull((await page.ReadDocumentAsync()).QuerySelector("a[href='/meetings'].govuk-service-navigation__link"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync());
        }

        var log = LogText();
        Assert.True(log.Contains($"The database is unavailable: {url} answered 503", StringComparison.Ordinal), log[Math.Max(0, log.Length - 3000)..]);
    }

    [Fact]
    public async Task LoginPage_DatabaseAway_StillRendersAndSigningInGetsTheUnavailablePage()
    {
        var client = factory.Anonymous();

        using (factory.Outage())
        {
            var login = await client.GetAsync("/account/login");
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            Assert.NotNull((await login.ReadDocumentAsync()).QuerySelector("input[name='Password']"));

            var signIn = await client.PostAsync("/account/login", Body(await login.ReadDocumentAsync(), new()
            {
                ["Email"] = Demo.Email("member"), ["Password"] = PortalFactory.Password,
            }));

            await AssertUnavailablePageAsync(signIn);
        }

        // Back: the same browser signs in.
        var again = await client.PostFormAsync("/account/login", new() { ["Email"] = Demo.Email("member"), ["Password"] = PortalFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task EditPosted_DatabaseAway_UnavailablePageAndNothingWritten()
    {
        var client = await factory.SignInAsync("team");
        var id = factory.OrganisationId("Herefordshire Pupil Referral Service");
        var form = await client.GetDocumentAsync($"/organisations/{id}/edit");
        var fields = form.FormFields("Version").With(("ShortName", "Written during the outage"));
        var before = factory.Organisation(id);
        var audit = factory.Query(db => db.AuditEntries.Count(e => e.EntityType == nameof(Organisation) && e.EntityId == id));

        HttpResponseMessage posted;
        using (factory.Outage())
        {
            posted = await client.PostAsync($"/organisations/{id}/edit", Body(form, fields));
        }

        await AssertUnavailablePageAsync(posted);
        var after = factory.Organisation(id);
        Assert.Equal((before.ShortName, before.Version), (after.ShortName, after.Version));
        Assert.Equal(audit, factory.Query(db => db.AuditEntries.Count(e => e.EntityType == nameof(Organisation) && e.EntityId == id)));

        // The form the user still has saves once the database is back: the outage cost them a retry, not their edit.
        var retry = await client.PostAsync($"/organisations/{id}/edit", Body(form, fields));
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal("Written during the outage", factory.Organisation(id).ShortName);
    }

    [Fact]
    public async Task DatabaseBack_NextRequestsWorkWithoutRestartAndTheSessionIsKept()
    {
        var member = await factory.SignInAsync("member");
        var team = await factory.SignInAsync("team");

        using (factory.Outage())
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await member.GetAsync("/")).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await team.GetAsync("/meetings")).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await factory.Anonymous().GetAsync("/health")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().GetAsync("/health")).StatusCode);
        var home = await member.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Welcome", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await team.GetAsync("/meetings")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await team.GetAsync("/actions")).StatusCode);
        // Still signed in as themselves: the account page names the user, no sign-in was needed.
        var account = await member.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Contains(Demo.Email("member"), await account.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("Exception|SQLite|SqliteException|stack|   at |unable to open", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorDetail();
}
