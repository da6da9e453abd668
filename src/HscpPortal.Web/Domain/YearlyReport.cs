namespace HscpPortal.Web.Domain;

/// <summary>Where a yearly report is in its life: drafted by the team, reviewed by the scrutineer, signed by the three partners, published.</summary>
public enum ReportStatus
{
    Draft = 1,
    InReview = 2,
    SignOff = 3,
    Published = 4,
}

/// <summary>
/// The statutory yearly report for one reporting year. Its facts are assembled from the records each time it is
/// shown; only the narrative (foreword, context, commentaries) is written here, in insert-only versions. Once
/// published, the printed HTML and PDF are frozen in <see cref="ReportPublication"/>.
/// </summary>
public class YearlyReport : AuditedEntity
{
    /// <summary>The first calendar year of the reporting year: 2023 for 2023-24.</summary>
    public int StartYear { get; set; }

    public ReportStatus Status { get; set; } = ReportStatus.Draft;

    public DateTime? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }

    public ICollection<ReportNarrative> Narratives { get; set; } = [];
    public ICollection<ReportReviewComment> Comments { get; set; } = [];
    public ICollection<ReportSignOff> SignOffs { get; set; } = [];
    public ICollection<ReportPublication> Publications { get; set; } = [];
    public ICollection<ReportRecipient> Recipients { get; set; } = [];
    public ICollection<ReportOmission> Omissions { get; set; } = [];

    public ReportingYear Year => new(StartYear);
}

/// <summary>
/// Why the report does not cover a statutory item the readiness check finds missing, recorded by the team. Sign-off
/// and publication wait until every missing item has one, and the reasons are printed in "About this report", so that
/// readers are told what is absent instead of finding out.
/// </summary>
public class ReportOmission : ArchivableEntity
{
    public int ReportId { get; set; }

    /// <summary>The readiness item's key (<c>ReadinessKeys</c>).</summary>
    public required string ItemKey { get; set; }

    public required string Reason { get; set; }
}

/// <summary>
/// One saved version of a narrative section (the foreword, local context, a section's commentary...). Versions are
/// never changed: the latest per section is the current text, and the earlier ones are the drafts' history.
/// </summary>
public class ReportNarrative
{
    public int Id { get; set; }
    public int ReportId { get; set; }

    /// <summary>The section it belongs to: a narrative section's key, or "commentary:{section key}".</summary>
    public required string SectionKey { get; set; }

    public int Version { get; set; }
    public required string Text { get; set; }
    public DateTime At { get; set; }
    public string? By { get; set; }
}

/// <summary>The scrutineer's (or anyone's) comment on a section of a draft, and how it was answered.</summary>
public class ReportReviewComment : AuditedEntity
{
    public int ReportId { get; set; }
    public required string SectionKey { get; set; }
    public required string Text { get; set; }
    public string? Response { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
}

/// <summary>
/// A statutory partner's sign-off, by its lead or delegated partner. It holds the fingerprint of the content signed:
/// when the report changes (narrative or the records behind it), the sign-off is reset and must be given again.
/// </summary>
public class ReportSignOff : AuditedEntity
{
    public int ReportId { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public required string SignerName { get; set; }
    public RepresentationRole SignerRole { get; set; }
    public DateTime SignedAt { get; set; }

    /// <summary>SHA-256 (hex) of the report content as it was signed.</summary>
    public required string ContentHash { get; set; }

    public DateTime? ResetAt { get; set; }
    public string? ResetReason { get; set; }

    public bool IsCurrent => ResetAt is null;
}

/// <summary>
/// The frozen, published report: the HTML and PDF exactly as published, with their SHA-256. Never updated; a
/// correction would be a new edition.
/// </summary>
public class ReportPublication
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public int Edition { get; set; }
    public DateTime PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    public required string Html { get; set; }
    public required byte[] Pdf { get; set; }
    public required string HtmlSha256 { get; set; }
    public required string PdfSha256 { get; set; }

    /// <summary>
    /// Every figure the document shows, as the JSON served at figures.json (figures.csv is produced from it). Null for
    /// an edition published before figures were kept: nothing is computed for it later, since it would not be frozen.
    /// </summary>
    public string? FiguresJson { get; set; }
}

/// <summary>Who the published report must be sent to (the national panel, the scrutiny committee...), by when, and when it went.</summary>
public class ReportRecipient : ArchivableEntity
{
    public int ReportId { get; set; }
    public required string Name { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? SentOn { get; set; }
    public string? SentBy { get; set; }
    public string? Notes { get; set; }
}

/// <summary>The moves a yearly report can make before publication (publishing itself is <c>ReportPublisher</c>'s).</summary>
public enum ReportMove
{
    ToReview = 1,
    ToSignOff = 2,
    BackToDraft = 3,
}

/// <summary>The report's workflow rules, in one place: which moves are allowed from where, and when every partner has signed.</summary>
public static class ReportWorkflow
{
    /// <summary>Makes the move, or says why it cannot be made (and changes nothing).</summary>
    public static string? Move(YearlyReport report, ReportMove move)
    {
        if (report.Status == ReportStatus.Published)
        {
            return "The report has been published, so its status can no longer change.";
        }

        var (from, to, refusal) = move switch
        {
            ReportMove.ToReview => ((ReportStatus?)ReportStatus.Draft, ReportStatus.InReview, "Only a draft can be sent for review."),
            ReportMove.ToSignOff => (ReportStatus.InReview, ReportStatus.SignOff, "The report goes to sign-off once it has been reviewed."),
            ReportMove.BackToDraft => (null, ReportStatus.Draft, ""),
            _ => throw new ArgumentOutOfRangeException(nameof(move), move, null),
        };
        if (from is not null && report.Status != from)
        {
            return refusal;
        }

        report.Status = to;
        return null;
    }

    /// <summary>
    /// Every statutory partner the report is for has a current sign-off. A report with no partners to sign it cannot be
    /// signed off: that is a gap in the records, not a report nobody needs to sign.
    /// </summary>
    public static bool AllSigned(IReadOnlyCollection<(int OrganisationId, bool Signed)> partners) =>
        partners.Count > 0 && partners.All(p => p.Signed);

    /// <summary>
    /// The day whose statutory partners sign the report: the last day of its year, or today while the year is still
    /// running (a draft of the current year).
    /// </summary>
    public static DateOnly PartnersAsAt(ReportingYear year, DateOnly today) => today < year.End ? today : year.End;
}
