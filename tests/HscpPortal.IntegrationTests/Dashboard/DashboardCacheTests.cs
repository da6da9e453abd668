using System.Globalization;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.IntegrationTests.Dashboard;

/// <summary>
/// Dashboard tiles are kept until the records change: every committed change moves the records' version on in the
/// same transaction as its audit entries, so the next request shows it, however recently the tile was drawn.
/// </summary>
public class DashboardCacheTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly DateOnly Today = UkTime.Today(TimeProvider.System);

    private long Version() => factory.Query(db => db.DataVersions.AsNoTracking().Single().Version);

    private static async Task<int> OpenActionsAsync(HttpClient client)
    {
        var page = await client.GetDocumentAsync("/dashboard");
        var open = page.QuerySelector("#actions-open")?.TextContent ?? throw new InvalidOperationException("No open actions figure");
        return int.Parse(open.Split(' ')[0], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task ActionCancelledThroughItsPage_TheNextDashboardRequestCountsIt()
    {
        var meeting = factory.Query(db => db.Meetings.Where(m => m.Group!.Name == Demo.QualityAndEffectiveness).Select(m => m.Id).First());
        var id = factory.AddAction(meeting, null, $"Cached figure check {Guid.NewGuid():N}", "Joanne Tilley", Today.AddDays(40));
        var team = await factory.ClientAsync("team");
        var chair = await factory.ClientAsync("qe.chair");
        var before = await OpenActionsAsync(team);
        Assert.Equal(before, await OpenActionsAsync(team));

        var version = factory.Query(db => db.Actions.AsNoTracking().Single(a => a.Id == id).Version.ToString());
        var cancelled = await chair.PostFormAsync($"/actions/{id}/cancel", new() { ["Version"] = version, ["Reason"] = "Covered by the neglect strategy" }, formPage: $"/actions/{id}");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, cancelled.StatusCode);

        Assert.Equal(before - 1, await OpenActionsAsync(team));
    }

    [Fact]
    public void SaveChanges_ARecordChanged_VersionMovesOnOnce_NothingChanged_VersionStays()
    {
        var start = Version();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var priority = db.Priorities.First();
            priority.Description += " ";
            db.SaveChanges();
            Assert.Equal(start + 1, Version());

            db.SaveChanges();
            Assert.Equal(start + 1, Version());
        }
    }

    [Fact]
    public void SaveChanges_TheChangeFails_VersionStays()
    {
        var start = Version();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // A priority led by a group that does not exist breaks a foreign key: nothing is committed, the version included.
        db.Priorities.Add(new Priority { Title = "Orphan priority", FromYear = "2023-24", LeadGroupId = 999_999 });

        Assert.ThrowsAny<DbUpdateException>(() => db.SaveChanges());
        Assert.Equal(start, Version());
    }
}
