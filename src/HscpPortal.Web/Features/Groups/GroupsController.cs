using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure.Govuk;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Groups;

[Route("groups")]
[Authorize(Policy = Policies.ViewRecords)]
public sealed class GroupsController(PortalDbContext db, IAuthorizationService authz, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] GroupListQuery query, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var groups = db.Groups.AsNoTracking();
        groups = query.Status switch
        {
            "dissolved" => groups.Where(g => g.Status == GroupStatus.Dissolved),
            "archived" => groups.Where(g => g.IsArchived()),
            "all" => groups,
            _ => groups.Where(g => g.Status == GroupStatus.Active && g.IsLive()),
        };
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            groups = groups.Where(g => g.Name.Contains(q) || (g.ShortName != null && g.ShortName.Contains(q)));
        }

        if (query.Kind is { } kind)
        {
            groups = groups.Where(g => g.Kind == kind);
        }

        var page = await groups.OrderBy(g => g.SortOrder).ThenBy(g => g.Name)
            .Select(g => new GroupRow(
                g.Id, g.Name, g.ShortName, g.Kind, g.Status, g.ReportsTo!.Name,
                g.Memberships.Where(m => m.Role == MembershipRole.Chair && m.IsLive() && m.IsCurrentOn(today))
                    .Select(m => m.Person!.FullName).FirstOrDefault(),
                g.Frequency,
                g.Memberships.Count(m => m.IsLive() && m.IsCurrentOn(today)),
                g.IsArchived()))
            .ToPageAsync(query.Page, cancellationToken: ct);
        return View(new GroupList { Query = query, Results = page });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var group = await db.Groups.AsNoTracking().Include(g => g.ReportsTo).FirstOrDefaultAsync(g => g.Id == id, ct);
        if (group is null)
        {
            return NotFound();
        }

        var today = UkTime.Today(clock);
        var members = await db.GroupMemberships.AsNoTracking()
            .Where(m => m.GroupId == id && m.IsLive())
            .OrderBy(m => m.Role).ThenBy(m => m.Person!.FullName)
            .Select(m => new MemberRow(m.Id, m.PersonId, m.Person!.FullName, m.Person.JobTitle, m.OrganisationId, m.Organisation!.Name, m.Role, m.From, m.To, m.Version))
            .ToListAsync(ct);
        var coreSeats = group.Kind == GroupKind.MultiAgencyChildProtectionTeam
            ? ChildProtectionTeam.CoreSeats(await db.GroupMemberships.AsNoTracking()
                .Where(m => m.GroupId == id && m.IsLive() && m.IsCurrentOn(today))
                .Select(m => new TeamMember(m.PersonId, m.Person!.FullName, m.Organisation!.Name, m.Organisation.Sector,
                    m.NominatedBy == null ? null : m.NominatedBy.FullName))
                .ToListAsync(ct))
            : null;
        return View(new GroupDetails
        {
            Group = group,
            CoreSeats = coreSeats,
            Current = members.Where(m => Period.Contains(m.From, m.To, today)).ToList(),
            Past = members.Where(m => !Period.Contains(m.From, m.To, today)).OrderByDescending(m => m.To).ToList(),
            ReportingToThis = await db.Groups.AsNoTracking().Where(g => g.ReportsToId == id && g.IsLive())
                .OrderBy(g => g.SortOrder).Select(g => new GroupLink(g.Id, g.Name, g.Status)).ToListAsync(ct),
            WorkPassedTo = await db.GroupSuccessions.AsNoTracking().Where(s => s.FromGroupId == id)
                .Select(s => new GroupLink(s.ToGroupId, s.ToGroup!.Name, s.ToGroup.Status)).ToListAsync(ct),
            TookWorkFrom = await db.GroupSuccessions.AsNoTracking().Where(s => s.ToGroupId == id)
                .Select(s => new GroupLink(s.FromGroupId, s.FromGroup!.Name, s.FromGroup.Status)).ToListAsync(ct),
            CanEdit = (await authz.AuthorizeAsync(User, group, Policies.EditGroup)).Succeeded,
            CanManage = (await authz.AuthorizeAsync(User, Policies.ManageStructure)).Succeeded,
        });
    }

    [HttpGet("new")]
    [Authorize(Policy = Policies.ManageStructure)]
    public async Task<IActionResult> Create(CancellationToken ct) =>
        View("Edit", await WithOptionsAsync(new GroupForm { Kind = GroupKind.Subgroup, Frequency = MeetingFrequency.Quarterly, QuorumRule = QuorumRule.PartnerOrganisationsPresent }, ct));

    [HttpPost("new")]
    [Authorize(Policy = Policies.ManageStructure)]
    public async Task<IActionResult> Create(GroupForm form, [FromServices] IValidator<GroupForm> validator, CancellationToken ct)
    {
        form.Id = 0;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!ModelState.IsValid)
        {
            return View("Edit", await WithOptionsAsync(form, ct));
        }

        var group = new Group { Name = "" };
        form.ApplyTo(group);
        db.Groups.Add(group);
        await db.SaveChangesAsync(ct);
        return Redirect($"/groups/{group.Id}?notice={Notices.Created}");
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var groupAccess = await this.LoadAsync(db.Groups.AsNoTracking().Where(g => g.Id == id), Policies.EditGroup, ct);
        if (!groupAccess.Granted(out var group, out var refusal))
        {
            return refusal;
        }

        return View(await WithOptionsAsync(GroupForm.From(group), ct));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, GroupForm form, [FromServices] IValidator<GroupForm> validator, CancellationToken ct)
    {
        var groupAccess = await this.LoadAsync(db.Groups.Where(g => g.Id == id), Policies.EditGroup, ct);
        if (!groupAccess.Granted(out var group, out var refusal))
        {
            return refusal;
        }

        form.Id = id;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (ModelState.IsValid)
        {
            form.ApplyTo(group);
            if (await db.SaveEditAsync(group, form.Version, ModelState, ct))
            {
                return Redirect($"/groups/{id}?notice={Notices.Saved}");
            }
        }

        return View(await WithOptionsAsync(form, ct));
    }

    [HttpGet("{id:int}/dissolve")]
    [Authorize(Policy = Policies.ManageStructure)]
    public async Task<IActionResult> Dissolve(int id, CancellationToken ct)
    {
        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct);
        if (group is null)
        {
            return NotFound();
        }

        return View(await WithOptionsAsync(new DissolveForm { Version = group.Version, DissolvedOn = UkTime.Today(clock) }, group, ct));
    }

    [HttpPost("{id:int}/dissolve")]
    [Authorize(Policy = Policies.ManageStructure)]
    public async Task<IActionResult> Dissolve(int id, DissolveForm form, [FromServices] IValidator<DissolveForm> validator, CancellationToken ct)
    {
        var group = await db.Groups.Include(g => g.WorkPassedTo).Include(g => g.Memberships).FirstOrDefaultAsync(g => g.Id == id, ct);
        if (group is null)
        {
            return NotFound();
        }

        form.WorkPassedTo = form.WorkPassedTo.Where(g => g != id).Distinct().ToList();
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        var valid = await db.Groups.Where(g => form.WorkPassedTo.Contains(g.Id) && g.Status == GroupStatus.Active).CountAsync(ct);
        if (valid != form.WorkPassedTo.Count)
        {
            ModelState.AddModelError(nameof(form.WorkPassedTo), "Select groups that are still active");
        }

        // Dissolving twice would rewrite the recorded date, successors and seat end dates.
        if (group.Status == GroupStatus.Dissolved)
        {
            ModelState.AddModelError("", $"This group was already dissolved on {Format.Date(group.DissolvedOn)}.");
        }

        if (ModelState.IsValid)
        {
            var on = form.DissolvedOn!.Value;
            group.Status = GroupStatus.Dissolved;
            group.DissolvedOn = on;
            group.DissolutionNote = form.Note.NullIfBlank();
            group.WorkPassedTo.Clear();
            group.WorkPassedTo.AddRange(form.WorkPassedTo.Select(to => new GroupSuccession { FromGroupId = id, ToGroupId = to }));
            // Seats end with the group; the membership history itself stays.
            foreach (var seat in group.Memberships.Where(m => m.IsLive() && (m.To == null || m.To >= on)))
            {
                seat.To = on.AddDays(-1) < seat.From ? seat.From : on.AddDays(-1);
            }

            if (await db.SaveEditAsync(group, form.Version, ModelState, ct))
            {
                return Redirect($"/groups/{id}?notice={Notices.Saved}");
            }
        }

        return View(await WithOptionsAsync(form, group, ct));
    }

    [HttpPost("{id:int}/archive")]
    [Authorize(Policy = Policies.ManageStructure)]
    public Task<IActionResult> Archive(int id, Guid version, CancellationToken ct) => SetArchived(id, version, true, ct);

    [HttpPost("{id:int}/restore")]
    [Authorize(Policy = Policies.ManageStructure)]
    public Task<IActionResult> Restore(int id, Guid version, CancellationToken ct) => SetArchived(id, version, false, ct);

    [HttpGet("{id:int}/members/new")]
    public async Task<IActionResult> AddMember(int id, CancellationToken ct)
    {
        var groupAccess = await this.LoadAsync(db.Groups.AsNoTracking().Where(g => g.Id == id), Policies.EditGroup, ct);
        if (!groupAccess.Granted(out var group, out var refusal))
        {
            return refusal;
        }

        return View("Member", await WithOptionsAsync(new MembershipForm { GroupId = id, Role = MembershipRole.Member, From = UkTime.Today(clock) }, group, ct));
    }

    [HttpPost("{id:int}/members/new")]
    public Task<IActionResult> AddMember(int id, MembershipForm form, [FromServices] IValidator<MembershipForm> validator, CancellationToken ct) =>
        SaveMember(id, 0, form, validator, ct);

    [HttpGet("{id:int}/members/{memberId:int}")]
    public async Task<IActionResult> EditMember(int id, int memberId, CancellationToken ct)
    {
        // A seat of another group is as missing as the group: 404 before the policy is asked.
        var groupAccess = await this.LoadAsync(
            db.Groups.AsNoTracking().Where(g => g.Id == id && g.Memberships.Any(m => m.Id == memberId)), Policies.EditGroup, ct);
        if (!groupAccess.Granted(out var group, out var refusal))
        {
            return refusal;
        }

        var seat = await db.GroupMemberships.AsNoTracking().FirstAsync(m => m.Id == memberId, ct);

        return View("Member", await WithOptionsAsync(new MembershipForm
        {
            Id = seat.Id, Version = seat.Version, GroupId = id, PersonId = seat.PersonId, OrganisationId = seat.OrganisationId,
            Role = seat.Role, From = seat.From, To = seat.To, NominatedByPersonId = seat.NominatedByPersonId,
        }, group, ct));
    }

    [HttpPost("{id:int}/members/{memberId:int}")]
    public Task<IActionResult> EditMember(int id, int memberId, MembershipForm form, [FromServices] IValidator<MembershipForm> validator, CancellationToken ct) =>
        SaveMember(id, memberId, form, validator, ct);

    [HttpPost("{id:int}/members/{memberId:int}/archive")]
    public async Task<IActionResult> ArchiveMember(int id, int memberId, Guid version, CancellationToken ct)
    {
        var groupAccess = await this.LoadAsync(
            db.Groups.AsNoTracking().Where(g => g.Id == id && g.Memberships.Any(m => m.Id == memberId)), Policies.EditGroup, ct);
        if (!groupAccess.Granted(out _, out var refusal))
        {
            return refusal;
        }

        return await this.SetArchivedAsync<GroupMembership>(db, memberId, version, true, $"/groups/{id}", clock, ct);
    }

    private async Task<IActionResult> SaveMember(int id, int memberId, MembershipForm form, IValidator<MembershipForm> validator, CancellationToken ct)
    {
        var groupAccess = await this.LoadAsync(db.Groups.AsNoTracking().Where(g => g.Id == id), Policies.EditGroup, ct);
        if (!groupAccess.Granted(out var group, out var refusal))
        {
            return refusal;
        }

        var seat = memberId == 0 ? new GroupMembership { GroupId = id }
            : await db.GroupMemberships.FirstOrDefaultAsync(m => m.Id == memberId && m.GroupId == id, ct);
        if (seat is null)
        {
            return NotFound();
        }

        form.Id = memberId;
        form.GroupId = id;
        if (form.OrganisationId is null && form.PersonId is { } personId)
        {
            form.OrganisationId = await db.People.Where(p => p.Id == personId).Select(p => (int?)p.OrganisationId).FirstOrDefaultAsync(ct);
        }

        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (ModelState.IsValid)
        {
            seat.PersonId = form.PersonId!.Value;
            seat.OrganisationId = form.OrganisationId!.Value;
            seat.Role = form.Role!.Value;
            seat.From = form.From!.Value;
            seat.To = form.To;
            seat.NominatedByPersonId = form.NominatedByPersonId;
            if (memberId == 0)
            {
                db.GroupMemberships.Add(seat);
                await db.SaveChangesAsync(ct);
                return Redirect($"/groups/{id}?notice={Notices.Created}");
            }

            if (await db.SaveEditAsync(seat, form.Version, ModelState, ct))
            {
                return Redirect($"/groups/{id}?notice={Notices.Saved}");
            }
        }

        return View("Member", await WithOptionsAsync(form, group, ct));
    }

    private Task<IActionResult> SetArchived(int id, Guid version, bool archive, CancellationToken ct) =>
        this.SetArchivedAsync<Group>(db, id, version, archive, $"/groups/{id}", clock, ct);

    private async Task<GroupForm> WithOptionsAsync(GroupForm form, CancellationToken ct)
    {
        form.Groups = await db.GroupOptionsAsync(ct, exclude: form.Id == 0 ? null : form.Id, alwaysInclude: form.ReportsToId);
        return form;
    }

    private async Task<DissolveForm> WithOptionsAsync(DissolveForm form, Group group, CancellationToken ct)
    {
        form.GroupName = group.Name;
        form.Groups = await db.GroupOptionsAsync(ct, exclude: group.Id);
        return form;
    }

    private async Task<MembershipForm> WithOptionsAsync(MembershipForm form, Group group, CancellationToken ct)
    {
        form.GroupName = group.Name;
        form.GroupKind = group.Kind;
        form.People = await db.PersonOptionsAsync(ct, form.PersonId);
        form.Organisations = await db.OrganisationOptionsAsync(ct, form.OrganisationId);
        return form;
    }
}
