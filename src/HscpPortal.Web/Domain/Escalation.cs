namespace HscpPortal.Web.Domain;

public enum EscalationCategory
{
    ThresholdDecision = 1,
    PlanNotFollowed = 2,
    InformationSharing = 3,
    ResponseDelay = 4,
    Other = 5,
}

/// <summary>Why a professional difference moved up a stage.</summary>
public enum StageMoveReason
{
    /// <summary>The stage ran its course and the disagreement remains.</summary>
    StillDisagree = 1,

    /// <summary>The responding agency did not respond within the stage's timescale: drift and delay.</summary>
    NoTimelyResponse = 2,
}

/// <summary>
/// A professional difference between agencies about a child's case, notified to the partnership and climbing
/// the stages of the escalation protocol until it is resolved.
/// </summary>
public class Escalation : ArchivableEntity
{
    /// <summary>The partnership's reference, e.g. "ESC-2023-004".</summary>
    public required string Reference { get; set; }
    public DateOnly RaisedOn { get; set; }
    public int RaisingOrganisationId { get; set; }
    public Organisation? RaisingOrganisation { get; set; }

    /// <summary>The raiser's role, never their name: "Designated safeguarding lead".</summary>
    public required string RaiserRole { get; set; }

    /// <summary>The agency the difference is with.</summary>
    public int ConcernedOrganisationId { get; set; }
    public Organisation? ConcernedOrganisation { get; set; }
    public EscalationCategory Category { get; set; }

    /// <summary>A pseudonymised case reference: never a name, NHS number or date of birth.</summary>
    public required string CaseReference { get; set; }
    public string? Summary { get; set; }

    /// <summary>The stage it is at now (or was at when resolved): 1 to the number of configured stages.</summary>
    public int CurrentStage { get; set; } = 1;

    public DateOnly? ResolvedOn { get; set; }
    public int? ResolvedAtStage { get; set; }
    public string? Outcome { get; set; }
    public string? ImpactForChild { get; set; }

    /// <summary>What the partnership learnt; the actions it leads to link back here.</summary>
    public string? Learning { get; set; }

    public List<EscalationStage> Stages { get; set; } = [];

    public bool IsResolved => ResolvedOn is not null;
}

/// <summary>
/// One stage an escalation went through. Its due date is fixed when the stage starts, from the working-day
/// timescale configured then, so a later change to the settings never rewrites history.
/// </summary>
public class EscalationStage : IAudited
{
    public int Id { get; set; }
    public int EscalationId { get; set; }
    public Escalation? Escalation { get; set; }
    public int Stage { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly DueOn { get; set; }

    /// <summary>When the stage ended: moved up, or resolved. Null while it is the current stage.</summary>
    public DateOnly? EndedOn { get; set; }

    /// <summary>Why the escalation reached this stage; null for the first stage.</summary>
    public StageMoveReason? Reason { get; set; }
    public string? Note { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
}
