using System.Data.Common;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// The scorecard's cost in database commands is fixed: the indicators, their values for the year and the year before, the
/// comparators and the filters' lists, whatever the number of indicators, periods or revisions. Its own fixture, because
/// it adds indicators the other tests would see.
/// </summary>
public class ScorecardQueryCountTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    // Five reads, three filter lists, the policies and the sign-in check: about a dozen; room for one more, tight
    // enough that a query per indicator (two dozen in the demo) fails.
    private const int Bound = 20;

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int count;

        public bool Counting { get; set; }

        public int Count => count;

        public void Reset() => Interlocked.Exchange(ref count, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Tally();
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Tally();
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Tally();
            return base.ReaderExecuting(command, eventData, result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Tally();
            return base.ScalarExecuting(command, eventData, result);
        }

        private void Tally()
        {
            if (Counting)
            {
                Interlocked.Increment(ref count);
            }
        }
    }

    private static async Task<int> CountAsync(HttpClient client, CommandCounter counter, string url)
    {
        (await client.GetAsync(url)).EnsureSuccessStatusCode();
        counter.Reset();
        counter.Counting = true;
        var response = await client.GetAsync(url);
        counter.Counting = false;
        response.EnsureSuccessStatusCode();
        return counter.Count;
    }

    [Theory]
    [InlineData("/scorecard?year=2023-24")]
    [InlineData("/scorecard?year=2023-24&period=2023-Q3")]
    public async Task Scorecard_TwentyMoreIndicatorsWithEveryMonthAndRevisions_SameNumberOfQueriesUnderTheBound(string url)
    {
        var counter = new CommandCounter();
        using var counted = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<SqlitePortalDbContext>(o => o.AddInterceptors(counter));
        }));
        var client = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await client.PostFormAsync("/account/login", new() { ["Email"] = Demo.Email("scrutineer"), ["Password"] = PortalFactory.Password });

        var before = await CountAsync(client, counter, url);
        var qe = factory.GroupId(Demo.QualityAndEffectiveness);
        factory.Query(db =>
        {
            for (var n = 0; n < 20; n++)
            {
                var definition = new IndicatorDefinition { Number = 1, Definition = "Counted for the test", Unit = IndicatorUnit.Percentage };
                var indicator = new Indicator
                {
                    Code = $"QC-{url.Length}-{n}", Name = $"Query count indicator {n}", Polarity = Polarity.HigherIsBetter, Target = 90m, Tolerance = 5m,
                    Frequency = IndicatorFrequency.Monthly, GroupId = qe, Definitions = [definition],
                };
                db.Indicators.Add(indicator);
                db.SaveChanges();
                foreach (var period in PerformancePeriod.In(new ReportingYear(2022), IndicatorFrequency.Monthly).Concat(PerformancePeriod.In(new ReportingYear(2023), IndicatorFrequency.Monthly)))
                {
                    var value = PerformanceRules.Record(indicator.Id, definition, period, 80m + n, 100m, null);
                    db.IndicatorValues.Add(value);
                    db.SaveChanges();
                    db.IndicatorValues.Add(PerformanceRules.Revise(value, definition, 85m, 100m, "Revised"));
                }

                db.IndicatorComparators.Add(new IndicatorComparator { IndicatorId = indicator.Id, Kind = ComparatorKind.England, Year = 2023, Value = 88m });
                db.SaveChanges();
            }

            return true;
        });

        var after = await CountAsync(client, counter, url);

        Assert.InRange(before, 1, Bound);
        Assert.Equal(before, after);
    }
}
