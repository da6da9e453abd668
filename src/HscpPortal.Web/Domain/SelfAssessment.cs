namespace HscpPortal.Web.Domain;

/// <summary>The duty a self-assessment round checks: Section 11 of the Children Act 2004 (agencies) or Section 175 of the Education Act 2002 (schools).</summary>
public enum SelfAssessmentKind
{
    Section11 = 1,
    Section175 = 2,
}

/// <summary>Where an organisation's return is: nothing saved yet, a draft, or submitted to the partnership.</summary>
public enum ReturnStatus
{
    NotStarted = 0,
    InProgress = 1,
    Submitted = 2,
}

/// <summary>How a standard's rating moved since the organisation's return to the previous round of the same kind.</summary>
public enum RatingChange
{
    New = 0,
    Improved = 1,
    NoChange = 2,
    Worse = 3,
}

/// <summary>
/// A round of self-assessment (usually every two years): its standards and rating scale, the organisations in scope
/// with their leads (one <see cref="SelfAssessmentReturn"/> each), and a deadline. The standards and the scale are the
/// round's own, one per line, so a partnership that uses a different toolkit or a RAG scale changes them when it opens
/// the round, and last round's answers are matched to this one's by the standard's number.
/// </summary>
public class SelfAssessmentRound : ArchivableEntity
{
    public required string Title { get; set; }

    /// <summary>What the round is for and anything the leads should know, shown on the round and return pages.</summary>
    public string? Description { get; set; }
    public SelfAssessmentKind Kind { get; set; }

    /// <summary>The calendar year the round runs in (2023 for the May 2023 round).</summary>
    public int CycleYear { get; set; }

    /// <summary>The standards, one per line, numbered from 1 in that order.</summary>
    public required string Standards { get; set; }

    /// <summary>The rating scale, best first, one level per line.</summary>
    public required string RatingScale { get; set; }

    /// <summary>The first level (1 is the best) at which a rating proposes an action: 3 is Partially met on the default scale.</summary>
    public int ActionFromLevel { get; set; } = 3;
    public DateOnly OpensOn { get; set; }
    public DateOnly Deadline { get; set; }

    /// <summary>The group whose action plan takes the actions the round raises (Quality and Effectiveness by default).</summary>
    public int GroupId { get; set; }
    public Group? Group { get; set; }
    public List<SelfAssessmentReturn> Returns { get; set; } = [];
}

/// <summary>One organisation's return to a round, completed by its named lead.</summary>
public class SelfAssessmentReturn : ArchivableEntity
{
    public int RoundId { get; set; }
    public SelfAssessmentRound? Round { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    /// <summary>The person who completes the return; they sign in with the account linked to them (Person.UserId).</summary>
    public int LeadPersonId { get; set; }
    public Person? LeadPerson { get; set; }
    public ReturnStatus Status { get; set; }
    public DateOnly? SubmittedOn { get; set; }
    public List<SelfAssessmentAnswer> Answers { get; set; } = [];
}

/// <summary>The return's answer on one standard: a rating on the round's scale, comments and evidence.</summary>
public class SelfAssessmentAnswer : AuditedEntity
{
    public int ReturnId { get; set; }
    public SelfAssessmentReturn? Return { get; set; }

    /// <summary>The standard's number in its round, from 1.</summary>
    public int StandardNumber { get; set; }

    /// <summary>The level on the round's scale, 1 being the best; none while the draft leaves it unrated.</summary>
    public int? Rating { get; set; }
    public string? Comments { get; set; }

    /// <summary>Links to the evidence, one per line.</summary>
    public string? Evidence { get; set; }

    /// <summary>The tracker action raised from this answer, when its rating called for one.</summary>
    public int? ActionId { get; set; }
    public ActionItem? Action { get; set; }
    public List<EvidenceFile> Files { get; set; } = [];
}

/// <summary>A file the lead uploaded as evidence for one answer; archived, never deleted, so the return keeps its history.</summary>
public class EvidenceFile : ArchivableEntity, IStoredFile
{
    public int AnswerId { get; set; }
    public SelfAssessmentAnswer? Answer { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public long Size { get; set; }
    public string? StoredName { get; set; }
    public string? Sha256 { get; set; }
}

/// <summary>
/// A reminder sent to a return's lead, one row per return and occasion ("before-10", "missed", "manual-2026-12-04"):
/// the unique index is what keeps the daily run from reminding twice at the same threshold and the team's button to
/// once a day. It is audited, so the trail shows who pressed the button.
/// </summary>
public class SelfAssessmentReminder : IAudited
{
    public int Id { get; set; }
    public int ReturnId { get; set; }
    public SelfAssessmentReturn? Return { get; set; }
    public required string Occasion { get; set; }
    public int PersonId { get; set; }
    public DateTime SentAt { get; set; }

    /// <summary>Who asked for it: the team member's name, or none for the daily run.</summary>
    public string? SentBy { get; set; }
}

/// <summary>A "check and challenge" session after a round, chaired by the independent scrutineer.</summary>
public class CheckChallengeSession : ArchivableEntity
{
    public int RoundId { get; set; }
    public SelfAssessmentRound? Round { get; set; }
    public DateOnly HeldOn { get; set; }
    public int? ChairPersonId { get; set; }
    public Person? ChairPerson { get; set; }
    public string? Notes { get; set; }
    public List<CheckChallengeAttendance> Organisations { get; set; } = [];
}

/// <summary>An organisation that presented its return at a check and challenge session.</summary>
public class CheckChallengeAttendance : IAudited
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public CheckChallengeSession? Session { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
}

/// <summary>The rules of rounds and returns, pure so they are unit tested without a database.</summary>
public static class SelfAssessmentRules
{
    public static readonly IReadOnlyList<string> DefaultScale = ["Fully met", "Mostly met", "Partially met", "Not met"];

    /// <summary>The ten Section 11 standards as the regional toolkits group them, in our words.</summary>
    public static readonly IReadOnlyList<string> DefaultSection11Standards =
    [
        "Senior leaders show their commitment to safeguarding and promoting the welfare of children",
        "The organisation's responsibilities towards children are set out clearly and available to all staff",
        "There is a clear line of accountability for safeguarding, up to board level",
        "Services are planned with safeguarding in mind and shaped by the views of children and families",
        "Staff have the safeguarding training their role needs, and it is refreshed",
        "Recruitment is safe, and allegations against people who work with children are managed",
        "The organisation works effectively with other agencies to safeguard children",
        "Information is shared promptly and lawfully to keep children safe",
        "Staff are supported and supervised in their safeguarding work",
        "Children are listened to and their views change what the organisation does",
    ];

    /// <summary>A Section 175 set for schools and colleges, in our words.</summary>
    public static readonly IReadOnlyList<string> DefaultSection175Standards =
    [
        "Governors and proprietors oversee safeguarding and review it every year",
        "A designated safeguarding lead and deputy are in post, trained and given the time the role needs",
        "The child protection policy is up to date, published and known to all staff",
        "All staff are trained in safeguarding and online safety, and refreshed every year",
        "Recruitment is safe and the single central record is complete",
        "Concerns are recorded, acted on and referred promptly, including early help",
        "Pupils are taught how to keep themselves safe, online and offline",
        "Pupils missing education, or at risk of exploitation, are identified and followed up",
    ];

    public static IReadOnlyList<string> DefaultStandards(SelfAssessmentKind kind) =>
        kind == SelfAssessmentKind.Section175 ? DefaultSection175Standards : DefaultSection11Standards;

    /// <summary>The non-empty lines of a list typed one per line, trimmed.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>The standards' numbers (from 1) that have no rating among the answers given.</summary>
    public static IReadOnlyList<int> Unrated(int standards, IEnumerable<(int Standard, int? Rating)> answers)
    {
        var rated = answers.Where(a => a.Rating is not null).Select(a => a.Standard).ToHashSet();
        return Enumerable.Range(1, standards).Where(n => !rated.Contains(n)).ToList();
    }

    /// <summary>Lower levels are worse: level 1 is the best.</summary>
    public static RatingChange Change(int? previous, int? current) =>
        previous is not { } before || current is not { } now ? RatingChange.New
        : now < before ? RatingChange.Improved
        : now > before ? RatingChange.Worse
        : RatingChange.NoChange;

    public static bool ProposesAction(int? rating, int actionFromLevel) => rating is { } level && level >= actionFromLevel;

    /// <summary>The GOV.UK tag colour for a level on a scale of <paramref name="levels"/>: green at the top, red at the bottom.</summary>
    public static string TagClass(int level, int levels)
    {
        if (levels <= 1)
        {
            return "govuk-tag--green";
        }

        var share = (double)(level - 1) / (levels - 1);
        return share switch
        {
            <= 0 => "govuk-tag--green",
            < 0.5 => "govuk-tag--turquoise",
            < 1 => "govuk-tag--yellow",
            _ => "govuk-tag--red",
        };
    }

    public static string Describe(SelfAssessmentKind kind) => kind == SelfAssessmentKind.Section175 ? "Section 175" : "Section 11";

    public static string Describe(ReturnStatus status) => status switch
    {
        ReturnStatus.NotStarted => "Not started",
        ReturnStatus.InProgress => "In progress",
        _ => "Returned",
    };

    public static string Describe(RatingChange change) => change switch
    {
        RatingChange.Improved => "Improved",
        RatingChange.Worse => "Worse",
        RatingChange.NoChange => "No change",
        _ => "New",
    };

    public const string MissedOccasion = "missed";

    /// <summary>How many working days after a missed deadline the daily run may still send its one "missed" reminder (a run that was down catches up).</summary>
    public const int MissedCatchUpWorkingDays = 5;

    public static string ManualOccasion(DateOnly date) => "manual-" + date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The reminder a return not yet submitted is due on <paramref name="today"/>, or none: "before-N" once the deadline
    /// is N working days away or fewer (the tightest threshold reached, so a late start never sends two at once), and
    /// "missed" from the first working day after the deadline. Sent only on working days; each occasion once per return.
    /// </summary>
    public static string? ReminderOccasion(DateOnly today, DateOnly deadline, IEnumerable<int> daysBefore, WorkingDayCalendar calendar)
    {
        if (!calendar.IsWorkingDay(today))
        {
            return null;
        }

        if (today > deadline)
        {
            var late = calendar.WorkingDaysBetween(deadline, today);
            return late is >= 1 and <= MissedCatchUpWorkingDays ? MissedOccasion : null;
        }

        var left = calendar.WorkingDaysBetween(today, deadline);
        var reached = daysBefore.Where(d => d >= 0 && left <= d).Order().ToList();
        return reached.Count == 0 ? null : "before-" + reached[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The return's status as it stood on a date: a return submitted after it was still in progress then.</summary>
    public static ReturnStatus StatusOn(ReturnStatus status, DateOnly? submittedOn, DateOnly asAt) =>
        status == ReturnStatus.Submitted && submittedOn is { } on && on > asAt ? ReturnStatus.InProgress : status;
}
