using System.Security.Claims;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Dashboard;

public sealed record ChairedGroup(int Id, string Name);

/// <summary>
/// Where a user lands after signing in, and which dashboard the menu offers them: the partnership dashboard for the
/// team and the scrutineer, the partner dashboard for safeguarding partners, a chair's group dashboard for a current
/// chair or vice-chair, and "my work" for everyone else.
/// </summary>
public static class Landing
{
    public const string MyWork = "/my-work";

    /// <summary>The dashboard the user's role (or chair) has, or null when they have none but "my work".</summary>
    public static async Task<string?> DashboardAsync(PortalDbContext db, IAuthorizationService authz, ClaimsPrincipal user, DateOnly today, CancellationToken ct)
    {
        if ((await authz.AuthorizeAsync(user, Policies.OverseePartnership)).Succeeded)
        {
            return "/dashboard";
        }

        // Those who may look at any partner's dashboard oversee the partnership too, and were sent there above.
        if ((await authz.AuthorizeAsync(user, Policies.ViewPartnerDashboard)).Succeeded)
        {
            return "/dashboard/partner";
        }

        var chaired = await ChairedGroups(db, user.UserId(), today).Select(g => g.Id).Take(2).ToListAsync(ct);
        return chaired.Count switch
        {
            0 => null,
            1 => $"/groups/{chaired[0]}/dashboard",
            _ => "/dashboard/chair",
        };
    }

    public static async Task<string> UrlAsync(PortalDbContext db, IAuthorizationService authz, ClaimsPrincipal user, DateOnly today, CancellationToken ct) =>
        await DashboardAsync(db, authz, user, today, ct) ?? MyWork;

    /// <summary>The live groups the user chairs or vice-chairs today (the seats EditGroup grants).</summary>
    public static IQueryable<ChairedGroup> ChairedGroups(PortalDbContext db, string? userId, DateOnly today)
    {
        // The same seats as EditGroup's handler, from its one query.
        var seats = Seats.ChairSeats(db, userId ?? "", today);
        return db.Groups.AsNoTracking()
            .Where(g => userId != null && g.IsLive() && g.Status == GroupStatus.Active && seats.Any(m => m.GroupId == g.Id))
            .OrderBy(g => g.Kind).ThenBy(g => g.SortOrder).ThenBy(g => g.Name)
            .Select(g => new ChairedGroup(g.Id, g.Name));
    }
}
