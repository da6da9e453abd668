using System.Globalization;
using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure.Govuk;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Decisions;

[Authorize(Policy = Policies.ViewRecords)]
public sealed class DecisionsController(PortalDbContext db, IAuthorizationService authz, TimeProvider clock) : Controller
{
    [HttpGet("decisions")]
    public async Task<IActionResult> Index([FromQuery] DecisionListQuery query, CancellationToken ct)
    {
        var decisions = db.Decisions.AsNoTracking().Where(d => d.IsLive() && d.Meeting!.IsLive());
        if (query.Group is { } groupId)
        {
            decisions = decisions.Where(d => d.Meeting!.GroupId == groupId);
        }

        var yearGiven = !string.IsNullOrWhiteSpace(query.Year);
        var yearKnown = ReportingYear.TryParse(query.Year, out var year);
        if (yearKnown)
        {
            decisions = decisions.Where(d => d.Meeting!.Date >= year.Start && d.Meeting.Date <= year.End);
        }

        if (query.Key)
        {
            decisions = decisions.Where(d => d.IsKey);
        }

        if (query.Ratification)
        {
            decisions = decisions.NeedingRatification();
        }

        if (query.Q.NullIfBlank() is { } q)
        {
            // LIKE rather than Contains: case-insensitive on SQLite as well as SQL Server.
            var pattern = "%" + q.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            decisions = decisions.Where(d => EF.Functions.Like(d.Title, pattern, "\\") || (d.Detail != null && EF.Functions.Like(d.Detail, pattern, "\\")));
        }

        var page = await decisions
            .OrderByDescending(d => d.Meeting!.Date).ThenBy(d => d.AgendaItem!.Order).ThenBy(d => d.Id)
            .Select(d => new DecisionRow(
                d.Id, d.Title, d.IsKey,
                d.IsKey && !d.Meeting!.IsQuorate && d.RatifiedAtMeetingId == null,
                d.RatifiedAtMeetingId, d.RatifiedAtMeetingId == null ? null : (DateOnly?)d.RatifiedAt!.Date,
                d.MeetingId, d.Meeting!.Title ?? "Meeting", d.Meeting.Date, d.Meeting.GroupId, d.Meeting.Group!.Name,
                d.AgendaItem!.Title))
            .ToPageAsync(query.Page, cancellationToken: ct);

        var groups = await db.Groups.AsNoTracking()
            .OrderBy(g => g.SortOrder).ThenBy(g => g.Name)
            .Select(g => new SelectListItem(g.Name, g.Id.ToString(CultureInfo.InvariantCulture)))
            .ToListAsync(ct);
        return View(new DecisionList
        {
            Query = query,
            Results = page,
            Groups = groups,
            Years = await YearsAsync(ct),
            YearNotRecognised = yearGiven && !yearKnown,
        });
    }

    [HttpGet("decisions/ratification")]
    public async Task<IActionResult> Ratification(CancellationToken ct)
    {
        var rows = await db.Decisions.AsNoTracking().NeedingRatification()
            .OrderBy(d => d.Meeting!.Date).ThenBy(d => d.Id)
            .Select(d => new RatificationRow(d.Id, d.Title, d.Meeting!.GroupId, d.Meeting.Group!.Name, d.MeetingId, d.Meeting.Title ?? "Meeting", d.Meeting.Date, d.Meeting.QuorumStatement))
            .ToListAsync(ct);
        var canRatify = new HashSet<int>();
        foreach (var groupId in rows.Select(r => r.GroupId).Distinct())
        {
            if (await authz.CanEditGroupAsync(User, db, groupId, ct))
            {
                canRatify.Add(groupId);
            }
        }

        return View(new RatificationList { Rows = rows, CanRatifyFor = canRatify });
    }

    [HttpGet("decisions/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var decision = await db.Decisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        var summary = await SummaryAsync(id, ct);
        if (decision is null || summary is null)
        {
            return NotFound();
        }

        return View(new DecisionDetails
        {
            Decision = decision,
            Summary = summary,
            CanEdit = await authz.CanEditGroupAsync(User, db, summary.Meeting.GroupId, ct),
        });
    }

    [HttpGet("meetings/{meetingId:int}/decisions/new")]
    public async Task<IActionResult> Create(int meetingId, int? agendaItemId, CancellationToken ct)
    {
        var meeting = await db.MeetingSummaryAsync(meetingId, ct);
        if (meeting is null)
        {
            return NotFound();
        }

        if (!await authz.CanEditGroupAsync(User, db, meeting.GroupId, ct))
        {
            return Forbid();
        }

        return View("Edit", await WithOptionsAsync(new DecisionForm { MeetingId = meetingId, AgendaItemId = agendaItemId }, meeting, ct));
    }

    [HttpPost("meetings/{meetingId:int}/decisions/new")]
    public async Task<IActionResult> Create(int meetingId, DecisionForm form, [FromServices] IValidator<DecisionForm> validator, CancellationToken ct)
    {
        var meeting = await db.MeetingSummaryAsync(meetingId, ct);
        if (meeting is null)
        {
            return NotFound();
        }

        if (!await authz.CanEditGroupAsync(User, db, meeting.GroupId, ct))
        {
            return Forbid();
        }

        form.Id = 0;
        form.MeetingId = meetingId;
        form.LinkedAgendaItemId = null;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (meeting.Status == MeetingStatus.Cancelled)
        {
            ModelState.AddModelError("", "This meeting was cancelled, so no decisions were taken at it");
        }

        if (!ModelState.IsValid)
        {
            return View("Edit", await WithOptionsAsync(form, meeting, ct));
        }

        var decision = new Decision { MeetingId = meetingId, Title = "" };
        form.ApplyTo(decision);
        db.Decisions.Add(decision);
        await db.SaveChangesAsync(ct);
        return Redirect($"/decisions/{decision.Id}?notice={Notices.Created}");
    }

    [HttpGet("decisions/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var decision = await db.Decisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        var meeting = decision is null ? null : await db.MeetingSummaryAsync(decision.MeetingId, ct);
        if (decision is null || meeting is null)
        {
            return NotFound();
        }

        if (!await authz.CanEditGroupAsync(User, db, meeting.GroupId, ct))
        {
            return Forbid();
        }

        return View(await WithOptionsAsync(DecisionForm.From(decision), meeting, ct));
    }

    [HttpPost("decisions/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, DecisionForm form, [FromServices] IValidator<DecisionForm> validator, CancellationToken ct)
    {
        var decision = await db.Decisions.FirstOrDefaultAsync(d => d.Id == id, ct);
        var meeting = decision is null ? null : await db.MeetingSummaryAsync(decision.MeetingId, ct);
        if (decision is null || meeting is null)
        {
            return NotFound();
        }

        if (!await authz.CanEditGroupAsync(User, db, meeting.GroupId, ct))
        {
            return Forbid();
        }

        // The meeting and the item already linked come from the record, never from the posted form.
        form.Id = id;
        form.MeetingId = decision.MeetingId;
        form.LinkedAgendaItemId = decision.AgendaItemId;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (ModelState.IsValid)
        {
            form.ApplyTo(decision);
            if (await db.SaveEditAsync(decision, form.Version, ModelState, ct))
            {
                return Redirect($"/decisions/{id}?notice={Notices.Saved}");
            }
        }

        return View(await WithOptionsAsync(form, meeting, ct));
    }

    [HttpPost("decisions/{id:int}/archive")]
    public Task<IActionResult> Archive(int id, Guid version, CancellationToken ct) => SetArchived(id, version, true, ct);

    [HttpPost("decisions/{id:int}/restore")]
    public Task<IActionResult> Restore(int id, Guid version, CancellationToken ct) => SetArchived(id, version, false, ct);

    [HttpGet("decisions/{id:int}/ratify")]
    public async Task<IActionResult> Ratify(int id, CancellationToken ct)
    {
        var decision = await db.Decisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        var summary = await SummaryAsync(id, ct);
        if (decision is null || summary is null)
        {
            return NotFound();
        }

        if (!await authz.CanEditGroupAsync(User, db, summary.Meeting.GroupId, ct))
        {
            return Forbid();
        }

        return View(await WithOptionsAsync(new RatifyForm { DecisionId = id, Version = decision.Version }, summary, ct));
    }

    [HttpPost("decisions/{id:int}/ratify")]
    public async Task<IActionResult> Ratify(int id, RatifyForm form, [FromServices] IValidator<RatifyForm> validator, CancellationToken ct)
    {
        var decision = await db.Decisions.FirstOrDefaultAsync(d => d.Id == id, ct);
        var summary = await SummaryAsync(id, ct);
        if (decision is null || summary is null)
        {
            return NotFound();
        }

        if (!await authz.CanEditGroupAsync(User, db, summary.Meeting.GroupId, ct))
        {
            return Forbid();
        }

        form.DecisionId = id;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (ModelState.IsValid)
        {
            decision.RatifiedAtMeetingId = form.MeetingId;
            if (await db.SaveEditAsync(decision, form.Version, ModelState, ct))
            {
                return Redirect($"/decisions/{id}?notice={Notices.Saved}");
            }
        }

        return View(await WithOptionsAsync(form, summary, ct));
    }

    private async Task<IActionResult> SetArchived(int id, Guid version, bool archive, CancellationToken ct)
    {
        var groupId = await db.Decisions.Where(d => d.Id == id).Select(d => (int?)d.Meeting!.GroupId).FirstOrDefaultAsync(ct);
        if (groupId is null)
        {
            return NotFound();
        }

        if (!await authz.CanEditGroupAsync(User, db, groupId.Value, ct))
        {
            return Forbid();
        }

        return await this.SetArchivedAsync<Decision>(db, id, version, archive, $"/decisions/{id}", clock, ct);
    }

    private Task<DecisionSummary?> SummaryAsync(int id, CancellationToken ct) =>
        db.Decisions.AsNoTracking()
            .Where(d => d.Id == id)
            .Select(d => new DecisionSummary(
                d.Id, d.Title, d.Detail, d.IsKey,
                new MeetingSummary(d.MeetingId, d.Meeting!.GroupId, d.Meeting.Group!.Name, d.Meeting.Title ?? "Meeting", d.Meeting.Date, d.Meeting.Status, d.Meeting.IsQuorate, d.Meeting.QuorumStatement),
                d.AgendaItemId, d.AgendaItem!.Title, (int?)d.AgendaItem.Order,
                d.RatifiedAtMeetingId, d.RatifiedAtMeetingId == null ? null : d.RatifiedAt!.Title ?? "Meeting", (DateOnly?)d.RatifiedAt!.Date,
                d.IsArchived()))
            .FirstOrDefaultAsync(ct);

    /// <summary>Every reporting year from the earliest decision to the current one, newest first.</summary>
    private async Task<IReadOnlyList<string>> YearsAsync(CancellationToken ct)
    {
        var current = ReportingYear.Containing(UkTime.Today(clock));
        var earliest = await db.Decisions.Select(d => (DateOnly?)d.Meeting!.Date).MinAsync(ct);
        var latest = await db.Decisions.Select(d => (DateOnly?)d.Meeting!.Date).MaxAsync(ct);
        var first = earliest is { } e ? ReportingYear.Containing(e) : current;
        var last = latest is { } l && ReportingYear.Containing(l).StartYear > current.StartYear ? ReportingYear.Containing(l) : current;
        return Enumerable.Range(first.StartYear, Math.Max(1, last.StartYear - first.StartYear + 1))
            .Reverse().Select(y => new ReportingYear(y).ToString()).ToList();
    }

    private async Task<DecisionForm> WithOptionsAsync(DecisionForm form, MeetingSummary meeting, CancellationToken ct)
    {
        form.Meeting = meeting;
        form.AgendaItems = await db.AgendaItemOptionsAsync(meeting.Id, ct, form.LinkedAgendaItemId);
        return form;
    }

    private async Task<RatifyForm> WithOptionsAsync(RatifyForm form, DecisionSummary decision, CancellationToken ct)
    {
        form.Decision = decision;
        var taken = decision.Meeting;
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.GroupId == taken.GroupId && m.Date > taken.Date && m.Status == MeetingStatus.Held && m.IsQuorate && m.IsLive())
            .OrderBy(m => m.Date)
            .Select(m => new { m.Id, Title = m.Title ?? "Meeting", m.Date })
            .ToListAsync(ct);
        form.Meetings = meetings.Select(m => new SelectListItem($"{m.Title}, {Format.Date(m.Date)}", m.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        return form;
    }
}
