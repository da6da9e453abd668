using System.Globalization;
using System.Text.Json;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace HscpPortal.Web.Data;

/// <summary>Who is making a change; the web host reads it from the signed-in user, the CLI names itself.</summary>
public interface ICurrentActor
{
    string? UserId { get; }
    string? UserName { get; }
}

public sealed class SystemActor(string name) : ICurrentActor
{
    public string? UserId => null;
    public string? UserName { get; } = name;
}

/// <summary>
/// Stamps created/updated/archived fields and the concurrency version, and turns tracked changes to audited
/// records into audit entries: who, when, which record, which fields from what to what.
/// </summary>
public sealed class AuditTrail(ICurrentActor actor, TimeProvider clock)
{
    private static readonly HashSet<string> Unaudited =
        [nameof(AuditedEntity.Version), nameof(AuditedEntity.UpdatedAt), nameof(AuditedEntity.UpdatedBy),
         nameof(AuditedEntity.CreatedAt), nameof(AuditedEntity.CreatedBy)];

    public sealed record Pending(EntityEntry Entry, AuditAction Action, IReadOnlyList<FieldChange> Changes);

    public IReadOnlyList<Pending> Capture(DbContext context)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var who = actor.UserName;
        var pending = new List<Pending>();
        foreach (var entry in context.ChangeTracker.Entries<IAudited>().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            if (entry.Entity is AuditedEntity stamped)
            {
                if (entry.State == EntityState.Added)
                {
                    // A record brought in with its history (demo data, an import) keeps when it was made.
                    if (stamped.CreatedAt == default)
                    {
                        stamped.CreatedAt = now;
                    }

                    stamped.CreatedBy ??= who;
                }
                else
                {
                    stamped.UpdatedAt = now;
                    stamped.UpdatedBy = who;
                    stamped.Version = Guid.NewGuid();
                }
            }

            var action = entry.State == EntityState.Added ? AuditAction.Created : AuditAction.Updated;
            if (entry.State == EntityState.Modified && entry.Entity is IArchivable)
            {
                var archived = entry.Property(nameof(IArchivable.ArchivedAt));
                if (archived.IsModified)
                {
                    action = archived.CurrentValue is null ? AuditAction.Restored : AuditAction.Archived;
                }
            }

            var changes = entry.Properties
                .Where(p => !Unaudited.Contains(p.Metadata.Name) && !p.Metadata.IsPrimaryKey())
                .Where(p => entry.State == EntityState.Added ? p.CurrentValue is not null : p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
                .Select(p => new FieldChange(
                    p.Metadata.Name,
                    entry.State == EntityState.Added ? null : Format(p.OriginalValue),
                    Format(p.CurrentValue)))
                .ToList();
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            pending.Add(new Pending(entry, action, changes));
        }

        return pending;
    }

    public IEnumerable<AuditEntry> Complete(IReadOnlyList<Pending> pending)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return pending.Select(p => new AuditEntry
        {
            At = now,
            UserId = actor.UserId,
            UserName = actor.UserName,
            EntityType = p.Entry.Metadata.ClrType.Name,
            EntityId = ((IAudited)p.Entry.Entity).Id,
            Action = p.Action,
            Changes = JsonSerializer.Serialize(p.Changes),
        });
    }

    public static IReadOnlyList<FieldChange> ReadChanges(string json) =>
        JsonSerializer.Deserialize<List<FieldChange>>(json) ?? [];

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        byte[] b => $"{b.Length.ToString(CultureInfo.InvariantCulture)} bytes",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
