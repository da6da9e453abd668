namespace HscpPortal.Web.Domain;

/// <summary>Dates for a year of meetings at a group's frequency.</summary>
public static class MeetingSchedule
{
    public static int PerYear(MeetingFrequency frequency) => frequency switch
    {
        MeetingFrequency.Weekly => 52,
        MeetingFrequency.Fortnightly => 26,
        MeetingFrequency.Monthly => 12,
        MeetingFrequency.SixWeekly => 8,
        MeetingFrequency.BiMonthly => 6,
        MeetingFrequency.Quarterly => 4,
        MeetingFrequency.TwiceYearly => 2,
        MeetingFrequency.Annually => 1,
        _ => 0,
    };

    /// <summary>
    /// Monthly rhythms keep the first meeting's weekday and week of the month ("second Thursday"), so a
    /// schedule never drifts onto a different day of the week.
    /// </summary>
    public static IReadOnlyList<DateOnly> Dates(DateOnly first, MeetingFrequency frequency, int count)
    {
        var dates = new List<DateOnly>();
        for (var i = 0; i < count; i++)
        {
            dates.Add(frequency switch
            {
                MeetingFrequency.Weekly => first.AddDays(7 * i),
                MeetingFrequency.Fortnightly => first.AddDays(14 * i),
                MeetingFrequency.SixWeekly => first.AddDays(42 * i),
                MeetingFrequency.Monthly => SameWeekdayOfMonth(first, i),
                MeetingFrequency.BiMonthly => SameWeekdayOfMonth(first, 2 * i),
                MeetingFrequency.Quarterly => SameWeekdayOfMonth(first, 3 * i),
                MeetingFrequency.TwiceYearly => SameWeekdayOfMonth(first, 6 * i),
                MeetingFrequency.Annually => SameWeekdayOfMonth(first, 12 * i),
                _ => first,
            });
        }

        return dates;
    }

    private static DateOnly SameWeekdayOfMonth(DateOnly first, int monthsLater)
    {
        var week = (first.Day - 1) / 7;
        var month = new DateOnly(first.Year, first.Month, 1).AddMonths(monthsLater);
        var offset = ((int)first.DayOfWeek - (int)month.DayOfWeek + 7) % 7;
        var date = month.AddDays(offset + (7 * week));
        // A fifth weekday that a shorter month lacks falls back to its last such weekday.
        return date.Month == month.Month ? date : date.AddDays(-7);
    }
}
