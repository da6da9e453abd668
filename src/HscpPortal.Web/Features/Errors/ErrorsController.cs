using System.Globalization;
using HscpPortal.Web.Data;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Features.Errors;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[Route("error")]
public sealed class ErrorsController(ILogger<ErrorsController> logger, IOptions<StorageOptions> storage) : Controller
{
    [Route("{code:int}")]
    public IActionResult Show(int code)
    {
        // Re-executing a POST whose form cannot be read (larger than the form limit) fails model binding, which
        // would leave the code 0 and show "Page not found": take it from the route instead.
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            code = int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var routed) ? routed : 404;
        }

        // The code comes from the URL: anything that is not an HTTP error status is a page that does not exist.
        if (code is < 400 or > 599)
        {
            code = 404;
        }

        if (code == 500)
        {
            var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
            if (failure is not null && DatabaseFailure.IsUnavailable(failure.Error))
            {
                // An outage, not a bug: it passes by itself, so say so and ask clients to come back shortly.
                logger.LogError(failure.Error, "The database is unavailable: {Path} answered 503", failure.Path);
                code = 503;
                Response.Headers.RetryAfter = ((int)DatabaseFailure.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }
            else if (failure is not null)
            {
                logger.LogError(failure.Error, "Unhandled error on {Path}", failure.Path);
            }
        }

        // A body over the request limit fails while the form is read, before any field can be checked: say what was
        // too large rather than that the request could not be understood.
        var bodyLimit = HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize
            ?? RequestLimits.MaxBodyBytes(storage.Value.MaxUploadBytes);
        if (code is 400 or 413 && Request.ContentLength > bodyLimit)
        {
            code = 413;
            ViewData["Limit"] = Format.FileSize(bodyLimit);
        }

        Response.StatusCode = code;
        var view = code switch
        {
            413 => "TooLarge",
            403 => "Forbidden",
            404 => "NotFound",
            400 => "BadRequest",
            503 => "Unavailable",
            >= 500 => "ServerError",
            _ => "BadRequest",
        };
        return View(view);
    }
}
