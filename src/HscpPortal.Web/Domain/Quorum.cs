namespace HscpPortal.Web.Domain;

/// <summary>Someone in the room, and the organisation they attended for.</summary>
public sealed record PresentPerson(int PersonId, int OrganisationId);

/// <summary>A statutory partner as the quorum rule sees it.</summary>
public sealed record PartnerOrganisation(int OrganisationId, StatutoryPartner Partner);

public sealed record QuorumResult(bool IsQuorate, IReadOnlyList<string> Reasons, IReadOnlyList<StatutoryPartner> PartnersRepresented)
{
    public string Statement => IsQuorate
        ? "Quorate" + (Reasons.Count > 0 ? ": " + string.Join("; ", Reasons) : "")
        : "Not quorate: " + string.Join("; ", Reasons);
}

/// <summary>
/// The quorum of a meeting. A statutory partner is represented only by someone actually present who held its
/// lead, delegated (DSP) or deputy role on the meeting's date, according to the representation history.
/// </summary>
public static class Quorum
{
    public static QuorumResult Evaluate(
        QuorumRule rule,
        int count,
        DateOnly date,
        IReadOnlyCollection<PresentPerson> present,
        IReadOnlyCollection<PartnerOrganisation> partners,
        IReadOnlyCollection<PartnerRepresentative> history)
    {
        var anyoneCounts = rule == QuorumRule.PartnerOrganisationsPresent;
        var represented = partners
            .Where(p => present.Any(x => Partnership.CanRepresent(history, p.OrganisationId, x.PersonId, date)
                || (anyoneCounts && x.OrganisationId == p.OrganisationId)))
            .Select(p => p.Partner)
            .Order()
            .ToList();
        var reasons = new List<string>();
        var quorate = true;

        if (rule is QuorumRule.StatutoryPartners or QuorumRule.StatutoryPartnersPlusAgencies or QuorumRule.PartnerOrganisationsPresent)
        {
            foreach (var missing in Enum.GetValues<StatutoryPartner>().Except(represented))
            {
                quorate = false;
                reasons.Add($"{Name(missing)} not represented");
            }
        }

        if (rule == QuorumRule.StatutoryPartnersPlusAgencies)
        {
            var partnerIds = partners.Select(p => p.OrganisationId).ToHashSet();
            var agencies = present.Select(p => p.OrganisationId).Where(id => !partnerIds.Contains(id)).Distinct().Count();
            if (agencies < count)
            {
                quorate = false;
                reasons.Add($"{agencies} of the {count} relevant agencies needed are present");
            }
        }

        if (rule == QuorumRule.MinimumPresent)
        {
            var people = present.Select(p => p.PersonId).Distinct().Count();
            if (people < count)
            {
                quorate = false;
                reasons.Add($"{people} present, {count} needed");
            }
        }

        if (quorate && rule != QuorumRule.MinimumPresent)
        {
            reasons.Add("all three statutory partners represented");
        }

        return new QuorumResult(quorate, reasons, represented);
    }

    public static string Name(StatutoryPartner partner) => partner switch
    {
        StatutoryPartner.LocalAuthority => "Local authority",
        StatutoryPartner.IntegratedCareBoard => "Integrated care board",
        StatutoryPartner.Police => "Police",
        _ => partner.ToString(),
    };

    /// <summary>Who was in the room, from the register: present, left early, or a named deputy.</summary>
    public static IReadOnlyList<PresentPerson> PresentFrom(IEnumerable<Attendance> register) =>
        register
            .Where(a => a.AttendedBy is not null)
            .Select(a => new PresentPerson(a.AttendedBy!.Value, a.OrganisationId))
            .Distinct()
            .ToList();
}
