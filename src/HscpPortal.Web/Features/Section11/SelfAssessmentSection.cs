using HscpPortal.Web.Domain;
using HscpPortal.Web.Reporting;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Section11;

/// <summary>A level of the round's scale and how many ratings of returned returns were at it.</summary>
public sealed record LevelCount(int Level, string Label, int Ratings);

/// <summary>A standard rated at or below the action level by some organisations.</summary>
public sealed record WeakStandard(int Number, string Standard, int Organisations);

public sealed record SessionSummary(DateOnly HeldOn, string? Chair, int Organisations);

public sealed record RoundSummary(
    string Title, SelfAssessmentKind Kind, int CycleYear, int InScope, int Returned, IReadOnlyList<string> Scale,
    IReadOnlyList<LevelCount> Levels, IReadOnlyList<WeakStandard> WeakStandards, IReadOnlyList<SessionSummary> Sessions,
    int Actions, int ActionsComplete);

public sealed class SelfAssessmentSectionModel
{
    public required IReadOnlyList<RoundSummary> Rounds { get; init; }
}

/// <summary>
/// The Section 11 and 175 rounds the year saw: how many organisations returned, the spread of their ratings, the
/// standards rated low, the check and challenge sessions and the actions raised. Read as at the report's date: a return
/// submitted, a session held or an action completed after 31 March does not count.
/// </summary>
public sealed class SelfAssessmentSection : ReportSection<SelfAssessmentSectionModel>
{
    public override string Key => ReportSectionKeys.Section11;
    public override string Title => "Section 11 and section 175 audits";
    public override IReadOnlyList<string> Provides => [ReadinessKeys.Effectiveness];

    public override async Task<SelfAssessmentSectionModel> BuildAsync(ReportContext context, CancellationToken ct)
    {
        var db = context.Db;
        var year = context.Year;
        var asAt = context.AsAt;
        // A round belongs to the year it opened in, or to any year in which a return came in or a session was held.
        var rounds = await db.SelfAssessmentRounds.AsNoTracking()
            .Where(r => r.IsLive() && r.OpensOn <= asAt && (
                (r.OpensOn >= year.Start && r.OpensOn <= year.End)
                || r.Returns.Any(x => x.IsLive() && x.SubmittedOn >= year.Start && x.SubmittedOn <= year.End && x.SubmittedOn <= asAt)
                || db.CheckChallengeSessions.Any(s => s.RoundId == r.Id && s.IsLive() && s.HeldOn >= year.Start && s.HeldOn <= year.End && s.HeldOn <= asAt)))
            .OrderBy(r => r.OpensOn).ThenBy(r => r.Title)
            .ToListAsync(ct);
        var ids = rounds.Select(r => r.Id).ToList();
        var returns = await db.SelfAssessmentReturns.AsNoTracking().Where(x => ids.Contains(x.RoundId) && x.IsLive())
            .Select(x => new { x.Id, x.RoundId, x.Status, x.SubmittedOn }).ToListAsync(ct);
        var answers = await db.SelfAssessmentAnswers.AsNoTracking()
            .Where(a => ids.Contains(a.Return!.RoundId) && a.Return.IsLive() && a.Return.Status == ReturnStatus.Submitted && a.Return.SubmittedOn <= asAt)
            .Select(a => new { a.Return!.RoundId, a.StandardNumber, a.Rating, a.ActionId }).ToListAsync(ct);
        var actionIds = answers.Where(a => a.ActionId != null).Select(a => a.ActionId!.Value).ToList();
        var actions = await db.Actions.AsNoTracking().Where(x => actionIds.Contains(x.Id) && x.IsLive())
            .Select(x => new { x.Id, x.Status, x.CompletedOn, x.SignedOffAt }).ToListAsync(ct);
        var sessions = await db.CheckChallengeSessions.AsNoTracking()
            .Where(s => ids.Contains(s.RoundId) && s.IsLive() && s.HeldOn <= asAt)
            .OrderBy(s => s.HeldOn)
            .Select(s => new { s.RoundId, s.HeldOn, Chair = s.ChairPerson!.FullName, Organisations = s.Organisations.Count })
            .ToListAsync(ct);

        bool CompleteBy(ActionStatus status, DateOnly? completedOn, DateTime? signedOffAt) =>
            status == ActionStatus.Completed
            && (completedOn ?? (signedOffAt is { } at ? DateOnly.FromDateTime(at) : (DateOnly?)null)) is { } done && done <= asAt;

        var summaries = rounds.Select(r =>
        {
            var scale = SelfAssessmentRules.Lines(r.RatingScale);
            var standards = SelfAssessmentRules.Lines(r.Standards);
            var own = answers.Where(a => a.RoundId == r.Id).ToList();
            var ownActions = actions.Where(x => own.Any(a => a.ActionId == x.Id)).ToList();
            return new RoundSummary(
                r.Title, r.Kind, r.CycleYear,
                returns.Count(x => x.RoundId == r.Id),
                returns.Count(x => x.RoundId == r.Id && x.Status == ReturnStatus.Submitted && x.SubmittedOn <= asAt),
                scale,
                scale.Select((label, i) => new LevelCount(i + 1, label, own.Count(a => a.Rating == i + 1))).ToList(),
                standards.Select((text, i) => new WeakStandard(i + 1, text, own.Count(a => a.StandardNumber == i + 1 && SelfAssessmentRules.ProposesAction(a.Rating, r.ActionFromLevel))))
                    .Where(w => w.Organisations > 0).ToList(),
                sessions.Where(s => s.RoundId == r.Id).Select(s => new SessionSummary(s.HeldOn, s.Chair, s.Organisations)).ToList(),
                ownActions.Count,
                ownActions.Count(x => CompleteBy(x.Status, x.CompletedOn, x.SignedOffAt)));
        }).ToList();
        return new SelfAssessmentSectionModel { Rounds = summaries };
    }
}
