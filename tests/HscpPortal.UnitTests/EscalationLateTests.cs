using HscpPortal.Web.Domain;

namespace HscpPortal.UnitTests;

/// <summary>"Late today" for the register's filter and the dashboards: open, with the running stage past its due date.</summary>
public class EscalationLateTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);
    private static readonly Func<Escalation, bool> Late = EscalationProtocol.LateOn(Today).Compile();

    private static Escalation With(DateOnly due, DateOnly? ended = null, DateOnly? resolved = null) => new()
    {
        Reference = "ESC-1", RaiserRole = "Social worker", CaseReference = "C1", ResolvedOn = resolved, CurrentStage = 2,
        Stages =
        [
            new EscalationStage { Stage = 1, StartedOn = due.AddDays(-20), DueOn = due.AddDays(-15), EndedOn = due.AddDays(-10) },
            new EscalationStage { Stage = 2, StartedOn = due.AddDays(-10), DueOn = due, EndedOn = ended },
        ],
    };

    [Fact]
    public void LateOn_RunningStagePastItsDueDate_IsLate() => Assert.True(Late(With(Today.AddDays(-1))));

    [Fact]
    public void LateOn_DueToday_IsNotLateYet() => Assert.False(Late(With(Today)));

    [Fact]
    public void LateOn_StageThatRanLateButEnded_IsDriftNotLate() =>
        Assert.False(Late(With(Today.AddDays(-5), ended: Today.AddDays(-2), resolved: Today.AddDays(-2))));

    [Fact]
    public void LateOn_EarlierStageRanLate_CurrentOnTime_IsNotLate()
    {
        var escalation = With(Today.AddDays(3));
        escalation.Stages[0].EndedOn = escalation.Stages[0].DueOn.AddDays(4);

        Assert.False(Late(escalation));
    }
}
