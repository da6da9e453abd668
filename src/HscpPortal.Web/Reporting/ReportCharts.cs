using HscpPortal.Web.Infrastructure.Charts;

namespace HscpPortal.Web.Reporting;

public static class ReportCharts
{
    /// <summary>
    /// A copy of a chart without its links into the portal (a printed or published report cannot follow them) and
    /// with an id unique within the report. It is drawn at two-thirds width, which fits the printed page at its own
    /// size: a full-width chart would be scaled down until its labels fall below 9 point.
    /// </summary>
    public static ChartModel Unlinked(ChartModel chart, string idPrefix) => new()
    {
        Id = idPrefix + chart.Id,
        Title = chart.Title,
        Kind = chart.Kind,
        Categories = chart.Categories,
        Series = chart.Series,
        AxisLabels = chart.AxisLabels,
        CategoryHeader = chart.CategoryHeader,
        ValueLabel = chart.ValueLabel,
        Decimals = chart.Decimals,
        ShowTotals = chart.ShowTotals,
        Wide = false,
        Description = chart.Description,
    };
}
