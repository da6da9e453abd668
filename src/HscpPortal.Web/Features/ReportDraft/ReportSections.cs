using HscpPortal.Web.Features.Audits;
using HscpPortal.Web.Features.EscalationAnalysis;
using HscpPortal.Web.Features.ReportDraft.Sections;
using HscpPortal.Web.Features.Section11;
using HscpPortal.Web.Features.Scrutiny;
using HscpPortal.Web.Reporting;
using K = HscpPortal.Web.Reporting.ReportSectionKeys;
using R = HscpPortal.Web.Reporting.ReadinessKeys;

namespace HscpPortal.Web.Features.ReportDraft;

/// <summary>
/// The yearly report's sections, in report order. Adding a capability's section: write its builder (a
/// <see cref="ReportSection{TModel}"/>) and its partial side by side in its line of work's folder
/// (Features/Training/TrainingSection.cs and _TrainingSection.cshtml, say), and replace its <see cref="UnbuiltSection"/>
/// here with <c>Data&lt;TrainingSection&gt;()</c>; DI learns of it from this list, so nothing else changes.
/// </summary>
public static class ReportSections
{
    public static IReadOnlyList<ReportSectionEntry> All { get; } =
    [
        Narrative(K.Foreword, "Foreword"),
        Narrative(K.About, "About the partnership"),
        Narrative(K.LocalContext, "Local context"),
        Data<GovernanceSection>(),
        Data<BoardImpactSection>(),
        Unbuilt(K.Priorities, "Our priorities", R.PartnersDid, R.LittleProgress),
        Unbuilt(K.Performance, "Performance data", R.Effectiveness),
        Data<AuditsSection>(),
        Unbuilt(K.CaseReviews, "Case reviews", R.PartnersDid, R.ReviewRecommendations),
        Unbuilt(K.Training, "Training", R.Effectiveness),
        Data<EscalationsSection>(),
        Data<ActionPlansSection>(),
        Unbuilt(K.Policies, "Policies reviewed"),
        Unbuilt(K.Voice, "Voice of children and families", R.Voice),
        Data<SelfAssessmentSection>(),
        Data<ScrutinySection>(),
        Unbuilt(K.Funding, "Funding", R.Funding),
        Narrative(K.Challenges, "Challenges", R.LittleProgress),
        Narrative(K.ScrutineerComment, "The independent scrutineer's comment", R.Scrutiny),
        Narrative(K.PrioritiesAhead, "Priorities for the year ahead"),
        Data<GovernanceAppendixSection>(),
        Data<GlossarySection>(),
    ];

    /// <summary>Registers every data section in the list above, and the outline that builds them for a request.</summary>
    public static IServiceCollection AddReportSections(this IServiceCollection services)
    {
        foreach (var entry in All.Where(e => e.FromServices))
        {
            services.AddScoped(entry.Type);
        }

        return services.AddScoped<ReportOutline>();
    }

    private static ReportSectionEntry Narrative(string key, string title, params string[] provides) => ReportSectionEntry.Of(new NarrativeSection(key, title, provides));

    private static ReportSectionEntry Unbuilt(string key, string title, params string[] provides) => ReportSectionEntry.Of(new UnbuiltSection(key, title, provides));

    private static ReportSectionEntry Data<T>()
        where T : class, IReportSection => ReportSectionEntry.Of<T>();

    /// <summary>The narrative sections the independent scrutineer may write as well as the partnership team.</summary>
    public static readonly IReadOnlySet<string> ScrutineerMayEdit = new HashSet<string>(StringComparer.Ordinal) { K.Foreword, K.ForewordSignatories, K.ScrutineerComment };

    /// <summary>
    /// Whether a user may write the text saved under a key: the partnership team (<paramref name="editsReport"/>, the
    /// EditReport policy) writes it all; the independent scrutineer (<paramref name="writesScrutinyText"/>, the
    /// WriteScrutinyText policy) writes the foreword and their own comment.
    /// </summary>
    public static bool MayEditText(bool editsReport, bool writesScrutinyText, string key) =>
        editsReport || (writesScrutinyText && ScrutineerMayEdit.Contains(key));
}
