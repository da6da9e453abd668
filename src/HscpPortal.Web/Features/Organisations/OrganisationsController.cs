using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure.Govuk;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Organisations;

[Route("organisations")]
[Authorize(Policy = Policies.ViewRecords)]
public sealed class OrganisationsController(PortalDbContext db, IValidator<OrganisationForm> validator, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] OrganisationListQuery query, CancellationToken ct)
    {
        var organisations = db.Organisations.AsNoTracking();
        organisations = query.Status switch
        {
            ArchiveFilter.Archived => organisations.Where(o => o.IsArchived()),
            ArchiveFilter.All => organisations,
            _ => organisations.Where(o => o.IsLive()),
        };
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            organisations = organisations.Where(o => o.Name.Contains(q) || (o.ShortName != null && o.ShortName.Contains(q)));
        }

        if (query.Sector is { } sector)
        {
            organisations = organisations.Where(o => o.Sector == sector);
        }

        organisations = query.Type switch
        {
            "partner" => organisations.Where(o => o.StatutoryPartner != null),
            "agency" => organisations.Where(o => o.StatutoryPartner == null),
            _ => organisations,
        };

        var page = await organisations
            .OrderBy(o => o.StatutoryPartner == null).ThenBy(o => o.Name)
            .Select(o => new OrganisationRow(o.Id, o.Name, o.ShortName, o.Sector, o.StatutoryPartner, o.IsArchived(),
                db.People.Count(p => p.OrganisationId == o.Id && p.IsLive())))
            .ToPageAsync(query.Page, cancellationToken: ct);
        return View(new OrganisationList { Query = query, Results = page });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
        {
            return NotFound();
        }

        var today = UkTime.Today(clock);
        ViewBag.People = await db.People.AsNoTracking()
            .Where(p => p.OrganisationId == id && p.IsLive())
            .OrderBy(p => p.FullName).Select(p => new PersonLink(p.Id, p.FullName, p.JobTitle)).ToListAsync(ct);
        ViewBag.Seats = await db.GroupMemberships.AsNoTracking()
            .Where(m => m.OrganisationId == id && m.IsLive() && m.IsCurrentOn(today))
            .OrderBy(m => m.Group!.SortOrder).ThenBy(m => m.Group!.Name)
            .Select(m => new SeatRow(m.GroupId, m.Group!.Name, m.PersonId, m.Person!.FullName, m.Role)).ToListAsync(ct);
        ViewBag.Representatives = await db.PartnerRepresentatives.AsNoTracking()
            .Where(r => r.OrganisationId == id && r.IsLive())
            .OrderBy(r => r.Role).ThenByDescending(r => r.From)
            .Select(r => new RepresentativeRow(r.Id, r.PersonId, r.Person!.FullName, r.Role, r.From, r.To)).ToListAsync(ct);
        return View(organisation);
    }

    [HttpGet("new")]
    [Authorize(Policy = Policies.ManageStructure)]
    public IActionResult Create() => View("Edit", new OrganisationForm { Sector = null });

    [HttpPost("new")]
    [Authorize(Policy = Policies.ManageStructure)]
    public async Task<IActionResult> Create(OrganisationForm form, CancellationToken ct)
    {
        form.Id = 0;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!ModelState.IsValid)
        {
            return View("Edit", form);
        }

        var organisation = new Organisation { Name = "" };
        form.ApplyTo(organisation);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        return Redirect($"/organisations/{organisation.Id}?notice={Notices.Created}");
    }

    [HttpGet("{id:int}/edit")]
    [Authorize(Policy = Policies.ManageStructure)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        return organisation is null ? NotFound() : View(OrganisationForm.From(organisation));
    }

    [HttpPost("{id:int}/edit")]
    [Authorize(Policy = Policies.ManageStructure)]
    public async Task<IActionResult> Edit(int id, OrganisationForm form, CancellationToken ct)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
        {
            return NotFound();
        }

        form.Id = id;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        form.ApplyTo(organisation);
        if (!await db.SaveEditAsync(organisation, form.Version, ModelState, ct))
        {
            return View(form);
        }

        return Redirect($"/organisations/{id}?notice={Notices.Saved}");
    }

    [HttpPost("{id:int}/archive")]
    [Authorize(Policy = Policies.ManageStructure)]
    public Task<IActionResult> Archive(int id, Guid version, CancellationToken ct) => SetArchived(id, version, archive: true, ct);

    [HttpPost("{id:int}/restore")]
    [Authorize(Policy = Policies.ManageStructure)]
    public Task<IActionResult> Restore(int id, Guid version, CancellationToken ct) => SetArchived(id, version, archive: false, ct);

    private Task<IActionResult> SetArchived(int id, Guid version, bool archive, CancellationToken ct) =>
        this.SetArchivedAsync<Organisation>(db, id, version, archive, $"/organisations/{id}", clock, ct);
}

public sealed record PersonLink(int Id, string FullName, string? JobTitle);

public sealed record SeatRow(int GroupId, string GroupName, int PersonId, string PersonName, MembershipRole Role);

public sealed record RepresentativeRow(int Id, int PersonId, string PersonName, RepresentationRole Role, DateOnly From, DateOnly? To);
