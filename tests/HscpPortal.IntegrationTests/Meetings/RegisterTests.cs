using System.Net;
using AngleSharp.Html.Dom;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.IntegrationTests;

/// <summary>The attendance register as one page and one save, and the steps of a meeting that cannot come before it happened.</summary>
public class RegisterTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private int Board => factory.GroupId(Demo.Board);

    private static int nextDay;

    /// <summary>A board meeting of its own: in the past (held) unless a future date is asked for (scheduled).</summary>
    private int NewBoardMeeting(bool future = false)
    {
        var day = Interlocked.Increment(ref nextDay);
        if (!future)
        {
            return factory.AddMeetingWithPaper(Board, new DateOnly(2024, 3, 4).AddDays(-7 * day)).MeetingId;
        }

        var meeting = factory.AddMeetingWithPaper(Board, new DateOnly(2035, 1, 1).AddDays(day)).MeetingId;
        factory.Query(db => db.Meetings.Where(m => m.Id == meeting).ExecuteUpdate(s => s.SetProperty(m => m.Status, MeetingStatus.Scheduled)));
        return meeting;
    }

    private static string Url(int meeting) => $"/meetings/{meeting}/attendance";

    /// <summary>The register's index for the person, from the hidden PersonId fields the page posts.</summary>
    private int LineOf(Dictionary<string, string> fields, string person)
    {
        var id = factory.PersonId(person).ToString();
        return int.Parse(fields.Single(f => f.Key.EndsWith("].PersonId", StringComparison.Ordinal) && f.Key.StartsWith("Lines[", StringComparison.Ordinal) && f.Value == id).Key[6..^10]);
    }

    private static int LineCount(Dictionary<string, string> fields) =>
        fields.Keys.Count(k => k.StartsWith("Lines[", StringComparison.Ordinal) && k.EndsWith("].PersonId", StringComparison.Ordinal));

    private static string? CheckedStatus(IHtmlDocument page, int line) =>
        page.QuerySelector($"input[name='Lines[{line}].Status']:checked")?.GetAttribute("value");

    /// <summary>People who are not in the register, to add as guests.</summary>
    private List<int> Outsiders(Dictionary<string, string> fields, int count)
    {
        var inRegister = fields.Where(f => f.Key.StartsWith("Lines[", StringComparison.Ordinal) && f.Key.EndsWith("].PersonId", StringComparison.Ordinal)).Select(f => int.Parse(f.Value)).ToHashSet();
        return factory.Query(db => db.People.AsNoTracking().OrderBy(p => p.Id).ToList())
            .Where(p => p.IsLive() && !inRegister.Contains(p.Id)).Select(p => p.Id).Take(count).ToList();
    }

    [Fact]
    public async Task SaveRegister_TwentyPeopleMembersGuestsAndADeputy_SavedInOnePost()
    {
        var client = await factory.SignInAsync("team");
        var meeting = NewBoardMeeting();
        var fields = (await client.GetDocumentAsync(Url(meeting))).FormFields("Version");
        var members = LineCount(fields);
        for (var i = 0; i < members; i++)
        {
            fields[$"Lines[{i}].Status"] = nameof(AttendanceStatus.Present);
        }

        var deputised = LineOf(fields, "Linda Ashworth");
        var deputy = factory.PersonId("Karen Mellor");
        fields[$"Lines[{deputised}].Status"] = nameof(AttendanceStatus.Deputised);
        fields[$"Lines[{deputised}].DeputyPersonId"] = deputy.ToString();
        if (fields.Any(f => f.Key.StartsWith("Lines[", StringComparison.Ordinal) && f.Value == deputy.ToString()))
        {
            // A deputy is recorded once: on the line they deputised for.
            fields[$"Lines[{LineOf(fields, "Karen Mellor")}].Status"] = nameof(AttendanceStatus.Absent);
        }

        // More people than the page's blank rows: a script adds rows, and the server takes however many come.
        var guests = Outsiders(fields, 21 - members).Where(id => id != deputy).Take(20 - members).ToList();
        for (var i = 0; i < guests.Count; i++)
        {
            fields[$"Additions[{i}].PersonId"] = guests[i].ToString();
            fields[$"Additions[{i}].Kind"] = i == 0 ? nameof(AttendeeKind.Presenter) : nameof(AttendeeKind.Guest);
        }

        var response = await client.PostFormAsync(Url(meeting), fields.With(("action", "save")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/meetings/{meeting}?notice=attendance-saved", response.Headers.Location!.OriginalString);
        var saved = factory.Query(db => db.Attendance.AsNoTracking().Where(a => a.MeetingId == meeting).ToList());
        Assert.Equal(20, saved.Count);
        Assert.Equal(guests.Count - 1, saved.Count(a => a.Kind == AttendeeKind.Guest && a.Status == AttendanceStatus.Present));
        Assert.Equal(deputy, saved.Single(a => a.Status == AttendanceStatus.Deputised).DeputyPersonId);
        var page = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains($"{saved.Count(a => a.Status != AttendanceStatus.Absent)} attended", page.QuerySelector(".govuk-notification-banner--success")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddRows_WithUnsavedEntries_KeepsEverythingTypedAndSavesNothing()
    {
        var client = await factory.SignInAsync("team");
        var meeting = NewBoardMeeting();
        var fields = (await client.GetDocumentAsync(Url(meeting))).FormFields("Version");
        var apologies = LineOf(fields, "Ian Fairbairn");
        var members = LineCount(fields);
        var guests = Outsiders(fields, 3);

        var response = await client.PostFormAsync(Url(meeting), fields.With(
            ($"Lines[{apologies}].Status", nameof(AttendanceStatus.Apologies)),
            ($"Lines[{apologies}].ApologyReason", "Court hearing"),
            ("Additions[0].PersonId", guests[0].ToString()),
            ("Additions[1].PersonId", guests[1].ToString()),
            ("Additions[2].PersonId", guests[2].ToString()),
            ("action", "add")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("The register has not been saved yet", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#register-form")!.GetAttribute("data-unsaved"));
        var shown = page.FormFields("Version");
        Assert.Equal(members + 3, LineCount(shown));
        Assert.Equal(nameof(AttendanceStatus.Apologies), CheckedStatus(page, LineOf(shown, "Ian Fairbairn")));
        Assert.Equal("Court hearing", shown[$"Lines[{LineOf(shown, "Ian Fairbairn")}].ApologyReason"]);
        Assert.All(guests, g => Assert.Contains(shown, f => f.Key.StartsWith("Lines[", StringComparison.Ordinal) && f.Value == g.ToString()));
        // Fresh blank rows for the next people.
        Assert.Equal(5, page.QuerySelectorAll("tr[data-register-addition]").Length);
        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal("", shown[$"Additions[{i}].PersonId"]));
        Assert.Equal(0, factory.Query(db => db.Attendance.Count(a => a.MeetingId == meeting)));

        // Saving the page as shown keeps all of it.
        var saved = await client.PostFormAsync(Url(meeting), shown.With(("action", "save")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(3, factory.Query(db => db.Attendance.Count(a => a.MeetingId == meeting && a.Kind == AttendeeKind.Guest)));
    }

    [Fact]
    public async Task AddRows_PersonAlreadyInRegister_SaysSoOnThatRow()
    {
        var client = await factory.SignInAsync("team");
        var meeting = NewBoardMeeting();
        var fields = (await client.GetDocumentAsync(Url(meeting))).FormFields("Version");

        var member = int.Parse(fields["Lines[0].PersonId"]);
        var name = factory.Query(db => db.People.Single(p => p.Id == member).FullName);

        var response = await client.PostFormAsync(Url(meeting), fields.With(("Additions[0].PersonId", member.ToString()), ("action", "add")));

        var page = await response.ReadDocumentAsync();
        Assert.Contains($"{name} is already in the register", page.ErrorSummary());
        Assert.Equal(member.ToString(), page.FormFields("Version")["Additions[0].PersonId"]);
    }

    [Fact]
    public async Task MarkEveryonePresent_FillsEveryUnrecordedLineAndKeepsApologies()
    {
        var client = await factory.SignInAsync("team");
        var meeting = NewBoardMeeting();
        var fields = (await client.GetDocumentAsync(Url(meeting))).FormFields("Version");
        var apologies = LineOf(fields, "Ian Fairbairn");

        var response = await client.PostFormAsync(Url(meeting), fields.With(
            ($"Lines[{apologies}].Status", nameof(AttendanceStatus.Apologies)),
            ($"Lines[{apologies}].ApologyReason", "Leave"),
            ("action", "all-present")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var lines = LineCount(fields);
        Assert.All(Enumerable.Range(0, lines), i =>
            Assert.Equal(i == apologies ? nameof(AttendanceStatus.Apologies) : nameof(AttendanceStatus.Present), CheckedStatus(page, i)));
        Assert.Empty(page.ErrorSummary());
        Assert.Equal(0, factory.Query(db => db.Attendance.Count(a => a.MeetingId == meeting)));
    }

    [Fact]
    public async Task SaveRegister_FutureMeetingWithSomeonePresent_RefusedButApologiesAccepted()
    {
        var client = await factory.SignInAsync("team");
        var meeting = NewBoardMeeting(future: true);
        var form = await client.GetDocumentAsync(Url(meeting));
        var fields = form.FormFields("Version");
        var line = LineOf(fields, "Nadia Okafor");
        Assert.Null(form.QuerySelector("[data-register-all-present]"));
        Assert.Contains("Until then you can record apologies", form.QuerySelector(".govuk-inset-text").Text(), StringComparison.Ordinal);

        var present = await client.PostFormAsync(Url(meeting), fields.With(($"Lines[{line}].Status", nameof(AttendanceStatus.Present)), ("action", "save")));

        Assert.Equal(HttpStatusCode.OK, present.StatusCode);
        var errors = (await present.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains(errors, e => e.StartsWith("This meeting starts on ", StringComparison.Ordinal) && e.Contains("Until then only apologies can be recorded", StringComparison.Ordinal));
        Assert.Equal(0, factory.Query(db => db.Attendance.Count(a => a.MeetingId == meeting)));

        var apologies = await client.PostFormAsync(Url(meeting), fields.With(
            ($"Lines[{line}].Status", nameof(AttendanceStatus.Apologies)), ($"Lines[{line}].ApologyReason", "Leave"), ("action", "save")));
        Assert.Equal(HttpStatusCode.Redirect, apologies.StatusCode);
        Assert.Equal(AttendanceStatus.Apologies, factory.Query(db => db.Attendance.Single(a => a.MeetingId == meeting && a.Status != AttendanceStatus.NotRecorded).Status));
    }

    [Fact]
    public async Task MarkHeld_BeforeTheMeetingStarts_RefusedWithMessage()
    {
        var client = await factory.SignInAsync("team");
        var meeting = NewBoardMeeting(future: true);
        var version = factory.Query(db => db.Meetings.Single(m => m.Id == meeting).Version).ToString();

        var response = await client.PostFormAsync($"/meetings/{meeting}/held", new() { ["version"] = version }, formPage: $"/meetings/{meeting}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains(page.ErrorSummary(), e => e.StartsWith("A meeting can be recorded as held only once it has started: this one starts on ", StringComparison.Ordinal));
        Assert.Equal(MeetingStatus.Scheduled, factory.Query(db => db.Meetings.Single(m => m.Id == meeting).Status));

        // The same rule holds on the meeting's edit form.
        var date = factory.Query(db => db.Meetings.Single(m => m.Id == meeting).Date);
        var edit = await client.PostFormAsync($"/meetings/{meeting}/edit", new()
        {
            ["Version"] = version, ["Date"] = date.ToString("yyyy-MM-dd"), ["Start"] = "10:00", ["End"] = "12:00", ["Location"] = "Plough Lane", ["Status"] = "Held",
        }, formPage: $"/meetings/{meeting}/edit");
        Assert.Contains((await edit.ReadDocumentAsync()).ErrorSummary(), e => e.StartsWith("A meeting can be recorded as held only once it has started", StringComparison.Ordinal));
        Assert.Equal(MeetingStatus.Scheduled, factory.Query(db => db.Meetings.Single(m => m.Id == meeting).Status));
    }

    [Fact]
    public async Task MarkHeld_AfterItStarted_RecordedAuditedAndSaysWhatComesNext()
    {
        var client = await factory.SignInAsync("team");
        var meeting = NewBoardMeeting();
        factory.Query(db => db.Meetings.Where(m => m.Id == meeting).ExecuteUpdate(s => s.SetProperty(m => m.Status, MeetingStatus.Scheduled)));
        var before = await client.GetDocumentAsync($"/meetings/{meeting}");
        Assert.NotNull(before.QuerySelector($"#next-step form[action='/meetings/{meeting}/held']"));
        var date = factory.Query(db => db.Meetings.Single(m => m.Id == meeting).Date);

        var response = await client.PostFormAsync($"/meetings/{meeting}/held", new() { ["version"] = before.InputValue("version") }, formPage: $"/meetings/{meeting}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(MeetingStatus.Held, factory.Query(db => db.Meetings.Single(m => m.Id == meeting).Status));
        Assert.True(factory.Query(db => db.AuditEntries.Any(a => a.EntityType == nameof(Meeting) && a.EntityId == meeting && a.Changes.Contains("Held"))));
        var page = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(
            $"The meeting on {date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} has been recorded as held. Next, record who attended.",
            page.QuerySelector(".govuk-notification-banner--success .govuk-notification-banner__heading").Text());
        Assert.Contains("Record who attended", page.QuerySelector("#next-step").Text(), StringComparison.Ordinal);
    }
}
