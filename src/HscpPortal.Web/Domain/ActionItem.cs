namespace HscpPortal.Web.Domain;

public enum ActionStatus
{
    NotStarted = 1,
    OnTrack = 2,
    AtRisk = 3,
    OffTrack = 4,
    Completed = 5,
    Closed = 6,
    Cancelled = 7,
}

public enum ActionSource
{
    Meeting = 1,
    Audit = 2,
    CaseReview = 3,
    Section11 = 4,
    BusinessPlan = 5,
    Escalation = 6,
    Scrutiny = 7,
}

/// <summary>An action on a group's action plan, linked to where it came from.</summary>
public class ActionItem : ArchivableEntity
{
    public required string Title { get; set; }
    public string? Description { get; set; }
    public int GroupId { get; set; }
    public Group? Group { get; set; }
    public int OwnerPersonId { get; set; }
    public Person? OwnerPerson { get; set; }
    public int OwnerOrganisationId { get; set; }
    public Organisation? OwnerOrganisation { get; set; }
    /// <summary>The current due date. The first value given also becomes <see cref="OriginalDueDate"/>.</summary>
    public DateOnly DueDate
    {
        get => dueDate;
        set
        {
            dueDate = value;
            if (OriginalDueDate == default)
            {
                OriginalDueDate = value;
            }
        }
    }

    private DateOnly dueDate;

    public ActionStatus Status { get; set; } = ActionStatus.NotStarted;
    public ActionSource Source { get; set; } = ActionSource.Meeting;
    public int? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int? AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }

    /// <summary>The escalation whose learning this action carries, when <see cref="Source"/> is Escalation.</summary>
    public int? EscalationId { get; set; }
    public Escalation? Escalation { get; set; }

    /// <summary>The audit's area for improvement this action answers, when <see cref="Source"/> is Audit.</summary>
    public int? AuditFindingId { get; set; }
    public AuditFinding? AuditFinding { get; set; }

    /// <summary>The independent scrutineer's recommendation this action carries out, when <see cref="Source"/> is Scrutiny.</summary>
    public int? ScrutinyRecommendationId { get; set; }
    public ScrutinyRecommendation? ScrutinyRecommendation { get; set; }

    /// <summary>
    /// Names the source when it is not (yet) a record here: "Section 11 return 2023", "LCSPR Child F rec 3".
    /// Later capabilities add their own foreign keys beside <see cref="MeetingId"/> and <see cref="EscalationId"/>.
    /// </summary>
    public string? SourceReference { get; set; }

    /// <summary>The business-plan priority the action delivers, if any.</summary>
    public int? PriorityId { get; set; }
    public Priority? Priority { get; set; }

    /// <summary>The due date first agreed; <see cref="DueDate"/> may be revised later but this never changes.</summary>
    public DateOnly OriginalDueDate { get; set; }

    /// <summary>Why the action was cancelled or closed without completion.</summary>
    public string? ClosureReason { get; set; }

    /// <summary>Evidence of impact given by the owner when asking for the action to be signed off as complete.</summary>
    public string? CompletionEvidence { get; set; }
    public DateTime? CompletionRequestedAt { get; set; }
    public string? CompletionRequestedBy { get; set; }

    /// <summary>The chair's sign-off that makes the action Completed.</summary>
    public DateOnly? CompletedOn { get; set; }
    public DateTime? SignedOffAt { get; set; }
    public string? SignedOffBy { get; set; }

    public bool IsOpen => Status is not (ActionStatus.Completed or ActionStatus.Closed or ActionStatus.Cancelled);
}


/// <summary>
/// One dated progress update on an action: who, what, and the status it left the action in. Updates are only
/// ever added; none is edited or removed, so the trail is the action's history.
/// </summary>
public class ActionUpdate : IAudited
{
    public int Id { get; set; }
    public int ActionItemId { get; set; }
    public ActionItem? ActionItem { get; set; }
    public DateTime At { get; set; }
    public string? ByUserId { get; set; }
    public required string ByName { get; set; }
    public required string Note { get; set; }
    public ActionStatus StatusBefore { get; set; }
    public ActionStatus StatusAfter { get; set; }

    /// <summary>Set when the update revised the due date; the action keeps its original due date.</summary>
    public DateOnly? DueDateBefore { get; set; }
    public DateOnly? DueDateAfter { get; set; }
}
