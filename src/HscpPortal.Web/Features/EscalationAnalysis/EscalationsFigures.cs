using System.Globalization;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure.Charts;
using HscpPortal.Web.Reporting;
using K = HscpPortal.Web.Reporting.ReportSectionKeys;

namespace HscpPortal.Web.Features.EscalationAnalysis;

/// <summary>
/// The escalations section's numbers as figures: the year's totals, every cell of its charts' tables (with the
/// analysis page's links to the register), and each drifted escalation's stages, linked to that escalation.
/// </summary>
public static class EscalationsFigures
{
    private const string Unit = "escalations";

    public const string Raised = K.Escalations + ".raised";
    public const string RaisedPreviousYear = K.Escalations + ".raised-previous-year";
    public const string ChangeOnPreviousYear = K.Escalations + ".change-on-previous-year";
    public const string Resolved = K.Escalations + ".resolved";
    public const string Open = K.Escalations + ".open";
    public const string Drifted = K.Escalations + ".drifted";
    public const string DriftedPercent = K.Escalations + ".drifted-percent";

    public static string FirstDriftedAt(string reference) => $"{K.Escalations}.drifted.{ReportFigures.Slug(reference)}.first-drifted-at-stage";

    public static string HighestStage(string reference) => $"{K.Escalations}.drifted.{ReportFigures.Slug(reference)}.highest-stage";

    public static IEnumerable<ReportFigure> Of(EscalationsSectionModel model, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(period);
        var inYear = period.InYear;
        var register = $"{EscalationAnalysis.Register}?year={period.Year}";
        var figures = new List<ReportFigure>
        {
            ReportFigure.Count(Raised, "Escalations raised in the year", inYear, model.Total, Unit, register),
        };
        var change = model.Total - model.PreviousYearTotal;
        if (change != 0)
        {
            // The report says "3 more than" or "3 fewer than": the value keeps the sign, the text the words.
            figures.Add(new ReportFigure(
                ChangeOnPreviousYear,
                "Escalations raised in the year less those raised in the year before (negative when fewer)",
                inYear,
                change,
                Unit,
                Math.Abs(change).ToString(CultureInfo.InvariantCulture)));
        }

        figures.AddRange(
        [
            ReportFigure.Count(RaisedPreviousYear, "Escalations raised in the year before", ReportPeriod.Whole(period.Year.Previous), model.PreviousYearTotal, Unit,
                $"{EscalationAnalysis.Register}?year={period.Year.Previous}"),
            ReportFigure.Count(Resolved, $"Escalations raised in the year and resolved by {Format.Date(period.LastDay)}", inYear, model.Resolved, Unit, $"{register}&status=resolved"),
            ReportFigure.Count(Open, $"Escalations raised in the year and not resolved by {Format.Date(period.LastDay)}", inYear, model.Open, Unit, $"{register}&status=open"),
            ReportFigure.Count(Drifted, $"Escalations raised in the year that ran past a stage's timescale, judged on {Format.Date(period.LastDay)}", inYear, model.DriftCount, Unit, $"{register}&drift=true"),
            ReportFigure.Percentage(DriftedPercent, "Escalations raised in the year that ran past a stage's timescale, as a percentage of those raised", inYear, model.DriftPercent, $"{register}&drift=true"),
        ]);

        foreach (var chart in model.Charts)
        {
            figures.AddRange(ReportCharts.Figures(K.Escalations, chart, Unit, c => Period(chart, c, period), model.ChartLinks));
        }

        foreach (var c in model.DriftCases)
        {
            var record = $"{EscalationAnalysis.Register}/{c.EscalationId}";
            figures.Add(ReportFigure.Count(FirstDriftedAt(c.Reference), $"Escalation {c.Reference}: the stage at which it first ran past the timescale", period.AtYearEnd, c.DriftedAtStage, "stage", record));
            figures.Add(ReportFigure.Count(HighestStage(c.Reference), $"Escalation {c.Reference}: the highest stage it reached", period.AtYearEnd, c.StageReached, "stage", record));
        }

        return figures;
    }

    // The trend's categories are reporting years; every other chart is of the report's year.
    private static string Period(ChartModel chart, int category, ReportPeriod period)
    {
        if (category >= 0)
        {
            return ReportingYear.TryParse(chart.Categories[category], out var year) ? period.Of(year) : period.InYear;
        }

        var years = chart.Categories.Select(c => ReportingYear.TryParse(c, out var y) ? y : (ReportingYear?)null).OfType<ReportingYear>().ToList();
        return years.Count == chart.Categories.Count && years.Count > 0
            ? $"{Format.Date(years[0].Start)} to {Format.Date(period.LastDay)}"
            : period.InYear;
    }
}
