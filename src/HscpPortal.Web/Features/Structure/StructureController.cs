using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Structure;

public sealed record StructureNode(int Id, string Name, GroupKind Kind, MeetingFrequency Frequency, string? Chair, string? ChairOrganisation, string? ViceChair, int Members, IReadOnlyList<StructureNode> Children);

public sealed record DissolvedGroup(int Id, string Name, DateOnly? DissolvedOn, IReadOnlyList<(int Id, string Name)> WorkPassedTo);

public sealed class StructureChart
{
    public required DateOnly AsAt { get; init; }
    public required IReadOnlyList<StructureNode> Roots { get; init; }
    public required IReadOnlyList<DissolvedGroup> Dissolved { get; init; }
}

/// <summary>The governance chart, drawn from the groups' reporting lines and current chairs.</summary>
[Route("structure")]
[Authorize(Policy = Policies.ViewRecords)]
public sealed class StructureController(PortalDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(DateOnly? date, CancellationToken ct)
    {
        var asAt = date ?? UkTime.Today(clock);
        return View(await BuildAsync(db, asAt, ct));
    }

    public static async Task<StructureChart> BuildAsync(PortalDbContext db, DateOnly asAt, CancellationToken ct)
    {
        var groups = await db.Groups.AsNoTracking()
            .Where(g => g.IsLive())
            .OrderBy(g => g.SortOrder).ThenBy(g => g.Name)
            .Select(g => new { g.Id, g.Name, g.Kind, g.Frequency, g.ReportsToId, g.Status, g.EstablishedOn, g.DissolvedOn })
            .ToListAsync(ct);
        var seats = await db.GroupMemberships.AsNoTracking()
            .Where(m => m.IsLive() && m.IsCurrentOn(asAt))
            .Select(m => new { m.GroupId, m.Role, m.Person!.FullName, Organisation = m.Organisation!.Name })
            .ToListAsync(ct);
        var successions = await db.GroupSuccessions.AsNoTracking()
            .Select(s => new { s.FromGroupId, s.ToGroupId, s.ToGroup!.Name }).ToListAsync(ct);

        var live = groups.Where(g => (g.EstablishedOn == null || g.EstablishedOn <= asAt) && (g.DissolvedOn == null || g.DissolvedOn > asAt)).ToList();
        var liveIds = live.Select(g => g.Id).ToHashSet();

        StructureNode Node(int id, HashSet<int> path)
        {
            var g = live.First(x => x.Id == id);
            var chair = seats.FirstOrDefault(s => s.GroupId == id && s.Role == MembershipRole.Chair);
            var vice = seats.FirstOrDefault(s => s.GroupId == id && s.Role == MembershipRole.ViceChair);
            var children = live.Where(c => c.ReportsToId == id && !path.Contains(c.Id))
                .Select(c => Node(c.Id, [.. path, c.Id])).ToList();
            return new StructureNode(g.Id, g.Name, g.Kind, g.Frequency, chair?.FullName, chair?.Organisation, vice?.FullName,
                seats.Count(s => s.GroupId == id), children);
        }

        // Roots: groups reporting to nobody live (normally the board alone).
        var roots = live.Where(g => g.ReportsToId is null || !liveIds.Contains(g.ReportsToId.Value))
            .OrderBy(g => g.Kind == GroupKind.Board ? 0 : 1)
            .Select(g => Node(g.Id, [g.Id])).ToList();
        var dissolved = groups.Where(g => g.DissolvedOn is not null && g.DissolvedOn <= asAt)
            .OrderByDescending(g => g.DissolvedOn)
            .Select(g => new DissolvedGroup(g.Id, g.Name, g.DissolvedOn,
                successions.Where(s => s.FromGroupId == g.Id).Select(s => (s.ToGroupId, s.Name)).ToList()))
            .ToList();
        return new StructureChart { AsAt = asAt, Roots = roots, Dissolved = dissolved };
    }
}
