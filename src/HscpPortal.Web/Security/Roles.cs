namespace HscpPortal.Web.Security;

public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string PartnershipTeam = nameof(PartnershipTeam);
    public const string Scrutineer = nameof(Scrutineer);
    public const string SafeguardingPartner = nameof(SafeguardingPartner);
    public const string Member = nameof(Member);

    public static readonly IReadOnlyList<string> All = [Administrator, PartnershipTeam, Scrutineer, SafeguardingPartner, Member];

    public static string Describe(string role) => role switch
    {
        Administrator => "Administrator",
        PartnershipTeam => "Partnership team",
        Scrutineer => "Independent scrutineer",
        SafeguardingPartner => "Safeguarding partner",
        Member => "Member",
        _ => role,
    };
}
