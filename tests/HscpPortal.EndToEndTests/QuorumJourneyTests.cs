using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace HscpPortal.EndToEndTests;

/// <summary>Recording a board meeting's attendance in the browser and watching the quorum follow it.</summary>
[Collection(PortalCollection.Name)]
public partial class QuorumJourneyTests(PortalServer server)
{
    [Fact]
    public async Task RecordAttendance_PoliceDspAndDeputyMarkedAbsent_QuorumChangesLiveAndOnSave()
    {
        var page = await server.SignInAsync("team");
        // The demo's 14 December 2023 board meeting: quorate, with the police DSP present.
        await page.GotoAsync(server.BaseUrl + "/meetings?year=2023-24");
        await page.ClickAsync("a:has-text('14 December 2023')");
        var meetingUrl = page.Url;
        await page.ClickAsync("a:has-text('Record attendance')");
        Assert.Equal("Quorate", (await page.InnerTextAsync("#quorum-panel .govuk-notification-banner__heading")).Trim());
        Assert.Empty(await Accessibility.ViolationsAsync(page));

        await RowRadio(page, "Ian Fairbairn", "Absent").CheckAsync();
        await RowRadio(page, "Sarah Kemble", "Absent").CheckAsync();

        // With JavaScript the panel updates before anything is saved.
        await Assertions.Expect(page.Locator("#quorum-panel")).ToContainTextAsync("Police not represented");
        Assert.Equal("Not quorate", (await page.InnerTextAsync("#quorum-panel .govuk-notification-banner__heading")).Trim());

        await page.ClickAsync("button:has-text('Save attendance')");
        await page.WaitForURLAsync(new Regex(@"/meetings/\d+\?notice=attendance-saved"));
        var banner = await page.InnerTextAsync("[aria-labelledby=quorum-statement-title]");
        Assert.Contains("Not quorate", banner, StringComparison.Ordinal);
        Assert.Contains("Police not represented", banner, StringComparison.Ordinal);
        Assert.Empty(await Accessibility.ViolationsAsync(page));

        // Put the register back so other tests see the demo as seeded.
        await page.GotoAsync(meetingUrl.Split('?')[0] + "/attendance");
        await RowRadio(page, "Ian Fairbairn", "Present").CheckAsync();
        await RowRadio(page, "Sarah Kemble", "Present").CheckAsync();
        await page.ClickAsync("button:has-text('Save attendance')");
        await page.WaitForURLAsync(new Regex(@"notice=attendance-saved"));
        Assert.DoesNotContain("Not quorate", await page.InnerTextAsync("[aria-labelledby=quorum-statement-title]"), StringComparison.Ordinal);
    }

    private static ILocator RowRadio(IPage page, string person, string status) =>
        page.GetByRole(AriaRole.Radio, new() { Name = $"{person}: {status}", Exact = true });
}
