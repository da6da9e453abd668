using System.Linq.Expressions;
using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure;
using HscpPortal.Web.Infrastructure.Govuk;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Meetings;

/// <summary>A meeting's agenda items and their papers.</summary>
[Authorize(Policy = Policies.ViewRecords)]
public sealed class AgendaController(PortalDbContext db, IAuthorizationService authz, TimeProvider clock) : Controller
{
    private const long MaxRequestBytes = 60L * 1024 * 1024;

    [HttpGet("meetings/{meetingId:int}/agenda/new")]
    public async Task<IActionResult> Create(int meetingId, CancellationToken ct)
    {
        var meetingAccess = await EditableMeetingAsync(meetingId, ct);
        if (!meetingAccess.Granted(out var meeting, out var refusal))
        {
            return refusal;
        }

        var next = await db.AgendaItems.Where(a => a.MeetingId == meetingId && a.IsLive()).MaxAsync(a => (int?)a.Order, ct) ?? 0;
        return View("Item", new AgendaItemForm { MeetingId = meetingId, Order = next + 1, Purpose = AgendaPurpose.Discussion, MeetingName = MeetingsController.Name(meeting, meeting.Group!.Name) });
    }

    [HttpPost("meetings/{meetingId:int}/agenda/new")]
    public Task<IActionResult> Create(int meetingId, AgendaItemForm form, [FromServices] IValidator<AgendaItemForm> validator, CancellationToken ct) =>
        SaveAsync(meetingId, 0, form, validator, ct);

    [HttpGet("meetings/{meetingId:int}/agenda/{id:int}")]
    public async Task<IActionResult> Edit(int meetingId, int id, CancellationToken ct)
    {
        var meetingAccess = await EditableMeetingAsync(meetingId, ct, m => m.AgendaItems.Any(a => a.Id == id));
        if (!meetingAccess.Granted(out var meeting, out var refusal))
        {
            return refusal;
        }

        var item = await db.AgendaItems.AsNoTracking().Include(a => a.Papers.Where(p => p.IsLive())).FirstAsync(a => a.Id == id, ct);

        ViewBag.Papers = item.Papers;
        ViewBag.RemovedPapers = await db.Papers.AsNoTracking().Where(p => p.AgendaItemId == id && p.IsArchived()).OrderBy(p => p.Id).ToListAsync(ct);
        return View("Item", new AgendaItemForm
        {
            Id = id, Version = item.Version, MeetingId = meetingId, Order = item.Order, Title = item.Title, Presenter = item.Presenter,
            Purpose = item.Purpose, MeetingName = MeetingsController.Name(meeting, meeting.Group!.Name),
        });
    }

    [HttpPost("meetings/{meetingId:int}/agenda/{id:int}")]
    public Task<IActionResult> Edit(int meetingId, int id, AgendaItemForm form, [FromServices] IValidator<AgendaItemForm> validator, CancellationToken ct) =>
        SaveAsync(meetingId, id, form, validator, ct);

    [HttpPost("meetings/{meetingId:int}/agenda/{id:int}/archive")]
    public async Task<IActionResult> Archive(int meetingId, int id, Guid version, CancellationToken ct)
    {
        var meetingAccess = await EditableMeetingAsync(meetingId, ct, m => m.AgendaItems.Any(a => a.Id == id));
        return meetingAccess.Granted(out _, out var refusal)
            ? await this.SetArchivedAsync<AgendaItem>(db, id, version, true, $"/meetings/{meetingId}", clock, ct)
            : refusal;
    }

    [HttpPost("meetings/{meetingId:int}/agenda/{id:int}/papers")]
    [RequestSizeLimit(MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
    public async Task<IActionResult> AddPaper(
        int meetingId, int id, [Bind(Prefix = "Paper")] PaperForm form, [FromServices] FileStore store, CancellationToken ct)
    {
        var meetingAccess = await EditableMeetingAsync(meetingId, ct, m => m.AgendaItems.Any(a => a.Id == id));
        if (!meetingAccess.Granted(out var meeting, out var refusal))
        {
            return refusal;
        }

        var item = await db.AgendaItems.FirstAsync(a => a.Id == id, ct);

        var paper = new Paper { AgendaItemId = id, Title = form.Title?.Trim() ?? "" };
        if (string.IsNullOrWhiteSpace(form.Title))
        {
            ModelState.AddModelError("Paper.Title", "Enter the paper's title");
        }
        else if (form.Title.Length > 300)
        {
            ModelState.AddModelError("Paper.Title", "Title must be 300 characters or fewer");
        }

        if (form.File is null == string.IsNullOrWhiteSpace(form.Url))
        {
            ModelState.AddModelError("Paper.File", "Choose a file to upload or enter a link, not both");
        }
        else if (form.File is not null)
        {
            var problem = await store.SaveAsync(form.File, paper, ct);
            if (problem is not null)
            {
                ModelState.AddModelError("Paper.File", problem);
            }
        }
        else if (!MeetingFormValidator.BeHttpsLink(form.Url) || form.Url!.Length > 1000)
        {
            ModelState.AddModelError("Paper.Url", "Enter a link that starts with https://");
        }
        else
        {
            paper.Url = form.Url.Trim();
        }

        if (!ModelState.IsValid)
        {
            if (paper.StoredName is not null)
            {
                store.Delete(paper.StoredName);
            }

            ViewBag.Papers = await db.Papers.AsNoTracking().Where(p => p.AgendaItemId == id && p.IsLive()).ToListAsync(ct);
            ViewBag.PaperForm = form;
            return View("Item", new AgendaItemForm
            {
                Id = id, Version = item.Version, MeetingId = meetingId, Order = item.Order, Title = item.Title, Presenter = item.Presenter,
                Purpose = item.Purpose, MeetingName = MeetingsController.Name(meeting, meeting.Group!.Name),
            });
        }

        db.Papers.Add(paper);
        await db.SaveChangesAsync(ct);
        return Redirect($"/meetings/{meetingId}/agenda/{id}?notice={Notices.Created}");
    }

    [HttpPost("meetings/{meetingId:int}/agenda/{id:int}/papers/{paperId:int}/archive")]
    public async Task<IActionResult> ArchivePaper(int meetingId, int id, int paperId, Guid version, CancellationToken ct)
    {
        var meetingAccess = await EditableMeetingAsync(meetingId, ct, m => m.AgendaItems.Any(a => a.Id == id && a.Papers.Any(p => p.Id == paperId)));
        return meetingAccess.Granted(out _, out var refusal)
            ? await this.SetArchivedAsync<Paper>(db, paperId, version, true, $"/meetings/{meetingId}/agenda/{id}", clock, ct)
            : refusal;
    }

    /// <summary>
    /// A paper's file or link. A removed paper (or one on a removed item or meeting) answers as if it did not exist,
    /// except to those who may edit the meeting: it may have been removed because it should not have been shared.
    /// </summary>
    [HttpGet("papers/{id:int}")]
    public async Task<IActionResult> Download(int id, [FromServices] FileStore store, CancellationToken ct)
    {
        var paper = await db.Papers.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new
            {
                Paper = p,
                p.AgendaItem!.Meeting!.Group,
                Removed = p.IsArchived() || p.AgendaItem.IsArchived() || p.AgendaItem.Meeting.IsArchived(),
            })
            .FirstOrDefaultAsync(ct);
        if (paper is null || paper.Paper.PurgedAt is not null)
        {
            return NotFound();
        }

        if (paper.Removed && !(await authz.AuthorizeAsync(User, paper.Group!, Policies.EditGroup)).Succeeded)
        {
            return NotFound();
        }

        if (paper.Paper.Url is not null)
        {
            return Redirect(paper.Paper.Url);
        }

        var stream = store.Open(paper.Paper.StoredName!);
        return stream is null ? NotFound() : File(stream, paper.Paper.ContentType ?? "application/octet-stream", paper.Paper.FileName);
    }

    [HttpGet("papers/{id:int}/purge")]
    [Authorize(Policy = Policies.PurgeFiles)]
    public async Task<IActionResult> Purge(int id, CancellationToken ct)
    {
        var page = await PurgePageAsync(id, new PurgePaperForm(), ct);
        if (page is null)
        {
            return NotFound();
        }

        page.Form.Version = page.Version;
        return View("PurgePaper", page);
    }

    /// <summary>
    /// Destroys a paper's file for good, for a file uploaded by mistake with personal data in it. The paper's record
    /// stays (archived, with the file's name and hash), and the audit trail says who destroyed it and why.
    /// </summary>
    [HttpPost("papers/{id:int}/purge")]
    [Authorize(Policy = Policies.PurgeFiles)]
    public async Task<IActionResult> Purge(int id, [Bind(Prefix = "Form")] PurgePaperForm form, [FromServices] IValidator<PurgePaperForm> validator,
        [FromServices] FileStore store, CancellationToken ct)
    {
        var page = await PurgePageAsync(id, form, ct);
        if (page is null)
        {
            return NotFound();
        }

        ModelState.AddErrors(await validator.ValidateAsync(form, ct), prefix: "Form");
        if (!ModelState.IsValid)
        {
            return View("PurgePaper", page);
        }

        var paper = await db.Papers.FirstAsync(p => p.Id == id, ct);
        var stored = paper.StoredName!;
        paper.Archive(true, User.Identity?.Name, clock);
        paper.StoredName = null;
        paper.PurgedAt = clock.GetUtcNow().UtcDateTime;
        paper.PurgeReason = form.Reason!.Trim();
        if (!await db.SaveEditAsync(paper, form.Version, ModelState, ct))
        {
            return View("PurgePaper", await PurgePageAsync(id, form, ct));
        }

        // The record says the file is gone before it goes: a crash in between leaves an orphan file, never a dangling record.
        store.Delete(stored);
        return Redirect($"/meetings/{page.MeetingId}/agenda/{page.AgendaItemId}?notice={Notices.Purged}");
    }

    private async Task<PurgePaperPage?> PurgePageAsync(int id, PurgePaperForm form, CancellationToken ct)
    {
        var paper = await db.Papers.AsNoTracking().Where(p => p.Id == id && p.StoredName != null && p.PurgedAt == null)
            .Select(p => new { p.Id, p.Title, p.FileName, p.Size, p.Version, p.AgendaItemId, p.AgendaItem!.MeetingId, ItemTitle = p.AgendaItem.Title, p.AgendaItem.Meeting!.Date, GroupName = p.AgendaItem.Meeting.Group!.Name })
            .FirstOrDefaultAsync(ct);
        if (paper is null)
        {
            return null;
        }

        return new PurgePaperPage(paper.Id, paper.Title, paper.FileName ?? "", paper.Size, paper.AgendaItemId, paper.MeetingId, paper.ItemTitle,
            $"{paper.GroupName}, {Format.Date(paper.Date)}", paper.Version, form);
    }

    private async Task<IActionResult> SaveAsync(int meetingId, int id, AgendaItemForm form, IValidator<AgendaItemForm> validator, CancellationToken ct)
    {
        var meetingAccess = await EditableMeetingAsync(meetingId, ct);
        if (!meetingAccess.Granted(out var meeting, out var refusal))
        {
            return refusal;
        }

        var item = id == 0 ? new AgendaItem { MeetingId = meetingId, Title = "" }
            : await db.AgendaItems.FirstOrDefaultAsync(a => a.Id == id && a.MeetingId == meetingId, ct);
        if (item is null)
        {
            return NotFound();
        }

        form.Id = id;
        form.MeetingId = meetingId;
        form.MeetingName = MeetingsController.Name(meeting, meeting.Group!.Name);
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (ModelState.IsValid)
        {
            item.Order = form.Order!.Value;
            item.Title = form.Title!.Trim();
            item.Presenter = form.Presenter.NullIfBlank();
            item.Purpose = form.Purpose!.Value;
            if (id == 0)
            {
                db.AgendaItems.Add(item);
                await db.SaveChangesAsync(ct);
                return Redirect($"/meetings/{meetingId}?notice={Notices.Created}");
            }

            if (await db.SaveEditAsync(item, form.Version, ModelState, ct))
            {
                return Redirect($"/meetings/{meetingId}?notice={Notices.Saved}");
            }
        }

        ViewBag.Papers = id == 0 ? null : await db.Papers.AsNoTracking().Where(p => p.AgendaItemId == id && p.IsLive()).ToListAsync(ct);
        return View("Item", form);
    }

    // An item or paper that is not the meeting's is as missing as the meeting: 404 before the policy is asked.
    private Task<Access<Meeting>> EditableMeetingAsync(int id, CancellationToken ct, Expression<Func<Meeting, bool>>? holds = null)
    {
        var meeting = db.Meetings.AsNoTracking().Include(m => m.Group).Where(m => m.Id == id);
        return this.LoadAsync(holds is null ? meeting : meeting.Where(holds), Policies.EditGroup, ct, m => m.Group!);
    }
}

public sealed record PurgePaperPage(int PaperId, string Title, string FileName, long Size, int AgendaItemId, int MeetingId, string ItemTitle, string MeetingName, Guid Version, PurgePaperForm Form);

public sealed class PurgePaperForm
{
    public string? Reason { get; set; }
    public Guid Version { get; set; }
}

public sealed class PurgePaperFormValidator : AbstractValidator<PurgePaperForm>
{
    public PurgePaperFormValidator() =>
        RuleFor(f => f.Reason).NotEmpty().WithMessage("Enter why the file must be destroyed")
            .MaximumLength(500).WithMessage("Reason must be 500 characters or fewer");
}
