using Microsoft.Playwright;

namespace HscpPortal.EndToEndTests;

/// <summary>
/// The escalation analysis in a real browser under the portal's Content-Security-Policy: the inline SVG charts
/// render (nothing blocked), every chart has its table, and the page passes axe.
/// </summary>
[Collection(PortalCollection.Name)]
public class EscalationAnalysisPageTests(PortalServer server)
{
    [Fact]
    public async Task AnalysisPage_2023To24_ChartsRenderWithTablesAndPassAxe()
    {
        var page = await server.SignInAsync("scrutineer");
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                blocked.Add(message.Text);
            }
        };

        var response = await page.GotoAsync(server.BaseUrl + "/escalations/analysis?year=2023-24");

        Assert.Equal(200, response?.Status);
        Assert.Equal("11", (await page.InnerTextAsync("#total-escalations")).Split(' ', '\n')[0].Trim());
        var charts = page.Locator(".app-chart");
        var count = await charts.CountAsync();
        Assert.True(count >= 9, $"{count} charts");
        for (var i = 0; i < count; i++)
        {
            var chart = charts.Nth(i);
            var svg = chart.Locator("svg[role=img]");
            Assert.Equal(1, await svg.CountAsync());
            var box = await svg.BoundingBoxAsync();
            Assert.True(box is { Width: > 200, Height: > 100 }, $"chart {i} is {box?.Width}x{box?.Height}");
            Assert.Equal(1, await chart.Locator("table caption").CountAsync());
        }

        // The tick labels are real text in the page, so they read and print like the rest of it.
        Assert.Equal(1, await page.Locator("#chart-receiving svg text", new() { HasTextString = "Herefordshire Council" }).CountAsync());
        Assert.DoesNotContain(blocked, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(await Accessibility.ViolationsAsync(page));

        // Set HSCP_SCREENSHOT=/tmp/analysis.png to look at the page.
        var path = Environment.GetEnvironmentVariable("HSCP_SCREENSHOT");
        if (!string.IsNullOrEmpty(path))
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        }
    }

    [Fact]
    public async Task AnalysisPage_Member_IsRefused()
    {
        var page = await server.SignInAsync("member");

        var response = await page.GotoAsync(server.BaseUrl + "/escalations/analysis?year=2023-24");

        Assert.Equal(403, response?.Status);
    }
}
