using HscpPortal.Web.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Shared;

public static class Concurrency
{
    public const string StaleMessage =
        "This record was changed by someone else since you opened it. Nothing has been saved: reload the page to see their changes, then make yours again.";

    /// <summary>
    /// Saves an edit made against the version the user saw. A stale edit overwrites nothing and adds the
    /// "changed by someone else" error instead.
    /// </summary>
    public static async Task<bool> SaveEditAsync<T>(this DbContext db, T entity, Guid versionSeen, ModelStateDictionary modelState, CancellationToken cancellationToken = default)
        where T : class, IConcurrencyStamped
    {
        db.Entry(entity).Property(e => e.Version).OriginalValue = versionSeen;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            modelState.AddModelError("", StaleMessage);
            return false;
        }
        catch (DbUpdateException) when (db.Entry(entity).State != EntityState.Added)
        {
            // A row added with the edit (the next escalation stage, a minutes revision) can collide on a unique
            // index with the same row added by a save that won the race, before the version check is reached.
            // If the record has moved on since the user saw it, that is a stale edit like any other.
            var stored = await db.Entry(entity).GetDatabaseValuesAsync(cancellationToken);
            if (stored is null || stored.GetValue<Guid>(nameof(IConcurrencyStamped.Version)) == versionSeen)
            {
                throw;
            }

            modelState.AddModelError("", StaleMessage);
            return false;
        }
    }
}
