using System.Globalization;
using HscpPortal.Web.Domain;

namespace HscpPortal.UnitTests;

/// <summary>The performance dataset's rules: periods, arithmetic in decimals, RAG with polarity and tolerance, direction of travel, revisions.</summary>
public sealed class PerformanceRulesTests
{
    private static decimal? D(string? text) => text is null ? null : decimal.Parse(text, CultureInfo.InvariantCulture);

    [Theory]
    // value, target, tolerance, polarity, expected
    [InlineData("95", "95", "5", Polarity.HigherIsBetter, PerformanceRag.Green)]
    [InlineData("96", "95", "5", Polarity.HigherIsBetter, PerformanceRag.Green)]
    [InlineData("94.9", "95", "5", Polarity.HigherIsBetter, PerformanceRag.Amber)]
    [InlineData("90", "95", "5", Polarity.HigherIsBetter, PerformanceRag.Amber)]
    [InlineData("89.9", "95", "5", Polarity.HigherIsBetter, PerformanceRag.Red)]
    [InlineData("79", "95", "5", Polarity.HigherIsBetter, PerformanceRag.Red)]
    [InlineData("94", "95", null, Polarity.HigherIsBetter, PerformanceRag.Red)]
    [InlineData("20", "20", "2", Polarity.LowerIsBetter, PerformanceRag.Green)]
    [InlineData("18", "20", "2", Polarity.LowerIsBetter, PerformanceRag.Green)]
    [InlineData("22", "20", "2", Polarity.LowerIsBetter, PerformanceRag.Amber)]
    [InlineData("22.1", "20", "2", Polarity.LowerIsBetter, PerformanceRag.Red)]
    [InlineData("269", "250", "25", Polarity.LowerIsBetter, PerformanceRag.Amber)]
    [InlineData("371", "250", "25", Polarity.LowerIsBetter, PerformanceRag.Red)]
    [InlineData("90", "95", "-5", Polarity.HigherIsBetter, PerformanceRag.Amber)]
    public void Rag_HonoursPolarityAndTolerance(string value, string target, string? tolerance, Polarity polarity, PerformanceRag expected)
    {
        Assert.Equal(expected, PerformanceRules.Rag(D(value)!.Value, D(target), D(tolerance), polarity));
    }

    [Theory]
    [InlineData("50", "95", Polarity.Neither)]
    [InlineData("50", null, Polarity.HigherIsBetter)]
    [InlineData("50", null, Polarity.LowerIsBetter)]
    public void Rag_NoPolarityOrNoTarget_None(string value, string? target, Polarity polarity)
    {
        Assert.Null(PerformanceRules.Rag(D(value)!.Value, D(target), 5m, polarity));
    }

    [Theory]
    [InlineData("79", "72", Polarity.HigherIsBetter, Travel.Better)]
    [InlineData("72", "79", Polarity.HigherIsBetter, Travel.Worse)]
    [InlineData("79", "79", Polarity.HigherIsBetter, Travel.Same)]
    [InlineData("269", "371", Polarity.LowerIsBetter, Travel.Better)]
    [InlineData("371", "269", Polarity.LowerIsBetter, Travel.Worse)]
    [InlineData("269.0", "269", Polarity.LowerIsBetter, Travel.Same)]
    [InlineData("124", "110", Polarity.Neither, Travel.Up)]
    [InlineData("110", "124", Polarity.Neither, Travel.Down)]
    [InlineData("110", "110", Polarity.Neither, Travel.Same)]
    public void Direction_HonoursPolarity(string value, string earlier, Polarity polarity, Travel expected)
    {
        Assert.Equal(expected, PerformanceRules.Direction(D(value)!.Value, D(earlier), polarity));
    }

    [Fact]
    public void Direction_NoEarlierValue_None()
    {
        Assert.Null(PerformanceRules.Direction(10m, null, Polarity.HigherIsBetter));
    }

    [Theory]
    [InlineData(IndicatorUnit.Percentage, "728", "1000", "72.8")]
    [InlineData(IndicatorUnit.Percentage, "1", "3", "33.3")]
    [InlineData(IndicatorUnit.Percentage, "2", "3", "66.7")]
    [InlineData(IndicatorUnit.Percentage, "1", "8", "12.5")]
    [InlineData(IndicatorUnit.Percentage, "1", "16", "6.3")]
    [InlineData(IndicatorUnit.Percentage, "1106", "1400", "79")]
    [InlineData(IndicatorUnit.Percentage, "0", "5", "0")]
    [InlineData(IndicatorUnit.RatePer10000, "1076", "40000", "269")]
    [InlineData(IndicatorUnit.RatePer10000, "1484", "40000", "371")]
    [InlineData(IndicatorUnit.RatePer10000, "1", "36700", "0.3")]
    [InlineData(IndicatorUnit.Count, "204", null, "204")]
    [InlineData(IndicatorUnit.Count, "4957", "10", "4957")]
    public void Compute_DecimalArithmetic_ExactToOnePlace(IndicatorUnit unit, string numerator, string? denominator, string expected)
    {
        Assert.Equal(D(expected), PerformanceRules.Compute(unit, D(numerator)!.Value, D(denominator)));
    }

    [Fact]
    public void Compute_NoFloatingPointDrift()
    {
        // 0.1 + 0.2 is not 0.3 in binary floating point; in decimal it is, and so is every percentage built on it.
        Assert.Equal(30m, PerformanceRules.Compute(IndicatorUnit.Percentage, 0.1m + 0.2m, 1m));
        Assert.Equal(72.8m, PerformanceRules.Compute(IndicatorUnit.Percentage, 72.8m, 100m));
    }

    [Theory]
    [InlineData(IndicatorUnit.Percentage, null)]
    [InlineData(IndicatorUnit.Percentage, "0")]
    [InlineData(IndicatorUnit.RatePer10000, "-5")]
    public void Compute_NoUsableDenominator_None(IndicatorUnit unit, string? denominator)
    {
        Assert.Null(PerformanceRules.Compute(unit, 5m, D(denominator)));
    }

    [Theory]
    [InlineData("2024-05", IndicatorFrequency.Monthly, 2024, 5, "2024-05-01", "2024-05-31")]
    [InlineData("2023-Q4", IndicatorFrequency.Quarterly, 2023, 4, "2024-01-01", "2024-03-31")]
    [InlineData("2023-q1", IndicatorFrequency.Quarterly, 2023, 1, "2023-04-01", "2023-06-30")]
    [InlineData("2023-24", IndicatorFrequency.Yearly, 2023, 1, "2023-04-01", "2024-03-31")]
    [InlineData(" 2024-12 ", IndicatorFrequency.Monthly, 2024, 12, "2024-12-01", "2024-12-31")]
    [InlineData("2024-01", IndicatorFrequency.Monthly, 2024, 1, "2024-01-01", "2024-01-31")]
    [InlineData("1999-00", IndicatorFrequency.Yearly, 1999, 1, "1999-04-01", "2000-03-31")]
    public void Period_Parses(string text, IndicatorFrequency frequency, int year, int number, string start, string end)
    {
        Assert.True(PerformancePeriod.TryParse(text, out var period));
        Assert.Equal(new PerformancePeriod(frequency, year, number), period);
        Assert.Equal(DateOnly.Parse(start, CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, CultureInfo.InvariantCulture), period.End);
        Assert.Equal(text.Trim().ToUpperInvariant(), period.ToString().ToUpperInvariant());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2024")]
    [InlineData("2024-13")]
    [InlineData("2024-00")]
    [InlineData("2023-Q5")]
    [InlineData("2023-Q0")]
    [InlineData("2023-26")]
    [InlineData("23-24")]
    [InlineData("2023/24")]
    [InlineData("abcd-01")]
    [InlineData("2024-5")]
    public void Period_RefusesWhatIsNotAPeriod(string? text)
    {
        Assert.False(PerformancePeriod.TryParse(text, out _));
    }

    [Theory]
    [InlineData("2024-01", "2023-12", "2023-01")]
    [InlineData("2023-Q1", "2022-Q4", "2022-Q1")]
    [InlineData("2023-Q3", "2023-Q2", "2022-Q3")]
    [InlineData("2023-24", "2022-23", "2022-23")]
    public void Period_PreviousAndSameLastYear(string text, string previous, string lastYear)
    {
        var period = PerformancePeriod.Parse(text);
        Assert.Equal(previous, period.Previous.ToString());
        Assert.Equal(lastYear, period.SameLastYear.ToString());
        Assert.Equal(period, period.Previous.Next);
    }

    [Theory]
    [InlineData(IndicatorFrequency.Monthly, "2024-01-15", "2024-01")]
    [InlineData(IndicatorFrequency.Quarterly, "2024-01-15", "2023-Q4")]
    [InlineData(IndicatorFrequency.Quarterly, "2024-04-01", "2024-Q1")]
    [InlineData(IndicatorFrequency.Quarterly, "2024-12-31", "2024-Q3")]
    [InlineData(IndicatorFrequency.Yearly, "2024-03-31", "2023-24")]
    public void Period_Containing(IndicatorFrequency frequency, string day, string expected)
    {
        Assert.Equal(expected, PerformancePeriod.Containing(frequency, DateOnly.Parse(day, CultureInfo.InvariantCulture)).ToString());
    }

    [Fact]
    public void Period_In_ListsAReportingYearsPeriodsInOrder()
    {
        var months = PerformancePeriod.In(new ReportingYear(2023), IndicatorFrequency.Monthly);
        Assert.Equal(12, months.Count);
        Assert.Equal("2023-04", months[0].ToString());
        Assert.Equal("2024-03", months[^1].ToString());
        Assert.Equal(["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"], PerformancePeriod.In(new ReportingYear(2023), IndicatorFrequency.Quarterly).Select(p => p.ToString()));
        Assert.Equal("2023-24", Assert.Single(PerformancePeriod.In(new ReportingYear(2023), IndicatorFrequency.Yearly)).ToString());
    }

    [Fact]
    public void Revise_KeepsTheEarlierValueAndNamesIt()
    {
        var definition = new IndicatorDefinition { Id = 7, Definition = "Assessments completed within 45 days", Unit = IndicatorUnit.Percentage };
        var first = PerformanceRules.Record(3, definition, PerformancePeriod.Parse("2024-03"), 1100m, 1400m, null);
        first.Id = 41;

        var revision = PerformanceRules.Revise(first, definition, 1106m, 1400m, "Late returns added");

        Assert.False(first.IsCurrent);
        Assert.Equal(78.6m, first.Value);
        Assert.Equal(1100m, first.Numerator);
        Assert.True(revision.IsCurrent);
        Assert.Equal(79m, revision.Value);
        Assert.Equal(41, revision.RevisesId);
        Assert.Equal("2024-03", revision.Period);
        Assert.Equal(new DateOnly(2024, 3, 1), revision.PeriodStart);
    }

    [Fact]
    public void Record_CountIgnoresADenominator()
    {
        var definition = new IndicatorDefinition { Id = 1, Definition = "Children on a plan", Unit = IndicatorUnit.Count };
        var value = PerformanceRules.Record(1, definition, PerformancePeriod.Parse("2024-03"), 204m, 9m, null);
        Assert.Null(value.Denominator);
        Assert.Equal(204m, value.Value);
    }

    [Fact]
    public void Tags_RoundTripAndIgnoreUnknown()
    {
        Assert.Equal([PerformanceView.Mash, PerformanceView.ChildProtection], PerformanceRules.Tags("ChildProtection, Mash,Nonsense,Mash"));
        Assert.Equal("Mash,ExploitationAndMissing", PerformanceRules.Tags([PerformanceView.ExploitationAndMissing, PerformanceView.Mash]));
        Assert.Empty(PerformanceRules.Tags((string?)null));
    }
}
