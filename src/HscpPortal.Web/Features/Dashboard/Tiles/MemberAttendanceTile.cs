using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure.Export;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Dashboard.Tiles;

public sealed record MemberAttendanceRow(int OrganisationId, string Name, bool Partner, int Expected, int Attended)
{
    public int Percent => PartnerAttendance.Percent(Attended, Expected);

    /// <summary>The portal's attendance record for the organisation: board attendance for a partner, subgroup attendance for an agency.</summary>
    public string RecordUrl(ReportingYear year) => Partner
        ? $"/meetings/attendance/partner?year={year}&organisationId={OrganisationId}"
        : $"/meetings/attendance/agency?year={year}&organisationId={OrganisationId}";
}

public sealed class MemberAttendanceModel
{
    public required int GroupId { get; init; }
    public required ReportingYear Year { get; init; }
    public required int Held { get; init; }
    public required IReadOnlyList<MemberAttendanceRow> Rows { get; init; }

    public string HeldUrl => $"/meetings?year={Year}&status=Held&groupId={GroupId}";
    public string ExportUrl(ExportFormat format) => $"/groups/{GroupId}/dashboard/attendance.{(format == ExportFormat.Csv ? "csv" : "xlsx")}";

    public ExportTable ToExportTable() => ExportTable.From("Attendance", Rows,
    [
        new("Organisation", r => r.Name),
        new("Meetings expected at", r => r.Expected),
        new("Meetings attended", r => r.Attended),
        new("Attended %", r => r.Percent),
    ]);
}

/// <summary>
/// Member agencies' attendance at the group's meetings held this reporting year: for each organisation invited,
/// the meetings it was expected at and those someone from it (or a deputy) attended. Counted in the database.
/// </summary>
public sealed class MemberAttendanceTile : DashboardTile<MemberAttendanceModel>
{
    public override string Id => "member-attendance";

    public override async Task<MemberAttendanceModel?> LoadAsync(TileContext context, CancellationToken ct)
    {
        var groupId = context.GroupId!.Value;
        var year = context.Year;
        var db = context.Db;
        var held = db.Meetings.AsNoTracking()
            .Where(m => m.GroupId == groupId && m.IsLive() && m.Status == MeetingStatus.Held && m.Date >= year.Start && m.Date <= year.End);
        var heldCount = await held.CountAsync(ct);
        var rows = await db.Attendance.AsNoTracking()
            .Where(a => a.Kind == AttendeeKind.Invitee && held.Any(m => m.Id == a.MeetingId))
            .GroupBy(a => new { a.OrganisationId, a.Organisation!.Name, Partner = a.Organisation.StatutoryPartner != null })
            .Select(g => new MemberAttendanceRow(
                g.Key.OrganisationId, g.Key.Name, g.Key.Partner,
                g.Select(a => a.MeetingId).Distinct().Count(),
                g.Where(a => a.Status == AttendanceStatus.Present || a.Status == AttendanceStatus.LeftEarly || a.Status == AttendanceStatus.Deputised)
                    .Select(a => a.MeetingId).Distinct().Count()))
            .ToListAsync(ct);
        return new MemberAttendanceModel
        {
            GroupId = groupId,
            Year = year,
            Held = heldCount,
            Rows = rows.OrderBy(r => r.Name, StringComparer.Ordinal).ToList(),
        };
    }
}
