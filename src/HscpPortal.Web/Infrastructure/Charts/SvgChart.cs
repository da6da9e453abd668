using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.Caching.Memory;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace HscpPortal.Web.Infrastructure.Charts;

/// <summary>
/// Draws a <see cref="ChartModel"/> with ScottPlot and returns SVG markup ready to place inline in a page or the
/// printed report: sized for the GOV.UK two-thirds or full-width column, in GOV.UK colours and the portal's font.
/// </summary>
/// <remarks>
/// ScottPlot's SVG is tidied before use. Its ids are made unique per chart (two charts on a page would otherwise
/// share clip paths and fail the duplicate-id check); per-glyph x and y lists are cut to the first glyph, so the
/// browser lays the text out in its own font instead of at positions measured with the server's; the font family
/// becomes the portal's stack; and the root gets role="img", a title and a description. ScottPlot writes only
/// presentation attributes (fill, stroke, font-size), never style attributes or a style element, so the page's
/// Content-Security-Policy (style-src 'self', no 'unsafe-inline') leaves the chart intact; a check below
/// refuses to emit anything that would be blocked.
/// </remarks>
public static partial class SvgChart
{
    public const int TwoThirdsWidth = 620;
    public const int FullWidth = 940;

    /// <summary>GOV.UK colours, in the order series take them: blue, orange, green, dark blue, red, grey.</summary>
    public static IReadOnlyList<string> Palette { get; } = ["#1d70b8", "#f47738", "#00703c", "#003078", "#d4351c", "#505a5f"];

    // Measured with Liberation Sans (Arial's metrics, installed by scripts/prerequisites.sh); shown in the page's
    // own stack, Arial first as in the stylesheet.
    private const string MeasureFont = "Liberation Sans";
    private const string FontStack = "arial, Liberation Sans, Helvetica, sans-serif";
    private const string TextColour = "#0b0c0c";
    private const string GridColour = "#b1b4b6";

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    // Drawing is most of a dashboard's server time and the same numbers give the same SVG, so drawings are kept by
    // everything that goes into them (bounded, and short-lived so the cache never holds much).
    private static readonly MemoryCache Drawn = new(new MemoryCacheOptions { SizeLimit = 256 });

    public static string Render(ChartModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Series.Any(s => s.Values.Count != model.Categories.Count))
        {
            throw new ArgumentException("Every series needs one value per category.", nameof(model));
        }

        return Drawn.GetOrCreate(DrawingKey(model), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            return Draw(model);
        })!;
    }

    /// <summary>Everything the drawing depends on, and nothing else (links and table-only settings are not drawn).</summary>
    public static string DrawingKey(ChartModel model)
    {
        var key = new StringBuilder()
            .Append(model.Id).Append('\u001f').Append(model.Title).Append('\u001f').Append(model.Kind).Append('\u001f')
            .Append(model.Wide).Append('\u001f').Append(model.Decimals).Append('\u001f').Append(model.ValueLabel).Append('\u001f')
            .AppendJoin('\u001e', model.Categories).Append('\u001f')
            .AppendJoin('\u001e', model.AxisLabels ?? []).Append('\u001f');
        foreach (var series in model.Series)
        {
            key.Append(series.Name).Append('\u001e').Append(series.TableOnly).Append('\u001e').Append(series.Decimals).Append('\u001e')
                .AppendJoin('\u001e', series.Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))).Append('\u001d');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())));
    }

    private static string Draw(ChartModel model)
    {
        var (width, height) = Size(model);
        using var plot = new Plot();
        Style(plot, model);
        switch (model.Kind)
        {
            case ChartKind.Line:
                AddLines(plot, model);
                break;
            default:
                AddBars(plot, model);
                break;
        }

        var svg = plot.GetSvgXml(width, height);
        return Tidy(svg, model, width, height);
    }

    public static (int Width, int Height) Size(ChartModel model)
    {
        var width = model.Wide ? FullWidth : TwoThirdsWidth;
        var series = model.Plotted.Count;
        var legend = series > 1 ? 40 : 0;
        var height = IsHorizontal(model.Kind)
            ? 70 + legend + (Math.Max(1, model.Categories.Count) * (series > 1 && model.Kind == ChartKind.HorizontalBar ? (18 * series) + 12 : 34))
            : 340 + legend;
        return (width, height);
    }

    private static bool IsHorizontal(ChartKind kind) => kind is ChartKind.HorizontalBar or ChartKind.StackedHorizontalBar;

    private static bool IsStacked(ChartKind kind) => kind is ChartKind.StackedBar or ChartKind.StackedHorizontalBar;

    private static void Style(Plot plot, ChartModel model)
    {
        plot.Font.Set(MeasureFont);
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Axes.Color(Color.FromHex(TextColour));
        plot.Grid.MajorLineColor = Color.FromHex(GridColour).WithAlpha(.6);
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.TickLabelStyle.FontSize = 14;
            axis.Label.FontSize = 14;
            axis.Label.Bold = false;
            axis.MinorTickStyle.Length = 0;
        }

        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        if (model.ValueLabel is { } label)
        {
            (IsHorizontal(model.Kind) ? (IAxis)plot.Axes.Bottom : plot.Axes.Left).Label.Text = label;
        }

        if (model.Plotted.Count > 1)
        {
            foreach (var (series, i) in model.Plotted.Select((s, i) => (s, i)))
            {
                plot.Legend.ManualItems.Add(new LegendItem
                {
                    LabelText = series.Name,
                    FillColor = Colour(i),
                    LineColor = model.Kind == ChartKind.Line ? Colour(i) : Colors.Transparent,
                    LineWidth = model.Kind == ChartKind.Line ? 3 : 0,
                });
            }

            plot.Legend.FontSize = 14;
            plot.Legend.OutlineColor = Colors.Transparent;
            plot.Legend.ShadowColor = Colors.Transparent;
            plot.ShowLegend(Edge.Bottom);
        }
    }

    private static Color Colour(int series) => Color.FromHex(Palette[series % Palette.Count]);

    private static void AddBars(Plot plot, ChartModel model)
    {
        var plotted = model.Plotted;
        var horizontal = IsHorizontal(model.Kind);
        var stacked = IsStacked(model.Kind) || plotted.Count == 1;
        var groupWidth = 0.7;
        var barSize = stacked ? groupWidth : groupWidth / plotted.Count;
        var bars = new List<Bar>();
        for (var c = 0; c < model.Categories.Count; c++)
        {
            // Horizontal charts list the first category at the top, as a table does.
            var position = horizontal ? model.Categories.Count - 1 - c : c;
            double stackBase = 0;
            for (var s = 0; s < plotted.Count; s++)
            {
                var value = plotted[s].Values[c];
                var offset = stacked ? 0 : (s - ((plotted.Count - 1) / 2.0)) * barSize * (horizontal ? -1 : 1);
                bars.Add(new Bar
                {
                    Position = position + offset,
                    ValueBase = stacked ? stackBase : 0,
                    Value = stacked ? stackBase + value : value,
                    Size = barSize,
                    FillColor = Colour(s),
                    LineWidth = 0,
                    Label = !stacked || plotted.Count == 1 ? model.FormatValue(value, plotted[s]) : "",
                });
                stackBase += stacked ? value : 0;
            }
        }

        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = horizontal;
        plottable.ValueLabelStyle.FontSize = 13;
        plottable.ValueLabelStyle.ForeColor = Color.FromHex(TextColour);

        var positions = Enumerable.Range(0, model.Categories.Count)
            .Select(c => (double)(horizontal ? model.Categories.Count - 1 - c : c)).ToArray();
        var categoryAxis = horizontal ? (IAxis)plot.Axes.Left : plot.Axes.Bottom;
        var valueAxis = horizontal ? (IAxis)plot.Axes.Bottom : plot.Axes.Left;
        categoryAxis.TickGenerator = new NumericManual(positions, Labels(model, horizontal).ToArray());
        categoryAxis.MajorTickStyle.Length = 0;
        valueAxis.TickGenerator = new NumericAutomatic { IntegerTicksOnly = model.Decimals == 0 };
        if (horizontal)
        {
            plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        }
        else
        {
            plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        }

        var max = model.Categories.Count == 0 ? 1 : Enumerable.Range(0, model.Categories.Count)
            .Max(c => stacked ? model.CategoryTotal(c) : plotted.Max(s => s.Values[c]));
        var top = Math.Max(1, max) * 1.15;
        if (horizontal)
        {
            plot.Axes.SetLimits(0, top, -0.6, model.Categories.Count - 0.4);
        }
        else
        {
            plot.Axes.SetLimits(-0.6, model.Categories.Count - 0.4, 0, top);
        }
    }

    private static void AddLines(Plot plot, ChartModel model)
    {
        var xs = Enumerable.Range(0, model.Categories.Count).Select(i => (double)i).ToArray();
        var plotted = model.Plotted;
        for (var s = 0; s < plotted.Count; s++)
        {
            var line = plot.Add.Scatter(xs, plotted[s].Values.ToArray());
            line.Color = Colour(s);
            line.LineWidth = 3;
            line.MarkerSize = 9;
            line.MarkerShape = MarkerShape.FilledCircle;
        }

        plot.Axes.Bottom.TickGenerator = new NumericManual(xs, Labels(model, horizontal: false).ToArray());
        plot.Axes.Left.TickGenerator = new NumericAutomatic { IntegerTicksOnly = model.Decimals == 0 };
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        var max = plotted.Count == 0 || model.Categories.Count == 0 ? 1 : plotted.Max(s => s.Values.DefaultIfEmpty(0).Max());
        plot.Axes.SetLimits(-0.4, Math.Max(0.4, model.Categories.Count - 0.6), 0, Math.Max(1, max) * 1.15);
    }

    /// <summary>
    /// Axis labels that fit: under vertical bars each label has its category's share of the width, so a longer
    /// one is cut short with an ellipsis (the table beside the chart has it in full).
    /// </summary>
    public static IEnumerable<string> Labels(ChartModel model, bool horizontal)
    {
        ArgumentNullException.ThrowIfNull(model);
        var labels = model.AxisLabels is { } axis && axis.Count == model.Categories.Count ? axis : model.Categories;
        var maxChars = horizontal
            ? 60
            : Math.Max(4, (int)((model.Wide ? FullWidth : TwoThirdsWidth) - 60) / Math.Max(1, model.Categories.Count) / AverageCharWidth);
        return labels.Select(l => l.Length <= maxChars ? l : l[..(maxChars - 1)].TrimEnd() + "\u2026");
    }

    // Roughly the advance of an average character of Arial at 14px, to decide when a label must be cut.
    private const int AverageCharWidth = 8;

    /// <summary>Turns ScottPlot's SVG document into an element for inline use (see the remarks on this class).</summary>
    private static string Tidy(string svg, ChartModel model, int width, int height)
    {
        var document = XDocument.Parse(svg);
        var root = document.Root ?? throw new InvalidOperationException("ScottPlot returned an empty SVG document.");
        var prefix = "chart-" + model.Id + "-";

        foreach (var element in root.DescendantsAndSelf())
        {
            if (element.Attribute("style") is not null || element.Name == Svg + "style")
            {
                // The page's CSP would silently drop it: fail loudly instead, so a ScottPlot upgrade is noticed.
                throw new InvalidOperationException("The chart SVG uses inline styles, which the Content-Security-Policy blocks.");
            }

            foreach (var attribute in element.Attributes().ToList())
            {
                if (attribute.Name == "id")
                {
                    attribute.Value = prefix + attribute.Value;
                }
                else if (attribute.Name == XLink + "href" || attribute.Name == "href")
                {
                    if (attribute.Value.StartsWith('#'))
                    {
                        attribute.Value = "#" + prefix + attribute.Value[1..];
                    }
                }
                else if (attribute.Value.Contains("url(#", StringComparison.Ordinal))
                {
                    attribute.Value = attribute.Value.Replace("url(#", "url(#" + prefix, StringComparison.Ordinal);
                }
                else if (attribute.Name == "font-family")
                {
                    attribute.Value = FontStack;
                }
            }

            if (element.Name == Svg + "text")
            {
                FirstOnly(element, "x");
                FirstOnly(element, "y");
                element.Value = WhiteSpace().Replace(element.Value, " ").Trim();
                element.SetAttributeValue("fill", element.Attribute("fill")?.Value ?? TextColour);
            }
        }

        root.SetAttributeValue("viewBox", $"0 0 {width} {height}");
        root.SetAttributeValue("class", "app-chart__svg");
        root.SetAttributeValue("role", "img");
        // The accessible name is what the chart shows; its title is the table's caption right beside it.
        root.SetAttributeValue("aria-labelledby", $"{prefix}desc");
        root.SetAttributeValue("focusable", "false");
        root.AddFirst(
            new XElement(Svg + "title", new XAttribute("id", prefix + "title"), model.Title),
            new XElement(Svg + "desc", new XAttribute("id", prefix + "desc"), model.Summary()));

        // The xlink namespace is declared only if something still uses it.
        if (!root.Descendants().Attributes().Any(a => a.Name.Namespace == XLink))
        {
            root.Attributes().Where(a => a.IsNamespaceDeclaration && a.Value == XLink.NamespaceName).Remove();
        }

        return root.ToString(SaveOptions.DisableFormatting);
    }

    private static void FirstOnly(XElement element, string name)
    {
        if (element.Attribute(name) is { } attribute)
        {
            var first = attribute.Value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            attribute.Value = first is not null && double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? first : "0";
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
