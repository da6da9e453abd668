using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.IntegrationTests;

/// <summary>The demo escalations follow what the 2023-24 review of escalations found.</summary>
public class DemoEscalationsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private List<Escalation> Raised(ReportingYear year) => factory.Query(db => db.Escalations.AsNoTracking()
        .Include(e => e.RaisingOrganisation)
        .Include(e => e.ConcernedOrganisation)
        .Include(e => e.Stages)
        .Where(e => e.RaisedOn >= year.Start && e.RaisedOn <= year.End)
        .ToList());

    [Fact]
    public void Year2023To24_HasElevenEscalationsAllResolvedWithOutcomeAndImpact()
    {
        var escalations = Raised(new ReportingYear(2023));

        Assert.Equal(11, escalations.Count);
        Assert.All(escalations, e =>
        {
            Assert.NotNull(e.ResolvedOn);
            Assert.Equal(e.CurrentStage, e.ResolvedAtStage);
            Assert.False(string.IsNullOrWhiteSpace(e.Outcome));
            Assert.False(string.IsNullOrWhiteSpace(e.ImpactForChild));
            Assert.Matches(@"^HSCP-C-\d{4}$", e.CaseReference);
        });
    }

    [Fact]
    public void Year2023To24_SchoolsAndHealthRaiseTheMajority()
    {
        var escalations = Raised(new ReportingYear(2023));

        var schoolsAndHealth = escalations.Count(e => e.RaisingOrganisation!.Sector is Sector.Education or Sector.Health);

        Assert.True(schoolsAndHealth * 2 > escalations.Count, $"{schoolsAndHealth} of {escalations.Count}");
    }

    [Fact]
    public void Year2023To24_CouncilReceivesMost()
    {
        var byReceiver = Raised(new ReportingYear(2023)).GroupBy(e => e.ConcernedOrganisation!.Name).OrderByDescending(g => g.Count()).ToList();

        Assert.Equal(Demo.Council, byReceiver[0].Key);
        Assert.True(byReceiver[0].Count() > byReceiver.Skip(1).Sum(g => g.Count()));
    }

    [Fact]
    public void Year2023To24_MostReachingStageTwoResolvedThereAndHigherStagesMostlyFromDrift()
    {
        var escalations = Raised(new ReportingYear(2023));
        var reachedTwo = escalations.Where(e => e.CurrentStage >= 2).ToList();
        var movesAboveTwo = escalations.SelectMany(e => e.Stages).Where(s => s.Stage >= 3).ToList();

        Assert.True(reachedTwo.Count(e => e.ResolvedAtStage == 2) * 2 > reachedTwo.Count);
        Assert.True(movesAboveTwo.Count(s => s.Reason == StageMoveReason.NoTimelyResponse) * 2 > movesAboveTwo.Count);
    }

    [Fact]
    public void EveryStage_DueDateFollowsTheProtocolAndMovesUpForDriftOnlyWhenLate()
    {
        var protocol = new EscalationProtocol();
        var calendar = new WorkingDayCalendar(HscpPortal.Web.Infrastructure.BankHolidays.BankHolidayFeed.Shipped().Select(h => h.Date));
        var escalations = factory.Query(db => db.Escalations.AsNoTracking().Include(e => e.Stages).ToList());

        foreach (var escalation in escalations)
        {
            var stages = escalation.Stages.OrderBy(s => s.Stage).ToList();
            Assert.Equal(escalation.RaisedOn, stages[0].StartedOn);
            for (var i = 0; i < stages.Count; i++)
            {
                Assert.Equal(protocol.DueOn(stages[i].Stage, stages[i].StartedOn, calendar), stages[i].DueOn);
                if (i > 0)
                {
                    Assert.Equal(stages[i - 1].EndedOn, stages[i].StartedOn);
                    var late = stages[i - 1].EndedOn > stages[i - 1].DueOn;
                    Assert.Equal(late ? StageMoveReason.NoTimelyResponse : StageMoveReason.StillDisagree, stages[i].Reason);
                }
            }
        }
    }

    [Fact]
    public void Trend_IncreasesAfterThePolicyRelaunchAndSomeAreOpenIn2024To25()
    {
        var counts = Enumerable.Range(2020, 4).Select(y => Raised(new ReportingYear(y)).Count).ToList();
        var open = Raised(new ReportingYear(2024));

        Assert.Equal([3, 4, 7, 11], counts);
        Assert.InRange(open.Count, 3, 4);
        Assert.All(open, e => Assert.Null(e.ResolvedOn));
        Assert.Contains(open, e => e.Stages.Any(s => s.Reason == StageMoveReason.NoTimelyResponse));
    }

    [Fact]
    public void Learning_LeadsToQualityAndEffectivenessActionsLinkedToTheEscalation()
    {
        var actions = factory.Query(db => db.Actions.AsNoTracking()
            .Where(a => a.Source == ActionSource.Escalation)
            .Select(a => new { a.EscalationId, Group = a.Group!.Name, Learning = a.Escalation!.Learning, a.OwnerPersonId })
            .ToList());

        Assert.InRange(actions.Count, 2, 3);
        Assert.All(actions, a =>
        {
            Assert.NotNull(a.EscalationId);
            Assert.Equal(Demo.QualityAndEffectiveness, a.Group);
            Assert.False(string.IsNullOrWhiteSpace(a.Learning));
        });
    }
}
