using System.Text.Json.Serialization;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.AttendanceReport;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Reporting;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.ReportDraft.Sections;

public sealed record BoardMeetingRow(DateOnly Date, string Title);

/// <summary>A statutory partner's board attendance: the attendance report's own figures.</summary>
public sealed record PartnerAttendanceRow(string Partner, int Held, int DspAttended, int DspPercent, int RepresentativeAttended, int RepresentativePercent)
{
    /// <summary>Where its records are; not part of what partners sign.</summary>
    [JsonIgnore]
    public int OrganisationId { get; init; }
}

public sealed record KeyDecisionRow(DateOnly Date, string Group, string Title, string Ratification);

public sealed class BoardImpactModel : IHasFigures
{
    public required IReadOnlyList<BoardMeetingRow> Meetings { get; init; }
    public required IReadOnlyList<PartnerAttendanceRow> Attendance { get; init; }
    public required IReadOnlyList<KeyDecisionRow> KeyDecisions { get; init; }

    public IEnumerable<ReportFigure> Figures(ReportPeriod period) => BoardImpactFigures.Of(this, period);
}

/// <summary>
/// The board's year: the meetings it held, how often each statutory partner's delegated safeguarding partner and
/// any representative came (the attendance report's figures, so the two never disagree) and its key decisions.
/// </summary>
public sealed class BoardImpactSection : ReportSection<BoardImpactModel>
{
    public override string Key => ReportSectionKeys.BoardImpact;
    public override string Title => "The board's impact";
    public override IReadOnlyList<string> Provides => [ReadinessKeys.PartnersDid, ReadinessKeys.Effectiveness];

    public override async Task<BoardImpactModel> BuildAsync(ReportContext context, CancellationToken ct)
    {
        var year = context.Year;
        var board = await AttendanceReportData.BoardAsync(context.Db, year, ct);

        // Key decisions of any group's held meetings in the year: they bind all three partners.
        var decisions = await context.Db.Decisions.AsNoTracking()
            .Where(d => d.IsKey && d.IsLive() && d.Meeting!.IsLive()
                && d.Meeting.Date >= year.Start && d.Meeting.Date <= year.End)
            .Select(d => new
            {
                d.Meeting!.Date,
                Group = d.Meeting.Group!.Name,
                d.Title,
                d.Meeting.IsQuorate,
                RatifiedOn = d.RatifiedAt == null ? (DateOnly?)null : d.RatifiedAt.Date,
                RatifiedBy = d.RatifiedAt == null ? null : d.RatifiedAt.Group!.Name,
            })
            .ToListAsync(ct);

        return new BoardImpactModel
        {
            Meetings = board.Meetings.Select(m => new BoardMeetingRow(m.Date, m.Title)).ToList(),
            Attendance = board.Rows
                .Select(r => new PartnerAttendanceRow(
                    r.OrganisationName, r.Stats.Held, r.Stats.DspAttended, r.Stats.DspPercent, r.Stats.RepresentativeAttended, r.Stats.RepresentativePercent)
                    { OrganisationId = r.Stats.OrganisationId })
                .ToList(),
            KeyDecisions = decisions
                .OrderBy(d => d.Date).ThenBy(d => d.Title, StringComparer.Ordinal)
                .Select(d => new KeyDecisionRow(
                    d.Date,
                    d.Group,
                    d.Title,
                    d.IsQuorate ? "Taken at a quorate meeting"
                        : d.RatifiedOn is { } on ? $"Ratified by the {d.RatifiedBy} on {Format.Date(on)}"
                        : "Taken at an inquorate meeting; not yet ratified"))
                .ToList(),
        };
    }
}
