using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Organisations;

public sealed class OrganisationListQuery
{
    public string? Q { get; set; }
    public Sector? Sector { get; set; }
    public string? Type { get; set; }
    public ArchiveFilter Status { get; set; } = ArchiveFilter.Active;
    public int Page { get; set; } = 1;
}

public sealed record OrganisationRow(int Id, string Name, string? ShortName, Sector Sector, StatutoryPartner? StatutoryPartner, bool Archived, int People);

public sealed class OrganisationList
{
    public required OrganisationListQuery Query { get; init; }
    public required Page<OrganisationRow> Results { get; init; }
}

public sealed class OrganisationForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public string? Name { get; set; }
    public string? ShortName { get; set; }
    public Sector? Sector { get; set; }
    public StatutoryPartner? StatutoryPartner { get; set; }
    public string? Website { get; set; }
    public string? Notes { get; set; }

    public static OrganisationForm From(Organisation o) => new()
    {
        Id = o.Id,
        Version = o.Version,
        Name = o.Name,
        ShortName = o.ShortName,
        Sector = o.Sector,
        StatutoryPartner = o.StatutoryPartner,
        Website = o.Website,
        Notes = o.Notes,
    };

    public void ApplyTo(Organisation o)
    {
        o.Name = Name!.Trim();
        o.ShortName = ShortName.NullIfBlank();
        o.Sector = Sector!.Value;
        o.StatutoryPartner = StatutoryPartner;
        o.Website = Website.NullIfBlank();
        o.Notes = Notes.NullIfBlank();
    }
}

public sealed class OrganisationFormValidator : AbstractValidator<OrganisationForm>
{
    public OrganisationFormValidator(PortalDbContext db)
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("Enter the organisation's name")
            .MaximumLength(200).WithMessage("Name must be 200 characters or fewer");
        RuleFor(f => f.ShortName).MaximumLength(40).WithMessage("Short name must be 40 characters or fewer");
        RuleFor(f => f.Sector).NotNull().WithMessage("Select the sector").IsInEnum().WithMessage("Select the sector");
        RuleFor(f => f.StatutoryPartner).IsInEnum().WithMessage("Select a statutory partner role or none");
        RuleFor(f => f.Website).MaximumLength(500).WithMessage("Website must be 500 characters or fewer")
            .Must(w => string.IsNullOrWhiteSpace(w) || (Uri.TryCreate(w, UriKind.Absolute, out var u) && (u.Scheme == "https" || u.Scheme == "http")))
            .WithMessage("Enter a website address that starts with https://");
        RuleFor(f => f.Notes).MaximumLength(4000).WithMessage("Notes must be 4,000 characters or fewer");
        RuleFor(f => f.StatutoryPartner)
            .MustAsync(async (form, partner, ct) => partner is null
                || !await db.Organisations.AnyAsync(o => o.StatutoryPartner == partner && o.IsLive() && o.Id != form.Id, ct))
            .WithMessage(f => $"Another organisation is already the {Format.Humanise(f.StatutoryPartner!.Value).ToLowerInvariant()} statutory partner: archive it or change its role first");
    }
}
