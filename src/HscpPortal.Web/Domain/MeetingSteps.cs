namespace HscpPortal.Web.Domain;

/// <summary>
/// The order a meeting's record is built in: it is held, its register is taken, then its minutes are circulated.
/// Each step refuses what could not yet be true, so the record never claims something before it happened.
/// </summary>
public static class MeetingSteps
{
    /// <summary>Whether the meeting's start (a Europe/London wall-clock time) has passed.</summary>
    public static bool HasStarted(DateOnly date, TimeOnly start, TimeProvider clock) =>
        date.ToDateTime(start) <= UkTime.Now(clock);

    /// <summary>
    /// Statuses that can be known only on the day. Apologies are sent in advance, so they can be recorded
    /// before the meeting starts; nobody can yet have attended, been absent or left early.
    /// </summary>
    public static bool IsKnownOnlyOnTheDay(AttendanceStatus status) =>
        status is AttendanceStatus.Present or AttendanceStatus.Absent or AttendanceStatus.Deputised or AttendanceStatus.LeftEarly;

    /// <summary>Someone was in the room for this line: in person, until they left, or through a deputy.</summary>
    public static bool Attended(AttendanceStatus status) =>
        status is AttendanceStatus.Present or AttendanceStatus.LeftEarly or AttendanceStatus.Deputised;
}
