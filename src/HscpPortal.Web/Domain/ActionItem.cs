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
    public DateOnly DueDate { get; set; }
    public ActionStatus Status { get; set; } = ActionStatus.NotStarted;
    public ActionSource Source { get; set; } = ActionSource.Meeting;
    public int? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int? AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }

    public bool IsOpen => Status is not (ActionStatus.Completed or ActionStatus.Closed or ActionStatus.Cancelled);
}
