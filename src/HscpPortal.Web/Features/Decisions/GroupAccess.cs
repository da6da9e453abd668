using System.Security.Claims;
using HscpPortal.Web.Data;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Decisions;

public static class GroupAccess
{
    /// <summary>EditGroup for records that belong to a group through a meeting: the team, or that group's chair.</summary>
    public static async Task<bool> CanEditGroupAsync(this IAuthorizationService authz, ClaimsPrincipal user, PortalDbContext db, int groupId, CancellationToken ct)
    {
        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, ct);
        return group is not null && (await authz.AuthorizeAsync(user, group, Policies.EditGroup)).Succeeded;
    }
}
