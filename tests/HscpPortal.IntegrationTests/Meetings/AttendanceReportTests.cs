using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// /meetings/attendance over a year of its own: 2020-21, which the demo data leaves empty (its representation
/// history starts in April 2022), so every figure here is hand-computed from the register written below.
/// </summary>
public class AttendanceReportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Year = "2020-21";
    private const string Diocese = "Diocese of Hereford";
    private const string WyeValley = "Wye Valley NHS Trust";

    private static readonly DateOnly[] BoardDates = [new(2020, 5, 12), new(2020, 9, 8), new(2020, 12, 1), new(2021, 3, 9)];
    private static readonly DateOnly[] SubgroupDates = [new(2020, 6, 3), new(2020, 10, 7), new(2021, 1, 13), new(2021, 3, 17)];

    private Fixture Data => factory.Memo("attendance-2020", Seed);

    private sealed record Fixture(int Council, int Icb, int Police, int Diocese, int WyeValley);

    // The register, by board meeting (M1..M4):
    //   council: DSP and deputy at all four                         -> DSP 100%, representative 100%, nobody 0%, DSP or deputy 100%
    //   ICB:     DSP at M1, M2; deputy at M2, and at M3 deputising
    //            for the DSP, and at M4 on their own line             -> DSP 50%, representative 75%, nobody 0%, DSP or deputy 100%
    //   police:  DSP at M1, left early at M2, absent M3 and M4;
    //            deputy at M3 only                                    -> DSP 50%, representative 25%, nobody 25%, DSP or deputy 75%
    // A cancelled board meeting with everyone present must not count.
    // Subgroup (Q&E) meetings S1..S4:
    //   Diocese: present S1, apologies S2, absent S3, never recorded S4 -> 4 expected, 1 attended, 1 apologies, 2 absent
    //   Wye Valley: two invitees at S1 (one present, one absent); deputised at S2 -> 2 expected, 2 attended
    private static Fixture Seed(PortalFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        int Org(string name) => db.Organisations.Single(o => o.Name == name).Id;
        var council = Org(Demo.Council);
        var icb = db.Organisations.Single(o => o.StatutoryPartner == StatutoryPartner.IntegratedCareBoard).Id;
        var police = Org(Demo.Police);
        var diocese = Org(Diocese);
        var wyeValley = Org(WyeValley);

        Person NewPerson(string name, int organisationId)
        {
            var person = new Person { FullName = name, OrganisationId = organisationId, Email = $"{name.Replace(' ', '.').ToLowerInvariant()}@report.test" };
            db.People.Add(person);
            return person;
        }

        var councilDsp = NewPerson("Report Council DSP", council);
        var councilDeputy = NewPerson("Report Council Deputy", council);
        var icbDsp = NewPerson("Report ICB DSP", icb);
        var icbDeputy = NewPerson("Report ICB Deputy", icb);
        var policeDsp = NewPerson("Report Police DSP", police);
        var policeDeputy = NewPerson("Report Police Deputy", police);
        var dioceseLead = NewPerson("Report Diocese Lead", diocese);
        var wyeOne = NewPerson("Report Wye One", wyeValley);
        var wyeTwo = NewPerson("Report Wye Two", wyeValley);
        var wyeDeputy = NewPerson("Report Wye Deputy", wyeValley);
        db.SaveChanges();

        foreach (var (org, dsp, deputy) in new[] { (council, councilDsp, councilDeputy), (icb, icbDsp, icbDeputy), (police, policeDsp, policeDeputy) })
        {
            db.PartnerRepresentatives.Add(new PartnerRepresentative { OrganisationId = org, PersonId = dsp.Id, Role = RepresentationRole.DelegatedPartner, From = new(2020, 4, 1), To = new(2021, 3, 31) });
            db.PartnerRepresentatives.Add(new PartnerRepresentative { OrganisationId = org, PersonId = deputy.Id, Role = RepresentationRole.Deputy, From = new(2020, 4, 1), To = new(2021, 3, 31) });
        }

        var board = db.Groups.Single(g => g.Name == Demo.Board).Id;
        var qe = db.Groups.Single(g => g.Name == Demo.QualityAndEffectiveness).Id;
        Meeting NewMeeting(int group, DateOnly date, MeetingStatus status = MeetingStatus.Held)
        {
            var meeting = new Meeting { GroupId = group, Date = date, Start = new(10, 0), End = new(12, 0), Status = status, Title = "Report test" };
            db.Meetings.Add(meeting);
            return meeting;
        }

        var m = BoardDates.Select(d => NewMeeting(board, d)).ToArray();
        var cancelled = NewMeeting(board, new(2020, 7, 14), MeetingStatus.Cancelled);
        var s = SubgroupDates.Select(d => NewMeeting(qe, d)).ToArray();
        var cancelledSubgroup = NewMeeting(qe, new(2020, 8, 5), MeetingStatus.Cancelled);
        db.SaveChanges();

        void Line(Meeting meeting, Person person, AttendanceStatus status, Person? deputy = null) =>
            db.Attendance.Add(new Attendance
            {
                MeetingId = meeting.Id, PersonId = person.Id, OrganisationId = person.OrganisationId, Kind = AttendeeKind.Invitee,
                Status = status, DeputyPersonId = deputy?.Id,
            });

        const AttendanceStatus P = AttendanceStatus.Present;
        foreach (var meeting in m)
        {
            Line(meeting, councilDsp, P);
            Line(meeting, councilDeputy, P);
        }

        Line(m[0], icbDsp, P);
        Line(m[1], icbDsp, P);
        Line(m[1], icbDeputy, P);
        Line(m[2], icbDsp, AttendanceStatus.Deputised, icbDeputy);
        Line(m[3], icbDsp, AttendanceStatus.Apologies);
        Line(m[3], icbDeputy, P);

        Line(m[0], policeDsp, P);
        Line(m[1], policeDsp, AttendanceStatus.LeftEarly);
        Line(m[2], policeDsp, AttendanceStatus.Absent);
        Line(m[2], policeDeputy, P);
        Line(m[3], policeDsp, AttendanceStatus.Absent);
        Line(m[3], policeDeputy, AttendanceStatus.Apologies);

        foreach (var person in new[] { councilDsp, icbDsp, policeDsp })
        {
            Line(cancelled, person, P);
        }

        Line(s[0], dioceseLead, P);
        Line(s[1], dioceseLead, AttendanceStatus.Apologies);
        Line(s[2], dioceseLead, AttendanceStatus.Absent);
        Line(s[3], dioceseLead, AttendanceStatus.NotRecorded);
        Line(cancelledSubgroup, dioceseLead, AttendanceStatus.Absent);
        Line(s[0], wyeOne, P);
        Line(s[0], wyeTwo, AttendanceStatus.Absent);
        Line(s[1], wyeOne, AttendanceStatus.Deputised, wyeDeputy);
        db.SaveChanges();

        return new Fixture(council, icb, police, diocese, wyeValley);
    }

    private static List<string> Cells(AngleSharp.Dom.IElement row) =>
        row.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList();

    private static AngleSharp.Dom.IElement Row(AngleSharp.Html.Dom.IHtmlDocument page, string caption, string rowHeader) =>
        page.QuerySelectorAll("table")
            .Single(t => t.QuerySelector("caption")!.TextContent.Contains(caption, StringComparison.Ordinal))
            .QuerySelectorAll("tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent.Contains(rowHeader, StringComparison.Ordinal));

    [Theory]
    [InlineData("Local authority", "4", "100%", "100%", "0%", "100%")]
    [InlineData("Integrated care board", "4", "50%", "75%", "0%", "100%")]
    [InlineData("Police", "4", "50%", "25%", "25%", "75%")]
    public async Task Index_YearWithBoardMeetings_ShowsHandComputedPartnerPercentages(string partner, string held, string dsp, string representative, string nobody, string dspOrDeputy)
    {
        _ = Data;
        var client = await factory.ClientAsync("member");

        var page = await client.GetDocumentAsync($"/meetings/attendance?year={Year}");

        var cells = Cells(Row(page, "Board attendance by statutory partner", partner));
        Assert.StartsWith(held, cells[1], StringComparison.Ordinal);
        Assert.StartsWith(dsp, cells[2], StringComparison.Ordinal);
        Assert.StartsWith(representative, cells[3], StringComparison.Ordinal);
        Assert.StartsWith(nobody, cells[4], StringComparison.Ordinal);
        Assert.StartsWith(dspOrDeputy, cells[5], StringComparison.Ordinal);
        Assert.True(Number(cells[5]) >= Number(cells[2]), $"{partner}: DSP or deputy {cells[5]} below DSP {cells[2]}");
    }

    private static int Number(string cell) => int.Parse(cell.Split('%')[0], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Index_YearWithSubgroupMeetings_CountsAgencyMeetingsOncePerMeeting()
    {
        _ = Data;
        var client = await factory.ClientAsync("member");

        var page = await client.GetDocumentAsync($"/meetings/attendance?year={Year}");

        var diocese = Cells(Row(page, "Subgroup attendance by relevant agency", Diocese));
        Assert.Equal("4", diocese[1]);
        Assert.StartsWith("1", diocese[2], StringComparison.Ordinal);
        Assert.Contains("(25%)", diocese[2], StringComparison.Ordinal);
        Assert.StartsWith("1", diocese[3], StringComparison.Ordinal);
        Assert.StartsWith("2", diocese[4], StringComparison.Ordinal);
        var wye = Cells(Row(page, "Subgroup attendance by relevant agency", WyeValley));
        Assert.Equal("2", wye[1]);
        Assert.Contains("(100%)", wye[2], StringComparison.Ordinal);
        Assert.StartsWith("0", wye[4], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2020-22")]
    [InlineData("last year")]
    [InlineData("1889-90")]
    public async Task Index_InvalidYear_ShowsErrorSummaryNotAnError(string year)
    {
        var client = await factory.ClientAsync("member");

        var response = await client.GetAsync($"/meetings/attendance?year={Uri.EscapeDataString(year)}");

        await response.AssertErrorsAsync("Enter a reporting year in the form 2023-24");
    }

    [Fact]
    public async Task Index_NoYear_ShowsTheCurrentReportingYear()
    {
        var client = await factory.ClientAsync("member");
        var current = ReportingYear.Containing(UkTime.Today(TimeProvider.System)).ToString();

        var page = await client.GetDocumentAsync("/meetings/attendance");

        Assert.Equal($"Attendance in {current}", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Partner_ShowNobody_ListsOnlyTheMeetingNobodyAttended()
    {
        var data = Data;
        var client = await factory.ClientAsync("member");

        var page = await client.GetDocumentAsync($"/meetings/attendance/partner?year={Year}&organisationId={data.Police}&show=nobody");

        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Single(rows);
        Assert.Contains("9 March 2021", rows[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partner_AllMeetings_NamesWhoAttendedAndInWhatCapacity()
    {
        var data = Data;
        var client = await factory.ClientAsync("member");

        var page = await client.GetDocumentAsync($"/meetings/attendance/partner?year={Year}&organisationId={data.Icb}");

        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Contains("Report ICB Deputy (deputy)", rows[2], StringComparison.Ordinal);
        Assert.DoesNotContain("Report ICB DSP", rows[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partner_RelevantAgency_IsNotFound()
    {
        var data = Data;
        var client = await factory.ClientAsync("member");

        var response = await client.GetAsync($"/meetings/attendance/partner?year={Year}&organisationId={data.Diocese}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Csv_BoardTable_HasHeaderAndOneRowPerPartner()
    {
        _ = Data;
        var client = await factory.ClientAsync("member");

        var response = await client.GetAsync($"/meetings/attendance.csv?year={Year}&table=board");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"board-attendance-{Year}.csv", response.Content.Headers.ContentDisposition!.FileName);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "Statutory partner,Organisation,Meetings held,Attended by the DSP,DSP %,Attended by a deputy or other representative,Deputy or other representative %,Nobody attended,Nobody %,Attended by the DSP or a deputy,DSP or deputy %",
            lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains($"Police,{Demo.Police},4,2,50,1,25,1,25,3,75", lines);
    }

    [Fact]
    public async Task Csv_AgencyTable_HasAgencyRows()
    {
        _ = Data;
        var client = await factory.ClientAsync("member");

        var text = await client.GetStringAsync($"/meetings/attendance.csv?year={Year}&table=agencies");

        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Agency,Meetings expected,Meetings attended,Attended %,Apologies,Absent without apologies", lines[0]);
        Assert.Contains($"{Diocese},4,1,25,1,2", lines);
        Assert.Contains($"{WyeValley},2,2,100,0,0", lines);
    }

    [Fact]
    public async Task Xlsx_AgencyTable_OpensWithTheRows()
    {
        _ = Data;
        var client = await factory.ClientAsync("member");

        var response = await client.GetAsync($"/meetings/attendance.xlsx?year={Year}&table=agencies");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var diocese = rows.Single(r => (string)r["Agency"] == Diocese);
        Assert.Equal(4d, Convert.ToDouble(diocese["Meetings expected"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2d, Convert.ToDouble(diocese["Absent without apologies"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Xlsx_BoardTable_HasAPartnerRowEach()
    {
        _ = Data;
        var client = await factory.ClientAsync("member");

        var bytes = await client.GetByteArrayAsync($"/meetings/attendance.xlsx?year={Year}&table=board");

        using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3, rows.Count);
        var icb = rows.Single(r => (string)r["Statutory partner"] == "Integrated care board");
        Assert.Equal(75d, Convert.ToDouble(icb["Deputy or other representative %"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("/meetings/attendance.csv?year=2020-21&table=decisions")]
    [InlineData("/meetings/attendance.xlsx?year=2020-21")]
    [InlineData("/meetings/attendance.csv?year=20-21&table=board")]
    public async Task Export_BadTableOrYear_IsBadRequest(string url)
    {
        var client = await factory.ClientAsync("member");

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Letter_AgencyWithUnexplainedAbsences_ListsExactlyThoseMeetings()
    {
        var data = Data;
        var client = await factory.ClientAsync("member");

        var page = await client.GetDocumentAsync($"/meetings/attendance/letter?year={Year}&organisationId={data.Diocese}");

        var letter = page.QuerySelector("article")!.TextContent;
        Assert.Contains("To the safeguarding lead", letter, StringComparison.Ordinal);
        Assert.Contains(Diocese, letter, StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("article tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("13 January 2021", rows[0], StringComparison.Ordinal);
        Assert.Contains(Demo.QualityAndEffectiveness, rows[0], StringComparison.Ordinal);
        Assert.Contains("17 March 2021", rows[1], StringComparison.Ordinal);
        Assert.DoesNotContain("7 October 2020", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("5 August 2020", letter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Letter_AgencyThatMissedNothing_SaysThereIsNothingToWrite()
    {
        var data = Data;
        var client = await factory.ClientAsync("member");

        var page = await client.GetDocumentAsync($"/meetings/attendance/letter?year={Year}&organisationId={data.WyeValley}");

        Assert.Null(page.QuerySelector("article"));
        Assert.Contains("nothing to write about", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Letter_StatutoryPartner_IsNotFound()
    {
        var data = Data;
        var client = await factory.ClientAsync("member");

        var response = await client.GetAsync($"/meetings/attendance/letter?year={Year}&organisationId={data.Police}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Agency_ShowAbsent_ListsTheMissedMeetingsWithTheirStatus()
    {
        var data = Data;
        var client = await factory.ClientAsync("member");

        var page = await client.GetDocumentAsync($"/meetings/attendance/agency?year={Year}&organisationId={data.Diocese}&show=absent");

        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Report Diocese Lead: absent", rows[0], StringComparison.Ordinal);
        Assert.Contains("Report Diocese Lead: not recorded", rows[1], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task Index_EveryRole_CanRead(string user)
    {
        var client = await factory.ClientAsync(user);

        var response = await client.GetAsync($"/meetings/attendance?year={Year}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string> DemoUsers() => new(Demo.Users);

    [Theory]
    [InlineData("/meetings/attendance")]
    [InlineData("/meetings/attendance.csv?table=board")]
    [InlineData("/meetings/attendance/letter?organisationId=1")]
    public async Task Report_Anonymous_IsSentToSignIn(string url)
    {
        var response = await factory.Anonymous().GetAsync(url);

        Assert.True(response.IsLoginRedirect(), $"{url} gave {(int)response.StatusCode}");
    }
}
