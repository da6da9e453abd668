using HscpPortal.Web.Domain;

namespace HscpPortal.UnitTests;

/// <summary>The scrutiny plan's approval by the statutory partners, and the recommendation's lifecycle.</summary>
public sealed class ScrutinyPlanRulesTests
{
    private static readonly DateOnly Made = new(2024, 9, 10);

    [Theory]
    [InlineData(new[] { 1, 2, 3 }, new[] { 1, 2, 3 }, true)]
    [InlineData(new[] { 1, 2, 3 }, new[] { 3, 1, 2, 9 }, true)]
    [InlineData(new[] { 1, 2, 3 }, new[] { 1, 2 }, false)]
    [InlineData(new[] { 1, 2, 3, 4 }, new[] { 1, 2, 3 }, false)]
    [InlineData(new[] { 1, 2 }, new[] { 1, 2 }, true)]
    [InlineData(new int[0], new int[0], false)]
    [InlineData(new[] { 1 }, new int[0], false)]
    public void IsApproved_OnlyWhenEveryStatutoryPartnerApproved(int[] partners, int[] approved, bool expected)
    {
        Assert.Equal(expected, ScrutinyPlanRules.IsApproved(partners, approved));
    }

    [Fact]
    public void ApprovedOn_AllApproved_IsTheLastPartnersDate()
    {
        var on = ScrutinyPlanRules.ApprovedOn([1, 2, 3], [(1, new DateOnly(2024, 6, 10)), (3, new DateOnly(2024, 7, 2)), (2, new DateOnly(2024, 6, 20))]);

        Assert.Equal(new DateOnly(2024, 7, 2), on);
    }

    [Fact]
    public void ApprovedOn_OnePartnerMissing_IsNull()
    {
        Assert.Null(ScrutinyPlanRules.ApprovedOn([1, 2, 3], [(1, new DateOnly(2024, 6, 10)), (2, new DateOnly(2024, 6, 20))]));
    }

    [Fact]
    public void WithdrawApprovals_AfterAnEdit_WithdrawsEveryCurrentApprovalOnly()
    {
        var at = new DateTime(2024, 10, 1, 9, 0, 0, DateTimeKind.Utc);
        var earlier = new DateTime(2024, 5, 1, 9, 0, 0, DateTimeKind.Utc);
        var approvals = new List<ScrutinyPlanApproval>
        {
            new() { ApproverName = "A", Fingerprint = "x", OrganisationId = 1 },
            new() { ApproverName = "B", Fingerprint = "x", OrganisationId = 2 },
            new() { ApproverName = "C", Fingerprint = "w", OrganisationId = 3, WithdrawnAt = earlier, WithdrawnReason = "before" },
        };

        var withdrawn = ScrutinyPlanRules.WithdrawApprovals(approvals, at);

        Assert.Equal(2, withdrawn);
        Assert.All(approvals.Take(2), a => Assert.Equal(at, a.WithdrawnAt));
        Assert.All(approvals.Take(2), a => Assert.Equal(ScrutinyPlanRules.EditedReason, a.WithdrawnReason));
        Assert.Equal(earlier, approvals[2].WithdrawnAt);
        Assert.False(ScrutinyPlanRules.IsApproved([1, 2], approvals.Where(a => a.WithdrawnAt is null).Select(a => a.OrganisationId).ToList()));
    }

    [Fact]
    public void Fingerprint_ChangesWithAnyItemOrTheSummary()
    {
        (int, string, ScrutinyActivityKind, int, int?, string, int?) item = (1, "Front door", ScrutinyActivityKind.WalkTheFloor, 1, null, "Referrals rose", null);
        var original = ScrutinyPlanRules.Fingerprint("Summary", [item]);

        Assert.Equal(original, ScrutinyPlanRules.Fingerprint("Summary", [item]));
        Assert.NotEqual(original, ScrutinyPlanRules.Fingerprint("Summary changed", [item]));
        Assert.NotEqual(original, ScrutinyPlanRules.Fingerprint("Summary", [item with { Item4 = 2 }]));
        Assert.NotEqual(original, ScrutinyPlanRules.Fingerprint("Summary", [item, (2, "Neglect files", ScrutinyActivityKind.CaseFileReview, 3, 11, "Most plans", 4)]));
        Assert.NotEqual(original, ScrutinyPlanRules.Fingerprint("Summary", []));
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(6, 1)]
    [InlineData(7, 2)]
    [InlineData(12, 3)]
    [InlineData(1, 4)]
    [InlineData(3, 4)]
    public void QuarterOfMonth_FollowsTheReportingYear(int month, int quarter)
    {
        Assert.Equal(quarter, ScrutinyPlanRules.QuarterOfMonth(month));
    }

    [Theory]
    [InlineData(null, 0, RecommendationState.AwaitingResponse)]
    [InlineData(RecommendationResponse.Agreed, 0, RecommendationState.AgreedNoAction)]
    [InlineData(RecommendationResponse.PartlyAgreed, 0, RecommendationState.AgreedNoAction)]
    [InlineData(RecommendationResponse.Agreed, 2, RecommendationState.AgreedWithAction)]
    [InlineData(RecommendationResponse.PartlyAgreed, 1, RecommendationState.AgreedWithAction)]
    [InlineData(RecommendationResponse.NotAgreed, 0, RecommendationState.NotAgreed)]
    public void State_FollowsTheResponseAndActions(RecommendationResponse? response, int actions, RecommendationState expected)
    {
        Assert.Equal(expected, ScrutinyPlanRules.State(response, actions));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(RecommendationResponse.Agreed, true)]
    [InlineData(RecommendationResponse.PartlyAgreed, true)]
    [InlineData(RecommendationResponse.NotAgreed, false)]
    public void CanRaiseAction_OnlyWhereAgreedWhollyOrInPart(RecommendationResponse? response, bool expected)
    {
        Assert.Equal(expected, ScrutinyPlanRules.CanRaiseAction(response));
    }

    [Fact]
    public void ResponseProblems_BeforeTheRecommendationOrInTheFuture_AreRefused()
    {
        var today = new DateOnly(2024, 12, 1);

        Assert.Empty(ScrutinyPlanRules.ResponseProblems(Made, Made, today));
        Assert.Empty(ScrutinyPlanRules.ResponseProblems(Made, null, today));
        Assert.Equal("RespondedOn", Assert.Single(ScrutinyPlanRules.ResponseProblems(Made, Made.AddDays(-1), today)).Field);
        Assert.Equal("RespondedOn", Assert.Single(ScrutinyPlanRules.ResponseProblems(Made, today.AddDays(1), today)).Field);
    }
}
