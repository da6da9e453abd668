namespace HscpPortal.EndToEndTests;

/// <summary>The acceptance for the yearly report, in a real browser: a partner finds and downloads the published PDF.</summary>
[Collection(PortalCollection.Name)]
public class YearlyReportJourneyTests(PortalServer server)
{
    [Fact]
    public async Task Partner_FindsPublishedReportFromTheMenu_ReadsItAndDownloadsThePdf()
    {
        var page = await server.SignInAsync("police.partner");

        await page.ClickAsync("#navigation a:has-text('Reports')");
        // The page's own content is awaited below; waiting for every resource's load event only adds a chance to time
        // out on two busy cores.
        await page.WaitForURLAsync(url => url.EndsWith("/reports/yearly", StringComparison.Ordinal), new() { WaitUntil = Microsoft.Playwright.WaitUntilState.DOMContentLoaded });
        var problems = new List<string>(await Accessibility.ViolationsAsync(page));

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[href='/reports/yearly/2023-24.pdf']"));
        Assert.EndsWith("yearly-report-2023-24.pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var pdf = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.True(pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8), "not a PDF");

        await page.ClickAsync("a:has-text('Read the 2023-24 report')");
        await page.WaitForURLAsync(url => url.EndsWith("/reports/yearly/2023-24", StringComparison.Ordinal), new() { WaitUntil = Microsoft.Playwright.WaitUntilState.DOMContentLoaded });
        Assert.Contains("11 escalations were raised in the year", await page.InnerTextAsync("body"), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(page));

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task PublishedPage_AnyoneAtDesktopOrPhoneWidth_PassesAxeAndNeverScrollsSideways(int width)
    {
        await using var context = await server.Browser.NewContextAsync(new() { Locale = "en-GB", ViewportSize = new() { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"{server.BaseUrl}/reports/yearly/2023-24");

        // The skip link is the first thing a keyboard reaches, and takes the reader past the header.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        Assert.Equal("Yearly report 2023-24", (await page.InnerTextAsync("h1")).Trim());
        Assert.Contains("(PDF, ", await page.InnerTextAsync(".pub-attachment"), StringComparison.Ordinal);
        // Wide tables scroll inside their own region; the page itself never scrolls sideways.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"the page scrolls sideways at {width} px");
        var violations = await Accessibility.ViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
