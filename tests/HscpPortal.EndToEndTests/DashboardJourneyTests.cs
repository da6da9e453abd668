using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.EndToEndTests;

/// <summary>The acceptance for the dashboards, in a real browser with axe.</summary>
[Collection(PortalCollection.Name)]
public class DashboardJourneyTests(PortalServer server)
{
    [Fact]
    public async Task QualityChair_SignsIn_LandsOnTheGroupDashboardWithNextMeetingAndActionPlan()
    {
        int qe;
        using (var scope = server.Services.CreateScope())
        {
            // A meeting before the demo's next one (which is at least 24 days away), so the test knows its agenda.
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            qe = db.Groups.Where(g => g.Name == "Quality and Effectiveness Group").Select(g => g.Id).Single();
            db.Meetings.Add(new Meeting
            {
                GroupId = qe, Title = "Winter Q&E", Date = UkTime.Today(TimeProvider.System).AddDays(14), Start = new TimeOnly(10, 0), End = new TimeOnly(12, 0),
                Status = MeetingStatus.Scheduled,
                AgendaItems = [new AgendaItem { Order = 1, Title = "Apologies" }, new AgendaItem { Order = 2, Title = "Audit findings", Purpose = AgendaPurpose.Decision }],
            });
            db.SaveChanges();
        }

        var page = await server.SignInAsync("qe.chair");

        Assert.Equal($"{server.BaseUrl}/groups/{qe}/dashboard", page.Url);
        Assert.Equal("Quality and Effectiveness Group", (await page.InnerTextAsync("h1")).Trim());
        Assert.Contains("Winter Q&E", await page.InnerTextAsync("#tile-next-meeting"), StringComparison.Ordinal);
        // The decision item has no paper yet.
        Assert.Equal("Not ready", (await page.InnerTextAsync("#agenda-status")).Trim());
        Assert.Contains("Action plan", await page.InnerTextAsync("#tile-action-plan"), StringComparison.Ordinal);
        var problems = new List<string>(await Accessibility.ViolationsAsync(page));

        await page.ClickAsync("#action-plan-red");
        await page.WaitForURLAsync(url => url.Contains($"/groups/{qe}/actions?rag=Red", StringComparison.Ordinal));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Scrutineer_OpensThe2023To24Dashboard_SeesElevenEscalationsAndAttendance()
    {
        var page = await server.SignInAsync("scrutineer");
        Assert.Equal($"{server.BaseUrl}/dashboard", page.Url);

        await page.GotoAsync($"{server.BaseUrl}/dashboard?year=2023-24");

        Assert.StartsWith("11", (await page.InnerTextAsync("#escalations-raised")).Trim(), StringComparison.Ordinal);
        Assert.NotNull(await page.QuerySelectorAsync("#tile-board-attendance a[href='/meetings/attendance?year=2023-24']"));
        Assert.NotNull(await page.QuerySelectorAsync("#chart-actions-by-group"));
        Assert.NotNull(await page.QuerySelectorAsync("#tile-publication-deadline"));
        Assert.Empty(await Accessibility.ViolationsAsync(page));
    }

    [Fact]
    public async Task PolicePartner_SignsIn_LandsOnThePartnerDashboardThenMyWork()
    {
        var page = await server.SignInAsync("police.partner");

        Assert.Equal($"{server.BaseUrl}/dashboard/partner", page.Url);
        Assert.Equal("West Mercia Police", (await page.InnerTextAsync("h1")).Trim());
        var problems = new List<string>(await Accessibility.ViolationsAsync(page));

        await page.ClickAsync("#sub-navigation a:has-text('My work')");
        await page.WaitForURLAsync($"{server.BaseUrl}/my-work");
        Assert.NotNull(await page.QuerySelectorAsync("#tile-my-actions"));
        problems.AddRange(await Accessibility.ViolationsAsync(page));
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("scrutineer")]
    [InlineData("qe.chair")]
    [InlineData("police.partner")]
    public async Task Dashboard_OnAPhone_OpensOnNeedsAttentionTodayAndDoesNotScrollSideways(string who)
    {
        // Each of them lands on their own dashboard: the partnership's, the group's, the partner's.
        var page = await server.SignInAsync(who);
        var phone = await server.PhoneLikeAsync(page);
        await phone.GotoAsync(page.Url);

        Assert.Equal("Needs attention today", (await phone.InnerTextAsync("#needs-attention-heading")).Trim());
        List<string> problems = [.. await Accessibility.SidewaysScrollingAsync(phone), .. await Accessibility.ViolationsAsync(phone)];
        Assert.Empty(problems);
    }
}
