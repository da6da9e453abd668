using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Dashboard.Tiles;
using HscpPortal.Web.Infrastructure.Export;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Dashboard;

public sealed class ChairDashboardPage
{
    public required int GroupId { get; init; }
    public required string GroupName { get; init; }
    public required ReportingYear Year { get; init; }
    public required DateOnly Today { get; init; }
    public required bool CanEdit { get; init; }
    public required NeedsAttentionModel Attention { get; init; }
    public required IReadOnlyList<LoadedTile> Tiles { get; init; }

    /// <summary>The year has just started, so its attendance rests on a meeting or two (ReportingYear.IsEarlyOn).</summary>
    public bool EarlyYear => Year.IsEarlyOn(Today);

    public string LastYearMeetingsUrl => $"/meetings?year={Year.Previous}&status=Held&groupId={GroupId}";
}

public sealed class ChairGroupsPage
{
    public required IReadOnlyList<ChairedGroup> Groups { get; init; }
}

/// <summary>
/// A group's dashboard for running it: the next meeting and its agenda, the action plan, what is due before the
/// meeting, and member agencies' attendance. Every member may read it (each figure is on pages they already read);
/// the menu and the landing page offer it to the group's chair and vice-chair.
/// </summary>
[Authorize(Policy = Policies.ViewRecords)]
public sealed class ChairDashboardController(
    PortalDbContext db, IAuthorizationService authz, DashboardTileLoader tiles, NeedsAttention attention, TimeProvider clock) : Controller
{
    [HttpGet("groups/{id:int}/dashboard")]
    public async Task<IActionResult> Group(int id, CancellationToken ct)
    {
        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct);
        if (group is null)
        {
            return NotFound();
        }

        var today = UkTime.Today(clock);
        var year = ReportingYear.Containing(today);
        var context = Context(id, year, today);
        var late = await attention.LoadAsync(context, ct);
        var loaded = await tiles.LoadAsync(DashboardTiles.Chair, context, ct);
        return View("~/Features/Dashboard/Chair.cshtml", new ChairDashboardPage
        {
            GroupId = id,
            GroupName = group.Name,
            Year = year,
            Today = today,
            CanEdit = (await authz.AuthorizeAsync(User, group, Policies.EditGroup)).Succeeded,
            Attention = late,
            Tiles = loaded,
        });
    }

    /// <summary>
    /// The groups the user chairs, each to its dashboard. Signing in and the menu go straight to the dashboard of a
    /// chair's only group, so this list is for those who chair several (and always answers, for a bookmark).
    /// </summary>
    [HttpGet("dashboard/chair")]
    public async Task<IActionResult> Mine(CancellationToken ct)
    {
        var groups = await Landing.ChairedGroups(db, User.UserId(), UkTime.Today(clock)).ToListAsync(ct);
        return View("~/Features/Dashboard/ChairGroups.cshtml", new ChairGroupsPage { Groups = groups });
    }

    [HttpGet("groups/{id:int}/dashboard/attendance.csv")]
    public Task<IActionResult> AttendanceCsv(int id, [FromServices] MemberAttendanceTile tile, CancellationToken ct) => AttendanceAsync(id, tile, ExportFormat.Csv, ct);

    [HttpGet("groups/{id:int}/dashboard/attendance.xlsx")]
    public Task<IActionResult> AttendanceXlsx(int id, [FromServices] MemberAttendanceTile tile, CancellationToken ct) => AttendanceAsync(id, tile, ExportFormat.Xlsx, ct);

    private async Task<IActionResult> AttendanceAsync(int id, MemberAttendanceTile tile, ExportFormat format, CancellationToken ct)
    {
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == id).Select(g => new { g.Name, g.ShortName }).FirstOrDefaultAsync(ct);
        if (group is null)
        {
            return NotFound();
        }

        var today = UkTime.Today(clock);
        var year = ReportingYear.Containing(today);
        var model = await tile.LoadAsync(Context(id, year, today), ct);
        var stem = new string((group.ShortName ?? group.Name).ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
        return TabularExport.Download(model!.ToExportTable(), format, $"attendance-{stem}-{year}");
    }

    private TileContext Context(int groupId, ReportingYear year, DateOnly today) => new()
    {
        Db = db,
        Year = year,
        Today = today,
        User = User,
        Authorization = authz,
        GroupId = groupId,
    };
}
