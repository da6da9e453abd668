namespace HscpPortal.Web.Domain;

public enum MeetingStatus
{
    Scheduled = 1,
    Held = 2,
    Cancelled = 3,
}

public enum MinutesStatus
{
    Draft = 1,
    Circulated = 2,
    Approved = 3,
}

public enum AgendaPurpose
{
    Decision = 1,
    Assurance = 2,
    Information = 3,
    Discussion = 4,
}

public class Meeting : ArchivableEntity
{
    public int GroupId { get; set; }
    public Group? Group { get; set; }
    public string? Title { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>Europe/London wall-clock times.</summary>
    public TimeOnly Start { get; set; }

    public TimeOnly End { get; set; }
    public string? Location { get; set; }
    public string? OnlineLink { get; set; }
    public MeetingStatus Status { get; set; } = MeetingStatus.Scheduled;
    public string? CancellationReason { get; set; }

    /// <summary>Cached result of the group's quorum rule over the recorded attendance, refreshed whenever attendance is saved.</summary>
    public bool IsQuorate { get; set; }

    public string? QuorumStatement { get; set; }

    public MinutesStatus MinutesStatus { get; set; } = MinutesStatus.Draft;
    public DateOnly? MinutesCirculatedOn { get; set; }
    public int? MinutesApprovedAtMeetingId { get; set; }
    public Meeting? MinutesApprovedAt { get; set; }
    public int MinutesVersion { get; set; } = 1;

    public List<AgendaItem> AgendaItems { get; set; } = [];
    public List<Attendance> Attendance { get; set; } = [];

    public string DisplayTitle => string.IsNullOrWhiteSpace(Title) ? "Meeting" : Title;
}

public class AgendaItem : ArchivableEntity
{
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int Order { get; set; }
    public required string Title { get; set; }
    public string? Presenter { get; set; }
    public AgendaPurpose Purpose { get; set; } = AgendaPurpose.Discussion;

    /// <summary>The minute of this item, in Markdown.</summary>
    public string? Minutes { get; set; }

    public List<Paper> Papers { get; set; } = [];
}

/// <summary>A paper for an agenda item: an uploaded file kept outside the web root, or a link.</summary>
public class Paper : ArchivableEntity, IStoredFile
{
    public int AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }
    public required string Title { get; set; }
    public string? Url { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public long Size { get; set; }
    public string? StoredName { get; set; }
    public string? Sha256 { get; set; }

    /// <summary>
    /// When an administrator destroyed the file (uploaded by mistake with personal data). The record stays, with the
    /// file's name and hash, so the agenda still shows that a paper was there.
    /// </summary>
    public DateTime? PurgedAt { get; set; }

    public string? PurgeReason { get; set; }

    public bool IsFile => StoredName is not null;
}

public enum AttendanceStatus
{
    NotRecorded = 0,
    Present = 1,
    Apologies = 2,
    Absent = 3,
    Deputised = 4,
    LeftEarly = 5,
}

public enum AttendeeKind
{
    Invitee = 1,
    Guest = 2,
    Presenter = 3,
    PartnershipTeam = 4,
}

/// <summary>
/// One person's line in a meeting's register. An invitee who sends a deputy is recorded as deputised with
/// the deputy named; the deputy is the one who was there.
/// </summary>
public class Attendance : AuditedEntity
{
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }

    /// <summary>The organisation the person attends for (their seat's organisation, not always their employer).</summary>
    public int OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }
    public AttendeeKind Kind { get; set; } = AttendeeKind.Invitee;
    public AttendanceStatus Status { get; set; }
    public string? ApologyReason { get; set; }
    public int? DeputyPersonId { get; set; }
    public Person? Deputy { get; set; }

    /// <summary>Who was actually in the room for this line: the person, their deputy, or nobody.</summary>
    public int? AttendedBy => Status switch
    {
        AttendanceStatus.Present or AttendanceStatus.LeftEarly => PersonId,
        AttendanceStatus.Deputised => DeputyPersonId,
        _ => null,
    };
}

public class Decision : ArchivableEntity
{
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int? AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }
    public required string Title { get; set; }
    public string? Detail { get; set; }

    /// <summary>Key decisions need all three statutory partners; taken at an inquorate meeting they need ratifying.</summary>
    public bool IsKey { get; set; }

    public int? RatifiedAtMeetingId { get; set; }
    public Meeting? RatifiedAt { get; set; }
}

/// <summary>An earlier text of a meeting's minutes, kept when approved minutes are changed.</summary>
public class MinutesRevision
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int Version { get; set; }
    public DateTime At { get; set; }
    public string? By { get; set; }
    public required string Reason { get; set; }

    /// <summary>JSON array of {agendaItemId, title, minutes} as they stood before the change.</summary>
    public required string Snapshot { get; set; }
}
