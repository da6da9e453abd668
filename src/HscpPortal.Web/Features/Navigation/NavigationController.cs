using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HscpPortal.Web.Features.Navigation;

public sealed class HubPage
{
    public required NavSection Section { get; init; }
    public required IReadOnlyList<NavPage> Pages { get; init; }
}

/// <summary>
/// The pages a top-level item with several pages links to: a list of the pages under it that the user may open,
/// each with a line saying what it is for. A user who may open none of them is refused, as the pages would refuse.
/// </summary>
[Authorize(Policy = Policies.ViewRecords)]
public sealed class NavigationController(MenuService menus) : Controller
{
    [HttpGet("partnership")]
    public Task<IActionResult> Partnership(CancellationToken ct) => HubAsync(NavArea.Partnership, ct);

    [HttpGet("admin")]
    public Task<IActionResult> Admin(CancellationToken ct) => HubAsync(NavArea.Admin, ct);

    private async Task<IActionResult> HubAsync(NavArea area, CancellationToken ct)
    {
        var pages = await menus.PagesAsync(User, area, ct);
        if (pages.Count == 0)
        {
            return Forbid();
        }

        return View("~/Features/Navigation/Hub.cshtml", new HubPage { Section = Navigation.Section(area), Pages = pages });
    }
}
