namespace HscpPortal.Web.Domain;

/// <summary>
/// Working days in England and Wales: Monday to Friday except bank holidays (substitute days included, as
/// GOV.UK publishes them). Timescales count whole working days after the start date, so a 2-working-day stage
/// started on a Monday is due on the Wednesday, and <c>WorkingDaysBetween(start, AddWorkingDays(start, n)) == n</c>
/// for any working-day start.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> holidays;

    public WorkingDayCalendar(IEnumerable<DateOnly> bankHolidays)
    {
        holidays = [.. bankHolidays];
    }

    /// <summary>A calendar with weekends only, for tests and for dates outside the holiday data.</summary>
    public static WorkingDayCalendar WeekendsOnly { get; } = new([]);

    public int HolidayCount => holidays.Count;

    public bool IsBankHoliday(DateOnly date) => holidays.Contains(date);

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(date);

    /// <summary>
    /// The date <paramref name="days"/> working days after <paramref name="start"/> (before it, if negative).
    /// The start itself is not counted; zero days gives the start unchanged.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        var step = days >= 0 ? 1 : -1;
        var remaining = Math.Abs(days);
        var date = start;
        while (remaining > 0)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    /// <summary>
    /// Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when
    /// <paramref name="to"/> is earlier, zero when they are the same day.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        // Whole weeks contribute five weekdays each; only the remainder is walked, then holidays are taken off.
        var totalDays = to.DayNumber - from.DayNumber;
        var weeks = totalDays / 7;
        var count = weeks * 5;
        var date = from.AddDays(weeks * 7);
        while (date < to)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                count++;
            }
        }

        foreach (var holiday in holidays)
        {
            if (holiday > from && holiday <= to && holiday.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                count--;
            }
        }

        return count;
    }

    /// <summary>The start date moved forward to a working day, if it is not one.</summary>
    public DateOnly OnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }
}
