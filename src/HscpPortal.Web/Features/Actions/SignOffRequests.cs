using System.Security.Claims;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure;
using HscpPortal.Web.Infrastructure.Email;
using HscpPortal.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Features.Actions;

/// <summary>
/// Actions whose owner has asked for sign-off and that nobody has yet signed off or returned: the chair's queue. The
/// request is the action's <see cref="ActionItem.CompletionRequestedAt"/>, which signing off, returning, cancelling,
/// closing and reopening all clear.
/// </summary>
public static class SignOffRequests
{
    /// <summary>The live, open actions awaiting sign-off (the tile, the tracker's <c>awaiting=signoff</c> filter).</summary>
    public static IQueryable<ActionItem> Awaiting(IQueryable<ActionItem> actions) =>
        actions.Where(a => a.IsLive() && a.CompletionRequestedAt != null
            && a.Status != ActionStatus.Completed && a.Status != ActionStatus.Closed && a.Status != ActionStatus.Cancelled);

    /// <summary>The groups whose chair or vice-chair seat the user holds today: whose actions they sign off (<see cref="ChairOfGroupHandler"/>).</summary>
    public static IQueryable<int> GroupsChairedBy(PortalDbContext db, string userId, DateOnly today) =>
        Seats.ChairSeats(db, userId, today).Select(m => m.GroupId).Distinct();
}

/// <summary>The email to a group's chair and vice-chair when an owner asks for one of its actions to be signed off.</summary>
public sealed record SignOffRequestEmail(
    string ChairName, string ActionTitle, string GroupName, string OwnerName, string RequestedBy, DateTime RequestedAt,
    string ActionUrl, string DashboardUrl, string PartnershipName);

/// <summary>
/// Emails the chair and vice-chair of the action's group (today's seats, people with an address) that its owner asked
/// for sign-off, one message each, with links built from Portal:PublicUrl. Whoever asked is not emailed, even when they
/// hold one of the seats. A failed email is logged and does not undo the request.
/// </summary>
public sealed class SignOffRequestNotifier(
    PortalDbContext db,
    IEmailSender email,
    ViewRenderer renderer,
    PublicLinks links,
    IOptions<PortalOptions> portal,
    TimeProvider clock,
    ILogger<SignOffRequestNotifier> logger)
{
    public async Task<int> NotifyAsync(int actionId, ClaimsPrincipal requester, CancellationToken ct)
    {
        var action = await db.Actions.AsNoTracking().Where(a => a.Id == actionId)
            .Select(a => new { a.Id, a.Title, a.GroupId, GroupName = a.Group!.Name, OwnerName = a.OwnerPerson!.FullName, a.CompletionRequestedBy, a.CompletionRequestedAt })
            .FirstOrDefaultAsync(ct);
        if (action?.CompletionRequestedAt is not { } requestedAt)
        {
            return 0;
        }

        var userId = requester.UserId();
        var chairs = await Seats.ChairSeatsOf(db, action.GroupId, UkTime.Today(clock))
            .Where(m => m.Person!.IsLive() && m.Person.Email != null && m.Person.Email != ""
                && (userId == null || m.Person.UserId == null || m.Person.UserId != userId))
            .Select(m => new { m.PersonId, m.Person!.FullName, Email = m.Person.Email! })
            .Distinct()
            .ToListAsync(ct);

        var sent = 0;
        foreach (var chair in chairs.DistinctBy(c => c.Email.Trim().ToUpperInvariant()))
        {
            var model = new SignOffRequestEmail(
                chair.FullName, action.Title, action.GroupName, action.OwnerName, action.CompletionRequestedBy ?? action.OwnerName, requestedAt,
                links.Absolute($"/actions/{action.Id}"), links.Absolute($"/groups/{action.GroupId}/dashboard"), portal.Value.Name);
            try
            {
                var html = await renderer.RenderAsync("/Features/Actions/SignOffRequestEmail.cshtml", model);
                var text = await renderer.RenderAsync("/Features/Actions/SignOffRequestText.cshtml", model);
                await email.SendAsync(new EmailMessage(chair.Email.Trim(), $"Sign-off requested: {action.Title}", text, html), ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Person and action ids only: the log never carries names or addresses.
                logger.LogWarning(e, "Could not email person {PersonId} about the sign-off request for action {ActionId}", chair.PersonId, action.Id);
            }
        }

        return sent;
    }
}
