using System.Globalization;
using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure.Govuk;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Meetings;

[Authorize(Policy = Policies.ViewRecords)]
public sealed class MeetingsController(PortalDbContext db, IAuthorizationService authz, QuorumService quorum, TimeProvider clock) : Controller
{
    [HttpGet("meetings")]
    public async Task<IActionResult> Index([FromQuery] MeetingListQuery query, CancellationToken ct)
    {
        var meetings = db.Meetings.AsNoTracking().Where(m => m.IsLive());
        if (query.GroupId is { } groupId)
        {
            meetings = meetings.Where(m => m.GroupId == groupId);
        }

        if (!string.IsNullOrWhiteSpace(query.Year))
        {
            if (ReportingYear.TryParse(query.Year, out var year))
            {
                meetings = meetings.Where(m => m.Date >= year.Start && m.Date <= year.End);
            }
            else
            {
                ModelState.AddModelError("year", "Enter a reporting year like 2023-24");
            }
        }

        if (query.Status is { } status)
        {
            meetings = meetings.Where(m => m.Status == status);
        }

        if (query.Quorate is { } quorate)
        {
            meetings = meetings.Where(m => m.Status == MeetingStatus.Held && m.IsQuorate == quorate);
        }

        var page = await meetings.OrderByDescending(m => m.Date).ThenBy(m => m.Start)
            .Select(m => new MeetingRow(m.Id, m.GroupId, m.Group!.Name, m.Title, m.Date, m.Start, m.Status, m.IsQuorate, m.QuorumStatement,
                m.Attendance.Count(a => a.Status != AttendanceStatus.NotRecorded)))
            .ToPageAsync(query.Page, cancellationToken: ct);
        Group? group = query.GroupId is null ? null : await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == query.GroupId, ct);
        return View(new MeetingList
        {
            Query = query,
            Results = page,
            Groups = await db.GroupOptionsAsync(ct, alwaysInclude: query.GroupId),
            GroupName = group?.Name,
            CanSchedule = group is not null && group.Status == GroupStatus.Active && (await authz.AuthorizeAsync(User, group, Policies.EditGroup)).Succeeded,
            CanAddAnywhere = group is null && (await GroupsToAddToAsync(ct)).Count > 0,
        });
    }

    /// <summary>"Add a meeting" from the list of every group's meetings: first, which group it is for.</summary>
    [HttpGet("meetings/new")]
    public async Task<IActionResult> ChooseGroup(CancellationToken ct)
    {
        var groups = await GroupsToAddToAsync(ct);
        if (groups.Count == 0)
        {
            return Forbid();
        }

        return View(groups);
    }

    // The active groups whose meetings this user may add.
    private async Task<List<Group>> GroupsToAddToAsync(CancellationToken ct)
    {
        // The same rule as the EditGroup policy, asked once for every group rather than once per group.
        var chaired = await ChairOfGroupHandler.ChairedGroupsAsync(db, User, UkTime.Today(clock), ct);
        if (chaired is { Count: 0 })
        {
            return [];
        }

        var active = db.Groups.AsNoTracking().Where(g => g.IsLive() && g.Status == GroupStatus.Active);
        if (chaired is not null)
        {
            var ids = chaired.ToList();
            active = active.Where(g => ids.Contains(g.Id));
        }

        return await active.OrderBy(g => g.SortOrder).ThenBy(g => g.Name).ToListAsync(ct);
    }

    [HttpGet("meetings/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking()
            .Include(m => m.Group)
            .Include(m => m.AgendaItems.Where(a => a.IsLive()).OrderBy(a => a.Order))
            .ThenInclude(a => a.Papers.Where(p => p.IsLive()))
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return NotFound();
        }

        var register = await db.Attendance.AsNoTracking().Where(a => a.MeetingId == id)
            .OrderBy(a => a.Kind).ThenBy(a => a.Person!.FullName)
            .Select(a => new AttendanceRow(a.PersonId, a.Person!.FullName, a.Organisation!.Name, a.Kind, a.Status, a.ApologyReason, a.Deputy == null ? null : a.Deputy.FullName))
            .ToListAsync(ct);
        return View(nameof(Details), new MeetingPage
        {
            Meeting = meeting,
            Register = register,
            CanEdit = (await authz.AuthorizeAsync(User, meeting.Group!, Policies.EditGroup)).Succeeded,
            HasStarted = MeetingSteps.HasStarted(meeting.Date, meeting.Start, clock),
        });
    }

    [HttpGet("groups/{groupId:int}/meetings/new")]
    public async Task<IActionResult> Create(int groupId, CancellationToken ct)
    {
        var groupAccess = await this.LoadAsync(db.Groups.AsNoTracking().Where(g => g.Id == groupId), Policies.EditGroup, ct);
        if (!groupAccess.Granted(out var group, out var refusal))
        {
            return refusal;
        }

        return View("Edit", new MeetingForm
        {
            GroupId = groupId, GroupName = group.Name, Date = UkTime.Today(clock), Start = new TimeOnly(10, 0), End = new TimeOnly(12, 0),
            Status = MeetingStatus.Scheduled,
        });
    }

    [HttpPost("groups/{groupId:int}/meetings/new")]
    public async Task<IActionResult> Create(int groupId, MeetingForm form, [FromServices] IValidator<MeetingForm> validator, CancellationToken ct)
    {
        var groupAccess = await this.LoadAsync(db.Groups.AsNoTracking().Where(g => g.Id == groupId), Policies.EditGroup, ct);
        if (!groupAccess.Granted(out var group, out var refusal))
        {
            return refusal;
        }

        form.Id = 0;
        form.GroupId = groupId;
        form.GroupName = group.Name;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        RefuseHeldBeforeStart(form);
        if (!ModelState.IsValid)
        {
            return View("Edit", form);
        }

        var meeting = new Meeting { GroupId = groupId };
        form.ApplyTo(meeting);
        meeting.QuorumStatement = "No attendance recorded yet";
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return Redirect($"/meetings/{meeting.Id}?notice={Notices.Created}");
    }

    [HttpGet("meetings/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var meetingAccess = await this.LoadAsync(db.Meetings.AsNoTracking().Include(m => m.Group).Where(m => m.Id == id), Policies.EditGroup, ct, m => m.Group!);
        return meetingAccess.Granted(out var meeting, out var refusal) ? View(MeetingForm.From(meeting, meeting.Group!.Name)) : refusal;
    }

    [HttpPost("meetings/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, MeetingForm form, [FromServices] IValidator<MeetingForm> validator, CancellationToken ct)
    {
        var meetingAccess = await this.LoadAsync(db.Meetings.Include(m => m.Group).Where(m => m.Id == id), Policies.EditGroup, ct, m => m.Group!);
        if (!meetingAccess.Granted(out var meeting, out var refusal))
        {
            return refusal;
        }

        form.Id = id;
        form.GroupId = meeting.GroupId;
        form.GroupName = meeting.Group!.Name;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        RefuseHeldBeforeStart(form);
        if (ModelState.IsValid)
        {
            var dateChanged = form.Date != meeting.Date;
            var nowHeld = meeting.Status != MeetingStatus.Held && form.Status == MeetingStatus.Held;
            form.ApplyTo(meeting);
            if (dateChanged)
            {
                // Who could represent a partner depends on the date.
                await quorum.RefreshAsync(meeting, ct);
            }

            if (await db.SaveEditAsync(meeting, form.Version, ModelState, ct))
            {
                return Redirect($"/meetings/{id}?notice={(nowHeld ? Notices.MarkedHeld : Notices.Saved)}");
            }
        }

        return View(form);
    }

    /// <summary>The meeting page's one-step "it took place": the status moves to held once the meeting has started.</summary>
    [HttpPost("meetings/{id:int}/held")]
    public async Task<IActionResult> MarkHeld(int id, Guid version, CancellationToken ct)
    {
        var meetingAccess = await this.LoadAsync(db.Meetings.Include(m => m.Group).Where(m => m.Id == id), Policies.EditGroup, ct, m => m.Group!);
        if (!meetingAccess.Granted(out var meeting, out var refusal))
        {
            return refusal;
        }

        if (meeting.Status == MeetingStatus.Held)
        {
            return Redirect($"/meetings/{id}");
        }

        if (meeting.Status == MeetingStatus.Cancelled || meeting.IsArchived())
        {
            ModelState.AddModelError("", "This meeting was cancelled or archived, so it cannot be recorded as held. Edit the meeting to change its status.");
        }
        else if (!MeetingSteps.HasStarted(meeting.Date, meeting.Start, clock))
        {
            ModelState.AddModelError("", HeldBeforeStartMessage(meeting.Date, meeting.Start));
        }

        if (ModelState.IsValid)
        {
            meeting.Status = MeetingStatus.Held;
            if (await db.SaveEditAsync(meeting, version, ModelState, ct))
            {
                return Redirect($"/meetings/{id}?notice={Notices.MarkedHeld}");
            }
        }

        return await Details(id, ct);
    }

    [HttpPost("meetings/{id:int}/archive")]
    public async Task<IActionResult> Archive(int id, Guid version, CancellationToken ct)
    {
        var groupAccess = await this.LoadAsync(db.Meetings.Where(m => m.Id == id).Select(m => m.Group!), Policies.EditGroup, ct);
        return groupAccess.Granted(out _, out var refusal)
            ? await this.SetArchivedAsync<Meeting>(db, id, version, true, $"/meetings/{id}", clock, ct)
            : refusal;
    }

    [HttpGet("groups/{groupId:int}/meetings/schedule")]
    public async Task<IActionResult> Schedule(int groupId, CancellationToken ct)
    {
        var groupAccess = await this.LoadAsync(db.Groups.AsNoTracking().Where(g => g.Id == groupId), Policies.EditGroup, ct);
        if (!groupAccess.Granted(out var group, out var refusal))
        {
            return refusal;
        }

        return View(new ScheduleForm
        {
            GroupId = groupId, GroupName = group.Name, Frequency = group.Frequency, FirstDate = UkTime.Today(clock),
            Start = new TimeOnly(10, 0), End = new TimeOnly(12, 0), Count = MeetingSchedule.PerYear(group.Frequency),
        });
    }

    [HttpPost("groups/{groupId:int}/meetings/schedule")]
    public async Task<IActionResult> Schedule(int groupId, ScheduleForm form, [FromServices] IValidator<ScheduleForm> validator, CancellationToken ct)
    {
        var groupAccess = await this.LoadAsync(db.Groups.AsNoTracking().Where(g => g.Id == groupId), Policies.EditGroup, ct);
        if (!groupAccess.Granted(out var group, out var refusal))
        {
            return refusal;
        }

        form.GroupId = groupId;
        form.GroupName = group.Name;
        form.Frequency = group.Frequency;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var dates = MeetingSchedule.Dates(form.FirstDate!.Value, group.Frequency, form.Count ?? MeetingSchedule.PerYear(group.Frequency));
        db.Meetings.AddRange(dates.Select(date => new Meeting
        {
            GroupId = groupId, Date = date, Start = form.Start!.Value, End = form.End!.Value,
            Location = form.Location.NullIfBlank(), OnlineLink = form.OnlineLink.NullIfBlank(),
            QuorumStatement = "No attendance recorded yet",
        }));
        await db.SaveChangesAsync(ct);
        return Redirect($"/meetings?groupId={groupId}&notice={Notices.Created}");
    }

    private void RefuseHeldBeforeStart(MeetingForm form)
    {
        if (form.Status == MeetingStatus.Held && form.Date is { } date && form.Start is { } start && !MeetingSteps.HasStarted(date, start, clock))
        {
            ModelState.AddModelError(nameof(form.Status), HeldBeforeStartMessage(date, start));
        }
    }

    private static string HeldBeforeStartMessage(DateOnly date, TimeOnly start) =>
        $"A meeting can be recorded as held only once it has started: this one starts on {Format.Date(date)} at {start:HH:mm}";

    internal static string Name(Meeting meeting, string group) =>
        $"{group}, {meeting.Date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}";
}

public sealed record AttendanceRow(int PersonId, string Person, string Organisation, AttendeeKind Kind, AttendanceStatus Status, string? ApologyReason, string? Deputy);

public sealed class MeetingPage
{
    public required Meeting Meeting { get; init; }
    public required IReadOnlyList<AttendanceRow> Register { get; init; }
    public bool CanEdit { get; init; }
    public bool HasStarted { get; init; }
}
