using System.Text.Json;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;

namespace HscpPortal.Web.Security;

/// <summary>
/// Changes to user accounts in the audit trail. Identity saves accounts itself, so these entries are written by hand,
/// one per change, naming who made it (an administrator, the user, or the system after failed sign-ins). Passwords,
/// tokens and keys are never written, only that they changed.
/// </summary>
public sealed class AccountAudit(PortalDbContext db, ICurrentActor actor, TimeProvider clock)
{
    public const string EntityType = "UserAccount";

    public Task RecordAsync(string userId, AuditAction action, IEnumerable<FieldChange> changes, CancellationToken ct = default) =>
        RecordAsync(userId, action, changes, byUserId: actor.UserId, byName: actor.UserName, ct);

    /// <summary>For changes made without a signed-in actor: a reset by emailed link (the account's owner) or a lockout (the system).</summary>
    public async Task RecordAsync(string userId, AuditAction action, IEnumerable<FieldChange> changes, string? byUserId, string? byName, CancellationToken ct = default)
    {
        var list = changes.ToList();
        if (list.Count == 0)
        {
            return;
        }

        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = byUserId,
            UserName = byName,
            EntityType = EntityType,
            EntityId = 0,
            EntityKey = userId,
            Action = action,
            Changes = JsonSerializer.Serialize(list),
        });
        await db.SaveChangesAsync(ct);
    }

    public static FieldChange Change(string field, string? from, string? to) => new(field, from, to);

    /// <summary>The fields that differ, for an edit that may change several at once.</summary>
    public static IEnumerable<FieldChange> Differences(params (string Field, string? From, string? To)[] fields) =>
        fields.Where(f => !string.Equals(f.From, f.To, StringComparison.Ordinal)).Select(f => new FieldChange(f.Field, f.From, f.To));

    public static string? Roles(IEnumerable<string> roles)
    {
        var list = roles.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? null : string.Join(", ", list);
    }
}
