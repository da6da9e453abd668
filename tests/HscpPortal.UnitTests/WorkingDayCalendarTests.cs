using System.Globalization;
using System.Text;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure.BankHolidays;

namespace HscpPortal.UnitTests;

public class WorkingDayCalendarTests
{
    // Built once from the file the portal ships, so these cases also prove the shipped data.
    private static readonly WorkingDayCalendar Calendar = new(BankHolidayFeed.Shipped().Select(h => h.Date));

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2024-11-25", true)] // Monday
    [InlineData("2024-11-29", true)] // Friday
    [InlineData("2024-11-30", false)] // Saturday
    [InlineData("2024-12-01", false)] // Sunday
    [InlineData("2024-12-25", false)] // Christmas Day, a Wednesday
    [InlineData("2024-12-26", false)] // Boxing Day
    [InlineData("2024-12-27", true)]
    [InlineData("2021-12-27", false)] // substitute for Christmas Day on a Saturday
    [InlineData("2021-12-28", false)] // substitute for Boxing Day on a Sunday
    [InlineData("2022-12-26", false)] // Boxing Day, Monday
    [InlineData("2022-12-27", false)] // substitute for Christmas Day on a Sunday
    [InlineData("2022-01-03", false)] // substitute for New Year's Day on a Saturday
    [InlineData("2023-01-02", false)] // substitute for New Year's Day on a Sunday
    [InlineData("2024-03-29", false)] // Good Friday
    [InlineData("2024-04-01", false)] // Easter Monday
    [InlineData("2028-04-14", false)] // Good Friday 2028
    [InlineData("2028-04-17", false)] // Easter Monday 2028
    [InlineData("2022-06-02", false)] // spring bank holiday moved to the Thursday
    [InlineData("2022-06-03", false)] // Platinum Jubilee
    [InlineData("2022-05-30", true)] // the usual spring bank holiday Monday, worked in 2022
    [InlineData("2022-09-19", false)] // State funeral of Queen Elizabeth II
    [InlineData("2023-05-08", false)] // Coronation of King Charles III
    [InlineData("2020-05-08", false)] // VE day: early May bank holiday moved to Friday
    [InlineData("2020-05-04", true)] // the Monday it usually falls on
    public void IsWorkingDay_Date_MatchesWeekendsAndBankHolidays(string date, bool expected) =>
        Assert.Equal(expected, Calendar.IsWorkingDay(D(date)));

    [Theory]
    // Zero days is the start itself, even on a non-working day.
    [InlineData("2024-11-25", 0, "2024-11-25")]
    [InlineData("2024-11-30", 0, "2024-11-30")]
    // Weekends.
    [InlineData("2024-11-25", 2, "2024-11-27")] // Monday + 2 = Wednesday
    [InlineData("2024-11-28", 1, "2024-11-29")]
    [InlineData("2024-11-29", 1, "2024-12-02")] // Friday + 1 = Monday
    [InlineData("2024-11-30", 1, "2024-12-02")] // Saturday + 1 = Monday
    [InlineData("2024-11-25", 5, "2024-12-02")]
    [InlineData("2024-11-25", 10, "2024-12-09")]
    // Year boundaries across Christmas and New Year.
    [InlineData("2024-12-24", 1, "2024-12-27")]
    [InlineData("2024-12-24", 3, "2024-12-31")] // 27th, 30th, 31st
    [InlineData("2024-12-24", 4, "2025-01-02")] // 1 January is a holiday
    [InlineData("2024-12-24", 5, "2025-01-03")]
    [InlineData("2021-12-24", 1, "2021-12-29")] // substitutes on 27 and 28 December
    [InlineData("2021-12-31", 1, "2022-01-04")] // substitute for New Year on 3 January
    [InlineData("2022-12-23", 1, "2022-12-28")] // Boxing Day and the Christmas substitute
    [InlineData("2022-12-30", 1, "2023-01-03")] // New Year substitute on 2 January
    [InlineData("2027-12-24", 1, "2027-12-29")]
    [InlineData("2027-12-31", 1, "2028-01-04")]
    // Easter.
    [InlineData("2024-03-28", 1, "2024-04-02")]
    [InlineData("2028-04-13", 2, "2028-04-19")]
    // Special bank holidays.
    [InlineData("2022-06-01", 1, "2022-06-06")] // spring bank holiday and jubilee, Thursday and Friday
    [InlineData("2022-09-16", 1, "2022-09-20")] // state funeral
    [InlineData("2023-05-05", 1, "2023-05-09")] // coronation
    [InlineData("2023-04-28", 5, "2023-05-09")] // early May bank holiday and coronation in one span
    // Negative days count backwards.
    [InlineData("2024-12-02", -1, "2024-11-29")]
    [InlineData("2024-11-27", -2, "2024-11-25")]
    [InlineData("2025-01-02", -1, "2024-12-31")]
    [InlineData("2025-01-02", -3, "2024-12-27")]
    [InlineData("2024-12-27", -1, "2024-12-24")]
    [InlineData("2022-01-04", -1, "2021-12-31")]
    [InlineData("2023-05-09", -1, "2023-05-05")]
    public void AddWorkingDays_StartAndDays_SkipsWeekendsAndBankHolidays(string start, int days, string expected) =>
        Assert.Equal(D(expected), Calendar.AddWorkingDays(D(start), days));

    [Theory]
    [InlineData("2024-11-25", "2024-11-25", 0)]
    [InlineData("2024-11-25", "2024-11-27", 2)]
    [InlineData("2024-11-27", "2024-11-25", -2)]
    [InlineData("2024-11-29", "2024-12-02", 1)]
    [InlineData("2024-11-30", "2024-12-01", 0)] // Saturday to Sunday
    [InlineData("2024-11-29", "2024-12-01", 0)] // Friday to Sunday
    [InlineData("2024-12-01", "2024-11-29", 0)]
    [InlineData("2024-12-24", "2025-01-02", 4)]
    [InlineData("2025-01-02", "2024-12-24", -4)]
    [InlineData("2021-12-24", "2022-01-04", 4)] // 29, 30, 31 December and 4 January
    [InlineData("2022-05-30", "2022-06-06", 3)] // Tue, Wed, Mon: the jubilee Thursday and Friday are holidays
    [InlineData("2023-01-01", "2023-12-31", 251)] // 260 weekdays less the coronation year's 9 holidays
    [InlineData("2024-01-01", "2024-12-31", 254)] // 1 January itself is not counted
    public void WorkingDaysBetween_TwoDates_CountsWorkingDaysAfterTheFirstUpToTheSecond(string from, string to, int expected) =>
        Assert.Equal(expected, Calendar.WorkingDaysBetween(D(from), D(to)));

    [Fact]
    public void WorkingDaysBetween_AcrossAYear_IsWeekdaysLessWeekdayHolidays()
    {
        // An independent count, day by day, for every year the data covers.
        for (var year = 2018; year <= 2028; year++)
        {
            var from = new DateOnly(year - 1, 12, 31);
            var to = new DateOnly(year, 12, 31);
            var expected = 0;
            for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            {
                if (Calendar.IsWorkingDay(d))
                {
                    expected++;
                }
            }

            Assert.Equal(expected, Calendar.WorkingDaysBetween(from, to));
            Assert.Equal(-expected, Calendar.WorkingDaysBetween(to, from));
        }
    }

    [Fact]
    public void AddWorkingDaysThenWorkingDaysBetween_EveryWorkingDay2018To2028_ReturnsTheSameCount()
    {
        var failures = new List<string>();
        for (var a = new DateOnly(2018, 1, 1); a <= new DateOnly(2028, 12, 31); a = a.AddDays(1))
        {
            if (!Calendar.IsWorkingDay(a))
            {
                continue;
            }

            for (var n = 0; n <= 30; n++)
            {
                var forward = Calendar.AddWorkingDays(a, n);
                if (Calendar.WorkingDaysBetween(a, forward) != n || !Calendar.IsWorkingDay(forward) && n > 0)
                {
                    failures.Add($"{a:yyyy-MM-dd} + {n}");
                }

                var back = Calendar.AddWorkingDays(a, -n);
                if (Calendar.WorkingDaysBetween(a, back) != -n)
                {
                    failures.Add($"{a:yyyy-MM-dd} - {n}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("2024-11-30", "2024-12-02")]
    [InlineData("2024-12-25", "2024-12-27")]
    [InlineData("2022-12-24", "2022-12-28")]
    [InlineData("2024-11-27", "2024-11-27")]
    public void OnOrAfter_Date_MovesToTheNextWorkingDay(string date, string expected) =>
        Assert.Equal(D(expected), Calendar.OnOrAfter(D(date)));

    [Fact]
    public void WeekendsOnly_BankHoliday_IsAWorkingDay()
    {
        Assert.True(WorkingDayCalendar.WeekendsOnly.IsWorkingDay(D("2024-12-25")));
        Assert.Equal(D("2024-12-26"), WorkingDayCalendar.WeekendsOnly.AddWorkingDays(D("2024-12-24"), 2));
    }

    [Fact]
    public void Shipped_EachYear_HasEightHolidaysExceptTheSpecialYears()
    {
        var byYear = BankHolidayFeed.Shipped().GroupBy(h => h.Date.Year).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(Enumerable.Range(2018, 11), byYear.Keys.Order());
        foreach (var (year, count) in byYear)
        {
            // 2022: the spring bank holiday moved, plus the jubilee and the state funeral; 2023: the coronation.
            // 2020 moved the early May bank holiday to VE day, so it still has eight.
            var expected = year switch { 2022 => 10, 2023 => 9, _ => 8 };
            Assert.True(expected == count, $"{year} has {count} bank holidays, expected {expected}");
        }
    }

    [Fact]
    public void Shipped_Dates_AreNeverAtAWeekend()
    {
        var weekend = BankHolidayFeed.Shipped().Where(h => h.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).ToList();

        Assert.Empty(weekend);
    }

    [Theory]
    [InlineData("2018-12-26")]
    [InlineData("2020-05-08")]
    [InlineData("2020-12-28")]
    [InlineData("2021-12-27")]
    [InlineData("2021-12-28")]
    [InlineData("2022-01-03")]
    [InlineData("2022-06-02")]
    [InlineData("2022-06-03")]
    [InlineData("2022-09-19")]
    [InlineData("2022-12-27")]
    [InlineData("2023-01-02")]
    [InlineData("2023-05-08")]
    [InlineData("2026-12-28")]
    [InlineData("2027-12-27")]
    [InlineData("2027-12-28")]
    [InlineData("2028-04-14")]
    [InlineData("2028-12-25")]
    [InlineData("2028-12-26")]
    public void Shipped_KnownDate_IsABankHoliday(string date) =>
        Assert.Contains(BankHolidayFeed.Shipped(), h => h.Date == D(date));

    [Fact]
    public void Shipped_SubstituteDays_CarryGovUkNotes()
    {
        var holiday = BankHolidayFeed.Shipped().Single(h => h.Date == D("2022-12-27"));

        Assert.Equal("Christmas Day", holiday.Title);
        Assert.Equal("Substitute day", holiday.Notes);
    }

    private static IReadOnlyList<BankHoliday> Parse(string json) => BankHolidayFeed.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Parse_GovUkShape_ReadsEnglandAndWalesOnly()
    {
        var holidays = Parse("""
            {"england-and-wales":{"division":"england-and-wales","events":[
              {"title":"Boxing Day","date":"2029-12-26","notes":"","bunting":true},
              {"title":"Christmas Day","date":"2029-12-25","notes":"","bunting":true}]},
             "scotland":{"division":"scotland","events":[{"title":"St Andrew’s Day","date":"2029-11-30","notes":"","bunting":true}]}}
            """);

        Assert.Equal([D("2029-12-25"), D("2029-12-26")], holidays.Select(h => h.Date));
        Assert.Null(holidays[0].Notes);
        Assert.True(holidays[0].Bunting);
    }

    [Fact]
    public void Parse_RepeatedDate_KeepsTheFirst()
    {
        var holidays = Parse("""{"england-and-wales":{"events":[{"title":"A","date":"2029-01-01"},{"title":"B","date":"2029-01-01"}]}}""");

        Assert.Equal("A", Assert.Single(holidays).Title);
    }

    [Theory]
    [InlineData("not json at all", "The file is not valid JSON: download it again from GOV.UK")]
    [InlineData("", "The file is not valid JSON: download it again from GOV.UK")]
    [InlineData("{\"england-and-wales\":{\"events\":[", "The file is not valid JSON: download it again from GOV.UK")]
    [InlineData("[]", "The file has no “england-and-wales” events: use GOV.UK’s bank-holidays.json")]
    [InlineData("{\"scotland\":{\"events\":[]}}", "The file has no “england-and-wales” events: use GOV.UK’s bank-holidays.json")]
    [InlineData("{\"england-and-wales\":{\"events\":{}}}", "The file has no “england-and-wales” events: use GOV.UK’s bank-holidays.json")]
    [InlineData("{\"england-and-wales\":[]}", "The file has no “england-and-wales” events: use GOV.UK’s bank-holidays.json")]
    [InlineData("{\"england-and-wales\":{\"events\":[]}}", "The file lists no bank holidays")]
    [InlineData("{\"england-and-wales\":{\"events\":[{\"title\":\"X\",\"date\":\"25/12/2029\"}]}}", "Event 1 needs a title and a date like 2024-12-25")]
    [InlineData("{\"england-and-wales\":{\"events\":[{\"title\":\"X\",\"date\":\"2029-12-25\"},{\"title\":\"Y\",\"date\":\"2029-02-30\"}]}}", "Event 2 needs a title and a date like 2024-12-25")]
    [InlineData("{\"england-and-wales\":{\"events\":[{\"date\":\"2029-12-25\"}]}}", "Event 1 needs a title and a date like 2024-12-25")]
    [InlineData("{\"england-and-wales\":{\"events\":[{\"title\":\"X\",\"date\":20291225}]}}", "Event 1 needs a title and a date like 2024-12-25")]
    [InlineData("{\"england-and-wales\":{\"events\":[\"2029-12-25\"]}}", "Event 1 needs a title and a date like 2024-12-25")]
    public void Parse_BadFeed_ThrowsFormatExceptionWithAMessageForTheUser(string json, string message)
    {
        var error = Assert.Throws<FormatException>(() => Parse(json));

        Assert.Equal(message, error.Message);
    }
}

public class ReminderScheduleTests
{
    private static readonly WorkingDayCalendar Calendar = new(BankHolidayFeed.Shipped().Select(h => h.Date));

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2024-11-25", true)]
    [InlineData("2024-11-30", false)]
    [InlineData("2024-12-25", false)]
    [InlineData("2023-05-08", false)]
    public void IsDigestDay_Date_OnlyOnWorkingDays(string date, bool expected) =>
        Assert.Equal(expected, ReminderSchedule.IsDigestDay(D(date), Calendar));

    [Theory]
    [InlineData("2024-11-25", DayOfWeek.Monday, true)]
    [InlineData("2024-11-26", DayOfWeek.Monday, false)]
    [InlineData("2024-11-24", DayOfWeek.Monday, false)] // Sunday
    [InlineData("2024-05-27", DayOfWeek.Monday, false)] // spring bank holiday Monday...
    [InlineData("2024-05-28", DayOfWeek.Monday, true)] // ...moves the summary to the Tuesday
    [InlineData("2021-12-27", DayOfWeek.Monday, false)] // Christmas substitutes on Monday and Tuesday...
    [InlineData("2021-12-29", DayOfWeek.Monday, true)] // ...move it to the Wednesday
    [InlineData("2024-11-29", DayOfWeek.Friday, true)]
    [InlineData("2024-11-25", DayOfWeek.Friday, false)]
    [InlineData("2024-11-30", DayOfWeek.Saturday, false)] // a week starting on Saturday sends on the Monday
    [InlineData("2024-12-02", DayOfWeek.Saturday, true)]
    public void IsSummaryDay_Date_IsTheFirstWorkingDayOfTheWeek(string date, DayOfWeek weekStartsOn, bool expected) =>
        Assert.Equal(expected, ReminderSchedule.IsSummaryDay(D(date), weekStartsOn, Calendar));

    [Theory]
    [InlineData(6, 59, false)]
    [InlineData(7, 0, true)]
    [InlineData(15, 30, true)]
    public void IsTimeToSend_UkTime_AfterTheConfiguredTime(int hour, int minute, bool expected) =>
        Assert.Equal(expected, ReminderSchedule.IsTimeToSend(new DateTime(2024, 11, 25, hour, minute, 0, DateTimeKind.Unspecified), new TimeOnly(7, 0)));
}
