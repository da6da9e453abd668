using System.Linq.Expressions;

namespace HscpPortal.Web.Domain;

/// <summary>One stage of the escalation protocol as configured: its name and its working-day timescale.</summary>
public sealed record EscalationStageDefinition(string Name, int WorkingDays);

/// <summary>
/// The escalation protocol's stages and the clock that runs on them. Stage names and timescales are settings
/// (<c>Escalations:Stages</c>); the defaults follow the usual protocol: practitioners, line managers, senior
/// managers or heads of service, then the partnership chair or scrutineer, with 2, 5, 5 and 10 working days.
/// </summary>
public sealed class EscalationProtocol
{
    public static IReadOnlyList<EscalationStageDefinition> DefaultStages { get; } =
    [
        new("Practitioner to practitioner", 2),
        new("Line managers", 5),
        new("Senior managers or heads of service", 5),
        new("Partnership chair or independent scrutineer", 10),
    ];

    public EscalationProtocol(IReadOnlyList<EscalationStageDefinition>? stages = null)
    {
        Stages = stages is { Count: > 0 } ? stages : DefaultStages;
    }

    public IReadOnlyList<EscalationStageDefinition> Stages { get; }

    public int StageCount => Stages.Count;

    /// <summary>"Stage 2: Line managers".</summary>
    public string Describe(int stage) =>
        stage >= 1 && stage <= Stages.Count ? $"Stage {stage}: {Stages[stage - 1].Name}" : $"Stage {stage}";

    public string Name(int stage) => stage >= 1 && stage <= Stages.Count ? Stages[stage - 1].Name : $"Stage {stage}";

    /// <summary>The due date of a stage that starts on <paramref name="startedOn"/>.</summary>
    public DateOnly DueOn(int stage, DateOnly startedOn, WorkingDayCalendar calendar)
    {
        var days = stage >= 1 && stage <= Stages.Count ? Stages[stage - 1].WorkingDays : Stages[^1].WorkingDays;
        return calendar.AddWorkingDays(startedOn, days);
    }

    /// <summary>
    /// Drift: a stage that ran past its due date, or the current stage now past it. Resolved on the due date
    /// is on time; the day after is drift.
    /// </summary>
    public static bool Drifted(EscalationStage stage, DateOnly today) => (stage.EndedOn ?? today) > stage.DueOn;

    /// <summary>
    /// Late today: open, with its current stage still running past its due date. Drift also counts stages that ran late
    /// and ended; this is what someone can still act on. A database expression, so the register's filter and the
    /// dashboards' "needs attention today" count the same records.
    /// </summary>
    public static Expression<Func<Escalation, bool>> LateOn(DateOnly today) =>
        e => e.ResolvedOn == null && e.Stages.Any(s => s.EndedOn == null && s.DueOn < today);

    /// <summary>
    /// The stages as they stood at the end of the date: those started by then, with an end only if it had ended by
    /// then. A past year's report reads escalations this way, so that resolving one later never changes that year.
    /// </summary>
    public static IReadOnlyList<EscalationStage> AsAt(IEnumerable<EscalationStage> stages, DateOnly date) =>
        stages.Where(s => s.StartedOn <= date)
            .Select(s => s.EndedOn is { } ended && ended > date
                ? new EscalationStage { Id = s.Id, EscalationId = s.EscalationId, Stage = s.Stage, StartedOn = s.StartedOn, DueOn = s.DueOn, EndedOn = null, Reason = s.Reason }
                : s)
            .ToList();

    /// <summary>The stage an escalation had reached by the date, from its stages as they stood then.</summary>
    public static int StageReached(IEnumerable<EscalationStage> stagesAsAt) => stagesAsAt.Select(s => s.Stage).DefaultIfEmpty(1).Max();

    /// <summary>An escalation has drifted if any of its stages did.</summary>
    public static bool Drifted(IEnumerable<EscalationStage> stages, DateOnly today) => stages.Any(s => Drifted(s, today));

    /// <summary>Working days a stage took, or has taken so far.</summary>
    public static int WorkingDaysSpent(EscalationStage stage, DateOnly today, WorkingDayCalendar calendar) =>
        Math.Max(0, calendar.WorkingDaysBetween(stage.StartedOn, stage.EndedOn ?? today));
}
