using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Data.Demo;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure.Pdf;
using HscpPortal.Web.Reporting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
            db.Actions.AsNoTracking().Count(a => a.Status == ActionStatus.OnTrack || a.Status == ActionStatus.NotStarted || a.Status == ActionStatus.AtRisk || a.Status == ActionStatus.OffTrack),
            db.Actions.AsNoTracking().Count(a => (a.Status == ActionStatus.OnTrack || a.Status == ActionStatus.NotStarted || a.Status == ActionStatus.AtRisk || a.Status == ActionStatus.OffTrack) && a.DueDate < today)));

        Assert.True(openEscalations > 0, "No disagreement is open today");
        Assert.True(late > 0, "Nothing is overdue, which no real partnership manages");
        Assert.True(late * 4 < live, $"{late} of {live} open actions are overdue: most should be on track");
    }

    [Fact]
    public void Actions_OpenToday_AreSpreadOverManyOwners()
    {
        var open = new[] { ActionStatus.NotStarted, ActionStatus.OnTrack, ActionStatus.AtRisk, ActionStatus.OffTrack };
        var byOwner = factory.Query(db => db.Actions.AsNoTracking().Where(a => open.Contains(a.Status))
            .GroupBy(a => a.OwnerPersonId).Select(g => g.Count()).ToList());

        Assert.True(byOwner.Count >= 20, $"open actions are held by only {byOwner.Count} people");
        Assert.True(byOwner.Max() <= 25, $"one person owns {byOwner.Max()} open actions");
    }

    [Fact]
    public void GeneratedYears_EachHaveAnAuditProgrammeWithFindingsAndActions()
    {
        var today = Today();
        var first = DemoReports.Draft.Next.StartYear;
        var years = factory.Query(db => db.Audits.AsNoTracking()
            .Where(a => a.ProgrammeYear >= first)
            .GroupBy(a => a.ProgrammeYear)
            .Select(g => new
            {
                Year = g.Key,
                Count = g.Count(a => a.ReAuditOfId == null),
                Reported = g.Count(a => a.ReAuditOfId == null && a.ReportedOn != null),
                Improvements = g.SelectMany(a => a.Findings).Count(f => f.Kind == FindingKind.AreaForImprovement),
            })
            .ToList());
        var actions = factory.Query(db => db.Actions.AsNoTracking().Count(a => a.Source == ActionSource.Audit && a.AuditFinding!.Audit!.ProgrammeYear >= first));

        Assert.Equal(Enumerable.Range(first, ReportingYear.Containing(today).StartYear - first + 1).ToList(), years.Select(y => y.Year).Order().ToList());
        Assert.All(years, y => Assert.InRange(y.Count, 5, 7));
        // A year's last audit reports up to about ten weeks after the year ends, so only years finished longer ago are complete.
        Assert.All(years.Where(y => new ReportingYear(y.Year).End.AddDays(80) < today), y =>
        {
            Assert.Equal(y.Count, y.Reported);
            Assert.True(y.Improvements > 0);
        });
        Assert.True(actions > 0, "No generated audit's area for improvement became an action");
    }

    [Fact]
    public void SelfAssessments_StoryRoundPastItsDeadline_AllReturnedButOnePartnersLateDraft()
    {
        var today = Today();
        var rounds = factory.Query(db => db.SelfAssessmentRounds.AsNoTracking()
            .Where(r => r.Deadline < today)
            .Select(r => new
            {
                r.Title,
                Waiting = r.Returns.Where(x => x.Status != ReturnStatus.Submitted)
                    .Select(x => new { x.Status, Partner = x.Organisation!.StatutoryPartner != null, Answers = x.Answers.Count(a => a.Rating != null) }).ToList(),
                Standards = r.Standards,
            })
            .ToList());

        Assert.NotEmpty(rounds);
        var late = Assert.Single(rounds.SelectMany(r => r.Waiting.Select(w => (r.Standards, w.Status, w.Partner, w.Answers))));
        Assert.Equal(ReturnStatus.InProgress, late.Status);
        Assert.True(late.Partner);
        Assert.Equal(SelfAssessmentRules.Lines(late.Standards).Count, late.Answers);
        // Every submitted return has every standard rated, as the lead's page insists.
        Assert.Equal(0, factory.Query(db => db.SelfAssessmentAnswers.Count(a => a.Return!.Status == ReturnStatus.Submitted && a.Rating == null)));
    }

    [Fact]
    public void GeneratedYears_ReAuditAnEarlierAudit_RevisitingEachAreaForImprovement()
    {
        var first = DemoReports.Draft.Next.StartYear;
        var reAudits = factory.Query(db => db.Audits.AsNoTracking()
            .Where(a => a.ProgrammeYear >= first && a.ReAuditOfId != null && a.ReportedOn != null)
            .Select(a => new
            {
                a.Title,
                Revisited = a.Findings.Count(f => f.RevisitsFindingId != null && f.Comparison != null),
                Original = a.ReAuditOf!.Findings.Count(f => f.Kind == FindingKind.AreaForImprovement),
                OriginalReported = a.ReAuditOf.ReportedOn,
                a.StartedOn,
            })
            .ToList());

        Assert.NotEmpty(reAudits);
        Assert.All(reAudits, r =>
        {
            Assert.Equal(r.Original, r.Revisited);
            Assert.True(r.OriginalReported < r.StartedOn, $"{r.Title} started before the audit it revisits reported");
        });
    }

    [Fact]
    public void Story_LeftoversFromTheHandWrittenYears_AreSettledByNow()
    {
        var storyEnd = DemoReports.Draft.Next.Start;
        var (actions, escalations) = factory.Query(db => (
            db.Actions.AsNoTracking().Count(a => a.DueDate < storyEnd
                && (a.Status == ActionStatus.OnTrack || a.Status == ActionStatus.NotStarted || a.Status == ActionStatus.AtRisk || a.Status == ActionStatus.OffTrack)),
            db.Escalations.AsNoTracking().Count(e => e.RaisedOn < storyEnd && e.ResolvedOn == null)));

        Assert.Equal(0, actions);
        Assert.Equal(0, escalations);
    }

    [Fact]
    public void Reports_OnlyTheOneInProgressIsUnpublished_AndNoneIsOverdue()
    {
        var today = Today();
        var deadlines = new ReportOptions();
        var reports = factory.Query(db => db.YearlyReports.AsNoTracking()
            .Select(r => new { r.StartYear, r.Status, SignOffs = r.SignOffs.Count }).ToList());

        var unpublished = reports.Where(r => r.Status != ReportStatus.Published).ToList();
        Assert.Single(unpublished);
        Assert.DoesNotContain(unpublished, r => deadlines.PublicationDeadline(new ReportingYear(r.StartYear)) < today);
        Assert.All(reports.Where(r => r.Status == ReportStatus.Published), r => Assert.Equal(3, r.SignOffs));
        // Every finished year up to the one in progress has its report.
        var current = ReportingYear.Containing(today);
        Assert.Equal(Enumerable.Range(DemoReports.Published.StartYear, current.StartYear - DemoReports.Published.StartYear).ToList(),
            reports.Select(r => r.StartYear).Where(y => y < current.StartYear).Order().ToList());
    }

    [Fact]
    public async Task Dashboard_Team_ShowsThisYearsBoardMeetingsAndNoOverdueReport()
    {
        var today = Today();
        var year = ReportingYear.Containing(today);
        var client = await factory.ClientAsync("team");

        var response = await client.GetAsync(new Uri("/dashboard", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Partnership dashboard for {year}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("overdue by", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("publication-overdue", html, StringComparison.Ordinal);
        var reports = await client.GetStringAsync(new Uri("/reports/yearly", UriKind.Relative));
        Assert.DoesNotContain(">Overdue<", reports, StringComparison.Ordinal);
        if (today >= year.Start.AddDays(100))
        {
            Assert.DoesNotContain(">0 board meetings<", html, StringComparison.Ordinal);
        }
    }
}

/// <summary>
/// The demo exactly as <c>./start.sh</c> seeds it, with the generated years up to today and their reports published
/// (through the real renderer and gate; only the printer is the quick stand-in).
/// </summary>
public sealed class DemoAliveFactory : PortalFactory
{
    protected override bool FillToToday => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:PublishReports", "true");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IPdfPrinter>();
            services.AddSingleton<IPdfPrinter>(new FakePdfPrinter());
        });
    }
}
