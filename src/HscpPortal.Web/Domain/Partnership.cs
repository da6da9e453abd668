namespace HscpPortal.Web.Domain;

/// <summary>Pure questions about the partnership's structure, answered from dated records.</summary>
public static class Partnership
{
    /// <summary>
    /// Who held a role for a statutory partner on a date. Several holders may overlap (two deputies);
    /// the earliest appointment comes first.
    /// </summary>
    public static IReadOnlyList<PartnerRepresentative> HoldersOn(
        IEnumerable<PartnerRepresentative> history, int organisationId, RepresentationRole role, DateOnly date) =>
        history
            .Where(r => r.OrganisationId == organisationId && r.Role == role && r.IsLive() && r.IsCurrentOn(date))
            .OrderBy(r => r.From)
            .ToList();

    /// <summary>Whether the person could represent the partner on the date (as lead, DSP or deputy).</summary>
    public static bool CanRepresent(IEnumerable<PartnerRepresentative> history, int organisationId, int personId, DateOnly date) =>
        history.Any(r => r.OrganisationId == organisationId && r.PersonId == personId && r.IsLive() && r.IsCurrentOn(date));

    /// <summary>
    /// The register's deputy rule: who may attend in place of someone holding a seat for an organisation. A colleague
    /// from that organisation may; so may anyone who represents it as a statutory partner on the day (its named
    /// deputy, or its lead or DSP). Anyone else (a partnership-team officer, another agency's lead) may not, since
    /// a deputy carries the seat's authority: for a statutory partner, its part in the quorum.
    /// </summary>
    public static bool CanDeputise(
        IEnumerable<PartnerRepresentative> history, int seatOrganisationId, int deputyPersonId, int deputyOrganisationId, DateOnly date) =>
        deputyOrganisationId == seatOrganisationId || CanRepresent(history, seatOrganisationId, deputyPersonId, date);

    /// <summary>Current chair of a group on a date, if one is recorded.</summary>
    public static GroupMembership? ChairOn(IEnumerable<GroupMembership> memberships, MembershipRole role, DateOnly date) =>
        memberships.Where(m => m.Role == role && m.IsLive() && m.IsCurrentOn(date)).OrderBy(m => m.From).FirstOrDefault();
}
