using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.IntegrationTests;

/// <summary>Actions arising from a meeting's agenda items, and the matters arising they become at the group's later meetings.</summary>
public class ActionsArisingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Q = Demo.QualityAndEffectiveness;

    private int Actions() => factory.Query(db => db.Actions.Count());

    private ActionItem Action(string title) => factory.Query(db => db.Actions.AsNoTracking().Single(a => a.Title == title));

    private static string Unique(string what) => $"{what} {Guid.NewGuid():N}";

    private Task<HttpResponseMessage> RecordAsync(HttpClient client, int meetingId, int itemId, string title, string due, string owner = "Ian Fairbairn", string organisation = "") =>
        client.PostFormAsync($"/meetings/{meetingId}/actions/new?agendaItemId={itemId}", new()
        {
            ["AgendaItemId"] = itemId.ToString(), ["Title"] = title, ["Description"] = "", ["OwnerPersonId"] = factory.PersonId(owner).ToString(),
            ["OwnerOrganisationId"] = organisation, ["DueDate"] = due,
        });

    [Fact]
    public async Task RecordAction_FromAgendaItem_LinksMeetingGroupAndOwnersOrganisation()
    {
        var client = await factory.ClientAsync("team");
        var (meeting, items) = factory.AddMeeting(Q, new DateOnly(2024, 1, 15), quorate: true, items: ["Apologies", "Audit findings"]);
        var title = Unique("Re-audit strategy discussions");

        var response = await RecordAsync(client, meeting, items[1], title, "2024-03-31");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var action = Action(title);
        Assert.Equal($"/actions/{action.Id}", response.RedirectPath());
        Assert.Equal(factory.GroupId(Q), action.GroupId);
        Assert.Equal(meeting, action.MeetingId);
        Assert.Equal(items[1], action.AgendaItemId);
        Assert.Equal(ActionSource.Meeting, action.Source);
        Assert.Equal(ActionStatus.NotStarted, action.Status);
        Assert.Equal(new DateOnly(2024, 3, 31), action.DueDate);
        Assert.Equal(factory.Query(db => db.People.Single(p => p.FullName == "Ian Fairbairn").OrganisationId), action.OwnerOrganisationId);

        var page = (await client.GetDocumentAsync($"/actions/{action.Id}")).Body!.TextContent;
        Assert.Contains("Ian Fairbairn", page, StringComparison.Ordinal);
        Assert.Contains("31 March 2024", page, StringComparison.Ordinal);
        Assert.Contains("Overdue", page, StringComparison.Ordinal);
        Assert.Contains("Arising from Meeting, 15 January 2024, item 2. Audit findings", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAction_WithOwningAgency_KeepsTheAgencyChosen()
    {
        var client = await factory.ClientAsync("team");
        var (meeting, items) = factory.AddMeeting(Q, new DateOnly(2024, 2, 5), quorate: true);
        var title = Unique("Share the briefing with schools");
        var council = factory.OrganisationId(Demo.Council);

        await RecordAsync(client, meeting, items[0], title, "2024-04-30", organisation: council.ToString());

        Assert.Equal(council, Action(title).OwnerOrganisationId);
    }

    [Fact]
    public async Task RecordAction_EmptyForm_ListsEachProblemAndWritesNothing()
    {
        var client = await factory.ClientAsync("team");
        var meeting = factory.AddMeeting(Q, new DateOnly(2024, 2, 12), quorate: true).Id;
        var before = Actions();

        var response = await client.PostFormAsync($"/meetings/{meeting}/actions/new", new()
        {
            ["AgendaItemId"] = "", ["Title"] = "", ["OwnerPersonId"] = "", ["OwnerOrganisationId"] = "", ["DueDate"] = "",
        });

        await response.AssertErrorsAsync("Select the agenda item the action arose from", "Enter the action", "Select who owns the action", "Enter the date the action is due");
        Assert.Equal(before, Actions());
    }

    [Fact]
    public async Task RecordAction_TitleTooLongOrDueBeforeMeeting_IsRefused()
    {
        var client = await factory.ClientAsync("team");
        var (meeting, items) = factory.AddMeeting(Q, new DateOnly(2024, 2, 19), quorate: true);
        var before = Actions();

        var response = await RecordAsync(client, meeting, items[0], new string('a', 501), "2024-02-18");

        await response.AssertErrorsAsync("The action must be 500 characters or fewer", "The due date must be on or after the meeting, 19 February 2024");
        Assert.Equal(before, Actions());
    }

    [Fact]
    public async Task RecordAction_ForAnotherGroupsMeeting_IsDeniedToQualityChair()
    {
        var client = await factory.ClientAsync("qe.chair");
        var (board, items) = factory.AddMeeting(Demo.Board, new DateOnly(2024, 3, 4), quorate: true);
        var before = Actions();

        Assert.True((await client.GetAsync($"/meetings/{board}/actions/new")).IsDenied());
        var own = factory.AddMeeting(Q, new DateOnly(2024, 3, 5), quorate: true).Id;
        var response = await client.PostFormAsync($"/meetings/{board}/actions/new", new()
        {
            ["AgendaItemId"] = items[0].ToString(), ["Title"] = "Board action by the Q&E chair", ["OwnerPersonId"] = factory.PersonId("Ian Fairbairn").ToString(), ["DueDate"] = "2024-06-30",
        }, formPage: $"/meetings/{own}/actions/new");

        Assert.True(response.IsDenied());
        Assert.Equal(before, Actions());
    }

    [Fact]
    public async Task MeetingActions_ShowsActionsArisingAndOpenOnesAsMattersArisingLater()
    {
        var client = await factory.ClientAsync("team");
        var (first, items) = factory.AddMeeting(Q, new DateOnly(2023, 6, 5), quorate: true, items: ["Apologies", "Scorecard"]);
        var later = factory.AddMeeting(Q, new DateOnly(2023, 9, 4), quorate: true).Id;
        var earlier = factory.AddMeeting(Q, new DateOnly(2023, 3, 6), quorate: true).Id;
        var otherGroup = factory.AddMeeting(Demo.Board, new DateOnly(2023, 9, 11), quorate: true).Id;
        var open = Unique("Refresh the scorecard measures");
        var done = Unique("Circulate the scorecard");
        await RecordAsync(client, first, items[1], open, "2023-07-31");
        await RecordAsync(client, first, items[1], done, "2023-07-31");
        factory.Query(db => db.Actions.Where(a => a.Title == done).ExecuteUpdate(s => s.SetProperty(a => a.Status, ActionStatus.Completed)));

        var atFirst = await factory.RenderViewComponentAsync("MeetingActions", new { meetingId = first }, MeetingFixtures.Team);
        var atLater = await factory.RenderViewComponentAsync("MeetingActions", new { meetingId = later }, MeetingFixtures.Team);
        var atEarlier = await factory.RenderViewComponentAsync("MeetingActions", new { meetingId = earlier }, MeetingFixtures.Team);
        var atOtherGroup = await factory.RenderViewComponentAsync("MeetingActions", new { meetingId = otherGroup }, MeetingFixtures.Team);

        var openId = Action(open).Id;
        Assert.Contains($"href=\"/actions/{openId}\"", atFirst, StringComparison.Ordinal);
        Assert.Contains($"href=\"/actions/{Action(done).Id}\"", atFirst, StringComparison.Ordinal);
        Assert.Contains("2. Scorecard", atFirst, StringComparison.Ordinal);
        Assert.Contains($"href=\"/meetings/{first}/actions/new\"", atFirst, StringComparison.Ordinal);

        var matters = Section(atLater, "matters-arising-heading");
        Assert.Contains($"href=\"/actions/{openId}\"", matters, StringComparison.Ordinal);
        Assert.DoesNotContain(done, matters, StringComparison.Ordinal);
        Assert.Contains("31 July 2023", matters, StringComparison.Ordinal);
        Assert.Contains("Ian Fairbairn", matters, StringComparison.Ordinal);
        Assert.Contains("Overdue", matters, StringComparison.Ordinal);
        Assert.DoesNotContain(open, Section(atLater, "actions-arising-heading"), StringComparison.Ordinal);

        Assert.DoesNotContain(open, atEarlier, StringComparison.Ordinal);
        Assert.DoesNotContain(open, atOtherGroup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeetingActions_ForMember_OffersNoRecordLink()
    {
        var meeting = factory.AddMeeting(Q, new DateOnly(2023, 12, 4), quorate: true).Id;

        var html = await factory.RenderViewComponentAsync("MeetingActions", new { meetingId = meeting }, MeetingFixtures.Principal("Member"));

        Assert.Contains("Actions arising", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/actions/new", html, StringComparison.Ordinal);
    }

    /// <summary>The HTML of one section of the component, found by its heading's id.</summary>
    private static string Section(string html, string headingId)
    {
        var start = html.LastIndexOf("<section", html.IndexOf($"id=\"{headingId}\"", StringComparison.Ordinal), StringComparison.Ordinal);
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }
}
