using System.Globalization;

namespace HscpPortal.Web.Domain;

/// <summary>What an indicator's number is.</summary>
public enum IndicatorUnit
{
    /// <summary>A number of children, contacts, meetings: the numerator alone.</summary>
    Count = 1,

    /// <summary>A numerator out of a denominator, times 100.</summary>
    Percentage = 2,

    /// <summary>A numerator per 10,000 of the child population the definition names.</summary>
    RatePer10000 = 3,
}

/// <summary>Which way is better.</summary>
public enum Polarity
{
    HigherIsBetter = 1,
    LowerIsBetter = 2,

    /// <summary>Neither way is better (a count of children missing is watched, not judged): no RAG, only up or down.</summary>
    Neither = 3,
}

public enum IndicatorFrequency
{
    Monthly = 1,
    Quarterly = 2,
    Yearly = 3,
}

/// <summary>The focused views an indicator appears in: tags on one catalogue, not separate models.</summary>
public enum PerformanceView
{
    Mash = 1,
    ExploitationAndMissing = 2,
    EarlyHelp = 3,
    ChildProtection = 4,
}

/// <summary>Against target: green at or better than it, amber within its tolerance, red beyond.</summary>
public enum PerformanceRag
{
    Green = 1,
    Amber = 2,
    Red = 3,
}

/// <summary>Direction of travel: better, worse or the same when the indicator has a polarity; up or down when it has none.</summary>
public enum Travel
{
    Better = 1,
    Same = 2,
    Worse = 3,
    Up = 4,
    Down = 5,
}

/// <summary>Who publishes a comparator value.</summary>
public enum ComparatorKind
{
    StatisticalNeighbours = 1,
    England = 2,
    Region = 3,
}

/// <summary>
/// An indicator of the multi-agency dataset: its identity (code, owning group) and what may change without changing
/// what is counted (name, target, tolerance, tags). What is counted lives in <see cref="IndicatorDefinition"/>, one row
/// per version, so values recorded against an earlier definition keep it.
/// </summary>
public class Indicator : ArchivableEntity
{
    /// <summary>A short stable code such as "CSC-04": what partners' spreadsheets call it.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public Polarity Polarity { get; set; }
    public decimal? Target { get; set; }

    /// <summary>How far short of the target is amber rather than red, in the indicator's own unit (percentage points, children).</summary>
    public decimal? Tolerance { get; set; }
    public IndicatorFrequency Frequency { get; set; }
    public int? SourceOrganisationId { get; set; }
    public Organisation? SourceOrganisation { get; set; }
    public int? PriorityId { get; set; }
    public Priority? Priority { get; set; }

    /// <summary>The group that owns its values: its chair and vice-chair enter them.</summary>
    public int GroupId { get; set; }
    public Group? Group { get; set; }

    /// <summary>The focused views it is tagged for, stored as a comma-separated list (see <see cref="PerformanceRules.Tags(string?)"/>).</summary>
    public string ViewTags { get; set; } = "";
    public bool InYearlyReport { get; set; }

    /// <summary>The definition values are recorded against now.</summary>
    public int CurrentDefinitionNumber { get; set; } = 1;
    public int Order { get; set; }

    public List<IndicatorDefinition> Definitions { get; set; } = [];
}

/// <summary>
/// One version of what an indicator counts. A change to the definition, unit or child population adds a new version;
/// earlier versions are never changed, and each value names the version it was recorded against.
/// </summary>
public class IndicatorDefinition : AuditedEntity
{
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int Number { get; set; }
    public required string Definition { get; set; }
    public IndicatorUnit Unit { get; set; }

    /// <summary>What the numerator counts ("assessments completed within 45 days"); for a count, what is counted.</summary>
    public string? NumeratorLabel { get; set; }

    /// <summary>What the denominator counts ("assessments completed"), for a percentage.</summary>
    public string? DenominatorLabel { get; set; }

    /// <summary>The child population (0 to 17) a rate per 10,000 is worked out from.</summary>
    public decimal? ChildPopulation { get; set; }
}

/// <summary>
/// A value of an indicator for one period. Values are revised, never overwritten: a revision adds a row and marks the
/// one it replaces as no longer current, so the earlier figure stays visible with who entered it and when.
/// </summary>
public class IndicatorValue : AuditedEntity
{
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int DefinitionId { get; set; }
    public IndicatorDefinition? Definition { get; set; }

    /// <summary>The period as written ("2024-05", "2023-Q4", "2023-24"), see <see cref="Domain.PerformancePeriod"/>.</summary>
    public required string Period { get; set; }

    /// <summary>The first day of the period, for ordering and year filters in the database.</summary>
    public DateOnly PeriodStart { get; set; }
    public decimal Numerator { get; set; }
    public decimal? Denominator { get; set; }

    /// <summary>Worked out from the numerator and denominator by <see cref="PerformanceRules.Compute"/>, never typed.</summary>
    public decimal Value { get; set; }
    public string? Note { get; set; }
    public bool IsCurrent { get; set; } = true;

    /// <summary>The value this one revised, if any.</summary>
    public int? RevisesId { get; set; }
}

/// <summary>A published comparator for a reporting year: statistical neighbours', England's or the region's value.</summary>
public class IndicatorComparator : ArchivableEntity
{
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public ComparatorKind Kind { get; set; }

    /// <summary>The first calendar year of the reporting year (2023 for 2023-24).</summary>
    public int Year { get; set; }
    public decimal Value { get; set; }
}

/// <summary>
/// A month, a quarter of a reporting year or a reporting year: "2024-05", "2023-Q4" (January to March 2024, the fourth
/// quarter of 2023-24, as the partnership's quarters run from April) or "2023-24".
/// </summary>
public readonly record struct PerformancePeriod(IndicatorFrequency Frequency, int Year, int Number) : IComparable<PerformancePeriod>
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public DateOnly Start => Frequency switch
    {
        IndicatorFrequency.Monthly => new DateOnly(Year, Number, 1),
        IndicatorFrequency.Quarterly => new DateOnly(Year, 4, 1).AddMonths((Number - 1) * 3),
        _ => new DateOnly(Year, 4, 1),
    };

    public DateOnly End => Frequency switch
    {
        IndicatorFrequency.Monthly => Start.AddMonths(1).AddDays(-1),
        IndicatorFrequency.Quarterly => Start.AddMonths(3).AddDays(-1),
        _ => Start.AddYears(1).AddDays(-1),
    };

    public ReportingYear ReportingYear => ReportingYear.Containing(Start);

    public PerformancePeriod Previous => Frequency switch
    {
        IndicatorFrequency.Monthly => Month(Start.AddMonths(-1)),
        IndicatorFrequency.Quarterly => Number == 1 ? new(Frequency, Year - 1, 4) : new(Frequency, Year, Number - 1),
        _ => new(Frequency, Year - 1, 1),
    };

    public PerformancePeriod Next => Frequency switch
    {
        IndicatorFrequency.Monthly => Month(Start.AddMonths(1)),
        IndicatorFrequency.Quarterly => Number == 4 ? new(Frequency, Year + 1, 1) : new(Frequency, Year, Number + 1),
        _ => new(Frequency, Year + 1, 1),
    };

    public PerformancePeriod SameLastYear => this with { Year = Year - 1 };

    public string Label => Frequency switch
    {
        IndicatorFrequency.Monthly => Start.ToString("MMMM yyyy", Uk),
        IndicatorFrequency.Quarterly => $"Q{Number} {ReportingYear} ({Start.ToString("MMMM", Uk)} to {End.ToString("MMMM yyyy", Uk)})",
        _ => ReportingYear.ToString(),
    };

    /// <summary>A short label for a chart's axis: "May 24", "Q4 23-24", "2023-24".</summary>
    public string ShortLabel => Frequency switch
    {
        IndicatorFrequency.Monthly => Start.ToString("MMM yy", Uk),
        IndicatorFrequency.Quarterly => $"Q{Number} {Year % 100:00}-{(Year + 1) % 100:00}",
        _ => ReportingYear.ToString(),
    };

    public static PerformancePeriod Month(DateOnly day) => new(IndicatorFrequency.Monthly, day.Year, day.Month);

    /// <summary>The period of the given frequency that contains the day.</summary>
    public static PerformancePeriod Containing(IndicatorFrequency frequency, DateOnly day)
    {
        var year = ReportingYear.Containing(day).StartYear;
        return frequency switch
        {
            IndicatorFrequency.Monthly => Month(day),
            IndicatorFrequency.Quarterly => new(frequency, year, ((day.Month + 8) % 12 / 3) + 1),
            _ => new(frequency, year, 1),
        };
    }

    /// <summary>The periods of the frequency in a reporting year, in order.</summary>
    public static IReadOnlyList<PerformancePeriod> In(ReportingYear year, IndicatorFrequency frequency) => frequency switch
    {
        IndicatorFrequency.Monthly => Enumerable.Range(0, 12).Select(i => Month(year.Start.AddMonths(i))).ToList(),
        IndicatorFrequency.Quarterly => Enumerable.Range(1, 4).Select(q => new PerformancePeriod(frequency, year.StartYear, q)).ToList(),
        _ => [new PerformancePeriod(frequency, year.StartYear, 1)],
    };

    public static bool TryParse(string? text, out PerformancePeriod period)
    {
        period = default;
        var s = text?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(s) || s.Length < 6 || !int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || s[4] != '-' || year < 1900 || year > 2999)
        {
            return false;
        }

        var rest = s[5..];
        if (rest.Length == 2 && rest[0] == 'Q' && rest[1] is >= '1' and <= '4')
        {
            period = new(IndicatorFrequency.Quarterly, year, rest[1] - '0');
            return true;
        }

        if (rest.Length == 2 && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            // "2023-24" is a reporting year (its second part is the year after's last two digits); "2024-05" a month.
            // Where both could read the same ("2011-12"), the reporting year wins: the records start long after 2011.
            if ((year + 1) % 100 == number)
            {
                period = new(IndicatorFrequency.Yearly, year, 1);
                return true;
            }

            if (number is >= 1 and <= 12)
            {
                period = new(IndicatorFrequency.Monthly, year, number);
                return true;
            }
        }

        return false;
    }

    public static PerformancePeriod Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a month (2024-05), a quarter (2023-Q4) or a reporting year (2023-24).");

    public bool Is(IndicatorFrequency frequency) => Frequency == frequency;

    public int CompareTo(PerformancePeriod other) => Start.CompareTo(other.Start) is var c && c != 0 ? c : Frequency.CompareTo(other.Frequency);

    public override string ToString() => Frequency switch
    {
        IndicatorFrequency.Monthly => $"{Year:0000}-{Number:00}",
        IndicatorFrequency.Quarterly => $"{Year:0000}-Q{Number}",
        _ => new ReportingYear(Year).ToString(),
    };

    public static bool operator <(PerformancePeriod left, PerformancePeriod right) => left.CompareTo(right) < 0;
    public static bool operator >(PerformancePeriod left, PerformancePeriod right) => left.CompareTo(right) > 0;
    public static bool operator <=(PerformancePeriod left, PerformancePeriod right) => left.CompareTo(right) <= 0;
    public static bool operator >=(PerformancePeriod left, PerformancePeriod right) => left.CompareTo(right) >= 0;
}

/// <summary>The performance dataset's pure rules: arithmetic, RAG and direction of travel.</summary>
public static class PerformanceRules
{
    /// <summary>Decimal places a computed percentage or rate keeps, as the partners' reports print them.</summary>
    public const int Decimals = 1;

    /// <summary>
    /// The value of an indicator from what was counted, in decimal arithmetic (never floating point, so 728 of 1,000
    /// is exactly 72.8): a count is its numerator, a percentage is numerator over denominator times 100, a rate is
    /// numerator per 10,000 of the child population. Null when the denominator is missing or not positive.
    /// </summary>
    public static decimal? Compute(IndicatorUnit unit, decimal numerator, decimal? denominator) => unit switch
    {
        IndicatorUnit.Count => numerator,
        IndicatorUnit.Percentage when denominator > 0 => Math.Round(numerator * 100m / denominator.Value, Decimals, MidpointRounding.AwayFromZero),
        IndicatorUnit.RatePer10000 when denominator > 0 => Math.Round(numerator * 10_000m / denominator.Value, Decimals, MidpointRounding.AwayFromZero),
        _ => null,
    };

    /// <summary>Whether the unit needs a denominator (a percentage's, or a rate's child population).</summary>
    public static bool NeedsDenominator(IndicatorUnit unit) => unit != IndicatorUnit.Count;

    /// <summary>
    /// RAG against the target: green at or better than it, amber short of it by no more than the tolerance, red beyond.
    /// None when the indicator has no polarity or no target.
    /// </summary>
    public static PerformanceRag? Rag(decimal value, decimal? target, decimal? tolerance, Polarity polarity)
    {
        if (target is not { } t || polarity == Polarity.Neither)
        {
            return null;
        }

        // How far short of the target: positive is worse, whichever way is better.
        var shortfall = polarity == Polarity.HigherIsBetter ? t - value : value - t;
        return shortfall <= 0 ? PerformanceRag.Green
            : shortfall <= Math.Abs(tolerance ?? 0) ? PerformanceRag.Amber
            : PerformanceRag.Red;
    }

    /// <summary>The direction of travel from an earlier value: better, worse or the same by the polarity, or up or down without one.</summary>
    public static Travel? Direction(decimal value, decimal? earlier, Polarity polarity)
    {
        if (earlier is not { } e)
        {
            return null;
        }

        if (value == e)
        {
            return Travel.Same;
        }

        return polarity switch
        {
            Polarity.HigherIsBetter => value > e ? Travel.Better : Travel.Worse,
            Polarity.LowerIsBetter => value < e ? Travel.Better : Travel.Worse,
            _ => value > e ? Travel.Up : Travel.Down,
        };
    }

    public static IReadOnlyList<PerformanceView> Tags(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => Enum.TryParse<PerformanceView>(t, out var v) && Enum.IsDefined(v) ? v : (PerformanceView?)null)
            .OfType<PerformanceView>().Distinct().Order().ToList();

    public static string Tags(IEnumerable<PerformanceView> views) => string.Join(",", views.Distinct().Order());

    /// <summary>Whether a value's period is one the indicator is recorded for.</summary>
    public static bool IsDueFor(this Indicator indicator, PerformancePeriod period) => period.Is(indicator.Frequency);

    /// <summary>
    /// Revises a period's value: the current value stays, marked no longer current, and the new one names it. The two
    /// rows returned are the earlier value (changed) and the revision (to add).
    /// </summary>
    public static IndicatorValue Revise(IndicatorValue current, IndicatorDefinition definition, decimal numerator, decimal? denominator, string? note)
    {
        var value = Compute(definition.Unit, numerator, denominator)
            ?? throw new ArgumentException("A percentage or rate needs a denominator above zero.", nameof(denominator));
        current.IsCurrent = false;
        return new IndicatorValue
        {
            IndicatorId = current.IndicatorId,
            DefinitionId = definition.Id,
            Definition = definition,
            Period = current.Period,
            PeriodStart = current.PeriodStart,
            Numerator = numerator,
            Denominator = definition.Unit == IndicatorUnit.Count ? null : denominator,
            Value = value,
            Note = note,
            RevisesId = current.Id,
        };
    }

    /// <summary>The first value of a period.</summary>
    public static IndicatorValue Record(int indicatorId, IndicatorDefinition definition, PerformancePeriod period, decimal numerator, decimal? denominator, string? note)
    {
        var value = Compute(definition.Unit, numerator, denominator)
            ?? throw new ArgumentException("A percentage or rate needs a denominator above zero.", nameof(denominator));
        return new IndicatorValue
        {
            IndicatorId = indicatorId,
            DefinitionId = definition.Id,
            Definition = definition,
            Period = period.ToString(),
            PeriodStart = period.Start,
            Numerator = numerator,
            Denominator = definition.Unit == IndicatorUnit.Count ? null : denominator,
            Value = value,
            Note = note,
        };
    }

    /// <summary>Whether a revision changes anything; an unchanged row of the grid is not a revision.</summary>
    public static bool Differs(IndicatorValue current, decimal numerator, decimal? denominator, string? note) =>
        current.Numerator != numerator || current.Denominator != denominator || !string.Equals(current.Note ?? "", note ?? "", StringComparison.Ordinal);

    public static string FormatValue(decimal value, IndicatorUnit unit)
    {
        var uk = CultureInfo.GetCultureInfo("en-GB");
        if (unit == IndicatorUnit.Percentage)
        {
            return value.ToString("0.#", uk) + "%";
        }

        return unit == IndicatorUnit.RatePer10000 ? value.ToString("#,##0.#", uk) : value.ToString("#,##0.##", uk);
    }
}
