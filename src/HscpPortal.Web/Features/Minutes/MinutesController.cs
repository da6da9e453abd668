using System.Globalization;
using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure;
using HscpPortal.Web.Infrastructure.Email;
using HscpPortal.Web.Infrastructure.Govuk;
using HscpPortal.Web.Infrastructure.Pdf;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Features.Minutes;

/// <summary>
/// A meeting's minutes: drafted per agenda item, circulated, approved at a later meeting of the group and then
/// locked (changes need a reason and keep the earlier text), printed as a page and as a PDF.
/// </summary>
[Route("meetings/{id:int}/minutes")]
[Authorize(Policy = Policies.ViewRecords)]
public sealed class MinutesController(PortalDbContext db, IAuthorizationService authz, TimeProvider clock, PublicLinks links, ILogger<MinutesController> logger) : Controller
{
    public const string PrintView = "/Features/Minutes/Print.cshtml";

    [HttpGet("")]
    public Task<IActionResult> Index(int id, CancellationToken ct) => ShowAsync(id, changing: false, ct);

    /// <summary>Approved minutes open to be read; changing them is a deliberate step that asks for a reason.</summary>
    [HttpGet("change")]
    public async Task<IActionResult> Change(int id, CancellationToken ct)
    {
        var meetingAccess = await this.LoadAsync(db.Meetings.AsNoTracking().Include(m => m.Group).Where(m => m.Id == id), Policies.EditGroup, ct, m => m.Group!);
        return meetingAccess.Granted(out _, out var refusal) ? await ShowAsync(id, changing: true, ct) : refusal;
    }

    private async Task<IActionResult> ShowAsync(int id, bool changing, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return NotFound();
        }

        var items = await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == id && a.IsLive())
            .OrderBy(a => a.Order).ThenBy(a => a.Id)
            .Select(a => new ItemMinutesForm { AgendaItemId = a.Id, Minutes = a.Minutes, Order = a.Order, Title = a.Title, Presenter = a.Presenter })
            .ToListAsync(ct);
        var form = await WithDetailsAsync(new MinutesForm { Version = meeting.Version, Items = items }, meeting, ct);
        form.Changing = changing && meeting.MinutesStatus == MinutesStatus.Approved;
        return View(nameof(Index), form);
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(int id, MinutesForm form, [FromServices] IValidator<MinutesForm> validator, CancellationToken ct)
    {
        var meetingAccess = await this.LoadAsync(db.Meetings.Include(m => m.Group).Where(m => m.Id == id), Policies.EditGroup, ct, m => m.Group!);
        if (!meetingAccess.Granted(out var meeting, out var refusal))
        {
            return refusal;
        }

        var items = await db.AgendaItems.Where(a => a.MeetingId == id && a.IsLive()).OrderBy(a => a.Order).ThenBy(a => a.Id).ToListAsync(ct);
        form.Status = meeting.MinutesStatus;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!IsWritable(meeting))
        {
            ModelState.AddModelError("", "This meeting was cancelled or archived, so its minutes cannot be changed.");
        }

        if (meeting.Version != form.Version)
        {
            ModelState.AddModelError("", Concurrency.StaleMessage);
        }

        if (ModelState.IsValid)
        {
            var posted = form.Items.GroupBy(i => i.AgendaItemId).ToDictionary(g => g.Key, g => Clean(g.Last().Minutes));
            var changed = items.Where(i => posted.TryGetValue(i.Id, out var text) && text != i.Minutes).ToList();
            if (changed.Count == 0)
            {
                return Redirect($"/meetings/{id}/minutes?notice={Notices.Saved}");
            }

            if (meeting.MinutesStatus == MinutesStatus.Approved)
            {
                // Approved minutes are a record: the text as it stood is kept, and the version moves on.
                db.MinutesRevisions.Add(new MinutesRevision
                {
                    MeetingId = id,
                    Version = meeting.MinutesVersion,
                    At = clock.GetUtcNow().UtcDateTime,
                    By = User.Identity?.Name,
                    Reason = form.Reason!.Trim(),
                    Snapshot = MinutesSnapshotItem.Write(items.Select(i => new MinutesSnapshotItem(i.Id, i.Title, i.Minutes))),
                });
                meeting.MinutesVersion++;
            }

            foreach (var item in changed)
            {
                item.Minutes = posted[item.Id];
            }

            // The meeting's version guards the whole set of minutes, so a change to any item moves it on.
            db.Entry(meeting).Property(m => m.UpdatedAt).IsModified = true;
            if (await db.SaveEditAsync(meeting, form.Version, ModelState, ct))
            {
                return Redirect($"/meetings/{id}/minutes?notice={Notices.Saved}");
            }
        }

        // Titles are not posted back: show them from the agenda, with the text the user typed.
        var typed = form.Items.GroupBy(i => i.AgendaItemId).ToDictionary(g => g.Key, g => g.Last().Minutes);
        form.Items = items.Select(i => new ItemMinutesForm
        {
            AgendaItemId = i.Id, Order = i.Order, Title = i.Title, Presenter = i.Presenter,
            Minutes = typed.TryGetValue(i.Id, out var text) ? text : i.Minutes,
        }).ToList();
        await WithDetailsAsync(form, meeting, ct);
        form.Changing = meeting.MinutesStatus == MinutesStatus.Approved;
        return View(form);
    }

    [HttpGet("circulate")]
    public async Task<IActionResult> Circulate(int id, CancellationToken ct)
    {
        var meetingAccess = await this.LoadAsync(db.Meetings.AsNoTracking().Include(m => m.Group).Where(m => m.Id == id), Policies.EditGroup, ct, m => m.Group!);
        if (!meetingAccess.Granted(out var meeting, out var refusal))
        {
            return refusal;
        }

        var form = await WithDetailsAsync(new CirculateForm { Version = meeting.Version, Notify = true }, meeting, ct);
        form.Blocker = await CirculateBlockerAsync(meeting, ct);
        return View(form);
    }

    [HttpPost("circulate")]
    public async Task<IActionResult> Circulate(int id, CirculateForm form, [FromServices] IEmailSender email, CancellationToken ct)
    {
        var meetingAccess = await this.LoadAsync(db.Meetings.Include(m => m.Group).Where(m => m.Id == id), Policies.EditGroup, ct, m => m.Group!);
        if (!meetingAccess.Granted(out var meeting, out var refusal))
        {
            return refusal;
        }

        form.Blocker = await CirculateBlockerAsync(meeting, ct);
        if (form.Blocker is not null)
        {
            ModelState.AddModelError("", form.Blocker);
        }

        if (ModelState.IsValid)
        {
            meeting.MinutesStatus = MinutesStatus.Circulated;
            meeting.MinutesCirculatedOn = UkTime.Today(clock);
            if (await db.SaveEditAsync(meeting, form.Version, ModelState, ct))
            {
                if (form.Notify)
                {
                    await NotifyMembersAsync(meeting, email, ct);
                }

                return Redirect($"/meetings/{id}/minutes?notice={Notices.MinutesCirculated}");
            }
        }

        return View(await WithDetailsAsync(form, meeting, ct));
    }

    [HttpGet("approve")]
    public async Task<IActionResult> Approve(int id, CancellationToken ct)
    {
        var meetingAccess = await this.LoadAsync(db.Meetings.AsNoTracking().Include(m => m.Group).Where(m => m.Id == id), Policies.EditGroup, ct, m => m.Group!);
        if (!meetingAccess.Granted(out var meeting, out var refusal))
        {
            return refusal;
        }

        var form = await WithDetailsAsync(new ApproveForm { Version = meeting.Version }, meeting, ct);
        if (form.LaterMeetings.Count == 1)
        {
            form.ApprovedAtMeetingId = int.Parse(form.LaterMeetings[0].Value, CultureInfo.InvariantCulture);
        }

        return View(form);
    }

    [HttpPost("approve")]
    public async Task<IActionResult> Approve(int id, ApproveForm form, [FromServices] IValidator<ApproveForm> validator, CancellationToken ct)
    {
        var meetingAccess = await this.LoadAsync(db.Meetings.Include(m => m.Group).Where(m => m.Id == id), Policies.EditGroup, ct, m => m.Group!);
        if (!meetingAccess.Granted(out var meeting, out var refusal))
        {
            return refusal;
        }

        await WithDetailsAsync(form, meeting, ct);
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (meeting.MinutesStatus == MinutesStatus.Approved)
        {
            ModelState.AddModelError("", "These minutes have already been approved.");
        }
        else if (meeting.MinutesStatus != MinutesStatus.Circulated)
        {
            ModelState.AddModelError("", "Circulate the minutes before they are approved.");
        }

        if (ModelState.IsValid)
        {
            meeting.MinutesStatus = MinutesStatus.Approved;
            meeting.MinutesApprovedAtMeetingId = form.ApprovedAtMeetingId;
            if (await db.SaveEditAsync(meeting, form.Version, ModelState, ct))
            {
                return Redirect($"/meetings/{id}/minutes?notice={Notices.MinutesApproved}");
            }
        }

        return View(form);
    }

    [HttpGet("revisions")]
    public async Task<IActionResult> Revisions(int id, CancellationToken ct)
    {
        var heading = await MinutesDocument.HeadingAsync(db, id, ct);
        if (heading is null)
        {
            return NotFound();
        }

        var revisions = await db.MinutesRevisions.AsNoTracking().Where(r => r.MeetingId == id)
            .OrderByDescending(r => r.Version)
            .Select(r => new { r.Version, r.At, r.By, r.Reason, r.Snapshot })
            .ToListAsync(ct);
        return View(new RevisionsPage
        {
            Meeting = heading,
            Revisions = revisions.Select(r => new RevisionView(r.Version, r.At, r.By, r.Reason, MinutesSnapshotItem.Read(r.Snapshot))).ToList(),
        });
    }

    [HttpGet("print")]
    public async Task<IActionResult> Print(int id, [FromServices] IOptions<PortalOptions> portal, CancellationToken ct)
    {
        var document = await MinutesDocument.LoadAsync(db, id, ct);
        if (document is null)
        {
            return NotFound();
        }

        document.PartnershipName = portal.Value.Name;
        return View(PrintView, document);
    }

    [HttpGet("/meetings/{id:int}/minutes.pdf")]
    public async Task<IActionResult> Pdf(
        int id, [FromServices] IOptions<PortalOptions> portal, [FromServices] ViewRenderer renderer, [FromServices] IPdfPrinter printer, CancellationToken ct)
    {
        var document = await MinutesDocument.LoadAsync(db, id, ct);
        if (document is null)
        {
            return NotFound();
        }

        document.PartnershipName = portal.Value.Name;
        document.ForPrint = true;
        var html = await renderer.RenderAsync(PrintView, document, ControllerContext, new Dictionary<string, object?> { [ViewRenderer.ForPrintKey] = true });
        try
        {
            var pdf = await printer.PrintAsync(html, new PdfPrintOptions
            {
                Title = document.Title,
                RunningHeader = portal.Value.Name,
                HeaderMarker = document.Meeting.MinutesStatus == MinutesStatus.Approved ? null : "DRAFT",
                PageNumbers = true,
            }, ct);
            return File(pdf, "application/pdf", FileName(document));
        }
        catch (PdfPrintException e)
        {
            logger.LogWarning(e, "The PDF of the minutes of meeting {MeetingId} could not be printed", id);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return View("PdfFailed", document.Meeting);
        }
    }

    private static string FileName(MinutesDocument document)
    {
        var group = new string(document.Meeting.GroupName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        while (group.Contains("--", StringComparison.Ordinal))
        {
            group = group.Replace("--", "-", StringComparison.Ordinal);
        }

        return $"minutes-{group.Trim('-')}-{document.Meeting.Date:yyyy-MM-dd}.pdf";
    }

    private async Task NotifyMembersAsync(Meeting meeting, IEmailSender email, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var recipients = await CurrentMemberEmails(meeting.GroupId, today).ToListAsync(ct);
        var link = links.Absolute($"/meetings/{meeting.Id}/minutes");
        var name = $"{meeting.Group!.Name}, {Format.Date(meeting.Date)}";
        foreach (var to in recipients)
        {
            try
            {
                // One message each, so members do not see one another's addresses.
                await email.SendAsync(new EmailMessage(to, $"Minutes circulated: {name}",
                    $"The draft minutes of the {name} meeting have been circulated for comment.\n\nRead them in the portal: {link}\n\n" +
                    "They will be approved at a later meeting of the group."), ct);
            }
            catch (Exception e)
            {
                // The minutes are circulated either way; a failed email must not undo that.
                logger.LogWarning(e, "Could not email the circulated minutes of meeting {MeetingId}", meeting.Id);
            }
        }
    }

    private IQueryable<string> CurrentMemberEmails(int groupId, DateOnly today) =>
        db.GroupMemberships.AsNoTracking()
            .Where(m => m.GroupId == groupId && m.IsLive() && m.IsCurrentOn(today)
                && m.Person!.Email != null && m.Person.IsLive())
            .Select(m => m.Person!.Email!)
            .Distinct();

    private async Task<bool> CanEditAsync(Meeting meeting, CancellationToken ct)
    {
        var group = await db.Groups.AsNoTracking().FirstAsync(g => g.Id == meeting.GroupId, ct);
        return (await authz.AuthorizeAsync(User, group, Policies.EditGroup)).Succeeded;
    }

    /// <summary>Why the minutes cannot be circulated yet, or null when they can.</summary>
    private async Task<string?> CirculateBlockerAsync(Meeting meeting, CancellationToken ct)
    {
        if (meeting.MinutesStatus != MinutesStatus.Draft)
        {
            return $"These minutes were already circulated on {Format.Date(meeting.MinutesCirculatedOn)}.";
        }

        if (meeting.Status != MeetingStatus.Held || meeting.IsArchived())
        {
            return "Minutes can be circulated only after the meeting has been recorded as held. Record it as held on the meeting page first.";
        }

        return await AnyonePresentAsync(meeting.Id, ct)
            ? null
            : "Minutes can be circulated only once the attendance is recorded: nobody is recorded as present at this meeting. Record attendance first.";
    }

    private async Task<bool> AnyonePresentAsync(int meetingId, CancellationToken ct) =>
        (await db.Attendance.AsNoTracking().Where(a => a.MeetingId == meetingId).Select(a => a.Status).ToListAsync(ct)).Any(MeetingSteps.Attended);

    private static bool IsWritable(Meeting meeting) => meeting.Status != MeetingStatus.Cancelled && !meeting.IsArchived();

    /// <summary>Text areas post Windows line ends; blank means no minute.</summary>
    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();

    private async Task<MinutesForm> WithDetailsAsync(MinutesForm form, Meeting meeting, CancellationToken ct)
    {
        form.Meeting = (await MinutesDocument.HeadingAsync(db, meeting.Id, ct))!;
        form.Status = meeting.MinutesStatus;
        form.CanEdit = await CanEditAsync(meeting, ct) && IsWritable(meeting);
        form.Revisions = await db.MinutesRevisions.CountAsync(r => r.MeetingId == meeting.Id, ct);
        form.AnyonePresent = await AnyonePresentAsync(meeting.Id, ct);
        return form;
    }

    private async Task<CirculateForm> WithDetailsAsync(CirculateForm form, Meeting meeting, CancellationToken ct)
    {
        form.Meeting = (await MinutesDocument.HeadingAsync(db, meeting.Id, ct))!;
        form.Recipients = await CurrentMemberEmails(meeting.GroupId, UkTime.Today(clock)).CountAsync(ct);
        return form;
    }

    private async Task<ApproveForm> WithDetailsAsync(ApproveForm form, Meeting meeting, CancellationToken ct)
    {
        form.Meeting = (await MinutesDocument.HeadingAsync(db, meeting.Id, ct))!;
        var later = await db.Meetings.AsNoTracking()
            .Where(m => m.GroupId == meeting.GroupId && m.Id != meeting.Id && m.Date > meeting.Date && m.Status == MeetingStatus.Held && m.IsLive())
            .OrderBy(m => m.Date).ThenBy(m => m.Start)
            .Select(m => new { m.Id, m.Date, m.Title })
            .ToListAsync(ct);
        form.LaterMeetings = later
            .Select(m => new SelectListItem(
                Format.Date(m.Date) + (string.IsNullOrWhiteSpace(m.Title) ? "" : $" ({m.Title})"),
                m.Id.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        return form;
    }
}
