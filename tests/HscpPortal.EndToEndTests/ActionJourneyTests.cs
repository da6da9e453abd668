using System.Text.RegularExpressions;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HscpPortal.EndToEndTests;

/// <summary>An owner updates their action from My actions, and the chair sees the update and signs the action off, with axe on each page.</summary>
[Collection(PortalCollection.Name)]
public partial class ActionJourneyTests(PortalServer server)
{
    private int AddAction(string title)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // Joanne Tilley is the demo "member"; Claire Ashdown, "qe.chair", chairs Quality and Effectiveness.
        var owner = db.People.Single(p => p.FullName == "Joanne Tilley");
        var action = new ActionItem
        {
            Title = title,
            GroupId = db.Groups.Where(g => g.Name == "Quality and Effectiveness Group").Select(g => g.Id).Single(),
            OwnerPersonId = owner.Id, OwnerOrganisationId = owner.OrganisationId,
            DueDate = UkTime.Today(TimeProvider.System).AddDays(-2), Status = ActionStatus.NotStarted,
            Source = ActionSource.Audit, SourceReference = "Neglect multi-agency audit 2024",
        };
        db.Actions.Add(action);
        db.SaveChanges();
        return action.Id;
    }

    [Fact]
    public async Task OwnerUpdatesInPlace_ChairSeesItAndSignsOff_EachPagePassesAxe()
    {
        const string title = "Share the neglect audit findings with schools";
        var id = AddAction(title);
        var problems = new List<string>();

        var owner = await server.SignInAsync("member");
        await owner.GotoAsync($"{server.BaseUrl}/actions/mine");
        Assert.Contains("Overdue by 2 days", await owner.InnerTextAsync($"tr:has(a[href='/actions/{id}'])"), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(owner));

        // A note is needed: the empty update comes back on the update page with the error summary.
        await owner.ClickAsync($"form[action='/actions/{id}/updates'] button");
        Assert.Contains("Enter a progress note", await owner.InnerTextAsync(".govuk-error-summary"), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(owner));

        await owner.GotoAsync($"{server.BaseUrl}/actions/mine");
        await owner.SelectOptionAsync($"#status-{id}", "OnTrack");
        await owner.FillAsync($"#note-{id}", "Briefing drafted with the education safeguarding team");
        await owner.ClickAsync($"form[action='/actions/{id}/updates'] button");
        await owner.WaitForURLAsync(MinePage());
        Assert.Contains("Your changes have been saved", await owner.InnerTextAsync("main"), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(owner));

        await owner.GotoAsync($"{server.BaseUrl}/actions/{id}/request-sign-off");
        await owner.FillAsync("#Evidence", "All 42 schools briefed; referrals for neglect now cite the toolkit");
        problems.AddRange(await Accessibility.ViolationsAsync(owner));
        await owner.ClickAsync("button:has-text('Ask for sign-off')");
        await owner.WaitForURLAsync(ActionPage());
        Assert.Contains("Awaiting the chair's sign-off", await owner.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(0, await owner.Locator("a:has-text('Sign off as complete')").CountAsync());

        var chair = await server.SignInAsync("qe.chair");
        await chair.GotoAsync($"{server.BaseUrl}/actions/{id}");
        var timeline = await chair.InnerTextAsync(".moj-timeline");
        Assert.Contains("Briefing drafted with the education safeguarding team", timeline, StringComparison.Ordinal);
        Assert.Contains("Status changed from not started to on track", timeline, StringComparison.Ordinal);
        Assert.Contains("by Joanne Tilley", timeline, StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(chair));

        await chair.ClickAsync("a:has-text('Sign off as complete')");
        problems.AddRange(await Accessibility.ViolationsAsync(chair));
        await chair.ClickAsync("button:has-text('Sign off as complete')");
        await chair.WaitForURLAsync(ActionPage());
        var main = await chair.InnerTextAsync("main");
        Assert.Contains("Complete", await chair.InnerTextAsync(".govuk-tag"), StringComparison.Ordinal);
        Assert.Contains("signed off by Claire Ashdown", main, StringComparison.Ordinal);
        Assert.Contains("All 42 schools briefed", main, StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(chair));

        Assert.Empty(problems);
    }

    [Fact]
    public async Task ActionFromASection11Return_RaisedEditedClosedAndReopened_EachPagePassesAxe()
    {
        var page = await server.SignInAsync("team");
        var problems = new List<string>();

        await page.GotoAsync($"{server.BaseUrl}/actions/new");
        await page.CheckAsync("input[name='Source'][value='Section11']");
        await page.ClickAsync("button:has-text('Save')");
        Assert.Contains("Enter the section 11 return the action comes from", await page.InnerTextAsync(".govuk-error-summary"), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(page));

        await page.SelectOptionAsync("#GroupId", new SelectOptionValue { Label = "Quality and Effectiveness Group" });
        await page.FillAsync("#SourceReference", "Section 11 return 2023");
        await page.FillAsync("#Title", "Follow up agencies that missed the Section 11 deadline");
        await page.ChooseAsync("OwnerPersonId", "Fairb", "Ian Fairbairn");
        await page.FillDateAsync("DueDate", UkTime.Today(TimeProvider.System).AddDays(30));
        await page.ClickAsync("button:has-text('Save')");
        await page.WaitForURLAsync(CreatedPage());
        Assert.Contains("Section 11 return: Section 11 return 2023", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(page));
        var actionUrl = page.Url.Split('?')[0];

        await page.ClickAsync("a:has-text('Edit')");
        problems.AddRange(await Accessibility.ViolationsAsync(page));
        await page.FillAsync("#Title", "Follow up the three agencies that missed the Section 11 deadline");
        await page.ClickAsync("button:has-text('Save')");
        await page.WaitForURLAsync(ActionPage());

        await page.GotoAsync(actionUrl + "/update");
        problems.AddRange(await Accessibility.ViolationsAsync(page));
        await page.GotoAsync(actionUrl + "/close");
        await page.ClickAsync("button:has-text('Close action')");
        Assert.Contains("Enter why the action is closed", await page.InnerTextAsync(".govuk-error-summary"), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(page));
        await page.FillAsync("#Reason", "Transferred to the Section 11 panel's plan");
        await page.ClickAsync("button:has-text('Close action')");
        await page.WaitForURLAsync(ActionPage());
        Assert.Contains("Transferred to the Section 11 panel's plan", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(page));

        await page.ClickAsync("a:has-text('Reopen')");
        problems.AddRange(await Accessibility.ViolationsAsync(page));
        await page.FillAsync("#Reason", "The panel declined the transfer");
        await page.ClickAsync("button:has-text('Reopen action')");
        await page.WaitForURLAsync(ActionPage());
        Assert.Contains("On track", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        Assert.Empty(problems);
    }

    [GeneratedRegex(@"/actions/\d+\?notice=created")]
    private static partial Regex CreatedPage();

    [GeneratedRegex(@"/actions/mine\?notice=saved")]
    private static partial Regex MinePage();

    [GeneratedRegex(@"/actions/\d+\?notice=saved")]
    private static partial Regex ActionPage();
}
