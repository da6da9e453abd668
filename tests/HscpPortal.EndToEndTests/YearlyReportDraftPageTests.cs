using Microsoft.Playwright;

namespace HscpPortal.EndToEndTests;

/// <summary>The yearly report's draft, readiness and narrative pages in a real browser: axe-clean under the CSP.</summary>
[Collection(PortalCollection.Name)]
public class YearlyReportDraftPageTests(PortalServer server)
{
    [Fact]
    public async Task DraftPage_2023To24_PassesAxeWithItsCharts()
    {
        var page = await server.SignInAsync("team");
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                blocked.Add(message.Text);
            }
        };

        var response = await page.GotoAsync(server.BaseUrl + "/reports/yearly/2023-24/draft");

        Assert.Equal(200, response?.Status);
        Assert.True(await page.Locator("#section-escalations svg[role=img]").CountAsync() >= 1);
        Assert.DoesNotContain(blocked, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(await Accessibility.ViolationsAsync(page));
    }

    [Theory]
    [InlineData("/reports/yearly/2024-25/readiness")]
    [InlineData("/reports/yearly/2024-25/sections/foreword")]
    [InlineData("/reports/yearly/2024-25/sections/commentary:action-plans")]
    public async Task ReportPages_Team_PassAxe(string url)
    {
        var page = await server.SignInAsync("team");

        var response = await page.GotoAsync(server.BaseUrl + url);

        Assert.Equal(200, response?.Status);
        Assert.Empty(await Accessibility.ViolationsAsync(page));
    }

    [Fact]
    public async Task NarrativeEditor_EmptyText_ShowsTheErrorSummaryAndPassesAxe()
    {
        var page = await server.SignInAsync("team");
        await page.GotoAsync(server.BaseUrl + "/reports/yearly/2012-13/sections/local-context");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        Assert.Contains("Enter the text", await page.InnerTextAsync(".govuk-error-summary"), StringComparison.Ordinal);
        Assert.Empty(await Accessibility.ViolationsAsync(page));
    }
}
