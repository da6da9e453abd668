using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure.Charts;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace HscpPortal.Web.Features.Performance;

/// <summary>Which indicators a page lists: by owning group, priority, source organisation and view.</summary>
public interface IIndicatorFilter
{
    int? GroupId { get; }
    int? PriorityId { get; }
    int? OrganisationId { get; }
    PerformanceView? View { get; }
}

public static class IndicatorFilters
{
    /// <summary>The indicators the filter asks for; one rule for the catalogue and the scorecard.</summary>
    public static IQueryable<Indicator> Filtered(this IQueryable<Indicator> indicators, IIndicatorFilter filter)
    {
        if (filter.GroupId is { } groupId)
        {
            indicators = indicators.Where(i => i.GroupId == groupId);
        }

        if (filter.PriorityId is { } priorityId)
        {
            indicators = indicators.Where(i => i.PriorityId == priorityId);
        }

        if (filter.OrganisationId is { } organisationId)
        {
            indicators = indicators.Where(i => i.SourceOrganisationId == organisationId);
        }

        if (filter.View is { } view && Enum.IsDefined(view))
        {
            var tag = view.ToString();
            indicators = indicators.Where(i => ("," + i.ViewTags + ",").Contains("," + tag + ","));
        }

        return indicators;
    }
}

/// <summary>The catalogue's filters, from the query string.</summary>
public sealed class IndicatorListQuery : IIndicatorFilter
{
    public string? Q { get; set; }
    public int? GroupId { get; set; }
    public int? PriorityId { get; set; }
    public int? OrganisationId { get; set; }
    public PerformanceView? View { get; set; }
    public bool Archived { get; set; }
}

public sealed record IndicatorRow(
    int Id, string Code, string Name, IndicatorUnit Unit, IndicatorFrequency Frequency, Polarity Polarity, decimal? Target,
    string Group, string? Source, string? Priority, string ViewTags, bool InYearlyReport, bool Archived);

public sealed class IndicatorList
{
    public required IndicatorListQuery Query { get; init; }
    public required IReadOnlyList<IndicatorRow> Rows { get; init; }
    public required List<SelectListItem> Groups { get; init; }
    public required List<SelectListItem> Priorities { get; init; }
    public required List<SelectListItem> Organisations { get; init; }
    public required bool CanManage { get; init; }
    public required bool CanEnterValues { get; init; }
}

/// <summary>A value as the indicator page lists it, current or revised.</summary>
public sealed record ValueLine(
    int Id, string Period, DateOnly PeriodStart, decimal Numerator, decimal? Denominator, decimal Value, string? Note,
    int DefinitionNumber, IndicatorUnit Unit, bool IsCurrent, DateTime EnteredAt, string? EnteredBy);

public sealed record ComparatorLine(int Id, ComparatorKind Kind, int Year, decimal Value, Guid Version);

public sealed class IndicatorDetails
{
    public required Indicator Indicator { get; init; }
    public required IndicatorDefinition Current { get; init; }
    public required IReadOnlyList<IndicatorDefinition> Definitions { get; init; }
    public required string Group { get; init; }
    public required string? Source { get; init; }
    public required string? Priority { get; init; }
    public required IReadOnlyList<ValueLine> Values { get; init; }
    public required IReadOnlyList<ComparatorLine> Comparators { get; init; }
    public required ChartModel? Chart { get; init; }
    public required bool CanManage { get; init; }
    public required bool CanEnterValues { get; init; }

    /// <summary>The last complete period of its frequency, which the "Enter values" button opens.</summary>
    public required PerformancePeriod EntryPeriod { get; init; }

    public IEnumerable<ValueLine> CurrentValues => Values.Where(v => v.IsCurrent).OrderByDescending(v => v.PeriodStart);

    public IEnumerable<ValueLine> RevisedValues(string period) =>
        Values.Where(v => !v.IsCurrent && v.Period == period).OrderByDescending(v => v.EnteredAt).ThenByDescending(v => v.Id);

    public PerformanceRag? Rag(decimal value) => PerformanceRules.Rag(value, Indicator.Target, Indicator.Tolerance, Indicator.Polarity);
}

/// <summary>The scorecard's filters: the year, a period within it, and which indicators.</summary>
public sealed class ScorecardQuery : IIndicatorFilter
{
    public string? Year { get; set; }
    public string? Period { get; set; }
    public int? PriorityId { get; set; }
    public int? OrganisationId { get; set; }
    public int? GroupId { get; set; }
    public PerformanceView? View { get; set; }
}

public sealed record ScorecardComparator(ComparatorKind Kind, decimal Value);

/// <summary>One indicator's line: its latest value in the year (or up to the chosen period) and how it compares.</summary>
public sealed record ScorecardRow(
    int Id, string Code, string Name, IndicatorUnit Unit, Polarity Polarity, decimal? Target, decimal? Tolerance,
    string? Source, string? Priority, string ViewTags,
    PerformancePeriod? Period, decimal? Value, PerformanceRag? Rag,
    decimal? Previous, Travel? SincePrevious, decimal? LastYear, Travel? SinceLastYear,
    IReadOnlyList<(string Period, decimal Value)> Trend, IReadOnlyList<ScorecardComparator> Comparators)
{
    public string Show(decimal? value) => value is { } v ? PerformanceRules.FormatValue(v, Unit) : "";
}

public sealed class Scorecard
{
    public required ScorecardQuery Query { get; init; }
    public required ReportingYear Year { get; init; }
    public required PerformancePeriod? Period { get; init; }
    public required IReadOnlyList<string> Years { get; init; }
    public required IReadOnlyList<PerformancePeriod> Periods { get; init; }
    public required IReadOnlyList<ScorecardRow> Rows { get; init; }
    public required List<SelectListItem> Priorities { get; init; }
    public required List<SelectListItem> Organisations { get; init; }
    public required List<SelectListItem> Groups { get; init; }
    public required bool CanManage { get; init; }
    public required bool CanEnterValues { get; init; }

    public int Count(PerformanceRag rag) => Rows.Count(r => r.Rag == rag);
}

/// <summary>Words for the performance dataset's enums and tags, so colour is never the only signal.</summary>
public static class PerformanceText
{
    public static string Unit(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percentage => "Percentage",
        IndicatorUnit.RatePer10000 => "Rate per 10,000 children",
        _ => "Count",
    };

    public static string Polarity(Polarity polarity) => polarity switch
    {
        Domain.Polarity.HigherIsBetter => "Higher is better",
        Domain.Polarity.LowerIsBetter => "Lower is better",
        _ => "Neither: watched, not judged",
    };

    public static string View(PerformanceView view) => view switch
    {
        PerformanceView.Mash => "MASH",
        PerformanceView.ExploitationAndMissing => "Exploitation and missing",
        PerformanceView.EarlyHelp => "Early help",
        _ => "Child protection",
    };

    public static string Comparator(ComparatorKind kind) => kind switch
    {
        ComparatorKind.StatisticalNeighbours => "Statistical neighbours",
        ComparatorKind.England => "England",
        _ => "Region",
    };

    public static (string Text, string Css) Rag(PerformanceRag? rag) => rag switch
    {
        PerformanceRag.Green => ("Green: on target", "govuk-tag--green"),
        PerformanceRag.Amber => ("Amber: within tolerance", "govuk-tag--yellow"),
        PerformanceRag.Red => ("Red: off target", "govuk-tag--red"),
        _ => ("No target", "govuk-tag--grey"),
    };

    /// <summary>An arrow for the eye and words for everyone: "▲ Better".</summary>
    public static string Travel(Travel? travel) => travel switch
    {
        Domain.Travel.Better => "Better",
        Domain.Travel.Worse => "Worse",
        Domain.Travel.Same => "Same",
        Domain.Travel.Up => "Up",
        Domain.Travel.Down => "Down",
        _ => "No earlier value",
    };

    public static IEnumerable<SelectListItem> ViewOptions() =>
        Enum.GetValues<PerformanceView>().Select(v => new SelectListItem(View(v), v.ToString()));

    public static IEnumerable<SelectListItem> UnitOptions() =>
        Enum.GetValues<IndicatorUnit>().Select(v => new SelectListItem(Unit(v), v.ToString()));

    public static IEnumerable<SelectListItem> PolarityOptions() =>
        Enum.GetValues<Domain.Polarity>().Select(v => new SelectListItem(Polarity(v), v.ToString()));

    public static IEnumerable<SelectListItem> ComparatorOptions() =>
        Enum.GetValues<ComparatorKind>().Select(v => new SelectListItem(Comparator(v), v.ToString()));
}

/// <summary>The line of work's views, all in its own folder whichever of its controllers shows them.</summary>
public static class PerformanceViews
{
    private const string Folder = "~/Features/Performance/";
    public const string Indicators = Folder + "Indicators.cshtml";
    public const string Indicator = Folder + "Indicator.cshtml";
    public const string IndicatorEdit = Folder + "IndicatorEdit.cshtml";
    public const string Comparator = Folder + "Comparator.cshtml";
    public const string Values = Folder + "Values.cshtml";
    public const string Scorecard = Folder + "Scorecard.cshtml";
}
