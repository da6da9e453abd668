using System.Data.Common;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// The dashboard's cost in database commands is fixed: tiles count with COUNT and GROUP BY, never by loading rows,
/// so more records never mean more queries. Its own fixture, because it adds records the other tests would count.
/// </summary>
public class DashboardQueryCountTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    // After a change: eight tiles, "needs attention", the year list, the records' version and the sign-in check; 41
    // today; room for a tile to gain a query, tight enough that a per-row query (N+1) over the demo's hundreds of
    // records fails. Without a change the tiles come from the cache (TileCache) and cost nothing.
    private const int Bound = 45;

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

    private async Task<int> CountAsync(HttpClient client, CommandCounter counter, string url = "/dashboard?year=2023-24")
    {
        // The menu is worked out on a user's first page and kept for a while (MenuService), so the page is counted
        // as every later visit costs it.
        (await client.GetAsync(url)).EnsureSuccessStatusCode();
        // Tiles are kept until the records change (TileCache); a change is what makes them load again, so that is
        // the cost counted here. DashboardCacheTests counts the requests in between.
        factory.BumpDataVersion();
        counter.Reset();
        counter.Counting = true;
        var response = await client.GetAsync(url);
        counter.Counting = false;
        response.EnsureSuccessStatusCode();
        return counter.Count;
    }

    [Fact]
    public async Task Dashboard_FiftyMoreActionsAndEscalations_SameNumberOfQueriesUnderTheBound()
    {
        var counter = new CommandCounter();
        // The same database as the fixture, with the counter added to every context the app creates.
        using var counted = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<SqlitePortalDbContext>(o => o.AddInterceptors(counter));
        }));
        var client = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await client.PostFormAsync("/account/login", new() { ["Email"] = Demo.Email("scrutineer"), ["Password"] = PortalFactory.Password });

        var before = await CountAsync(client, counter);
        var meeting = factory.Query(db => db.Meetings.Where(m => m.Group!.Name == Demo.QualityAndEffectiveness).Select(m => m.Id).First());
        var owner = factory.Query(db => db.Actions.Where(a => a.OwnerPerson != null).Select(a => a.OwnerPerson!.FullName).First());
        for (var i = 0; i < 50; i++)
        {
            factory.AddAction(meeting, null, $"Query count action {i}", owner, new DateOnly(2023, 6, 1).AddDays(i * 5));
            factory.AddEscalation(new DateOnly(2023, 5, 1).AddDays(i * 3));
        }

        var after = await CountAsync(client, counter);

        Assert.InRange(before, 1, Bound);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Dashboard_NoChangeSinceTheLastRequest_TilesComeFromTheCacheInAFewQueries()
    {
        var counter = new CommandCounter();
        using var counted = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<SqlitePortalDbContext>(o => o.AddInterceptors(counter));
        }));
        var client = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await client.PostFormAsync("/account/login", new() { ["Email"] = Demo.Email("team"), ["Password"] = PortalFactory.Password });

        var changed = await CountAsync(client, counter);
        counter.Reset();
        counter.Counting = true;
        (await client.GetAsync("/dashboard?year=2023-24")).EnsureSuccessStatusCode();
        counter.Counting = false;

        // The sign-in check, the year list, "needs attention" and the records' version: not the tiles.
        Assert.InRange(counter.Count, 1, 8);
        Assert.True(changed > counter.Count + 10, $"{changed} queries after a change, {counter.Count} without one");
    }

    [Theory]
    [InlineData("qe.chair", "/groups/{qe}/dashboard")]
    [InlineData("police.partner", "/dashboard/partner")]
    [InlineData("council.partner", "/dashboard/partner")]
    [InlineData("police.partner", "/my-work")]
    [InlineData("member", "/my-work")]
    // Which groups a chair may add meetings to is one query, not one per group.
    [InlineData("qe.chair", "/meetings")]
    [InlineData("qe.chair", "/meetings/new")]
    [InlineData("qe.chair", "/audits/new")]
    [InlineData("qe.chair", "/dashboard/assurance")]
    [InlineData("scrutineer", "/dashboard/assurance?year=2023-24")]
    public async Task RoleDashboards_FiftyMoreActionsEscalationsAndMeetings_SameNumberOfQueriesUnderTheBound(string who, string url)
    {
        var counter = new CommandCounter();
        using var counted = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<SqlitePortalDbContext>(o => o.AddInterceptors(counter));
        }));
        var client = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await client.PostFormAsync("/account/login", new() { ["Email"] = Demo.Email(who), ["Password"] = PortalFactory.Password });
        var qe = factory.GroupId(Demo.QualityAndEffectiveness);
        url = url.Replace("{qe}", qe.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var today = HscpPortal.Web.Domain.UkTime.Today(TimeProvider.System);
        factory.AddMeeting(Demo.QualityAndEffectiveness, today.AddDays(10), quorate: false, HscpPortal.Web.Domain.MeetingStatus.Scheduled, "Counted", "One", "Two");

        var before = await CountAsync(client, counter, url);
        var meeting = factory.Query(db => db.Meetings.Where(m => m.Group!.Name == Demo.QualityAndEffectiveness).Select(m => m.Id).First());
        // Owned by the police DSP, so the partner's agency, "my actions" and the group's plan all grow.
        var owner = factory.Query(db => db.People.Where(p => p.UserId == factory.UserId("police.partner")).Select(p => p.FullName).Single());
        for (var i = 0; i < 50; i++)
        {
            factory.AddAction(meeting, null, $"Query count action {i}", owner, today.AddDays(i - 25));
            factory.AddEscalation(new DateOnly(2023, 5, 1).AddDays(i * 3));
            factory.AddMeeting(Demo.QualityAndEffectiveness, today.AddDays(30 + i), quorate: false, HscpPortal.Web.Domain.MeetingStatus.Scheduled);
        }

        var after = await CountAsync(client, counter, url);

        Assert.InRange(before, 1, Bound);
        Assert.Equal(before, after);
    }
}
