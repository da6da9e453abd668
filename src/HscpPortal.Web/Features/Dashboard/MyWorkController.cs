using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Dashboard;

public sealed class MyWorkPage
{
    public required string DisplayName { get; init; }
    public required DateOnly Today { get; init; }

    /// <summary>The user's own dashboard, when their role or chair has one, for a link.</summary>
    public string? Dashboard { get; init; }

    public required IReadOnlyList<LoadedTile> Tiles { get; init; }
}

/// <summary>
/// "My work", for every user: my open actions, my groups' coming meetings and my agency's actions. The landing page
/// for those without a dashboard of their own (see <see cref="Landing"/>).
/// </summary>
[Authorize(Policy = Policies.ViewRecords)]
public sealed class MyWorkController(PortalDbContext db, IAuthorizationService authz, DashboardTileLoader tiles, TimeProvider clock) : Controller
{
    [HttpGet("my-work")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var userId = User.UserId();
        var person = userId is null ? null : await db.People.AsNoTracking()
            .Where(p => p.UserId == userId && p.IsLive())
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.FullName, p.OrganisationId })
            .FirstOrDefaultAsync(ct);
        var loaded = await tiles.LoadAsync(DashboardTiles.MyWork, new TileContext
        {
            Db = db,
            Year = ReportingYear.Containing(today),
            Today = today,
            User = User,
            Authorization = authz,
            PersonId = person?.Id,
            OrganisationId = person?.OrganisationId,
        }, ct);
        return View("~/Features/Dashboard/MyWork.cshtml", new MyWorkPage
        {
            DisplayName = person?.FullName ?? User.Identity?.Name ?? "",
            Today = today,
            Dashboard = await Landing.DashboardAsync(db, authz, User, today, ct),
            Tiles = loaded,
        });
    }
}
