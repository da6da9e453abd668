// The security suite (issue 7, section 4). It finds endpoints and forms by itself (EndpointDataSource, and a crawl of
// every page the role matrix lets admin open), so a new endpoint or form is covered without editing it. This file:
//   - every POST endpoint without an anti-forgery token: 400 as admin; 400 or a denial as member; 400 anonymously
//     on the public ones; nothing written (audit trail and insert-only tables counted before and after);
//   - stored markup in representative text fields (organisation, person, meeting, agenda item, decision, action and
//     its update, escalation, report narrative through SafeMarkdown) is encoded on every page admin can open, with
//     no inline script, event handler or javascript: URL anywhere; the CSV export guards formulas;
//   - uploads of the wrong type (HTML, SVG, an .exe or HTML renamed .pdf) or oversize (papers, actions import):
//     refused with a message or a 400, nothing stored on disk or in the database;
//   - returnUrl open redirects (login posted and, signed in, its GET; action updates): 15 off-site forms, including
//     //host, /\host, https:host, encoded slashes and backslashes, tabs and newlines, user@host;
//   - security headers over HTTPS (CSP without unsafe-inline, frame-ancestors 'none', nosniff, Referrer-Policy,
//     HSTS, as the test host is not Development) on HTML pages, error pages, a static file, a PDF, a CSV, /health.
// MalformedInputTests.cs (a fixture of its own, as accepted input changes records): every post form gets missing
// fields, 100,000-character text, letters in typed fields, impossible dates, huge and negative numbers and ids,
// markup and script, Unicode edge cases (RTL override, zero-width, emoji, invalid UTF-8, noncharacters), a NUL, and
// text just over each column length. Never a 5xx; 400, the form with a GOV.UK error summary, or a refusal; nothing
// written unless accepted (only markup, Unicode and in-limit text may be); accepted text fits its column and shows
// encoded. Its list FormsNotOnACrawledPage names the few endpoints whose form shows only in other states.
// Older parts of the suite live elsewhere:
//   - RoleAccessTests: the role x page matrix in full, every signed-in GET page in it, the anonymous allow-list,
//     and every protected endpoint refusing anonymous users (endpoint enumeration in Infrastructure/DemoRoutes.cs);
//   - AccountTests: lockout after five failed sign-ins, even for the right password; HealthAndAccessTests: cookies,
//     error pages; MeetingTests, ActionTrackerTests, BankHolidayAdminTests: upload types and the feed's size limits;
//     OrganisationFormTests, PersonFormTests, UserFormTests: field-level validation and encoding on their own pages.

using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HscpPortal.IntegrationTests;

/// <summary>The security suite: anti-forgery, stored script, uploads, returnUrl and headers (see the list above).</summary>
public class SecuritySuiteTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    // ---------------------------------------------------------------- anti-forgery

    private static Task<HttpResponseMessage> PostWithoutTokenAsync(HttpClient client, string url) =>
        client.PostAsync(url, new FormUrlEncodedContent(
        [
            new("Name", "No token"), new("Title", "No token"), new("Note", "No token"), new("Version", Guid.Empty.ToString()),
        ]));

    [Theory]
    [InlineData("admin")]
    [InlineData("member")]
    [InlineData(null)]
    public async Task EveryPostEndpoint_WithoutAntiforgeryToken_IsRefusedAndWritesNothing(string? who)
    {
        var client = who is null ? factory.Anonymous() : await factory.ClientAsync(who);
        _ = factory.RouteValues();
        var before = factory.Writes();
        var failures = new List<string>();
        var tried = 0;

        foreach (var endpoint in factory.PostEndpoints())
        {
            // Anonymous users are sent to sign in before the token is checked (RoleAccessTests), except on the allow-list.
            if (who is null && !DemoRoutes.AnonymousAllowList.Contains(endpoint.Pattern))
            {
                continue;
            }

            tried++;
            var url = factory.FillPattern(endpoint.Pattern);
            var response = await PostWithoutTokenAsync(client, url);
            if (who == "admin" && response.IsDenied())
            {
                // The scrutineer's own record is the one place the administrator is not admitted: ask as the scrutineer.
                response = await PostWithoutTokenAsync(await factory.ClientAsync("scrutineer"), url);
            }

            // A user the endpoint's policy refuses may be refused before the token is looked at: refused either way.
            if (response.StatusCode != HttpStatusCode.BadRequest && !(who != "admin" && response.IsDenied()))
            {
                failures.Add($"POST {url}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(tried >= (who is null ? 4 : 80), $"Only {tried} endpoints tried");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, factory.Writes());
    }

    // ---------------------------------------------------------------- stored text encoded on output

    [Fact]
    public async Task StoredMarkup_InRepresentativeTextFields_IsEncodedOnEveryPage()
    {
        var admin = await factory.ClientAsync("admin");
        var values = factory.RouteValues();
        string Payload(string marker) => $"=cmd|'/C calc'!A0 {marker} <script>alert('{marker}')</script>\"><img src=x onerror=alert('{marker}')>";
        var markers = new List<string>();

        async Task SaveAsync(string page, string action, string field, string marker, Dictionary<string, string>? more = null)
        {
            var form = (await admin.GetDocumentAsync(page)).PostForms(page).First(f => f.ActionPath == action);
            var fields = form.Defaults().Where(p => p.Key != field && (more is null || !more.ContainsKey(p.Key))).ToList();
            fields.Add(new(field, Payload(marker)));
            fields.AddRange(more ?? []);
            var response = await admin.SubmitAsync(form, fields);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect,
                $"{action} {field}: {(int)response.StatusCode} {string.Join("; ", (await response.ReadDocumentAsync()).ErrorSummary())}");
            markers.Add(marker);
        }

        var organisation = factory.OrganisationId(Demo.WyeValley).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await SaveAsync("/organisations/new", "/organisations/new", "Name", "xss-organisation", new() { ["Sector"] = "Other" });
        await SaveAsync("/people/new", "/people/new", "FullName", "xss-person", new() { ["OrganisationId"] = organisation });
        await SaveAsync($"/meetings/{values["meeting"]}/edit", $"/meetings/{values["meeting"]}/edit", "Title", "xss-meeting");
        await SaveAsync($"/meetings/{values["meeting"]}/agenda/{values["agendaItem"]}", $"/meetings/{values["meeting"]}/agenda/{values["agendaItem"]}", "Title", "xss-agenda");
        await SaveAsync($"/decisions/{values["decision"]}/edit", $"/decisions/{values["decision"]}/edit", "Title", "xss-decision");
        await SaveAsync($"/actions/{values["action"]}/edit", $"/actions/{values["action"]}/edit", "Title", "xss-action");
        await SaveAsync($"/actions/{values["action"]}/update", $"/actions/{values["action"]}/updates", "Note", "xss-update");
        await SaveAsync($"/escalations/{values["escalation"]}/edit", $"/escalations/{values["escalation"]}/edit", "Summary", "xss-escalation");
        await SaveAsync("/reports/yearly/2024-25/sections/local-context", "/reports/yearly/2024-25/sections/local-context", "Form.Text", "xss-narrative");

        var seen = await factory.AssertNoPageRunsScriptAsync(["/reports/yearly/2024-25/draft", "/reports/yearly/2024-25/sections/local-context/history"]);

        Assert.All(markers, marker => Assert.True(seen.Contains(marker), $"{marker} was shown on no page crawled"));
        var csv = await admin.GetStringAsync("/actions/export?format=csv");
        var line = csv.Split('\n').Single(l => l.Contains("xss-action", StringComparison.Ordinal));
        Assert.DoesNotContain(",=cmd", line, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=cmd", line, StringComparison.Ordinal);
        Assert.Contains("'=cmd", line, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- uploads

    [Theory]
    [InlineData("agenda.html", "<html><body><script>alert(1)</script></body></html>", "must be a PDF or an Office document")]
    [InlineData("setup.pdf", "MZ\u0090\u0000\u0003\u0000\u0000\u0000", "is not a real PDF file")]
    [InlineData("page.pdf", "<!DOCTYPE html><html><script>alert(1)</script>", "is not a real PDF file")]
    [InlineData("paper.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "must be a PDF or an Office document")]
    [InlineData("oversize.pdf", null, "must be smaller than")]
    public async Task UploadPaper_WrongTypeOrOversize_RefusedWithMessageAndNothingStored(string fileName, string? content, string message)
    {
        var client = await factory.ClientAsync("team");
        var fixture = factory.AddMeetingWithPaper(factory.GroupId(Demo.Board), new DateOnly(2025, 4, 3));
        var limit = factory.Services.GetRequiredService<IOptions<StorageOptions>>().Value.MaxUploadBytes;
        var bytes = content is null ? [.. "%PDF-1.7\n"u8, .. new byte[limit]] : Encoding.Latin1.GetBytes(content);
        var files = StoredFiles();
        var before = factory.Writes();

        var response = await UploadAsync(client, $"/meetings/{fixture.MeetingId}/agenda/{fixture.AgendaItemId}", "/papers", "Paper.File", fileName, bytes, ("Paper.Title", "Board paper"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await response.ReadDocumentAsync()).ErrorSummary(), e => e.Contains(message, StringComparison.Ordinal));
        Assert.Equal(before, factory.Writes());
        Assert.Equal(files, StoredFiles());
    }

    [Fact]
    public async Task ImportActions_FileOverFiveMegabytes_RefusedWithMessageAndNothingStored()
    {
        var client = await factory.ClientAsync("team");
        var before = factory.Writes();
        var bytes = Encoding.UTF8.GetBytes("Title,Group,Owner,Due date\r\n" + new string(' ', 5 * 1024 * 1024));

        var response = await UploadAsync(client, "/actions/import", "", "File", "plan.csv", bytes);

        await response.AssertErrorsAsync("The selected file must be smaller than 5 MB");
        Assert.Equal(before, factory.Writes());
    }

    [Fact]
    public async Task ImportActions_RequestOverTheLimit_IsABadRequestNotAnError()
    {
        var client = await factory.ClientAsync("team");
        var before = factory.Writes();

        var response = await UploadAsync(client, "/actions/import", "", "File", "plan.csv", new byte[7 * 1024 * 1024]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, factory.Writes());
    }

    private static async Task<HttpResponseMessage> UploadAsync(
        HttpClient client, string page, string suffix, string field, string fileName, byte[] bytes, params (string Name, string Value)[] fields)
    {
        var form = (await client.GetDocumentAsync(page)).PostForms(page).First(f => f.Multipart);
        using var body = new MultipartFormDataContent { { new StringContent(form.Token!), Forms.TokenField } };
        foreach (var (name, value) in fields)
        {
            body.Add(new StringContent(value), name);
        }

        body.Add(new ByteArrayContent(bytes), field, fileName);
        return await client.PostAsync(page + suffix, body);
    }

    private int StoredFiles()
    {
        var directory = factory.Services.GetRequiredService<DataPaths>().Resolve(factory.Services.GetRequiredService<IOptions<StorageOptions>>().Value.FilesDirectory);
        return Directory.Exists(directory) ? Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Length : 0;
    }

    // ---------------------------------------------------------------- returnUrl

    public static TheoryData<string> OffSiteUrls() => new(
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "https:evil.example",
        "https:/evil.example",
        "https://evil.example",
        "javascript:alert(1)",
        "%2F%2Fevil.example",
        "/%2F/evil.example",
        "/%5Cevil.example",
        "/\t/evil.example",
        "/\r\n/evil.example",
        " //evil.example",
        "https://localhost@evil.example/",
        "//evil.example/%2E%2E");

    [Theory]
    [MemberData(nameof(OffSiteUrls))]
    public async Task Login_OffSiteReturnUrl_StaysOnThePortal(string returnUrl)
    {
        var client = factory.Anonymous();

        var response = await client.PostFormAsync("/account/login",
            new() { ["Email"] = Demo.Email("member"), ["Password"] = PortalFactory.Password, ["ReturnUrl"] = returnUrl });
        // Signed in, the login page itself redirects to the returnUrl of its query string.
        var again = await client.GetAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");

        AssertStaysOnPortal(response, returnUrl);
        AssertStaysOnPortal(again, returnUrl);
    }

    [Theory]
    [MemberData(nameof(OffSiteUrls))]
    public async Task ActionUpdate_OffSiteReturnUrl_StaysOnThePortal(string returnUrl)
    {
        var client = await factory.ClientAsync("team");
        var action = factory.RouteValues()["action"];
        var page = await client.GetDocumentAsync($"/actions/{action}/update?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var form = page.PostForms($"/actions/{action}/update").First(f => f.ActionPath == $"/actions/{action}/updates");
        var fields = form.Defaults().Where(p => p.Key is not ("Note" or "ReturnUrl")).ToList();
        fields.Add(new("Note", "Checked the return link"));
        fields.Add(new("ReturnUrl", returnUrl));

        var response = await client.SubmitAsync(form, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        AssertStaysOnPortal(response, returnUrl);
    }

    private static void AssertStaysOnPortal(HttpResponseMessage response, string returnUrl)
    {
        if (response.Headers.Location is not { } location)
        {
            return;
        }

        var raw = location.OriginalString;
        var resolved = new Uri(new Uri("https://portal.example/"), raw);
        // Browsers drop tabs and newlines in URLs and read a backslash as a slash, so "/\t/x" and "/\x" are "//x".
        var browserReads = Regex.Replace(raw, "[\t\r\n]", "").Replace('\\', '/');
        Assert.True(resolved.Host == "portal.example" && !browserReads.StartsWith("//", StringComparison.Ordinal) && resolved.Scheme == "https",
            $"returnUrl {returnUrl} sent the user to {raw}");
    }

    // ---------------------------------------------------------------- headers

    [Theory]
    [InlineData("/account/login", null)]
    [InlineData("/", "member")]
    [InlineData("/no-such-page", "member")]
    [InlineData("/error/500", null)]
    [InlineData("/js/site.js", null)]
    [InlineData("/papers/{paper}", "member")]
    [InlineData("/actions/export?format=csv", "member")]
    [InlineData("/health", null)]
    public async Task Response_OverHttps_CarriesEverySecurityHeader(string url, string? who)
    {
        // HSTS is left out for localhost by design, so the client asks for the portal by a real-looking name.
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.example"), AllowAutoRedirect = false });
        if (who is not null)
        {
            var login = await client.PostFormAsync("/account/login", new() { ["Email"] = Demo.Email(who), ["Password"] = PortalFactory.Password });
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var response = await client.GetAsync(factory.Fill(url));

        Assert.True((int)response.StatusCode < 500 || url == "/error/500", $"{url}: {(int)response.StatusCode}");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        var hsts = response.Headers.GetValues("Strict-Transport-Security").Single();
        Assert.Matches("max-age=([3-9][0-9]{7}|[0-9]{9,})", hsts);
    }

    [Fact]
    public void Environment_OfTheTestHost_IsNotDevelopment_SoHstsIsOn()
    {
        var environment = factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>();

        Assert.NotEqual("Development", environment.EnvironmentName);
    }
}
