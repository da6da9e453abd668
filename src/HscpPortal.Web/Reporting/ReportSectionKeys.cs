namespace HscpPortal.Web.Reporting;

/// <summary>
/// The stable keys of the yearly report's sections, shared by the assembler, the narrative store, review comments
/// and demo data. A key is stored with narrative versions and comments, so it never changes once used.
/// </summary>
public static class ReportSectionKeys
{
    // Narrative sections: written by people, saved in versions.
    public const string Foreword = "foreword";
    public const string About = "about";
    public const string LocalContext = "local-context";
    public const string ScrutineerComment = "scrutineer-comment";
    public const string Challenges = "challenges";
    public const string PrioritiesAhead = "priorities-ahead";

    /// <summary>Who signs the foreword, one per line ("Name, role"): saved in versions like the foreword itself.</summary>
    public const string ForewordSignatories = "foreword-signatories";

    // Data sections: assembled from the records; each may carry a commentary ("commentary:{key}") and an impact
    // statement ("impact:{key}").
    public const string Governance = "governance";
    public const string BoardImpact = "board-impact";
    public const string Priorities = "priorities";
    public const string Performance = "performance";
    public const string Audits = "audits";
    public const string CaseReviews = "case-reviews";
    public const string Training = "training";
    public const string Escalations = "escalations";
    public const string ActionPlans = "action-plans";
    public const string Policies = "policies";
    public const string Voice = "voice";
    public const string Section11 = "section-11";
    public const string Scrutiny = "scrutiny";
    public const string Funding = "funding";
    public const string StructureAppendix = "structure-appendix";

    public const string Glossary = "glossary";

    /// <summary>The appendices and the glossary: after the body, lettered rather than numbered, from a new page.</summary>
    public static bool IsBackMatter(string key) => key is StructureAppendix or Glossary;

    public static string Commentary(string sectionKey) => $"commentary:{sectionKey}";

    /// <summary>A data section's "Impact" statement: what difference the work made, written by the team and shown as such.</summary>
    public static string Impact(string sectionKey) => $"impact:{sectionKey}";
}
