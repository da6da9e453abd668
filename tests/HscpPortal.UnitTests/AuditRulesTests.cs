using HscpPortal.Web.Domain;

namespace HscpPortal.UnitTests;

/// <summary>The multi-agency audit's lifecycle and its re-audit comparison.</summary>
public sealed class AuditRulesTests
{
    private static readonly DateOnly Today = new(2024, 6, 1);

    [Theory]
    [InlineData(AuditStatus.Planned, AuditStatus.InProgress, true)]
    [InlineData(AuditStatus.Planned, AuditStatus.Reported, false)]
    [InlineData(AuditStatus.Planned, AuditStatus.Closed, false)]
    [InlineData(AuditStatus.InProgress, AuditStatus.Reported, true)]
    [InlineData(AuditStatus.InProgress, AuditStatus.Planned, true)]
    [InlineData(AuditStatus.Reported, AuditStatus.ActionsMonitored, true)]
    [InlineData(AuditStatus.Reported, AuditStatus.ReAuditDue, true)]
    [InlineData(AuditStatus.Reported, AuditStatus.Planned, false)]
    [InlineData(AuditStatus.ActionsMonitored, AuditStatus.Closed, true)]
    [InlineData(AuditStatus.ActionsMonitored, AuditStatus.InProgress, false)]
    [InlineData(AuditStatus.ReAuditDue, AuditStatus.Closed, true)]
    [InlineData(AuditStatus.Closed, AuditStatus.ReAuditDue, true)]
    [InlineData(AuditStatus.Closed, AuditStatus.InProgress, false)]
    [InlineData(AuditStatus.Closed, AuditStatus.Closed, true)]
    public void CanMove_FollowsTheLifecycle(AuditStatus from, AuditStatus to, bool allowed)
    {
        Assert.Equal(allowed, AuditRules.CanMove(from, to));
    }

    [Fact]
    public void Problems_NewAuditRecordedAsReported_NeedsDatesAndSample()
    {
        var problems = AuditRules.Problems(null, AuditStatus.Reported, null, null, null, Today);

        Assert.Equal(["StartedOn", "ReportedOn", "CasesSampled"], problems.Select(p => p.Field).ToList());
    }

    [Fact]
    public void Problems_PlannedWithoutDates_IsFine()
    {
        Assert.Empty(AuditRules.Problems(null, AuditStatus.Planned, null, null, null, Today));
    }

    [Fact]
    public void Problems_ReportedBeforeStartedOrInTheFuture_AreRefused()
    {
        var backwards = AuditRules.Problems(AuditStatus.InProgress, AuditStatus.Reported, new(2024, 5, 1), new(2024, 4, 1), 10, Today);
        var future = AuditRules.Problems(AuditStatus.InProgress, AuditStatus.Reported, new(2024, 5, 1), new(2024, 7, 1), 10, Today);

        Assert.Equal([("ReportedOn", "The date reported must be on or after the start date")], backwards);
        Assert.Equal([("ReportedOn", "The date reported must be today or in the past")], future);
    }

    [Fact]
    public void Problems_JumpFromPlannedToClosed_NamesBothStatuses()
    {
        var problems = AuditRules.Problems(AuditStatus.Planned, AuditStatus.Closed, new(2024, 1, 1), new(2024, 2, 1), 6, Today);

        Assert.Equal([("Status", "An audit that is planned cannot move to closed")], problems);
    }

    [Fact]
    public void Compare_AnyWorse_IsNeverHiddenByImprovements()
    {
        var result = AuditRules.Compare([FindingComparison.Improved, FindingComparison.Improved, FindingComparison.Worse, null]);

        Assert.Equal(new ReAuditResult(2, 0, 1), result);
        Assert.Equal(3, result.Compared);
        Assert.Equal("Worse on 1 of 3 findings", result.Summary);
    }

    [Theory]
    [InlineData(new[] { FindingComparison.Improved, FindingComparison.Improved }, "Improved on every finding compared")]
    [InlineData(new[] { FindingComparison.Improved, FindingComparison.NoChange }, "Improved on 1 of 2 findings, no change on 1")]
    [InlineData(new[] { FindingComparison.NoChange }, "No change on the findings compared")]
    [InlineData(new FindingComparison[0], "No findings compared yet")]
    public void Compare_Summary(FindingComparison[] comparisons, string expected)
    {
        Assert.Equal(expected, AuditRules.Compare(comparisons.Select(c => (FindingComparison?)c)).Summary);
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(6, 1)]
    [InlineData(7, 2)]
    [InlineData(10, 3)]
    [InlineData(12, 3)]
    [InlineData(1, 4)]
    [InlineData(3, 4)]
    public void QuarterOf_CountsFromApril(int month, int quarter)
    {
        Assert.Equal(quarter, AuditRules.QuarterOf(new DateOnly(2024, month, 15)));
    }
}
