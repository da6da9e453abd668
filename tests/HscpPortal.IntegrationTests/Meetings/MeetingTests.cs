using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;

namespace HscpPortal.IntegrationTests;

public class MeetingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private int Board => factory.GroupId(Demo.Board);

    private int NewBoardMeeting(DateOnly date) => factory.AddMeetingWithPaper(Board, date).MeetingId;

    /// <summary>The register form's fields for the given people, each with a status.</summary>
    private Dictionary<string, string> Register(int meetingId, params (string Person, AttendanceStatus Status, string? Extra)[] lines)
    {
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var person = factory.PersonId(lines[i].Person);
            fields[$"Lines[{i}].PersonId"] = person.ToString();
            fields[$"Lines[{i}].OrganisationId"] = factory.Query(db => db.People.Single(p => p.Id == person).OrganisationId).ToString();
            fields[$"Lines[{i}].Kind"] = nameof(AttendeeKind.Invitee);
            fields[$"Lines[{i}].Status"] = lines[i].Status.ToString();
            if (lines[i].Status == AttendanceStatus.Apologies && lines[i].Extra is not null)
            {
                fields[$"Lines[{i}].ApologyReason"] = lines[i].Extra!;
            }

            if (lines[i].Status == AttendanceStatus.Deputised && lines[i].Extra is not null)
            {
                fields[$"Lines[{i}].DeputyPersonId"] = factory.PersonId(lines[i].Extra!).ToString();
            }
        }

        fields["Version"] = factory.Query(db => db.Meetings.Single(m => m.Id == meetingId).Version).ToString();
        return fields;
    }

    [Fact]
    public async Task RecordAttendance_PoliceDspAndDeputyAbsent_MeetingNotQuorateWithReason()
    {
        var client = await factory.SignInAsync("team");
        var meeting = NewBoardMeeting(new DateOnly(2024, 3, 5));

        var response = await client.PostFormAsync($"/meetings/{meeting}/attendance", Register(meeting,
            ("Nadia Okafor", AttendanceStatus.Present, null),
            ("Linda Ashworth", AttendanceStatus.Present, null),
            ("Ian Fairbairn", AttendanceStatus.Apologies, "Operational commitment"),
            ("Sarah Kemble", AttendanceStatus.Absent, null)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync($"/meetings/{meeting}");
        Assert.Contains("Not quorate", page, StringComparison.Ordinal);
        Assert.Contains("Police not represented", page, StringComparison.Ordinal);
        Assert.False(factory.Query(db => db.Meetings.Single(m => m.Id == meeting).IsQuorate));
    }

    [Fact]
    public async Task RecordAttendance_PoliceDeputyPresentOnTheDay_MeetingQuorate()
    {
        var client = await factory.SignInAsync("team");
        var meeting = NewBoardMeeting(new DateOnly(2024, 3, 5));

        await client.PostFormAsync($"/meetings/{meeting}/attendance", Register(meeting,
            ("Nadia Okafor", AttendanceStatus.Present, null),
            ("Linda Ashworth", AttendanceStatus.Deputised, "Karen Mellor"),
            ("Ian Fairbairn", AttendanceStatus.Apologies, "Leave"),
            ("Sarah Kemble", AttendanceStatus.Present, null)));

        Assert.True(factory.Query(db => db.Meetings.Single(m => m.Id == meeting).IsQuorate));
        Assert.Equal(4, factory.Query(db => db.Attendance.Count(a => a.MeetingId == meeting)));
    }

    [Fact]
    public async Task RecordAttendance_FormerDspAfterTheirAppointmentEnded_DoesNotCount()
    {
        var client = await factory.SignInAsync("team");
        var meeting = NewBoardMeeting(new DateOnly(2023, 12, 14)); // Julia Brennan stood down as police DSP on 30 September 2023

        await client.PostFormAsync($"/meetings/{meeting}/attendance", Register(meeting,
            ("Joanna Fairclough", AttendanceStatus.Present, null),
            ("Linda Ashworth", AttendanceStatus.Present, null),
            ("Julia Brennan", AttendanceStatus.Present, null)));

        Assert.Contains("Police not represented", factory.Query(db => db.Meetings.Single(m => m.Id == meeting).QuorumStatement));
    }

    [Fact]
    public async Task RecordAttendance_SamePersonTwice_RefusedAndNothingSaved()
    {
        var client = await factory.SignInAsync("team");
        var meeting = NewBoardMeeting(new DateOnly(2024, 3, 5));
        var fields = Register(meeting, ("Nadia Okafor", AttendanceStatus.Present, null), ("Nadia Okafor", AttendanceStatus.Absent, null));

        var response = await client.PostFormAsync($"/meetings/{meeting}/attendance", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Each person can appear only once in the register", (await response.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(0, factory.Query(db => db.Attendance.Count(a => a.MeetingId == meeting)));
    }

    [Fact]
    public async Task RecordAttendance_ApologiesWithoutReasonOrDeputyNotNamed_NamesEachProblem()
    {
        var client = await factory.SignInAsync("team");
        var meeting = NewBoardMeeting(new DateOnly(2024, 3, 5));

        var response = await client.PostFormAsync($"/meetings/{meeting}/attendance", Register(meeting,
            ("Nadia Okafor", AttendanceStatus.Apologies, null),
            ("Linda Ashworth", AttendanceStatus.Deputised, null)));

        var errors = (await response.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains("Enter the reason Nadia Okafor gave for their apologies", errors);
        Assert.Contains("Select who deputised for Linda Ashworth", errors);
        Assert.Equal(0, factory.Query(db => db.Attendance.Count(a => a.MeetingId == meeting)));
    }

    [Fact]
    public async Task RegisterPage_NoAttendanceYet_ListsTheGroupsMembersOnTheDay()
    {
        var client = await factory.SignInAsync("team");
        var meeting = NewBoardMeeting(new DateOnly(2024, 3, 5));

        var page = await client.GetDocumentAsync($"/meetings/{meeting}/attendance");
        var rows = page.QuerySelectorAll(".app-register tbody th[scope=row]").Select(th => th.TextContent).ToList();

        Assert.Contains(rows, r => r.Contains("Ian Fairbairn", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains("Julia Brennan", StringComparison.Ordinal)); // left the board before that date
    }

    [Fact]
    public async Task CreateMeeting_EndBeforeStart_RefusedWithMessage()
    {
        var client = await factory.SignInAsync("team");
        var before = factory.Query(db => db.Meetings.Count());

        var response = await client.PostFormAsync($"/groups/{Board}/meetings/new", new()
        {
            ["Date"] = "2025-01-09", ["Start"] = "12:00", ["End"] = "10:00", ["Location"] = "Plough Lane", ["Status"] = "Scheduled",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The end time must be after the start time", (await response.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(before, factory.Query(db => db.Meetings.Count()));
    }

    [Fact]
    public async Task CancelMeeting_WithoutReason_Refused()
    {
        var client = await factory.SignInAsync("team");
        var meeting = NewBoardMeeting(new DateOnly(2025, 2, 6));

        var response = await client.PostFormAsync($"/meetings/{meeting}/edit", new()
        {
            ["Version"] = factory.Query(db => db.Meetings.Single(m => m.Id == meeting).Version).ToString(),
            ["Date"] = "2025-02-06", ["Start"] = "10:00", ["End"] = "12:00", ["Location"] = "Online", ["Status"] = "Cancelled",
        }, formPage: $"/meetings/{meeting}/edit");

        Assert.Contains("Enter why the meeting was cancelled", (await response.ReadDocumentAsync()).ErrorSummary());
    }

    [Fact]
    public async Task ScheduleYear_QuarterlyGroup_AddsFourMeetingsOnTheSameWeekday()
    {
        var client = await factory.SignInAsync("qe.chair");
        var qe = factory.GroupId(Demo.QualityAndEffectiveness);

        var response = await client.PostFormAsync($"/groups/{qe}/meetings/schedule", new()
        {
            ["FirstDate"] = "2027-04-08", ["Count"] = "4", ["Start"] = "14:00", ["End"] = "16:00", ["Location"] = "Plough Lane",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // The demo's own next meeting (dated from the seeding day) is online; these are at Plough Lane.
        var dates = factory.Query(db => db.Meetings.Where(m => m.GroupId == qe && m.Date.Year >= 2027 && m.Location == "Plough Lane").Select(m => m.Date).ToList());
        Assert.Equal([new(2027, 4, 8), new(2027, 7, 8), new(2027, 10, 14), new(2028, 1, 13)], dates.Order());
    }

    [Fact]
    public async Task AttendancePage_Member_ReadsMeetingButCannotRecord()
    {
        var client = await factory.SignInAsync("member");
        var meeting = NewBoardMeeting(new DateOnly(2024, 3, 5));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/meetings/{meeting}")).StatusCode);
        var post = await client.PostFormAsync($"/meetings/{meeting}/attendance", Register(meeting, ("Nadia Okafor", AttendanceStatus.Present, null)), formPage: $"/meetings/{meeting}");
        Assert.True(post.IsDenied());
        Assert.Equal(0, factory.Query(db => db.Attendance.Count(a => a.MeetingId == meeting)));
    }

    [Theory]
    [InlineData("virus.exe", "MZ\u0090\u0000", "must be a PDF or an Office document")]
    [InlineData("minutes.pdf", "not really a pdf", "is not a real PDF file")]
    [InlineData("empty.pdf", "", "The selected file is empty")]
    public async Task UploadPaper_WrongTypeOrContent_RefusedWithMessage(string fileName, string content, string message)
    {
        var client = await factory.SignInAsync("team");
        var fixture = factory.AddMeetingWithPaper(Board, new DateOnly(2025, 3, 6));
        var url = $"/meetings/{fixture.MeetingId}/agenda/{fixture.AgendaItemId}";
        var form = await client.GetDocumentAsync(url);
        var token = form.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Board paper"), "Paper.Title" },
            { new ByteArrayContent(System.Text.Encoding.Latin1.GetBytes(content)), "Paper.File", fileName },
        };
        var papersBefore = factory.Query(db => db.Papers.Count());

        var response = await client.PostAsync($"{url}/papers", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await response.ReadDocumentAsync()).ErrorSummary(), e => e.Contains(message, StringComparison.Ordinal));
        Assert.Equal(papersBefore, factory.Query(db => db.Papers.Count()));
    }

    [Fact]
    public async Task UploadPaper_RealPdf_StoredAndDownloadable()
    {
        var client = await factory.SignInAsync("team");
        var fixture = factory.AddMeetingWithPaper(Board, new DateOnly(2025, 3, 7));
        var url = $"/meetings/{fixture.MeetingId}/agenda/{fixture.AgendaItemId}";
        var form = await client.GetDocumentAsync(url);
        var token = form.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var pdf = "%PDF-1.7\nboard paper"u8.ToArray();
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Section 11 summary"), "Paper.Title" },
            { new ByteArrayContent(pdf), "Paper.File", "section11.pdf" },
        };

        var response = await client.PostAsync($"{url}/papers", body);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var paper = factory.Query(db => db.Papers.Single(p => p.Title == "Section 11 summary"));
        Assert.Equal(64, paper.Sha256!.Length);
        var download = await client.GetAsync($"/papers/{paper.Id}");
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
    }
}
