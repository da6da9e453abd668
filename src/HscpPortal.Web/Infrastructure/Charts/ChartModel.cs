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

    /// <summary>
    /// What the chart shows, in a sentence or two, for its alternative text: the trend or the largest values, not
    /// its title again. When not given, <see cref="Summary"/> works one out from the numbers.
    /// </summary>
    public string? Description { get; init; }

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

    /// <summary>
    /// What the chart shows, for its alternative text: the description given, or one worked out from the numbers (the
    /// change from the first to the last category for a line or a run of years, else the largest values and the total).
    /// It does not repeat the title, which the table's caption already gives.
    /// </summary>
    public string Summary()
    {
        if (Description is { Length: > 0 } given)
        {
            return given;
        }

        if (!HasData)
        {
            return "Nothing to show: every value is zero.";
        }

        const string table = " The table that follows gives every figure.";
        var plotted = Plotted;
        if (plotted.Count == 1)
        {
            var only = plotted[0];
            var values = only.Values;
            if (Kind == ChartKind.Line || LooksOrdered())
            {
                var first = values[0];
                var last = values[^1];
                var peak = Enumerable.Range(0, values.Count).MaxBy(i => values[i]);
                var trend = last > first ? "rose" : last < first ? "fell" : "was unchanged";
                return $"{Capitalise(only.Name)} {trend} from {FormatValue(first, only)} in {Categories[0]} to {FormatValue(last, only)} in {Categories[^1]}"
                    + (peak != 0 && peak != values.Count - 1 ? $", peaking at {FormatValue(values[peak], only)} in {Categories[peak]}." : ".") + table;
            }

            var ranked = Enumerable.Range(0, values.Count).Where(i => values[i] != 0).OrderByDescending(i => values[i]).ToList();
            var top = string.Join(", then ", ranked.Take(2).Select(i => $"{Categories[i]} ({FormatValue(values[i], only)})"));
            return $"Largest: {top}. {ranked.Count} of {Categories.Count} with any, {FormatValue(values.Sum(), only)} in all." + table;
        }

        var bySeries = string.Join("; ", plotted.Select(p => $"{p.Name} {FormatValue(p.Values.Sum(), p)}"));
        var largest = Enumerable.Range(0, Categories.Count).MaxBy(CategoryTotal);
        return $"Totals by {ValueLabel?.ToLowerInvariant() ?? "series"}: {bySeries}. The largest is {Categories[largest]}." + table;
    }

    /// <summary>Categories that read as a run of years ("2021-22", "2023") or quarters, so a change over time is the point.</summary>
    private bool LooksOrdered() => Categories.Count > 1 && Categories.All(c => c.Length > 0 && char.IsAsciiDigit(c[0]));

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
