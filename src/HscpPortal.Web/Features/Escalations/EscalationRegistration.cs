using HscpPortal.Web.Infrastructure;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Features.Escalations;

public static class EscalationRegistration
{
    /// <summary>The escalation log's services: its settings checked at start-up, its rules, and who may read it.</summary>
    public static IServiceCollection AddEscalationLog(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<EscalationOptions>, EscalationOptionsValidation>();
        services.AddOptions<EscalationOptions>().ValidateOnStart();
        services.AddScoped<EscalationService>();
        services.AddScoped<IAuthorizationHandler, EscalationReaderHandler>();
        return services;
    }
}
