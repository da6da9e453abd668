using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure.Govuk;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Priorities;

/// <summary>The business plan's priorities: what actions deliver, and (later) what the yearly report rates.</summary>
[Route("priorities")]
[Authorize(Policy = Policies.ViewRecords)]
public sealed class PrioritiesController(PortalDbContext db, IValidator<PriorityForm> validator, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var archived = status == "archived";
        ViewBag.Archived = archived;
        var rows = await Rows(db.Priorities.AsNoTracking().Where(p => (p.IsArchived()) == archived), today)
            .ToListAsync(ct);
        return View(rows);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var priority = await db.Priorities.AsNoTracking().Include(p => p.LeadGroup).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (priority is null)
        {
            return NotFound();
        }

        ViewBag.Counts = await Rows(db.Priorities.AsNoTracking().Where(p => p.Id == id), UkTime.Today(clock)).FirstAsync(ct);
        return View(priority);
    }

    [HttpGet("new")]
    [Authorize(Policy = Policies.ManageStructure)]
    public async Task<IActionResult> Create(CancellationToken ct) =>
        View("Edit", await WithOptions(new PriorityForm { FromYear = ReportingYear.Containing(UkTime.Today(clock)).ToString() }, ct));

    [HttpPost("new")]
    [Authorize(Policy = Policies.ManageStructure)]
    public async Task<IActionResult> Create(PriorityForm form, CancellationToken ct)
    {
        form.Id = 0;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!ModelState.IsValid)
        {
            return View("Edit", await WithOptions(form, ct));
        }

        var priority = new Priority { Title = "", FromYear = "" };
        form.ApplyTo(priority);
        db.Priorities.Add(priority);
        await db.SaveChangesAsync(ct);
        return Redirect($"/priorities/{priority.Id}?notice={Notices.Created}");
    }

    [HttpGet("{id:int}/edit")]
    [Authorize(Policy = Policies.ManageStructure)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var priority = await db.Priorities.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return priority is null ? NotFound() : View(await WithOptions(PriorityForm.From(priority), ct));
    }

    [HttpPost("{id:int}/edit")]
    [Authorize(Policy = Policies.ManageStructure)]
    public async Task<IActionResult> Edit(int id, PriorityForm form, CancellationToken ct)
    {
        var priority = await db.Priorities.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (priority is null)
        {
            return NotFound();
        }

        form.Id = id;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!ModelState.IsValid)
        {
            return View(await WithOptions(form, ct));
        }

        form.ApplyTo(priority);
        if (!await db.SaveEditAsync(priority, form.Version, ModelState, ct))
        {
            return View(await WithOptions(form, ct));
        }

        return Redirect($"/priorities/{id}?notice={Notices.Saved}");
    }

    [HttpPost("{id:int}/archive")]
    [Authorize(Policy = Policies.ManageStructure)]
    public Task<IActionResult> Archive(int id, Guid version, CancellationToken ct) =>
        this.SetArchivedAsync<Priority>(db, id, version, archive: true, $"/priorities/{id}", clock, ct);

    [HttpPost("{id:int}/restore")]
    [Authorize(Policy = Policies.ManageStructure)]
    public Task<IActionResult> Restore(int id, Guid version, CancellationToken ct) =>
        this.SetArchivedAsync<Priority>(db, id, version, archive: false, $"/priorities/{id}", clock, ct);

    // Counts are subqueries in the one SELECT: no action rows are loaded to count them.
    private IQueryable<PriorityRow> Rows(IQueryable<Priority> priorities, DateOnly today)
    {
        var overdue = ActionRag.Overdue(today);
        var live = db.Actions.Where(a => a.IsLive());
        return priorities
            .OrderBy(p => p.Order).ThenBy(p => p.Title)
            .Select(p => new PriorityRow(
                p.Id, p.Title, p.FromYear, p.ToYear, p.LeadGroupId, p.LeadGroup == null ? null : p.LeadGroup.Name, p.IsArchived(),
                live.Count(a => a.PriorityId == p.Id && a.Status != ActionStatus.Completed && a.Status != ActionStatus.Closed && a.Status != ActionStatus.Cancelled),
                live.Where(overdue).Count(a => a.PriorityId == p.Id),
                live.Count(a => a.PriorityId == p.Id && (a.Status == ActionStatus.Completed || a.Status == ActionStatus.Closed))));
    }

    private async Task<PriorityForm> WithOptions(PriorityForm form, CancellationToken ct)
    {
        form.Groups = await db.GroupOptionsAsync(ct, alwaysInclude: form.LeadGroupId);
        return form;
    }
}
