using HscpPortal.Web.Reporting;
using K = HscpPortal.Web.Reporting.ReportSectionKeys;

namespace HscpPortal.Web.Features.ReportDraft.Sections;

/// <summary>
/// The action plans table's numbers as figures. The counts are as at 31 March and the tracker shows actions as they
/// are today, so a number links to its group's action plan (where its actions are) rather than to a filtered list.
/// </summary>
public static class ActionPlansFigures
{
    private const string Unit = "actions";

    public static string Completed(string group) => $"{K.ActionPlans}.{ReportFigures.Slug(group)}.completed-in-year";

    public static string Open(string group) => $"{K.ActionPlans}.{ReportFigures.Slug(group)}.open-at-year-end";

    public static string Overdue(string group) => $"{K.ActionPlans}.{ReportFigures.Slug(group)}.overdue-at-year-end";

    public const string TotalCompleted = K.ActionPlans + ".total.completed-in-year";
    public const string TotalOpen = K.ActionPlans + ".total.open-at-year-end";
    public const string TotalOverdue = K.ActionPlans + ".total.overdue-at-year-end";

    public static IEnumerable<ReportFigure> Of(ActionPlansModel model, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(period);
        if (model.Groups.Count == 0)
        {
            yield break;
        }

        foreach (var g in model.Groups)
        {
            var plan = $"/groups/{g.GroupId}/actions";
            yield return ReportFigure.Count(Completed(g.Group), $"{g.Group}: actions completed (or signed off) in the year", period.InYear, g.CompletedInYear, Unit, plan);
            yield return ReportFigure.Count(Open(g.Group), $"{g.Group}: actions raised by the year's last day and not completed, closed or cancelled by then", period.AtYearEnd, g.OpenAtYearEnd, Unit, plan);
            yield return ReportFigure.Count(Overdue(g.Group), $"{g.Group}: actions open on the year's last day with the due date they had then already passed", period.AtYearEnd, g.OverdueAtYearEnd, Unit, plan);
        }

        yield return ReportFigure.Count(TotalCompleted, "All groups: actions completed (or signed off) in the year", period.InYear, model.CompletedInYear, Unit, "/actions");
        yield return ReportFigure.Count(TotalOpen, "All groups: actions raised by the year's last day and not completed, closed or cancelled by then", period.AtYearEnd, model.OpenAtYearEnd, Unit, "/actions");
        yield return ReportFigure.Count(TotalOverdue, "All groups: actions open on the year's last day with the due date they had then already passed", period.AtYearEnd, model.OverdueAtYearEnd, Unit, "/actions");
    }
}
