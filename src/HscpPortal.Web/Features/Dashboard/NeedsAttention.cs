using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Dashboard.Tiles;
using HscpPortal.Web.Features.YearlyReports;
using HscpPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Dashboard;

/// <summary>A group's overdue actions, linked to the tracker filtered to exactly those.</summary>
public sealed record OverdueActions(int GroupId, string Group, int Count, string Url);

public sealed class NeedsAttentionModel
{
    public required DateOnly Today { get; init; }

    /// <summary>Yearly reports past their publication deadline; empty on a group's dashboard, which cannot act on them.</summary>
    public IReadOnlyList<OverdueReport> Reports { get; init; } = [];

    /// <summary>Groups with actions past their due date, most overdue first.</summary>
    public IReadOnlyList<OverdueActions> Actions { get; init; } = [];

    /// <summary>Open escalations past their current stage's due date; null when the user may not read the register.</summary>
    public int? LateEscalations { get; init; }

    public string? LateEscalationsUrl { get; init; }

    public bool Nothing => Reports.Count == 0 && Actions.Count == 0 && LateEscalations is null or 0;

    public static string ReportUrl(OverdueReport report) =>
        report.Status is null ? PublicationDeadlineModel.ReportsUrl : $"{PublicationDeadlineModel.ReportsUrl}/{report.Year}/workflow";
}

/// <summary>
/// What is late today, whatever year the dashboard shows: yearly reports past their statutory publication date,
/// escalations past a stage's due date, and overdue actions group by group. It is scoped by the dashboard's
/// context: the whole partnership; a group's own actions on its chair's dashboard; and on a partner's dashboard the
/// actions its agency owns and the escalations raised about it. Each count is one GROUP BY or COUNT, and each
/// line's link opens a list of exactly the records it counts.
/// </summary>
public sealed class NeedsAttention(PublicationDeadlineTile publication)
{
    public async Task<NeedsAttentionModel> LoadAsync(TileContext context, CancellationToken ct)
    {
        var today = context.Today;
        var filter = ActionsTile.OverdueFilter();
        filter.Group = context.GroupId;
        filter.Agency = context.OrganisationId;
        var byGroup = await filter.Apply(context.Db.Actions.AsNoTracking(), today)
            .GroupBy(a => new { a.GroupId, a.Group!.Name })
            .Select(g => new { g.Key.GroupId, g.Key.Name, Count = g.Count() })
            .ToListAsync(ct);
        var actions = byGroup.OrderByDescending(g => g.Count).ThenBy(g => g.Name, StringComparer.Ordinal)
            .Select(g => new OverdueActions(g.GroupId, g.Name, g.Count, filter.Url(ActionsTile.Tracker, f => f.Group = g.GroupId)))
            .ToList();

        // A group's dashboard is for running the group: the yearly report and escalations are not its chair's to act on.
        if (context.GroupId is not null)
        {
            return new NeedsAttentionModel { Today = today, Actions = actions };
        }

        var reports = await publication.OverdueAsync(context.Db, today, ct);
        int? late = null;
        string? lateUrl = null;
        if (await context.AllowedAsync(Policies.ViewEscalations))
        {
            var escalations = context.Db.Escalations.AsNoTracking().Where(e => e.IsLive()).Where(EscalationProtocol.LateOn(today));
            lateUrl = "/escalations?year=all&status=open&late=true";
            if (context.OrganisationId is { } agency)
            {
                escalations = escalations.Where(e => e.ConcernedOrganisationId == agency);
                lateUrl += $"&concernedOrganisationId={agency}";
            }

            late = await escalations.CountAsync(ct);
        }

        return new NeedsAttentionModel { Today = today, Reports = reports, Actions = actions, LateEscalations = late, LateEscalationsUrl = lateUrl };
    }
}
