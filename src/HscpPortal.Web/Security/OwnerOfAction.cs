using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Security;

/// <summary>
/// Met by the person who owns the action (through the login linked to their Person record), and by whoever
/// passes EditGroup for the action's group: the partnership team, administrators, or the group's chair or
/// vice-chair today. Owners record progress and ask for sign-off; signing off stays with EditGroup.
/// </summary>
public sealed class OwnerOfActionRequirement : IAuthorizationRequirement;

public sealed class OwnerOfActionHandler(PortalDbContext db, TimeProvider clock)
    : AuthorizationHandler<OwnerOfActionRequirement, ActionItem>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OwnerOfActionRequirement requirement, ActionItem resource)
    {
        if (context.User.IsInRole(Roles.Administrator) || context.User.IsInRole(Roles.PartnershipTeam))
        {
            context.Succeed(requirement);
            return;
        }

        var userId = context.User.UserId();
        if (userId is null)
        {
            return;
        }

        // The chair check is shared with ChairOfGroupHandler rather than asked of IAuthorizationService, which
        // a handler cannot depend on without a cycle.
        var owns = await db.People.AnyAsync(p => p.Id == resource.OwnerPersonId && p.UserId == userId);
        if (owns || await ChairOfGroupHandler.IsChairAsync(db, context.User, resource.GroupId, UkTime.Today(clock)))
        {
            context.Succeed(requirement);
        }
    }
}
