using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HscpPortal.Web.Domain;

/// <summary>Where a scrutiny plan is: the scrutineer drafts it, then puts it to the lead partners for approval.</summary>
public enum ScrutinyPlanStatus
{
    Draft = 1,
    ForApproval = 2,
}

/// <summary>
/// The independent scrutineer's plan for one reporting year (one live plan a year): what they will look at, when and
/// why. The lead safeguarding partners approve it, each for its own organisation; it is approved once every statutory
/// partner has approved the plan as it now stands.
/// </summary>
public class ScrutinyPlan : ArchivableEntity
{
    /// <summary>The reporting year's first calendar year: 2024 for 2024-25.</summary>
    public int StartYear { get; set; }
    public required string Summary { get; set; }
    public ScrutinyPlanStatus Status { get; set; } = ScrutinyPlanStatus.Draft;
    public DateOnly? SubmittedOn { get; set; }
    public ICollection<ScrutinyPlanItem> Items { get; set; } = [];
    public ICollection<ScrutinyPlanApproval> Approvals { get; set; } = [];
}

/// <summary>One thing the scrutineer plans to look at in the year, with when and why.</summary>
public class ScrutinyPlanItem : ArchivableEntity
{
    public int PlanId { get; set; }
    public ScrutinyPlan? Plan { get; set; }
    public required string Subject { get; set; }
    public ScrutinyActivityKind Kind { get; set; }

    /// <summary>The quarter of the reporting year (1 April-June ... 4 January-March).</summary>
    public int Quarter { get; set; }

    /// <summary>The month planned within the quarter, when known (1-12).</summary>
    public int? PlannedMonth { get; set; }
    public required string Reason { get; set; }
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
}

/// <summary>
/// A statutory partner's approval of the plan, given by its lead or delegated partner. It holds the fingerprint of the
/// plan approved: an edit to the plan withdraws it, and the partner approves again.
/// </summary>
public class ScrutinyPlanApproval : AuditedEntity
{
    public int PlanId { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public int? PersonId { get; set; }
    public required string ApproverName { get; set; }
    public RepresentationRole ApproverRole { get; set; }
    public DateOnly ApprovedOn { get; set; }
    public required string Fingerprint { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawnReason { get; set; }
}

/// <summary>How the partners answered a recommendation of the scrutineer.</summary>
public enum RecommendationResponse
{
    Agreed = 1,
    PartlyAgreed = 2,
    NotAgreed = 3,
}

/// <summary>Where a recommendation is, worked out from its response and actions (never stored).</summary>
public enum RecommendationState
{
    AwaitingResponse = 1,
    AgreedNoAction = 2,
    AgreedWithAction = 3,
    NotAgreed = 4,
}

/// <summary>
/// A recommendation the independent scrutineer made to the safeguarding partners jointly (no organisation) or to one
/// organisation, with the response recorded for them and, where agreed, the actions that carry it out.
/// </summary>
public class ScrutinyRecommendation : ArchivableEntity
{
    public required string Title { get; set; }
    public required string Detail { get; set; }
    public DateOnly MadeOn { get; set; }

    /// <summary>The scrutineer's activity the recommendation came from, if any.</summary>
    public int? ActivityId { get; set; }
    public ScrutinyActivity? Activity { get; set; }

    /// <summary>The organisation addressed, or null for the statutory safeguarding partners jointly.</summary>
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    public RecommendationResponse? Response { get; set; }
    public string? ResponseText { get; set; }
    public DateOnly? RespondedOn { get; set; }

    /// <summary>Who recorded the response, as their name stood then.</summary>
    public string? RespondedBy { get; set; }
}

/// <summary>The rules of the scrutiny plan and recommendations, pure so they are unit tested without a database.</summary>
public static class ScrutinyPlanRules
{
    public const string EditedReason = "The plan changed after this approval";

    /// <summary>Approved when there is at least one statutory partner and every one has a current approval.</summary>
    public static bool IsApproved(IReadOnlyCollection<int> partnerIds, IReadOnlyCollection<int> approvedIds) =>
        partnerIds.Count > 0 && partnerIds.All(approvedIds.Contains);

    /// <summary>The date the plan became approved: the last partner's approval, or null while any partner is missing.</summary>
    public static DateOnly? ApprovedOn(IReadOnlyCollection<int> partnerIds, IReadOnlyCollection<(int OrganisationId, DateOnly On)> approvals) =>
        IsApproved(partnerIds, approvals.Select(a => a.OrganisationId).ToList())
            ? approvals.Where(a => partnerIds.Contains(a.OrganisationId)).Max(a => a.On)
            : null;

    /// <summary>
    /// The fingerprint of what the partners approve: the summary and each live item. A partner's approval is of this
    /// fingerprint; a form read with another fingerprint is not approved.
    /// </summary>
    public static string Fingerprint(string summary, IEnumerable<(int Id, string Subject, ScrutinyActivityKind Kind, int Quarter, int? Month, string Reason, int? OrganisationId)> items)
    {
        var text = new StringBuilder(summary.Trim()).Append('\u001e');
        foreach (var i in items.OrderBy(i => i.Id))
        {
            text.Append(CultureInfo.InvariantCulture, $"{i.Id}\u001f{i.Subject}\u001f{i.Kind}\u001f{i.Quarter}\u001f{i.Month}\u001f{i.Reason}\u001f{i.OrganisationId}\u001e");
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Withdraws every current approval, because the plan they approved has changed; returns how many.</summary>
    public static int WithdrawApprovals(IEnumerable<ScrutinyPlanApproval> approvals, DateTime at)
    {
        var count = 0;
        foreach (var approval in approvals.Where(a => a.WithdrawnAt is null))
        {
            approval.WithdrawnAt = at;
            approval.WithdrawnReason = EditedReason;
            count++;
        }

        return count;
    }

    /// <summary>The quarter of the reporting year a calendar month falls in: April-June is 1, January-March is 4.</summary>
    public static int QuarterOfMonth(int month) => month >= 4 ? ((month - 4) / 3) + 1 : 4;

    /// <summary>Whether an item is delivered: a live activity of the plan's year is linked to it.</summary>
    public static bool IsDelivered(int itemId, IEnumerable<int?> linkedItemIds) => linkedItemIds.Contains(itemId);

    public static RecommendationState State(RecommendationResponse? response, int actions) => response switch
    {
        null => RecommendationState.AwaitingResponse,
        RecommendationResponse.NotAgreed => RecommendationState.NotAgreed,
        _ => actions > 0 ? RecommendationState.AgreedWithAction : RecommendationState.AgreedNoAction,
    };

    public static string Describe(RecommendationState state) => state switch
    {
        RecommendationState.AwaitingResponse => "Awaiting response",
        RecommendationState.AgreedNoAction => "Agreed, no action yet",
        RecommendationState.AgreedWithAction => "Agreed, action raised",
        RecommendationState.NotAgreed => "Not agreed",
        _ => state.ToString(),
    };

    public static string Describe(RecommendationResponse response) => response switch
    {
        RecommendationResponse.Agreed => "Agreed",
        RecommendationResponse.PartlyAgreed => "Partly agreed",
        RecommendationResponse.NotAgreed => "Not agreed",
        _ => response.ToString(),
    };

    /// <summary>An action carries out a recommendation only where it was agreed, wholly or in part.</summary>
    public static bool CanRaiseAction(RecommendationResponse? response) =>
        response is RecommendationResponse.Agreed or RecommendationResponse.PartlyAgreed;

    /// <summary>What is wrong with a response's date: it cannot come before the recommendation or after today.</summary>
    public static IReadOnlyList<(string Field, string Message)> ResponseProblems(DateOnly madeOn, DateOnly? respondedOn, DateOnly today)
    {
        var problems = new List<(string, string)>();
        if (respondedOn is { } on)
        {
            if (on > today)
            {
                problems.Add(("RespondedOn", "The date of the response must be today or in the past"));
            }
            else if (on < madeOn)
            {
                problems.Add(("RespondedOn", "The date of the response must be on or after the date the recommendation was made"));
            }
        }

        return problems;
    }
}
