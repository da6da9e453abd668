using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;

namespace HscpPortal.IntegrationTests;

public class HealthAndAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Health_DatabaseUp_Returns200()
    {
        var response = await factory.Anonymous().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Home_Anonymous_RedirectsToLogin()
    {
        var response = await factory.Anonymous().GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/accessibility")]
    [InlineData("/cookies")]
    [InlineData("/account/login")]
    [InlineData("/account/forgot-password")]
    public async Task PublicPages_Anonymous_AreServed(string url)
    {
        var response = await factory.Anonymous().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("team")]
    [InlineData("scrutineer")]
    [InlineData("council.partner")]
    [InlineData("icb.partner")]
    [InlineData("police.partner")]
    [InlineData("qe.chair")]
    [InlineData("member")]
    public async Task Login_EachDemoUser_LandsOnHome(string who)
    {
        var client = await factory.SignInAsync(who);

        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Welcome", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsErrorSummary()
    {
        var response = await factory.Anonymous().PostFormAsync("/account/login", new() { ["Email"] = "member@demo.hscp.example", ["Password"] = "not the password" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await response.ReadDocumentAsync()).ErrorSummary();
        Assert.Equal(["Enter a correct email address and password"], errors);
    }

    [Fact]
    public async Task Login_EmptyForm_NamesEachMissingField()
    {
        var response = await factory.Anonymous().PostFormAsync("/account/login", new() { ["Email"] = "", ["Password"] = "" });

        var errors = (await response.ReadDocumentAsync()).ErrorSummary();
        Assert.Equal(["Enter your email address", "Enter your password"], errors);
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    public async Task Login_OffSiteReturnUrl_GoesToTheLandingPageInstead(string returnUrl)
    {
        var response = await factory.Anonymous().PostFormAsync("/account/login",
            new() { ["Email"] = "member@demo.hscp.example", ["Password"] = PortalFactory.Password, ["ReturnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // A member without a dashboard lands on "my work".
        Assert.Equal("/my-work", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        var client = await factory.SignInAsync("team");

        var response = await client.PostAsync("/organisations/new", new FormUrlEncodedContent([new("Name", "No token agency"), new("Sector", "Other")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(factory.Query(db => db.Organisations.Any(o => o.Name == "No token agency")));
    }

    [Fact]
    public async Task UnknownPage_Returns404Page()
    {
        var client = await factory.SignInAsync("member");

        var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        var response = await factory.Anonymous().GetAsync("/account/login");

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"));
    }

    [Fact]
    public async Task Cookies_OnlyAuthenticationAndAntiforgery()
    {
        var client = factory.Anonymous();
        var page = await client.GetAsync("/account/login");
        var login = await client.PostFormAsync("/account/login", new() { ["Email"] = "member@demo.hscp.example", ["Password"] = PortalFactory.Password });
        var home = await client.GetAsync("/");

        var names = new[] { page, login, home }
            .SelectMany(r => r.Headers.TryGetValues("Set-Cookie", out var v) ? v : [])
            .Select(c => c.Split('=')[0])
            .Distinct()
            .Order()
            .ToList();
        Assert.All(names, n => Assert.Contains(n, new[] { "hscp.af", "hscp.auth" }));
    }

    [Theory]
    [InlineData("/error/42")]
    [InlineData("/error/0")]
    [InlineData("/error/-1")]
    [InlineData("/error/1000")]
    [InlineData("/error/99999")]
    [InlineData("/error/302")]
    public async Task ErrorPage_CodeNotAnHttpError_Returns404Page(string url)
    {
        var response = await factory.Anonymous().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/error/403", HttpStatusCode.Forbidden)]
    [InlineData("/error/404", HttpStatusCode.NotFound)]
    [InlineData("/error/500", HttpStatusCode.InternalServerError)]
    [InlineData("/error/503", HttpStatusCode.ServiceUnavailable)]
    public async Task ErrorPage_HttpErrorCode_ReturnsThatStatus(string url, HttpStatusCode expected)
    {
        var response = await factory.Anonymous().GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
    }
}
