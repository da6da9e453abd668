using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure;
using HscpPortal.Web.Infrastructure.Calendar;
using HscpPortal.Web.Infrastructure.Govuk;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Features.Calendar;

/// <summary>Calendar files for meetings, a subscribable feed per group, and emailed invitations.</summary>
[Authorize(Policy = Policies.ViewRecords)]
public sealed class CalendarController(
    PortalDbContext db,
    IDataProtectionProvider protection,
    IOptions<PortalOptions> portal,
    PublicLinks links,
    TimeProvider clock) : Controller
{
    [HttpGet("/meetings/{id:int}/invite.ics")]
    public async Task<IActionResult> Invite(int id, CancellationToken ct)
    {
        var meeting = (await CalendarData.LoadAsync(db, db.Meetings.Where(m => m.Id == id), PortalAddress(), ct)).SingleOrDefault();
        if (meeting is null)
        {
            return NotFound();
        }

        var organizer = new CalendarPerson(portal.Value.ContactEmail, portal.Value.Name);
        var ics = MeetingCalendar.Invitation(meeting, organizer, attendee: null, clock.GetUtcNow());
        return File(MeetingCalendar.Bytes(ics), MeetingCalendar.ContentType, $"meeting-{id}.ics");
    }

    [HttpGet("/groups/{id:int}/calendar")]
    public async Task<IActionResult> Subscribe(int id, CancellationToken ct)
    {
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == id).Select(g => new { g.Id, g.Name }).FirstOrDefaultAsync(ct);
        var userId = User.UserId();
        var version = await db.Users.Where(u => u.Id == userId).Select(u => (int?)u.CalendarFeedVersion).FirstOrDefaultAsync(ct);
        if (group is null || userId is null || version is null)
        {
            return NotFound();
        }

        var feed = links.AbsoluteUri($"/groups/{id}/calendar.ics?token={Uri.EscapeDataString(CalendarFeedToken.Create(protection, userId, version.Value, id))}");
        return View(new CalendarSubscribePage(group.Id, group.Name, feed));
    }

    // Calendar apps cannot sign in: the secret token in the address stands in for a session, and a wrong, missing,
    // reset or deactivated user's token looks exactly like a group that does not exist.
    [AllowAnonymous]
    [HttpGet("/groups/{id:int}/calendar.ics")]
    public async Task<IActionResult> Feed(int id, string? token, CancellationToken ct)
    {
        if (CalendarFeedToken.Read(protection, id, token) is not var (userId, version)
            || !await db.Users.AnyAsync(u => u.Id == userId && u.CalendarFeedVersion == version && u.DeactivatedAt == null, ct))
        {
            return NotFound();
        }

        var group = await db.Groups.AsNoTracking().Where(g => g.Id == id).Select(g => new { g.Name }).FirstOrDefaultAsync(ct);
        if (group is null)
        {
            return NotFound();
        }

        var meetings = await CalendarData.LoadAsync(db, db.Meetings.Where(m => m.GroupId == id && m.IsLive()), PortalAddress(), ct);
        var ics = MeetingCalendar.Feed($"{group.Name} ({portal.Value.ShortName})", meetings, clock.GetUtcNow());
        Response.Headers.CacheControl = "private, max-age=900";
        return File(MeetingCalendar.Bytes(ics), MeetingCalendar.ContentType);
    }

    [HttpGet("/meetings/{id:int}/invitations")]
    public async Task<IActionResult> Invitations(int id, [FromQuery] InvitationKind? sentKind, int? sent, int? failed,
        [FromServices] MeetingInvitations invitations, CancellationToken ct)
    {
        var groupAccess = await this.LoadAsync(db.Meetings.AsNoTracking().Where(m => m.Id == id).Select(m => m.Group!), Policies.EditGroup, ct);
        if (!groupAccess.Granted(out var group, out var refusal))
        {
            return refusal;
        }

        var page = await PageAsync(id, group.Id, invitations, ct);

        page.Form.Kind = page.Meeting.Cancelled ? InvitationKind.Cancellation : InvitationKind.Invitation;
        if (sentKind is not null && sent is not null)
        {
            page.Confirmation = new InvitationConfirmation(sentKind.Value, sent.Value, failed ?? 0);
        }

        return View(page);
    }

    [HttpPost("/meetings/{id:int}/invitations/send")]
    public async Task<IActionResult> Send(int id, [Bind(Prefix = "Form")] SendInvitationsForm form, [FromServices] IValidator<SendInvitationsForm> validator,
        [FromServices] MeetingInvitations invitations, CancellationToken ct)
    {
        var groupAccess = await this.LoadAsync(db.Meetings.AsNoTracking().Where(m => m.Id == id).Select(m => m.Group!), Policies.EditGroup, ct);
        if (!groupAccess.Granted(out var group, out var refusal))
        {
            return refusal;
        }

        var page = await PageAsync(id, group.Id, invitations, ct);

        page.Form = form;

        // An unknown value fails binding with the framework's wording; the validator's message replaces it.
        ModelState.Remove(FormKind);
        ModelState.AddErrors(await validator.ValidateAsync(form, ct), prefix: "Form");
        if (ModelState.IsValid)
        {
            if (form.Kind == InvitationKind.Cancellation && !page.Meeting.Cancelled)
            {
                ModelState.AddModelError(FormKind, "This meeting is not cancelled. Cancel the meeting before sending a cancellation");
            }
            else if (form.Kind != InvitationKind.Cancellation && page.Meeting.Cancelled)
            {
                ModelState.AddModelError(FormKind, "This meeting is cancelled. Send a cancellation instead");
            }
            else if (!page.Recipients.Any(r => r.Email is not null))
            {
                ModelState.AddModelError(FormKind, "Nobody on the invite list has an email address. Add their addresses on their people pages first");
            }
        }

        if (!ModelState.IsValid)
        {
            return View("Invitations", page);
        }

        var result = await invitations.SendAsync(id, form.Kind!.Value, ct);
        return Redirect($"/meetings/{id}/invitations?sentKind={form.Kind}&sent={result.Sent}&failed={result.Failed}");
    }

    private const string FormKind = "Form.Kind";

    private async Task<InvitationsPage> PageAsync(int id, int groupId, MeetingInvitations invitations, CancellationToken ct)
    {
        var meeting = (await CalendarData.LoadAsync(db, db.Meetings.Where(m => m.Id == id), PortalAddress(), ct)).Single();
        return new InvitationsPage
        {
            GroupId = groupId,
            Meeting = meeting,
            Recipients = await invitations.RecipientsAsync(id, ct),
            FromRegister = await db.Attendance.AnyAsync(a => a.MeetingId == id, ct),
        };
    }

    private Uri PortalAddress() => links.Root;
}

public sealed record CalendarSubscribePage(int GroupId, string GroupName, Uri FeedUrl);

public sealed class SendInvitationsForm
{
    public InvitationKind? Kind { get; set; }
}

public sealed class SendInvitationsFormValidator : AbstractValidator<SendInvitationsForm>
{
    public SendInvitationsFormValidator() =>
        RuleFor(f => f.Kind).NotNull().WithMessage("Select what to send").IsInEnum().WithMessage("Select what to send");
}

public sealed record InvitationConfirmation(InvitationKind Kind, int Sent, int Failed);

public sealed class InvitationsPage
{
    public int GroupId { get; init; }
    public required CalendarMeeting Meeting { get; init; }
    public required IReadOnlyList<InvitationRecipient> Recipients { get; init; }
    public bool FromRegister { get; init; }
    public SendInvitationsForm Form { get; set; } = new();
    public InvitationConfirmation? Confirmation { get; set; }
}
