using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Security;

/// <summary>Met by the partnership team and administrators, or by the person named as the return's lead.</summary>
public sealed class LeadOfReturnRequirement : IAuthorizationRequirement;

public sealed class LeadOfReturnHandler(PortalDbContext db) : AuthorizationHandler<LeadOfReturnRequirement, SelfAssessmentReturn>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, LeadOfReturnRequirement requirement, SelfAssessmentReturn resource)
    {
        if (context.User.IsInRole(Roles.Administrator) || context.User.IsInRole(Roles.PartnershipTeam))
        {
            context.Succeed(requirement);
            return;
        }

        var userId = context.User.UserId();
        if (userId is not null && await db.People.AnyAsync(p => p.Id == resource.LeadPersonId && p.UserId == userId && p.IsLive()))
        {
            context.Succeed(requirement);
        }
    }
}
