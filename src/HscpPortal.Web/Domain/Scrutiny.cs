namespace HscpPortal.Web.Domain;

/// <summary>What kind of scrutiny the independent scrutineer carried out.</summary>
public enum ScrutinyActivityKind
{
    CheckAndChallenge = 1,
    WalkTheFloor = 2,
    MeetingObservation = 3,
    CaseFileReview = 4,
    AuditReview = 5,
    Other = 6,
}

/// <summary>The scrutineer's decision on a partner's or agency's response to a challenge.</summary>
public enum ChallengeVerdict
{
    Accepted = 1,
    NotAccepted = 2,
}

/// <summary>Where a challenge is, worked out from its dates and decision (never stored).</summary>
public enum ChallengeState
{
    AwaitingResponse = 1,
    ResponseOverdue = 2,
    AwaitingDecision = 3,
    NotAccepted = 4,
    Accepted = 5,
}

/// <summary>
/// One piece of the independent scrutineer's own work: a check-and-challenge session, a walk-the-floor visit, an
/// observed meeting, a review of case files or of an audit. What was looked at and what the scrutineer found, in
/// words that never identify a child.
/// </summary>
public class ScrutinyActivity : ArchivableEntity
{
    public ScrutinyActivityKind Kind { get; set; }
    public DateOnly HeldOn { get; set; }

    /// <summary>What was looked at: the service visited, the meeting observed, the files or audit reviewed.</summary>
    public required string Subject { get; set; }

    /// <summary>What the scrutineer found.</summary>
    public string? Findings { get; set; }

    /// <summary>The agency whose work was looked at, when it was one agency's.</summary>
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    /// <summary>The item of the year's scrutiny plan this activity delivers, if any.</summary>
    public int? PlanItemId { get; set; }
    public ScrutinyPlanItem? PlanItem { get; set; }
}

/// <summary>
/// A challenge the independent scrutineer raised to a partner or agency, with the date a response is due, the
/// response the agency gave and whether the scrutineer accepted it. A challenge is open until its response is accepted.
/// </summary>
public class ScrutinyChallenge : ArchivableEntity
{
    public required string Title { get; set; }

    /// <summary>What the scrutineer asks of the agency, and why.</summary>
    public required string Detail { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public DateOnly RaisedOn { get; set; }
    public DateOnly ResponseDueOn { get; set; }

    public string? Response { get; set; }
    public DateOnly? ResponseReceivedOn { get; set; }

    /// <summary>Who gave the response, as their name stood when it was recorded.</summary>
    public string? RespondedBy { get; set; }

    public ChallengeVerdict? Verdict { get; set; }
    public DateOnly? VerdictOn { get; set; }

    /// <summary>Why the scrutineer accepted the response or not, and what is expected next.</summary>
    public string? VerdictNote { get; set; }
}

/// <summary>The lifecycle rules of scrutiny challenges, kept pure so they are unit tested without a database.</summary>
public static class ScrutinyRules
{
    /// <summary>A challenge stays open (on the agency's dashboard) until the scrutineer accepts its response.</summary>
    public static bool IsOpen(ChallengeVerdict? verdict) => verdict != ChallengeVerdict.Accepted;

    public static ChallengeState State(DateOnly responseDueOn, DateOnly? responseReceivedOn, ChallengeVerdict? verdict, DateOnly today) =>
        verdict switch
        {
            ChallengeVerdict.Accepted => ChallengeState.Accepted,
            ChallengeVerdict.NotAccepted => ChallengeState.NotAccepted,
            _ when responseReceivedOn is not null => ChallengeState.AwaitingDecision,
            _ when responseDueOn < today => ChallengeState.ResponseOverdue,
            _ => ChallengeState.AwaitingResponse,
        };

    public static string Describe(ChallengeState state) => state switch
    {
        ChallengeState.AwaitingResponse => "Awaiting response",
        ChallengeState.ResponseOverdue => "Response overdue",
        ChallengeState.AwaitingDecision => "Response received",
        ChallengeState.NotAccepted => "Response not accepted",
        ChallengeState.Accepted => "Response accepted",
        _ => state.ToString(),
    };

    /// <summary>What is wrong with a challenge's dates, as (field, message) pairs; empty when they agree.</summary>
    public static IReadOnlyList<(string Field, string Message)> ChallengeProblems(DateOnly? raisedOn, DateOnly? dueOn, DateOnly today)
    {
        var problems = new List<(string, string)>();
        if (raisedOn is { } raised && raised > today)
        {
            problems.Add(("RaisedOn", "The date raised must be today or in the past"));
        }

        if (raisedOn is { } r && dueOn is { } due && due < r)
        {
            problems.Add(("ResponseDueOn", "The response due date must be on or after the date raised"));
        }

        return problems;
    }

    /// <summary>
    /// What stops a response being recorded: an accepted response is final, and a response cannot be received
    /// before the challenge was raised or after today.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> ResponseProblems(
        ChallengeVerdict? verdict, DateOnly raisedOn, DateOnly? receivedOn, DateOnly today)
    {
        var problems = new List<(string, string)>();
        if (verdict == ChallengeVerdict.Accepted)
        {
            problems.Add(("", "The scrutineer has accepted the response to this challenge, so it is closed"));
        }

        if (receivedOn is { } received)
        {
            if (received > today)
            {
                problems.Add(("ResponseReceivedOn", "The date of the response must be today or in the past"));
            }
            else if (received < raisedOn)
            {
                problems.Add(("ResponseReceivedOn", "The date of the response must be on or after the date the challenge was raised"));
            }
        }

        return problems;
    }

    /// <summary>
    /// What stops the scrutineer deciding on a response: there must be one, and the decision cannot come before it
    /// was received or after today.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> VerdictProblems(DateOnly? responseReceivedOn, DateOnly? verdictOn, DateOnly today)
    {
        var problems = new List<(string, string)>();
        if (responseReceivedOn is null)
        {
            problems.Add(("Verdict", "No response has been received yet, so it cannot be accepted or refused"));
            return problems;
        }

        if (verdictOn is { } on)
        {
            if (on > today)
            {
                problems.Add(("VerdictOn", "The date of the decision must be today or in the past"));
            }
            else if (on < responseReceivedOn.Value)
            {
                problems.Add(("VerdictOn", "The date of the decision must be on or after the date the response was received"));
            }
        }

        return problems;
    }
}
