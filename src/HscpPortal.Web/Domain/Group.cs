namespace HscpPortal.Web.Domain;

public enum GroupKind
{
    Board = 1,
    Subgroup = 2,
    TaskAndFinish = 3,
    Summit = 4,
    PractitionerForum = 5,

    /// <summary>A multi-agency child protection team (Children's Wellbeing and Schools Act 2026, s.3): education, social work, health and police members.</summary>
    MultiAgencyChildProtectionTeam = 6,
}

public enum GroupStatus
{
    Active = 1,
    Dissolved = 2,
}

public enum MeetingFrequency
{
    Weekly = 1,
    Fortnightly = 2,
    Monthly = 3,
    SixWeekly = 4,
    BiMonthly = 5,
    Quarterly = 6,
    TwiceYearly = 7,
    Annually = 8,
    AsRequired = 9,
}

public enum MembershipRole
{
    Chair = 1,
    ViceChair = 2,
    Member = 3,
    Adviser = 4,
    Secretariat = 5,
}

public enum QuorumRule
{
    /// <summary>All three statutory partners represented by their lead, DSP or named deputy.</summary>
    StatutoryPartners = 1,

    /// <summary>All three statutory partners plus a number of relevant agencies.</summary>
    StatutoryPartnersPlusAgencies = 2,

    /// <summary>A minimum number of people present.</summary>
    MinimumPresent = 3,

    /// <summary>
    /// All three statutory partners present through anyone attending for them, not only their lead, DSP or
    /// deputy: the usual rule for subgroups, whose seats are held by service leads.
    /// </summary>
    PartnerOrganisationsPresent = 4,
}

public class Group : ArchivableEntity
{
    public required string Name { get; set; }
    public string? ShortName { get; set; }
    public GroupKind Kind { get; set; }
    public string? Remit { get; set; }
    public int? ReportsToId { get; set; }
    public Group? ReportsTo { get; set; }
    public MeetingFrequency Frequency { get; set; }
    public GroupStatus Status { get; set; } = GroupStatus.Active;
    public DateOnly? EstablishedOn { get; set; }
    public DateOnly? DissolvedOn { get; set; }
    public string? DissolutionNote { get; set; }
    public int SortOrder { get; set; }
    public QuorumRule QuorumRule { get; set; } = QuorumRule.StatutoryPartners;

    /// <summary>The N of the quorum rule: relevant agencies, or people present.</summary>
    public int QuorumCount { get; set; }

    public List<GroupMembership> Memberships { get; set; } = [];
    public List<GroupSuccession> WorkPassedTo { get; set; } = [];

    public string DisplayName => ShortName is { Length: > 0 } ? $"{Name} ({ShortName})" : Name;

    public bool IsActiveOn(DateOnly date) =>
        (EstablishedOn is null || EstablishedOn <= date) && (DissolvedOn is null || date < DissolvedOn);
}

/// <summary>A person's dated seat on a group, with the organisation they represent there.</summary>
public class GroupMembership : ArchivableEntity, IDated
{
    public int GroupId { get; set; }
    public Group? Group { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public MembershipRole Role { get; set; } = MembershipRole.Member;
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>Who put the member forward (for a multi-agency child protection team, the agency's nominating manager).</summary>
    public int? NominatedByPersonId { get; set; }
    public Person? NominatedBy { get; set; }
}

/// <summary>When a group is dissolved, the groups that took on its work.</summary>
public class GroupSuccession
{
    public int FromGroupId { get; set; }
    public Group? FromGroup { get; set; }
    public int ToGroupId { get; set; }
    public Group? ToGroup { get; set; }
}
