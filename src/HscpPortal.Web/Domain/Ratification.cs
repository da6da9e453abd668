namespace HscpPortal.Web.Domain;

/// <summary>
/// Key decisions bind every statutory partner, so one taken at a meeting that was not quorate is not valid until a
/// later quorate meeting of the same group ratifies it. The rule, in one place, for lists (a query) and for one
/// decision (in memory).
/// </summary>
public static class Ratification
{
    /// <summary>Decisions still waiting: key, taken while inquorate, not ratified, and neither it nor its meeting archived.</summary>
    public static IQueryable<Decision> NeedingRatification(this IQueryable<Decision> decisions) =>
        decisions.Where(d => d.IsKey && !d.Meeting!.IsQuorate && d.RatifiedAtMeetingId == null && d.IsLive() && d.Meeting.IsLive());

    public static bool NeedsRatification(bool isKey, bool meetingQuorate, int? ratifiedAt, bool archived) =>
        isKey && !meetingQuorate && ratifiedAt is null && !archived;

    public static string Reason(string? quorumStatement) =>
        quorumStatement is null
            ? "Needs ratification: taken at a meeting that was not quorate"
            : $"Needs ratification: taken at a meeting that was not quorate ({quorumStatement})";
}

/// <summary>One line of a meeting's register, as the register's rules see it.</summary>
public sealed record RegisterEntry(int PersonId, string PersonName, AttendanceStatus Status, int? DeputyPersonId);

public static class RegisterRules
{
    /// <summary>
    /// The people whose named deputy is also recorded as attending in their own right: the deputy would be counted
    /// twice, once for each line. The register is refused until they are recorded once.
    /// </summary>
    public static IReadOnlyList<string> DeputiesAlsoAttending(IReadOnlyCollection<RegisterEntry> lines)
    {
        var attended = lines.Where(l => l.Status is AttendanceStatus.Present or AttendanceStatus.LeftEarly).Select(l => l.PersonId).ToHashSet();
        return lines.Where(l => l.Status == AttendanceStatus.Deputised && l.DeputyPersonId is { } d && attended.Contains(d))
            .Select(l => l.PersonName)
            .ToList();
    }

    /// <summary>Stores a quorum result on the meeting: whether it was quorate and the statement that says why.</summary>
    public static void ApplyQuorum(this Meeting meeting, QuorumResult result)
    {
        meeting.IsQuorate = result.IsQuorate;
        meeting.QuorumStatement = result.Statement;
    }
}
