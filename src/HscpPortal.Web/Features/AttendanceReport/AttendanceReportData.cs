using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Meetings;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.AttendanceReport;

public sealed record ReportMeeting(int Id, int GroupId, string GroupName, string Title, DateOnly Date);

/// <summary>Someone who attended a board meeting for a statutory partner, and in what capacity.</summary>
public sealed record PartnerAttendee(int PersonId, string Name, string Capacity);

/// <summary>One board meeting as it counts for one partner: whether the DSP, another representative, or nobody came.</summary>
public sealed record PartnerMeetingDetail(ReportMeeting Meeting, IReadOnlyList<PartnerAttendee> Attendees, bool Dsp, bool Representative)
{
    public bool Nobody => !Dsp && !Representative;
}

public sealed record BoardPartnerRow(PartnerAttendance Stats, string OrganisationName);

public sealed class BoardAttendanceReport
{
    public required IReadOnlyList<ReportMeeting> Meetings { get; init; }
    public required IReadOnlyList<BoardPartnerRow> Rows { get; init; }

    /// <summary>Per partner organisation, the meetings behind its figures.</summary>
    public required IReadOnlyDictionary<int, IReadOnlyList<PartnerMeetingDetail>> Details { get; init; }
}

public sealed record AgencyInvitee(string Name, AttendanceStatus Status, string? DeputyName, string? ApologyReason);

public sealed record AgencyMeetingDetail(ReportMeeting Meeting, AgencyOutcome Outcome, IReadOnlyList<AgencyInvitee> Invitees);

public sealed record AgencyRow(AgencyAttendanceSummary Stats, string Name);

public sealed class AgencyAttendanceReport
{
    public required int MeetingsHeld { get; init; }
    public required IReadOnlyList<AgencyRow> Rows { get; init; }

    /// <summary>Per agency, the meetings it was expected at, oldest first.</summary>
    public required IReadOnlyDictionary<int, IReadOnlyList<AgencyMeetingDetail>> Details { get; init; }
}

/// <summary>
/// Reads a reporting year's held meetings and their registers for the attendance report, its exports and letters.
/// Static so that the yearly report can reuse the board figures without another registration.
/// </summary>
public static class AttendanceReportData
{
    /// <summary>The group kinds whose meetings relevant agencies are held to: subgroups and their task-and-finish groups.</summary>
    public static readonly GroupKind[] AgencyGroupKinds = [GroupKind.Subgroup, GroupKind.TaskAndFinish];

    public static async Task<BoardAttendanceReport> BoardAsync(PortalDbContext db, ReportingYear year, CancellationToken ct)
    {
        var meetings = await HeldMeetings(db, year).Where(m => m.Group!.Kind == GroupKind.Board)
            .OrderBy(m => m.Date).ThenBy(m => m.Start)
            .Select(m => new ReportMeeting(m.Id, m.GroupId, m.Group!.Name, m.Title ?? "Meeting", m.Date))
            .ToListAsync(ct);
        var ids = meetings.Select(m => m.Id).ToList();

        // Every line counts, as it does for quorum: a deputy recorded as a guest was still in the room.
        var register = await db.Attendance.AsNoTracking()
            .Where(a => ids.Contains(a.MeetingId))
            .ToListAsync(ct);
        // Every organisation that was a statutory partner at some time in the year, each counted over the meetings held
        // while it was one.
        var partnerOrganisations = await QuorumService.PartnersDuringAsync(db, year.Start, year.End, ct);
        var partners = partnerOrganisations.Select(o => o.AsPartner()).ToList();
        var partnerIds = partners.Select(p => p.OrganisationId).ToList();
        var history = await db.PartnerRepresentatives.AsNoTracking()
            .Where(r => partnerIds.Contains(r.OrganisationId) && r.IsLive() && r.Overlaps(year.Start, year.End))
            .ToListAsync(ct);
        var byId = partnerOrganisations.ToDictionary(o => o.Id);
        bool IsPartnerOn(int organisationId, DateOnly date) => byId[organisationId].IsPartnerOn(date);

        var held = meetings
            .Select(m => new HeldMeeting(m.Id, m.Date, Quorum.PresentFrom(register.Where(a => a.MeetingId == m.Id))))
            .ToList();
        var personIds = held.SelectMany(m => m.Present).Select(p => p.PersonId).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);

        var details = new Dictionary<int, IReadOnlyList<PartnerMeetingDetail>>();
        foreach (var partner in partners)
        {
            details[partner.OrganisationId] = meetings.Zip(held, (meeting, present) => (meeting, present))
                .Where(m => IsPartnerOn(partner.OrganisationId, m.meeting.Date))
                .Select(m =>
            {
                var (meeting, present) = m;
                // The one-meeting statistics classify the meeting exactly as the yearly figures do.
                var one = AttendanceStatistics.ForPartners([present], [partner], history)[0];
                var attendees = present.Present
                    .Where(p => p.OrganisationId == partner.OrganisationId || Partnership.CanRepresent(history, partner.OrganisationId, p.PersonId, meeting.Date))
                    .Select(p => p.PersonId)
                    .Distinct()
                    .Select(id => new PartnerAttendee(id, people.GetValueOrDefault(id, "Unknown person"), Capacity(history, partner.OrganisationId, id, meeting.Date)))
                    .OrderBy(a => a.Name, StringComparer.Ordinal)
                    .ToList();
                return new PartnerMeetingDetail(meeting, attendees, one.DspAttended > 0, one.RepresentativeAttended > 0);
            }).ToList();
        }

        return new BoardAttendanceReport
        {
            Meetings = meetings,
            Rows = AttendanceStatistics.ForPartners(held, partners, history, IsPartnerOn)
                .Select(s => new BoardPartnerRow(s, s.Name))
                .ToList(),
            Details = details,
        };
    }

    public static async Task<AgencyAttendanceReport> AgenciesAsync(PortalDbContext db, ReportingYear year, CancellationToken ct)
    {
        var meetings = await HeldMeetings(db, year).Where(m => AgencyGroupKinds.Contains(m.Group!.Kind))
            .Select(m => new ReportMeeting(m.Id, m.GroupId, m.Group!.Name, m.Title ?? "Meeting", m.Date))
            .ToDictionaryAsync(m => m.Id, ct);
        var ids = meetings.Keys.ToList();
        var lines = await db.Attendance.AsNoTracking()
            .Include(a => a.Person)
            .Include(a => a.Deputy)
            .Where(a => ids.Contains(a.MeetingId) && a.Kind == AttendeeKind.Invitee && a.Organisation!.StatutoryPartner == null)
            .ToListAsync(ct);
        var agencyIds = lines.Select(a => a.OrganisationId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => agencyIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

        var outcomes = AgencyAttendance.Outcomes(lines);
        var details = outcomes
            .GroupBy(o => o.OrganisationId)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<AgencyMeetingDetail>)g
                    .Select(o => new AgencyMeetingDetail(
                        meetings[o.MeetingId],
                        o.Outcome,
                        lines.Where(a => a.MeetingId == o.MeetingId && a.OrganisationId == o.OrganisationId)
                            .Select(a => new AgencyInvitee(a.Person?.FullName ?? "Unknown person", a.Status, a.Deputy?.FullName, a.ApologyReason))
                            .OrderBy(i => i.Name, StringComparer.Ordinal)
                            .ToList()))
                    .OrderBy(d => d.Meeting.Date).ThenBy(d => d.Meeting.GroupName, StringComparer.Ordinal)
                    .ToList());

        return new AgencyAttendanceReport
        {
            MeetingsHeld = meetings.Count,
            Rows = AgencyAttendance.Summarise(outcomes)
                .Select(s => new AgencyRow(s, names.GetValueOrDefault(s.OrganisationId, "")))
                .OrderBy(r => r.Name, StringComparer.Ordinal)
                .ToList(),
            Details = details,
        };
    }

    /// <summary>The reporting years the portal has meetings for, newest first, always including the current one.</summary>
    public static async Task<IReadOnlyList<ReportingYear>> YearsAsync(PortalDbContext db, DateOnly today, CancellationToken ct)
    {
        var current = ReportingYear.Containing(today);
        var first = await db.Meetings.Where(m => m.IsLive()).MinAsync(m => (DateOnly?)m.Date, ct);
        var last = await db.Meetings.Where(m => m.IsLive()).MaxAsync(m => (DateOnly?)m.Date, ct);
        var from = first is null ? current.StartYear : Math.Min(ReportingYear.Containing(first.Value).StartYear, current.StartYear);
        var to = last is null ? current.StartYear : Math.Max(ReportingYear.Containing(last.Value).StartYear, current.StartYear);
        return Enumerable.Range(from, to - from + 1).Reverse().Select(y => new ReportingYear(y)).ToList();
    }

    private static IQueryable<Meeting> HeldMeetings(PortalDbContext db, ReportingYear year) =>
        db.Meetings.AsNoTracking()
            .Where(m => m.IsLive() && m.Status == MeetingStatus.Held && m.Date >= year.Start && m.Date <= year.End);

    private static string Capacity(IReadOnlyCollection<PartnerRepresentative> history, int organisationId, int personId, DateOnly date)
    {
        var roles = history
            .Where(r => r.OrganisationId == organisationId && r.PersonId == personId && r.IsCurrentOn(date))
            .Select(r => r.Role)
            .ToList();
        return roles.Contains(RepresentationRole.DelegatedPartner) ? "delegated safeguarding partner"
            : roles.Contains(RepresentationRole.Deputy) ? "deputy"
            : roles.Contains(RepresentationRole.LeadPartner) ? "lead safeguarding partner"
            : "other representative";
    }
}

public static class AttendanceReportText
{
    public static string Outcome(AgencyOutcome outcome) => outcome switch
    {
        AgencyOutcome.Attended => "Attended",
        AgencyOutcome.Apologies => "Apologies",
        _ => "Absent without apologies",
    };
}
