using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Dashboard;

namespace HscpPortal.UnitTests;

public class DashboardTrendTests
{
    private static readonly ReportingYear Before = new(2022);

    [Theory]
    [InlineData(11, 8, false, "up 3 from 8 in 2022-23")]
    [InlineData(5, 8, false, "down 3 from 8 in 2022-23")]
    [InlineData(8, 8, false, "the same as 8 in 2022-23")]
    [InlineData(75, 50, true, "up 25 points from 50% in 2022-23")]
    [InlineData(49, 50, true, "down 1 point from 50% in 2022-23")]
    public void Text_AgainstThePreviousYear_SaysTheChange(int current, int previous, bool percent, string expected) =>
        Assert.Equal(expected, new Trend(current, previous, Before, percent).Text);

    [Fact]
    public void Text_NothingToCompare_SaysSoRatherThanFromNought() =>
        Assert.Equal("no figures for 2022-23 to compare", new Trend(100, 0, Before, Percent: true, PreviousKnown: false).Text);
}
