namespace HscpPortal.Web.Domain;

public enum AgencyOutcome
{
    /// <summary>Someone was in the room for the agency: an invitee, or the deputy they sent.</summary>
    Attended = 1,

    /// <summary>Nobody came, but apologies were sent.</summary>
    Apologies = 2,

    /// <summary>Nobody came and no apologies were sent: recorded absent, or never recorded at a held meeting.</summary>
    AbsentWithoutReason = 3,
}

/// <summary>How one agency fared at one held meeting it was invited to.</summary>
public sealed record AgencyMeetingOutcome(int MeetingId, int OrganisationId, AgencyOutcome Outcome);

/// <summary>An agency's meetings over a period: those it was expected at, and what happened at each.</summary>
public sealed record AgencyAttendanceSummary(int OrganisationId, int Expected, int Attended, int Apologies, int AbsentWithoutReason)
{
    public int AttendedPercent => PartnerAttendance.Percent(Attended, Expected);
}

/// <summary>
/// Relevant agencies' attendance, counted per meeting rather than per seat: an agency with two invitees at one
/// meeting was expected once, and attended if either of them (or a deputy for either) was there.
/// </summary>
public static class AgencyAttendance
{
    /// <summary>The outcome for each agency at each meeting, from the invitee lines of held meetings.</summary>
    public static IReadOnlyList<AgencyMeetingOutcome> Outcomes(IEnumerable<Attendance> inviteeLines) =>
        inviteeLines
            .Where(a => a.Kind == AttendeeKind.Invitee)
            .GroupBy(a => (a.MeetingId, a.OrganisationId))
            .Select(g => new AgencyMeetingOutcome(g.Key.MeetingId, g.Key.OrganisationId, Outcome(g)))
            .OrderBy(o => o.OrganisationId).ThenBy(o => o.MeetingId)
            .ToList();

    /// <summary>One agency's outcome at one meeting, from its lines there.</summary>
    public static AgencyOutcome Outcome(IEnumerable<Attendance> lines)
    {
        var list = lines.ToList();
        if (list.Any(a => a.AttendedBy is not null))
        {
            return AgencyOutcome.Attended;
        }

        return list.Any(a => a.Status == AttendanceStatus.Apologies) ? AgencyOutcome.Apologies : AgencyOutcome.AbsentWithoutReason;
    }

    public static IReadOnlyList<AgencyAttendanceSummary> Summarise(IEnumerable<AgencyMeetingOutcome> outcomes) =>
        outcomes
            .GroupBy(o => o.OrganisationId)
            .Select(g => new AgencyAttendanceSummary(
                g.Key,
                g.Count(),
                g.Count(o => o.Outcome == AgencyOutcome.Attended),
                g.Count(o => o.Outcome == AgencyOutcome.Apologies),
                g.Count(o => o.Outcome == AgencyOutcome.AbsentWithoutReason)))
            .OrderBy(s => s.OrganisationId)
            .ToList();
}
