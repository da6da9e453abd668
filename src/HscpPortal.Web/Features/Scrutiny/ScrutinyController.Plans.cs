using FluentValidation;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure.Govuk;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Scrutiny;

/// <summary>
/// The year's scrutiny plan: the scrutineer (or the team for them) drafts it and puts it to the statutory partners;
/// each partner's lead or delegated partner approves it for their own organisation. Any change after approvals have
/// started withdraws them, since the partners approved a plan that no longer stands.
/// </summary>
public sealed partial class ScrutinyController
{
    public const string PlanChangedWhileRead =
        "The plan changed while you were reading it, so it has not been approved. Read the plan as it stands now, then approve it.";

    [HttpGet("plans/{year}")]
    public async Task<IActionResult> Plan(string year, CancellationToken ct) =>
        ReportingYear.TryParse(year, out var chosen) ? View("Plan", await PlanPageAsync(chosen, ct)) : NotFound();

    [HttpGet("plans/{year}/edit")]
    [Authorize(Policy = Policies.DraftScrutinyPlan)]
    public async Task<IActionResult> EditPlan(string year, CancellationToken ct)
    {
        if (!ReportingYear.TryParse(year, out var chosen))
        {
            return NotFound();
        }

        var plan = await LivePlan(chosen).AsNoTracking().FirstOrDefaultAsync(ct);
        await SetPlanHeadingAsync(chosen, plan, ct);
        return View("PlanSummary", new PlanForm { Version = plan?.Version ?? Guid.Empty, Summary = plan?.Summary });
    }

    [HttpPost("plans/{year}/edit")]
    [Authorize(Policy = Policies.DraftScrutinyPlan)]
    public async Task<IActionResult> EditPlan(string year, PlanForm form, [FromServices] IValidator<PlanForm> validator, CancellationToken ct)
    {
        if (!ReportingYear.TryParse(year, out var chosen))
        {
            return NotFound();
        }

        var plan = await LivePlan(chosen).Include(p => p.Approvals).FirstOrDefaultAsync(ct);
        await SetPlanHeadingAsync(chosen, plan, ct);
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!ModelState.IsValid)
        {
            return View("PlanSummary", form);
        }

        if (plan is null)
        {
            db.ScrutinyPlans.Add(new ScrutinyPlan { StartYear = chosen.StartYear, Summary = form.Summary!.Trim() });
            await db.SaveChangesAsync(ct);
            return Redirect($"/scrutiny/plans/{chosen}?notice={Notices.Created}");
        }

        plan.Summary = form.Summary!.Trim();
        ScrutinyPlanRules.WithdrawApprovals(plan.Approvals, clock.GetUtcNow().UtcDateTime);
        if (!await db.SaveEditAsync(plan, form.Version, ModelState, ct))
        {
            return View("PlanSummary", form);
        }

        return Redirect($"/scrutiny/plans/{chosen}?notice={Notices.Saved}");
    }

    [HttpGet("plans/{year}/items/new")]
    [Authorize(Policy = Policies.DraftScrutinyPlan)]
    public async Task<IActionResult> NewPlanItem(string year, CancellationToken ct)
    {
        var plan = ReportingYear.TryParse(year, out var chosen) ? await LivePlan(chosen).AsNoTracking().FirstOrDefaultAsync(ct) : null;
        if (plan is null)
        {
            return NotFound();
        }

        await SetPlanHeadingAsync(chosen, plan, ct);
        return View("PlanItem", await WithOrganisationsAsync(new PlanItemForm(), null, ct));
    }

    [HttpPost("plans/{year}/items/new")]
    [Authorize(Policy = Policies.DraftScrutinyPlan)]
    public async Task<IActionResult> NewPlanItem(string year, PlanItemForm form, [FromServices] IValidator<PlanItemForm> validator, CancellationToken ct)
    {
        var plan = ReportingYear.TryParse(year, out var chosen) ? await LivePlan(chosen).Include(p => p.Approvals).FirstOrDefaultAsync(ct) : null;
        if (plan is null)
        {
            return NotFound();
        }

        await SetPlanHeadingAsync(chosen, plan, ct);
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!ModelState.IsValid)
        {
            return View("PlanItem", await WithOrganisationsAsync(form, null, ct));
        }

        var item = new ScrutinyPlanItem { PlanId = plan.Id, Subject = "", Reason = "" };
        form.ApplyTo(item);
        db.ScrutinyPlanItems.Add(item);
        ScrutinyPlanRules.WithdrawApprovals(plan.Approvals, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return Redirect($"/scrutiny/plans/{chosen}?notice={Notices.Created}#items");
    }

    [HttpGet("plans/{year}/items/{itemId:int}/edit")]
    [Authorize(Policy = Policies.DraftScrutinyPlan)]
    public async Task<IActionResult> EditPlanItem(string year, int itemId, CancellationToken ct)
    {
        var plan = ReportingYear.TryParse(year, out var chosen) ? await LivePlan(chosen).AsNoTracking().FirstOrDefaultAsync(ct) : null;
        var item = plan is null ? null : await db.ScrutinyPlanItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.PlanId == plan.Id && i.IsLive(), ct);
        if (item is null)
        {
            return NotFound();
        }

        await SetPlanHeadingAsync(chosen, plan, ct);
        ViewBag.ItemId = itemId;
        return View("PlanItem", await WithOrganisationsAsync(PlanItemForm.From(item), item.OrganisationId, ct));
    }

    [HttpPost("plans/{year}/items/{itemId:int}/edit")]
    [Authorize(Policy = Policies.DraftScrutinyPlan)]
    public async Task<IActionResult> EditPlanItem(string year, int itemId, PlanItemForm form, [FromServices] IValidator<PlanItemForm> validator, CancellationToken ct)
    {
        var plan = ReportingYear.TryParse(year, out var chosen) ? await LivePlan(chosen).Include(p => p.Approvals).FirstOrDefaultAsync(ct) : null;
        var item = plan is null ? null : await db.ScrutinyPlanItems.FirstOrDefaultAsync(i => i.Id == itemId && i.PlanId == plan.Id && i.IsLive(), ct);
        if (item is null)
        {
            return NotFound();
        }

        await SetPlanHeadingAsync(chosen, plan, ct);
        ViewBag.ItemId = itemId;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!ModelState.IsValid)
        {
            return View("PlanItem", await WithOrganisationsAsync(form, item.OrganisationId, ct));
        }

        form.ApplyTo(item);
        ScrutinyPlanRules.WithdrawApprovals(plan!.Approvals, clock.GetUtcNow().UtcDateTime);
        if (!await db.SaveEditAsync(item, form.Version, ModelState, ct))
        {
            return View("PlanItem", await WithOrganisationsAsync(form, item.OrganisationId, ct));
        }

        return Redirect($"/scrutiny/plans/{chosen}?notice={Notices.Saved}#items");
    }

    [HttpPost("plans/{year}/items/{itemId:int}/archive")]
    [Authorize(Policy = Policies.DraftScrutinyPlan)]
    public async Task<IActionResult> ArchivePlanItem(string year, int itemId, Guid version, CancellationToken ct)
    {
        var plan = ReportingYear.TryParse(year, out var chosen) ? await LivePlan(chosen).Include(p => p.Approvals).FirstOrDefaultAsync(ct) : null;
        if (plan is null || !await db.ScrutinyPlanItems.AnyAsync(i => i.Id == itemId && i.PlanId == plan.Id, ct))
        {
            return NotFound();
        }

        // Taking an item out changes what the partners approved, so it withdraws their approvals with the archiving.
        ScrutinyPlanRules.WithdrawApprovals(plan.Approvals, clock.GetUtcNow().UtcDateTime);
        return await this.SetArchivedAsync<ScrutinyPlanItem>(db, itemId, version, archive: true, $"/scrutiny/plans/{chosen}", clock, ct);
    }

    /// <summary>Puts the draft to the partners for approval; a plan without a planned item is not a plan.</summary>
    [HttpPost("plans/{year}/submit")]
    [Authorize(Policy = Policies.DraftScrutinyPlan)]
    public async Task<IActionResult> SubmitPlan(string year, Guid version, CancellationToken ct)
    {
        var plan = ReportingYear.TryParse(year, out var chosen) ? await LivePlan(chosen).FirstOrDefaultAsync(ct) : null;
        if (plan is null)
        {
            return NotFound();
        }

        if (!await db.ScrutinyPlanItems.AnyAsync(i => i.PlanId == plan.Id && i.IsLive(), ct))
        {
            ModelState.AddModelError("", "Add at least one planned item before putting the plan to the partners");
            return View("Plan", await PlanPageAsync(chosen, ct));
        }

        plan.Status = ScrutinyPlanStatus.ForApproval;
        plan.SubmittedOn ??= UkTime.Today(clock);
        var notice = await db.SaveEditAsync(plan, version, ModelState, ct) ? Notices.Saved : Notices.Stale;
        return Redirect($"/scrutiny/plans/{chosen}?notice={notice}");
    }

    /// <summary>
    /// A statutory partner's approval, given by its lead or delegated partner today for their own organisation only.
    /// The fingerprint is of the plan as the partner read it: a plan changed since is not approved.
    /// </summary>
    [HttpPost("plans/{year}/approve")]
    public async Task<IActionResult> ApprovePlan(string year, int organisationId, string? fingerprint, CancellationToken ct)
    {
        var plan = ReportingYear.TryParse(year, out var chosen) ? await LivePlan(chosen).FirstOrDefaultAsync(ct) : null;
        if (plan is null)
        {
            return NotFound();
        }

        var today = UkTime.Today(clock);
        var userId = User.UserId();
        var seat = userId is null ? null : await Seats.PartnerSeats(db, userId, today).AsNoTracking()
            .Where(r => r.OrganisationId == organisationId)
            .OrderBy(r => r.Role)
            .Select(r => new { r.Role, r.PersonId, r.Person!.FullName })
            .FirstOrDefaultAsync(ct);
        var partnersOn = ReportWorkflow.PartnersAsAt(chosen, today);
        if (seat is null || !await db.Organisations.AnyAsync(o => o.Id == organisationId && o.IsLive() && o.IsPartnerOn(partnersOn), ct))
        {
            return Forbid();
        }

        if (plan.Status != ScrutinyPlanStatus.ForApproval)
        {
            ModelState.AddModelError("", "The plan has not been put to the partners for approval yet");
        }
        else if (!string.Equals(fingerprint, await FingerprintAsync(plan, ct), StringComparison.Ordinal))
        {
            ModelState.AddModelError("", PlanChangedWhileRead);
        }

        if (!ModelState.IsValid)
        {
            return View("Plan", await PlanPageAsync(chosen, ct));
        }

        if (!await db.ScrutinyPlanApprovals.AnyAsync(a => a.PlanId == plan.Id && a.OrganisationId == organisationId && a.WithdrawnAt == null, ct))
        {
            db.ScrutinyPlanApprovals.Add(new ScrutinyPlanApproval
            {
                PlanId = plan.Id,
                OrganisationId = organisationId,
                PersonId = seat.PersonId,
                ApproverName = seat.FullName.Length > 200 ? seat.FullName[..200] : seat.FullName,
                ApproverRole = seat.Role,
                ApprovedOn = today,
                Fingerprint = fingerprint!,
            });
            await db.SaveChangesAsync(ct);
        }

        return Redirect($"/scrutiny/plans/{chosen}?notice={Notices.Saved}#approvals");
    }

    /// <summary>
    /// Takes the year's plan away (drafted for the wrong year, or replaced by a new one): archived, never deleted, with
    /// its items and approvals kept for the record. An archived plan is not offered to the partners for approval.
    /// </summary>
    [HttpPost("plans/{year}/archive")]
    [Authorize(Policy = Policies.DraftScrutinyPlan)]
    public async Task<IActionResult> ArchivePlan(string year, Guid version, CancellationToken ct)
    {
        var plan = ReportingYear.TryParse(year, out var chosen) ? await LivePlan(chosen).AsNoTracking().FirstOrDefaultAsync(ct) : null;
        return plan is null
            ? NotFound()
            : await this.SetArchivedAsync<ScrutinyPlan>(db, plan.Id, version, archive: true, $"/scrutiny/plans/{chosen}", clock, ct);
    }

    /// <summary>Brings an archived plan back, only while its year has no live plan: a year has one plan.</summary>
    [HttpPost("plans/{year}/restore/{planId:int}")]
    [Authorize(Policy = Policies.DraftScrutinyPlan)]
    public async Task<IActionResult> RestorePlan(string year, int planId, Guid version, CancellationToken ct)
    {
        if (!ReportingYear.TryParse(year, out var chosen)
            || !await db.ScrutinyPlans.AnyAsync(p => p.Id == planId && p.StartYear == chosen.StartYear && p.IsArchived(), ct))
        {
            return NotFound();
        }

        if (await LivePlan(chosen).AnyAsync(ct))
        {
            ModelState.AddModelError("", $"{chosen} already has a plan. Archive it before you restore another plan for the year.");
            return View("Plan", await PlanPageAsync(chosen, ct));
        }

        return await this.SetArchivedAsync<ScrutinyPlan>(db, planId, version, archive: false, $"/scrutiny/plans/{chosen}", clock, ct);
    }

    private IQueryable<ScrutinyPlan> LivePlan(ReportingYear year) =>
        db.ScrutinyPlans.Where(p => p.StartYear == year.StartYear && p.IsLive()).OrderBy(p => p.Id);

    private async Task<string> FingerprintAsync(ScrutinyPlan plan, CancellationToken ct)
    {
        var items = await db.ScrutinyPlanItems.AsNoTracking().Where(i => i.PlanId == plan.Id && i.IsLive())
            .Select(i => new { i.Id, i.Subject, i.Kind, i.Quarter, i.PlannedMonth, i.Reason, i.OrganisationId })
            .ToListAsync(ct);
        return ScrutinyPlanRules.Fingerprint(plan.Summary, items.Select(i => (i.Id, i.Subject, i.Kind, i.Quarter, i.PlannedMonth, i.Reason, i.OrganisationId)));
    }

    private async Task SetPlanHeadingAsync(ReportingYear year, ScrutinyPlan? plan, CancellationToken ct)
    {
        ViewBag.Year = year;
        ViewBag.Approvals = plan is null ? 0
            : await db.ScrutinyPlanApprovals.CountAsync(a => a.PlanId == plan.Id && a.WithdrawnAt == null, ct);
    }

    private async Task<PlanPage> PlanPageAsync(ReportingYear year, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var plan = await LivePlan(year).AsNoTracking().FirstOrDefaultAsync(ct);
        var partnersOn = ReportWorkflow.PartnersAsAt(year, today);
        var partners = await db.Organisations.AsNoTracking()
            .Where(o => o.IsLive() && o.IsPartnerOn(partnersOn))
            .OrderBy(o => o.StatutoryPartner).ThenBy(o => o.Name)
            .Select(o => new { o.Id, o.Name })
            .ToListAsync(ct);
        var approvals = plan is null ? [] : await db.ScrutinyPlanApprovals.AsNoTracking()
            .Where(a => a.PlanId == plan.Id)
            .Select(a => new { a.OrganisationId, a.ApproverName, a.ApproverRole, a.ApprovedOn, a.WithdrawnAt })
            .ToListAsync(ct);
        var items = plan is null ? [] : await db.ScrutinyPlanItems.AsNoTracking()
            .Where(i => i.PlanId == plan.Id && i.IsLive())
            .OrderBy(i => i.Quarter).ThenBy(i => i.Id)
            .Select(i => new PlanItemRow(i.Id, i.Subject, i.Kind, i.Quarter, i.PlannedMonth, i.Reason, i.Organisation!.Name, i.Version,
                db.ScrutinyActivities.Any(a => a.PlanItemId == i.Id && a.IsLive())))
            .ToListAsync(ct);
        var userId = User.UserId();
        var seats = userId is null || plan is not { Status: ScrutinyPlanStatus.ForApproval } ? []
            : await Seats.PartnerSeats(db, userId, today).AsNoTracking().Select(r => r.OrganisationId).Distinct().ToListAsync(ct);
        var current = approvals.Where(a => a.WithdrawnAt is null).ToList();
        var rows = partners.Select(p => current.Where(a => a.OrganisationId == p.Id).OrderByDescending(a => a.ApprovedOn).FirstOrDefault() is { } a
            ? new PlanApprovalRow(p.Id, p.Name, a.ApproverName, a.ApproverRole, a.ApprovedOn)
            : new PlanApprovalRow(p.Id, p.Name, null, null, null)).ToList();
        return new PlanPage
        {
            Year = year,
            Plan = plan,
            Items = items,
            Partners = rows,
            Withdrawn = approvals.Count(a => a.WithdrawnAt is not null),
            Fingerprint = plan is null ? "" : await FingerprintAsync(plan, ct),
            CanDraft = await AllowedAsync(Policies.DraftScrutinyPlan),
            CanApproveFor = rows.Where(r => r.ApprovedOn is null && seats.Contains(r.OrganisationId)).Select(r => (r.OrganisationId, r.Organisation)).ToList(),
            ArchivedPlans = await db.ScrutinyPlans.AsNoTracking()
                .Where(p => p.StartYear == year.StartYear && p.IsArchived())
                .OrderByDescending(p => p.ArchivedAt)
                .Select(p => new ArchivedPlanRow(p.Id, p.Summary, p.ArchivedAt!.Value, p.ArchivedBy, p.Version))
                .ToListAsync(ct),
        };
    }
}
