using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace HscpPortal.EndToEndTests;

/// <summary>An escalation notified at stage 2, moved up for no timely response, resolved at stage 3, in a real browser with axe.</summary>
[Collection(PortalCollection.Name)]
public partial class EscalationJourneyTests(PortalServer server)
{
    [Fact]
    public async Task Escalation_RecordedMovedUpAndResolved_ShowsTheTimelineAndEachPagePassesAxe()
    {
        var page = await server.SignInAsync("team");
        var problems = new List<string>();

        await page.GotoAsync($"{server.BaseUrl}/escalations/new");
        problems.AddRange(await Accessibility.ViolationsAsync(page));
        await page.FillDateAsync("RaisedOn", new DateOnly(2020, 2, 6));
        await page.ChooseAsync("RaisingOrganisationId", "Wye", "Wye Valley NHS Trust");
        await page.FillAsync("#RaiserRole", "Named nurse for safeguarding");
        await page.ChooseAsync("ConcernedOrganisationId", "Herefordshire C", "Herefordshire Council");
        await page.SelectOptionAsync("#Category", new SelectOptionValue { Label = "Threshold decision" });
        await page.FillAsync("#CaseReference", "WV-E2E-17");
        await page.FillAsync("#Summary", "Referral closed at the front door; NHS number 943 476 5919");
        await page.ClickAsync("button:has-text('Record the escalation')");
        Assert.Contains("looks like an NHS number", await page.InnerTextAsync(".govuk-error-summary"), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(page));

        await page.FillAsync("#Summary", "Referral closed at the front door; health visitor disagrees with the threshold decision");
        await page.SelectOptionAsync("#Stage", "2");
        await page.FillDateAsync("StageStartedOn", new DateOnly(2020, 2, 10));
        await page.ClickAsync("button:has-text('Record the escalation')");
        await page.WaitForURLAsync(EscalationPage());
        var reference = (await page.InnerTextAsync("h1")).Split(' ', '\n')[0].Trim();
        Assert.StartsWith("ESC-2019-", reference, StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(page));

        await page.ClickAsync("a:has-text('Move up a stage')");
        problems.AddRange(await Accessibility.ViolationsAsync(page));
        await page.FillDateAsync("On", new DateOnly(2020, 2, 20));
        await page.CheckAsync("input[name='Reason'][value='NoTimelyResponse']");
        await page.ClickAsync("button:has-text('Move up a stage')");
        await page.WaitForURLAsync(EscalationPage());

        await page.ClickAsync("a:has-text('Record the resolution')");
        await page.ClickAsync("button:has-text('Resolve the escalation')");
        Assert.Contains("Enter the outcome", await page.InnerTextAsync(".govuk-error-summary"), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(page));
        await page.FillDateAsync("On", new DateOnly(2020, 2, 25));
        await page.FillAsync("#Outcome", "Heads of service agreed a strategy discussion");
        await page.FillAsync("#ImpactForChild", "Section 47 enquiry started; the child is safe at home with a plan");
        await page.FillAsync("#Learning", "Acknowledge escalations within one working day");
        await page.ClickAsync("button:has-text('Resolve the escalation')");
        await page.WaitForURLAsync(EscalationPage());

        var timeline = await page.InnerTextAsync(".moj-timeline");
        Assert.Contains("Stage 3: Senior managers or heads of service", timeline, StringComparison.Ordinal);
        Assert.Contains("Stage 2: Line managers", timeline, StringComparison.Ordinal);
        Assert.Contains("No timely response", timeline, StringComparison.Ordinal);
        Assert.Contains("Drifted", timeline, StringComparison.Ordinal);
        Assert.Contains("On time", timeline, StringComparison.Ordinal);
        Assert.Contains("At stage 3 on 25 February 2020", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(page));

        var details = page.Url.Split('?')[0];
        await page.ClickAsync("a:has-text('Edit details')");
        problems.AddRange(await Accessibility.ViolationsAsync(page));
        await page.GotoAsync($"{details}/reopen");
        problems.AddRange(await Accessibility.ViolationsAsync(page));

        await page.GotoAsync($"{server.BaseUrl}/escalations?year=2019-20&status=resolved");
        Assert.Contains(reference, await page.InnerTextAsync("table"), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(page));

        Assert.Empty(problems);
    }

    [GeneratedRegex(@"/escalations/\d+\?notice=")]
    private static partial Regex EscalationPage();
}
