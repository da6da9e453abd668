using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.ActionTracker;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure.Charts;
using Microsoft.EntityFrameworkCore;
using RagRating = HscpPortal.Web.Domain.Rag;

namespace HscpPortal.Web.Features.Dashboard.Tiles;

public sealed record ActionCountRow(int Id, string Name, int Open, int Overdue);

public sealed record OldestOverdue(int Id, string Title, string Group, DateOnly DueDate);

public sealed class ActionsModel
{
    public required ReportingYear Year { get; init; }
    public required DateOnly Today { get; init; }
    public required IReadOnlyList<ActionCountRow> ByGroup { get; init; }
    public required IReadOnlyList<ActionCountRow> ByAgency { get; init; }
    public required ChartModel ByGroupChart { get; init; }
    public required int DueInYear { get; init; }
    public required int CompletedInYear { get; init; }
    public required Trend CompletionRate { get; init; }
    public OldestOverdue? Oldest { get; init; }
    public int Open => ByGroup.Sum(r => r.Open);
    public int Overdue => ByGroup.Sum(r => r.Overdue);

    public string OpenUrl => ActionsTile.OpenFilter().Url(ActionsTile.Tracker);
    public string OverdueUrl => ActionsTile.OverdueFilter().Url(ActionsTile.Tracker);
    public string DueInYearUrl => ActionsTile.DueInYearFilter(Year).Url(ActionsTile.Tracker);
    public string CompletedInYearUrl => ActionsTile.CompletedInYearFilter(Year).Url(ActionsTile.Tracker);

    public static string AgencyUrl(int agency, bool overdue) =>
        (overdue ? ActionsTile.OverdueFilter() : ActionsTile.OpenFilter()).Url(ActionsTile.Tracker, f => f.Agency = agency);
}

/// <summary>
/// Open and overdue actions as of today, by group and by agency; how many of the actions due in the year were
/// completed; and the oldest overdue one. Counts and links come from the tracker's own <see cref="ActionFilter"/>,
/// so each number is exactly the list its link opens.
/// </summary>
public sealed class ActionsTile : DashboardTile<ActionsModel>
{
    public const string Tracker = "/actions";

    public override string Id => "actions";

    private static readonly ActionStatus[] OpenStatuses = Enum.GetValues<ActionStatus>().Where(ActionRag.IsOpen).ToArray();

    public static ActionFilter OpenFilter() => new() { Status = [.. OpenStatuses] };

    public static ActionFilter OverdueFilter() => new() { Due = DueWindow.Overdue };

    // Cancelled actions are not expected to be completed, so they leave the rate's denominator.
    public static ActionFilter DueInYearFilter(ReportingYear year) =>
        new() { From = year.Start, To = year.End, Rag = [RagRating.Red, RagRating.Amber, RagRating.Green, RagRating.Complete] };

    public static ActionFilter CompletedInYearFilter(ReportingYear year) =>
        new() { From = year.Start, To = year.End, Rag = [RagRating.Complete] };

    public static string GroupUrl(int group, bool overdue) =>
        (overdue ? OverdueFilter() : OpenFilter()).Url(Tracker, f => f.Group = group);

    public override async Task<ActionsModel?> LoadAsync(TileContext context, CancellationToken ct)
    {
        var db = context.Db;
        var today = context.Today;
        var actions = db.Actions.AsNoTracking();
        var open = OpenFilter().Apply(actions, today);
        var overdue = OverdueFilter().Apply(actions, today);

        var openByGroup = await open.GroupBy(a => new { a.GroupId, a.Group!.Name })
            .Select(g => new { Id = g.Key.GroupId, g.Key.Name, Count = g.Count() }).ToListAsync(ct);
        var overdueByGroup = await overdue.GroupBy(a => a.GroupId)
            .Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Id, g => g.Count, ct);
        var openByAgency = await open.GroupBy(a => new { a.OwnerOrganisationId, a.OwnerOrganisation!.Name })
            .Select(g => new { Id = g.Key.OwnerOrganisationId, g.Key.Name, Count = g.Count() }).ToListAsync(ct);
        var overdueByAgency = await overdue.GroupBy(a => a.OwnerOrganisationId)
            .Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Id, g => g.Count, ct);

        // Every overdue action is open, so the open lists name every row.
        var byGroup = openByGroup.OrderBy(g => g.Name, StringComparer.Ordinal)
            .Select(g => new ActionCountRow(g.Id, g.Name, g.Count, overdueByGroup.GetValueOrDefault(g.Id))).ToList();
        var byAgency = openByAgency.OrderBy(g => g.Name, StringComparer.Ordinal)
            .Select(g => new ActionCountRow(g.Id, g.Name, g.Count, overdueByAgency.GetValueOrDefault(g.Id))).ToList();

        var dueInYear = await DueInYearFilter(context.Year).Apply(actions, today).CountAsync(ct);
        var completed = await CompletedInYearFilter(context.Year).Apply(actions, today).CountAsync(ct);
        var dueBefore = await DueInYearFilter(context.PreviousYear).Apply(actions, today).CountAsync(ct);
        var completedBefore = await CompletedInYearFilter(context.PreviousYear).Apply(actions, today).CountAsync(ct);

        var oldest = await overdue.OrderBy(a => a.DueDate).ThenBy(a => a.Id)
            .Select(a => new OldestOverdue(a.Id, a.Title, a.Group!.Name, a.DueDate))
            .FirstOrDefaultAsync(ct);

        return new ActionsModel
        {
            Year = context.Year,
            Today = today,
            ByGroup = byGroup,
            ByAgency = byAgency,
            ByGroupChart = ByGroupChart(byGroup, today),
            DueInYear = dueInYear,
            CompletedInYear = completed,
            CompletionRate = new Trend(
                PartnerAttendance.Percent(completed, dueInYear), PartnerAttendance.Percent(completedBefore, dueBefore), context.PreviousYear, Percent: true, PreviousKnown: dueBefore > 0),
            Oldest = oldest,
        };
    }

    public static ChartModel ByGroupChart(IReadOnlyList<ActionCountRow> rows, DateOnly today) => new()
    {
        Id = "actions-by-group",
        Title = $"Open and overdue actions by group, {Format.Date(today)}",
        Kind = ChartKind.HorizontalBar,
        CategoryHeader = "Group",
        ValueLabel = "Actions",
        Wide = true,
        // No total row: overdue actions are also open, so a sum across would count them twice; the headline
        // above the chart gives the totals with their links.
        Categories = rows.Select(r => r.Name).ToList(),
        Series =
        [
            new ChartSeries("Open", rows.Select(r => (double)r.Open).ToList()),
            new ChartSeries("Overdue", rows.Select(r => (double)r.Overdue).ToList()),
        ],
        Link = (c, s) => c < 0 || s < 0 ? null : GroupUrl(rows[c].Id, overdue: s == 1),
        LinkContext = (c, s) => c < 0 || s < 0 ? "" : (s == 1 ? " overdue" : " open") + $" actions of {rows[c].Name}",
    };
}
