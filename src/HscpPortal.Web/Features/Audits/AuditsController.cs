using System.Globalization;
using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure.Export;
using HscpPortal.Web.Infrastructure.Govuk;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Audits;

/// <summary>
/// Multi-agency audits: each group's yearly programme, every audit's findings, the actions its areas for improvement
/// become, and re-audits compared finding by finding. Every member reads them (they hold counts of cases, never a
/// child's identity); the partnership team and the owning group's chair or vice-chair (EditGroup) change them.
/// </summary>
[Route("audits")]
[Authorize(Policy = Policies.ViewRecords)]
public sealed class AuditsController(PortalDbContext db, IAuthorizationService authz, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditListQuery query, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var year = ReportingYear.TryParse(query.Year, out var asked) ? asked : ReportingYear.Containing(today);
        query.Year = year.ToString();
        var rows = await Rows(Filter(query, year)).ToListAsync(ct);
        var earliest = await db.Audits.AsNoTracking().MinAsync(a => (int?)a.ProgrammeYear, ct) ?? year.StartYear;
        var latest = Math.Max(ReportingYear.Containing(today).StartYear + 1, year.StartYear);
        var years = Enumerable.Range(Math.Min(earliest, year.StartYear), latest - Math.Min(earliest, year.StartYear) + 1)
            .Reverse().Select(y => new ReportingYear(y).ToString()).ToList();
        return View(new AuditList
        {
            Query = query,
            Year = year,
            Rows = rows,
            Years = years,
            Groups = await db.GroupOptionsAsync(ct, alwaysInclude: query.GroupId),
            CanAdd = (await EditableGroupsAsync(ct)).Count > 0,
        });
    }

    [HttpGet("export")]
    public async Task<IActionResult> Export([FromQuery] AuditListQuery query, string? format, CancellationToken ct)
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

        var year = ReportingYear.TryParse(query.Year, out var asked) ? asked : ReportingYear.Containing(UkTime.Today(clock));
        var rows = await Rows(Filter(query, year)).ToListAsync(ct);
        return TabularExport.Download(ExportTable.From($"Audits {year}", rows, AuditList.Columns), kind.Value, $"audits-{year}");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var audit = await db.Audits.AsNoTracking().Include(a => a.Group).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (audit is null)
        {
            return NotFound();
        }

        var agencies = await db.AuditAgencies.AsNoTracking().Where(x => x.AuditId == id)
            .OrderBy(x => x.Organisation!.Name).Select(x => x.Organisation!.Name).ToListAsync(ct);
        var findings = await Findings(id, ct);
        (int, string)? original = audit.ReAuditOfId is { } of
            ? await db.Audits.AsNoTracking().Where(a => a.Id == of).Select(a => new ValueTuple<int, string>(a.Id, a.Title)).FirstOrDefaultAsync(ct)
            : null;
        var reAudits = await db.Audits.AsNoTracking().Where(a => a.ReAuditOfId == id && a.IsLive())
            .OrderBy(a => a.ProgrammeYear).ThenBy(a => a.Id)
            .Select(a => new ValueTuple<int, string, AuditStatus>(a.Id, a.Title, a.Status)).ToListAsync(ct);
        var comparison = new List<ComparisonRow>();
        if (audit.ReAuditOfId is { } originalId)
        {
            var originals = await db.AuditFindings.AsNoTracking().Where(f => f.AuditId == originalId && f.IsLive())
                .OrderBy(f => f.Kind).ThenBy(f => f.Id).ToListAsync(ct);
            comparison = originals.Select(o =>
            {
                var revisit = findings.FirstOrDefault(f => f.RevisitsFindingId == o.Id);
                return new ComparisonRow(o.Id, o.Kind, o.Text, revisit?.Text, revisit?.Comparison);
            }).ToList();
        }

        return View(new AuditDetails
        {
            Audit = audit,
            Group = audit.Group!.Name,
            Agencies = agencies,
            Findings = findings,
            ArchivedFindings = await db.AuditFindings.AsNoTracking().Where(f => f.AuditId == id && f.IsArchived())
                .OrderBy(f => f.ArchivedAt)
                .Select(f => new ArchivedFinding(f.Id, f.Kind, f.Text, f.Version, f.ArchivedAt!.Value, f.ArchivedBy))
                .ToListAsync(ct),
            ReAuditOf = original,
            ReAudits = reAudits,
            Comparison = comparison,
            CanEdit = (await authz.AuthorizeAsync(User, audit.Group, Policies.EditGroup)).Succeeded,
        });
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create(int? reAuditOf, CancellationToken ct)
    {
        var groups = await EditableGroupsAsync(ct);
        if (groups.Count == 0)
        {
            return Forbid();
        }

        var today = UkTime.Today(clock);
        var form = new AuditForm { Year = ReportingYear.Containing(today).ToString(), PlannedQuarter = AuditRules.QuarterOf(today), Status = AuditStatus.Planned };
        if (reAuditOf is { } originalId && await db.Audits.AsNoTracking().Include(a => a.Agencies).FirstOrDefaultAsync(a => a.Id == originalId, ct) is { } original)
        {
            // A re-audit starts as a copy of what it repeats: the same theme, method, group and agencies.
            form.Title = "Re-audit: " + original.Title;
            form.Theme = original.Theme;
            form.Method = original.Method;
            form.GroupId = original.GroupId;
            form.AgencyIds = original.Agencies.Select(x => x.OrganisationId).ToList();
            form.Reason = AuditReason.Data;
            form.ReAuditOfId = original.Id;
        }
        else
        {
            // Quality and Effectiveness owns the programme unless the user chooses another group.
            form.GroupId = await DefaultGroupAsync(groups, ct);
        }

        return View("Edit", await WithOptionsAsync(form, groups, ct));
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(AuditForm form, [FromServices] IValidator<AuditForm> validator, CancellationToken ct)
    {
        var groups = await EditableGroupsAsync(ct);
        if (groups.Count == 0)
        {
            return Forbid();
        }

        // A group the user may not edit is refused outright, not offered back as a validation error.
        if (form.GroupId is { } groupId && await db.Groups.AnyAsync(g => g.Id == groupId, ct) && !groups.Any(g => g.Value == groupId.ToString(CultureInfo.InvariantCulture)))
        {
            return Forbid();
        }

        form.Id = 0;
        form.CurrentGroupId = null;
        await ValidateAsync(form, validator, null, ct);
        if (!ModelState.IsValid)
        {
            return View("Edit", await WithOptionsAsync(form, groups, ct));
        }

        var audit = new Audit { Title = "", Theme = "" };
        form.ApplyTo(audit);
        db.Audits.Add(audit);
        await db.SaveChangesAsync(ct);
        return Redirect($"/audits/{audit.Id}?notice={Notices.Created}");
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var access = await this.LoadAsync(db.Audits.AsNoTracking().Include(a => a.Group).Include(a => a.Agencies).Where(a => a.Id == id), Policies.EditGroup, ct, a => a.Group!);
        if (!access.Granted(out var audit, out var refusal))
        {
            return refusal;
        }

        return View(await WithOptionsAsync(AuditForm.From(audit), await EditableGroupsAsync(ct, audit.GroupId), ct));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, AuditForm form, [FromServices] IValidator<AuditForm> validator, CancellationToken ct)
    {
        var access = await this.LoadAsync(db.Audits.Include(a => a.Group).Include(a => a.Agencies).Where(a => a.Id == id), Policies.EditGroup, ct, a => a.Group!);
        if (!access.Granted(out var audit, out var refusal))
        {
            return refusal;
        }

        var groups = await EditableGroupsAsync(ct, audit.GroupId);
        if (form.GroupId is { } groupId && groupId != audit.GroupId && await db.Groups.AnyAsync(g => g.Id == groupId, ct)
            && !groups.Any(g => g.Value == groupId.ToString(CultureInfo.InvariantCulture)))
        {
            return Forbid();
        }

        form.Id = id;
        form.CurrentGroupId = audit.GroupId;
        await ValidateAsync(form, validator, audit.Status, ct);
        if (!ModelState.IsValid)
        {
            return View(await WithOptionsAsync(form, groups, ct));
        }

        form.ApplyTo(audit);
        if (!await db.SaveEditAsync(audit, form.Version, ModelState, ct))
        {
            return View(await WithOptionsAsync(form, groups, ct));
        }

        return Redirect($"/audits/{id}?notice={Notices.Saved}");
    }

    [HttpPost("{id:int}/archive")]
    public Task<IActionResult> Archive(int id, Guid version, CancellationToken ct) => SetArchivedAsync(id, version, archive: true, ct);

    [HttpPost("{id:int}/restore")]
    public Task<IActionResult> Restore(int id, Guid version, CancellationToken ct) => SetArchivedAsync(id, version, archive: false, ct);

    [HttpGet("{id:int}/findings/new")]
    public async Task<IActionResult> NewFinding(int id, CancellationToken ct)
    {
        var access = await EditableAuditAsync(id, ct);
        if (!access.Granted(out var audit, out var refusal))
        {
            return refusal;
        }

        SetHeading(audit);
        return View("Finding", await WithOriginalsAsync(new FindingForm(), audit, ct));
    }

    [HttpPost("{id:int}/findings/new")]
    public async Task<IActionResult> NewFinding(int id, FindingForm form, [FromServices] IValidator<FindingForm> validator, CancellationToken ct)
    {
        var access = await EditableAuditAsync(id, ct);
        if (!access.Granted(out var audit, out var refusal))
        {
            return refusal;
        }

        SetHeading(audit);
        await WithOriginalsAsync(form, audit, ct);
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!ModelState.IsValid)
        {
            return View("Finding", form);
        }

        db.AuditFindings.Add(new AuditFinding
        {
            AuditId = id,
            Kind = form.Kind!.Value,
            Text = form.Text!.Trim(),
            RevisitsFindingId = form.RevisitsFindingId,
            Comparison = form.RevisitsFindingId is null ? null : form.Comparison,
        });
        await db.SaveChangesAsync(ct);
        return Redirect($"/audits/{id}?notice={Notices.Created}#findings");
    }

    [HttpGet("{id:int}/findings/{findingId:int}/edit")]
    public async Task<IActionResult> EditFinding(int id, int findingId, CancellationToken ct)
    {
        var access = await EditableAuditAsync(id, ct);
        if (!access.Granted(out var audit, out var refusal))
        {
            return refusal;
        }

        var finding = await db.AuditFindings.AsNoTracking().FirstOrDefaultAsync(f => f.Id == findingId && f.AuditId == id, ct);
        if (finding is null)
        {
            return NotFound();
        }

        SetHeading(audit);
        ViewBag.FindingId = findingId;
        var form = new FindingForm
        {
            Version = finding.Version, Kind = finding.Kind, Text = finding.Text, RevisitsFindingId = finding.RevisitsFindingId, Comparison = finding.Comparison,
        };
        return View("Finding", await WithOriginalsAsync(form, audit, ct));
    }

    [HttpPost("{id:int}/findings/{findingId:int}/edit")]
    public async Task<IActionResult> EditFinding(int id, int findingId, FindingForm form, [FromServices] IValidator<FindingForm> validator, CancellationToken ct)
    {
        var access = await EditableAuditAsync(id, ct);
        if (!access.Granted(out var audit, out var refusal))
        {
            return refusal;
        }

        var finding = await db.AuditFindings.FirstOrDefaultAsync(f => f.Id == findingId && f.AuditId == id, ct);
        if (finding is null)
        {
            return NotFound();
        }

        SetHeading(audit);
        ViewBag.FindingId = findingId;
        await WithOriginalsAsync(form, audit, ct);
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (form.Kind == FindingKind.Strength && finding.Kind == FindingKind.AreaForImprovement
            && await db.Actions.AnyAsync(a => a.AuditFindingId == findingId && a.IsLive(), ct))
        {
            ModelState.AddModelError(nameof(form.Kind), "This area for improvement has an action on the tracker, so it cannot become a strength");
        }

        if (!ModelState.IsValid)
        {
            return View("Finding", form);
        }

        finding.Kind = form.Kind!.Value;
        finding.Text = form.Text!.Trim();
        finding.RevisitsFindingId = form.RevisitsFindingId;
        finding.Comparison = form.RevisitsFindingId is null ? null : form.Comparison;
        if (!await db.SaveEditAsync(finding, form.Version, ModelState, ct))
        {
            return View("Finding", form);
        }

        return Redirect($"/audits/{id}?notice={Notices.Saved}#findings");
    }

    [HttpPost("{id:int}/findings/{findingId:int}/archive")]
    public Task<IActionResult> ArchiveFinding(int id, int findingId, Guid version, CancellationToken ct) =>
        SetFindingArchivedAsync(id, findingId, version, archive: true, ct);

    [HttpPost("{id:int}/findings/{findingId:int}/restore")]
    public Task<IActionResult> RestoreFinding(int id, int findingId, Guid version, CancellationToken ct) =>
        SetFindingArchivedAsync(id, findingId, version, archive: false, ct);

    private async Task<IActionResult> SetFindingArchivedAsync(int id, int findingId, Guid version, bool archive, CancellationToken ct)
    {
        var access = await EditableAuditAsync(id, ct);
        if (!access.Granted(out _, out var refusal))
        {
            return refusal;
        }

        if (!await db.AuditFindings.AnyAsync(f => f.Id == findingId && f.AuditId == id, ct))
        {
            return NotFound();
        }

        return await this.SetArchivedAsync<AuditFinding>(db, findingId, version, archive, $"/audits/{id}", clock, ct);
    }

    [HttpGet("{id:int}/findings/{findingId:int}/action")]
    public async Task<IActionResult> FindingAction(int id, int findingId, CancellationToken ct)
    {
        var access = await EditableAuditAsync(id, ct);
        if (!access.Granted(out var audit, out var refusal))
        {
            return refusal;
        }

        var finding = await ImprovementAsync(id, findingId, ct);
        if (finding is null)
        {
            return NotFound();
        }

        SetHeading(audit);
        ViewBag.Finding = finding;
        var today = UkTime.Today(clock);
        return View(await WithPeopleAsync(new FindingActionForm { Title = finding.Text.Length <= 500 ? finding.Text : finding.Text[..500], Today = today }, ct));
    }

    /// <summary>
    /// The area for improvement becomes an action on the owning group's plan in one step: its source is the audit,
    /// and it links back to the finding, so the tracker, the audit and the report all see the same action.
    /// </summary>
    [HttpPost("{id:int}/findings/{findingId:int}/action")]
    public async Task<IActionResult> FindingAction(int id, int findingId, FindingActionForm form, [FromServices] IValidator<FindingActionForm> validator, CancellationToken ct)
    {
        var access = await EditableAuditAsync(id, ct);
        if (!access.Granted(out var audit, out var refusal))
        {
            return refusal;
        }

        var finding = await ImprovementAsync(id, findingId, ct);
        if (finding is null)
        {
            return NotFound();
        }

        SetHeading(audit);
        ViewBag.Finding = finding;
        form.Today = UkTime.Today(clock);
        await form.DefaultOwnerOrganisationAsync(db, ct);
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (audit.Group is { } group && (group.IsArchived() || group.Status != GroupStatus.Active))
        {
            ModelState.AddModelError("", $"{group.Name} is no longer active, so its action plan takes no new actions");
        }

        if (!ModelState.IsValid)
        {
            return View(await WithPeopleAsync(form, ct));
        }

        var action = form.ToAction(audit.GroupId, ActionSource.Audit, audit.Title);
        action.AuditFindingId = findingId;
        db.Actions.Add(action);
        await db.SaveChangesAsync(ct);
        return Redirect($"/actions/{action.Id}?notice={Notices.Created}");
    }

    private IQueryable<Audit> Filter(AuditListQuery query, ReportingYear year)
    {
        var list = db.Audits.AsNoTracking().Where(a => a.ProgrammeYear == year.StartYear && (query.Archived || a.IsLive()));
        if (query.Status is { } status)
        {
            list = list.Where(a => a.Status == status);
        }

        if (query.GroupId is { } groupId)
        {
            list = list.Where(a => a.GroupId == groupId);
        }

        return list;
    }

    private IQueryable<AuditRow> Rows(IQueryable<Audit> audits) =>
        audits.OrderBy(a => a.PlannedQuarter).ThenBy(a => a.Title)
            .Select(a => new AuditRow(
                a.Id, a.Title, a.Theme, a.Group!.Name, a.PlannedQuarter, a.Reason, a.Method, a.CasesSampled, a.Status, a.StartedOn, a.ReportedOn,
                a.Findings.Count(f => f.IsLive() && f.Kind == FindingKind.Strength),
                a.Findings.Count(f => f.IsLive() && f.Kind == FindingKind.AreaForImprovement),
                db.Actions.Count(x => x.IsLive() && x.AuditFinding!.AuditId == a.Id),
                db.Actions.Count(x => x.IsLive() && x.AuditFinding!.AuditId == a.Id && x.Status == ActionStatus.Completed),
                a.ReAuditOfId != null,
                a.IsArchived()));

    private async Task<List<FindingView>> Findings(int auditId, CancellationToken ct)
    {
        var findings = await db.AuditFindings.AsNoTracking().Where(f => f.AuditId == auditId && f.IsLive())
            .OrderBy(f => f.Kind).ThenBy(f => f.Id)
            .Select(f => new { f.Id, f.Kind, f.Text, f.Version, f.RevisitsFindingId, RevisitsText = f.RevisitsFinding!.Text, f.Comparison })
            .ToListAsync(ct);
        var ids = findings.Select(f => f.Id).ToList();
        var actions = await db.Actions.AsNoTracking().Where(a => a.AuditFindingId != null && ids.Contains(a.AuditFindingId.Value) && a.IsLive())
            .OrderBy(a => a.DueDate)
            .Select(a => new { FindingId = a.AuditFindingId!.Value, Row = new FindingAction(a.Id, a.Title, a.Status, a.DueDate) })
            .ToListAsync(ct);
        return findings.Select(f => new FindingView(
            f.Id, f.Kind, f.Text, f.Version, actions.Where(a => a.FindingId == f.Id).Select(a => a.Row).ToList(),
            f.RevisitsFindingId, f.RevisitsText, f.Comparison)).ToList();
    }

    private async Task ValidateAsync(AuditForm form, IValidator<AuditForm> validator, AuditStatus? from, CancellationToken ct)
    {
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (form.Status is { } to && Enum.IsDefined(to))
        {
            foreach (var (field, message) in AuditRules.Problems(from, to, form.StartedOn, form.ReportedOn, form.CasesSampled, UkTime.Today(clock)))
            {
                // A date the user typed wrongly already has its own message; do not add a second.
                if (ModelState[field] is not { Errors.Count: > 0 })
                {
                    ModelState.AddModelError(field, message);
                }
            }
        }
    }

    private Task<Access<Audit>> EditableAuditAsync(int id, CancellationToken ct) =>
        this.LoadAsync(db.Audits.AsNoTracking().Include(a => a.Group).Where(a => a.Id == id && a.IsLive()), Policies.EditGroup, ct, a => a.Group!);

    private Task<AuditFinding?> ImprovementAsync(int id, int findingId, CancellationToken ct) =>
        db.AuditFindings.AsNoTracking().FirstOrDefaultAsync(f => f.Id == findingId && f.AuditId == id && f.IsLive() && f.Kind == FindingKind.AreaForImprovement, ct);

    private async Task<IActionResult> SetArchivedAsync(int id, Guid version, bool archive, CancellationToken ct)
    {
        var access = await this.LoadAsync(db.Audits.AsNoTracking().Include(a => a.Group).Where(a => a.Id == id), Policies.EditGroup, ct, a => a.Group!);
        if (!access.Granted(out _, out var refusal))
        {
            return refusal;
        }

        return await this.SetArchivedAsync<Audit>(db, id, version, archive, $"/audits/{id}", clock, ct);
    }

    private void SetHeading(Audit audit)
    {
        ViewBag.AuditId = audit.Id;
        ViewBag.AuditTitle = audit.Title;
    }

    /// <summary>
    /// The live groups whose audits this user may add to: every one for the team, their own for a chair (the EditGroup
    /// rule asked once for all groups, not group by group), and the audit's own group when editing it.
    /// </summary>
    private async Task<List<SelectListItem>> EditableGroupsAsync(CancellationToken ct, int? alwaysInclude = null)
    {
        var chaired = await ChairOfGroupHandler.ChairedGroupsAsync(db, User, UkTime.Today(clock), ct);
        var ids = chaired?.ToList();
        return await db.Groups.AsNoTracking()
            .Where(g => g.Id == alwaysInclude || (g.IsLive() && g.Status == GroupStatus.Active && (ids == null || ids.Contains(g.Id))))
            .OrderBy(g => g.SortOrder).ThenBy(g => g.Name)
            .Select(g => new SelectListItem(g.Name, g.Id.ToString()))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The group a new audit is offered under: of the groups the user may choose, the one that has run the most audits
    /// (the group that owns the audit programme, whatever the partnership calls it), or the only one.
    /// </summary>
    private async Task<int?> DefaultGroupAsync(List<SelectListItem> groups, CancellationToken ct)
    {
        var ids = groups.Select(g => int.Parse(g.Value, CultureInfo.InvariantCulture)).ToList();
        return await db.AssuranceGroupIdAsync(ct, ids) ?? (ids.Count == 1 ? ids[0] : null);
    }

    private async Task<AuditForm> WithOptionsAsync(AuditForm form, List<SelectListItem> groups, CancellationToken ct)
    {
        ViewBag.Groups = groups;
        ViewBag.Organisations = await db.Organisations.AsNoTracking()
            .Where(o => o.IsLive() || form.AgencyIds.Contains(o.Id))
            .OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture)))
            .ToListAsync(ct);
        var today = UkTime.Today(clock);
        var current = ReportingYear.Containing(today).StartYear;
        ViewBag.Years = Enumerable.Range(current - 3, 5).Reverse()
            .Select(y => new SelectListItem(new ReportingYear(y).ToString(), new ReportingYear(y).ToString())).ToList();
        ViewBag.ReAuditOf = form.ReAuditOfId is { } of
            ? await db.Audits.AsNoTracking().Where(a => a.Id == of).Select(a => a.Title).FirstOrDefaultAsync(ct)
            : null;
        return form;
    }

    private async Task<FindingForm> WithOriginalsAsync(FindingForm form, Audit audit, CancellationToken ct)
    {
        form.Originals = audit.ReAuditOfId is { } of
            ? await db.AuditFindings.AsNoTracking().Where(f => f.AuditId == of && f.IsLive())
                .OrderBy(f => f.Kind).ThenBy(f => f.Id)
                .Select(f => new SelectListItem(f.Text, f.Id.ToString(CultureInfo.InvariantCulture)))
                .ToListAsync(ct)
            : [];
        return form;
    }

    private async Task<FindingActionForm> WithPeopleAsync(FindingActionForm form, CancellationToken ct)
    {
        ViewBag.People = await db.PersonOptionsAsync(ct);
        ViewBag.Organisations = await db.OrganisationOptionsAsync(ct);
        return form;
    }
}
