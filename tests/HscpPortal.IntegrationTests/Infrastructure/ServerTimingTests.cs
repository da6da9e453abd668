using System.Globalization;
using System.Text.RegularExpressions;
using HscpPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// The Server-Timing header the page benchmark reads: present with the request's time and query count when
/// Diagnostics:ServerTiming is on, absent by default.
/// </summary>
public partial class ServerTimingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Dashboard_SettingOff_NoServerTimingHeader()
    {
        var client = await factory.ClientAsync("scrutineer");

        var response = await client.GetAsync("/dashboard?year=2023-24");

        response.EnsureSuccessStatusCode();
        Assert.False(response.Headers.Contains("Server-Timing"));
    }

    [Fact]
    public async Task Dashboard_SettingOn_HeaderGivesAppTimeDbTimeAndQueryCount()
    {
        // The same seeded database, hosted again with the setting on.
        using var timed = factory.WithWebHostBuilder(b => b.UseSetting("Diagnostics:ServerTiming", "true"));
        var client = timed.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await client.PostFormAsync("/account/login", new() { ["Email"] = Demo.Email("scrutineer"), ["Password"] = PortalFactory.Password });

        var response = await client.GetAsync("/dashboard?year=2023-24");

        response.EnsureSuccessStatusCode();
        var header = Assert.Single(response.Headers.GetValues("Server-Timing"));
        var match = HeaderPattern().Match(header);
        Assert.True(match.Success, header);
        var app = double.Parse(match.Groups["app"].Value, CultureInfo.InvariantCulture);
        var db = double.Parse(match.Groups["db"].Value, CultureInfo.InvariantCulture);
        var queries = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        Assert.True(app > 0, header);
        Assert.InRange(db, 0, app);
        // The dashboard's tiles run a few dozen queries (DashboardQueryCountTests bounds them).
        Assert.InRange(queries, 5, 60);
    }

    [Fact]
    public async Task Health_SettingOn_HeaderOnAnonymousEndpointsToo()
    {
        using var timed = factory.WithWebHostBuilder(b => b.UseSetting("Diagnostics:ServerTiming", "true"));
        var client = timed.CreateClient();

        var response = await client.GetAsync("/health");

        response.EnsureSuccessStatusCode();
        Assert.Matches(HeaderPattern(), Assert.Single(response.Headers.GetValues("Server-Timing")));
    }

    [GeneratedRegex("^app;dur=(?<app>[0-9.]+), db;dur=(?<db>[0-9.]+);desc=\"(?<n>[0-9]+) quer(y|ies)\"$")]
    private static partial Regex HeaderPattern();
}
