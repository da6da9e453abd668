using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Scrutiny;

public sealed record OpenChallenge(int Id, string Title, DateOnly RaisedOn, DateOnly ResponseDueOn, ChallengeState State);

public sealed class ScrutinyChallengesTileModel
{
    public required int OrganisationId { get; init; }
    public required int Open { get; init; }
    public required int Overdue { get; init; }
    public required IReadOnlyList<OpenChallenge> Challenges { get; init; }

    /// <summary>Every year: a challenge stays the agency's business until its response is accepted, whenever it was raised.</summary>
    public string OpenUrl => $"/scrutiny?year=all&organisationId={OrganisationId}&open=true#challenges";
}

/// <summary>
/// The independent scrutineer's challenges to the partner's agency that are still open (no response yet, a response
/// awaiting the scrutineer's decision, or one not accepted), the oldest first, with the overdue ones counted.
/// </summary>
public sealed class ScrutinyChallengesTile : DashboardTile<ScrutinyChallengesTileModel>
{
    private const int Shown = 5;

    public override string Id => "scrutiny-challenges";

    public override async Task<ScrutinyChallengesTileModel?> LoadAsync(TileContext context, CancellationToken ct)
    {
        if (context.OrganisationId is not { } organisationId)
        {
            return null;
        }

        var open = context.Db.ScrutinyChallenges.AsNoTracking()
            .Where(c => c.IsLive() && c.OrganisationId == organisationId && (c.Verdict == null || c.Verdict != ChallengeVerdict.Accepted));
        var count = await open.CountAsync(ct);
        var overdue = await open.CountAsync(c => c.ResponseReceivedOn == null && c.ResponseDueOn < context.Today, ct);
        var first = await open.OrderBy(c => c.ResponseDueOn).ThenBy(c => c.Id).Take(Shown)
            .Select(c => new { c.Id, c.Title, c.RaisedOn, c.ResponseDueOn, c.ResponseReceivedOn, c.Verdict })
            .ToListAsync(ct);
        return new ScrutinyChallengesTileModel
        {
            OrganisationId = organisationId,
            Open = count,
            Overdue = overdue,
            Challenges = first.Select(c => new OpenChallenge(c.Id, c.Title, c.RaisedOn, c.ResponseDueOn,
                ScrutinyRules.State(c.ResponseDueOn, c.ResponseReceivedOn, c.Verdict, context.Today))).ToList(),
        };
    }
}
