namespace HscpPortal.Web.Domain;

public enum Sector
{
    Health,
    Education,
    EarlyYears,
    Police,
    LocalAuthority,
    YouthJustice,
    Probation,
    FireAndRescue,
    Housing,
    VoluntaryAndCommunity,
    Faith,
    DomesticAbuse,
    ResidentialCare,
    Other,
}

/// <summary>
/// The kinds of statutory safeguarding partner. For a local authority area the partners are the council and every
/// integrated care board and chief officer of police whose area covers any part of it, so a partnership has one or
/// more of each; every other organisation is a relevant agency.
/// </summary>
public enum StatutoryPartner
{
    LocalAuthority = 1,
    IntegratedCareBoard = 2,
    Police = 3,
}

/// <summary>Relevant agencies designated by regulations as compulsory members of the arrangements (Children's Wellbeing and Schools Act 2026, s.2).</summary>
public enum AgencyDesignation
{
    Education = 1,
    Childcare = 2,
}

public class Organisation : ArchivableEntity
{
    public required string Name { get; set; }
    public string? ShortName { get; set; }
    public Sector Sector { get; set; }
    /// <summary>The kind of statutory partner the organisation is, between <see cref="PartnerFrom"/> and <see cref="PartnerTo"/>.</summary>
    public StatutoryPartner? StatutoryPartner { get; set; }

    /// <summary>First day as a statutory partner; none means since the portal's records begin.</summary>
    public DateOnly? PartnerFrom { get; set; }

    /// <summary>Last day as a statutory partner; none means it continues.</summary>
    public DateOnly? PartnerTo { get; set; }

    /// <summary>A designated education or childcare agency, between <see cref="DesignatedFrom"/> and <see cref="DesignatedTo"/>.</summary>
    public AgencyDesignation? Designation { get; set; }

    public DateOnly? DesignatedFrom { get; set; }
    public DateOnly? DesignatedTo { get; set; }

    public string? Website { get; set; }
    public string? Notes { get; set; }
    public string DisplayName => ShortName is { Length: > 0 } ? $"{Name} ({ShortName})" : Name;
}

/// <summary>
/// An organisation's logo as the partnership prints it on the yearly report's cover, uploaded by an administrator.
/// A new upload archives the one before, so earlier logos are kept; the live one is the current logo.
/// </summary>
public class OrganisationLogo : ArchivableEntity
{
    public const int MaxBytes = 512 * 1024;

    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    /// <summary>image/png or image/jpeg, checked against the file's first bytes.</summary>
    public required string ContentType { get; set; }
    public required byte[] Data { get; set; }

    /// <summary>What the logo says, for screen readers: usually the organisation's name as the logo shows it.</summary>
    public required string AltText { get; set; }
}
