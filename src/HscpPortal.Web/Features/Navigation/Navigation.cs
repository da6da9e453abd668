using HscpPortal.Web.Security;

namespace HscpPortal.Web.Features.Navigation;

/// <summary>The menu's top-level items: grouped by what people do, never more than seven.</summary>
public enum NavArea
{
    Home,
    Meetings,
    Actions,
    Assurance,
    Reports,
    Partnership,
    Admin,
}

/// <summary>
/// A top-level item. One with a <paramref name="Hub"/> links to a page listing its pages with a line each; one
/// without links to its first page the user may open, and its pages are shown as a row of links under the menu.
/// </summary>
public sealed record NavSection(NavArea Area, string Label, string? Hub = null, string? Description = null);

/// <summary>
/// A page the menu offers: its label, its URL, the policy that shows it, the top-level item it sits under and a line
/// saying what it is for (shown on hub pages). It also marks as current every page under its URL and under
/// <paramref name="Also"/> (paths in which "*" stands for one segment, such as a group's id).
/// </summary>
public sealed record NavPage(NavArea Area, string Label, string Url, string Policy, string Description, params string[] Also);

/// <summary>
/// The portal's navigation, in menu order. A new line of work adds its page here in one line; the layout, the hub
/// pages, the highlighted item and the breadcrumbs' hub all follow from this list.
/// </summary>
public static class Navigation
{
    public const string PartnershipHub = "/partnership";
    public const string AdminHub = "/admin";

    /// <summary>The most top-level items any user may see; the test of the menu holds every role to it.</summary>
    public const int MaxTopLevel = 7;

    public static IReadOnlyList<NavSection> Sections { get; } =
    [
        new(NavArea.Home, "Home"),
        new(NavArea.Meetings, "Meetings"),
        new(NavArea.Actions, "Actions"),
        new(NavArea.Assurance, "Assurance"),
        new(NavArea.Reports, "Reports"),
        new(NavArea.Partnership, "Partnership", PartnershipHub, "Who the partnership is: its structure, groups, organisations, people, the partners' representatives and its priorities."),
        new(NavArea.Admin, "Admin", AdminHub, "Running the portal: user accounts, the audit trail and the bank holidays that working-day deadlines skip."),
    ];

    public static IReadOnlyList<NavPage> Pages { get; } =
    [
        new(NavArea.Home, "Overview", "/", Policies.ViewRecords, "Your groups and the partnership at a glance."),
        new(NavArea.Home, "Partnership dashboard", "/dashboard", Policies.ViewRecords, "Is the partnership effective: attendance, quorum, actions, escalations and the yearly report's deadline."),
        new(NavArea.Home, "Partner dashboard", "/dashboard/partner", Policies.ViewPartnerDashboard, "What needs a statutory partner: decisions to ratify, sign-offs, the agency's actions and escalations."),
        new(NavArea.Home, "Chair's dashboards", "/dashboard/chair", Policies.ChairsAGroup, "The dashboards of the groups you chair.", "/groups/*/dashboard"),
        new(NavArea.Home, "My work", "/my-work", Policies.ViewRecords, "Your actions, your groups' coming meetings and your agency's actions."),
        new(NavArea.Meetings, "Meetings", "/meetings", Policies.ViewRecords, "Every group's meetings, agendas, papers, registers and minutes.", "/groups/*/meetings", "/papers"),
        new(NavArea.Meetings, "Decisions", "/decisions", Policies.ViewRecords, "The decisions log."),
        new(NavArea.Meetings, "Decisions to ratify", "/decisions/ratification", Policies.ViewRecords, "Key decisions taken while a meeting was inquorate."),
        new(NavArea.Meetings, "Attendance", "/meetings/attendance", Policies.ViewRecords, "Attendance by partner and agency for a reporting year."),
        new(NavArea.Actions, "Action tracker", "/actions", Policies.ViewRecords, "Every group's actions, with filters and exports."),
        new(NavArea.Actions, "My actions", "/actions/mine", Policies.ViewRecords, "The actions you own."),
        new(NavArea.Actions, "Escalations", "/escalations", Policies.ViewEscalations, "The escalations log and each escalation's stages."),
        new(NavArea.Assurance, "Assurance overview", "/dashboard/assurance", Policies.ViewRecords, "Audits, agencies' self-assessments and the scrutineer's challenges for a reporting year."),
        new(NavArea.Assurance, "Audits", "/audits", Policies.ViewRecords, "Multi-agency audits and their findings."),
        new(NavArea.Assurance, "Performance scorecard", "/scorecard", Policies.ViewRecords, "The multi-agency dataset: each indicator against its target, its trend and comparators."),
        new(NavArea.Assurance, "Performance indicators", "/performance/indicators", Policies.ViewRecords, "What each indicator counts, its source, target and owning group."),
        new(NavArea.Assurance, "Enter performance values", "/performance/values", Policies.EnterPerformanceValues, "Your groups' indicators due for a month, quarter or year, on one page."),
        new(NavArea.Assurance, "Section 11 and 175", "/section11", Policies.ViewRecords, "Agencies' and schools' safeguarding self-assessments, and your own returns."),
        new(NavArea.Assurance, "Independent scrutiny", "/scrutiny", Policies.ViewRecords, "The independent scrutineer's activities and challenges, and the agencies' responses."),
        new(NavArea.Reports, "Yearly reports", "/reports/yearly", Policies.ViewRecords, "Each year's report from draft to publication."),
        new(NavArea.Reports, "Escalation analysis", "/escalations/analysis", Policies.ViewEscalations, "Escalations by year, agency and stage, and drift."),
        new(NavArea.Partnership, "Governance structure", "/structure", Policies.ViewRecords, "The partnership's groups and who they report to, on any date."),
        new(NavArea.Partnership, "Groups", "/groups", Policies.ViewRecords, "The board and its subgroups: members, chairs, meetings and action plans."),
        new(NavArea.Partnership, "Organisations", "/organisations", Policies.ViewRecords, "The statutory partners and the relevant agencies."),
        new(NavArea.Partnership, "People", "/people", Policies.ViewRecords, "Everyone who sits on a group or represents an organisation."),
        new(NavArea.Partnership, "Partner representation", "/representation", Policies.ViewRecords, "Who represented each statutory partner, and when."),
        new(NavArea.Partnership, "Priorities", "/priorities", Policies.ViewRecords, "The partnership's priorities and the actions towards them."),
        new(NavArea.Admin, "Users", "/users", Policies.ManageUsers, "Invite users, change their roles and deactivate accounts."),
        new(NavArea.Admin, "Audit trail", "/audit", Policies.ViewAuditTrail, "Every change to every record: who, when, and from what to what."),
        new(NavArea.Admin, "Bank holidays", "/admin/bank-holidays", Policies.ManageStructure, "The England and Wales bank holidays that working-day deadlines skip."),
    ];

    public static NavSection Section(NavArea area) => Sections.Single(s => s.Area == area);

    /// <summary>
    /// The page a path is under: the one whose URL (or an <see cref="NavPage.Also"/> path) is the longest match, so
    /// /escalations/analysis is "Escalation analysis" and /escalations/12 is "Escalations". Null for pages under no
    /// item (the account pages, errors).
    /// </summary>
    public static NavPage? PageFor(string? path)
    {
        path = Normalise(path);
        NavPage? best = null;
        var bestLength = -1;
        foreach (var page in Pages)
        {
            foreach (var prefix in page.Also.Prepend(page.Url))
            {
                var length = MatchLength(prefix, path);
                if (length > bestLength)
                {
                    (best, bestLength) = (page, length);
                }
            }
        }

        return best;
    }

    /// <summary>The top-level item a path is under: a hub page's own, or its page's (see <see cref="PageFor"/>).</summary>
    public static NavSection? SectionFor(string? path) =>
        Sections.FirstOrDefault(s => s.Hub is { } hub && SamePath(hub, path))
        ?? (PageFor(path) is { } page ? Section(page.Area) : null);

    /// <summary>Whether the path is exactly the URL's, ignoring a query and a trailing slash.</summary>
    public static bool SamePath(string url, string? path) => string.Equals(Normalise(url), Normalise(path), StringComparison.OrdinalIgnoreCase);

    private static string Normalise(string? path)
    {
        var p = (path ?? "/").Split('?', '#')[0];
        return p.Length > 1 ? p.TrimEnd('/') : "/";
    }

    // How many characters of the path the prefix covers, or -1: "/" matches only the home page itself, and a prefix
    // matches whole segments, so /meetings never claims /meetings-archive.
    private static int MatchLength(string prefix, string path)
    {
        if (prefix == "/")
        {
            return path == "/" ? 1 : -1;
        }

        var want = prefix.Trim('/').Split('/');
        var have = path.Trim('/').Split('/');
        if (have.Length < want.Length)
        {
            return -1;
        }

        for (var i = 0; i < want.Length; i++)
        {
            if (want[i] != "*" && !string.Equals(want[i], have[i], StringComparison.OrdinalIgnoreCase))
            {
                return -1;
            }
        }

        return prefix.Length;
    }
}
