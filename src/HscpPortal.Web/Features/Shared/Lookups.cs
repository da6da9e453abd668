using System.Globalization;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Shared;

/// <summary>Options for the register pickers: live records, plus the one a form already points at.</summary>
public static class Lookups
{
    public static Task<List<SelectListItem>> OrganisationOptionsAsync(this PortalDbContext db, CancellationToken ct, int? alwaysInclude = null, bool includeArchived = false, bool partnersOnly = false) =>
        db.Organisations.AsNoTracking()
            .Where(o => includeArchived || o.IsLive() || o.Id == alwaysInclude)
            .Where(o => !partnersOnly || o.StatutoryPartner != null)
            .OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture)))
            .ToListAsync(ct);

    public static Task<List<SelectListItem>> PersonOptionsAsync(this PortalDbContext db, CancellationToken ct, int? alwaysInclude = null) =>
        db.People.AsNoTracking()
            .Where(p => p.IsLive() || p.Id == alwaysInclude)
            .OrderBy(p => p.FullName)
            .Select(p => new SelectListItem(p.FullName + " – " + p.Organisation!.Name, p.Id.ToString(CultureInfo.InvariantCulture)))
            .ToListAsync(ct);

    public static Task<List<SelectListItem>> GroupOptionsAsync(this PortalDbContext db, CancellationToken ct, int? exclude = null, int? alwaysInclude = null) =>
        db.Groups.AsNoTracking()
            .Where(g => g.Id != exclude && ((g.IsLive() && g.Status == Domain.GroupStatus.Active) || g.Id == alwaysInclude))
            .OrderBy(g => g.SortOrder).ThenBy(g => g.Name)
            .Select(g => new SelectListItem(g.Name, g.Id.ToString(CultureInfo.InvariantCulture)))
            .ToListAsync(ct);
}
