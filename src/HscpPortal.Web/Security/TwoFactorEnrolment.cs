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
                    // The session lookup has already read the account's two-factor state; ask only if it did not.
                    var account = context.Items[Sessions.DatabaseTicketStore.AccountItem] as Sessions.SessionAccount;
                    if (account is null && await context.RequestServices.GetRequiredService<UserManager<ApplicationUser>>().GetUserAsync(user) is { } found)
                    {
                        account = new Sessions.SessionAccount(found.Id, found.TwoFactorEnabled, found.TwoFactorExempt);
                    }

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
