using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HscpPortal.EndToEndTests;

/// <summary>The minutes of a meeting taken through their lifecycle in the browser, with axe on every page on the way.</summary>
[Collection(PortalCollection.Name)]
public class MinutesJourneyTests(PortalServer server)
{
    private (int Meeting, int Later) CreateMeetings()
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var group = db.Groups.Single(g => g.Name == "Quality and Effectiveness Group").Id;
        var person = db.People.OrderBy(p => p.Id).First();
        Meeting Held(DateOnly on) => new()
        {
            GroupId = group, Date = on, Start = new TimeOnly(10, 0), End = new TimeOnly(12, 0), Location = "Plough Lane, Hereford",
            Status = MeetingStatus.Held, IsQuorate = true, QuorumStatement = "All three statutory partners were represented.",
        };
        var meeting = Held(new DateOnly(2031, 2, 10));
        meeting.AgendaItems =
        [
            new AgendaItem { Order = 1, Title = "Welcome and apologies" },
            new AgendaItem { Order = 2, Title = "Neglect audit", Presenter = "Graham Lister", Purpose = AgendaPurpose.Decision },
        ];
        meeting.Attendance = [new Attendance { PersonId = person.Id, OrganisationId = person.OrganisationId, Status = AttendanceStatus.Present }];
        var later = Held(new DateOnly(2031, 4, 14));
        db.Meetings.AddRange(meeting, later);
        db.SaveChanges();
        return (meeting.Id, later.Id);
    }

    private static async Task AssertAccessibleAsync(IPage page) => Assert.Empty(await Accessibility.ViolationsAsync(page));

    [Fact]
    public async Task Minutes_DraftedCirculatedApprovedAndChanged_EveryPagePassesAxe()
    {
        var (meeting, later) = CreateMeetings();
        var page = await server.SignInAsync("team");
        var minutes = $"{server.BaseUrl}/meetings/{meeting}/minutes";

        await page.GotoAsync(minutes);
        await AssertAccessibleAsync(page);
        await page.FillAsync("#Items-0--Minutes", "Apologies were received from the police.");
        await page.FillAsync("#Items-1--Minutes", "The group **agreed** the audit's findings.\n\n- re-audit in June");
        await page.ClickAsync("button:has-text('Save the minutes')");
        await page.WaitForURLAsync($"{minutes}?notice=saved");
        await AssertAccessibleAsync(page);

        await page.ClickAsync("a:has-text('Circulate the minutes')");
        await AssertAccessibleAsync(page);
        await page.ClickAsync("button:has-text('Circulate the minutes')");
        await page.WaitForURLAsync($"{minutes}?notice=circulated");
        Assert.StartsWith("Minutes of the meeting on 10 February 2031 circulated on ", await page.InnerTextAsync(".govuk-notification-banner--success .govuk-notification-banner__heading"), StringComparison.Ordinal);

        await page.ClickAsync("a:has-text('Record their approval')");
        await AssertAccessibleAsync(page);
        await page.SelectOptionAsync("#ApprovedAtMeetingId", later.ToString());
        await page.ClickAsync("button:has-text('Approve the minutes')");
        await page.WaitForURLAsync($"{minutes}?notice=approved");
        Assert.Equal("Minutes approved at the meeting of 14 April 2031.", (await page.InnerTextAsync(".govuk-notification-banner--success .govuk-notification-banner__heading")).Trim());
        Assert.Contains("Approved", await page.InnerTextAsync(".govuk-summary-list"), StringComparison.Ordinal);

        // Approved minutes open to be read; changing them is a step of its own that asks for a reason.
        Assert.Equal(0, await page.Locator("textarea").CountAsync());
        await AssertAccessibleAsync(page);
        await page.ClickAsync("a:has-text('Change the minutes (needs a reason)')");
        await AssertAccessibleAsync(page);

        // A change to approved minutes without a reason is refused with the GOV.UK error summary.
        await page.FillAsync("#Items-1--Minutes", "The group agreed the findings and a re-audit in June.");
        await page.ClickAsync("button:has-text('Save the minutes')");
        Assert.Contains("Enter why the approved minutes are being changed", await page.InnerTextAsync(".govuk-error-summary"), StringComparison.Ordinal);
        await AssertAccessibleAsync(page);

        await page.FillAsync("#Reason", "The re-audit date was missing.");
        await page.ClickAsync("button:has-text('Save the minutes')");
        await page.WaitForURLAsync($"{minutes}?notice=saved");

        await page.ClickAsync("text=Earlier versions (1)");
        await AssertAccessibleAsync(page);
        var version1 = await page.InnerTextAsync("section[aria-labelledby='version-1']");
        Assert.Contains("re-audit in June", version1, StringComparison.Ordinal);
        Assert.DoesNotContain("re-audit in June.", version1, StringComparison.Ordinal);

        await page.GotoAsync($"{minutes}/print");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Minutes_Member_ReadsThemAndTheirPrintVersion()
    {
        var (meeting, _) = CreateMeetings();
        var page = await server.SignInAsync("member");

        await page.GotoAsync($"{server.BaseUrl}/meetings/{meeting}/minutes");
        await AssertAccessibleAsync(page);
        Assert.Equal(0, await page.Locator("textarea").CountAsync());

        await page.GotoAsync($"{server.BaseUrl}/meetings/{meeting}/minutes/print");
        await AssertAccessibleAsync(page);
    }
}
