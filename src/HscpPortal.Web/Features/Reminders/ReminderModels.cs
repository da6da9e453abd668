using HscpPortal.Web.Domain;

namespace HscpPortal.Web.Features.Reminders;

public sealed record ReminderAction(int Id, string Title, string GroupName, string? OwnerName, DateOnly DueDate, ActionStatus Status, Rag Rag, string Url);

public sealed record ReminderLinks(string PartnershipName, string MyActions, string Account, string Unsubscribe);

public sealed record DigestEmail(
    string PersonName, DateOnly Date, IReadOnlyList<ReminderAction> Overdue, IReadOnlyList<ReminderAction> DueSoon, ReminderLinks Links)
{
    public int Count => Overdue.Count + DueSoon.Count;
}

public sealed record RecentUpdate(string ActionTitle, string Url, DateTime At, string ByName, ActionStatus StatusAfter, string Note);

public sealed record GroupSummary(
    string GroupName,
    string GroupUrl,
    IReadOnlyDictionary<Rag, int> Counts,
    IReadOnlyList<ReminderAction> Overdue,
    IReadOnlyList<ReminderAction> DueThisWeek,
    IReadOnlyList<RecentUpdate> Updates)
{
    public int Count(Rag rag) => Counts.GetValueOrDefault(rag);

    public bool IsEmpty => Counts.Count == 0 && Updates.Count == 0;
}

public sealed record WeeklySummaryEmail(string PersonName, DateOnly Date, DateOnly WeekEnds, IReadOnlyList<GroupSummary> Groups, ReminderLinks Links);

/// <summary>A return in a self-assessment reminder: <paramref name="WorkingDaysLeft"/> is negative once the deadline has passed.</summary>
public sealed record DueReturn(string RoundTitle, string Organisation, DateOnly Deadline, int WorkingDaysLeft, ReturnStatus Status, string Url)
{
    public bool Missed => WorkingDaysLeft < 0;
}

public sealed record SelfAssessmentReminderEmail(string PersonName, DateOnly Date, IReadOnlyList<DueReturn> Returns, string PartnershipName, string MyReturns);

/// <summary>What became of the team's "send a reminder now".</summary>
public enum ManualReminderOutcome
{
    Sent = 1,
    AlreadyToday = 2,
    NotDue = 3,
    NoEmail = 4,
    Failed = 5,
}

public enum ReminderOutcome
{
    /// <summary>This runner claimed the run and sent what was due.</summary>
    Sent = 1,

    /// <summary>Another runner holds or has completed the run: nothing sent here.</summary>
    AlreadyClaimed = 2,
}

public sealed record ReminderRunResult(ReminderKind Kind, DateOnly Date, ReminderOutcome Outcome, int Sent, int Skipped, int Failed);
