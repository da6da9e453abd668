namespace HscpPortal.Web.Domain;

public enum ReminderKind
{
    /// <summary>Each owner's daily digest of overdue and due-soon actions.</summary>
    DailyDigest = 1,

    /// <summary>Each chair's weekly summary of their group's action plan.</summary>
    WeeklySummary = 2,

    /// <summary>Each lead's reminder of a self-assessment return not yet submitted as its deadline nears or passes.</summary>
    SelfAssessmentDeadline = 3,
}

/// <summary>
/// A claimed reminder run: one row per kind and day, so that with several instances running only one sends.
/// The unique index on (Kind, ForDate) is the claim; a run left unfinished can be taken over after its lease.
/// </summary>
public class ReminderRun
{
    public int Id { get; set; }
    public ReminderKind Kind { get; set; }
    public DateOnly ForDate { get; set; }
    public DateTime ClaimedAt { get; set; }
    public required string ClaimedBy { get; set; }
    public DateTime? CompletedAt { get; set; }
    public int Sent { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>One email of a run to one person; unique per (kind, day, person) so a digest is never sent twice.</summary>
public class ReminderDelivery
{
    public int Id { get; set; }
    public ReminderKind Kind { get; set; }
    public DateOnly ForDate { get; set; }
    public int PersonId { get; set; }
    public required string Email { get; set; }
    public DateTime SentAt { get; set; }
    public int ItemCount { get; set; }
}
