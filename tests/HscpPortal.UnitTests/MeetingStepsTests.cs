using System.Globalization;
using HscpPortal.Web.Domain;
using Microsoft.Extensions.Time.Testing;

namespace HscpPortal.UnitTests;

public class MeetingStepsTests
{
    [Theory]
    // 10:00 in London on 12 June 2025 is 09:00 UTC (summer time); on 15 January it is 10:00 UTC.
    [InlineData("2025-06-12T08:59:59Z", "2025-06-12", "10:00", false)]
    [InlineData("2025-06-12T09:00:00Z", "2025-06-12", "10:00", true)]
    [InlineData("2025-01-15T09:59:00Z", "2025-01-15", "10:00", false)]
    [InlineData("2025-01-15T10:00:00Z", "2025-01-15", "10:00", true)]
    [InlineData("2025-01-16T00:00:00Z", "2025-01-15", "23:30", true)]
    [InlineData("2025-01-14T23:59:00Z", "2025-01-15", "00:00", false)]
    public void HasStarted_MeetingStartInLondonTime_ComparedWithTheClock(string utcNow, string date, string start, bool started)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utcNow, CultureInfo.InvariantCulture));

        Assert.Equal(started, MeetingSteps.HasStarted(DateOnly.Parse(date, CultureInfo.InvariantCulture), TimeOnly.Parse(start, CultureInfo.InvariantCulture), clock));
    }

    [Theory]
    [InlineData(AttendanceStatus.NotRecorded, false, false)]
    [InlineData(AttendanceStatus.Apologies, false, false)]
    [InlineData(AttendanceStatus.Present, true, true)]
    [InlineData(AttendanceStatus.LeftEarly, true, true)]
    [InlineData(AttendanceStatus.Deputised, true, true)]
    [InlineData(AttendanceStatus.Absent, true, false)]
    public void Statuses_OnlyOnTheDayAndAttended_AsTheRegisterAndMinutesNeed(AttendanceStatus status, bool onlyOnTheDay, bool attended)
    {
        Assert.Equal(onlyOnTheDay, MeetingSteps.IsKnownOnlyOnTheDay(status));
        Assert.Equal(attended, MeetingSteps.Attended(status));
    }
}
