using System.Globalization;
using System.Text;

namespace HscpPortal.Web.Infrastructure.Charts;

/// <summary>
/// A small trend line for a table cell: a picture only (hidden from screen readers), drawn beside the figures it shows,
/// which the cell also gives as text. ScottPlot draws the full charts; a line of a dozen points per row of a long table
/// needs only a polyline, and costs nothing to draw.
/// </summary>
public static class Sparkline
{
    public const int Width = 96;
    public const int Height = 24;

    public static string Render(IReadOnlyList<decimal> values, decimal? target = null)
    {
        if (values.Count < 2)
        {
            return "";
        }

        var all = target is { } t ? values.Append(t).ToList() : values.ToList();
        var min = all.Min();
        var max = all.Max();
        var span = max == min ? 1m : max - min;
        string X(int i) => (2 + (i * (Width - 4m) / (values.Count - 1))).ToString("0.#", CultureInfo.InvariantCulture);
        string Y(decimal v) => (Height - 3 - ((v - min) * (Height - 6m) / span)).ToString("0.#", CultureInfo.InvariantCulture);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"app-sparkline\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" aria-hidden=\"true\" focusable=\"false\">");
        if (target is { } goal)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"2\" x2=\"{Width - 2}\" y1=\"{Y(goal)}\" y2=\"{Y(goal)}\" stroke=\"#505a5f\" stroke-width=\"1\" stroke-dasharray=\"3 2\"/>");
        }

        svg.Append("<polyline fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"2\" points=\"");
        svg.AppendJoin(' ', values.Select((v, i) => $"{X(i)},{Y(v)}"));
        svg.Append("\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(values.Count - 1)}\" cy=\"{Y(values[^1])}\" r=\"2.5\" fill=\"#1d70b8\"/>");
        svg.Append("</svg>");
        return svg.ToString();
    }
}
