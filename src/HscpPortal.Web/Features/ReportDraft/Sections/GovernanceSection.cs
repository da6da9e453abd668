using System.Text.Json.Serialization;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Reporting;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.ReportDraft.Sections;

public sealed record StructureRow(string Name, GroupKind Kind, string? Chair, string? ReportsTo, DateOnly? EstablishedOn);

public sealed record GroupChange(string Name, GroupKind Kind, DateOnly On, string Change, IReadOnlyList<string> WorkPassedTo);

public sealed record MembershipChangeRow(string Group, int Joined, int Left)
{
    /// <summary>Where its records are; not part of what partners sign.</summary>
    [JsonIgnore]
    public int GroupId { get; init; }
}

public sealed record LeadershipChange(string Group, MembershipRole Role, string Person, string Organisation, DateOnly From, DateOnly? To);

public sealed record RepresentationRow(string Partner, RepresentationRole Role, string Person, DateOnly From, DateOnly? To);

public sealed class GovernanceModel
{
    /// <summary>The year's last day: who held a role on it is the year-end picture.</summary>
    public required DateOnly YearEnd { get; init; }

    public required IReadOnlyList<StructureRow> Structure { get; init; }
    public required IReadOnlyList<GroupChange> GroupChanges { get; init; }
    public required IReadOnlyList<MembershipChangeRow> MembershipChanges { get; init; }
    public required IReadOnlyList<LeadershipChange> LeadershipChanges { get; init; }
    public required IReadOnlyList<RepresentationRow> Representation { get; init; }

}

/// <summary>
/// The structure on the year's last day (groups live on 31 March, their chair and whom they report to), what changed
/// during the year (groups set up, dissolved or merged, seats taken and given up, chairs changed) and who held each
/// statutory partner's lead, delegated and deputy roles at any time in the year.
/// </summary>
public sealed class GovernanceSection : ReportSection<GovernanceModel>
{
    public override string Key => ReportSectionKeys.Governance;
    public override string Title => "Governance and membership";
    public override IReadOnlyList<string> Provides => [ReadinessKeys.PartnersDid];

    public override async Task<GovernanceModel> BuildAsync(ReportContext context, CancellationToken ct)
    {
        var db = context.Db;
        var year = context.Year;
        var end = year.End;
        var groups = await db.Groups.AsNoTracking().Where(g => g.IsLive())
            .Select(g => new { g.Id, g.Name, g.Kind, g.ReportsToId, g.EstablishedOn, g.DissolvedOn, g.SortOrder })
            .ToListAsync(ct);
        var names = groups.ToDictionary(g => g.Id, g => g.Name);
        var memberships = await db.GroupMemberships.AsNoTracking()
            .Where(m => m.IsLive() && m.Overlaps(year.Start, end))
            .Select(m => new { m.GroupId, m.Role, m.From, m.To, Person = m.Person!.FullName, Organisation = m.Organisation!.Name })
            .ToListAsync(ct);
        var successions = await db.GroupSuccessions.AsNoTracking().Select(s => new { s.FromGroupId, s.ToGroupId }).ToListAsync(ct);

        static bool LiveOn(DateOnly? established, DateOnly? dissolved, DateOnly date) =>
            (established is null || established <= date) && (dissolved is null || date < dissolved);

        var structure = groups
            .Where(g => LiveOn(g.EstablishedOn, g.DissolvedOn, end))
            .OrderBy(g => g.Kind).ThenBy(g => g.SortOrder).ThenBy(g => g.Name, StringComparer.Ordinal)
            .Select(g => new StructureRow(
                g.Name,
                g.Kind,
                memberships.Where(m => m.GroupId == g.Id && m.Role == MembershipRole.Chair && Period.Contains(m.From, m.To, end))
                    .OrderBy(m => m.From).Select(m => m.Person).FirstOrDefault(),
                g.ReportsToId is { } parent ? names.GetValueOrDefault(parent) : null,
                g.EstablishedOn))
            .ToList();

        var changes = groups
            .Where(g => g.EstablishedOn is { } on && year.Contains(on))
            .Select(g => new GroupChange(g.Name, g.Kind, g.EstablishedOn!.Value, "Set up", []))
            .Concat(groups
                .Where(g => g.DissolvedOn is { } on && year.Contains(on))
                .Select(g =>
                {
                    var to = successions.Where(s => s.FromGroupId == g.Id).Select(s => names.GetValueOrDefault(s.ToGroupId))
                        .OfType<string>().Order(StringComparer.Ordinal).ToList();
                    return new GroupChange(g.Name, g.Kind, g.DissolvedOn!.Value, to.Count > 0 ? "Dissolved, its work passed on" : "Dissolved", to);
                }))
            .OrderBy(c => c.On).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

        var membershipChanges = memberships
            .GroupBy(m => m.GroupId)
            .Select(g => new MembershipChangeRow(
                names.GetValueOrDefault(g.Key, ""),
                g.Count(m => year.Contains(m.From)),
                g.Count(m => m.To is { } to && year.Contains(to)))
            { GroupId = g.Key })
            .Where(r => r.Joined + r.Left > 0 && r.Group.Length > 0)
            .OrderBy(r => r.Group, StringComparer.Ordinal)
            .ToList();

        // A chair or vice-chair whose seat began or ended in the year: the leadership changes readers look for.
        var leadership = memberships
            .Where(m => m.Role is MembershipRole.Chair or MembershipRole.ViceChair
                && (year.Contains(m.From) || (m.To is { } to && year.Contains(to))))
            .Select(m => new LeadershipChange(names.GetValueOrDefault(m.GroupId, ""), m.Role, m.Person, m.Organisation, m.From, m.To))
            .Where(c => c.Group.Length > 0)
            .OrderBy(c => c.Group, StringComparer.Ordinal).ThenBy(c => c.From)
            .ToList();

        var representation = await db.PartnerRepresentatives.AsNoTracking()
            .Where(r => r.IsLive() && r.Organisation!.IsPartnerDuring(year.Start, end) && r.Overlaps(year.Start, end))
            .Select(r => new { Partner = r.Organisation!.Name, PartnerKind = r.Organisation.StatutoryPartner, r.Role, Person = r.Person!.FullName, r.From, r.To })
            .ToListAsync(ct);

        return new GovernanceModel
        {
            YearEnd = end,
            Structure = structure,
            GroupChanges = changes,
            MembershipChanges = membershipChanges,
            LeadershipChanges = leadership,
            Representation = representation
                .OrderBy(r => r.PartnerKind).ThenBy(r => r.Role).ThenBy(r => r.From).ThenBy(r => r.Person, StringComparer.Ordinal)
                .Select(r => new RepresentationRow(r.Partner, r.Role, r.Person, r.From, r.To))
                .ToList(),
        };
    }
}

/// <summary>
/// The appendix: every change of membership and role during the year, which the governance section only summarises.
/// Chairs appear by role and organisation; only the statutory roles, which the law names, carry people's names.
/// </summary>
public sealed class GovernanceAppendixSection : ReportSection<GovernanceAppendixModel>
{
    public override string Key => ReportSectionKeys.StructureAppendix;
    public override string Title => "Changes in membership and roles during the year";

    public override async Task<GovernanceAppendixModel> BuildAsync(ReportContext context, CancellationToken ct) =>
        new(await new GovernanceSection().BuildAsync(context, ct));
}

/// <summary>The appendix's facts: the year's governance, of which it lists every change; its figures are the seats taken and given up.</summary>
public sealed record GovernanceAppendixModel(GovernanceModel Governance) : IHasFigures
{
    public IEnumerable<ReportFigure> Figures(ReportPeriod period) => GovernanceFigures.Of(Governance, period);
}

public static class GovernanceText
{
    /// <summary>The statutory roles held on the year's last day, one row per partner and role.</summary>
    public static IReadOnlyList<RepresentationRow> AtYearEnd(GovernanceModel model) =>
        model.Representation.Where(r => r.From <= model.YearEnd && (r.To is null || r.To >= model.YearEnd)).ToList();

    /// <summary>Whether anything changed that the appendix lists.</summary>
    public static bool HasChanges(GovernanceModel model) =>
        model.MembershipChanges.Count > 0 || model.LeadershipChanges.Count > 0 || model.Representation.Any(r => r.To is not null || r.From > YearStart(model));

    private static DateOnly YearStart(GovernanceModel model) => model.YearEnd.AddYears(-1).AddDays(1);

    /// <summary>"Chair" or "Vice-chair".</summary>
    public static string Seat(MembershipRole role) => role == MembershipRole.ViceChair ? "Vice-chair" : "Chair";

    public static string Role(RepresentationRole role) => role switch
    {
        RepresentationRole.LeadPartner => "Lead safeguarding partner",
        RepresentationRole.DelegatedPartner => "Delegated safeguarding partner",
        _ => "Deputy",
    };
}
