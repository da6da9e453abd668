using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Dashboard.Tiles;

public sealed record QuorumRow(int GroupId, string Name, int Held, int Quorate)
{
    public int Percent => PartnerAttendance.Percent(Quorate, Held);
}

public sealed class QuorumModel
{
    public required ReportingYear Year { get; init; }
    public required IReadOnlyList<QuorumRow> Rows { get; init; }
    public required Trend Rate { get; init; }
    public int Held => Rows.Sum(r => r.Held);
    public int Quorate => Rows.Sum(r => r.Quorate);

    public string HeldUrl(int? groupId = null, bool? quorate = null) =>
        $"/meetings?year={Year}&status=Held" + (groupId is { } g ? $"&groupId={g}" : "") + (quorate is { } q ? $"&quorate={(q ? "true" : "false")}" : "");
}

/// <summary>The share of board and subgroup meetings held in the year that were quorate, group by group.</summary>
public sealed class QuorumTile : DashboardTile<QuorumModel>
{
    public override string Id => "quorum";

    public override async Task<QuorumModel?> LoadAsync(TileContext context, CancellationToken ct)
    {
        var year = context.Year;
        var from = context.PreviousYear.Start;
        // One GROUP BY over both years: the current year's groups for the table, the previous year's total for the trend.
        var counts = await context.Db.Meetings.AsNoTracking()
            .Where(m => m.IsLive() && m.Status == MeetingStatus.Held && m.Date >= from && m.Date <= year.End
                && (m.Group!.Kind == GroupKind.Board || m.Group.Kind == GroupKind.Subgroup))
            .GroupBy(m => new { m.GroupId, m.Group!.Name, m.Group.Kind, m.Group.SortOrder, Current = m.Date >= year.Start })
            .Select(g => new { g.Key.GroupId, g.Key.Name, g.Key.Kind, g.Key.SortOrder, g.Key.Current, Held = g.Count(), Quorate = g.Count(m => m.IsQuorate) })
            .ToListAsync(ct);
        var rows = counts.Where(c => c.Current)
            .OrderBy(c => c.Kind).ThenBy(c => c.SortOrder).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new QuorumRow(c.GroupId, c.Name, c.Held, c.Quorate))
            .ToList();
        var before = counts.Where(c => !c.Current).ToList();
        var rate = PartnerAttendance.Percent(rows.Sum(r => r.Quorate), rows.Sum(r => r.Held));
        var previousRate = PartnerAttendance.Percent(before.Sum(r => r.Quorate), before.Sum(r => r.Held));
        return new QuorumModel { Year = year, Rows = rows, Rate = new Trend(rate, previousRate, context.PreviousYear, Percent: true, PreviousKnown: before.Count > 0) };
    }
}
