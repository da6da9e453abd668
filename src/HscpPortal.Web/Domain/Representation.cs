namespace HscpPortal.Web.Domain;

public enum RepresentationRole
{
    LeadPartner = 1,
    DelegatedPartner = 2,
    Deputy = 3,
}

/// <summary>
/// Who held a statutory partner's lead, delegated (DSP) or deputy role, and when. Dates are inclusive;
/// an open end means the appointment continues.
/// </summary>
public class PartnerRepresentative : ArchivableEntity, IDated
{
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public RepresentationRole Role { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
}

public static class Period
{
    public static bool Contains(DateOnly from, DateOnly? to, DateOnly date) => from <= date && (to is null || date <= to);

    public static bool Overlaps(DateOnly fromA, DateOnly? toA, DateOnly fromB, DateOnly? toB) =>
        fromA <= (toB ?? DateOnly.MaxValue) && fromB <= (toA ?? DateOnly.MaxValue);
}
