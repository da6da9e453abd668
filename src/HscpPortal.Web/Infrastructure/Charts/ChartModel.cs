namespace HscpPortal.Web.Infrastructure.Charts;

public enum ChartKind
{
    /// <summary>Vertical bars: one per category, or side by side per series.</summary>
    Bar,

    /// <summary>Horizontal bars, for long category names such as agencies.</summary>
    HorizontalBar,

    /// <summary>Vertical bars with the series stacked on each other.</summary>
    StackedBar,

    /// <summary>Horizontal bars with the series stacked on each other.</summary>
    StackedHorizontalBar,

    /// <summary>A line with markers across ordered categories, such as reporting years.</summary>
    Line,
}

/// <summary>One series of values, one value per category.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values)
{
    /// <summary>Shown in the table only, such as a count beside averages drawn in the chart.</summary>
    public bool TableOnly { get; init; }

    /// <summary>Decimal places for this series, when it differs from the chart's.</summary>
    public int? Decimals { get; init; }
}

/// <summary>
/// A chart and the table of the same numbers. The table is what screen readers, keyboard users and anyone who
/// needs the exact figures read; the chart is a picture of it.
/// </summary>
public sealed class ChartModel
{
    /// <summary>Unique on the page: it prefixes the ids inside the SVG and names the table.</summary>
    public required string Id { get; init; }

    /// <summary>The table's caption and the chart's accessible name: "Escalations by raising agency, 2023-24".</summary>
    public required string Title { get; init; }

    public ChartKind Kind { get; init; } = ChartKind.Bar;

    public required IReadOnlyList<string> Categories { get; init; }

    public required IReadOnlyList<ChartSeries> Series { get; init; }

    /// <summary>Shorter category names for the chart's axis ("Stage 2"), when the table's are long; same order.</summary>
    public IReadOnlyList<string>? AxisLabels { get; init; }

    /// <summary>The header of the table's first column: "Raising agency".</summary>
    public string CategoryHeader { get; init; } = "Category";

    /// <summary>The value axis label: "Escalations".</summary>
    public string? ValueLabel { get; init; }

    /// <summary>Decimal places shown in the table and on value labels.</summary>
    public int Decimals { get; init; }

    /// <summary>Adds a total row (and a total column when there are several series).</summary>
    public bool ShowTotals { get; init; }

    /// <summary>Full width rather than two-thirds: for many categories or several series.</summary>
    public bool Wide { get; init; }

    /// <summary>
    /// Optional link for a table cell: (category index, series index) to a URL, or null for plain text. A total
    /// cell is asked for with index -1.
    /// </summary>
    public Func<int, int, string?>? Link { get; init; }

    /// <summary>Visually hidden words after a linked number, so a link reads "3 escalations raised by schools".</summary>
    public Func<int, int, string>? LinkContext { get; init; }

    public bool HasData => Categories.Count > 0 && Series.Any(s => s.Values.Any(v => v != 0));

    /// <summary>The series drawn in the chart; the table shows them all.</summary>
    public IReadOnlyList<ChartSeries> Plotted => Series.Where(s => !s.TableOnly).ToList();

    public string FormatValue(double value, ChartSeries? series = null) =>
        value.ToString("N" + (series?.Decimals ?? Decimals), System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    public double Total(int series) => Series[series].Values.Sum();

    /// <summary>The sum across the plotted series for one category, for stacked bars and the total column.</summary>
    public double CategoryTotal(int category) => Plotted.Sum(s => s.Values[category]);

    /// <summary>A sentence that says what the chart shows, for its accessible description.</summary>
    public string Summary()
    {
        if (!HasData)
        {
            return $"{Title}: no data.";
        }

        if (Series.Count == 1)
        {
            var only = Series[0];
            var parts = Categories.Select((c, i) => $"{c} {FormatValue(only.Values[i], only)}");
            return $"{Title}. {string.Join("; ", parts)}.";
        }

        var lines = Categories.Select((c, i) =>
            $"{c}: " + string.Join(", ", Series.Select(s => $"{s.Name} {FormatValue(s.Values[i], s)}")));
        return $"{Title}. {string.Join("; ", lines)}.";
    }
}
