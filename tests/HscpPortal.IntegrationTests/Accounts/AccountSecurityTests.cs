using System.Net;
using System.Text.RegularExpressions;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// What an outside tester found, each kept from coming back: links built from a forged Host header, sessions that
/// outlived sign-out, resets and deactivation, account changes missing from the audit trail, account enumeration
/// by message and time, removed papers still downloadable, record histories readable by any member, and calendar
/// feed addresses that could not be revoked.
/// </summary>
public sealed partial class AccountSecurityTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string PublicUrl = "http://localhost:5080";

    // ---- Links are built from Portal:PublicUrl, never from the request ----

    [Fact]
    public async Task ForgotPassword_ForgedHostHeader_EmailLinkPointsAtPublicUrl()
    {
        const string email = "forged.host@example.org";
        await factory.CreateUserAsync(email, Roles.Member, "Forged-Host-Lantern-41");
        var attacker = factory.Anonymous();
        attacker.DefaultRequestHeaders.Host = "attacker.example";

        var response = await attacker.PostFormAsync("/account/forgot-password", new() { ["Email"] = email });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reset = factory.EmailsTo(email)[^1];
        Assert.StartsWith($"{PublicUrl}/account/reset-password?", Accounts.ResetLink(reset).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", (reset.TextBody ?? "") + reset.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitation_ForgedHostHeader_EmailLinkPointsAtPublicUrl()
    {
        const string email = "forged.invite@example.org";
        var admin = await factory.SignInAsync("admin");
        admin.DefaultRequestHeaders.Host = "attacker.example";

        await admin.PostFormAsync("/users/new", new() { ["DisplayName"] = "Forged Invite", ["Email"] = email, ["Roles"] = Roles.Member, ["PersonId"] = "" });

        Assert.StartsWith($"{PublicUrl}/account/reset-password?", Accounts.ResetLink(factory.EmailsTo(email).Single()).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarSubscribePage_ForgedHostHeader_FeedAddressStartsWithPublicUrl()
    {
        var client = await factory.SignInAsync("member");
        client.DefaultRequestHeaders.Host = "attacker.example";

        var page = await client.GetDocumentAsync($"/groups/{factory.GroupId("Strategic Partners Board")}/calendar");

        Assert.StartsWith($"{PublicUrl}/groups/", page.QuerySelector("#feed-url")!.TextContent, StringComparison.Ordinal);
    }

    // ---- Sessions end when they should ----

    [Fact]
    public async Task SignOut_CookieSavedBefore_OpensNothingAfterwards()
    {
        var cookie = await RawSignInAsync(Demo.Email("member"), PortalFactory.Password);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync("/my-work", cookie)).StatusCode);

        var signOut = await PostWithCookieAsync("/account/logout", cookie, "/my-work");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        Assert.True((await GetWithCookieAsync("/my-work", cookie)).IsLoginRedirect());
    }

    [Fact]
    public async Task PasswordReset_CookieSavedBefore_OpensNothingAfterwards()
    {
        const string email = "reset.victim@example.org";
        const string password = "Victim-Copper-Meadow-52";
        await factory.CreateUserAsync(email, Roles.Member, password);
        var cookie = await RawSignInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync("/my-work", cookie)).StatusCode);

        await factory.Anonymous().PostFormAsync("/account/forgot-password", new() { ["Email"] = email });
        var done = await factory.Anonymous().ChoosePasswordAsync(Accounts.ResetLink(factory.EmailsTo(email)[^1]), "Victim-New-Harbour-Lamp-63");
        Assert.Contains("Your password has been changed", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.True((await GetWithCookieAsync("/my-work", cookie)).IsLoginRedirect());
        Assert.Contains(AccountHistory(email), c => c.Contains("Reset with an emailed link", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deactivation_ChairEditingAMeeting_IsStoppedAtOnce()
    {
        const string email = "deactivated.chair@example.org";
        const string password = "Chair-Silver-Orchard-74";
        await factory.CreateUserAsync(email, Roles.Member, password);
        var cookie = await RawSignInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync("/my-work", cookie)).StatusCode);

        var admin = await factory.ClientAsync("admin");
        var userId = factory.Query(db => db.Users.Single(u => u.Email == email).Id);
        await admin.PostFormAsync($"/users/{userId}/deactivate", [], formPage: $"/users/{userId}");

        Assert.True((await GetWithCookieAsync("/my-work", cookie)).IsLoginRedirect());
        Assert.Contains(AccountHistory(email), c => c.Contains("Deactivated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RoleChange_ToAdministrator_EndsTheSessionAndIsInTheAuditTrailWithWhoDidIt()
    {
        const string email = "promoted@example.org";
        const string password = "Granite-Willow-Kestrel-85";
        await factory.CreateUserAsync(email, Roles.Member, password);
        var cookie = await RawSignInAsync(email, password);
        var userId = factory.Query(db => db.Users.Single(u => u.Email == email).Id);
        var admin = await factory.ClientAsync("admin");

        var saved = await admin.PostFormAsync($"/users/{userId}", new()
        {
            ["DisplayName"] = "Promoted", ["Email"] = email, ["Roles"] = Roles.Administrator, ["PersonId"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True((await GetWithCookieAsync("/my-work", cookie)).IsLoginRedirect());
        var history = await admin.GetDocumentAsync($"/users/{userId}/history");
        Assert.True(history.QuerySelectorAll("tbody tr").Length > 0, history.Body!.TextContent);
        var row = history.QuerySelectorAll("tbody tr")[0].TextContent;
        Assert.Contains("Roles", row, StringComparison.Ordinal);
        Assert.Contains("“Member” → “Administrator”", row, StringComparison.Ordinal);
        Assert.Contains("admin@demo.hscp.example", row, StringComparison.Ordinal);
        var trail = await admin.GetDocumentAsync("/audit?type=UserAccount");
        Assert.Contains(trail.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("Administrator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignOutEverywhere_EndsEverySessionOfTheUserAndNoOneElses()
    {
        const string email = "everywhere@example.org";
        const string password = "Cobalt-River-Thistle-96";
        await factory.CreateUserAsync(email, Roles.Member, password);
        var laptop = await RawSignInAsync(email, password);
        var phone = await RawSignInAsync(email, password);
        var someoneElse = await RawSignInAsync(Demo.Email("member"), PortalFactory.Password);
        var account = await (await GetWithCookieAsync("/account", laptop)).ReadDocumentAsync();
        Assert.Equal(2, account.QuerySelectorAll("#sessions + .app-table-scroll table tbody tr").Length);

        var response = await PostWithCookieAsync("/account/sign-out-everywhere", phone, "/account");

        Assert.Equal("/account/login", response.RedirectPath());
        Assert.True((await GetWithCookieAsync("/my-work", laptop)).IsLoginRedirect());
        Assert.True((await GetWithCookieAsync("/my-work", phone)).IsLoginRedirect());
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync("/my-work", someoneElse)).StatusCode);
        Assert.Contains(AccountHistory(email), c => c.Contains("All ended by the user", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangePassword_KeepsThisSessionAndEndsTheOthers()
    {
        const string email = "changer@example.org";
        const string password = "Amber-Forest-Lantern-17";
        await factory.CreateUserAsync(email, Roles.Member, password);
        var other = await RawSignInAsync(email, password);
        var client = factory.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await client.LoginAsync(email, password)).StatusCode);

        var changed = await client.PostFormAsync("/account/change-password", new()
        {
            ["CurrentPassword"] = password, ["NewPassword"] = "Indigo-Harbour-Quartz-28", ["ConfirmPassword"] = "Indigo-Harbour-Quartz-28",
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/my-work")).StatusCode);
        Assert.True((await GetWithCookieAsync("/my-work", other)).IsLoginRedirect());
    }

    // ---- Administration is in the audit trail ----

    [Fact]
    public async Task UserAdministration_EachChange_RecordedWithWhoDidIt()
    {
        const string email = "administered@example.org";
        await factory.InviteAsync(email, Roles.Member);
        var userId = factory.Query(db => db.Users.Single(u => u.Email == email).Id);
        var admin = await factory.ClientAsync("admin");

        await admin.PostFormAsync($"/users/{userId}/invite", [], formPage: $"/users/{userId}");
        await admin.PostFormAsync($"/users/{userId}/deactivate", [], formPage: $"/users/{userId}");
        await admin.PostFormAsync($"/users/{userId}/reactivate", [], formPage: $"/users/{userId}");

        var entries = factory.Query(db => db.AuditEntries.Where(e => e.EntityType == "UserAccount" && e.EntityKey == userId)
            .OrderBy(e => e.Id).Select(e => new { e.Action, e.UserName, e.Changes }).ToList());
        Assert.Equal([AuditAction.Created, AuditAction.Updated, AuditAction.Archived, AuditAction.Restored], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("admin@demo.hscp.example", e.UserName));
        Assert.Contains("Sent by an administrator", entries[1].Changes, StringComparison.Ordinal);
        Assert.DoesNotContain(entries, e => e.Changes.Contains("PasswordHash", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UserHistory_NotAnAdministrator_Refused()
    {
        var team = await factory.ClientAsync("team");
        var userId = factory.UserId("member");

        Assert.True((await team.GetAsync($"/users/{userId}/history")).IsDenied());
    }

    // ---- Sign-in gives nothing away ----

    // ---- Removed papers, record histories and calendar feeds ----

    [Fact]
    public async Task RemovedPaper_Member_NotFound_Editor_Downloads_AdministratorPurges()
    {
        var fixture = factory.AddMeetingWithPaper(factory.GroupId("Strategic Partners Board"), new DateOnly(2025, 5, 8));
        var member = await factory.ClientAsync("member");
        var team = await factory.ClientAsync("team");
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/papers/{fixture.PaperId}")).StatusCode);
        var version = factory.Query(db => db.Papers.Single(p => p.Id == fixture.PaperId).Version);
        await team.PostFormAsync($"/meetings/{fixture.MeetingId}/agenda/{fixture.AgendaItemId}/papers/{fixture.PaperId}/archive",
            new() { ["version"] = version.ToString() }, formPage: $"/meetings/{fixture.MeetingId}/agenda/{fixture.AgendaItemId}");

        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/papers/{fixture.PaperId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await team.GetAsync($"/papers/{fixture.PaperId}")).StatusCode);
        Assert.True((await team.GetAsync($"/papers/{fixture.PaperId}/purge")).IsDenied());

        var admin = await factory.ClientAsync("admin");
        var purgePage = await admin.GetDocumentAsync($"/papers/{fixture.PaperId}/purge");
        var current = purgePage.InputValue("Form.Version");
        var empty = await admin.PostFormAsync($"/papers/{fixture.PaperId}/purge", new() { ["Form.Reason"] = "", ["Form.Version"] = current });
        await empty.AssertErrorsAsync("Enter why the file must be destroyed");
        var stored = factory.Query(db => db.Papers.Single(p => p.Id == fixture.PaperId).StoredName!);
        var purged = await admin.PostFormAsync($"/papers/{fixture.PaperId}/purge", new() { ["Form.Reason"] = "Uploaded by mistake: names a child", ["Form.Version"] = current });

        Assert.Equal(HttpStatusCode.Redirect, purged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync($"/papers/{fixture.PaperId}")).StatusCode);
        Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "files", stored)));
        var paper = factory.Query(db => db.Papers.Single(p => p.Id == fixture.PaperId));
        Assert.Null(paper.StoredName);
        Assert.Equal("scorecard.pdf", paper.FileName);
        Assert.Contains(factory.Query(db => db.AuditEntries.Where(e => e.EntityType == nameof(Paper) && e.EntityId == fixture.PaperId).Select(e => e.Changes).ToList()),
            c => c.Contains("Uploaded by mistake", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("member", false)]
    [InlineData("qe.chair", false)]
    [InlineData("council.partner", false)]
    [InlineData("scrutineer", true)]
    [InlineData("team", true)]
    [InlineData("admin", true)]
    public async Task RecordHistory_FollowsTheAuditTrailPolicy(string who, bool allowed)
    {
        var client = await factory.ClientAsync(who);
        var organisation = factory.OrganisationId("Herefordshire Council");

        var history = await client.GetAsync($"/audit/Organisation/{organisation}");
        var page = await client.GetDocumentAsync($"/organisations/{organisation}");

        Assert.Equal(allowed, history.StatusCode == HttpStatusCode.OK);
        Assert.Equal(!allowed, history.IsDenied());
        Assert.Equal(allowed, page.QuerySelector($"a[href='/audit/Organisation/{organisation}']") is not null);
    }

    [Fact]
    public async Task CalendarFeed_ResetOrDeactivated_StopsWorking()
    {
        const string email = "calendar.user@example.org";
        const string password = "Calendar-Heron-Valley-58";
        await factory.CreateUserAsync(email, Roles.Member, password);
        var cookie = await RawSignInAsync(email, password);
        var group = factory.GroupId("Strategic Partners Board");
        var first = await FeedPathAsync(cookie, group);
        var anonymous = factory.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(first)).StatusCode);

        await PostWithCookieAsync("/account/calendar-links/reset", cookie, "/account");
        var second = await FeedPathAsync(cookie, group);

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(second)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(second.Replace($"/groups/{group}/", $"/groups/{group + 1}/", StringComparison.Ordinal))).StatusCode);

        var admin = await factory.ClientAsync("admin");
        var userId = factory.Query(db => db.Users.Single(u => u.Email == email).Id);
        await admin.PostFormAsync($"/users/{userId}/deactivate", [], formPage: $"/users/{userId}");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(second)).StatusCode);
    }

    // ---- helpers: a browser's cookie jar by hand, so a cookie can be kept and replayed ----

    private async Task<string> FeedPathAsync(string cookie, int group)
    {
        var page = await (await GetWithCookieAsync($"/groups/{group}/calendar", cookie)).ReadDocumentAsync();
        return new Uri(page.QuerySelector("#feed-url")!.TextContent.Trim()).PathAndQuery;
    }

    private List<string> AccountHistory(string email) =>
        factory.Query(db =>
        {
            var id = db.Users.Single(u => u.Email == email).Id;
            return db.AuditEntries.Where(e => e.EntityType == "UserAccount" && e.EntityKey == id).Select(e => e.Changes).ToList();
        });

    private HttpClient Raw() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>Signs in as a browser would and returns the cookies it was given, to replay later.</summary>
    [Fact]
    public async Task TwoFactorSetUp_OpenedTwiceAtOnce_NeitherFails()
    {
        const string email = "two-tabs@demo.hscp.example";
        const string password = "Twin-Tabs-Opened-Together-58";
        await factory.CreateUserAsync(email, Roles.Member, password);
        var cookie = await RawSignInAsync(email, password);

        var both = await Task.WhenAll(GetWithCookieAsync("/account/two-factor", cookie), GetWithCookieAsync("/account/two-factor", cookie));

        // One makes the key and shows it; the other shows it too, or (its session ended by the new key's stamp) goes
        // to the sign-in page: never an error.
        Assert.All(both, r => Assert.True((int)r.StatusCode < 500, $"{(int)r.StatusCode}"));
        Assert.Contains(both, r => r.StatusCode == HttpStatusCode.OK);
    }

    private async Task<string> RawSignInAsync(string email, string password)
    {
        using var client = Raw();
        var page = await client.GetAsync("/account/login");
        var antiforgery = Cookies(page);
        var token = TokenPattern().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }),
        };
        request.Headers.Add("Cookie", antiforgery);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return $"{antiforgery}; {Cookies(response)}";
    }

    private async Task<HttpResponseMessage> GetWithCookieAsync(string url, string cookie)
    {
        using var client = Raw();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PostWithCookieAsync(string url, string cookie, string formPage)
    {
        var page = await (await GetWithCookieAsync(formPage, cookie)).Content.ReadAsStringAsync();
        var token = TokenPattern().Match(page).Groups[1].Value;
        using var client = Raw();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) }),
        };
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).Where(v => !v.EndsWith('=')) : []);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>
/// The portal as deployed behind a reverse proxy on loopback (ForwardedHeaders enabled), with low sign-in limits
/// and a password hasher that counts its checks.
/// </summary>
public sealed class ProxiedPortalFactory : PortalFactory
{
    public CountingHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ForwardedHeaders:Enabled", "true");
        builder.UseSetting("Accounts:SignInLimits:PerAccount", "8");
        builder.UseSetting("Accounts:PasswordResetLimits:PerAccount", "3");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IPasswordHasher<ApplicationUser>>(Hasher);
            // The test server has no client address; a proxy on the same host connects over loopback.
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, LoopbackClient>();
        });
    }

    private sealed class LoopbackClient : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate then) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                await then(context);
            });
            next(app);
        };
    }
}

public sealed class ProxiedPortalTests(ProxiedPortalFactory factory) : IClassFixture<ProxiedPortalFactory>
{
    [Fact]
    public async Task BehindProxy_ForwardedHttps_SignInCookieSecureAndHstsSent()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Host = "portal.example.gov.uk";
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        var page = await client.GetAsync("/account/login");
        var antiforgery = SetCookies(page).Single(c => c.StartsWith("hscp.af=", StringComparison.Ordinal));
        var token = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = Demo.Email("member"), ["Password"] = PortalFactory.Password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }),
        };
        request.Headers.Add("Cookie", antiforgery.Split(';')[0]);

        var signIn = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var auth = SetCookies(signIn).Single(c => c.StartsWith("hscp.auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.True(page.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task WithoutForwardedHttps_PlainHttp_CookieNotSecureAndNoHsts()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Host = "portal.example.gov.uk";

        var page = await client.GetAsync("/account/login");

        Assert.DoesNotContain("; secure", SetCookies(page).Single(c => c.StartsWith("hscp.af=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task SignIn_UnknownDeactivatedOrLockedAccount_SameMessageAndOnePasswordCheckEach()
    {
        const string deactivated = "gone.user@example.org";
        const string locked = "locked.user@example.org";
        await factory.CreateUserAsync(deactivated, Roles.Member, "Gone-Marble-Valley-39");
        await factory.CreateUserAsync(locked, Roles.Member, "Locked-Marble-Valley-40");
        var admin = await factory.ClientAsync("admin");
        var goneId = factory.Query(db => db.Users.Single(u => u.Email == deactivated).Id);
        await admin.PostFormAsync($"/users/{goneId}/deactivate", [], formPage: $"/users/{goneId}");
        var client = factory.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await client.LoginAsync(locked, "wrong password");
        }

        foreach (var (email, password) in new[]
        {
            ("nobody.here@example.org", "Anything-At-All-1"), (deactivated, "Gone-Marble-Valley-39"), (locked, "Locked-Marble-Valley-40"),
            (Demo.Email("member"), "not the password"),
        })
        {
            var before = factory.Hasher.Verified;
            var response = await client.LoginAsync(email, password);

            await response.AssertErrorsAsync("Enter a correct email address and password");
            // Each refusal costs one password check, whether or not the account exists: its timing tells nothing.
            Assert.Equal(before + 1, factory.Hasher.Verified);
        }
    }

    [Fact]
    public async Task SignIn_TooManyAttemptsOnOneAccount_RefusedWithMessageWhetherOrNotItExists()
    {
        var client = factory.Anonymous();
        foreach (var email in new[] { "no.such.person@example.org", "throttled@example.org" })
        {
            for (var i = 0; i < 8; i++)
            {
                await (await client.LoginAsync(email, "wrong")).AssertErrorsAsync("Enter a correct email address and password");
            }

            var refused = await client.LoginAsync(email, "wrong");

            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal(["Too many attempts to sign in. Wait 15 minutes and try again"], (await refused.ReadDocumentAsync()).ErrorSummary());
        }
    }

    [Fact]
    public async Task ForgotPassword_FourthRequestInAnHour_RefusedAndNoFourthEmail()
    {
        const string email = "reset.flood@example.org";
        await factory.CreateUserAsync(email, Roles.Member, "Reset-Flood-Cedar-62");
        var sent = factory.EmailsTo(email).Count;
        var client = factory.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("/account/forgot-password", new() { ["Email"] = email })).StatusCode);
        }

        var refused = await client.PostFormAsync("/account/forgot-password", new() { ["Email"] = email });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(["Too many requests for a password link. Wait 60 minutes and try again"], (await refused.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(sent + 3, factory.EmailsTo(email).Count);
    }

    private static List<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
}

/// <summary>The real hasher, counting how often a password is checked.</summary>
public sealed class CountingHasher : IPasswordHasher<ApplicationUser>
{
    private readonly PasswordHasher<ApplicationUser> inner = new();
    private int verified;

    public int Verified => verified;

    public string HashPassword(ApplicationUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verified);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
