using HscpPortal.Web.Data;
using HscpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Security;

/// <summary>
/// Users in a role that requires two-factor authentication are sent to set it up before they can use
/// anything but their account pages.
/// </summary>
public static class TwoFactorEnrolment
{
    public const string EnrolPath = "/account/two-factor";

    public static IApplicationBuilder UseTwoFactorEnrolment(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated == true
                && !context.Request.Path.StartsWithSegments("/account")
                && !context.Request.Path.StartsWithSegments("/error")
                && !context.Request.Path.StartsWithSegments("/health"))
            {
                var required = context.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value.RequireTwoFactorForRoles;
                if (required.Any(user.IsInRole))
                {
                    var users = context.RequestServices.GetRequiredService<UserManager<ApplicationUser>>();
                    var account = await users.GetUserAsync(user);
                    if (account is { TwoFactorEnabled: false, TwoFactorExempt: false })
                    {
                        context.Response.Redirect(EnrolPath + "?required=true");
                        return;
                    }
                }
            }

            await next();
        });
}
