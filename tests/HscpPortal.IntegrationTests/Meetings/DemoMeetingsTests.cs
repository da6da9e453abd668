using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.IntegrationTests;

/// <summary>The demo meetings reproduce the seeds' 2023-24 board figures and show the ratification flow.</summary>
public class DemoMeetingsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly ReportingYear Year2023 = new(2023);
    private static readonly ReportingYear Year2024 = new(2024);

    private List<Meeting> HeldBoardMeetings(ReportingYear year) => factory.Query(db => db.Meetings.AsNoTracking()
        .Include(m => m.Attendance)
        .Where(m => m.Group!.Name == Demo.Board && m.Status == MeetingStatus.Held && m.Date >= year.Start && m.Date <= year.End)
        .OrderBy(m => m.Date)
        .ToList());

    private (List<PartnerOrganisation> Partners, List<PartnerRepresentative> History) Representation() => factory.Query(db => (
        db.Organisations.AsNoTracking()
            .Where(o => o.StatutoryPartner != null)
            .Select(o => new PartnerOrganisation(o.Id, o.Name, o.StatutoryPartner!.Value))
            .ToList(),
        db.PartnerRepresentatives.AsNoTracking().ToList()));

    [Fact]
    public void Board_2023To24_HeldFourMeetings()
    {
        Assert.Equal(4, HeldBoardMeetings(Year2023).Count);
    }

    [Fact]
    public void Board_2023To24_AttendanceStatisticsMatchYearlyReport()
    {
        var meetings = HeldBoardMeetings(Year2023)
            .Select(m => new HeldMeeting(m.Id, m.Date, Quorum.PresentFrom(m.Attendance)))
            .ToList();
        var (partners, history) = Representation();

        var stats = AttendanceStatistics.ForPartners(meetings, partners, history).ToDictionary(s => s.Partner);

        Assert.Equal((4, 50, 75, 0), Figures(stats[StatutoryPartner.IntegratedCareBoard]));
        Assert.Equal((4, 100, 100, 0), Figures(stats[StatutoryPartner.LocalAuthority]));
        Assert.Equal((4, 50, 50, 0), Figures(stats[StatutoryPartner.Police]));
    }

    private static (int, int, int, int) Figures(PartnerAttendance a) => (a.Held, a.DspPercent, a.RepresentativePercent, a.NobodyPercent);

    [Fact]
    public void Board_2023To24_EveryMeetingQuorate()
    {
        Assert.All(HeldBoardMeetings(Year2023), m => Assert.True(m.IsQuorate, $"{m.Date}: {m.QuorumStatement}"));
    }

    [Fact]
    public void Board_2024To25_OneKeyDecisionAwaitsRatificationFromMeetingWithoutPolice()
    {
        var awaiting = factory.Query(db => db.Decisions.AsNoTracking()
            .Where(d => d.IsKey && d.RatifiedAtMeetingId == null && !d.Meeting!.IsQuorate && d.Meeting.Status == MeetingStatus.Held)
            .Where(d => d.Meeting!.Group!.Name == Demo.Board && d.Meeting.Date >= Year2024.Start && d.Meeting.Date <= Year2024.End)
            .Select(d => new { d.Meeting!.QuorumStatement })
            .ToList());

        var decision = Assert.Single(awaiting);
        Assert.Contains("Police not represented", decision.QuorumStatement, StringComparison.Ordinal);
    }

    [Fact]
    public void Board_2024To25_InquorateKeyDecisionRatifiedAtLaterQuorateMeeting()
    {
        var ratified = factory.Query(db => db.Decisions.AsNoTracking()
            .Where(d => d.IsKey && d.RatifiedAtMeetingId != null && !d.Meeting!.IsQuorate)
            .Select(d => new { Taken = d.Meeting!.Date, Ratified = d.RatifiedAt!.Date, d.RatifiedAt.IsQuorate })
            .ToList());

        var decision = Assert.Single(ratified);
        Assert.True(decision.Ratified > decision.Taken);
        Assert.True(decision.IsQuorate);
    }

    [Fact]
    public void HeldMeetings_CachedQuorum_MatchesTheGroupsRuleOverTheRegister()
    {
        var (partners, history) = Representation();
        var meetings = factory.Query(db => db.Meetings.AsNoTracking()
            .Include(m => m.Attendance)
            .Include(m => m.Group)
            .Where(m => m.Status == MeetingStatus.Held)
            .ToList());

        Assert.NotEmpty(meetings);
        Assert.All(meetings, m =>
        {
            var result = Quorum.Evaluate(m.Group!.QuorumRule, m.Group.QuorumCount, m.Date, Quorum.PresentFrom(m.Attendance), partners, history);
            Assert.Equal((result.IsQuorate, result.Statement), (m.IsQuorate, m.QuorumStatement));
        });
    }

    [Fact]
    public void Board_ApprovedMinutes_WereApprovedAtALaterMeetingOfTheBoard()
    {
        var minutes = factory.Query(db => db.Meetings.AsNoTracking()
            .Where(m => m.Group!.Name == Demo.Board && m.MinutesStatus == MinutesStatus.Approved)
            .Select(m => new { m.Date, m.GroupId, ApprovedOn = (DateOnly?)m.MinutesApprovedAt!.Date, ApprovedBy = (int?)m.MinutesApprovedAt.GroupId })
            .ToList());

        Assert.NotEmpty(minutes);
        Assert.All(minutes, m =>
        {
            Assert.True(m.ApprovedOn > m.Date);
            Assert.Equal(m.GroupId, m.ApprovedBy);
        });
    }
}
