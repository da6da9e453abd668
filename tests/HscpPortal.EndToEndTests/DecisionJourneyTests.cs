using System.Text.RegularExpressions;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HscpPortal.EndToEndTests;

/// <summary>A key decision taken while inquorate, through to its ratification, and an action arising, in a real browser with axe.</summary>
[Collection(PortalCollection.Name)]
public partial class DecisionJourneyTests(PortalServer server)
{
    private int AddMeeting(string title, DateOnly date, bool quorate)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var meeting = new Meeting
        {
            GroupId = db.Groups.Where(g => g.Name == "Quality and Effectiveness Group").Select(g => g.Id).Single(),
            Title = title, Date = date, Start = new TimeOnly(10, 0), End = new TimeOnly(12, 0), Status = MeetingStatus.Held,
            IsQuorate = quorate, QuorumStatement = quorate ? "Quorate" : "Not quorate: Police not represented",
            AgendaItems = [new AgendaItem { Order = 1, Title = "Apologies" }, new AgendaItem { Order = 2, Title = "Audit programme" }],
        };
        db.Meetings.Add(meeting);
        db.SaveChanges();
        return meeting.Id;
    }

    [Fact]
    public async Task KeyDecisionWhileInquorate_RecordedThenRatified_EachPagePassesAxe()
    {
        var inquorate = AddMeeting("Summer Q&E", new DateOnly(2018, 7, 2), quorate: false);
        var later = AddMeeting("Autumn Q&E", new DateOnly(2018, 10, 1), quorate: true);
        var page = await server.SignInAsync("qe.chair");
        var problems = new List<string>();

        await page.GotoAsync($"{server.BaseUrl}/meetings/{inquorate}/decisions/new");
        problems.AddRange(await Accessibility.ViolationsAsync(page));
        await page.ClickAsync("button:has-text('Save')");
        Assert.Contains("Enter the decision", await page.InnerTextAsync(".govuk-error-summary"), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(page));

        await page.SelectOptionAsync("#AgendaItemId", new SelectOptionValue { Label = "2. Audit programme" });
        await page.FillAsync("#Title", "Adopt the 2018-19 audit programme");
        await page.CheckAsync("#IsKey");
        await page.ClickAsync("button:has-text('Save')");
        await page.WaitForURLAsync(DecisionPage());
        Assert.Contains("Needs ratification: taken at a meeting that was not quorate (Not quorate: Police not represented)", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(page));

        await page.GotoAsync($"{server.BaseUrl}/decisions/ratification");
        problems.AddRange(await Accessibility.ViolationsAsync(page));
        await page.ClickAsync("table a[href$='/ratify']");
        await page.ClickAsync("button:has-text('Record ratification')");
        Assert.Contains("Select the meeting that ratified the decision", await page.InnerTextAsync(".govuk-error-summary"), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(page));
        await page.SelectOptionAsync("#MeetingId", later.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("button:has-text('Record ratification')");
        await page.WaitForURLAsync(DecisionPage());
        Assert.Contains("Ratified at Autumn Q&E on 1 October 2018", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        await page.GotoAsync($"{server.BaseUrl}/decisions?year=2018-19&key=true");
        Assert.Contains("Adopt the 2018-19 audit programme", await page.InnerTextAsync("table"), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(page));

        Assert.Empty(problems);
    }

    [Fact]
    public async Task ActionArising_Recorded_FormAndActionPagePassAxe()
    {
        var meeting = AddMeeting("Winter Q&E", new DateOnly(2018, 12, 3), quorate: true);
        var page = await server.SignInAsync("team");
        var problems = new List<string>();

        await page.GotoAsync($"{server.BaseUrl}/meetings/{meeting}/actions/new");
        await page.ClickAsync("button:has-text('Save')");
        Assert.Contains("Enter the date the action is due", await page.InnerTextAsync(".govuk-error-summary"), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(page));

        await page.SelectOptionAsync("#AgendaItemId", new SelectOptionValue { Label = "2. Audit programme" });
        await page.FillAsync("#Title", "Circulate the audit programme to all agencies");
        await page.ChooseAsync("OwnerPersonId", "Fairb", "Ian Fairbairn");
        await page.FillDateAsync("DueDate", new DateOnly(2019, 1, 31));
        await page.ClickAsync("button:has-text('Save')");
        await page.WaitForURLAsync(ActionPage());
        Assert.Contains("Winter Q&E, 3 December 2018", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(page));

        Assert.Empty(problems);
    }

    [GeneratedRegex(@"/decisions/\d+\?notice=")]
    private static partial Regex DecisionPage();

    [GeneratedRegex(@"/actions/\d+\?notice=created")]
    private static partial Regex ActionPage();
}
