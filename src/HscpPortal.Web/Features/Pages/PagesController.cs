using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HscpPortal.Web.Features.Pages;

/// <summary>Public information pages.</summary>
[AllowAnonymous]
public sealed class PagesController : Controller
{
    [HttpGet("accessibility")]
    public IActionResult Accessibility() => View();

    [HttpGet("cookies")]
    public IActionResult Cookies() => View();
}
