using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.IntegrationTests.Dashboard;

/// <summary>
/// The default demo is alive on the day it is seeded (issue 22): the generator fills the years after the
/// hand-written story up to today, so no past meeting waits as "Scheduled" and this year's board has met.
/// </summary>
public class DemoAliveTests(DemoAliveFactory factory) : IClassFixture<DemoAliveFactory>
{
    private static DateOnly Today() => UkTime.Today(TimeProvider.System);

    [Fact]
    public void Meetings_BeforeToday_NoneLeftScheduled()
    {
        var today = Today();
        var waiting = factory.Query(db => db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Scheduled && m.Date < today && m.ArchivedAt == null)
            .Select(m => m.Date).ToList());

        Assert.Empty(waiting);
    }

    [Fact]
    public void Meetings_EachPastHeldMeeting_HasARegister()
    {
        var today = Today();
        var withoutRegister = factory.Query(db => db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Held && m.Date < today && !db.Attendance.Any(a => a.MeetingId == m.Id))
            .Select(m => m.Date).ToList());

        Assert.Empty(withoutRegister);
    }

    [Fact]
    public void Board_ThisYear_HasHeldMeetingsWithAttendanceOnceThePastFirstMeeting()
    {
        var today = Today();
        var year = ReportingYear.Containing(today);
        var (held, present) = factory.Query(db =>
        {
            var boards = db.Groups.AsNoTracking().Where(g => g.Kind == GroupKind.Board).Select(g => g.Id).ToList();
            var meetings = db.Meetings.AsNoTracking()
                .Where(m => boards.Contains(m.GroupId) && m.Status == MeetingStatus.Held && m.Date >= year.Start && m.Date < today)
                .Select(m => m.Id).ToList();
            var attended = db.Attendance.AsNoTracking().Count(a => meetings.Contains(a.MeetingId) && a.Status == AttendanceStatus.Present);
            return (meetings.Count, attended);
        });

        // The generator places the first board meeting at most about three months into the year.
        if (today < year.Start.AddDays(100))
        {
            return;
        }

        Assert.True(held > 0, $"No held board meeting in {year} before {today}");
        Assert.True(present > 0, "This year's board meetings have nobody recorded present");
    }

    [Fact]
    public void Generated_ThisYear_HasOpenEscalationsAndLiveActions()
    {
        var today = Today();
        var (openEscalations, live, late) = factory.Query(db => (
            db.Escalations.AsNoTracking().Count(e => e.ResolvedOn == null),
            db.Actions.AsNoTracking().Count(a => a.Status == ActionStatus.OnTrack || a.Status == ActionStatus.NotStarted),
            db.Actions.AsNoTracking().Count(a => (a.Status == ActionStatus.AtRisk || a.Status == ActionStatus.OffTrack) && a.DueDate < today)));

        Assert.True(openEscalations > 0);
        Assert.True(live > late, $"{live} live actions, {late} late: most should be on track");
    }
}

/// <summary>The demo exactly as <c>./start.sh</c> seeds it, with the generated years up to today.</summary>
public sealed class DemoAliveFactory : PortalFactory
{
    protected override bool FillToToday => true;
}
