using HscpPortal.Web.Features.ReportDraft.Sections;
using HscpPortal.Web.Reporting;
using K = HscpPortal.Web.Reporting.ReportSectionKeys;
using R = HscpPortal.Web.Reporting.ReadinessKeys;

namespace HscpPortal.Web.Features.ReportDraft;

/// <summary>
/// The yearly report's sections, in report order. Adding a capability's section: write its builder (a
/// <see cref="ReportSection{TModel}"/>) and its partial in Sections/, and replace its <see cref="UnbuiltSection"/>
/// here; nothing else changes.
/// </summary>
public static class ReportSections
{
    public static IReadOnlyList<IReportSection> All { get; } =
    [
        new NarrativeSection(K.Foreword, "Foreword"),
        new NarrativeSection(K.About, "About the partnership"),
        new NarrativeSection(K.LocalContext, "Local context"),
        new GovernanceSection(),
        new BoardImpactSection(),
        new UnbuiltSection(K.Priorities, "Our priorities", R.PartnersDid, R.LittleProgress),
        new UnbuiltSection(K.Performance, "Performance data", R.Effectiveness),
        new UnbuiltSection(K.Audits, "Multi-agency audits", R.Effectiveness),
        new UnbuiltSection(K.CaseReviews, "Case reviews", R.PartnersDid, R.ReviewRecommendations),
        new UnbuiltSection(K.Training, "Training", R.Effectiveness),
        new EscalationsSection(),
        new ActionPlansSection(),
        new UnbuiltSection(K.Policies, "Policies reviewed"),
        new UnbuiltSection(K.Voice, "Voice of children and families", R.Voice),
        new UnbuiltSection(K.Section11, "Section 11 and section 175 audits", R.Effectiveness),
        new UnbuiltSection(K.Scrutiny, "Independent scrutiny activity", R.Scrutiny),
        new UnbuiltSection(K.Funding, "Funding", R.Funding),
        new NarrativeSection(K.Challenges, "Challenges", R.LittleProgress),
        new NarrativeSection(K.ScrutineerComment, "The independent scrutineer's comment", R.Scrutiny),
        new NarrativeSection(K.PrioritiesAhead, "Priorities for the year ahead"),
        new UnbuiltSection(K.StructureAppendix, "Appendix: governance structure"),
    ];

    public static IReportSection? Find(string key) => All.FirstOrDefault(s => s.Key == key);

    /// <summary>The section a narrative key belongs to ("foreword", or "commentary:governance"), or null if none.</summary>
    public static IReportSection? ForTextKey(string? textKey)
    {
        if (string.IsNullOrEmpty(textKey))
        {
            return null;
        }

        var prefix = ReportSectionKeys.Commentary("");
        if (textKey.StartsWith(prefix, StringComparison.Ordinal))
        {
            return Find(textKey[prefix.Length..]) is { Kind: ReportSectionKind.Data } data ? data : null;
        }

        return Find(textKey) is { Kind: ReportSectionKind.Narrative } narrative ? narrative : null;
    }

    /// <summary>The narrative sections the independent scrutineer may write as well as the partnership team.</summary>
    public static readonly IReadOnlySet<string> ScrutineerMayEdit = new HashSet<string>(StringComparer.Ordinal) { K.Foreword, K.ScrutineerComment };

    /// <summary>
    /// Whether a user may write the text saved under a key: the partnership team (<paramref name="editsReport"/>, the
    /// EditReport policy) writes it all; the independent scrutineer writes the foreword and their own comment.
    /// </summary>
    public static bool MayEditText(bool editsReport, System.Security.Claims.ClaimsPrincipal user, string key) =>
        editsReport || (user.IsInRole(HscpPortal.Web.Security.Roles.Scrutineer) && ScrutineerMayEdit.Contains(key));
}
