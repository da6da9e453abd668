using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Audits;

public static class AssuranceGroup
{
    /// <summary>
    /// The group that runs the partnership's quality assurance, whatever the partnership calls it: of the live groups
    /// (or of <paramref name="among"/>), the one that has run the most live audits; null when none has run one.
    /// </summary>
    public static Task<int?> AssuranceGroupIdAsync(this PortalDbContext db, CancellationToken ct, IReadOnlyCollection<int>? among = null) =>
        db.Audits.AsNoTracking()
            .Where(a => a.IsLive() && a.Group!.IsLive() && (among == null || among.Contains(a.GroupId)))
            .GroupBy(a => a.GroupId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => (int?)g.Key)
            .FirstOrDefaultAsync(ct);
}
