using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure.Govuk;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Actions;

/// <summary>
/// Everything done to an action after it is raised, each step adding a row to its update trail:
/// the owner (or the chair or team) records progress and asks for sign-off; only the group's chair or
/// vice-chair, or the team, signs off, returns a request, cancels, closes or reopens.
/// </summary>
[Authorize(Policy = Policies.ViewRecords)]
public sealed class ActionProgressController(PortalDbContext db, TimeProvider clock) : Controller
{
    private const string Views = "/Features/Actions/";

    [HttpGet("actions/{id:int}/update")]
    public async Task<IActionResult> Update(int id, string? returnUrl, CancellationToken ct)
    {
        var actionAccess = await this.LoadAsync(db.Actions.AsNoTracking().Where(a => a.Id == id), Policies.UpdateAction, ct);
        if (!actionAccess.Granted(out var action, out var refusal))
        {
            return refusal;
        }

        var form = new ProgressForm { ActionId = id, Version = action.Version, StatusAfter = action.Status, ReturnUrl = LocalOrNull(returnUrl) };
        return View(Views + "Update.cshtml", await WithHeaderAsync(form, ct));
    }

    [HttpPost("actions/{id:int}/updates")]
    public async Task<IActionResult> Update(int id, ProgressForm form, [FromServices] IValidator<ProgressForm> validator, CancellationToken ct)
    {
        var actionAccess = await this.LoadAsync(db.Actions.Where(a => a.Id == id), Policies.UpdateAction, ct);
        if (!actionAccess.Granted(out var action, out var refusal))
        {
            return refusal;
        }

        form.ActionId = id;
        form.ReturnUrl = LocalOrNull(form.ReturnUrl);
        await WithHeaderAsync(form, ct);
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (ModelState.IsValid)
        {
            db.ActionUpdates.Add(ActionProgress.Progress(action, form.Note!.Trim(), form.StatusAfter!.Value, form.DueDate, await db.ActorAsync(User, ct), Now()));
            // The action's version guards its trail too: a note written against a stale view of the action is
            // refused like any stale edit, even when it leaves the status and due date as they were (which
            // would otherwise leave the action unchanged, so its version unchecked).
            db.Entry(action).Property(a => a.UpdatedAt).IsModified = true;
            if (await db.SaveEditAsync(action, form.Version, ModelState, ct))
            {
                return Back(form.ReturnUrl ?? $"/actions/{id}");
            }
        }

        return View(Views + "Update.cshtml", form);
    }

    [HttpGet("actions/{id:int}/request-sign-off")]
    public async Task<IActionResult> RequestSignOff(int id, CancellationToken ct)
    {
        var actionAccess = await this.LoadAsync(db.Actions.AsNoTracking().Where(a => a.Id == id), Policies.UpdateAction, ct);
        if (!actionAccess.Granted(out var action, out var refusal))
        {
            return refusal;
        }

        var form = new SignOffRequestForm { ActionId = id, Version = action.Version, Evidence = action.CompletionEvidence };
        form.Action = await db.ActionHeaderAsync(id, ct);
        return View(Views + "RequestSignOff.cshtml", form);
    }

    [HttpPost("actions/{id:int}/request-sign-off")]
    public async Task<IActionResult> RequestSignOff(
        int id, SignOffRequestForm form, [FromServices] IValidator<SignOffRequestForm> validator, [FromServices] SignOffRequestNotifier notifier, CancellationToken ct)
    {
        var actionAccess = await this.LoadAsync(db.Actions.Where(a => a.Id == id), Policies.UpdateAction, ct);
        if (!actionAccess.Granted(out var action, out var refusal))
        {
            return refusal;
        }

        form.ActionId = id;
        form.Action = await db.ActionHeaderAsync(id, ct);
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (ModelState.IsValid)
        {
            db.ActionUpdates.Add(ActionProgress.RequestSignOff(action, form.Evidence!.Trim(), await db.ActorAsync(User, ct), Now()));
            if (await db.SaveEditAsync(action, form.Version, ModelState, ct))
            {
                // The chair and vice-chair hear of it by email as well as on their dashboards.
                await notifier.NotifyAsync(id, User, ct);
                return Back($"/actions/{id}");
            }
        }

        return View(Views + "RequestSignOff.cshtml", form);
    }

    [HttpGet("actions/{id:int}/sign-off")]
    public async Task<IActionResult> SignOff(int id, CancellationToken ct)
    {
        var actionAccess = await this.LoadAsync(db.Actions.AsNoTracking().Include(a => a.Group).Where(a => a.Id == id), Policies.EditGroup, ct, a => a.Group!);
        if (!actionAccess.Granted(out var action, out var refusal))
        {
            return refusal;
        }

        var today = UkTime.Today(clock);
        var form = new SignOffForm { ActionId = id, Version = action.Version, Evidence = action.CompletionEvidence, CompletedOn = today, Today = today };
        form.Action = await db.ActionHeaderAsync(id, ct);
        return View(Views + "SignOff.cshtml", form);
    }

    [HttpPost("actions/{id:int}/sign-off")]
    public async Task<IActionResult> SignOff(int id, SignOffForm form, [FromServices] IValidator<SignOffForm> validator, CancellationToken ct)
    {
        var actionAccess = await this.LoadAsync(db.Actions.Include(a => a.Group).Where(a => a.Id == id), Policies.EditGroup, ct, a => a.Group!);
        if (!actionAccess.Granted(out var action, out var refusal))
        {
            return refusal;
        }

        form.ActionId = id;
        form.Today = UkTime.Today(clock);
        form.Action = await db.ActionHeaderAsync(id, ct);
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (ModelState.IsValid)
        {
            db.ActionUpdates.Add(ActionProgress.SignOff(action, form.Evidence!.Trim(), form.CompletedOn!.Value, await db.ActorAsync(User, ct), Now()));
            if (await db.SaveEditAsync(action, form.Version, ModelState, ct))
            {
                return Back($"/actions/{id}");
            }
        }

        return View(Views + "SignOff.cshtml", form);
    }

    [HttpGet("actions/{id:int}/return-sign-off")]
    public Task<IActionResult> ReturnSignOff(int id, CancellationToken ct) => ReasonPage(id, ReasonStep.ReturnSignOff, ct);

    [HttpPost("actions/{id:int}/return-sign-off")]
    public Task<IActionResult> ReturnSignOff(int id, ReasonForm form, [FromServices] IValidator<ReasonForm> validator, CancellationToken ct) =>
        ReasonStepAsync(id, ReasonStep.ReturnSignOff, form, validator, ct);

    [HttpGet("actions/{id:int}/cancel")]
    public Task<IActionResult> Cancel(int id, CancellationToken ct) => ReasonPage(id, ReasonStep.Cancel, ct);

    [HttpPost("actions/{id:int}/cancel")]
    public Task<IActionResult> Cancel(int id, ReasonForm form, [FromServices] IValidator<ReasonForm> validator, CancellationToken ct) =>
        ReasonStepAsync(id, ReasonStep.Cancel, form, validator, ct);

    [HttpGet("actions/{id:int}/close")]
    public Task<IActionResult> Close(int id, CancellationToken ct) => ReasonPage(id, ReasonStep.Close, ct);

    [HttpPost("actions/{id:int}/close")]
    public Task<IActionResult> Close(int id, ReasonForm form, [FromServices] IValidator<ReasonForm> validator, CancellationToken ct) =>
        ReasonStepAsync(id, ReasonStep.Close, form, validator, ct);

    [HttpGet("actions/{id:int}/reopen")]
    public Task<IActionResult> Reopen(int id, CancellationToken ct) => ReasonPage(id, ReasonStep.Reopen, ct);

    [HttpPost("actions/{id:int}/reopen")]
    public Task<IActionResult> Reopen(int id, ReasonForm form, [FromServices] IValidator<ReasonForm> validator, CancellationToken ct) =>
        ReasonStepAsync(id, ReasonStep.Reopen, form, validator, ct);

    private async Task<IActionResult> ReasonPage(int id, ReasonStep step, CancellationToken ct)
    {
        var actionAccess = await this.LoadAsync(db.Actions.AsNoTracking().Include(a => a.Group).Where(a => a.Id == id), Policies.EditGroup, ct, a => a.Group!);
        if (!actionAccess.Granted(out var action, out var refusal))
        {
            return refusal;
        }

        var form = new ReasonForm
        {
            ActionId = id, Version = action.Version, Step = step, Action = await db.ActionHeaderAsync(id, ct),
            StatusAfter = step == ReasonStep.Reopen ? ActionStatus.OnTrack : null,
        };
        return View(Views + "Reason.cshtml", form);
    }

    private async Task<IActionResult> ReasonStepAsync(int id, ReasonStep step, ReasonForm form, IValidator<ReasonForm> validator, CancellationToken ct)
    {
        var actionAccess = await this.LoadAsync(db.Actions.Include(a => a.Group).Where(a => a.Id == id), Policies.EditGroup, ct, a => a.Group!);
        if (!actionAccess.Granted(out var action, out var refusal))
        {
            return refusal;
        }

        form.ActionId = id;
        form.Step = step;
        form.Action = await db.ActionHeaderAsync(id, ct);
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (ModelState.IsValid)
        {
            var by = await db.ActorAsync(User, ct);
            var reason = form.Reason!.Trim();
            db.ActionUpdates.Add(step switch
            {
                ReasonStep.Cancel => ActionProgress.End(action, ActionStatus.Cancelled, reason, by, Now()),
                ReasonStep.Close => ActionProgress.End(action, ActionStatus.Closed, reason, by, Now()),
                ReasonStep.Reopen => ActionProgress.Reopen(action, reason, form.StatusAfter!.Value, by, Now()),
                _ => ActionProgress.ReturnSignOff(action, reason, by, Now()),
            });
            if (await db.SaveEditAsync(action, form.Version, ModelState, ct))
            {
                return Back($"/actions/{id}");
            }
        }

        return View(Views + "Reason.cshtml", form);
    }

    private async Task<ProgressForm> WithHeaderAsync(ProgressForm form, CancellationToken ct)
    {
        form.Today = UkTime.Today(clock);
        form.Action = await db.ActionHeaderAsync(form.ActionId, ct);
        return form;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    /// <summary>Only a path on this site is followed back, so a crafted link cannot send anyone elsewhere.</summary>
    private string? LocalOrNull(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : null;

    private RedirectResult Back(string url) =>
        Redirect(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "notice=" + Notices.Saved);
}
