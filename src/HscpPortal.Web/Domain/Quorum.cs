namespace HscpPortal.Web.Domain;

/// <summary>Someone in the room, and the organisation they attended for.</summary>
public sealed record PresentPerson(int PersonId, int OrganisationId);

/// <summary>A statutory partner on the date in question, as the quorum and attendance rules see it.</summary>
public sealed record PartnerOrganisation(int OrganisationId, string Name, StatutoryPartner Partner);

public sealed record QuorumResult(bool IsQuorate, IReadOnlyList<string> Reasons, IReadOnlyList<int> PartnersRepresented)
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
        var ordered = partners.OrderBy(p => p.Partner).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        var represented = ordered
            .Where(p => present.Any(x => Partnership.CanRepresent(history, p.OrganisationId, x.PersonId, date)
                || (anyoneCounts && x.OrganisationId == p.OrganisationId)))
            .Select(p => p.OrganisationId)
            .ToList();
        var reasons = new List<string>();
        var quorate = true;
        var needsPartners = rule is QuorumRule.StatutoryPartners or QuorumRule.StatutoryPartnersPlusAgencies or QuorumRule.PartnerOrganisationsPresent;

        if (needsPartners && ordered.Count == 0)
        {
            quorate = false;
            reasons.Add("no statutory partners are recorded for this date");
        }

        if (needsPartners)
        {
            foreach (var missing in ordered.Where(p => !represented.Contains(p.OrganisationId)))
            {
                quorate = false;
                reasons.Add($"{Describe(missing, ordered)} not represented");
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
            reasons.Add(ordered.Count switch
            {
                1 => "the statutory partner represented",
                2 => "both statutory partners represented",
                _ => $"all {Count(ordered.Count)} statutory partners represented",
            });
        }

        return new QuorumResult(quorate, reasons, represented);
    }

    /// <summary>
    /// "Police" where the partnership has one police partner, as most do; the organisation's name where it has two of
    /// the kind, so that the statement says which force was missing.
    /// </summary>
    public static string Describe(PartnerOrganisation partner, IReadOnlyCollection<PartnerOrganisation> partners) =>
        partners.Count(p => p.Partner == partner.Partner) > 1 ? partner.Name : Name(partner.Partner);

    private static string Count(int n) => n switch
    {
        3 => "three",
        4 => "four",
        5 => "five",
        6 => "six",
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

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
