using System.Text;
using System.Xml.Linq;
using HscpPortal.Web.Features.EscalationAnalysis;
using HscpPortal.Web.Infrastructure.Charts;
using HscpPortal.Web.Infrastructure.Export;

namespace HscpPortal.UnitTests;

public class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static ChartModel Model(ChartKind kind, string id = "test", params ChartSeries[] series) => new()
    {
        Id = id,
        Title = "Escalations by sector, 2023-24",
        Kind = kind,
        CategoryHeader = "Sector",
        ValueLabel = "Escalations",
        Categories = ["Schools & colleges", "Health", "Police"],
        Series = series.Length > 0 ? series : [new("Escalations", [5, 4, 1])],
        ShowTotals = true,
    };

    public static TheoryData<ChartKind, int> Kinds() => new()
    {
        { ChartKind.Bar, 1 },
        { ChartKind.HorizontalBar, 1 },
        { ChartKind.Bar, 3 },
        { ChartKind.HorizontalBar, 2 },
        { ChartKind.StackedBar, 3 },
        { ChartKind.StackedHorizontalBar, 2 },
        { ChartKind.Line, 1 },
        { ChartKind.Line, 2 },
    };

    private static ChartSeries[] SeriesOf(int count) =>
        Enumerable.Range(0, count).Select(i => new ChartSeries($"Series <{i}>", [i + 1, 2, 3])).ToArray();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_EachKind_IsWellFormedSvgWithLabelsAndAccessibleName(ChartKind kind, int seriesCount)
    {
        var svg = SvgChart.Render(Model(kind, series: SeriesOf(seriesCount)));

        var root = XElement.Parse(svg);
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("img", (string?)root.Attribute("role"));
        // Named by what it shows; the title is the table's caption beside it, not repeated.
        Assert.Equal("chart-test-desc", (string?)root.Attribute("aria-labelledby"));
        Assert.Equal("Escalations by sector, 2023-24", root.Element(Svg + "title")?.Value);
        Assert.NotNull((string?)root.Attribute("viewBox"));
        var texts = root.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("Schools & colleges", texts);
        Assert.Contains("Health", texts);
        Assert.Contains("Police", texts);
        if (seriesCount > 1)
        {
            Assert.Contains("Series <1>", texts);
        }
    }

    [Fact]
    public void Render_Always_HasNoInlineStylesForTheContentSecurityPolicy()
    {
        var svg = SvgChart.Render(Model(ChartKind.StackedBar, series: SeriesOf(3)));

        Assert.DoesNotContain("style=", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_TwoChartsOnOnePage_ShareNoIds()
    {
        var first = XElement.Parse(SvgChart.Render(Model(ChartKind.Bar, "one")));
        var second = XElement.Parse(SvgChart.Render(Model(ChartKind.Bar, "two")));

        var ids = first.DescendantsAndSelf().Concat(second.DescendantsAndSelf())
            .Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();

        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(first.Descendants().Attributes().Where(a => a.Value.Contains("url(#", StringComparison.Ordinal)),
            a => Assert.Contains("url(#chart-one-", a.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Text_IsTrimmedToOnePositionAndUsesThePortalsFonts()
    {
        var root = XElement.Parse(SvgChart.Render(Model(ChartKind.Bar)));

        Assert.All(root.Descendants(Svg + "text"), t =>
        {
            Assert.DoesNotContain(",", (string?)t.Attribute("x") ?? "", StringComparison.Ordinal);
            Assert.Equal(t.Value.Trim(), t.Value);
            Assert.StartsWith("arial", (string?)t.Attribute("font-family"), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Render_GovukColours_ForTheSeries()
    {
        var svg = SvgChart.Render(Model(ChartKind.Bar, series: SeriesOf(2)));

        Assert.Contains("#1D70B8", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("#F47738", svg, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_SeriesWithWrongNumberOfValues_Throws()
    {
        Assert.Throws<ArgumentException>(() => SvgChart.Render(Model(ChartKind.Bar, series: new ChartSeries("Short", [1]))));
    }

    [Fact]
    public void Render_NoCategories_StillWellFormed()
    {
        var model = new ChartModel { Id = "empty", Title = "Nothing", Categories = [], Series = [new("Escalations", [])] };

        var root = XElement.Parse(SvgChart.Render(model));

        Assert.False(model.HasData);
        Assert.Equal("Nothing to show: every value is zero.", root.Element(Svg + "desc")?.Value);
    }

    [Fact]
    public void Labels_TooLongForVerticalBars_AreCutWithEllipsisAndAxisLabelsWin()
    {
        var model = new ChartModel
        {
            Id = "long",
            Title = "Long",
            Categories = ["Stage 1: Practitioner to practitioner", "Stage 2: Line managers", "Stage 3: Senior managers or heads of service", "Stage 4: Partnership chair or independent scrutineer", "Stage 5", "Stage 6"],
            Series = [new("Days", [1, 2, 3, 4, 5, 6])],
        };

        var cut = SvgChart.Labels(model, horizontal: false).ToList();
        var shortened = SvgChart.Labels(new ChartModel { Id = "s", Title = "S", Categories = model.Categories, Series = model.Series, AxisLabels = ["S1", "S2", "S3", "S4", "S5", "S6"] }, horizontal: false);

        Assert.EndsWith("\u2026", cut[3], StringComparison.Ordinal);
        Assert.Equal("Stage 5", cut[4]);
        Assert.Equal(["S1", "S2", "S3", "S4", "S5", "S6"], shortened);
    }

    [Fact]
    public void Summary_Categories_NamesTheLargestAndTheTotalNotTheTitle()
    {
        var model = Model(ChartKind.Bar);

        Assert.Equal("Largest: Schools & colleges (5), then Health (4). 3 of 3 with any, 10 in all. The table that follows gives every figure.", model.Summary());
        Assert.DoesNotContain(model.Title, model.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_RunOfYears_SaysHowItChanged()
    {
        var model = new ChartModel
        {
            Id = "years",
            Title = "Escalations notified to the partnership by reporting year",
            Categories = ["2020-21", "2021-22", "2022-23", "2023-24"],
            Series = [new("escalations", [3, 4, 7, 11])],
        };

        Assert.Equal("Escalations rose from 3 in 2020-21 to 11 in 2023-24. The table that follows gives every figure.", model.Summary());
    }

    [Fact]
    public void Summary_Given_IsUsedAsItIs()
    {
        var model = new ChartModel { Id = "g", Title = "T", Categories = ["A"], Series = [new("S", [1])], Description = "Most came from schools." };

        Assert.Equal("Most came from schools.", model.Summary());
    }

    [Fact]
    public void ToExportTable_WithSeveralSeries_HasTotalColumnAndRow()
    {
        var model = Model(ChartKind.StackedBar, series: [new("Resolved", [4, 3, 1]), new("Open", [1, 1, 0]), new("Count", [9, 9, 9]) { TableOnly = true }]);

        var csv = Encoding.UTF8.GetString(TabularExport.ToCsv(model.ToExportTable())).TrimStart('\uFEFF');

        Assert.Equal(
            "Sector,Resolved,Open,Count,Total\r\nSchools & colleges,4,1,9,5\r\nHealth,3,1,9,4\r\nPolice,1,0,9,1\r\nTotal,8,2,27,10\r\n",
            csv);
    }

    [Theory]
    [InlineData(new[] { 2020, 2021, 2022, 2023, 2024 }, "2026-11-24", 2024)]
    [InlineData(new[] { 2023, 2024 }, "2025-01-10", 2023)]
    [InlineData(new[] { 2024 }, "2025-01-10", 2024)]
    [InlineData(new int[0], "2025-01-10", 2024)]
    public void DefaultYear_LatestCompleteYearWithEscalations(int[] years, string today, int expected)
    {
        var list = years.Select(y => (new HscpPortal.Web.Domain.ReportingYear(y), 1)).ToList();

        var year = EscalationAnalysis.DefaultYear(list, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, year.StartYear);
    }

    [Fact]
    public void DrawingKey_DiffersForAnythingDrawn_AndIgnoresLinks()
    {
        var model = Model(ChartKind.Bar);
        var key = SvgChart.DrawingKey(model);
        ChartModel Copy(string? id = null, string? title = null, ChartKind? kind = null, IReadOnlyList<string>? categories = null,
            IReadOnlyList<ChartSeries>? series = null, bool wide = false, int decimals = 0, string? valueLabel = "Escalations",
            IReadOnlyList<string>? axis = null, Func<int, int, string?>? link = null) => new()
        {
            Id = id ?? model.Id, Title = title ?? model.Title, Kind = kind ?? model.Kind, Categories = categories ?? model.Categories,
            Series = series ?? model.Series, Wide = wide, Decimals = decimals, ValueLabel = valueLabel, AxisLabels = axis, Link = link,
            CategoryHeader = model.CategoryHeader, ShowTotals = model.ShowTotals,
        };

        Assert.Equal(key, SvgChart.DrawingKey(Copy(link: (_, _) => "/somewhere")));
        Assert.All(
            new[]
            {
                Copy(id: "other"), Copy(title: "Other"), Copy(kind: ChartKind.HorizontalBar), Copy(categories: ["Schools & colleges", "Health", "Probation"]),
                Copy(series: [new("Escalations", [5, 4, 2])]), Copy(series: [new("Referrals", [5, 4, 1])]),
                Copy(series: [new("Escalations", [5, 4, 1]) { Decimals = 1 }]), Copy(wide: true), Copy(decimals: 1), Copy(valueLabel: "Cases"),
                Copy(axis: ["S", "H", "P"]),
            },
            other => Assert.NotEqual(key, SvgChart.DrawingKey(other)));
        Assert.Same(SvgChart.Render(model), SvgChart.Render(Copy()));
    }
}
