using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure;

namespace HscpPortal.UnitTests;

/// <summary>The escalation protocol's clock: due dates in working days, drift, working days spent, and its settings.</summary>
public class EscalationStageClockTests
{
    // England and Wales, winter 2023-24: Christmas Day, Boxing Day, New Year's Day.
    private static readonly WorkingDayCalendar Calendar = new([new(2023, 12, 25), new(2023, 12, 26), new(2024, 1, 1), new(2024, 3, 29), new(2024, 4, 1)]);

    private static readonly EscalationProtocol Protocol = new();

    public static TheoryData<int, DateOnly, DateOnly> DueDates() => new()
    {
        // Stage 2, five working days from Thursday 21 December: 22, 27, 28, 29 December and 2 January.
        { 2, new(2023, 12, 21), new(2024, 1, 2) },
        // Stage 1, two working days from a Monday: Wednesday.
        { 1, new(2024, 3, 4), new(2024, 3, 6) },
        // Stage 1 from a Friday: over the weekend to Tuesday.
        { 1, new(2024, 3, 8), new(2024, 3, 12) },
        // Stage 1 from Thursday before Easter: Good Friday, the weekend and Easter Monday are skipped.
        { 1, new(2024, 3, 28), new(2024, 4, 3) },
        // Stage 3, five working days from a Saturday start: Monday to Friday of the next week.
        { 3, new(2024, 3, 9), new(2024, 3, 15) },
        // Stage 4, ten working days.
        { 4, new(2024, 2, 1), new(2024, 2, 15) },
    };

    [Theory]
    [MemberData(nameof(DueDates))]
    public void DueOn_CountsWorkingDaysAfterTheStart(int stage, DateOnly started, DateOnly due)
    {
        Assert.Equal(due, Protocol.DueOn(stage, started, Calendar));
    }

    [Fact]
    public void DueOn_ConfiguredTimescales_AreUsed()
    {
        var protocol = new EscalationProtocol([new("Practitioners", 1), new("Managers", 3)]);

        Assert.Equal(new DateOnly(2024, 3, 5), protocol.DueOn(1, new(2024, 3, 4), Calendar));
        Assert.Equal(new DateOnly(2024, 3, 7), protocol.DueOn(2, new(2024, 3, 4), Calendar));
        Assert.Equal("Stage 2: Managers", protocol.Describe(2));
    }

    private static EscalationStage Stage(DateOnly started, DateOnly due, DateOnly? ended = null) =>
        new() { Stage = 2, StartedOn = started, DueOn = due, EndedOn = ended };

    [Theory]
    [InlineData("2024-01-01", false)] // before the due date
    [InlineData("2024-01-02", false)] // on the due date
    [InlineData("2024-01-03", true)] // the day after
    public void Drifted_RunningStage_OnlyOncePastItsDueDate(string today, bool drifted)
    {
        var stage = Stage(new(2023, 12, 21), new(2024, 1, 2));

        Assert.Equal(drifted, EscalationProtocol.Drifted(stage, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Drifted_StageEndedOnItsDueDate_IsOnTimeWhateverToday()
    {
        var stage = Stage(new(2023, 12, 21), new(2024, 1, 2), ended: new(2024, 1, 2));

        Assert.False(EscalationProtocol.Drifted(stage, new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void Drifted_StageEndedAfterItsDueDate_StaysDrifted()
    {
        var stage = Stage(new(2023, 12, 21), new(2024, 1, 2), ended: new(2024, 1, 4));

        Assert.True(EscalationProtocol.Drifted(stage, new DateOnly(2024, 1, 4)));
        Assert.True(EscalationProtocol.Drifted([Stage(new(2023, 12, 1), new(2023, 12, 8), new(2023, 12, 8)), stage], new DateOnly(2024, 2, 1)));
    }

    [Fact]
    public void WorkingDaysSpent_EndedStage_CountsWorkingDaysToTheEnd()
    {
        var stage = Stage(new(2023, 12, 21), new(2024, 1, 2), ended: new(2024, 1, 4));

        Assert.Equal(7, EscalationProtocol.WorkingDaysSpent(stage, new DateOnly(2024, 6, 1), Calendar));
    }

    [Fact]
    public void WorkingDaysSpent_RunningStage_CountsToToday()
    {
        var stage = Stage(new(2023, 12, 21), new(2024, 1, 2));

        Assert.Equal(3, EscalationProtocol.WorkingDaysSpent(stage, new DateOnly(2023, 12, 28), Calendar));
        Assert.Equal(0, EscalationProtocol.WorkingDaysSpent(stage, new DateOnly(2023, 12, 21), Calendar));
    }

    [Fact]
    public void Validate_NoStagesConfigured_UsesDefaults()
    {
        Assert.True(new EscalationOptionsValidation().Validate(null, new EscalationOptions()).Succeeded);
    }

    [Fact]
    public void Validate_SensibleStages_Succeeds()
    {
        var options = Options(("Practitioners", 2), ("Managers", 5), ("Heads of service", 5));

        Assert.True(new EscalationOptionsValidation().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_OneStage_FailsSayingHowMany()
    {
        var result = new EscalationOptionsValidation().Validate(null, Options(("Practitioners", 2)));

        Assert.True(result.Failed);
        Assert.Contains("Escalations:Stages has 1 stage(s): configure 2 to 6 stages", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SevenStages_Fails()
    {
        var stages = Enumerable.Range(1, 7).Select(i => ($"Stage {i}", 2)).ToArray();

        Assert.True(new EscalationOptionsValidation().Validate(null, Options(stages)).Failed);
    }

    [Theory]
    [InlineData("", 2, "Escalations:Stages:1:Name is empty")]
    [InlineData("Managers", 0, "Escalations:Stages:1:WorkingDays is 0: stage 2 needs 1 to 60 working days")]
    [InlineData("Managers", 61, "Escalations:Stages:1:WorkingDays is 61")]
    public void Validate_BadStage_FailsNamingTheSetting(string name, int days, string message)
    {
        var result = new EscalationOptionsValidation().Validate(null, Options(("Practitioners", 2), (name, days)));

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    private static EscalationOptions Options(params (string Name, int Days)[] stages) =>
        new() { Stages = stages.Select(s => new EscalationStageSetting { Name = s.Name, WorkingDays = s.Days }).ToList() };
}
