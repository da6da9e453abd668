using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Scrutiny;


public sealed class ScrutinyTileModel
{
    public required ReportingYear Year { get; init; }
    public required IReadOnlyList<ScrutinyKindCount> ActivitiesByKind { get; init; }
    public required int ChallengesRaised { get; init; }
    public required int Accepted { get; init; }

    /// <summary>Open today whatever year they were raised in: not yet answered, awaiting a decision, or not accepted.</summary>
    public required int OpenToday { get; init; }
    public required int OverdueToday { get; init; }

    public int Activities => ActivitiesByKind.Sum(k => k.Count);
    public string YearUrl => $"/scrutiny?year={Year}";
    public const string OpenUrl = "/scrutiny?year=all&open=true#challenges";
}

/// <summary>
/// The independent scrutineer's year on the assurance overview: activities by kind, challenges raised and how many
/// answers were accepted, and the challenges to any agency still open today with those whose response is overdue.
/// </summary>
public sealed class ScrutinyTile : DashboardTile<ScrutinyTileModel>
{
    public override string Id => "scrutiny";

    public override async Task<ScrutinyTileModel?> LoadAsync(TileContext context, CancellationToken ct)
    {
        var year = context.Year;
        var today = context.Today;
        var byKind = await context.Db.ScrutinyActivities.AsNoTracking()
            .Where(a => a.IsLive() && a.HeldOn >= year.Start && a.HeldOn <= year.End)
            .GroupBy(a => a.Kind).Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var raised = await context.Db.ScrutinyChallenges.AsNoTracking()
            .Where(c => c.IsLive() && c.RaisedOn >= year.Start && c.RaisedOn <= year.End)
            .GroupBy(c => c.Verdict == ChallengeVerdict.Accepted)
            .Select(g => new { Accepted = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var open = await context.Db.ScrutinyChallenges.AsNoTracking()
            .Where(c => c.IsLive() && (c.Verdict == null || c.Verdict != ChallengeVerdict.Accepted))
            .GroupBy(c => c.ResponseReceivedOn == null && c.ResponseDueOn < today)
            .Select(g => new { Overdue = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return new ScrutinyTileModel
        {
            Year = year,
            ActivitiesByKind = byKind.OrderBy(k => k.Kind).Select(k => new ScrutinyKindCount(k.Kind, k.Count)).ToList(),
            ChallengesRaised = raised.Sum(r => r.Count),
            Accepted = raised.Where(r => r.Accepted).Sum(r => r.Count),
            OpenToday = open.Sum(o => o.Count),
            OverdueToday = open.Where(o => o.Overdue).Sum(o => o.Count),
        };
    }
}
