using System.Globalization;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure;
using HscpPortal.Web.Infrastructure.Calendar;
using HscpPortal.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Features.Calendar;

public enum InvitationKind
{
    Invitation = 1,
    Update = 2,
    Cancellation = 3,
}

/// <summary>Someone an invitation goes to. People without an email address are listed so the team can see who is missed.</summary>
public sealed record InvitationRecipient(int PersonId, string Name, string? Email, string Organisation);

public sealed record InvitationResult(int Sent, int Failed, IReadOnlyList<InvitationRecipient> WithoutEmail);

/// <summary>
/// Emails a meeting's invitees an invitation, an update or a cancellation, each with the meeting's calendar file.
/// The invite list is the meeting's register (its invitees); before a register exists, the group's members on the
/// meeting's date.
/// </summary>
public sealed class MeetingInvitations(
    PortalDbContext db,
    IEmailSender email,
    IOptions<PortalOptions> portal,
    TimeProvider clock,
    PublicLinks links,
    ILogger<MeetingInvitations> logger)
{
    public async Task<IReadOnlyList<InvitationRecipient>> RecipientsAsync(int meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)
            .Select(m => new { m.GroupId, m.Date, HasRegister = db.Attendance.Any(a => a.MeetingId == m.Id) })
            .FirstOrDefaultAsync(ct);
        if (meeting is null)
        {
            return [];
        }

        var people = meeting.HasRegister
            ? await db.Attendance.AsNoTracking()
                .Where(a => a.MeetingId == meetingId && a.Kind == AttendeeKind.Invitee && a.Person!.IsLive())
                .Select(a => new InvitationRecipient(a.PersonId, a.Person!.FullName, a.Person.Email, a.Organisation!.Name))
                .ToListAsync(ct)
            : await db.GroupMemberships.AsNoTracking()
                .Where(m => m.GroupId == meeting.GroupId && m.IsLive() && m.IsCurrentOn(meeting.Date)
                    && m.Person!.IsLive())
                .Select(m => new InvitationRecipient(m.PersonId, m.Person!.FullName, m.Person.Email, m.Organisation!.Name))
                .ToListAsync(ct);

        // One message per person, and per address: two seats held by one person are one invitation.
        return people
            .DistinctBy(p => p.PersonId)
            .GroupBy(p => string.IsNullOrWhiteSpace(p.Email) ? $"#{p.PersonId}" : p.Email.Trim().ToUpperInvariant())
            .Select(g => g.First())
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<InvitationResult> SendAsync(int meetingId, InvitationKind kind, CancellationToken ct = default)
    {
        var meeting = (await CalendarData.LoadAsync(db, db.Meetings.Where(m => m.Id == meetingId), links.Root, ct)).SingleOrDefault()
            ?? throw new InvalidOperationException($"Meeting {meetingId} does not exist.");
        if ((kind == InvitationKind.Cancellation) != meeting.Cancelled)
        {
            // A cancellation's calendar file removes the meeting, an invitation's adds it: the email must say the same.
            throw new InvalidOperationException(meeting.Cancelled ? "A cancelled meeting can only have a cancellation sent." : "Only a cancelled meeting can have a cancellation sent.");
        }

        var recipients = await RecipientsAsync(meetingId, ct);
        var options = portal.Value;
        var organizer = new CalendarPerson(options.ContactEmail, options.Name);
        var now = clock.GetUtcNow();
        int sent = 0, failed = 0;
        foreach (var person in recipients.Where(r => !string.IsNullOrWhiteSpace(r.Email)))
        {
            var ics = MeetingCalendar.Invitation(meeting, organizer, new CalendarPerson(person.Email!.Trim(), person.Name), now);
            var method = meeting.Cancelled ? "CANCEL" : "REQUEST";
            var message = new EmailMessage(person.Email.Trim(), Subject(meeting, kind), Body(meeting, kind, person, options))
            {
                Attachments = [new EmailAttachment("invite.ics", $"text/calendar; method={method}; charset=utf-8", MeetingCalendar.Bytes(ics))],
            };
            try
            {
                await email.SendAsync(message, ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One bad address or a passing mail-server fault must not stop the others; the page reports the count.
                failed++;
                logger.LogWarning(e, "An invitation for meeting {MeetingId} could not be sent", meetingId);
            }
        }

        logger.LogInformation("{Kind} for meeting {MeetingId}: {Sent} sent, {Failed} failed", kind, meetingId, sent, failed);
        return new InvitationResult(sent, failed, recipients.Where(r => string.IsNullOrWhiteSpace(r.Email)).ToList());
    }

    public static string Subject(CalendarMeeting meeting, InvitationKind kind)
    {
        var prefix = kind switch
        {
            InvitationKind.Update => "Updated invitation",
            InvitationKind.Cancellation => "Cancelled",
            _ => "Invitation",
        };
        return $"{prefix}: {meeting.Summary}, {Format.Date(meeting.Date)}";
    }

    private static string Body(CalendarMeeting meeting, InvitationKind kind, InvitationRecipient person, PortalOptions options)
    {
        var uk = CultureInfo.GetCultureInfo("en-GB");
        var lines = new List<string> { $"Dear {person.Name},", "" };
        lines.Add(kind switch
        {
            InvitationKind.Update => $"The details of this {meeting.GroupName} meeting have changed. The attached calendar file updates your calendar.",
            InvitationKind.Cancellation => $"This {meeting.GroupName} meeting has been cancelled. The attached calendar file removes it from your calendar.",
            _ => $"You are invited to this {meeting.GroupName} meeting. The attached calendar file adds it to your calendar.",
        });
        if (kind == InvitationKind.Cancellation && !string.IsNullOrWhiteSpace(meeting.CancellationReason))
        {
            lines.Add("Reason: " + meeting.CancellationReason);
        }

        lines.Add("");
        lines.Add("Meeting: " + meeting.Summary);
        lines.Add("Date: " + meeting.Date.ToString("dddd d MMMM yyyy", uk));
        lines.Add($"Time: {Time(meeting.Start)} to {Time(meeting.End)} (UK time)");
        if (!string.IsNullOrWhiteSpace(meeting.Location))
        {
            lines.Add("Location: " + meeting.Location);
        }

        if (!string.IsNullOrWhiteSpace(meeting.OnlineLink))
        {
            lines.Add("Join online: " + meeting.OnlineLink);
        }

        if (meeting.Page is not null)
        {
            lines.Add("Agenda and papers: " + meeting.Page);
        }

        lines.Add("");
        lines.Add($"If you cannot attend, please send apologies, and the name of anyone attending in your place, to {options.ContactEmail}.");
        lines.Add("");
        lines.Add(options.Name);
        return string.Join("\n", lines);

        static string Time(TimeOnly t) => t.ToString("h:mmtt", CultureInfo.InvariantCulture).ToLowerInvariant();
    }
}
