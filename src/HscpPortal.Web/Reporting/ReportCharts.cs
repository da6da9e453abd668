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

    /// <summary>
    /// The figure id of a cell of a chart's table in a report section: "escalations.raising.west-mercia-police", with
    /// the series named when there are several ("escalations.stages.stage-2.resolved-at-stage-1") and "total" for a
    /// total row (<paramref name="category"/> -1) or column (<paramref name="series"/> -1). The chart's "report-{section}-"
    /// prefix (<see cref="Unlinked"/>) is left out.
    /// </summary>
    public static string FigureId(string section, ChartModel chart, int category, int series)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var prefix = $"report-{section}-";
        var local = chart.Id.StartsWith(prefix, StringComparison.Ordinal) ? chart.Id[prefix.Length..] : chart.Id;
        var id = $"{section}.{ReportFigures.Slug(local)}.{(category < 0 ? "total" : ReportFigures.Slug(chart.Categories[category]))}";
        return chart.Series.Count > 1 ? $"{id}.{(series < 0 ? "total" : ReportFigures.Slug(chart.Series[series].Name))}" : id;
    }

    /// <summary>
    /// Every number of a chart's table as the _Chart partial draws it (each cell, then the total column and the total
    /// row when it has them), formatted as the table formats it.
    /// </summary>
    /// <param name="period">The period of a category (-1 for the total row).</param>
    /// <param name="links">Links to the records behind cells, by figure id, where the section knows them.</param>
    public static IEnumerable<ReportFigure> Figures(
        string section, ChartModel chart, string unit, Func<int, string> period, IReadOnlyDictionary<string, string>? links = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(period);
        var totalColumn = chart.HasTotalColumn();
        var figures = new List<ReportFigure>();

        void Add(int c, int s, double value, ChartSeries? of)
        {
            var decimals = of?.Decimals ?? chart.Decimals;
            var id = FigureId(section, chart, c, s);
            var category = c < 0 ? "all" : chart.Categories[c];
            var what = chart.Series.Count > 1 ? $" {(s < 0 ? "All series" : chart.Series[s].Name)}." : "";
            figures.Add(new ReportFigure(
                id,
                $"{chart.Title}. {chart.CategoryHeader}: {category}.{what}",
                period(c),
                (decimal)Math.Round(value, decimals, MidpointRounding.AwayFromZero),
                unit,
                chart.FormatValue(value, of))
            {
                Link = links?.GetValueOrDefault(id),
            });
        }

        for (var c = 0; c < chart.Categories.Count; c++)
        {
            for (var s = 0; s < chart.Series.Count; s++)
            {
                Add(c, s, chart.Series[s].Values[c], chart.Series[s]);
            }

            if (totalColumn)
            {
                Add(c, -1, chart.CategoryTotal(c), null);
            }
        }

        if (chart.ShowTotals && chart.Categories.Count > 0)
        {
            for (var s = 0; s < chart.Series.Count; s++)
            {
                Add(-1, s, chart.Total(s), chart.Series[s]);
            }

            if (totalColumn)
            {
                Add(-1, -1, chart.Plotted.Sum(x => x.Values.Sum()), null);
            }
        }

        return figures;
    }

    /// <summary>
    /// The links of a chart (its <see cref="ChartModel.Link"/>, before <see cref="Unlinked"/> drops it) by the figure
    /// ids its cells will have in the report, so that a section can keep them as plain data beside its model.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Links(string section, ChartModel linked, string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(linked);
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        if (linked.Link is not { } link)
        {
            return links;
        }

        var unlinked = Unlinked(linked, idPrefix);
        for (var c = -1; c < linked.Categories.Count; c++)
        {
            for (var s = -1; s < linked.Series.Count; s++)
            {
                if (link(c, s) is { } href)
                {
                    links[FigureId(section, unlinked, c, s)] = href;
                }
            }
        }

        return links;
    }
}
