namespace HscpPortal.Web.Domain;

/// <summary>Marks a record whose inserts, updates and archiving are written to the audit trail.</summary>
public interface IAudited
{
    int Id { get; }
}

/// <summary>A record that is archived instead of deleted; governance records are never hard-deleted.</summary>
public interface IArchivable : IAudited
{
    DateTime? ArchivedAt { get; set; }
    string? ArchivedBy { get; set; }
}

/// <summary>A record edited through forms: its stamp changes on every save so a stale edit can be detected.</summary>
public interface IConcurrencyStamped
{
    Guid Version { get; set; }
}

public abstract class AuditedEntity : IAudited, IConcurrencyStamped
{
    public int Id { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

public abstract class ArchivableEntity : AuditedEntity, IArchivable
{
    public DateTime? ArchivedAt { get; set; }
    public string? ArchivedBy { get; set; }
}

public static class Archiving
{
    public static void Archive(this IArchivable record, bool archive, string? by, TimeProvider clock)
    {
        if (archive && record.IsLive())
        {
            record.ArchivedAt = clock.GetUtcNow().UtcDateTime;
            record.ArchivedBy = by;
        }
        else if (!archive && record.IsArchived())
        {
            record.ArchivedAt = null;
            record.ArchivedBy = null;
        }
    }
}

/// <summary>A record whose uploaded file is kept by the file store (a meeting paper, a piece of evidence).</summary>
public interface IStoredFile
{
    string? StoredName { get; set; }
    string? FileName { get; set; }
    string? ContentType { get; set; }
    long Size { get; set; }
    string? Sha256 { get; set; }
}
