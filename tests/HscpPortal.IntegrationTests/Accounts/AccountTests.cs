using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Security;

namespace HscpPortal.IntegrationTests;

/// <summary>Signing in, lockout, password reset and two-factor enrolment, each with an account of its own.</summary>
public class AccountTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string WeakPasswordMessage =
        "Choose a password that is harder to guess: avoid common words, repeated characters and your email address. Three random words work well.";

    [Fact]
    public async Task Login_FiveWrongPasswords_LocksAccountSilentlyAndEmailsItsOwner()
    {
        const string email = "lockout@example.org";
        const string password = "Battery-Staple-Orchid-7";
        await factory.CreateUserAsync(email, Roles.Member, password);
        var client = factory.Anonymous();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await client.LoginAsync(email, $"wrong password {attempt}");
            await wrong.AssertErrorsAsync("Enter a correct email address and password");
        }

        var fifth = await client.LoginAsync(email, "wrong password 5");
        var sixth = await client.LoginAsync(email, password);

        // The page never says an account is locked (that would tell an outsider it exists); its owner is told by email.
        await fifth.AssertErrorsAsync("Enter a correct email address and password");
        await sixth.AssertErrorsAsync("Enter a correct email address and password");
        Assert.True(factory.Query(db => db.Users.Single(u => u.Email == email).LockoutEnd) > DateTimeOffset.UtcNow.AddMinutes(10));
        Assert.True((await client.GetAsync("/")).IsLoginRedirect());
        var warning = Assert.Single(factory.EmailsTo(email), m => (m.Subject ?? "").Contains("locked", StringComparison.Ordinal));
        Assert.Contains("locked for 15 minutes", warning.TextBody ?? "", StringComparison.Ordinal);
        var userId = factory.Query(db => db.Users.Single(u => u.Email == email).Id);
        Assert.Contains(factory.Query(db => db.AuditEntries.Where(e => e.EntityKey == userId).Select(e => e.Changes).ToList()),
            c => c.Contains("Locked until", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unlock_ByAdministrator_LetsLockedUserSignIn()
    {
        const string email = "unlock@example.org";
        const string password = "Purple-Kettle-Orchard-19";
        await factory.CreateUserAsync(email, Roles.Member, password);
        var client = factory.Anonymous();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await client.LoginAsync(email, "not it at all");
        }

        var admin = await factory.ClientAsync("admin");
        var id = factory.UserId(email);
        Assert.Contains("Locked", await admin.GetStringAsync($"/users?q=unlock"), StringComparison.Ordinal);
        var unlock = await admin.PostFormAsync($"/users/{id}/unlock", new(), formPage: $"/users/{id}");
        var login = await client.LoginAsync(email, password);

        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/my-work", login.RedirectPath());
    }

    [Fact]
    public async Task ForgotPassword_FollowingEmailedLink_SetsNewPasswordThatSignsIn()
    {
        const string email = "forgetful@example.org";
        const string oldPassword = "Orange-Canal-Lighthouse-31";
        const string newPassword = "Remembered-Silver-Barge-64";
        await factory.CreateUserAsync(email, Roles.Member, oldPassword);
        var client = factory.Anonymous();

        var sent = await client.PostFormAsync("/account/forgot-password", new() { ["Email"] = email });

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("Check your email", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var emails = factory.EmailsTo(email);
        Assert.Equal(2, emails.Count); // the invitation, then the reset
        var reset = emails[^1];
        Assert.StartsWith("Reset your password", reset.Subject, StringComparison.Ordinal);
        var link = Accounts.ResetLink(reset);
        Assert.Equal("/account/reset-password", link.AbsolutePath);
        Assert.Contains("token=", link.Query, StringComparison.Ordinal);

        var done = await client.ChoosePasswordAsync(link, newPassword);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Your password has been changed", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var withNew = await factory.Anonymous().LoginAsync(email, newPassword);
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);
        Assert.Equal("/my-work", withNew.RedirectPath());
        var withOld = await factory.Anonymous().LoginAsync(email, oldPassword);
        await withOld.AssertErrorsAsync("Enter a correct email address and password");

        // The link works once.
        var again = await factory.Anonymous().ChoosePasswordAsync(link, "Third-Password-Green-Fields");
        await again.AssertErrorsAsync("The reset link is not valid or has expired. Ask for a new one.");
    }

    [Fact]
    public async Task ForgotPassword_UnknownEmail_SameAnswerAndNoEmail()
    {
        var response = await factory.Anonymous().PostFormAsync("/account/forgot-password", new() { ["Email"] = "nobody.here@example.org" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Check your email", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(factory.EmailsTo("nobody.here@example.org"));
    }

    [Fact]
    public async Task ResetPassword_TamperedToken_IsRefused()
    {
        const string email = "tampered@example.org";
        await factory.InviteAsync(email, Roles.Member);
        var link = Accounts.ResetLink(factory.EmailsTo(email).Single());
        var tampered = new Uri(link.ToString().Replace("token=", "token=AAAA", StringComparison.Ordinal));

        var response = await factory.Anonymous().ChoosePasswordAsync(tampered, "Tampered-Yellow-Lantern-8");

        await response.AssertErrorsAsync("The reset link is not valid or has expired. Ask for a new one.");
        Assert.Null(factory.Query(db => db.Users.Single(u => u.Email == email).PasswordHash));
    }

    [Theory]
    [InlineData("password1234", WeakPasswordMessage)]
    [InlineData("aaaaaaaaaaaaaaaa", WeakPasswordMessage)]
    [InlineData("short", "Password must be at least 12 characters.")]
    public async Task ResetPassword_WeakPassword_IsRefusedWithMessage(string password, string message)
    {
        var email = $"weak.{Guid.NewGuid():N}@example.org";
        await factory.InviteAsync(email, Roles.Member);
        var link = Accounts.ResetLink(factory.EmailsTo(email).Single());

        var response = await factory.Anonymous().ChoosePasswordAsync(link, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await response.ReadDocumentAsync()).ErrorSummary());
        Assert.Null(factory.Query(db => db.Users.Single(u => u.Email == email).PasswordHash));
    }

    [Fact]
    public async Task ResetPassword_PasswordContainingEmailName_IsRefused()
    {
        const string email = "hedgehog@example.org";
        await factory.InviteAsync(email, Roles.Member);
        var link = Accounts.ResetLink(factory.EmailsTo(email).Single());

        var response = await factory.Anonymous().ChoosePasswordAsync(link, "my-hedgehog-likes-snails");

        await response.AssertErrorsAsync(WeakPasswordMessage);
    }

    [Fact]
    public async Task ResetPassword_ConfirmationDiffers_IsRefused()
    {
        const string email = "mismatch@example.org";
        await factory.InviteAsync(email, Roles.Member);
        var link = Accounts.ResetLink(factory.EmailsTo(email).Single());

        var response = await factory.Anonymous().ChoosePasswordAsync(link, "Mismatch-Blue-Harbour-5", "Mismatch-Blue-Harbour-6");

        await response.AssertErrorsAsync("The passwords do not match");
    }

    [Fact]
    public async Task ChangePassword_WeakNewPassword_IsRefusedAndOldStillWorks()
    {
        const string email = "changer@example.org";
        const string password = "Quiet-Meadow-Saxophone-22";
        await factory.CreateUserAsync(email, Roles.Member, password);
        var client = factory.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await client.LoginAsync(email, password)).StatusCode);

        var response = await client.PostFormAsync("/account/change-password", new()
        {
            ["CurrentPassword"] = password, ["NewPassword"] = "password1234", ["ConfirmPassword"] = "password1234",
        });

        await response.AssertErrorsAsync(WeakPasswordMessage);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.Anonymous().LoginAsync(email, password)).StatusCode);
    }

    [Fact]
    public async Task TwoFactor_RequiredRoleNotEnrolled_IsSentToEnrolThenEnrolsWithTotp()
    {
        const string email = "new.team@example.org";
        const string password = "Team-Member-Copper-Bridge-3";
        await factory.CreateUserAsync(email, Roles.PartnershipTeam, password);
        var client = factory.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await client.LoginAsync(email, password)).StatusCode);

        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/two-factor?required=true", home.Headers.Location!.IsAbsoluteUri ? home.Headers.Location.PathAndQuery : home.Headers.Location.OriginalString);
        var organisations = await client.GetAsync("/organisations");
        Assert.Equal("/account/two-factor", organisations.RedirectPath());

        var setup = await client.GetDocumentAsync("/account/two-factor?required=true");
        var key = setup.QuerySelector("code")!.TextContent.Trim();
        Assert.Matches("^([a-z2-7]{4} )*[a-z2-7]{1,4}$", key);
        Assert.Contains("Your role needs two-factor authentication", setup.Body!.TextContent, StringComparison.Ordinal);

        var wrong = await client.PostFormAsync("/account/two-factor", new() { ["Code"] = WrongCode(key) }, formPage: "/account/two-factor");
        await wrong.AssertErrorsAsync("The code is not correct. Check your app shows this account and enter its current code.");
        Assert.False(factory.Query(db => db.Users.Single(u => u.Email == email).TwoFactorEnabled));

        var enrol = await client.PostFormAsync("/account/two-factor", new() { ["Code"] = Accounts.Totp(key, DateTimeOffset.UtcNow) }, formPage: "/account/two-factor");

        Assert.Equal(HttpStatusCode.OK, enrol.StatusCode);
        var codes = (await enrol.ReadDocumentAsync()).QuerySelectorAll("li code");
        Assert.Equal(10, codes.Length);
        Assert.True(factory.Query(db => db.Users.Single(u => u.Email == email).TwoFactorEnabled));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        // Next time, the password alone is not enough.
        var next = factory.Anonymous();
        var first = await next.LoginAsync(email, password);
        Assert.Equal("/account/login/two-factor", first.RedirectPath());
        Assert.True((await next.GetAsync("/")).IsLoginRedirect());
        var second = await next.PostFormAsync("/account/login/two-factor", new() { ["Code"] = Accounts.Totp(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("/dashboard", second.RedirectPath());
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/")).StatusCode);
    }

    [Fact]
    public void Totp_Rfc6238TestVector_MatchesPublishedCode()
    {
        // RFC 6238 appendix B, SHA-1 key "12345678901234567890" (base32 below), T = 59 s: 94287082 -> last 6 digits.
        Assert.Equal("287082", Accounts.Totp("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(59)));
        Assert.Equal("005924", Accounts.Totp("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(1234567890)));
    }

    /// <summary>A code valid for none of the steps the server accepts (two either side of now).</summary>
    private static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var valid = Enumerable.Range(-3, 7).Select(i => Accounts.Totp(key, now.AddSeconds(30 * i))).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, 1000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }
}
