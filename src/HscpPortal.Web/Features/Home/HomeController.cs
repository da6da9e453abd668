using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Home;

public sealed record MySeat(int GroupId, string GroupName, MembershipRole Role, string Organisation);

public sealed class HomePage
{
    public required string DisplayName { get; init; }
    public int? PersonId { get; init; }
    public required IReadOnlyList<MySeat> Seats { get; init; }
    public required int Partners { get; init; }
    public required int Agencies { get; init; }
    public required int ActiveGroups { get; init; }
    public required int People { get; init; }
}

/// <summary>The home page: the user's groups and the partnership at a glance. Signing in lands on a dashboard or "my work" instead (Features/Dashboard/Landing.cs).</summary>
[Authorize(Policy = Policies.ViewRecords)]
public sealed class HomeController(PortalDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var userId = User.UserId();
        var today = UkTime.Today(clock);
        var person = await db.People.AsNoTracking().Where(p => p.UserId == userId).Select(p => new { p.Id, p.FullName }).FirstOrDefaultAsync(ct);
        var seats = person is null ? [] : await db.GroupMemberships.AsNoTracking()
            .Where(m => m.PersonId == person.Id && m.IsLive() && m.IsCurrentOn(today))
            .OrderBy(m => m.Role).ThenBy(m => m.Group!.SortOrder)
            .Select(m => new MySeat(m.GroupId, m.Group!.Name, m.Role, m.Organisation!.Name))
            .ToListAsync(ct);
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.IsLive())
            .GroupBy(o => o.StatutoryPartner != null)
            .Select(g => new { Partner = g.Key, Count = g.Count() }).ToListAsync(ct);
        return View(new HomePage
        {
            DisplayName = person?.FullName ?? User.Identity?.Name ?? "",
            PersonId = person?.Id,
            Seats = seats,
            Partners = organisations.Where(o => o.Partner).Sum(o => o.Count),
            Agencies = organisations.Where(o => !o.Partner).Sum(o => o.Count),
            ActiveGroups = await db.Groups.CountAsync(g => g.IsLive() && g.Status == GroupStatus.Active, ct),
            People = await db.People.CountAsync(p => p.IsLive(), ct),
        });
    }
}
