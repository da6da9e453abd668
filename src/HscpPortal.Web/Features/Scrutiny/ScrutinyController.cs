using System.Globalization;
using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure.Govuk;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Scrutiny;

/// <summary>
/// The independent scrutineer's own record: the activities they carried out (check-and-challenge sessions,
/// walk-the-floor visits, meetings observed, case files and audits reviewed) and the challenges they raised to
/// partners and agencies, with each agency's response and whether the scrutineer accepted it. Every member reads
/// them; only the scrutineer records them (RecordScrutiny); the challenged agency's lead or delegated partner, or the
/// team on its behalf, records its response (RespondToChallenge).
/// </summary>
[Route("scrutiny")]
[Authorize(Policy = Policies.ViewRecords)]
public sealed partial class ScrutinyController(PortalDbContext db, IAuthorizationService authz, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? year, int? organisationId, bool open, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var chosen = ReportingYear.TryParse(year, out var asked) ? asked : ReportingYear.Containing(today);
        var allYears = string.Equals(year, "all", StringComparison.OrdinalIgnoreCase);
        (int, string)? organisation = organisationId is { } orgId
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new ValueTuple<int, string>(o.Id, o.Name)).FirstOrDefaultAsync(ct)
            : null;
        if (organisationId is not null && organisation is null)
        {
            return NotFound();
        }

        var (activities, challenges, recommendations) = Lists(chosen, allYears, organisationId, open);
        var earliest = await db.ScrutinyActivities.AsNoTracking().MinAsync(a => (DateOnly?)a.HeldOn, ct) is { } first
            ? ReportingYear.Containing(first).StartYear : chosen.StartYear;
        var latest = ReportingYear.Containing(today).StartYear;
        var years = Enumerable.Range(Math.Min(earliest, chosen.StartYear), Math.Max(latest, chosen.StartYear) - Math.Min(earliest, chosen.StartYear) + 1)
            .Reverse().Select(y => new ReportingYear(y).ToString()).ToList();

        return View(new ScrutinyIndex
        {
            Year = chosen,
            Years = allYears ? ["all", .. years] : years,
            AllYears = allYears,
            Today = today,
            Activities = await ActivityRows(activities).ToListAsync(ct),
            Challenges = await ChallengeRows(challenges).ToListAsync(ct),
            Recommendations = await RecommendationRows(recommendations).ToListAsync(ct),
            Plan = allYears ? null : await LivePlan(chosen).AsNoTracking()
                .Select(p => new PlanSummary(p.Status, p.Items.Count(i => i.IsLive()), p.Approvals.Count(a => a.WithdrawnAt == null)))
                .FirstOrDefaultAsync(ct),
            Organisation = organisation,
            OpenOnly = open,
            CanRecord = await AllowedAsync(Policies.RecordScrutiny),
        });
    }

    [HttpGet("activities/new")]
    [Authorize(Policy = Policies.RecordScrutiny)]
    public async Task<IActionResult> NewActivity(CancellationToken ct) =>
        View("Activity", await WithPlanItemsAsync(await WithOrganisationsAsync(new ActivityForm { HeldOn = UkTime.Today(clock) }, null, ct), ct));

    [HttpPost("activities/new")]
    [Authorize(Policy = Policies.RecordScrutiny)]
    public async Task<IActionResult> NewActivity(ActivityForm form, [FromServices] IValidator<ActivityForm> validator, CancellationToken ct)
    {
        await ValidateActivityAsync(form, validator, ct);
        if (!ModelState.IsValid)
        {
            return View("Activity", await WithPlanItemsAsync(await WithOrganisationsAsync(form, null, ct), ct));
        }

        var activity = new ScrutinyActivity { Subject = "" };
        form.ApplyTo(activity);
        db.ScrutinyActivities.Add(activity);
        await db.SaveChangesAsync(ct);
        return Redirect($"/scrutiny?year={ReportingYear.Containing(activity.HeldOn)}&notice={Notices.Created}#activities");
    }

    [HttpGet("activities/{activityId:int}/edit")]
    [Authorize(Policy = Policies.RecordScrutiny)]
    public async Task<IActionResult> EditActivity(int activityId, CancellationToken ct)
    {
        var activity = await db.ScrutinyActivities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId && a.IsLive(), ct);
        if (activity is null)
        {
            return NotFound();
        }

        ViewBag.ActivityId = activityId;
        return View("Activity", await WithPlanItemsAsync(await WithOrganisationsAsync(ActivityForm.From(activity), activity.OrganisationId, ct), ct));
    }

    [HttpPost("activities/{activityId:int}/edit")]
    [Authorize(Policy = Policies.RecordScrutiny)]
    public async Task<IActionResult> EditActivity(int activityId, ActivityForm form, [FromServices] IValidator<ActivityForm> validator, CancellationToken ct)
    {
        var activity = await db.ScrutinyActivities.FirstOrDefaultAsync(a => a.Id == activityId && a.IsLive(), ct);
        if (activity is null)
        {
            return NotFound();
        }

        ViewBag.ActivityId = activityId;
        await ValidateActivityAsync(form, validator, ct);
        if (!ModelState.IsValid)
        {
            return View("Activity", await WithPlanItemsAsync(await WithOrganisationsAsync(form, activity.OrganisationId, ct), ct));
        }

        form.ApplyTo(activity);
        if (!await db.SaveEditAsync(activity, form.Version, ModelState, ct))
        {
            return View("Activity", await WithPlanItemsAsync(await WithOrganisationsAsync(form, activity.OrganisationId, ct), ct));
        }

        return Redirect($"/scrutiny?year={ReportingYear.Containing(activity.HeldOn)}&notice={Notices.Saved}#activities");
    }

    [HttpPost("activities/{activityId:int}/archive")]
    [Authorize(Policy = Policies.RecordScrutiny)]
    public async Task<IActionResult> ArchiveActivity(int activityId, Guid version, CancellationToken ct)
    {
        var heldOn = await db.ScrutinyActivities.AsNoTracking().Where(a => a.Id == activityId).Select(a => (DateOnly?)a.HeldOn).FirstOrDefaultAsync(ct);
        return heldOn is null
            ? NotFound()
            : await this.SetArchivedAsync<ScrutinyActivity>(db, activityId, version, archive: true, $"/scrutiny?year={ReportingYear.Containing(heldOn.Value)}", clock, ct);
    }

    [HttpGet("challenges/new")]
    [Authorize(Policy = Policies.RecordScrutiny)]
    public async Task<IActionResult> NewChallenge(int? organisationId, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        return View("Challenge", await WithOrganisationsAsync(new ChallengeForm { RaisedOn = today, ResponseDueOn = today.AddDays(28), OrganisationId = organisationId }, null, ct));
    }

    [HttpPost("challenges/new")]
    [Authorize(Policy = Policies.RecordScrutiny)]
    public async Task<IActionResult> NewChallenge(ChallengeForm form, [FromServices] IValidator<ChallengeForm> validator, CancellationToken ct)
    {
        await ValidateChallengeAsync(form, validator, ct);
        if (!ModelState.IsValid)
        {
            return View("Challenge", await WithOrganisationsAsync(form, null, ct));
        }

        var challenge = new ScrutinyChallenge { Title = "", Detail = "" };
        form.ApplyTo(challenge);
        db.ScrutinyChallenges.Add(challenge);
        await db.SaveChangesAsync(ct);
        return Redirect($"/scrutiny/challenges/{challenge.Id}?notice={Notices.Created}");
    }

    [HttpGet("challenges/{challengeId:int}")]
    public async Task<IActionResult> Challenge(int challengeId, CancellationToken ct)
    {
        var challenge = await db.ScrutinyChallenges.AsNoTracking().Include(c => c.Organisation).FirstOrDefaultAsync(c => c.Id == challengeId, ct);
        if (challenge is null)
        {
            return NotFound();
        }

        return View("ChallengeDetails", new ChallengeDetails
        {
            Challenge = challenge,
            Organisation = challenge.Organisation!.Name,
            Today = UkTime.Today(clock),
            CanRecord = challenge.IsLive() && await AllowedAsync(Policies.RecordScrutiny),
            CanRespond = challenge.IsLive() && ScrutinyRules.IsOpen(challenge.Verdict)
                && (await authz.AuthorizeAsync(User, challenge, Policies.RespondToChallenge)).Succeeded,
        });
    }

    [HttpGet("challenges/{challengeId:int}/edit")]
    [Authorize(Policy = Policies.RecordScrutiny)]
    public async Task<IActionResult> EditChallenge(int challengeId, CancellationToken ct)
    {
        var challenge = await db.ScrutinyChallenges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == challengeId && c.IsLive(), ct);
        if (challenge is null)
        {
            return NotFound();
        }

        ViewBag.ChallengeId = challengeId;
        return View("Challenge", await WithOrganisationsAsync(ChallengeForm.From(challenge), challenge.OrganisationId, ct));
    }

    [HttpPost("challenges/{challengeId:int}/edit")]
    [Authorize(Policy = Policies.RecordScrutiny)]
    public async Task<IActionResult> EditChallenge(int challengeId, ChallengeForm form, [FromServices] IValidator<ChallengeForm> validator, CancellationToken ct)
    {
        var challenge = await db.ScrutinyChallenges.FirstOrDefaultAsync(c => c.Id == challengeId && c.IsLive(), ct);
        if (challenge is null)
        {
            return NotFound();
        }

        ViewBag.ChallengeId = challengeId;
        await ValidateChallengeAsync(form, validator, ct);
        if (form.RaisedOn is { } raised && challenge.ResponseReceivedOn is { } received && raised > received && ModelState[nameof(form.RaisedOn)] is not { Errors.Count: > 0 })
        {
            ModelState.AddModelError(nameof(form.RaisedOn), "The date raised must be on or before the date the response was received");
        }

        if (!ModelState.IsValid)
        {
            return View("Challenge", await WithOrganisationsAsync(form, challenge.OrganisationId, ct));
        }

        form.ApplyTo(challenge);
        if (!await db.SaveEditAsync(challenge, form.Version, ModelState, ct))
        {
            return View("Challenge", await WithOrganisationsAsync(form, challenge.OrganisationId, ct));
        }

        return Redirect($"/scrutiny/challenges/{challengeId}?notice={Notices.Saved}");
    }

    [HttpPost("challenges/{challengeId:int}/archive")]
    [Authorize(Policy = Policies.RecordScrutiny)]
    public async Task<IActionResult> ArchiveChallenge(int challengeId, Guid version, CancellationToken ct) =>
        await db.ScrutinyChallenges.AnyAsync(c => c.Id == challengeId, ct)
            ? await this.SetArchivedAsync<ScrutinyChallenge>(db, challengeId, version, archive: true, $"/scrutiny/challenges/{challengeId}", clock, ct)
            : NotFound();

    [HttpPost("challenges/{challengeId:int}/restore")]
    [Authorize(Policy = Policies.RecordScrutiny)]
    public async Task<IActionResult> RestoreChallenge(int challengeId, Guid version, CancellationToken ct) =>
        await db.ScrutinyChallenges.AnyAsync(c => c.Id == challengeId, ct)
            ? await this.SetArchivedAsync<ScrutinyChallenge>(db, challengeId, version, archive: false, $"/scrutiny/challenges/{challengeId}", clock, ct)
            : NotFound();

    [HttpGet("challenges/{challengeId:int}/respond")]
    public async Task<IActionResult> Respond(int challengeId, CancellationToken ct)
    {
        var access = await this.LoadAsync(db.ScrutinyChallenges.AsNoTracking().Include(c => c.Organisation).Where(c => c.Id == challengeId && c.IsLive()), Policies.RespondToChallenge, ct);
        if (!access.Granted(out var challenge, out var refusal))
        {
            return refusal;
        }

        SetHeading(challenge);
        return View(new ResponseForm
        {
            Version = challenge.Version,
            Response = challenge.Response,
            ResponseReceivedOn = challenge.ResponseReceivedOn ?? UkTime.Today(clock),
        });
    }

    /// <summary>
    /// The agency's response. A response not accepted may be answered again, which sends it back to the scrutineer;
    /// an accepted response is final.
    /// </summary>
    [HttpPost("challenges/{challengeId:int}/respond")]
    public async Task<IActionResult> Respond(int challengeId, ResponseForm form, [FromServices] IValidator<ResponseForm> validator, CancellationToken ct)
    {
        var access = await this.LoadAsync(db.ScrutinyChallenges.Include(c => c.Organisation).Where(c => c.Id == challengeId && c.IsLive()), Policies.RespondToChallenge, ct);
        if (!access.Granted(out var challenge, out var refusal))
        {
            return refusal;
        }

        SetHeading(challenge);
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        AddProblems(ScrutinyRules.ResponseProblems(challenge.Verdict, challenge.RaisedOn, form.ResponseReceivedOn, UkTime.Today(clock)));
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        challenge.Response = form.Response!.Trim();
        challenge.ResponseReceivedOn = form.ResponseReceivedOn;
        challenge.RespondedBy = await RespondentAsync(ct);
        challenge.Verdict = null;
        challenge.VerdictOn = null;
        if (!await db.SaveEditAsync(challenge, form.Version, ModelState, ct))
        {
            return View(form);
        }

        return Redirect($"/scrutiny/challenges/{challengeId}?notice={Notices.Saved}");
    }

    [HttpGet("challenges/{challengeId:int}/decision")]
    [Authorize(Policy = Policies.RecordScrutiny)]
    public async Task<IActionResult> Decision(int challengeId, CancellationToken ct)
    {
        var challenge = await db.ScrutinyChallenges.AsNoTracking().Include(c => c.Organisation).FirstOrDefaultAsync(c => c.Id == challengeId && c.IsLive(), ct);
        if (challenge is null)
        {
            return NotFound();
        }

        SetHeading(challenge);
        return View(new VerdictForm
        {
            Version = challenge.Version,
            Verdict = challenge.Verdict,
            VerdictOn = challenge.VerdictOn ?? UkTime.Today(clock),
            VerdictNote = challenge.VerdictNote,
        });
    }

    [HttpPost("challenges/{challengeId:int}/decision")]
    [Authorize(Policy = Policies.RecordScrutiny)]
    public async Task<IActionResult> Decision(int challengeId, VerdictForm form, [FromServices] IValidator<VerdictForm> validator, CancellationToken ct)
    {
        var challenge = await db.ScrutinyChallenges.Include(c => c.Organisation).FirstOrDefaultAsync(c => c.Id == challengeId && c.IsLive(), ct);
        if (challenge is null)
        {
            return NotFound();
        }

        SetHeading(challenge);
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        AddProblems(ScrutinyRules.VerdictProblems(challenge.ResponseReceivedOn, form.VerdictOn, UkTime.Today(clock)));
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        challenge.Verdict = form.Verdict;
        challenge.VerdictOn = form.VerdictOn;
        challenge.VerdictNote = form.VerdictNote.NullIfBlank();
        if (!await db.SaveEditAsync(challenge, form.Version, ModelState, ct))
        {
            return View(form);
        }

        return Redirect($"/scrutiny/challenges/{challengeId}?notice={Notices.Saved}");
    }

    private async Task ValidateActivityAsync(ActivityForm form, IValidator<ActivityForm> validator, CancellationToken ct)
    {
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (form.HeldOn is { } held && held > UkTime.Today(clock) && ModelState[nameof(form.HeldOn)] is not { Errors.Count: > 0 })
        {
            ModelState.AddModelError(nameof(form.HeldOn), "The date of the activity must be today or in the past");
        }
    }

    private async Task ValidateChallengeAsync(ChallengeForm form, IValidator<ChallengeForm> validator, CancellationToken ct)
    {
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        AddProblems(ScrutinyRules.ChallengeProblems(form.RaisedOn, form.ResponseDueOn, UkTime.Today(clock)));
    }

    /// <summary>Adds the rules' problems, except where the field already has a message (a date typed wrongly, say).</summary>
    private void AddProblems(IReadOnlyList<(string Field, string Message)> problems)
    {
        foreach (var (field, message) in problems)
        {
            if (field.Length == 0 || ModelState[field] is not { Errors.Count: > 0 })
            {
                ModelState.AddModelError(field, message);
            }
        }
    }

    private async Task<string?> RespondentAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        var person = userId is null ? null
            : await db.People.AsNoTracking().Where(p => p.UserId == userId).Select(p => p.FullName).FirstOrDefaultAsync(ct);
        var name = person ?? User.Identity?.Name;
        return name is { Length: > 200 } ? name[..200] : name;
    }

    private void SetHeading(ScrutinyChallenge challenge)
    {
        ViewBag.ChallengeId = challenge.Id;
        ViewBag.ChallengeTitle = challenge.Title;
        ViewBag.Organisation = challenge.Organisation?.Name;
        ViewBag.Detail = challenge.Detail;
        ViewBag.Response = challenge.Response;
    }

    private async Task<bool> AllowedAsync(string policy) => (await authz.AuthorizeAsync(User, policy)).Succeeded;

    /// <summary>The items of live plans an activity may deliver, newest year first.</summary>
    private async Task<ActivityForm> WithPlanItemsAsync(ActivityForm form, CancellationToken ct)
    {
        var items = await db.ScrutinyPlanItems.AsNoTracking()
            .Where(i => (i.IsLive() && i.Plan!.IsLive()) || i.Id == form.PlanItemId)
            .OrderByDescending(i => i.Plan!.StartYear).ThenBy(i => i.Quarter).ThenBy(i => i.Id)
            .Select(i => new { i.Id, i.Plan!.StartYear, i.Quarter, i.Subject })
            .ToListAsync(ct);
        ViewBag.PlanItems = items
            .Select(i => new SelectListItem($"{new ReportingYear(i.StartYear)} Q{i.Quarter}: {i.Subject}", i.Id.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        return form;
    }

    private async Task<T> WithOrganisationsAsync<T>(T form, int? alwaysInclude, CancellationToken ct)
    {
        ViewBag.Organisations = await db.Organisations.AsNoTracking()
            .Where(o => o.IsLive() || o.Id == alwaysInclude)
            .OrderBy(o => o.StatutoryPartner == null).ThenBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture)))
            .ToListAsync(ct);
        return form;
    }
}
