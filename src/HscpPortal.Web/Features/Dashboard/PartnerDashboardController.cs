using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Dashboard;

public sealed record PartnerChoice(int Id, string Name);

public sealed class PartnerDashboardPage
{
    public required DateOnly Today { get; init; }

    /// <summary>The partners the user may look at: their own, or every statutory partner for the team.</summary>
    public required IReadOnlyList<PartnerChoice> Choices { get; init; }

    /// <summary>Null until a partner is chosen (the team, with several to choose from), or when the user represents none.</summary>
    public PartnerChoice? Partner { get; init; }

    public bool MayChoose { get; init; }

    /// <summary>Null until a partner is chosen.</summary>
    public NeedsAttentionModel? Attention { get; init; }

    public IReadOnlyList<LoadedTile> Tiles { get; init; } = [];
}

/// <summary>
/// What needs a statutory partner: decisions to ratify, the yearly report to sign off, the agency's overdue actions,
/// the escalations it has received and the independent scrutineer's open challenges to it. For the partner's current
/// lead and delegated partner; the team and administrators may look at any partner's.
/// </summary>
[Route("dashboard/partner")]
[Authorize(Policy = Policies.ViewRecords)]
public sealed class PartnerDashboardController(
    PortalDbContext db, IAuthorizationService authz, DashboardTileLoader loader, NeedsAttention attention, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? organisationId, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var userId = User.UserId();
        var mayChoose = (await authz.AuthorizeAsync(User, Policies.ViewAnyPartnerDashboard)).Succeeded;
        var choices = mayChoose
            ? await db.Organisations.AsNoTracking().Where(o => o.IsLive() && o.IsPartnerOn(today))
                .OrderBy(o => o.StatutoryPartner).ThenBy(o => o.Name).Select(o => new PartnerChoice(o.Id, o.Name)).ToListAsync(ct)
            : userId is null ? []
            : await Seats.PartnerSeats(db, userId, today).AsNoTracking()
                .Select(r => new PartnerChoice(r.OrganisationId, r.Organisation!.Name)).Distinct().ToListAsync(ct);

        if (choices.Count == 0 && !mayChoose)
        {
            // A safeguarding partner whose appointment has not been recorded is told so; anyone else has no business here.
            return (await authz.AuthorizeAsync(User, Policies.ViewPartnerDashboard)).Succeeded
                ? View("~/Features/Dashboard/Partner.cshtml", new PartnerDashboardPage { Today = today, Choices = choices })
                : Forbid();
        }

        PartnerChoice? partner;
        if (organisationId is { } id)
        {
            partner = choices.FirstOrDefault(c => c.Id == id);
            if (partner is null)
            {
                return mayChoose ? NotFound() : Forbid();
            }
        }
        else
        {
            partner = choices.Count == 1 || !mayChoose ? choices.FirstOrDefault() : null;
        }

        if (partner is null)
        {
            return View("~/Features/Dashboard/Partner.cshtml", new PartnerDashboardPage { Today = today, Choices = choices, MayChoose = mayChoose });
        }

        var context = new TileContext
        {
            Db = db,
            Year = ReportingYear.Containing(today),
            Today = today,
            User = User,
            Authorization = authz,
            OrganisationId = partner.Id,
        };
        var late = await attention.LoadAsync(context, ct);
        var tiles = await loader.LoadAsync(DashboardTiles.Partner, context, ct);
        return View("~/Features/Dashboard/Partner.cshtml", new PartnerDashboardPage
        {
            Today = today,
            Choices = choices,
            Partner = partner,
            MayChoose = mayChoose,
            Attention = late,
            Tiles = tiles,
        });
    }
}
