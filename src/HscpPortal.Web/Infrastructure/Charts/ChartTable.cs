using HscpPortal.Web.Infrastructure.Export;

namespace HscpPortal.Web.Infrastructure.Charts;

/// <summary>The rows and columns of a chart's table, the same for the page and for a download.</summary>
public static class ChartTable
{
    /// <summary>A total column is worth showing only when a row has several plotted values to add up.</summary>
    public static bool HasTotalColumn(this ChartModel model) => model.ShowTotals && model.Plotted.Count > 1;

    public static ExportTable ToExportTable(this ChartModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var columns = new List<ExportColumn<int>> { new(model.CategoryHeader, c => c < 0 ? "Total" : model.Categories[c]) };
        columns.AddRange(model.Series.Select(s => new ExportColumn<int>(s.Name, c => Cell(c < 0 ? s.Values.Sum() : s.Values[c], s.Decimals ?? model.Decimals))));
        if (model.HasTotalColumn())
        {
            columns.Add(new ExportColumn<int>("Total", c => Cell(c < 0 ? model.Plotted.Sum(s => s.Values.Sum()) : model.CategoryTotal(c), model.Decimals)));
        }

        var rows = Enumerable.Range(0, model.Categories.Count).ToList();
        if (model.ShowTotals)
        {
            rows.Add(-1);
        }

        return ExportTable.From(model.Title, rows, columns);
    }

    // Rounded as the page shows it; a whole number is written "3", never "3.0".
    private static double Cell(double value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
