namespace HscpPortal.Web.Domain;

/// <summary>The four disciplines a multi-agency child protection team must have among its members.</summary>
public enum CoreDiscipline
{
    Education = 1,
    SocialWork = 2,
    Health = 3,
    Police = 4,
}

/// <summary>A member of a team on a date, as the core-membership rule sees them.</summary>
public sealed record TeamMember(int PersonId, string Name, string Organisation, Sector Sector, string? NominatedBy);

/// <summary>One discipline and who covers it on the date (none when it is missing).</summary>
public sealed record CoreSeat(CoreDiscipline Discipline, IReadOnlyList<TeamMember> Members)
{
    public bool InPlace => Members.Count > 0;
}

/// <summary>
/// Whether a multi-agency child protection team has its core members in place (Children's Wellbeing and Schools Act
/// 2026, s.3: education, social work, health and police). A member counts for the discipline of the sector of the
/// organisation they sit for: children's social work is the council's.
/// </summary>
public static class ChildProtectionTeam
{
    public static CoreDiscipline? DisciplineOf(Sector sector) => sector switch
    {
        Sector.Education or Sector.EarlyYears => CoreDiscipline.Education,
        Sector.LocalAuthority => CoreDiscipline.SocialWork,
        Sector.Health => CoreDiscipline.Health,
        Sector.Police => CoreDiscipline.Police,
        _ => null,
    };

    public static IReadOnlyList<CoreSeat> CoreSeats(IEnumerable<TeamMember> members)
    {
        var byDiscipline = members.Where(m => DisciplineOf(m.Sector) is not null).ToLookup(m => DisciplineOf(m.Sector)!.Value);
        return Enum.GetValues<CoreDiscipline>()
            .Select(d => new CoreSeat(d, byDiscipline[d].OrderBy(m => m.Name, StringComparer.Ordinal).ToList()))
            .ToList();
    }

    public static bool AllInPlace(IEnumerable<TeamMember> members) => CoreSeats(members).All(s => s.InPlace);
}
