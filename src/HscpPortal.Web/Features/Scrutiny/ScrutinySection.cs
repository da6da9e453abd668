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

public sealed class ScrutinySectionModel
{
    public required IReadOnlyList<ScrutinyActivityReportRow> Activities { get; init; }
    public required IReadOnlyList<ScrutinyKindCount> ByKind { get; init; }
    public required IReadOnlyList<ScrutinyChallengeReportRow> Challenges { get; init; }

    public int Responded => Challenges.Count(c => c.ResponseReceivedOn is not null);
    public int Accepted => Challenges.Count(c => c.Verdict == ChallengeVerdict.Accepted);
    public int OpenAtYearEnd => Challenges.Count(c => c.Verdict != ChallengeVerdict.Accepted);

    /// <summary>Whether the records show any independent scrutiny in the year.</summary>
    public bool Any => Activities.Count + Challenges.Count > 0;
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
            Activities = activities,
            ByKind = activities.GroupBy(a => a.Kind).OrderBy(g => g.Key).Select(g => new ScrutinyKindCount(g.Key, g.Count())).ToList(),
            Challenges = rows,
        };
    }
}
