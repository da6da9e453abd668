using System.Security.Claims;
using HscpPortal.Web.Data;

namespace HscpPortal.Web.Security;

public sealed class HttpContextActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public string? UserId => accessor.HttpContext?.User.UserId();

    public string? UserName => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.Name) ?? "system";
}
