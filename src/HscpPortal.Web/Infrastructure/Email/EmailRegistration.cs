namespace HscpPortal.Web.Infrastructure.Email;

public static class EmailRegistration
{
    public static IServiceCollection AddPortalEmail(this IServiceCollection services, IConfiguration configuration)
    {
        var mode = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>()?.Mode ?? EmailMode.Pickup;
        if (mode == EmailMode.Smtp)
        {
            services.AddScoped<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            services.AddScoped<IEmailSender, PickupFolderEmailSender>();
        }

        return services;
    }
}
