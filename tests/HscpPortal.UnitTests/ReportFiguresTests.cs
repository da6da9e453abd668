using System.Text;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure.Charts;
using HscpPortal.Web.Reporting;

namespace HscpPortal.UnitTests;

public class ReportFiguresTests
{
    private static ReportFigureSet Set(params FigureRecord[] figures) =>
        new("Test Partnership", "2023-24", "1 April 2023 to 31 March 2024", ReportFigures.Published, figures);

    private static FigureRecord Figure(string id, string definition = "Meetings held", decimal value = 4, string unit = "meetings", string shown = "4", string? link = null) =>
        new("board-impact", "The board's impact", id, definition, "1 April 2023 to 31 March 2024", value, unit, shown, link);

    private static string[] CsvLines(ReportFigureSet set)
    {
        var bytes = ReportFigures.ToCsv(set);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
    }

    [Fact]
    public void ToCsv_TextWithCommasQuotesAndLineBreaks_IsQuotedPerRfc4180()
    {
        var lines = CsvLines(Set(Figure("a.b", "Partners' meetings, \"held\" in the year\nby the board", 4.5m, shown: "4.5", link: "/escalations?year=2023-24&status=open")));

        Assert.Equal("section,section_title,figure_id,definition,period,value,unit,shown_as,link", lines[0]);
        Assert.Equal(
            "board-impact,The board's impact,a.b,\"Partners' meetings, \"\"held\"\" in the year\nby the board\",1 April 2023 to 31 March 2024,4.5,meetings,4.5,/escalations?year=2023-24&status=open",
            string.Join("\r\n", lines[1..^1]));
        Assert.Equal("", lines[^1]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-3", "'-3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    public void ToCsv_TextThatLooksLikeAFormula_IsPrefixedSoItStaysText(string definition, string expected)
    {
        var lines = CsvLines(Set(Figure("a.b", definition)));

        Assert.Equal($"board-impact,The board's impact,a.b,{expected},1 April 2023 to 31 March 2024,4,meetings,4,", lines[1]);
    }

    [Fact]
    public void ToCsv_NegativeValue_StaysANumber()
    {
        var lines = CsvLines(Set(Figure("escalations.change", value: -3, shown: "3")));

        Assert.EndsWith(",-3,meetings,3,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void CsvFromJson_RoundTrip_IsTheSameBytesEveryTime()
    {
        var set = Set(Figure("a.b", "Ünïcode & <angle> \"quoted\"", link: "/x?a=1&b=2"), Figure("a.c", value: 75, unit: ReportFigure.Percent, shown: "75%"));
        var json = ReportFigures.ToJson(set);

        Assert.Equal(ReportFigures.ToCsv(set), ReportFigures.CsvFromJson(json));
        Assert.Equal(ReportFigures.CsvFromJson(json), ReportFigures.CsvFromJson(json));
        Assert.Equal(set.Figures, ReportFigures.FromJson(json).Figures);
        Assert.Contains("\"sectionTitle\": \"The board\\u0027s impact\"", json, StringComparison.Ordinal);
        Assert.Contains("Ünïcode", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("West Mercia Police", "west-mercia-police")]
    [InlineData("NHS Herefordshire & Worcestershire", "nhs-herefordshire-worcestershire")]
    [InlineData("  Child Exploitation (CE) & Missing ", "child-exploitation-ce-missing")]
    [InlineData("Café Élan", "cafe-elan")]
    [InlineData("2023-24", "2023-24")]
    [InlineData("—", "unnamed")]
    public void Slug_Names_AreLowerCaseAsciiWithSingleHyphens(string name, string expected)
    {
        Assert.Equal(expected, ReportFigures.Slug(name));
    }

    [Fact]
    public void ChartFigures_TwoSeriesWithTotals_EveryCellOfTheTableAsTheTableFormatsIt()
    {
        var chart = new ChartModel
        {
            Id = "report-escalations-stages",
            Title = "Stage reached against stage resolved at, 2023-24",
            CategoryHeader = "Highest stage reached",
            Categories = ["Stage 1", "Stage 2"],
            Series = [new("Resolved at stage 1", [3, 1200]), new("Open", [0, 2])],
            ShowTotals = true,
        };

        var figures = ReportCharts.Figures("escalations", chart, "escalations", c => c < 0 ? "all" : $"p{c}").ToList();

        // Four cells, a total column for each stage, a total row for each series and the grand total.
        Assert.Equal(4 + 2 + 2 + 1, figures.Count);
        Assert.Equal(
            [
                "escalations.stages.stage-1.resolved-at-stage-1", "escalations.stages.stage-1.open", "escalations.stages.stage-1.total",
                "escalations.stages.stage-2.resolved-at-stage-1", "escalations.stages.stage-2.open", "escalations.stages.stage-2.total",
                "escalations.stages.total.resolved-at-stage-1", "escalations.stages.total.open", "escalations.stages.total.total",
            ],
            figures.Select(f => f.Id));
        var big = figures.Single(f => f.Id == "escalations.stages.stage-2.resolved-at-stage-1");
        Assert.Equal((1200m, "1,200", "p1"), (big.Value, big.Shown, big.Period));
        Assert.Equal((1205m, "1,205", "all"), (figures[^1].Value, figures[^1].Shown, figures[^1].Period));
        Assert.All(figures, f => Assert.Equal(f.Id, ReportCharts.FigureId("escalations", chart, IndexOf(chart, f.Id), SeriesOf(chart, f.Id))));
    }

    [Fact]
    public void ChartLinks_AnalysisLinks_AreKeptByTheFigureIdsOfTheReportsCopy()
    {
        var chart = new ChartModel
        {
            Id = "raising",
            Title = "Escalations by raising agency, 2023-24",
            Categories = ["West Mercia Police", "Wye Valley NHS Trust"],
            Series = [new("Escalations", [2, 0])],
            ShowTotals = true,
            Link = (c, _) => c < 0 ? "/escalations?year=2023-24" : $"/escalations?year=2023-24&raising={c + 10}",
        };

        var links = ReportCharts.Links("escalations", chart, "report-escalations-");
        var figures = ReportCharts.Figures("escalations", ReportCharts.Unlinked(chart, "report-escalations-"), "escalations", _ => "", links).ToList();

        Assert.Equal(
            [
                ("escalations.raising.west-mercia-police", "/escalations?year=2023-24&raising=10"),
                ("escalations.raising.wye-valley-nhs-trust", "/escalations?year=2023-24&raising=11"),
                ("escalations.raising.total", "/escalations?year=2023-24"),
            ],
            figures.Select(f => (f.Id, f.Link)));
    }

    [Fact]
    public void ReportPeriod_FinishedAndRunningYears_SayWhatTheFiguresCover()
    {
        var finished = new ReportPeriod(new ReportingYear(2023), new DateOnly(2024, 3, 31));
        var running = new ReportPeriod(new ReportingYear(2026), new DateOnly(2026, 12, 4));

        Assert.Equal(("1 April 2023 to 31 March 2024", "on 31 March 2024"), (finished.InYear, finished.AtYearEnd));
        Assert.Equal("1 April 2022 to 31 March 2023", finished.Of(new ReportingYear(2022)));
        Assert.Equal(("1 April 2026 to 4 December 2026", "on 4 December 2026"), (running.InYear, running.AtYearEnd));
    }

    private static int IndexOf(ChartModel chart, string id) =>
        id.Split('.')[2] == "total" ? -1 : chart.Categories.ToList().FindIndex(c => ReportFigures.Slug(c) == id.Split('.')[2]);

    private static int SeriesOf(ChartModel chart, string id) =>
        id.Split('.')[3] == "total" ? -1 : chart.Series.ToList().FindIndex(s => ReportFigures.Slug(s.Name) == id.Split('.')[3]);
}
