using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Dashboard;
using HscpPortal.Web.Features.Dashboard.Tiles;

namespace HscpPortal.UnitTests;

public class EarlyYearTests
{
    private static readonly ReportingYear Year = new(2026);

    [Theory]
    [InlineData("2026-04-01", true)]
    [InlineData("2026-04-20", true)]
    [InlineData("2026-06-23", true)]   // day 83: the last of the twelve weeks
    [InlineData("2026-06-24", false)]  // day 84: twelve weeks in
    [InlineData("2026-11-10", false)]
    [InlineData("2026-03-31", false)]  // the day before the year: not in it at all
    [InlineData("2027-04-05", false)]  // early in the next year, not this one
    public void IsEarlyOn_TheFirstTwelveWeeksOnly(string today, bool early) =>
        Assert.Equal(early, Year.IsEarlyOn(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void For_LaterInTheYear_IsNull() =>
        Assert.Null(EarlyYearModel.For(Year, new DateOnly(2026, 9, 1), []));

    [Fact]
    public void For_APastYearShownEarlyInTheNext_IsNull() =>
        Assert.Null(EarlyYearModel.For(Year.Previous, new DateOnly(2026, 4, 10), []));

    [Fact]
    public void For_EarlyWithNothingHeldYet_SaysNoneYetBesideLastYearsFigure()
    {
        var quorum = new QuorumModel { Year = Year, Rows = [], Rate = new Trend(0, 80, Year.Previous, Percent: true) };
        var tiles = new List<LoadedTile> { new("quorum", "_QuorumTile", quorum) };

        var model = EarlyYearModel.For(Year, new DateOnly(2026, 4, 20), tiles);

        Assert.NotNull(model);
        Assert.Equal(2, model.WeeksIn);
        Assert.Equal("/dashboard?year=2025-26", model.LastYearUrl);
        var figure = Assert.Single(model.Figures);
        Assert.Equal(EarlyYearModel.None, figure.SoFar);
        Assert.Equal("80%", figure.LastYear);
    }

    [Fact]
    public void For_LastYearWithoutFigures_SaysSoRatherThanNought()
    {
        var quorum = new QuorumModel
        {
            Year = Year,
            Rows = [new QuorumRow(1, "Board", Held: 1, Quorate: 1)],
            Rate = new Trend(100, 0, Year.Previous, Percent: true, PreviousKnown: false),
        };

        var model = EarlyYearModel.For(Year, new DateOnly(2026, 5, 1), [new("quorum", "_QuorumTile", quorum)]);

        var figure = Assert.Single(model!.Figures);
        Assert.Equal("100%", figure.SoFar);
        Assert.Equal(EarlyYearModel.NoFigures, figure.LastYear);
    }
}
