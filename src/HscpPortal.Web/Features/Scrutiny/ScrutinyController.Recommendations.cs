using System.Globalization;
using FluentValidation;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Audits;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure.Export;
using HscpPortal.Web.Infrastructure.Govuk;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Scrutiny;

/// <summary>
/// The scrutineer's recommendations to the partners (jointly or one organisation), the response recorded for them,
/// and, where agreed, the actions raised in one step onto a group's plan with the recommendation as their source.
/// </summary>
public sealed partial class ScrutinyController
{
    [HttpGet("recommendations/new")]
    [Authorize(Policy = Policies.RecordScrutiny)]
    public async Task<IActionResult> NewRecommendation(int? activityId, CancellationToken ct) =>
        View("Recommendation", await WithRecommendationListsAsync(new RecommendationForm { MadeOn = UkTime.Today(clock), ActivityId = activityId }, null, null, ct));

    [HttpPost("recommendations/new")]
    [Authorize(Policy = Policies.RecordScrutiny)]
    public async Task<IActionResult> NewRecommendation(RecommendationForm form, [FromServices] IValidator<RecommendationForm> validator, CancellationToken ct)
    {
        await ValidateRecommendationAsync(form, validator, null, ct);
        if (!ModelState.IsValid)
        {
            return View("Recommendation", await WithRecommendationListsAsync(form, null, null, ct));
        }

        var recommendation = new ScrutinyRecommendation { Title = "", Detail = "" };
        form.ApplyTo(recommendation);
        db.ScrutinyRecommendations.Add(recommendation);
        await db.SaveChangesAsync(ct);
        return Redirect($"/scrutiny/recommendations/{recommendation.Id}?notice={Notices.Created}");
    }

    [HttpGet("recommendations/{recommendationId:int}")]
    public async Task<IActionResult> Recommendation(int recommendationId, CancellationToken ct)
    {
        var recommendation = await db.ScrutinyRecommendations.AsNoTracking()
            .Include(r => r.Organisation).Include(r => r.Activity)
            .FirstOrDefaultAsync(r => r.Id == recommendationId, ct);
        if (recommendation is null)
        {
            return NotFound();
        }

        return View("RecommendationDetails", new RecommendationDetails
        {
            Recommendation = recommendation,
            To = recommendation.Organisation?.Name ?? RecommendationDetails.Jointly,
            Activity = recommendation.Activity is { } a ? $"{Format.Humanise(a.Kind)}, {Format.Date(a.HeldOn)}: {a.Subject}" : null,
            Actions = await db.Actions.AsNoTracking()
                .Where(x => x.ScrutinyRecommendationId == recommendationId && x.IsLive())
                .OrderBy(x => x.Id)
                .Select(x => new RecommendationActionRow(x.Id, x.Title, x.Status, x.DueDate, x.Group!.Name))
                .ToListAsync(ct),
            CanRecord = recommendation.IsLive() && await AllowedAsync(Policies.RecordScrutiny),
            CanRespond = recommendation.IsLive()
                && (await authz.AuthorizeAsync(User, recommendation, Policies.RespondToRecommendation)).Succeeded,
            CanRestore = recommendation.IsArchived() && await AllowedAsync(Policies.RecordScrutiny),
        });
    }

    [HttpGet("recommendations/{recommendationId:int}/edit")]
    [Authorize(Policy = Policies.RecordScrutiny)]
    public async Task<IActionResult> EditRecommendation(int recommendationId, CancellationToken ct)
    {
        var recommendation = await db.ScrutinyRecommendations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == recommendationId && r.IsLive(), ct);
        if (recommendation is null)
        {
            return NotFound();
        }

        ViewBag.RecommendationId = recommendationId;
        return View("Recommendation", await WithRecommendationListsAsync(RecommendationForm.From(recommendation), recommendation.OrganisationId, recommendation.ActivityId, ct));
    }

    [HttpPost("recommendations/{recommendationId:int}/edit")]
    [Authorize(Policy = Policies.RecordScrutiny)]
    public async Task<IActionResult> EditRecommendation(int recommendationId, RecommendationForm form, [FromServices] IValidator<RecommendationForm> validator, CancellationToken ct)
    {
        var recommendation = await db.ScrutinyRecommendations.FirstOrDefaultAsync(r => r.Id == recommendationId && r.IsLive(), ct);
        if (recommendation is null)
        {
            return NotFound();
        }

        ViewBag.RecommendationId = recommendationId;
        await ValidateRecommendationAsync(form, validator, recommendation.RespondedOn, ct);
        if (!ModelState.IsValid)
        {
            return View("Recommendation", await WithRecommendationListsAsync(form, recommendation.OrganisationId, recommendation.ActivityId, ct));
        }

        form.ApplyTo(recommendation);
        if (!await db.SaveEditAsync(recommendation, form.Version, ModelState, ct))
        {
            return View("Recommendation", await WithRecommendationListsAsync(form, recommendation.OrganisationId, recommendation.ActivityId, ct));
        }

        return Redirect($"/scrutiny/recommendations/{recommendationId}?notice={Notices.Saved}");
    }

    [HttpPost("recommendations/{recommendationId:int}/archive")]
    [Authorize(Policy = Policies.RecordScrutiny)]
    public async Task<IActionResult> ArchiveRecommendation(int recommendationId, Guid version, CancellationToken ct) =>
        await this.SetArchivedAsync<ScrutinyRecommendation>(db, recommendationId, version, archive: true, $"/scrutiny/recommendations/{recommendationId}", clock, ct);

    [HttpPost("recommendations/{recommendationId:int}/restore")]
    [Authorize(Policy = Policies.RecordScrutiny)]
    public async Task<IActionResult> RestoreRecommendation(int recommendationId, Guid version, CancellationToken ct) =>
        await this.SetArchivedAsync<ScrutinyRecommendation>(db, recommendationId, version, archive: false, $"/scrutiny/recommendations/{recommendationId}", clock, ct);

    [HttpGet("recommendations/{recommendationId:int}/respond")]
    public async Task<IActionResult> RespondToRecommendation(int recommendationId, CancellationToken ct)
    {
        var access = await this.LoadAsync(LiveRecommendation(recommendationId).AsNoTracking(), Policies.RespondToRecommendation, ct);
        if (!access.Granted(out var recommendation, out var refusal))
        {
            return refusal;
        }

        SetHeading(recommendation);
        return View("RecommendationResponse", new RecommendationResponseForm
        {
            Version = recommendation.Version,
            Response = recommendation.Response,
            ResponseText = recommendation.ResponseText,
            RespondedOn = recommendation.RespondedOn ?? UkTime.Today(clock),
        });
    }

    [HttpPost("recommendations/{recommendationId:int}/respond")]
    public async Task<IActionResult> RespondToRecommendation(
        int recommendationId, RecommendationResponseForm form, [FromServices] IValidator<RecommendationResponseForm> validator, CancellationToken ct)
    {
        var access = await this.LoadAsync(LiveRecommendation(recommendationId), Policies.RespondToRecommendation, ct);
        if (!access.Granted(out var recommendation, out var refusal))
        {
            return refusal;
        }

        SetHeading(recommendation);
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        AddProblems(ScrutinyPlanRules.ResponseProblems(recommendation.MadeOn, form.RespondedOn, UkTime.Today(clock)));
        if (!ModelState.IsValid)
        {
            return View("RecommendationResponse", form);
        }

        recommendation.Response = form.Response;
        recommendation.ResponseText = form.ResponseText!.Trim();
        recommendation.RespondedOn = form.RespondedOn;
        recommendation.RespondedBy = await RespondentAsync(ct);
        if (!await db.SaveEditAsync(recommendation, form.Version, ModelState, ct))
        {
            return View("RecommendationResponse", form);
        }

        return Redirect($"/scrutiny/recommendations/{recommendationId}?notice={Notices.Saved}");
    }

    [HttpGet("recommendations/{recommendationId:int}/action")]
    public async Task<IActionResult> RecommendationAction(int recommendationId, CancellationToken ct)
    {
        var access = await this.LoadAsync(LiveRecommendation(recommendationId).AsNoTracking(), Policies.RespondToRecommendation, ct);
        if (!access.Granted(out var recommendation, out var refusal))
        {
            return refusal;
        }

        if (!ScrutinyPlanRules.CanRaiseAction(recommendation.Response))
        {
            return Redirect($"/scrutiny/recommendations/{recommendationId}");
        }

        SetHeading(recommendation);
        return View("RecommendationAction", await WithActionListsAsync(
            new FindingActionForm { Title = recommendation.Title, Today = UkTime.Today(clock), OwnerOrganisationId = recommendation.OrganisationId }, ct));
    }

    /// <summary>An agreed recommendation becomes an action on a group's plan in one step, its source the recommendation.</summary>
    [HttpPost("recommendations/{recommendationId:int}/action")]
    public async Task<IActionResult> RecommendationAction(int recommendationId, FindingActionForm form, [FromServices] IValidator<FindingActionForm> validator, CancellationToken ct)
    {
        var access = await this.LoadAsync(LiveRecommendation(recommendationId).AsNoTracking(), Policies.RespondToRecommendation, ct);
        if (!access.Granted(out var recommendation, out var refusal))
        {
            return refusal;
        }

        SetHeading(recommendation);
        form.Today = UkTime.Today(clock);
        await form.DefaultOwnerOrganisationAsync(db, ct);
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!ScrutinyPlanRules.CanRaiseAction(recommendation.Response))
        {
            ModelState.AddModelError("", "Only a recommendation agreed, wholly or in part, is carried out by an action");
        }

        if (form.GroupId is not { } groupId || !await db.Groups.AnyAsync(g => g.Id == groupId && g.IsLive() && g.Status == GroupStatus.Active, ct))
        {
            ModelState.AddModelError(nameof(form.GroupId), "Select the group whose action plan takes the action");
        }

        if (!ModelState.IsValid)
        {
            return View("RecommendationAction", await WithActionListsAsync(form, ct));
        }

        var action = form.ToAction(form.GroupId!.Value, ActionSource.Scrutiny, recommendation.Title);
        action.ScrutinyRecommendationId = recommendationId;
        db.Actions.Add(action);
        await db.SaveChangesAsync(ct);
        return Redirect($"/actions/{action.Id}?notice={Notices.Created}");
    }

    /// <summary>One of the index's lists as CSV or a spreadsheet, for the year and agency shown.</summary>
    [HttpGet("export")]
    public async Task<IActionResult> Export(string? list, string? format, string? year, int? organisationId, bool open, CancellationToken ct)
    {
        var kind = format?.ToUpperInvariant() switch
        {
            "CSV" => ExportFormat.Csv,
            "XLSX" => ExportFormat.Xlsx,
            _ => (ExportFormat?)null,
        };
        if (kind is null || list is not ("activities" or "challenges" or "recommendations"))
        {
            return BadRequest();
        }

        var today = UkTime.Today(clock);
        var chosen = ReportingYear.TryParse(year, out var asked) ? asked : ReportingYear.Containing(today);
        var allYears = string.Equals(year, "all", StringComparison.OrdinalIgnoreCase);
        var label = allYears ? "every year" : chosen.ToString();
        var stem = allYears ? "all" : chosen.ToString();
        var (activities, challenges, recommendations) = Lists(chosen, allYears, organisationId, open);
        return list switch
        {
            "activities" => TabularExport.Download(
                ExportTable.From($"Scrutiny activities {label}", await ActivityRows(activities).ToListAsync(ct), ScrutinyExports.ActivityColumns), kind.Value, $"scrutiny-activities-{stem}"),
            "challenges" => TabularExport.Download(
                ExportTable.From($"Scrutiny challenges {label}", await ChallengeRows(challenges).ToListAsync(ct), ScrutinyExports.ChallengeColumns(today)), kind.Value, $"scrutiny-challenges-{stem}"),
            _ => TabularExport.Download(
                ExportTable.From($"Scrutiny recommendations {label}", await RecommendationRows(recommendations).ToListAsync(ct), ScrutinyExports.RecommendationColumns), kind.Value, $"scrutiny-recommendations-{stem}"),
        };
    }

    /// <summary>The index's three lists for the year (or every year) and agency, filtered once for the page and its exports.</summary>
    private (IQueryable<ScrutinyActivity>, IQueryable<ScrutinyChallenge>, IQueryable<ScrutinyRecommendation>) Lists(
        ReportingYear year, bool allYears, int? organisationId, bool open)
    {
        var activities = db.ScrutinyActivities.AsNoTracking().Where(a => a.IsLive());
        var challenges = db.ScrutinyChallenges.AsNoTracking().Where(c => c.IsLive());
        var recommendations = db.ScrutinyRecommendations.AsNoTracking().Where(r => r.IsLive());
        if (!allYears)
        {
            activities = activities.Where(a => a.HeldOn >= year.Start && a.HeldOn <= year.End);
            challenges = challenges.Where(c => c.RaisedOn >= year.Start && c.RaisedOn <= year.End);
            recommendations = recommendations.Where(r => r.MadeOn >= year.Start && r.MadeOn <= year.End);
        }

        if (organisationId is { } only)
        {
            activities = activities.Where(a => a.OrganisationId == only);
            challenges = challenges.Where(c => c.OrganisationId == only);
            recommendations = recommendations.Where(r => r.OrganisationId == only || r.OrganisationId == null);
        }

        if (open)
        {
            challenges = challenges.Where(c => c.Verdict == null || c.Verdict != ChallengeVerdict.Accepted);
        }

        return (activities, challenges, recommendations);
    }

    private static IQueryable<ActivityRow> ActivityRows(IQueryable<ScrutinyActivity> activities) =>
        activities.OrderByDescending(a => a.HeldOn).ThenBy(a => a.Id)
            .Select(a => new ActivityRow(a.Id, a.Kind, a.HeldOn, a.Subject, a.Findings, a.Organisation!.Name, a.Version, a.IsArchived()));

    private static IQueryable<ChallengeRow> ChallengeRows(IQueryable<ScrutinyChallenge> challenges) =>
        challenges.OrderByDescending(c => c.RaisedOn).ThenBy(c => c.Id)
            .Select(c => new ChallengeRow(c.Id, c.Title, c.OrganisationId, c.Organisation!.Name, c.RaisedOn, c.ResponseDueOn, c.ResponseReceivedOn, c.Verdict, c.IsArchived()));

    private IQueryable<RecommendationRow> RecommendationRows(IQueryable<ScrutinyRecommendation> recommendations) =>
        recommendations.OrderByDescending(r => r.MadeOn).ThenBy(r => r.Id)
            .Select(r => new RecommendationRow(r.Id, r.Title, r.MadeOn, r.Organisation!.Name, r.Response, r.RespondedOn,
                db.Actions.Count(x => x.ScrutinyRecommendationId == r.Id && x.IsLive()),
                db.Actions.Count(x => x.ScrutinyRecommendationId == r.Id && x.IsLive()
                    && x.Status != ActionStatus.Completed && x.Status != ActionStatus.Closed && x.Status != ActionStatus.Cancelled),
                r.IsArchived()));

    private IQueryable<ScrutinyRecommendation> LiveRecommendation(int id) =>
        db.ScrutinyRecommendations.Include(r => r.Organisation).Where(r => r.Id == id && r.IsLive());

    private async Task ValidateRecommendationAsync(RecommendationForm form, IValidator<RecommendationForm> validator, DateOnly? respondedOn, CancellationToken ct)
    {
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (ModelState[nameof(form.MadeOn)] is not { Errors.Count: > 0 } && form.MadeOn is { } made)
        {
            if (made > UkTime.Today(clock))
            {
                ModelState.AddModelError(nameof(form.MadeOn), "The date made must be today or in the past");
            }
            else if (respondedOn is { } responded && made > responded)
            {
                ModelState.AddModelError(nameof(form.MadeOn), "The date made must be on or before the date of the response");
            }
        }
    }

    private void SetHeading(ScrutinyRecommendation recommendation)
    {
        ViewBag.RecommendationId = recommendation.Id;
        ViewBag.RecommendationTitle = recommendation.Title;
        ViewBag.To = recommendation.Organisation?.Name ?? RecommendationDetails.Jointly;
        ViewBag.Detail = recommendation.Detail;
    }

    private async Task<RecommendationForm> WithRecommendationListsAsync(RecommendationForm form, int? organisation, int? activity, CancellationToken ct)
    {
        await WithOrganisationsAsync(form, organisation, ct);
        ViewBag.Activities = await db.ScrutinyActivities.AsNoTracking()
            .Where(a => a.IsLive() || a.Id == activity)
            .OrderByDescending(a => a.HeldOn).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.HeldOn, a.Subject })
            .ToListAsync(ct) is var rows
                ? rows.Select(a => new SelectListItem($"{Format.Date(a.HeldOn)}: {a.Subject}", a.Id.ToString(CultureInfo.InvariantCulture))).ToList()
                : [];
        return form;
    }

    private async Task<FindingActionForm> WithActionListsAsync(FindingActionForm form, CancellationToken ct)
    {
        ViewBag.People = await db.PersonOptionsAsync(ct);
        ViewBag.Organisations = await db.OrganisationOptionsAsync(ct);
        ViewBag.Groups = await db.GroupOptionsAsync(ct);
        return form;
    }
}
