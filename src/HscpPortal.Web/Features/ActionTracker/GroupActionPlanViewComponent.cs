using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.ActionTracker;

public sealed record GroupActionPlanSummary(int GroupId, string GroupName, RagCounts Counts, int Overdue);

/// <summary>For the group page: the size and state of the group's action plan, linking to it.</summary>
public sealed class GroupActionPlanViewComponent(PortalDbContext db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int groupId, string groupName)
    {
        var today = UkTime.Today(clock);
        var actions = db.Actions.Where(a => a.GroupId == groupId && a.IsLive());
        return View("/Features/ActionTracker/_GroupActionPlan.cshtml", new GroupActionPlanSummary(
            groupId, groupName, await actions.RagCountsAsync(today, HttpContext.RequestAborted), await actions.CountAsync(ActionRag.Overdue(today), HttpContext.RequestAborted)));
    }
}
