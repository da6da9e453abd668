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

/// <summary>The three statutory safeguarding partners; every other organisation is a relevant agency.</summary>
public enum StatutoryPartner
{
    LocalAuthority = 1,
    IntegratedCareBoard = 2,
    Police = 3,
}

public class Organisation : ArchivableEntity
{
    public required string Name { get; set; }
    public string? ShortName { get; set; }
    public Sector Sector { get; set; }
    public StatutoryPartner? StatutoryPartner { get; set; }
    public string? Website { get; set; }
    public string? Notes { get; set; }

    public bool IsStatutoryPartner => StatutoryPartner is not null;
    public string DisplayName => ShortName is { Length: > 0 } ? $"{Name} ({ShortName})" : Name;
}
