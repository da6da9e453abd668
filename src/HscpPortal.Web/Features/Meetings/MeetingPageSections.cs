using HscpPortal.Web.Features.Actions;
using HscpPortal.Web.Features.Audits;
using HscpPortal.Web.Features.Decisions;
using HscpPortal.Web.Features.Minutes;
using HscpPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace HscpPortal.Web.Features.Meetings;

/// <summary>
/// What the meeting page shows below its agenda, in order: each line of work's part of a meeting, drawn by a view
/// component that lives in that line of work's folder and is invoked with the meeting's id (<c>InvokeAsync(int
/// meetingId)</c>). Adding one (the audits presented at a meeting, say) is one line here; the meeting's view loops
/// over this list and never names a line of work.
/// </summary>
public static class MeetingPageSections
{
    public static IReadOnlyList<Type> All { get; } =
    [
        Section<MeetingMinutesViewComponent>(),
        Section<MeetingDecisionsViewComponent>(),
        Section<MeetingActionsViewComponent>(),
        Section<MeetingAuditsViewComponent>(),
    ];

    private static Type Section<T>()
        where T : ViewComponent => typeof(T);
}

public static class ViewComponentExtensions
{
    /// <summary>The component's partial beside its class: <c>_MeetingActions.cshtml</c> for <c>MeetingActionsViewComponent</c>.</summary>
    public static ViewViewComponentResult ViewBesideIt<TModel>(this ViewComponent component, TModel model) =>
        component.View(ViewBeside.Partial(component.GetType()), model);
}
