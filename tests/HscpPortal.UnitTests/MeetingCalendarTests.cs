using HscpPortal.Web.Infrastructure.Calendar;

namespace HscpPortal.UnitTests;

public class MeetingCalendarTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 10, 9, 0, 0, TimeSpan.Zero);

    private static CalendarMeeting Meeting(bool cancelled = false, string? location = "Plough Lane", string? link = null, TimeOnly? end = null) =>
        new(42, "Strategic Partners Board", null, new DateOnly(2024, 6, 4), new TimeOnly(14, 0), end ?? new TimeOnly(16, 0), location, link,
            cancelled, cancelled ? "Clashes with the inspection" : null, 3, new Uri("https://portal.example/meetings/42"));

    [Fact]
    public void Invitation_Meeting_HasUidSequenceLondonTimesAndOrganizer()
    {
        var ics = MeetingCalendar.Invitation(Meeting(), new CalendarPerson("team@example.org", "HSCP"), new CalendarPerson("a@example.org", "Ann"), Now);

        Assert.Contains("METHOD:REQUEST", ics, StringComparison.Ordinal);
        Assert.Contains("UID:meeting-42@hscp-portal", ics, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:3", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/London:20240604T140000", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND;TZID=Europe/London:20240604T160000", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTAMP:20240110T090000Z", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Strategic Partners Board: Meeting", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE", ics, StringComparison.Ordinal);
        Assert.Contains("ORGANIZER;CN=HSCP:mailto:team@example.org", ics, StringComparison.Ordinal);
        Assert.Contains("STATUS:CONFIRMED", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Invitation_CancelledMeeting_IsACancelWithTheReason()
    {
        var ics = MeetingCalendar.Invitation(Meeting(cancelled: true), new CalendarPerson("team@example.org", null), null, Now);

        Assert.Contains("METHOD:CANCEL", ics, StringComparison.Ordinal);
        Assert.Contains("STATUS:CANCELLED", ics, StringComparison.Ordinal);
        Assert.Contains("Clashes with the inspection", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Invitation_OnlineOnly_SaysOnlineAndGivesTheLink()
    {
        var ics = MeetingCalendar.Invitation(Meeting(location: null, link: "https://meet.example/x"), new CalendarPerson("t@example.org", null), null, Now);

        Assert.Contains("LOCATION:Online", ics, StringComparison.Ordinal);
        Assert.Contains("Join online: https://meet.example/x", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Invitation_EndNotAfterStart_LastsAnHour()
    {
        var ics = MeetingCalendar.Invitation(Meeting(end: new TimeOnly(14, 0)), new CalendarPerson("t@example.org", null), null, Now);

        Assert.Contains("DTEND;TZID=Europe/London:20240604T150000", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Feed_Meetings_IsAPublishedCalendarWithEveryMeeting()
    {
        var ics = MeetingCalendar.Feed("SPB (HSCP)", [Meeting(), Meeting(cancelled: true) with { MeetingId = 43 }], Now);

        Assert.Contains("METHOD:PUBLISH", ics, StringComparison.Ordinal);
        Assert.Contains("X-WR-CALNAME:SPB (HSCP)", ics, StringComparison.Ordinal);
        Assert.Contains("UID:meeting-42@hscp-portal", ics, StringComparison.Ordinal);
        Assert.Contains("UID:meeting-43@hscp-portal", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Feed_NoMeetings_IsStillACalendar()
    {
        var ics = MeetingCalendar.Feed("Empty", [], Now);

        Assert.StartsWith("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN:VEVENT", ics, StringComparison.Ordinal);
    }
}
