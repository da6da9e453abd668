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

namespace HscpPortal.Web.Features.Meetings;

/// <summary>
/// The attendance register: one page for everyone invited, with quick entry for each line, and the
/// quorum worked out from what is entered.
/// </summary>
[Authorize(Policy = Policies.ViewRecords)]
[Route("meetings/{meetingId:int}/attendance")]
public sealed class RegisterController(PortalDbContext db, IAuthorizationService authz, QuorumService quorum, TimeProvider clock) : Controller
{
    /// <summary>The register's buttons other than save: each re-shows the register, unsaved, with the change made.</summary>
    public const string AddRows = "add";
    public const string MarkAllPresent = "all-present";

    [HttpGet("")]
    public async Task<IActionResult> Edit(int meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.Include(m => m.Group).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return NotFound();
        }

        if (!await CanEditAsync(meeting))
        {
            return Forbid();
        }

        var form = new RegisterForm { Version = meeting.Version, Lines = await CurrentLinesAsync(meeting, ct) };
        return View(await DescribeAsync(form, meeting, ct));
    }

    [HttpPost("")]
    public async Task<IActionResult> Edit(int meetingId, RegisterForm form, [FromServices] IValidator<RegisterForm> validator, CancellationToken ct)
    {
        var meeting = await db.Meetings.Include(m => m.Group).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return NotFound();
        }

        if (!await CanEditAsync(meeting))
        {
            return Forbid();
        }

        await DescribeLinesAsync(form.Lines, ct);
        // Every button posts the whole register, so nothing typed is lost whichever one is pressed.
        var action = Request.Form["action"].ToString();
        await AddPeopleAsync(form, reportProblems: true, ct);
        if (action is AddRows or MarkAllPresent)
        {
            if (action == MarkAllPresent)
            {
                // Only lines nobody has filled in: an apology or a deputy already entered is kept.
                foreach (var line in form.Lines.Where(l => l.Status == AttendanceStatus.NotRecorded))
                {
                    line.Status = AttendanceStatus.Present;
                }
            }

            // Only problems with the people being added are worth showing before the register is saved.
            foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(nameof(form.Additions), StringComparison.Ordinal)).ToList())
            {
                ModelState.Remove(key);
            }

            form.Unsaved = true;
            return View(await DescribeAsync(form, meeting, ct));
        }

        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        foreach (var name in RegisterRules.DeputiesAlsoAttending(form.Lines.Select(l => new RegisterEntry(l.PersonId, l.PersonName, l.Status, l.DeputyPersonId)).ToList()))
        {
            ModelState.AddModelError("Lines", $"{name}'s deputy is also recorded as attending in their own right: record them once");
        }

        if (!MeetingSteps.HasStarted(meeting.Date, meeting.Start, clock) && form.Lines.Any(l => MeetingSteps.IsKnownOnlyOnTheDay(l.Status)))
        {
            ModelState.AddModelError("Lines",
                $"This meeting starts on {StartsAt(meeting)}. Until then only apologies can be recorded: record who attended once the meeting has started.");
        }

        foreach (var (index, message) in await IneligibleDeputiesAsync(meeting, form.Lines, ct))
        {
            ModelState.AddModelError($"Lines[{index}].DeputyPersonId", message);
        }

        if (!ModelState.IsValid)
        {
            form.Unsaved = true;
            return View(await DescribeAsync(form, meeting, ct));
        }

        var existing = await db.Attendance.Where(a => a.MeetingId == meetingId).ToDictionaryAsync(a => a.PersonId, ct);
        foreach (var line in form.Lines)
        {
            if (!existing.TryGetValue(line.PersonId, out var row))
            {
                row = new Attendance { MeetingId = meetingId, PersonId = line.PersonId };
                db.Attendance.Add(row);
                existing[line.PersonId] = row;
            }

            row.OrganisationId = line.OrganisationId;
            row.Kind = line.Kind;
            row.Status = line.Status;
            row.ApologyReason = line.Status == AttendanceStatus.Apologies ? line.ApologyReason.NullIfBlank() : null;
            row.DeputyPersonId = line.Status == AttendanceStatus.Deputised ? line.DeputyPersonId : null;
        }

        meeting.ApplyQuorum(await quorum.EvaluateAsync(meeting.GroupId, meeting.Date, existing.Values, ct));
        // The meeting's stamp guards the whole register against a second person's stale save.
        db.Entry(meeting).Property(m => m.QuorumStatement).IsModified = true;
        if (!await db.SaveEditAsync(meeting, form.Version, ModelState, ct))
        {
            form.Unsaved = true;
            return View(await DescribeAsync(form, meeting, ct));
        }

        return Redirect($"/meetings/{meetingId}?notice={Notices.AttendanceSaved}");
    }

    /// <summary>Quorum for the register as currently filled in, for the page's live panel (progressive enhancement).</summary>
    [HttpPost("quorum")]
    public async Task<IActionResult> Preview(int meetingId, RegisterForm form, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Group).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return NotFound();
        }

        if (!await CanEditAsync(meeting))
        {
            return Forbid();
        }

        await AddPeopleAsync(form, reportProblems: false, ct);
        var register = form.Lines.Select(l => new Attendance
        {
            PersonId = l.PersonId, OrganisationId = l.OrganisationId, Status = l.Status, DeputyPersonId = l.DeputyPersonId,
        });
        var result = await quorum.EvaluateAsync(meeting.GroupId, meeting.Date, register, ct);
        return PartialView("_Quorum", result);
    }

    /// <summary>
    /// Moves the people chosen in the blank rows into the register as present. Rows naming nobody are dropped; a row
    /// naming someone already in the register, or nobody known, stays where it is with its problem when asked to report it.
    /// </summary>
    private async Task AddPeopleAsync(RegisterForm form, bool reportProblems, CancellationToken ct)
    {
        var chosen = form.Additions.Where(a => a.PersonId is not null).Select(a => a.PersonId!.Value).ToList();
        var people = await db.People.AsNoTracking().Where(p => chosen.Contains(p.Id))
            .Select(p => new { p.Id, p.OrganisationId, p.FullName }).ToDictionaryAsync(p => p.Id, ct);
        var kept = new List<RegisterAddition>();
        foreach (var addition in form.Additions.Where(a => a.PersonId is not null))
        {
            var index = kept.Count;
            if (!people.TryGetValue(addition.PersonId!.Value, out var person))
            {
                kept.Add(addition);
                if (reportProblems)
                {
                    ModelState.AddModelError($"Additions[{index}].PersonId", "Select a person from the list");
                }
            }
            else if (form.Lines.Any(l => l.PersonId == person.Id))
            {
                kept.Add(addition);
                if (reportProblems)
                {
                    ModelState.AddModelError($"Additions[{index}].PersonId", $"{person.FullName} is already in the register");
                }
            }
            else
            {
                form.Lines.Add(new RegisterLine
                {
                    PersonId = person.Id, OrganisationId = person.OrganisationId, Status = AttendanceStatus.Present,
                    Kind = addition.Kind is { } kind && kind != AttendeeKind.Invitee && Enum.IsDefined(kind) ? kind : AttendeeKind.Guest,
                });
            }
        }

        // The bound indexes are gone: errors above were keyed by each row's new place.
        form.Additions = kept;
        await DescribeLinesAsync(form.Lines, ct);
    }

    private static string StartsAt(Meeting meeting) => $"{Format.Date(meeting.Date)} at {meeting.Start:HH:mm}";

    private async Task<List<RegisterLine>> CurrentLinesAsync(Meeting meeting, CancellationToken ct)
    {
        var lines = await db.Attendance.AsNoTracking().Where(a => a.MeetingId == meeting.Id)
            .Select(a => new RegisterLine
            {
                PersonId = a.PersonId, OrganisationId = a.OrganisationId, Kind = a.Kind, Status = a.Status,
                ApologyReason = a.ApologyReason, DeputyPersonId = a.DeputyPersonId,
            })
            .ToListAsync(ct);
        // The invite list defaults to the group's members on the day; later joiners are added as not recorded.
        var members = await db.GroupMemberships.AsNoTracking()
            .Where(m => m.GroupId == meeting.GroupId && m.IsLive() && m.IsCurrentOn(meeting.Date))
            .OrderBy(m => m.Role).ThenBy(m => m.Person!.FullName)
            .Select(m => new { m.PersonId, m.OrganisationId })
            .ToListAsync(ct);
        foreach (var member in members.Where(m => lines.All(l => l.PersonId != m.PersonId)))
        {
            lines.Add(new RegisterLine { PersonId = member.PersonId, OrganisationId = member.OrganisationId, Kind = AttendeeKind.Invitee });
        }

        await DescribeLinesAsync(lines, ct);
        return lines.OrderBy(l => l.Kind).ThenBy(l => l.PersonName).ToList();
    }

    private async Task DescribeLinesAsync(List<RegisterLine> lines, CancellationToken ct)
    {
        var personIds = lines.Select(l => l.PersonId).ToList();
        var organisationIds = lines.Select(l => l.OrganisationId).ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.FullName, p.JobTitle }).ToDictionaryAsync(p => p.Id, ct);
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        lines.RemoveAll(l => !people.ContainsKey(l.PersonId));
        foreach (var line in lines)
        {
            line.PersonName = people[line.PersonId].FullName;
            line.Role = people[line.PersonId].JobTitle;
            line.Organisation = organisations.GetValueOrDefault(line.OrganisationId, "");
        }
    }

    private async Task<RegisterForm> DescribeAsync(RegisterForm form, Meeting meeting, CancellationToken ct)
    {
        form.MeetingId = meeting.Id;
        form.MeetingName = MeetingsController.Name(meeting, meeting.Group!.Name);
        form.People = await db.PersonOptionsAsync(ct);
        form.Deputies = await DeputyOptionsAsync(form, meeting.Date, ct);
        var register = form.Lines.Select(l => new Attendance
        {
            PersonId = l.PersonId, OrganisationId = l.OrganisationId, Status = l.Status, DeputyPersonId = l.DeputyPersonId,
        });
        form.Quorum = await quorum.EvaluateAsync(meeting.GroupId, meeting.Date, register, ct);
        form.HasStarted = MeetingSteps.HasStarted(meeting.Date, meeting.Start, clock);
        form.StartsAt = StartsAt(meeting);
        while (form.Additions.Count < RegisterForm.BlankAdditions)
        {
            form.Additions.Add(new RegisterAddition());
        }

        return form;
    }

    /// <summary>
    /// Deputies that break the register's deputy rule (<see cref="Partnership.CanDeputise"/>). Only a deputy chosen in
    /// this save is checked, so a register recorded before the rule can still be corrected line by line.
    /// </summary>
    private async Task<List<(int Index, string Message)>> IneligibleDeputiesAsync(Meeting meeting, List<RegisterLine> lines, CancellationToken ct)
    {
        var stored = await db.Attendance.AsNoTracking().Where(a => a.MeetingId == meeting.Id && a.DeputyPersonId != null)
            .ToDictionaryAsync(a => a.PersonId, a => a.DeputyPersonId, ct);
        var chosen = lines.Select((line, index) => (Line: line, Index: index))
            .Where(x => x.Line.Status == AttendanceStatus.Deputised && x.Line.DeputyPersonId is not null
                && stored.GetValueOrDefault(x.Line.PersonId) != x.Line.DeputyPersonId)
            .ToList();
        if (chosen.Count == 0)
        {
            return [];
        }

        var deputyIds = chosen.Select(x => x.Line.DeputyPersonId!.Value).Distinct().ToList();
        var organisationOf = await db.People.AsNoTracking().Where(p => deputyIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.OrganisationId, ct);
        var history = await db.PartnerRepresentatives.AsNoTracking().Where(r => deputyIds.Contains(r.PersonId)).ToListAsync(ct);
        return chosen
            .Where(x => !organisationOf.TryGetValue(x.Line.DeputyPersonId!.Value, out var organisationId)
                || !Partnership.CanDeputise(history, x.Line.OrganisationId, x.Line.DeputyPersonId.Value, organisationId, meeting.Date))
            .Select(x => (x.Index, $"Choose a deputy for {x.Line.PersonName} from {x.Line.Organisation} or its named deputies"))
            .ToList();
    }

    /// <summary>
    /// For each seat's organisation on the register, the people who may deputise (Partnership.CanDeputise): its own
    /// people and those who represent it as a statutory partner on the day; a deputy already chosen stays offered.
    /// </summary>
    private async Task<Dictionary<int, List<SelectListItem>>> DeputyOptionsAsync(RegisterForm form, DateOnly date, CancellationToken ct)
    {
        var seats = form.Lines.Select(l => l.OrganisationId).Distinct().ToList();
        var chosen = form.Lines.Where(l => l.DeputyPersonId is not null).Select(l => l.DeputyPersonId!.Value).ToList();
        var representatives = await db.PartnerRepresentatives.AsNoTracking().Where(r => seats.Contains(r.OrganisationId)).ToListAsync(ct);
        var representing = representatives.Select(r => r.PersonId).ToHashSet();
        var people = await db.People.AsNoTracking()
            .Where(p => (p.IsLive() && (seats.Contains(p.OrganisationId) || representing.Contains(p.Id))) || chosen.Contains(p.Id))
            .OrderBy(p => p.FullName)
            .Select(p => new { p.Id, p.OrganisationId, Text = p.FullName + " – " + p.Organisation!.Name })
            .ToListAsync(ct);
        return seats.ToDictionary(seat => seat, seat => people
            .Where(p => Partnership.CanDeputise(representatives, seat, p.Id, p.OrganisationId, date)
                || form.Lines.Any(l => l.OrganisationId == seat && l.DeputyPersonId == p.Id))
            .Select(p => new SelectListItem(p.Text, p.Id.ToString(CultureInfo.InvariantCulture)))
            .ToList());
    }

    private async Task<bool> CanEditAsync(Meeting meeting) => (await authz.AuthorizeAsync(User, meeting.Group!, Policies.EditGroup)).Succeeded;
}
