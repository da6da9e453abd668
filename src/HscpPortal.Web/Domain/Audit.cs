namespace HscpPortal.Web.Domain;

/// <summary>Where a multi-agency audit is in its life, from the programme's plan to closure.</summary>
public enum AuditStatus
{
    Planned = 1,
    InProgress = 2,
    Reported = 3,
    ActionsMonitored = 4,
    Closed = 5,
    ReAuditDue = 6,
}

/// <summary>How the cases were looked at.</summary>
public enum AuditMethod
{
    JtaiTool = 1,
    DipSample = 2,
    CaseFileAudit = 3,
    PractitionerSurvey = 4,
    Other = 5,
}

/// <summary>Why the theme was put on the programme.</summary>
public enum AuditReason
{
    Data = 1,
    Priority = 2,
    CaseReview = 3,
    ScrutinyChallenge = 4,
    PractitionerConcern = 5,
}

public enum FindingKind
{
    Strength = 1,
    AreaForImprovement = 2,
}

/// <summary>What a re-audit found against a finding of the audit it repeats.</summary>
public enum FindingComparison
{
    Improved = 1,
    NoChange = 2,
    Worse = 3,
}

/// <summary>
/// A multi-agency audit on a group's yearly programme (Quality and Effectiveness by default). A planned audit is the
/// programme's line for its quarter; the same record then carries the audit through to its findings and closure.
/// It holds the number of cases sampled, never who the children were.
/// </summary>
public class Audit : ArchivableEntity
{
    public required string Title { get; set; }
    public required string Theme { get; set; }

    /// <summary>The first calendar year of the reporting year whose programme the audit is on (2023 for 2023-24).</summary>
    public int ProgrammeYear { get; set; }

    /// <summary>The quarter of the reporting year it is planned for: 1 is April to June.</summary>
    public int PlannedQuarter { get; set; }

    public AuditReason Reason { get; set; }

    /// <summary>What prompted it: the figure, priority, review or challenge.</summary>
    public string? ReasonNote { get; set; }
    public AuditMethod Method { get; set; }
    public int? CasesSampled { get; set; }

    /// <summary>Which cases were chosen and how, in words that never identify a child.</summary>
    public string? SampleDescription { get; set; }
    public int GroupId { get; set; }
    public Group? Group { get; set; }
    public AuditStatus Status { get; set; } = AuditStatus.Planned;
    public DateOnly? StartedOn { get; set; }
    public DateOnly? ReportedOn { get; set; }

    /// <summary>How the learning was shared: learning circles, briefings, a practitioner forum.</summary>
    public string? LearningShared { get; set; }

    /// <summary>How many practitioners the learning reached.</summary>
    public int? PeopleReached { get; set; }

    /// <summary>The audit this one repeats, when it is a re-audit.</summary>
    public int? ReAuditOfId { get; set; }
    public Audit? ReAuditOf { get; set; }

    public List<AuditAgency> Agencies { get; set; } = [];
    public List<AuditFinding> Findings { get; set; } = [];
}

/// <summary>An agency that took part in an audit.</summary>
public class AuditAgency : IAudited
{
    public int Id { get; set; }
    public int AuditId { get; set; }
    public Audit? Audit { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
}

/// <summary>
/// One finding of an audit, a strength or an area for improvement, in a sentence or two. On a re-audit it may revisit
/// a finding of the original audit and say whether practice improved.
/// </summary>
public class AuditFinding : ArchivableEntity
{
    public int AuditId { get; set; }
    public Audit? Audit { get; set; }
    public FindingKind Kind { get; set; }
    public required string Text { get; set; }

    /// <summary>On a re-audit: the original audit's finding this one revisits.</summary>
    public int? RevisitsFindingId { get; set; }
    public AuditFinding? RevisitsFinding { get; set; }
    public FindingComparison? Comparison { get; set; }
}

/// <summary>How a re-audit's findings compare with the original's, counted.</summary>
public sealed record ReAuditResult(int Improved, int NoChange, int Worse)
{
    public int Compared => Improved + NoChange + Worse;

    /// <summary>The one-phrase verdict: worse wins over improved, so a deterioration is never hidden by a count.</summary>
    public string Summary => Compared == 0 ? "No findings compared yet"
        : Worse > 0 ? $"Worse on {Worse} of {Compared} findings"
        : Improved == Compared ? "Improved on every finding compared"
        : Improved > 0 ? $"Improved on {Improved} of {Compared} findings, no change on {NoChange}"
        : "No change on the findings compared";
}

/// <summary>The audit's lifecycle and comparison rules, kept pure so they are unit tested without a database.</summary>
public static class AuditRules
{
    /// <summary>
    /// The moves allowed from each status. An audit may step back one stage (a report withdrawn for more work), and a
    /// re-audit can be called for once the audit has reported; a closed audit reopens only as re-audit due.
    /// </summary>
    public static IReadOnlySet<AuditStatus> Next(AuditStatus from) => from switch
    {
        AuditStatus.Planned => new HashSet<AuditStatus> { AuditStatus.InProgress },
        AuditStatus.InProgress => new HashSet<AuditStatus> { AuditStatus.Planned, AuditStatus.Reported },
        AuditStatus.Reported => new HashSet<AuditStatus> { AuditStatus.InProgress, AuditStatus.ActionsMonitored, AuditStatus.Closed, AuditStatus.ReAuditDue },
        AuditStatus.ActionsMonitored => new HashSet<AuditStatus> { AuditStatus.Reported, AuditStatus.Closed, AuditStatus.ReAuditDue },
        AuditStatus.ReAuditDue => new HashSet<AuditStatus> { AuditStatus.ActionsMonitored, AuditStatus.Closed },
        AuditStatus.Closed => new HashSet<AuditStatus> { AuditStatus.ReAuditDue },
        _ => new HashSet<AuditStatus>(),
    };

    public static bool CanMove(AuditStatus from, AuditStatus to) => from == to || Next(from).Contains(to);

    /// <summary>Statuses a new audit may be recorded at: any, since a partnership may record audits already done.</summary>
    public static bool HasStarted(AuditStatus status) => status != AuditStatus.Planned;

    public static bool HasReported(AuditStatus status) => status is not (AuditStatus.Planned or AuditStatus.InProgress);

    /// <summary>
    /// What is wrong with the audit's status, dates and sample taken together, as (field, message) pairs; empty when
    /// they agree. <paramref name="from"/> is the status it has now, or null for a new audit.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(
        AuditStatus? from, AuditStatus to, DateOnly? startedOn, DateOnly? reportedOn, int? casesSampled, DateOnly today)
    {
        var problems = new List<(string, string)>();
        if (from is { } current && !CanMove(current, to))
        {
            problems.Add(("Status", $"An audit that is {Describe(current).ToLowerInvariant()} cannot move to {Describe(to).ToLowerInvariant()}"));
        }

        if (HasStarted(to) && startedOn is null)
        {
            problems.Add(("StartedOn", "Enter the date the audit started"));
        }

        if (HasReported(to) && reportedOn is null)
        {
            problems.Add(("ReportedOn", "Enter the date the audit reported"));
        }

        if (HasReported(to) && casesSampled is null)
        {
            problems.Add(("CasesSampled", "Enter the number of cases sampled"));
        }

        if (startedOn is { } started && started > today)
        {
            problems.Add(("StartedOn", "The start date must be today or in the past"));
        }

        if (reportedOn is { } reported)
        {
            if (reported > today)
            {
                problems.Add(("ReportedOn", "The date reported must be today or in the past"));
            }
            else if (startedOn is { } s && reported < s)
            {
                problems.Add(("ReportedOn", "The date reported must be on or after the start date"));
            }
        }

        return problems;
    }

    public static ReAuditResult Compare(IEnumerable<FindingComparison?> comparisons)
    {
        var list = comparisons.Where(c => c is not null).Select(c => c!.Value).ToList();
        return new ReAuditResult(
            list.Count(c => c == FindingComparison.Improved),
            list.Count(c => c == FindingComparison.NoChange),
            list.Count(c => c == FindingComparison.Worse));
    }

    /// <summary>The quarter of its reporting year a date falls in: April to June is 1.</summary>
    public static int QuarterOf(DateOnly date) => ((date.Month + 8) % 12 / 3) + 1;

    public static string QuarterText(int quarter) => quarter switch
    {
        1 => "Q1 (April to June)",
        2 => "Q2 (July to September)",
        3 => "Q3 (October to December)",
        4 => "Q4 (January to March)",
        _ => "",
    };

    public static string Describe(AuditStatus status) => status switch
    {
        AuditStatus.InProgress => "In progress",
        AuditStatus.ActionsMonitored => "Actions monitored",
        AuditStatus.ReAuditDue => "Re-audit due",
        _ => status.ToString(),
    };
}
