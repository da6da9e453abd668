namespace HscpPortal.Web.Features.Reminders;

public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Runs the background sender. Off in tests, which drive <see cref="ReminderService"/> directly.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>UK local time after which the day's reminders go out.</summary>
    public TimeOnly DailyAt { get; set; } = new(7, 0);

    /// <summary>The day the week starts on: the weekly summary goes on its first working day.</summary>
    public DayOfWeek WeeklyOn { get; set; } = DayOfWeek.Monday;

    /// <summary>How often the sender wakes to see whether a run is due.</summary>
    public int CheckEveryMinutes { get; set; } = 15;

    /// <summary>A run claimed but not completed within this time is taken over by another instance.</summary>
    public int LeaseMinutes { get; set; } = 30;

    /// <summary>
    /// Working days before a self-assessment deadline at which the lead of a return not yet submitted is reminded
    /// (Reminders:SelfAssessmentDaysBefore:0, :1...). Nullable so that configured values replace the default instead of
    /// being appended to it, as the configuration binder does with arrays.
    /// </summary>
    public int[]? SelfAssessmentDaysBefore { get; set; }

    public IReadOnlyList<int> SelfAssessmentThresholds => SelfAssessmentDaysBefore is { Length: > 0 } days ? days : [10, 2];
}
