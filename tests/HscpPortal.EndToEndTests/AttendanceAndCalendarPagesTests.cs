using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.EndToEndTests;

/// <summary>The attendance report, its drill-downs and letter, and the calendar and invitation pages pass axe with data on them.</summary>
[Collection(PortalCollection.Name)]
public class AttendanceAndCalendarPagesTests(PortalServer server)
{
    // 2019-20 holds no demo meetings, so this class's meetings are the only ones the report shows for it.
    private (int BoardMeeting, int Diocese, int Police, int Group) Seed()
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var board = db.Groups.Single(g => g.Kind == GroupKind.Board && g.Name == "Strategic Partners Board").Id;
        var qe = db.Groups.Single(g => g.Name == "Quality and Effectiveness Group").Id;
        var police = db.Organisations.Single(o => o.StatutoryPartner == StatutoryPartner.Police).Id;
        var diocese = db.Organisations.Single(o => o.Name == "Diocese of Hereford").Id;
        var officer = new Person { FullName = "Axe Police Officer", OrganisationId = police, Email = "axe.police@e2e.test" };
        var vicar = new Person { FullName = "Axe Diocese Lead", OrganisationId = diocese, Email = "axe.diocese@e2e.test" };
        db.People.AddRange(officer, vicar);
        var boardMeeting = new Meeting { GroupId = board, Date = new(2019, 11, 5), Start = new(10, 0), End = new(12, 0), Status = MeetingStatus.Held, Location = "Plough Lane" };
        var subgroup = new Meeting { GroupId = qe, Date = new(2019, 12, 4), Start = new(14, 0), End = new(16, 0), Status = MeetingStatus.Held };
        db.Meetings.AddRange(boardMeeting, subgroup);
        db.SaveChanges();
        db.Attendance.AddRange(
            new Attendance { MeetingId = boardMeeting.Id, PersonId = officer.Id, OrganisationId = police, Status = AttendanceStatus.Present },
            new Attendance { MeetingId = subgroup.Id, PersonId = vicar.Id, OrganisationId = diocese, Status = AttendanceStatus.Absent });
        db.SaveChanges();
        return (boardMeeting.Id, diocese, police, qe);
    }

    [Fact]
    public async Task ReportAndCalendarPages_WithData_PassAxe()
    {
        var (meeting, diocese, police, group) = Seed();
        var page = await server.SignInAsync("team");
        var problems = new List<string>();
        foreach (var path in new[]
        {
            "/meetings/attendance?year=2019-20",
            "/meetings/attendance?year=2019-21",
            $"/meetings/attendance/partner?year=2019-20&organisationId={police}",
            $"/meetings/attendance/agency?year=2019-20&organisationId={diocese}&show=absent",
            $"/meetings/attendance/letter?year=2019-20&organisationId={diocese}",
            $"/groups/{group}/calendar",
            $"/meetings/{meeting}/invitations",
        })
        {
            var response = await page.GotoAsync(server.BaseUrl + path);
            Assert.Equal(200, response?.Status);
            problems.AddRange(await Accessibility.ViolationsAsync(page));
        }

        await page.GotoAsync(server.BaseUrl + $"/meetings/{meeting}/invitations");
        await page.ClickAsync("button:has-text('Send emails')");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/invitations\?sentKind=Invitation"));
        Assert.Contains("Invitations sent to 1 person", await page.InnerTextAsync(".govuk-notification-banner"), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(page));

        Assert.Empty(problems);
    }
}
