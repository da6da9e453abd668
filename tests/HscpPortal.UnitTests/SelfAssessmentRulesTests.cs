using System.Globalization;
using HscpPortal.Web.Domain;

namespace HscpPortal.UnitTests;

/// <summary>Section 11 and 175 returns: unrated standards, the change since the last round, action levels and tag colours.</summary>
public sealed class SelfAssessmentRulesTests
{
    [Theory]
    [InlineData(null, 1, RatingChange.New)]
    [InlineData(2, null, RatingChange.New)]
    [InlineData(3, 2, RatingChange.Improved)]
    [InlineData(2, 2, RatingChange.NoChange)]
    [InlineData(1, 3, RatingChange.Worse)]
    public void Change_PreviousAndCurrent_IsMeasuredWithOneAsBest(int? previous, int? current, RatingChange expected) =>
        Assert.Equal(expected, SelfAssessmentRules.Change(previous, current));

    [Fact]
    public void Unrated_SomeMissingOrNull_ListsTheirNumbers()
    {
        var unrated = SelfAssessmentRules.Unrated(5, [(1, 1), (2, null), (4, 3)]);

        Assert.Equal([2, 3, 5], unrated);
    }

    [Theory]
    [InlineData(null, 3, false)]
    [InlineData(2, 3, false)]
    [InlineData(3, 3, true)]
    [InlineData(4, 3, true)]
    public void ProposesAction_AtOrBelowTheLevel_IsTrue(int? rating, int from, bool expected) =>
        Assert.Equal(expected, SelfAssessmentRules.ProposesAction(rating, from));

    [Theory]
    [InlineData(1, 4, "govuk-tag--green")]
    [InlineData(2, 4, "govuk-tag--turquoise")]
    [InlineData(3, 4, "govuk-tag--yellow")]
    [InlineData(4, 4, "govuk-tag--red")]
    [InlineData(1, 3, "govuk-tag--green")]
    [InlineData(2, 3, "govuk-tag--yellow")]
    [InlineData(3, 3, "govuk-tag--red")]
    public void TagClass_LevelOnScale_GoesFromGreenToRed(int level, int levels, string expected) =>
        Assert.Equal(expected, SelfAssessmentRules.TagClass(level, levels));

    [Fact]
    public void Lines_TypedWithBlanksAndSpaces_AreTrimmedAndBlanksDropped() =>
        Assert.Equal(["Fully met", "Not met"], SelfAssessmentRules.Lines(" Fully met \r\n\n  \nNot met"));

    [Fact]
    public void StatusOn_SubmittedAfterTheDate_WasStillInProgress()
    {
        Assert.Equal(ReturnStatus.InProgress, SelfAssessmentRules.StatusOn(ReturnStatus.Submitted, new DateOnly(2024, 4, 2), new DateOnly(2024, 3, 31)));
        Assert.Equal(ReturnStatus.Submitted, SelfAssessmentRules.StatusOn(ReturnStatus.Submitted, new DateOnly(2024, 3, 31), new DateOnly(2024, 3, 31)));
    }

    [Fact]
    public void Defaults_Section11_HasTenStandardsAndFourLevels()
    {
        Assert.Equal(10, SelfAssessmentRules.DefaultSection11Standards.Count);
        Assert.Equal(["Fully met", "Mostly met", "Partially met", "Not met"], SelfAssessmentRules.DefaultScale);
    }
}

/// <summary>When a lead of a return not yet submitted is reminded: thresholds in working days before the deadline, and once after it.</summary>
public sealed class SelfAssessmentReminderRulesTests
{
    private static readonly DateOnly Deadline = new(2031, 3, 28);

    [Theory]
    [InlineData("2031-03-13", null)]
    [InlineData("2031-03-14", "before-10")]
    [InlineData("2031-03-17", "before-10")]
    [InlineData("2031-03-25", "before-10")]
    [InlineData("2031-03-26", "before-2")]
    [InlineData("2031-03-28", "before-2")]
    [InlineData("2031-03-29", null)]
    [InlineData("2031-03-31", "missed")]
    [InlineData("2031-04-04", "missed")]
    [InlineData("2031-04-07", null)]
    public void ReminderOccasion_WeekendsOnly_FollowsTheThresholds(string today, string? expected) =>
        Assert.Equal(expected, SelfAssessmentRules.ReminderOccasion(DateOnly.Parse(today, CultureInfo.InvariantCulture), Deadline, [10, 2], WorkingDayCalendar.WeekendsOnly));

    [Fact]
    public void ReminderOccasion_BankHolidayInBetween_CountsWorkingDaysOnly()
    {
        var calendar = new WorkingDayCalendar([new DateOnly(2031, 3, 17)]);

        Assert.Equal("before-10", SelfAssessmentRules.ReminderOccasion(new DateOnly(2031, 3, 13), Deadline, [10, 2], calendar));
        Assert.Null(SelfAssessmentRules.ReminderOccasion(new DateOnly(2031, 3, 17), Deadline, [10, 2], calendar));
    }

    [Fact]
    public void ReminderOccasion_ConfiguredThresholds_AreUsedInAnyOrder() =>
        Assert.Equal("before-5", SelfAssessmentRules.ReminderOccasion(new DateOnly(2031, 3, 21), Deadline, [1, 5], WorkingDayCalendar.WeekendsOnly));

    [Fact]
    public void ManualOccasion_IsOnePerDay() =>
        Assert.Equal("manual-2031-03-21", SelfAssessmentRules.ManualOccasion(new DateOnly(2031, 3, 21)));
}
