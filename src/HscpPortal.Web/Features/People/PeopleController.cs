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

namespace HscpPortal.Web.Features.People;

public sealed class PersonListQuery
{
    public string? Q { get; set; }
    public int? OrganisationId { get; set; }
    public ArchiveFilter Status { get; set; } = ArchiveFilter.Active;
    public int Page { get; set; } = 1;
}

public sealed record PersonRow(int Id, string FullName, string? JobTitle, int OrganisationId, string Organisation, string? Email, bool HasAccount, bool Archived);

public sealed class PersonList
{
    public required PersonListQuery Query { get; init; }
    public required Page<PersonRow> Results { get; init; }
    public required IReadOnlyList<SelectListItem> Organisations { get; init; }
}

public sealed class PersonForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public string? FullName { get; set; }
    public string? JobTitle { get; set; }
    public int? OrganisationId { get; set; }
    public string? Email { get; set; }

    public IReadOnlyList<SelectListItem> Organisations { get; set; } = [];

    public static PersonForm From(Person p) => new()
    {
        Id = p.Id,
        Version = p.Version,
        FullName = p.FullName,
        JobTitle = p.JobTitle,
        OrganisationId = p.OrganisationId,
        Email = p.Email,
    };

    public void ApplyTo(Person p)
    {
        p.FullName = FullName!.Trim();
        p.JobTitle = JobTitle.NullIfBlank();
        p.OrganisationId = OrganisationId!.Value;
        p.Email = Email.NullIfBlank();
    }
}

public sealed class PersonFormValidator : AbstractValidator<PersonForm>
{
    public PersonFormValidator(PortalDbContext db)
    {
        RuleFor(f => f.FullName).NotEmpty().WithMessage("Enter the person's full name")
            .MaximumLength(200).WithMessage("Name must be 200 characters or fewer");
        RuleFor(f => f.JobTitle).MaximumLength(200).WithMessage("Job title must be 200 characters or fewer");
        RuleFor(f => f.OrganisationId).NotNull().WithMessage("Select the person's organisation")
            .MustAsync(async (id, ct) => id is null || await db.Organisations.AnyAsync(o => o.Id == id, ct))
            .WithMessage("Select the person's organisation");
        RuleFor(f => f.Email).MaximumLength(256).WithMessage("Email must be 256 characters or fewer")
            .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.org");
    }
}

[Route("people")]
[Authorize(Policy = Policies.ViewRecords)]
public sealed class PeopleController(PortalDbContext db, IValidator<PersonForm> validator, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] PersonListQuery query, CancellationToken ct)
    {
        var people = db.People.AsNoTracking();
        people = query.Status switch
        {
            ArchiveFilter.Archived => people.Where(p => p.IsArchived()),
            ArchiveFilter.All => people,
            _ => people.Where(p => p.IsLive()),
        };
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            people = people.Where(p => p.FullName.Contains(q) || (p.JobTitle != null && p.JobTitle.Contains(q)) || (p.Email != null && p.Email.Contains(q)));
        }

        if (query.OrganisationId is { } organisationId)
        {
            people = people.Where(p => p.OrganisationId == organisationId);
        }

        var page = await people.OrderBy(p => p.FullName)
            .Select(p => new PersonRow(p.Id, p.FullName, p.JobTitle, p.OrganisationId, p.Organisation!.Name, p.Email, p.UserId != null, p.IsArchived()))
            .ToPageAsync(query.Page, cancellationToken: ct);
        return View(new PersonList { Query = query, Results = page, Organisations = await db.OrganisationOptionsAsync(ct, includeArchived: true) });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Include(p => p.Organisation).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return NotFound();
        }

        ViewBag.AccountEmail = person.UserId is null ? null
            : await db.Users.Where(u => u.Id == person.UserId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        ViewBag.Memberships = await db.GroupMemberships.AsNoTracking()
            .Where(m => m.PersonId == id && m.IsLive())
            .OrderByDescending(m => m.To == null).ThenByDescending(m => m.From)
            .Select(m => new PersonSeat(m.GroupId, m.Group!.Name, m.Role, m.Organisation!.Name, m.From, m.To)).ToListAsync(ct);
        ViewBag.Representation = await db.PartnerRepresentatives.AsNoTracking()
            .Where(r => r.PersonId == id && r.IsLive())
            .OrderByDescending(r => r.From)
            .Select(r => new PersonRepresentation(r.OrganisationId, r.Organisation!.Name, r.Role, r.From, r.To)).ToListAsync(ct);
        ViewBag.Today = UkTime.Today(clock);
        return View(person);
    }

    [HttpGet("new")]
    [Authorize(Policy = Policies.ManageStructure)]
    public async Task<IActionResult> Create(int? organisationId, CancellationToken ct) =>
        View("Edit", new PersonForm { OrganisationId = organisationId, Organisations = await db.OrganisationOptionsAsync(ct) });

    [HttpPost("new")]
    [Authorize(Policy = Policies.ManageStructure)]
    public async Task<IActionResult> Create(PersonForm form, CancellationToken ct)
    {
        form.Id = 0;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!ModelState.IsValid)
        {
            form.Organisations = await db.OrganisationOptionsAsync(ct);
            return View("Edit", form);
        }

        var person = new Person { FullName = "" };
        form.ApplyTo(person);
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        return Redirect($"/people/{person.Id}?notice={Notices.Created}");
    }

    [HttpGet("{id:int}/edit")]
    [Authorize(Policy = Policies.ManageStructure)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return NotFound();
        }

        var form = PersonForm.From(person);
        form.Organisations = await db.OrganisationOptionsAsync(ct, person.OrganisationId);
        return View(form);
    }

    [HttpPost("{id:int}/edit")]
    [Authorize(Policy = Policies.ManageStructure)]
    public async Task<IActionResult> Edit(int id, PersonForm form, CancellationToken ct)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return NotFound();
        }

        form.Id = id;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (ModelState.IsValid)
        {
            form.ApplyTo(person);
            if (await db.SaveEditAsync(person, form.Version, ModelState, ct))
            {
                return Redirect($"/people/{id}?notice={Notices.Saved}");
            }
        }

        form.Organisations = await db.OrganisationOptionsAsync(ct, person.OrganisationId);
        return View(form);
    }

    [HttpPost("{id:int}/archive")]
    [Authorize(Policy = Policies.ManageStructure)]
    public Task<IActionResult> Archive(int id, Guid version, CancellationToken ct) => SetArchived(id, version, true, ct);

    [HttpPost("{id:int}/restore")]
    [Authorize(Policy = Policies.ManageStructure)]
    public Task<IActionResult> Restore(int id, Guid version, CancellationToken ct) => SetArchived(id, version, false, ct);

    private Task<IActionResult> SetArchived(int id, Guid version, bool archive, CancellationToken ct) =>
        this.SetArchivedAsync<Person>(db, id, version, archive, $"/people/{id}", clock, ct);
}

public sealed record PersonSeat(int GroupId, string GroupName, MembershipRole Role, string Organisation, DateOnly From, DateOnly? To);

public sealed record PersonRepresentation(int OrganisationId, string Organisation, RepresentationRole Role, DateOnly From, DateOnly? To);
