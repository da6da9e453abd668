using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.AttendanceReport;
using HscpPortal.Web.Infrastructure.Charts;

namespace HscpPortal.Web.Features.Dashboard.Tiles;

public sealed record BoardAttendanceRow(int OrganisationId, string Name, int Held, int DspPercent, int AnyPercent, Trend DspTrend, Trend AnyTrend);

public sealed class BoardAttendanceModel
{
    public required ReportingYear Year { get; init; }
    public required int MeetingsHeld { get; init; }
    public required IReadOnlyList<BoardAttendanceRow> Rows { get; init; }
    public required ChartModel Chart { get; init; }
    public string ReportUrl => $"/meetings/attendance?year={Year}";
    public string PartnerUrl(int organisationId) => PartnerUrl(Year, organisationId);

    public static string PartnerUrl(ReportingYear year, int organisationId) => $"/meetings/attendance/partner?year={year}&organisationId={organisationId}";
}

/// <summary>
/// How often each statutory partner's delegated safeguarding partner came to the board, against how often the partner
/// was represented at all (the DSP or a deputy). Both come from <see cref="BoardAttendanceFigures"/>, as the attendance
/// report's do, so the two never disagree and "DSP or deputy" is never below "DSP".
/// </summary>
public sealed class BoardAttendanceTile : DashboardTile<BoardAttendanceModel>
{
    public override string Id => "board-attendance";

    public override async Task<BoardAttendanceModel?> LoadAsync(TileContext context, CancellationToken ct)
    {
        var current = await AttendanceReportData.BoardAsync(context.Db, context.Year, ct);
        var previous = await AttendanceReportData.BoardAsync(context.Db, context.PreviousYear, ct);
        var before = previous.Rows.ToDictionary(r => r.Stats.OrganisationId);
        var rows = current.Rows.Select(r =>
        {
            var last = before.GetValueOrDefault(r.Stats.OrganisationId);
            var now = r.Stats.Figures;
            var then = last?.Stats.Figures;
            return new BoardAttendanceRow(
                r.Stats.OrganisationId, r.OrganisationName, now.Held, now.DspPercent, now.DspOrDeputyPercent,
                new Trend(now.DspPercent, then?.DspPercent ?? 0, context.PreviousYear, Percent: true, PreviousKnown: then is { Held: > 0 }),
                new Trend(now.DspOrDeputyPercent, then?.DspOrDeputyPercent ?? 0, context.PreviousYear, Percent: true, PreviousKnown: then is { Held: > 0 }));
        }).ToList();

        return new BoardAttendanceModel
        {
            Year = context.Year,
            MeetingsHeld = current.Meetings.Count,
            Rows = rows,
            Chart = new ChartModel
            {
                Id = "board-attendance",
                Title = $"Board attendance by statutory partner, {context.Year} (% of {current.Meetings.Count} meetings held)",
                Kind = ChartKind.HorizontalBar,
                CategoryHeader = "Partner",
                ValueLabel = "% of board meetings",
                Categories = rows.Select(r => r.Name).ToList(),
                Series =
                [
                    new ChartSeries("Delegated safeguarding partner %", rows.Select(r => (double)r.DspPercent).ToList()),
                    new ChartSeries("DSP or deputy %", rows.Select(r => (double)r.AnyPercent).ToList()),
                ],
                Link = (c, s) => c < 0 ? null : BoardAttendanceModel.PartnerUrl(context.Year, rows[c].OrganisationId),
                LinkContext = (c, s) => c < 0 ? "" : $" for {rows[c].Name}",
            },
        };
    }
}
