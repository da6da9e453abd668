using System.ComponentModel.DataAnnotations;
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

namespace HscpPortal.Web.Features.Representation;

public sealed record AppointmentRow(int Id, int OrganisationId, int PersonId, string PersonName, string? JobTitle, RepresentationRole Role, DateOnly From, DateOnly? To, Guid Version);

public sealed record PartnerOnDate(int OrganisationId, string Organisation, StatutoryPartner Partner, IReadOnlyDictionary<RepresentationRole, IReadOnlyList<AppointmentRow>> Holders, IReadOnlyList<AppointmentRow> History);

public sealed class RepresentationPage
{
    public required DateOnly Date { get; init; }
    public required bool DateGiven { get; init; }
    public required IReadOnlyList<PartnerOnDate> Partners { get; init; }
    public int? OrganisationId { get; init; }
}

public sealed class AppointmentForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public int? OrganisationId { get; set; }
    public int? PersonId { get; set; }
    public RepresentationRole? Role { get; set; }
    [Display(Name = "From date")]
    public DateOnly? From { get; set; }
    [Display(Name = "To date")]
    public DateOnly? To { get; set; }

    public IReadOnlyList<SelectListItem> Partners { get; set; } = [];
    public IReadOnlyList<SelectListItem> People { get; set; } = [];
}

public sealed class AppointmentFormValidator : AbstractValidator<AppointmentForm>
{
    public AppointmentFormValidator(PortalDbContext db)
    {
        RuleFor(f => f.OrganisationId).NotNull().WithMessage("Select the statutory partner")
            .MustAsync(async (id, ct) => id is null || await db.Organisations.AnyAsync(o => o.Id == id && o.StatutoryPartner != null, ct))
            .WithMessage("Select a statutory partner");
        RuleFor(f => f.PersonId).NotNull().WithMessage("Select the person")
            .MustAsync(async (id, ct) => id is null || await db.People.AnyAsync(p => p.Id == id, ct)).WithMessage("Select the person");
        RuleFor(f => f.Role).NotNull().WithMessage("Select the role").IsInEnum().WithMessage("Select the role");
        RuleFor(f => f.From).NotNull().WithMessage("Enter the date the appointment started");
        RuleFor(f => f.To).GreaterThanOrEqualTo(f => f.From).When(f => f.From is not null && f.To is not null)
            .WithMessage("The end date must be the same as or after the start date");
        // A partner has one lead and one DSP at a time; several deputies may overlap.
        RuleFor(f => f.From)
            .MustAsync(async (form, _, ct) =>
            {
                if (form.Role is null or RepresentationRole.Deputy || form.From is null || form.OrganisationId is null)
                {
                    return true;
                }

                var others = await db.PartnerRepresentatives.AsNoTracking()
                    .Where(r => r.OrganisationId == form.OrganisationId && r.Role == form.Role && r.Id != form.Id && r.IsLive())
                    .Select(r => new { r.From, r.To }).ToListAsync(ct);
                return !others.Any(o => Period.Overlaps(o.From, o.To, form.From.Value, form.To));
            })
            .WithMessage("Someone else holds this role for this partner during these dates. End their appointment first.");
    }
}

[Route("representation")]
[Authorize(Policy = Policies.ViewRecords)]
public sealed class RepresentationController(PortalDbContext db, IValidator<AppointmentForm> validator, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(DateOnly? date, int? organisationId, CancellationToken ct)
    {
        var on = date ?? UkTime.Today(clock);
        var partners = await db.Organisations.AsNoTracking()
            .Where(o => o.StatutoryPartner != null && (o.IsLive() || o.Id == organisationId))
            .OrderBy(o => o.StatutoryPartner)
            .Select(o => new { o.Id, o.Name, Partner = o.StatutoryPartner!.Value })
            .ToListAsync(ct);
        var ids = partners.Select(p => p.Id).ToList();
        var appointments = await db.PartnerRepresentatives.AsNoTracking()
            .Where(r => ids.Contains(r.OrganisationId) && r.IsLive())
            .OrderBy(r => r.Role).ThenByDescending(r => r.From)
            .Select(r => new AppointmentRow(r.Id, r.OrganisationId, r.PersonId, r.Person!.FullName, r.Person.JobTitle, r.Role, r.From, r.To, r.Version))
            .ToListAsync(ct);
        var result = partners.Select(p =>
        {
            var mine = appointments.Where(a => a.OrganisationId == p.Id).ToList();
            var holders = Enum.GetValues<RepresentationRole>().ToDictionary(
                role => role,
                role => (IReadOnlyList<AppointmentRow>)mine.Where(a => a.Role == role && Period.Contains(a.From, a.To, on)).OrderBy(a => a.From).ToList());
            return new PartnerOnDate(p.Id, p.Name, p.Partner, holders, mine);
        }).ToList();
        return View(new RepresentationPage { Date = on, DateGiven = date is not null, Partners = result, OrganisationId = organisationId });
    }

    [HttpGet("new")]
    [Authorize(Policy = Policies.ManageStructure)]
    public async Task<IActionResult> Create(int? organisationId, CancellationToken ct) =>
        View("Edit", await WithOptionsAsync(new AppointmentForm { OrganisationId = organisationId, From = UkTime.Today(clock) }, ct));

    [HttpPost("new")]
    [Authorize(Policy = Policies.ManageStructure)]
    public async Task<IActionResult> Create(AppointmentForm form, CancellationToken ct)
    {
        form.Id = 0;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!ModelState.IsValid)
        {
            return View("Edit", await WithOptionsAsync(form, ct));
        }

        var appointment = new PartnerRepresentative();
        Apply(form, appointment);
        db.PartnerRepresentatives.Add(appointment);
        await db.SaveChangesAsync(ct);
        return Redirect($"/representation?notice={Notices.Created}");
    }

    [HttpGet("{id:int}/edit")]
    [Authorize(Policy = Policies.ManageStructure)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var r = await db.PartnerRepresentatives.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null)
        {
            return NotFound();
        }

        return View(await WithOptionsAsync(new AppointmentForm
        {
            Id = r.Id, Version = r.Version, OrganisationId = r.OrganisationId, PersonId = r.PersonId, Role = r.Role, From = r.From, To = r.To,
        }, ct));
    }

    [HttpPost("{id:int}/edit")]
    [Authorize(Policy = Policies.ManageStructure)]
    public async Task<IActionResult> Edit(int id, AppointmentForm form, CancellationToken ct)
    {
        var appointment = await db.PartnerRepresentatives.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (appointment is null)
        {
            return NotFound();
        }

        form.Id = id;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (ModelState.IsValid)
        {
            Apply(form, appointment);
            if (await db.SaveEditAsync(appointment, form.Version, ModelState, ct))
            {
                return Redirect($"/representation?notice={Notices.Saved}");
            }
        }

        return View(await WithOptionsAsync(form, ct));
    }

    [HttpPost("{id:int}/archive")]
    [Authorize(Policy = Policies.ManageStructure)]
    public Task<IActionResult> Archive(int id, Guid version, CancellationToken ct) =>
        this.SetArchivedAsync<PartnerRepresentative>(db, id, version, true, "/representation", clock, ct);

    private static void Apply(AppointmentForm form, PartnerRepresentative r)
    {
        r.OrganisationId = form.OrganisationId!.Value;
        r.PersonId = form.PersonId!.Value;
        r.Role = form.Role!.Value;
        r.From = form.From!.Value;
        r.To = form.To;
    }

    private async Task<AppointmentForm> WithOptionsAsync(AppointmentForm form, CancellationToken ct)
    {
        form.Partners = await db.OrganisationOptionsAsync(ct, form.OrganisationId, partnersOnly: true);
        form.People = await db.PersonOptionsAsync(ct, form.PersonId);
        return form;
    }
}
