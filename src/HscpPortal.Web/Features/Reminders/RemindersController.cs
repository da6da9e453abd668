using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Reminders;

public sealed record UnsubscribePage(string Token, ReminderKind Kind, bool Done);

/// <summary>
/// The unsubscribe link in reminder emails. It works without signing in (the token names the person), and the
/// GET only asks: mail scanners follow links, so only the POST changes anything.
/// </summary>
[Route("reminders/unsubscribe")]
[AllowAnonymous]
public sealed class RemindersController(PortalDbContext db, UnsubscribeTokens tokens) : Controller
{
    [HttpGet("")]
    public IActionResult Unsubscribe(string? token) =>
        tokens.Read(token) is { } found ? View(new UnsubscribePage(token!, found.Kind, Done: false)) : Invalid();

    [HttpPost("")]
    [ActionName(nameof(Unsubscribe))]
    public async Task<IActionResult> UnsubscribePost(string? token, CancellationToken ct)
    {
        if (tokens.Read(token) is not { } found)
        {
            return Invalid();
        }

        var person = await db.People.FirstOrDefaultAsync(p => p.Id == found.PersonId, ct);
        if (person is null)
        {
            return Invalid();
        }

        if (found.Kind == ReminderKind.DailyDigest)
        {
            person.DailyDigestOptOut = true;
        }
        else
        {
            person.WeeklySummaryOptOut = true;
        }

        await db.SaveChangesAsync(ct);
        return View(nameof(Unsubscribe), new UnsubscribePage(token!, found.Kind, Done: true));
    }

    private ViewResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("UnsubscribeInvalid");
    }
}
