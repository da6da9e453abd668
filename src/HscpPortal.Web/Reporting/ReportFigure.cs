using System.Globalization;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;

namespace HscpPortal.Web.Reporting;

/// <summary>
/// One number the report shows, as a section gives it: a stable id (the same in the figures files and in the
/// document's <c>data-figure</c> attributes), what it counts in plain words, the period it covers, its value and
/// unit, the text the report prints for it, and where its records are in the portal (a path; sign-in needed).
/// </summary>
/// <param name="Id">Dotted, lower-case and stable: "action-plans.completed.child-exploitation-group".</param>
/// <param name="Shown">Exactly as the report prints it: "75%", "1,204", "12".</param>
public sealed record ReportFigure(string Id, string Definition, string Period, decimal Value, string Unit, string Shown)
{
    public const string Percent = "percent";

    /// <summary>The records behind the figure, as a path in the portal ("/escalations?year=2023-24&amp;status=open").</summary>
    public string? Link { get; init; }

    /// <summary>A count, printed as Razor prints an int (no thousands separator).</summary>
    public static ReportFigure Count(string id, string definition, string period, int value, string unit, string? link = null) =>
        new(id, definition, period, value, unit, value.ToString(CultureInfo.InvariantCulture)) { Link = link };

    /// <summary>A whole-number percentage, printed "75%".</summary>
    public static ReportFigure Percentage(string id, string definition, string period, int value, string? link = null) =>
        new(id, definition, period, value, Percent, value.ToString(CultureInfo.InvariantCulture) + "%") { Link = link };
}

/// <summary>
/// A section's model that shows numbers implements this, beside the section, so that the report's figures files
/// (<see cref="ReportFigures"/>) list every number the section prints. The ids it gives are the ones its partial
/// puts in <c>report-figure</c> attributes.
/// </summary>
public interface IHasFigures
{
    IEnumerable<ReportFigure> Figures(ReportPeriod period);
}

/// <summary>The report's year and the date its facts are taken at, in the words a figure's period is given in.</summary>
public sealed record ReportPeriod(ReportingYear Year, DateOnly AsAt)
{
    /// <summary>The last day the facts cover: 31 March, or today while the year is running.</summary>
    public DateOnly LastDay => AsAt < Year.End ? AsAt : Year.End;

    /// <summary>"1 April 2023 to 31 March 2024" (to today while the year is running).</summary>
    public string InYear => $"{Format.Date(Year.Start)} to {Format.Date(LastDay)}";

    /// <summary>"on 31 March 2024" (on today while the year is running).</summary>
    public string AtYearEnd => On(LastDay);

    /// <summary>Another year's whole period, for a trend across years: the report's own year as <see cref="InYear"/>.</summary>
    public string Of(ReportingYear year) => year == Year ? InYear : Whole(year);

    /// <summary>"1 April 2023 to 31 March 2024".</summary>
    public static string Whole(ReportingYear year) => $"{Format.Date(year.Start)} to {Format.Date(year.End)}";

    public static string On(DateOnly date) => $"on {Format.Date(date)}";
}
