using System.Globalization;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure.Export;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.ActionTracker;

/// <summary>
/// The action lists: the partnership-wide tracker, a group's action plan, the overdue and due-soon lists, and
/// their exports. Every member reads them; the single action's page lives in Features/Actions.
/// </summary>
[Authorize(Policy = Policies.ViewRecords)]
public sealed class ActionTrackerController(PortalDbContext db, IAuthorizationService authz, TimeProvider clock) : Controller
{
    [HttpGet("actions")]
    public Task<IActionResult> Index([FromQuery] ActionFilter filter, CancellationToken ct) =>
        ListAsync(ActionListKind.Tracker, "Action tracker", "/actions", "/actions/export", filter, null, ct);

    [HttpGet("actions/overdue")]
    public Task<IActionResult> Overdue([FromQuery] ActionFilter filter, CancellationToken ct)
    {
        filter.Due = DueWindow.Overdue;
        return ListAsync(ActionListKind.Overdue, "Overdue actions", "/actions/overdue", "/actions/export", filter, null, ct);
    }

    [HttpGet("actions/due-soon")]
    public Task<IActionResult> DueSoon([FromQuery] ActionFilter filter, CancellationToken ct)
    {
        filter.Due = DueWindow.Soon;
        return ListAsync(ActionListKind.DueSoon, "Actions due soon", "/actions/due-soon", "/actions/export", filter, null, ct);
    }

    [HttpGet("groups/{id:int}/actions")]
    public async Task<IActionResult> GroupPlan(int id, [FromQuery] ActionFilter filter, CancellationToken ct)
    {
        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct);
        if (group is null)
        {
            return NotFound();
        }

        filter.Group = id;
        return await ListAsync(ActionListKind.GroupPlan, $"{group.Name} action plan", $"/groups/{id}/actions", $"/groups/{id}/actions/export", filter, group, ct);
    }

    [HttpGet("actions/export")]
    public Task<IActionResult> Export([FromQuery] ActionFilter filter, string? format, CancellationToken ct) =>
        ExportAsync(filter, format, filter.Due switch
        {
            DueWindow.Overdue => "overdue-actions",
            DueWindow.Soon => "actions-due-soon",
            _ => "actions",
        }, ct);

    [HttpGet("groups/{id:int}/actions/export")]
    public async Task<IActionResult> ExportGroupPlan(int id, [FromQuery] ActionFilter filter, string? format, CancellationToken ct)
    {
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == id).Select(g => new { g.Name, g.ShortName }).FirstOrDefaultAsync(ct);
        if (group is null)
        {
            return NotFound();
        }

        filter.Group = id;
        return await ExportAsync(filter, format, "action-plan-" + Slug(group.ShortName ?? group.Name), ct);
    }

    private async Task<IActionResult> ExportAsync(ActionFilter filter, string? format, string stem, CancellationToken ct)
    {
        var kind = format?.ToUpperInvariant() switch
        {
            "CSV" => ExportFormat.Csv,
            "XLSX" => ExportFormat.Xlsx,
            _ => (ExportFormat?)null,
        };
        if (kind is null)
        {
            return BadRequest();
        }

        var today = UkTime.Today(clock);
        await LimitArchivedAsync(filter);
        var rows = await db.ExportRowsAsync(filter.Order(filter.Apply(db.Actions, today)), ct);
        return TabularExport.Download(ActionListQueries.ExportTable("Actions", rows, today), kind.Value, $"{stem}-{today:yyyy-MM-dd}");
    }

    private async Task<IActionResult> ListAsync(
        ActionListKind kind, string title, string path, string exportPath, ActionFilter filter, Group? group, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var canSeeArchived = await LimitArchivedAsync(filter);
        if (kind is ActionListKind.Overdue or ActionListKind.DueSoon && !Request.Query.ContainsKey("sort"))
        {
            // These lists are read group by group, so they open sorted by group.
            filter.Sort = ActionSort.Group;
        }

        filter.KeepSort = kind is ActionListKind.Overdue or ActionListKind.DueSoon;

        var filtered = filter.Apply(db.Actions.AsNoTracking(), today);
        var results = await filter.Order(filtered).ToRows().ToPageAsync(filter.Page, cancellationToken: ct);
        var overdue = filter.Due == DueWindow.Overdue ? results.Total : await filtered.CountAsync(ActionRag.Overdue(today), ct);
        return View("List", new ActionListPage
        {
            Kind = kind,
            Title = title,
            Path = path,
            ExportPath = exportPath,
            Filter = filter,
            Results = results,
            Overdue = overdue,
            Today = today,
            Options = await OptionsAsync(group is null, ct),
            Group = group is null ? null : new GroupRef(group.Id, group.Name),
            Counts = group is null ? null : await db.Actions.Where(a => a.GroupId == group.Id && a.IsLive()).RagCountsAsync(today, ct),
            CanAdd = group is not null && group.Status == GroupStatus.Active && (await authz.AuthorizeAsync(User, group, Policies.EditGroup)).Succeeded,
            CanSeeArchived = canSeeArchived,
        });
    }

    /// <summary>Archived actions are for the partnership team; for anyone else the option is ignored.</summary>
    private async Task<bool> LimitArchivedAsync(ActionFilter filter)
    {
        var may = (await authz.AuthorizeAsync(User, Policies.ManageStructure)).Succeeded;
        filter.Archived &= may;
        return may;
    }

    private async Task<ActionFilterOptions> OptionsAsync(bool withGroups, CancellationToken ct)
    {
        // Only the people and agencies that own actions: the filter should never offer an empty result.
        return new ActionFilterOptions
        {
            Groups = withGroups
                ? await db.Groups.AsNoTracking().Where(g => db.Actions.Any(a => a.GroupId == g.Id) || (g.IsLive() && g.Status == GroupStatus.Active))
                    .OrderBy(g => g.SortOrder).ThenBy(g => g.Name).Select(g => new SelectListItem(g.Name, g.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct)
                : [],
            Owners = await db.People.AsNoTracking().Where(p => db.Actions.Any(a => a.OwnerPersonId == p.Id))
                .OrderBy(p => p.FullName).Select(p => new SelectListItem(p.FullName, p.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct),
            Agencies = await db.Organisations.AsNoTracking().Where(o => db.Actions.Any(a => a.OwnerOrganisationId == o.Id))
                .OrderBy(o => o.Name).Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct),
            Priorities = await db.Priorities.AsNoTracking().Where(p => p.IsLive() || db.Actions.Any(a => a.PriorityId == p.Id))
                .OrderBy(p => p.Order).ThenBy(p => p.Title).Select(p => new SelectListItem(p.Title, p.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct),
        };
    }

    private static string Slug(string name)
    {
        var slug = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return slug.Trim('-');
    }
}
