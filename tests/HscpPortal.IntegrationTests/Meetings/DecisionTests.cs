using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.IntegrationTests;

/// <summary>Recording decisions at meetings, the ratification of key decisions taken while inquorate, and the decisions log.</summary>
public class DecisionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Q = Demo.QualityAndEffectiveness;

    private int Decisions() => factory.Query(db => db.Decisions.Count());

    private int DecisionId(string title) => factory.Query(db => db.Decisions.Where(d => d.Title == title).Select(d => d.Id).Single());

    private static string Unique(string what) => $"{what} {Guid.NewGuid():N}";

    private static Task<HttpResponseMessage> RecordAsync(HttpClient client, int meetingId, int itemId, string title, bool key, string detail = "") =>
        client.PostFormAsync($"/meetings/{meetingId}/decisions/new", new()
        {
            ["AgendaItemId"] = itemId.ToString(), ["Title"] = title, ["Detail"] = detail, ["IsKey"] = key ? "true" : "false",
        });

    private async Task<int> RecordKeyDecisionWhileInquorateAsync(HttpClient client, DateOnly on, string title)
    {
        var (meeting, items) = factory.AddMeeting(Q, on, quorate: false, title: "Q&E meeting", items: ["Apologies", "Multi-agency audit programme"]);
        var response = await RecordAsync(client, meeting, items[1], title, key: true);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = DecisionId(title);
        Assert.Equal($"/decisions/{id}", response.RedirectPath());
        return id;
    }

    private static async Task<HttpResponseMessage> RatifyAsync(HttpClient client, int decisionId, int meetingId)
    {
        var form = await client.GetDocumentAsync($"/decisions/{decisionId}/ratify");
        return await client.PostFormAsync($"/decisions/{decisionId}/ratify", new()
        {
            ["Version"] = form.InputValue("Version"), ["MeetingId"] = meetingId.ToString(),
        });
    }

    private static async Task<bool> OnRatificationListAsync(HttpClient client, int decisionId) =>
        (await client.GetDocumentAsync("/decisions/ratification")).QuerySelector($"table a[href='/decisions/{decisionId}']") is not null;

    [Fact]
    public async Task RecordDecision_KeyAtInquorateMeeting_IsFlaggedAndListedForRatification()
    {
        var client = await factory.ClientAsync("team");
        var title = Unique("Adopt the neglect toolkit");

        var id = await RecordKeyDecisionWhileInquorateAsync(client, new DateOnly(2019, 6, 10), title);

        var page = await client.GetStringAsync($"/decisions/{id}");
        Assert.Contains($"Needs ratification: taken at a meeting that was not quorate ({MeetingFixtures.PoliceNotRepresented})", page, StringComparison.Ordinal);
        Assert.True(await OnRatificationListAsync(client, id));
        var list = await client.GetStringAsync("/decisions/ratification");
        Assert.Contains(MeetingFixtures.PoliceNotRepresented, list, StringComparison.Ordinal);
        Assert.Contains("10 June 2019", list, StringComparison.Ordinal);
        var saved = factory.Query(db => db.Decisions.AsNoTracking().Single(d => d.Id == id));
        Assert.True(saved.IsKey);
        Assert.Null(saved.RatifiedAtMeetingId);
    }

    [Fact]
    public async Task RecordDecision_NotKeyAtInquorateMeeting_IsNotFlagged()
    {
        var client = await factory.ClientAsync("team");
        var (meeting, items) = factory.AddMeeting(Q, new DateOnly(2019, 7, 1), quorate: false);
        var title = Unique("Note the audit report");

        await RecordAsync(client, meeting, items[0], title, key: false);

        var id = DecisionId(title);
        Assert.DoesNotContain("Needs ratification", await client.GetStringAsync($"/decisions/{id}"), StringComparison.Ordinal);
        Assert.False(await OnRatificationListAsync(client, id));
    }

    [Fact]
    public async Task Ratify_AtEarlierQuorateMeeting_IsRefusedAndStaysOnList()
    {
        var client = await factory.ClientAsync("team");
        var earlier = factory.AddMeeting(Q, new DateOnly(2019, 8, 1), quorate: true).Id;
        var id = await RecordKeyDecisionWhileInquorateAsync(client, new DateOnly(2019, 9, 2), Unique("Commission a thematic review"));

        var response = await RatifyAsync(client, id, earlier);

        await response.AssertErrorsAsync("Select a meeting after 2 September 2019, when the decision was taken");
        Assert.Null(factory.Query(db => db.Decisions.Single(d => d.Id == id).RatifiedAtMeetingId));
        Assert.True(await OnRatificationListAsync(client, id));
    }

    [Fact]
    public async Task Ratify_AtLaterInquorateMeeting_IsRefused()
    {
        var client = await factory.ClientAsync("team");
        var id = await RecordKeyDecisionWhileInquorateAsync(client, new DateOnly(2019, 10, 1), Unique("Agree the audit plan"));
        var laterInquorate = factory.AddMeeting(Q, new DateOnly(2019, 11, 1), quorate: false).Id;

        var response = await RatifyAsync(client, id, laterInquorate);

        await response.AssertErrorsAsync("That meeting was not quorate, so it cannot ratify a key decision. Select a quorate meeting");
        Assert.True(await OnRatificationListAsync(client, id));
    }

    [Fact]
    public async Task Ratify_AtCancelledOrOtherGroupsMeeting_IsRefused()
    {
        var client = await factory.ClientAsync("team");
        var id = await RecordKeyDecisionWhileInquorateAsync(client, new DateOnly(2019, 10, 15), Unique("Agree the escalation protocol"));
        var cancelled = factory.AddMeeting(Q, new DateOnly(2019, 12, 1), quorate: true, status: MeetingStatus.Cancelled).Id;
        var board = factory.AddMeeting(Demo.Board, new DateOnly(2019, 12, 5), quorate: true).Id;

        await (await RatifyAsync(client, id, cancelled)).AssertErrorsAsync("That meeting was cancelled. Select a meeting that was held");
        await (await RatifyAsync(client, id, board)).AssertErrorsAsync(
            $"Select a meeting of the {Q}: only the group that took a decision can ratify it");
        Assert.True(await OnRatificationListAsync(client, id));
    }

    [Fact]
    public async Task Ratify_AtLaterQuorateMeeting_RemovesFromListAndShowsWhere()
    {
        var client = await factory.ClientAsync("team");
        var id = await RecordKeyDecisionWhileInquorateAsync(client, new DateOnly(2020, 1, 6), Unique("Approve the learning brief"));
        var later = factory.AddMeeting(Q, new DateOnly(2020, 3, 2), quorate: true, title: "Spring Q&E").Id;
        Assert.Contains($"value=\"{later}\"", await client.GetStringAsync($"/decisions/{id}/ratify"), StringComparison.Ordinal);

        var response = await RatifyAsync(client, id, later);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/decisions/{id}", response.RedirectPath());
        Assert.Equal(later, factory.Query(db => db.Decisions.Single(d => d.Id == id).RatifiedAtMeetingId));
        Assert.False(await OnRatificationListAsync(client, id));
        var page = await client.GetDocumentAsync($"/decisions/{id}");
        Assert.Contains("Ratified at Spring Q&E on 2 March 2020", page.Body!.TextContent.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.DoesNotContain("Needs ratification", page.Body.TextContent, StringComparison.Ordinal);

        // Once ratified, a second ratification is refused rather than overwriting the first.
        var again = await client.PostFormAsync($"/decisions/{id}/ratify", new()
        {
            ["Version"] = page.InputValue("version"), ["MeetingId"] = later.ToString(),
        });
        await again.AssertErrorsAsync("This decision has already been ratified");
    }

    [Fact]
    public async Task Log_Filters_KeyOnlyYearAndSearch()
    {
        var client = await factory.ClientAsync("member");
        var team = await factory.ClientAsync("team");
        var token = Guid.NewGuid().ToString("N")[..10];
        var (first, firstItems) = factory.AddMeeting(Q, new DateOnly(2021, 5, 10), quorate: true);
        var (second, secondItems) = factory.AddMeeting(Q, new DateOnly(2022, 5, 9), quorate: true);
        await RecordAsync(team, first, firstItems[0], $"Key {token} one", key: true);
        await RecordAsync(team, first, firstItems[1], $"Other {token} two", key: false);
        await RecordAsync(team, second, secondItems[0], $"Key {token} three", key: true);
        await RecordAsync(team, second, secondItems[1], "Adopt the revised thresholds", key: false, detail: $"Agreed after {token.ToUpperInvariant()} discussion");

        async Task<List<string>> Titles(string query) =>
            (await client.GetDocumentAsync("/decisions?" + query)).QuerySelectorAll("tbody a[href^='/decisions/']").Select(a => a.TextContent.Trim()).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["Adopt the revised thresholds", $"Key {token} one", $"Key {token} three", $"Other {token} two"], await Titles($"q={token}"));
        Assert.Equal([$"Key {token} one", $"Key {token} three"], await Titles($"q={token}&key=true"));
        Assert.Equal([$"Key {token} one", $"Other {token} two"], await Titles($"q={token}&year=2021-22"));
        Assert.Equal([$"Key {token} three"], await Titles($"q={token}&year=2022-23&key=true"));
        // The search is case-insensitive and looks in the detail as well as the title.
        Assert.Equal(["Adopt the revised thresholds", $"Key {token} three"], await Titles($"q={token.ToUpperInvariant()}&year=2022-23"));
        Assert.Empty(await Titles($"q={token}&group={factory.GroupId(Demo.Board)}"));
        Assert.Equal(4, (await Titles($"q={token}&group={factory.GroupId(Q)}&year=nonsense")).Count);
    }

    [Fact]
    public async Task Log_NeedsRatificationFilterAndPaging_KeepTheFilterInTheUrl()
    {
        var team = await factory.ClientAsync("team");
        var token = Guid.NewGuid().ToString("N")[..10];
        var (meeting, items) = factory.AddMeeting(Q, new DateOnly(2018, 5, 14), quorate: false);
        for (var i = 0; i < 27; i++)
        {
            await RecordAsync(team, meeting, items[i % 2], $"Paged {token} {i:00}", key: i % 3 != 0);
        }

        var page = await team.GetDocumentAsync($"/decisions?q={token}&ratification=true");

        Assert.Equal(18, page.QuerySelectorAll("tbody a[href^='/decisions/']").Length);
        var all = await team.GetDocumentAsync($"/decisions?q={token}");
        Assert.Equal(25, all.QuerySelectorAll("tbody a[href^='/decisions/']").Length);
        var next = all.QuerySelector("a[rel='next']")!.GetAttribute("href")!;
        Assert.Contains($"q={token}", next, StringComparison.Ordinal);
        Assert.Equal(2, (await team.GetDocumentAsync(next)).QuerySelectorAll("tbody a[href^='/decisions/']").Length);
    }

    [Fact]
    public async Task Member_ReadsDecisionsButCannotRecordOne()
    {
        var client = await factory.ClientAsync("member");
        var (meeting, items) = factory.AddMeeting(Q, new DateOnly(2019, 4, 8), quorate: true);
        var before = Decisions();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/decisions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/decisions/ratification")).StatusCode);
        Assert.True((await client.GetAsync($"/meetings/{meeting}/decisions/new")).IsDenied());
        var posted = await client.PostFormAsync($"/meetings/{meeting}/decisions/new", new()
        {
            ["AgendaItemId"] = items[0].ToString(), ["Title"] = "Member's decision", ["IsKey"] = "false",
        }, formPage: "/decisions");
        Assert.True(posted.IsDenied(), $"{(int)posted.StatusCode} {posted.Headers.Location}");
        Assert.Equal(before, Decisions());
    }

    [Fact]
    public async Task QualityChair_RecordsForOwnGroupButNotForTheBoard()
    {
        var client = await factory.ClientAsync("qe.chair");
        var (qe, qeItems) = factory.AddMeeting(Q, new DateOnly(2019, 5, 13), quorate: true);
        var (board, boardItems) = factory.AddMeeting(Demo.Board, new DateOnly(2019, 5, 20), quorate: true);
        var title = Unique("Chair's decision");

        var own = await RecordAsync(client, qe, qeItems[1], title, key: false);
        var before = Decisions();
        var other = await client.PostFormAsync($"/meetings/{board}/decisions/new", new()
        {
            ["AgendaItemId"] = boardItems[0].ToString(), ["Title"] = "Board decision by the Q&E chair", ["IsKey"] = "false",
        }, formPage: $"/meetings/{qe}/decisions/new");

        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.Equal(qeItems[1], factory.Query(db => db.Decisions.Single(d => d.Title == title).AgendaItemId));
        Assert.True((await client.GetAsync($"/meetings/{board}/decisions/new")).IsDenied());
        Assert.True(other.IsDenied(), $"{(int)other.StatusCode} {other.Headers.Location}");
        Assert.Equal(before, Decisions());
    }

    [Fact]
    public async Task RecordDecision_EmptyForm_ShowsErrorSummaryAndWritesNothing()
    {
        var client = await factory.ClientAsync("team");
        var meeting = factory.AddMeeting(Q, new DateOnly(2019, 4, 15), quorate: true).Id;
        var before = Decisions();

        var response = await client.PostFormAsync($"/meetings/{meeting}/decisions/new", new() { ["AgendaItemId"] = "", ["Title"] = " ", ["Detail"] = "" });

        await response.AssertErrorsAsync("Select the agenda item the decision was taken under", "Enter the decision", "Select whether this is a key decision");
        Assert.Equal(before, Decisions());
    }

    [Fact]
    public async Task RecordDecision_AgendaItemOfAnotherMeetingOrTitleTooLong_IsRefused()
    {
        var client = await factory.ClientAsync("team");
        var meeting = factory.AddMeeting(Q, new DateOnly(2019, 4, 22), quorate: true).Id;
        var otherItem = factory.AddMeeting(Q, new DateOnly(2019, 4, 29), quorate: true).Items[0];
        var before = Decisions();

        var response = await RecordAsync(client, meeting, otherItem, new string('x', 501), key: false);

        await response.AssertErrorsAsync("Select the agenda item the decision was taken under", "The decision must be 500 characters or fewer");
        Assert.Equal(before, Decisions());
    }

    [Fact]
    public async Task RecordDecision_AtCancelledMeeting_IsRefused()
    {
        var client = await factory.ClientAsync("team");
        var (meeting, items) = factory.AddMeeting(Q, new DateOnly(2019, 3, 4), quorate: false, status: MeetingStatus.Cancelled);
        var before = Decisions();

        var response = await RecordAsync(client, meeting, items[0], "Decided at a cancelled meeting", key: true);

        await response.AssertErrorsAsync("This meeting was cancelled, so no decisions were taken at it");
        Assert.Equal(before, Decisions());
    }

    [Fact]
    public async Task EditAndArchive_KeyDecision_UpdatesAndLeavesTheLists()
    {
        var client = await factory.ClientAsync("team");
        var id = await RecordKeyDecisionWhileInquorateAsync(client, new DateOnly(2020, 2, 3), Unique("Fund the neglect pilot"));
        var form = await client.GetDocumentAsync($"/decisions/{id}/edit");
        var title = Unique("Fund the neglect pilot for a year");

        var saved = await client.PostFormAsync($"/decisions/{id}/edit", new()
        {
            ["Version"] = form.InputValue("Version"), ["AgendaItemId"] = form.QuerySelector("#AgendaItemId option[selected]")!.GetAttribute("value")!,
            ["Title"] = title, ["Detail"] = "Subject to the budget", ["IsKey"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(title, factory.Query(db => db.Decisions.Single(d => d.Id == id).Title));

        var page = await client.GetDocumentAsync($"/decisions/{id}");
        var archived = await client.PostFormAsync($"/decisions/{id}/archive", new() { ["version"] = page.InputValue("version") }, formPage: $"/decisions/{id}");

        Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
        Assert.NotNull(factory.Query(db => db.Decisions.Single(d => d.Id == id).ArchivedAt));
        Assert.False(await OnRatificationListAsync(client, id));
        Assert.Empty((await client.GetDocumentAsync($"/decisions?q={Uri.EscapeDataString(title)}")).QuerySelectorAll("tbody a[href^='/decisions/']"));
        Assert.Contains("/audit/Decision/" + id, await client.GetStringAsync($"/decisions/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeetingDecisions_ListsDecisionsByAgendaItemWithTags()
    {
        var client = await factory.ClientAsync("team");
        var (meeting, items) = factory.AddMeeting(Q, new DateOnly(2019, 2, 11), quorate: false, items: ["Apologies", "Section 11 returns", "Scorecard"]);
        var key = Unique("Key at item two");
        var note = Unique("Noted at item three");
        await RecordAsync(client, meeting, items[1], key, key: true);
        await RecordAsync(client, meeting, items[2], note, key: false);

        var html = await factory.RenderViewComponentAsync("MeetingDecisions", new { meetingId = meeting }, MeetingFixtures.Team);
        var asMember = await factory.RenderViewComponentAsync("MeetingDecisions", new { meetingId = meeting }, MeetingFixtures.Principal("Member"));

        Assert.Contains("2. Section 11 returns", html, StringComparison.Ordinal);
        Assert.Contains("3. Scorecard", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf(key, StringComparison.Ordinal) < html.IndexOf(note, StringComparison.Ordinal));
        Assert.Contains($"href=\"/decisions/{DecisionId(key)}\"", html, StringComparison.Ordinal);
        Assert.Contains("Needs ratification", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/meetings/{meeting}/decisions/new\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/meetings/{meeting}/decisions/new\"", asMember, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EditPage_SavedKeyAnswer_IsTickedSoSavingUnchangedSucceeds(bool key)
    {
        var client = await factory.ClientAsync("team");
        var (meeting, items) = factory.AddMeeting(Q, new DateOnly(2024, 7, 8), quorate: true);
        var id = factory.AddDecision(meeting, items[1], Unique("Ticked answer"), isKey: key);

        var page = await client.GetDocumentAsync($"/decisions/{id}/edit");
        var form = page.PostForms($"/decisions/{id}/edit").Single(f => f.ActionPath == $"/decisions/{id}/edit");
        var saved = await client.SubmitAsync(form, form.Defaults());

        Assert.Equal(key ? "true" : "false", page.QuerySelector("input[name=IsKey][checked]")?.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }
}
