using HscpPortal.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Shared;

public static class ArchivingActions
{
    /// <summary>
    /// Archives or restores a record against the version the user saw, then returns to <paramref name="returnUrl"/>
    /// with a notice: done, or "changed by someone else" when the click was stale.
    /// </summary>
    public static async Task<IActionResult> SetArchivedAsync<T>(
        this Controller controller, DbContext db, int id, Guid version, bool archive, string returnUrl, TimeProvider clock, CancellationToken ct)
        where T : ArchivableEntity
    {
        var record = await db.Set<T>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null)
        {
            return controller.NotFound();
        }

        record.Archive(archive, controller.User.Identity?.Name, clock);
        var notice = await db.SaveEditAsync(record, version, controller.ModelState, ct)
            ? (archive ? Notices.Archived : Notices.Restored)
            : Notices.Stale;
        return controller.Redirect($"{returnUrl}?notice={notice}");
    }
}
