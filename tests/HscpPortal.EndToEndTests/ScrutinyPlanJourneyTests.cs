using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace HscpPortal.EndToEndTests;

/// <summary>
/// The scrutineer drafts this year's scrutiny plan and puts it to the partners; the council's, the ICB's and the
/// police's partners each approve it for their own organisation, and the plan then shows approved with each approver's
/// name and date. The demo's only plan (2024-25) is approved already, so the journey uses the year running today.
/// One browser context per user, and axe on each kind of page.
/// </summary>
[Collection(PortalCollection.Name)]
public partial class ScrutinyPlanJourneyTests(PortalServer server)
{
    [Fact]
    public async Task Plan_PutToThePartners_EachApproves_ShowsApprovedWithNamesAndDates()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")));
        var startYear = today.Month >= 4 ? today.Year : today.Year - 1;
        var year = $"{startYear}-{(startYear + 1) % 100:00}";
        var problems = new List<string>();

        var scrutineer = await server.SignInAsync("scrutineer");
        await scrutineer.GotoAsync($"{server.BaseUrl}/scrutiny/plans/{year}");
        await scrutineer.ClickAsync("a:has-text('Draft the plan')");
        await scrutineer.ClickAsync("button:has-text('Save the plan')");
        Assert.Contains("Enter", await scrutineer.InnerTextAsync(".govuk-error-summary"), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(scrutineer));
        await scrutineer.FillAsync("#Summary", "Scrutiny follows the partnership's priorities: the front door, exploitation and the voice of the child.");
        await scrutineer.ClickAsync("button:has-text('Save the plan')");
        await scrutineer.WaitForURLAsync(PlanPage());

        await scrutineer.ClickAsync("a:has-text('Add a planned item')");
        await scrutineer.FillAsync("#Subject", "Walk the floor at the multi-agency safeguarding hub");
        await scrutineer.CheckAsync("input[name='Kind'][value='WalkTheFloor']");
        await scrutineer.SelectOptionAsync("#Quarter", "3");
        await scrutineer.FillAsync("#Reason", "Contacts rose in the first half of the year");
        problems.AddRange(await Accessibility.ViolationsAsync(scrutineer));
        await scrutineer.ClickAsync("button:has-text('Save the item')");
        await scrutineer.WaitForURLAsync(PlanPage());
        await scrutineer.ClickAsync("button:has-text('Put the plan to the partners for approval')");
        await scrutineer.WaitForURLAsync(PlanPage());
        Assert.Equal("Awaiting approval", (await scrutineer.InnerTextAsync("#plan-status")).Trim());
        problems.AddRange(await Accessibility.ViolationsAsync(scrutineer));

        foreach (var (who, organisation) in new[] { ("council.partner", "Herefordshire Council"), ("icb.partner", "Integrated Care Board"), ("police.partner", "West Mercia Police") })
        {
            var partner = await server.SignInAsync(who);
            await partner.GotoAsync($"{server.BaseUrl}/scrutiny/plans/{year}");
            if (who == "council.partner")
            {
                problems.AddRange(await Accessibility.ViolationsAsync(partner));
            }

            var approve = partner.Locator("button", new PageLocatorOptions { HasTextString = "Approve the plan for" });
            Assert.Equal(1, await approve.CountAsync());
            Assert.Contains(organisation, await approve.InnerTextAsync(), StringComparison.Ordinal);
            await approve.ClickAsync();
            await partner.WaitForURLAsync(PlanPage());
            Assert.Equal(0, await partner.Locator("button", new PageLocatorOptions { HasTextString = "Approve the plan for" }).CountAsync());
            await partner.Context.CloseAsync();
        }

        await scrutineer.ReloadAsync();
        Assert.Equal("Approved", (await scrutineer.InnerTextAsync("#plan-status")).Trim());
        var on = today.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        var approvals = await scrutineer.Locator("[data-approval]").AllInnerTextsAsync();
        Assert.Equal(3, approvals.Count);
        Assert.All(approvals, a => Assert.Matches($@"^Approved by \S.* \((lead|delegated) partner\) on {Regex.Escape(on)}$", a.Trim()));
        problems.AddRange(await Accessibility.ViolationsAsync(scrutineer));

        Assert.Empty(problems);
    }

    [GeneratedRegex(@"/scrutiny/plans/\d{4}-\d{2}\?notice=")]
    private static partial Regex PlanPage();
}
