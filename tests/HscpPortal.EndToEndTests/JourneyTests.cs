using Microsoft.Playwright;

namespace HscpPortal.EndToEndTests;

/// <summary>What a partnership officer does with the registers, in a real browser.</summary>
[Collection(PortalCollection.Name)]
public class JourneyTests(PortalServer server)
{
    [Fact]
    public async Task AddAgency_WithErrorThenFixed_IsCreatedArchivedAndAudited()
    {
        var page = await server.SignInAsync("team");
        await page.GotoAsync(server.BaseUrl + "/organisations/new");

        await page.ClickAsync("button:has-text('Save')");
        var summary = page.Locator(".govuk-error-summary");
        Assert.Contains("Enter the organisation's name", await summary.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await Accessibility.ViolationsAsync(page));

        await page.FillAsync("#Name", "Hereford Youth Hub");
        await page.SelectOptionAsync("#Sector", "VoluntaryAndCommunity");
        await page.ClickAsync("button:has-text('Save')");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/organisations/\d+\?notice=created"));
        Assert.Equal("Hereford Youth Hub", await page.InnerTextAsync("h1"));

        await page.ClickAsync("button:has-text('Archive')");
        Assert.Contains("Archived", await page.InnerTextAsync("h1"), StringComparison.Ordinal);

        await page.ClickAsync("text=View the history of this record");
        var history = await page.InnerTextAsync("main");
        Assert.Contains("Archived", history, StringComparison.Ordinal);
        Assert.Contains("Created", history, StringComparison.Ordinal);
        Assert.Contains("team@demo.hscp.example", history, StringComparison.Ordinal);
        Assert.Empty(await Accessibility.ViolationsAsync(page));
    }

    [Fact]
    public async Task Structure_AsMember_ShowsMashUnderQualityAndEffectiveness()
    {
        var page = await server.SignInAsync("member");
        await page.GotoAsync(server.BaseUrl + "/structure");

        var qe = page.Locator(".app-structure li", new PageLocatorOptions { Has = page.Locator("> .app-structure__node a", new PageLocatorOptions { HasTextString = "Quality and Effectiveness" }) });
        Assert.Equal(1, await qe.Locator("ul a", new LocatorLocatorOptions { HasTextString = "MASH" }).CountAsync());
    }
}
