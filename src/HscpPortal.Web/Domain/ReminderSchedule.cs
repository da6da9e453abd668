namespace HscpPortal.Web.Domain;

/// <summary>
/// When reminders go out. The daily digest goes on working days only: an owner reading it on a bank holiday
/// cannot act on it, and the next working day's digest lists the same actions anyway. The weekly summary goes on
/// the first working day of the week (the week starting on the configured day), so a bank-holiday Monday moves it
/// to the Tuesday rather than skipping the week.
/// </summary>
public static class ReminderSchedule
{
    public static bool IsDigestDay(DateOnly date, WorkingDayCalendar calendar) => calendar.IsWorkingDay(date);

    public static bool IsSummaryDay(DateOnly date, DayOfWeek weekStartsOn, WorkingDayCalendar calendar)
    {
        var weekStart = date.AddDays(-(((int)date.DayOfWeek - (int)weekStartsOn + 7) % 7));
        var first = calendar.OnOrAfter(weekStart);
        return first == date;
    }

    /// <summary>Whether the day's reminders are due: on the right day, once the configured local time has passed.</summary>
    public static bool IsTimeToSend(DateTime ukNow, TimeOnly sendAt) => TimeOnly.FromDateTime(ukNow) >= sendAt;
}
