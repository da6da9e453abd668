using System.Globalization;
using HscpPortal.Web.Features.Audits;
using HscpPortal.Web.Features.ReportDraft.Sections;
using HscpPortal.Web.Features.Scrutiny;
using K = HscpPortal.Web.Reporting.ReportSectionKeys;
using R = HscpPortal.Web.Reporting.ReadinessKeys;

namespace HscpPortal.Web.Reporting;

/// <summary>
/// Checks an assembled report against what the yearly report must contain. The rules, kept deliberately plain:
/// <list type="bullet">
/// <item>An item backed by records the portal holds is present when those records show it (board meetings held,
/// actions overdue or off track on 31 March).</item>
/// <item>An item whose records the portal does not hold yet (case reviews, training, voice, funding) is present only
/// when people have written that section's commentary; the detail says it rests on narrative alone.</item>
/// <item>Impact is never read from figures alone: it needs the commentary that says what the figures mean.</item>
/// </list>
/// Each missing item links to the editor of the text that would supply it, or to the records to fix.
/// </summary>
public static class ReportReadiness
{
    /// <summary>The statutory items in the order the check lists them, with what each requires.</summary>
    private static readonly (string Key, string Requirement)[] Items =
    [
        (R.PartnersDid, "What the partners did, including on practice reviews"),
        (R.Effectiveness, "Evidence of effectiveness and impact, including of training"),
        (R.LittleProgress, "Areas with little or no progress"),
        (R.ReviewRecommendations, "Decisions and actions taken on review recommendations"),
        (R.Voice, "How feedback from children and families was sought and used"),
        (R.Funding, "Funding: the partners' contributions and how they were used"),
        (R.Scrutiny, "Independent scrutiny"),
    ];

    public static string Requirement(string key) => Items.FirstOrDefault(i => i.Key == key).Requirement ?? key;

    public static int Order(string key) => Array.FindIndex(Items, i => i.Key == key) is var i and >= 0 ? i : int.MaxValue;

    public static IReadOnlyList<ReadinessItem> Check(YearlyReportModel report)
    {
        var y = report.Year.ToString();
        string Edit(string textKey) => $"/reports/yearly/{y}/sections/{textKey}";
        bool Has(string textKey) => report.Sections.Any(s => s.TextKey == textKey && s.Text is not null);
        string Commentary(string section) => K.Commentary(section);
        var board = report.Facts<BoardImpactModel>(K.BoardImpact);
        var actions = report.Facts<ActionPlansModel>(K.ActionPlans);
        var items = new List<ReadinessItem>();

        // What the partners did, including on practice reviews.
        var meetings = board?.Meetings.Count ?? 0;
        var caseReviews = Has(Commentary(K.CaseReviews));
        items.Add(new ReadinessItem(
            R.PartnersDid,
            Requirement(R.PartnersDid),
            meetings > 0 && caseReviews,
            (meetings > 0 ? $"The board held {Count(meetings, "meeting")} in {y}." : $"No board meetings are recorded as held in {y}.")
                + (caseReviews ? " Practice reviews are described in the case reviews commentary (case review records are not yet in the portal)."
                    : " Nothing is written about practice reviews: case review records are not yet in the portal, so write the case reviews commentary."),
            meetings == 0 ? "/meetings" : Edit(Commentary(K.CaseReviews))));

        // Evidence of effectiveness and impact, including of training. Multi-agency audits are the partnership's own
        // evidence of whether practice is effective, so audits reported in the year, with commentary on what they
        // changed, meet the impact half as the board's impact commentary does; training still needs its own words.
        var audits = report.Facts<AuditsSectionModel>(K.Audits)?.Audits.Count ?? 0;
        var auditImpact = audits > 0 && Has(Commentary(K.Audits));
        var impact = Has(Commentary(K.BoardImpact)) || auditImpact;
        var training = Has(Commentary(K.Training));
        items.Add(new ReadinessItem(
            R.Effectiveness,
            Requirement(R.Effectiveness),
            impact && training,
            (Has(Commentary(K.BoardImpact)) ? "The board's impact is described in its commentary."
                : auditImpact ? $"{Count(audits, "multi-agency audit")} reported in {y}, and the audits commentary says what they changed."
                : audits > 0 ? $"{Count(audits, "multi-agency audit")} reported in {y}, but neither the audits nor the board's impact section has commentary on what was achieved."
                : "The board's impact section has figures but no commentary on what they achieved.")
                + (training ? " Training is described in its commentary (training records are not yet in the portal)."
                    : " Nothing is written about training: training records are not yet in the portal, so write the training commentary."),
            !impact ? Edit(Commentary(audits > 0 ? K.Audits : K.BoardImpact)) : Edit(Commentary(K.Training))));

        // Areas with little or no progress: the list of stalled actions is evidence only with words that say why they
        // stalled (the action plans commentary) or a statement of where progress was limited, or that there was none.
        var stalled = actions?.Stalled ?? [];
        var actionCommentary = Has(Commentary(K.ActionPlans));
        var anyActions = actions is not null && (actions.OpenAtYearEnd + actions.CompletedInYear) > 0;
        var challenges = Has(K.Challenges);
        var named = stalled.Count == 0 ? ""
            : $" They include {string.Join("; ", stalled.Take(3).Select(a => $"“{a.Title}” ({a.Group})"))}{(stalled.Count > 3 ? $" and {Count(stalled.Count - 3, "more")}" : "")}.";
        items.Add(new ReadinessItem(
            R.LittleProgress,
            Requirement(R.LittleProgress),
            challenges || (anyActions && actionCommentary),
            (stalled.Count > 0
                ? $"{Count(stalled.Count, "action")} {(stalled.Count == 1 ? "was" : "were")} overdue or off track on 31 March {report.Year.StartYear + 1}.{named}"
                : "No action was overdue or off track at year end.")
                + (challenges ? " The challenges section says where progress was limited."
                    : anyActions && actionCommentary ? " The action plans commentary explains the year's progress."
                    : " Nothing says why progress was limited, or that it was not: write the challenges section or the action plans commentary."),
            Edit(actionCommentary || !anyActions ? K.Challenges : Commentary(K.ActionPlans))));

        // Decisions and actions on review recommendations.
        var reviewActions = actions?.FromCaseReviews ?? 0;
        items.Add(new ReadinessItem(
            R.ReviewRecommendations,
            Requirement(R.ReviewRecommendations),
            reviewActions > 0 || caseReviews,
            (reviewActions > 0 ? $"{Count(reviewActions, "action")} from case review recommendations {(reviewActions == 1 ? "was" : "were")} live in {y}." : $"No actions from case review recommendations are recorded for {y}.")
                + (caseReviews ? " The case reviews commentary describes the decisions." : " Case review records are not yet in the portal."),
            reviewActions > 0 ? "/actions?source=CaseReview" : Edit(Commentary(K.CaseReviews))));

        items.Add(NarrativeOnly(R.Voice, Requirement(R.Voice), Has(Commentary(K.Voice)),
            "voice of children and families", Edit(Commentary(K.Voice))));
        items.Add(NarrativeOnly(R.Funding, Requirement(R.Funding), Has(Commentary(K.Funding)),
            "funding", Edit(Commentary(K.Funding))));

        // Independent scrutiny: the scrutineer's own record (activities and challenges in the year) is the evidence;
        // the scrutineer's comment or the scrutiny commentary stands in for a year whose work was not recorded.
        var scrutineer = Has(K.ScrutineerComment);
        var scrutiny = Has(Commentary(K.Scrutiny));
        // A report assembled without the section (an outline of its own, in tests) has no record to read.
        var record = report.Sections.FirstOrDefault(s => s.Key == K.Scrutiny)?.Model as ScrutinySectionModel;
        var activities = record?.Activities.Count ?? 0;
        var raised = record?.Challenges.Count ?? 0;
        var recorded = activities + raised > 0;
        items.Add(new ReadinessItem(
            R.Scrutiny,
            Requirement(R.Scrutiny),
            recorded || scrutineer || scrutiny,
            (recorded
                ? $"The scrutineer's record shows {activities.ToString(CultureInfo.InvariantCulture)} scrutiny {(activities == 1 ? "activity" : "activities")} and {Count(raised, "challenge")} raised in {y}"
                    + (raised > 0 ? $", {record!.Responded} answered by 31 March {report.Year.StartYear + 1}." : ".")
                : $"No scrutiny activity or challenge is recorded for {y}.")
                + (scrutineer ? " The independent scrutineer's comment is written."
                    : scrutiny ? " Scrutiny activity is described in its commentary; the independent scrutineer's comment is not written yet."
                    : recorded ? " The independent scrutineer's comment is not written yet."
                    : " Neither the independent scrutineer's comment nor a description of scrutiny activity is written."),
            recorded || scrutineer || scrutiny ? Edit(K.ScrutineerComment) : $"/scrutiny?year={y}"));

        return items;
    }

    private static ReadinessItem NarrativeOnly(string key, string requirement, bool written, string topic, string fixUrl) =>
        new(key, requirement, written,
            written ? $"Described in the {topic} commentary ({topic} records are not yet in the portal)."
                : $"Nothing is written about {topic}, and its records are not yet in the portal: write the {topic} commentary.",
            fixUrl);

    private static string Count(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";
}
