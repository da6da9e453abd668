using HscpPortal.Web.Infrastructure.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Moq;

namespace HscpPortal.UnitTests;

public class ServerTimingTests
{
    private static IConfiguration Settings(string? value) =>
        new ConfigurationBuilder().AddInMemoryCollection(value is null ? [] : [new(ServerTiming.Setting, value)]).Build();

    private static IHostEnvironment Environment(string name) => Mock.Of<IHostEnvironment>(e => e.EnvironmentName == name);

    [Theory]
    [InlineData(null, "Demo", false)]
    [InlineData("false", "Development", false)]
    [InlineData("true", "Demo", true)]
    [InlineData("true", "Development", true)]
    [InlineData("true", "Production", false)]
    public void IsEnabled_SettingAndEnvironment_OnlyWhenAskedAndNeverInProduction(string? setting, string environment, bool expected) =>
        Assert.Equal(expected, ServerTiming.IsEnabled(Settings(setting), Environment(environment)));

    [Fact]
    public void Header_TallyOfThreeQueries_NamesTimesAndCount()
    {
        var tally = new QueryTally();
        tally.Add(TimeSpan.FromMilliseconds(1.25));
        tally.Add(TimeSpan.FromMilliseconds(2));
        tally.Add(TimeSpan.FromMilliseconds(0.5));

        Assert.Equal("app;dur=12.5, db;dur=3.8;desc=\"3 queries\"", ServerTiming.Header(TimeSpan.FromMilliseconds(12.5), tally));
    }
}
