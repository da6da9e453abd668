namespace HscpPortal.Web.Domain;

public enum AuditAction
{
    Created = 1,
    Updated = 2,
    Archived = 3,
    Restored = 4,
}

/// <summary>One change to one record, written in the same transaction as the change itself.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public required string EntityType { get; set; }
    public int EntityId { get; set; }

    /// <summary>For records whose key is not a number (user accounts): the key, with <see cref="EntityId"/> 0.</summary>
    public string? EntityKey { get; set; }
    public AuditAction Action { get; set; }

    /// <summary>JSON array of {field, from, to}.</summary>
    public required string Changes { get; set; }
}

public sealed record FieldChange(string Field, string? From, string? To);
