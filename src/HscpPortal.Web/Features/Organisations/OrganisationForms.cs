using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;

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
    [Display(Name = "Statutory partner from")]
    public DateOnly? PartnerFrom { get; set; }
    [Display(Name = "Statutory partner until")]
    public DateOnly? PartnerTo { get; set; }
    public AgencyDesignation? Designation { get; set; }
    [Display(Name = "Designated from")]
    public DateOnly? DesignatedFrom { get; set; }
    [Display(Name = "Designated until")]
    public DateOnly? DesignatedTo { get; set; }
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
        PartnerFrom = o.PartnerFrom,
        PartnerTo = o.PartnerTo,
        Designation = o.Designation,
        DesignatedFrom = o.DesignatedFrom,
        DesignatedTo = o.DesignatedTo,
        Website = o.Website,
        Notes = o.Notes,
    };

    public void ApplyTo(Organisation o)
    {
        o.Name = Name!.Trim();
        o.ShortName = ShortName.NullIfBlank();
        o.Sector = Sector!.Value;
        o.StatutoryPartner = StatutoryPartner;
        o.PartnerFrom = StatutoryPartner is null ? null : PartnerFrom;
        o.PartnerTo = StatutoryPartner is null ? null : PartnerTo;
        // A statutory partner is not also a relevant agency, designated or not.
        o.Designation = StatutoryPartner is null ? Designation : null;
        o.DesignatedFrom = o.Designation is null ? null : DesignatedFrom;
        o.DesignatedTo = o.Designation is null ? null : DesignatedTo;
        o.Website = Website.NullIfBlank();
        o.Notes = Notes.NullIfBlank();
    }
}

public sealed class OrganisationFormValidator : AbstractValidator<OrganisationForm>
{
    public OrganisationFormValidator()
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
        RuleFor(f => f.PartnerTo).GreaterThanOrEqualTo(f => f.PartnerFrom)
            .When(f => f.StatutoryPartner is not null && f.PartnerFrom is not null && f.PartnerTo is not null)
            .WithMessage("The date it stopped being a partner must be the same as or after the date it became one");
        RuleFor(f => f.Designation).IsInEnum().WithMessage("Select a designation or none");
        RuleFor(f => f.Designation).Null().When(f => f.StatutoryPartner is not null)
            .WithMessage("A statutory partner is not a designated relevant agency: choose one or the other");
        RuleFor(f => f.DesignatedFrom).NotNull().When(f => f.Designation is not null && f.StatutoryPartner is null)
            .WithMessage("Enter the date the agency was designated");
        RuleFor(f => f.DesignatedTo).GreaterThanOrEqualTo(f => f.DesignatedFrom)
            .When(f => f.Designation is not null && f.DesignatedFrom is not null && f.DesignatedTo is not null)
            .WithMessage("The date the designation ended must be the same as or after the date it began");
    }
}
