using System.Text.Json.Serialization;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Reporting;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Scrutiny;

public sealed record ScrutinyActivityReportRow(DateOnly HeldOn, ScrutinyActivityKind Kind, string Subject, string? Organisation, string? Findings);

public sealed record ScrutinyKindCount(ScrutinyActivityKind Kind, int Count);

/// <summary>A challenge raised in the year, its response and the scrutineer's decision as they stood on the report's date.</summary>
public sealed record ScrutinyChallengeReportRow(
    string Title, string Organisation, string Detail, DateOnly RaisedOn, DateOnly ResponseDueOn,
    DateOnly? ResponseReceivedOn, string? Response, ChallengeVerdict? Verdict, string? VerdictNote, ChallengeState State)
{
    /// <summary>Where its record is; not part of what partners sign.</summary>
    [JsonIgnore]
    public int ChallengeId { get; init; }
}

/// <summary>A statutory partner's approval of the year's plan, as it stood on the report's date.</summary>
public sealed record ScrutinyPlanApprovalReportRow(string Organisation, string ApproverName, DateOnly ApprovedOn);

/// <summary>The year's scrutiny plan as it stood on the report's date: approved or not, and how much of it was delivered.</summary>
public sealed record ScrutinyPlanReportModel(
    bool Submitted, DateOnly? ApprovedOn, int Partners, IReadOnlyList<ScrutinyPlanApprovalReportRow> Approvals, int Items, int Delivered);

/// <summary>A recommendation made in the year, with its response and actions as they stood on the report's date.</summary>
public sealed record ScrutinyRecommendationReportRow(
    string Title, string To, string Detail, DateOnly MadeOn, RecommendationResponse? Response, string? ResponseText, DateOnly? RespondedOn,
    int Actions, int ActionsComplete)
{
    [JsonIgnore]
    public int RecommendationId { get; init; }
}

public static class ScrutinyFigures
{
    public const string PlanItems = ReportSectionKeys.Scrutiny + ".plan.items";
    public const string PlanDelivered = ReportSectionKeys.Scrutiny + ".plan.delivered";
    public const string Recommendations = ReportSectionKeys.Scrutiny + ".recommendations";
    public const string RecommendationsAgreed = ReportSectionKeys.Scrutiny + ".recommendations.agreed";
    public const string RecommendationActions = ReportSectionKeys.Scrutiny + ".recommendations.actions";

    public static IEnumerable<ReportFigure> Of(ScrutinySectionModel model, ReportPeriod period)
    {
        var year = period.Year.ToString();
        if (model.Plan is { } plan)
        {
            yield return ReportFigure.Count(PlanItems, "Items in the year's scrutiny plan", period.AtYearEnd, plan.Items, "items", $"/scrutiny/plans/{year}");
            yield return ReportFigure.Count(PlanDelivered, $"Items of the year's scrutiny plan delivered {period.AtYearEnd}", period.AtYearEnd, plan.Delivered, "items", $"/scrutiny/plans/{year}");
        }

        if (model.Recommendations.Count > 0)
        {
            var list = $"/scrutiny?year={year}#recommendations";
            yield return ReportFigure.Count(Recommendations, "Recommendations the independent scrutineer made in the year", period.InYear, model.Recommendations.Count, "recommendations", list);
            yield return ReportFigure.Count(RecommendationsAgreed, $"Recommendations agreed in whole or in part {period.AtYearEnd}", period.AtYearEnd, model.Agreed, "recommendations", list);
            yield return ReportFigure.Count(RecommendationActions, $"Actions raised from the recommendations {period.AtYearEnd}", period.AtYearEnd, model.Recommendations.Sum(r => r.Actions), "actions", list);
        }
    }
}

public sealed class ScrutinySectionModel : IHasFigures
{
    /// <summary>The year's plan, or null when none was drafted by the report's date.</summary>
    public ScrutinyPlanReportModel? Plan { get; init; }
    public IReadOnlyList<ScrutinyRecommendationReportRow> Recommendations { get; init; } = [];
    public int Agreed => Recommendations.Count(r => ScrutinyPlanRules.CanRaiseAction(r.Response));

    public IEnumerable<ReportFigure> Figures(ReportPeriod period) => ScrutinyFigures.Of(this, period);

    public required IReadOnlyList<ScrutinyActivityReportRow> Activities { get; init; }
    public required IReadOnlyList<ScrutinyKindCount> ByKind { get; init; }
    public required IReadOnlyList<ScrutinyChallengeReportRow> Challenges { get; init; }

    public int Responded => Challenges.Count(c => c.ResponseReceivedOn is not null);
    public int Accepted => Challenges.Count(c => c.Verdict == ChallengeVerdict.Accepted);
    public int OpenAtYearEnd => Challenges.Count(c => c.Verdict != ChallengeVerdict.Accepted);

    /// <summary>Whether the records show any independent scrutiny in the year.</summary>
    public bool Any => Activities.Count + Challenges.Count + Recommendations.Count > 0 || Plan is not null;
}

/// <summary>
/// The independent scrutineer's year from their own record: the activities carried out (by kind, then each with
/// what was looked at and found) and the challenges raised to partners and agencies, with the responses and the
/// scrutineer's decisions. Read as at the report's date: an activity, challenge, response or decision dated after
/// 31 March does not count, so a finished year's report stays put.
/// </summary>
public sealed class ScrutinySection : ReportSection<ScrutinySectionModel>
{
    public override string Key => ReportSectionKeys.Scrutiny;
    public override string Title => "Independent scrutiny";
    public override IReadOnlyList<string> Provides => [ReadinessKeys.Scrutiny];

    public override async Task<ScrutinySectionModel> BuildAsync(ReportContext context, CancellationToken ct)
    {
        var db = context.Db;
        var year = context.Year;
        var asAt = context.AsAt;
        var activities = await db.ScrutinyActivities.AsNoTracking()
            .Where(a => a.IsLive() && a.HeldOn >= year.Start && a.HeldOn <= year.End && a.HeldOn <= asAt)
            .OrderBy(a => a.HeldOn).ThenBy(a => a.Id)
            .Select(a => new ScrutinyActivityReportRow(a.HeldOn, a.Kind, a.Subject, a.Organisation!.Name, a.Findings))
            .ToListAsync(ct);
        var challenges = await db.ScrutinyChallenges.AsNoTracking()
            .Where(c => c.IsLive() && c.RaisedOn >= year.Start && c.RaisedOn <= year.End && c.RaisedOn <= asAt)
            .OrderBy(c => c.RaisedOn).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.Title, Organisation = c.Organisation!.Name, c.Detail, c.RaisedOn, c.ResponseDueOn,
                c.ResponseReceivedOn, c.Response, c.Verdict, c.VerdictOn, c.VerdictNote,
            })
            .ToListAsync(ct);

        var rows = challenges.Select(c =>
        {
            // What was known on the report's date: a response or decision dated later is left out.
            var responded = c.ResponseReceivedOn is { } received && received <= asAt;
            var decided = responded && c.Verdict is not null && c.VerdictOn is { } on && on <= asAt;
            var receivedOn = responded ? c.ResponseReceivedOn : null;
            var verdict = decided ? c.Verdict : null;
            return new ScrutinyChallengeReportRow(
                c.Title, c.Organisation, c.Detail, c.RaisedOn, c.ResponseDueOn,
                receivedOn, responded ? c.Response : null, verdict, decided ? c.VerdictNote : null,
                ScrutinyRules.State(c.ResponseDueOn, receivedOn, verdict, asAt))
            {
                ChallengeId = c.Id,
            };
        }).ToList();

        return new ScrutinySectionModel
        {
            Plan = await PlanAsOfAsync(context, ct),
            Recommendations = await RecommendationsAsOfAsync(context, ct),
            Activities = activities,
            ByKind = activities.GroupBy(a => a.Kind).OrderBy(g => g.Key).Select(g => new ScrutinyKindCount(g.Key, g.Count())).ToList(),
            Challenges = rows,
        };
    }

    /// <summary>
    /// The year's plan as it stood on the report's date: approvals given by then and not withdrawn by then, the partners
    /// of that date, and the items delivered by an activity held by then. Its live items are read as they stand, as the
    /// other sections read their records, since a plan may be typed in after the fact.
    /// </summary>
    private static async Task<ScrutinyPlanReportModel?> PlanAsOfAsync(ReportContext context, CancellationToken ct)
    {
        var db = context.Db;
        var asAt = context.AsAt;
        var until = asAt.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var plan = await db.ScrutinyPlans.AsNoTracking()
            .Where(p => p.IsLive() && p.StartYear == context.Year.StartYear)
            .OrderBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.SubmittedOn,
                Items = p.Items.Where(i => i.IsLive())
                    .Select(i => db.ScrutinyActivities.Any(a => a.PlanItemId == i.Id && a.IsLive() && a.HeldOn <= asAt)).ToList(),
                Approvals = p.Approvals.Where(a => a.ApprovedOn <= asAt && (a.WithdrawnAt == null || a.WithdrawnAt >= until))
                    .Select(a => new { a.OrganisationId, Organisation = a.Organisation!.Name, a.ApproverName, a.ApprovedOn }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return null;
        }

        var partners = await db.Organisations.AsNoTracking().Where(o => o.IsLive() && o.IsPartnerOn(asAt)).Select(o => o.Id).ToListAsync(ct);
        var approvals = plan.Approvals.Where(a => partners.Contains(a.OrganisationId))
            .GroupBy(a => a.OrganisationId).Select(g => g.OrderBy(a => a.ApprovedOn).Last()).OrderBy(a => a.ApprovedOn).ThenBy(a => a.Organisation, StringComparer.Ordinal).ToList();
        return new ScrutinyPlanReportModel(
            plan.SubmittedOn is { } submitted && submitted <= asAt,
            ScrutinyPlanRules.ApprovedOn(partners, approvals.Select(a => (a.OrganisationId, a.ApprovedOn)).ToList()),
            partners.Count,
            approvals.Select(a => new ScrutinyPlanApprovalReportRow(a.Organisation, a.ApproverName, a.ApprovedOn)).ToList(),
            plan.Items.Count,
            plan.Items.Count(delivered => delivered));
    }

    /// <summary>The year's recommendations with a response dated by the report's date, and the actions raised by then.</summary>
    private static async Task<IReadOnlyList<ScrutinyRecommendationReportRow>> RecommendationsAsOfAsync(ReportContext context, CancellationToken ct)
    {
        var db = context.Db;
        var year = context.Year;
        var asAt = context.AsAt;
        var rows = await db.ScrutinyRecommendations.AsNoTracking()
            .Where(r => r.IsLive() && r.MadeOn >= year.Start && r.MadeOn <= year.End && r.MadeOn <= asAt)
            .OrderBy(r => r.MadeOn).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.Title, To = r.Organisation!.Name, r.Detail, r.MadeOn, r.Response, r.ResponseText, r.RespondedOn,
                Actions = db.Actions.Where(x => x.ScrutinyRecommendationId == r.Id && x.IsLive())
                    .Select(x => new { x.Status, x.CompletedOn, x.SignedOffAt }).ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(r =>
        {
            var responded = r.RespondedOn is { } on && on <= asAt;
            return new ScrutinyRecommendationReportRow(
                r.Title, r.To ?? RecommendationDetails.Jointly, r.Detail, r.MadeOn,
                responded ? r.Response : null, responded ? r.ResponseText : null, responded ? r.RespondedOn : null,
                r.Actions.Count,
                r.Actions.Count(x => x.Status == ActionStatus.Completed
                    && (x.CompletedOn ?? (x.SignedOffAt is { } at ? DateOnly.FromDateTime(at) : (DateOnly?)null)) is { } done && done <= asAt))
            {
                RecommendationId = r.Id,
            };
        }).ToList();
    }
}
