using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IcalCalendar = Ical.Net.Calendar;

namespace HscpPortal.Web.Infrastructure.Calendar;

/// <summary>A meeting as a calendar sees it. Date and times are Europe/London wall-clock times.</summary>
public sealed record CalendarMeeting(
    int MeetingId,
    string GroupName,
    string? Title,
    DateOnly Date,
    TimeOnly Start,
    TimeOnly End,
    string? Location,
    string? OnlineLink,
    bool Cancelled,
    string? CancellationReason,
    int Sequence,
    Uri? Page)
{
    public string Summary => $"{GroupName}: {(string.IsNullOrWhiteSpace(Title) ? "Meeting" : Title)}";
}

/// <summary>Who sends the invitation, and (for an emailed invitation) who it is for.</summary>
public sealed record CalendarPerson(string Email, string? Name);

/// <summary>
/// iCalendar (RFC 5545) files for meetings: a single invitation (iTIP REQUEST, or CANCEL once cancelled) and a
/// subscription feed (PUBLISH). A meeting's UID never changes, and its SEQUENCE rises with each change, so a
/// calendar that already holds the meeting updates it in place instead of adding a second copy.
/// </summary>
public static class MeetingCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string TimeZone = "Europe/London";
    private const string ProductId = "-//HSCP Portal//Meetings//EN";

    public static string Uid(int meetingId) => $"meeting-{meetingId}@hscp-portal";

    public static string Invitation(CalendarMeeting meeting, CalendarPerson organizer, CalendarPerson? attendee, DateTimeOffset now)
    {
        var calendar = NewCalendar(meeting.Cancelled ? "CANCEL" : "REQUEST", [meeting], now);
        var item = Event(meeting, now);
        item.Organizer = new Organizer("mailto:" + organizer.Email) { CommonName = organizer.Name };
        if (attendee is not null)
        {
            item.Attendees.Add(new Attendee("mailto:" + attendee.Email)
            {
                CommonName = attendee.Name,
                Role = "REQ-PARTICIPANT",
                ParticipationStatus = "NEEDS-ACTION",
                Rsvp = false,
            });
        }

        calendar.Events.Add(item);
        return Serialize(calendar);
    }

    public static string Feed(string name, IReadOnlyCollection<CalendarMeeting> meetings, DateTimeOffset now)
    {
        var calendar = NewCalendar("PUBLISH", meetings, now);
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", TimeZone);
        foreach (var meeting in meetings.OrderBy(m => m.Date).ThenBy(m => m.Start))
        {
            calendar.Events.Add(Event(meeting, now));
        }

        return Serialize(calendar);
    }

    public static byte[] Bytes(string calendar) => Encoding.UTF8.GetBytes(calendar);

    private static IcalCalendar NewCalendar(string method, IReadOnlyCollection<CalendarMeeting> meetings, DateTimeOffset now)
    {
        var calendar = new IcalCalendar { ProductId = ProductId, Method = method };

        // Outlook needs the zone's rules in the file to place TZID=Europe/London times. The rules are written from
        // this date on (and must start no later than today): cover the earliest meeting.
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var earliest = meetings.Count == 0 ? today : DateOnly.FromDayNumber(Math.Min(meetings.Min(m => m.Date).DayNumber, today.DayNumber));
        calendar.AddTimeZone(TimeZone, earliest.AddYears(-1).ToDateTime(TimeOnly.MinValue), includeHistoricalData: false);
        return calendar;
    }

    private static CalendarEvent Event(CalendarMeeting meeting, DateTimeOffset now)
    {
        var end = meeting.End > meeting.Start ? meeting.End : meeting.Start.AddHours(1);
        return new CalendarEvent
        {
            Uid = Uid(meeting.MeetingId),
            Sequence = meeting.Sequence,
            DtStamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId, hasTime: true),
            DtStart = new CalDateTime(meeting.Date, meeting.Start, TimeZone),
            DtEnd = new CalDateTime(meeting.Date, end, TimeZone),
            Summary = meeting.Summary,
            Location = meeting.Location ?? (meeting.OnlineLink is null ? null : "Online"),
            Description = Description(meeting),
            Url = meeting.Page,
            Status = meeting.Cancelled ? Ical.Net.EventStatus.Cancelled : Ical.Net.EventStatus.Confirmed,
        };
    }

    private static string? Description(CalendarMeeting meeting)
    {
        var lines = new List<string>();
        if (meeting.Cancelled)
        {
            lines.Add("This meeting has been cancelled." + (string.IsNullOrWhiteSpace(meeting.CancellationReason) ? "" : " " + meeting.CancellationReason));
        }

        if (!string.IsNullOrWhiteSpace(meeting.OnlineLink))
        {
            lines.Add("Join online: " + meeting.OnlineLink);
        }

        if (meeting.Page is not null)
        {
            lines.Add("Agenda and papers: " + meeting.Page);
        }

        return lines.Count == 0 ? null : string.Join("\n", lines);
    }

    private static string Serialize(IcalCalendar calendar) => new CalendarSerializer().SerializeToString(calendar) ?? "";
}
