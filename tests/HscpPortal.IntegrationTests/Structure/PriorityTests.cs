using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;

namespace HscpPortal.IntegrationTests;

public class PriorityTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Create_BadYears_ListsEachErrorAndWritesNothing()
    {
        var client = await factory.ClientAsync("team");
        var before = factory.Query(db => db.Priorities.Count());

        var response = await client.PostFormAsync("/priorities/new", new()
        {
            ["Title"] = "",
            ["FromYear"] = "2025/26",
            ["ToYear"] = "2024-25",
        });

        await response.AssertErrorsAsync("Enter the priority", "Enter the first reporting year like 2024-25");
        Assert.Equal(before, factory.Query(db => db.Priorities.Count()));
    }

    [Fact]
    public async Task Create_LastYearBeforeFirst_IsRefused()
    {
        var client = await factory.ClientAsync("team");

        var response = await client.PostFormAsync("/priorities/new", new()
        {
            ["Title"] = "Online safety",
            ["FromYear"] = "2025-26",
            ["ToYear"] = "2024-25",
        });

        await response.AssertErrorsAsync("The last reporting year must be the same as or after the first");
    }

    [Fact]
    public async Task Create_ValidForm_SavesNormalisedYearsAndShowsCounts()
    {
        var client = await factory.ClientAsync("team");

        var response = await client.PostFormAsync("/priorities/new", new()
        {
            ["Title"] = "Online safety",
            ["Description"] = "Children are safer online.",
            ["FromYear"] = " 2025-26 ",
            ["ToYear"] = "",
            ["LeadGroupId"] = factory.GroupId(Demo.QualityAndEffectiveness).ToString(),
            ["Order"] = "9",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = factory.Query(db => db.Priorities.Single(p => p.Title == "Online safety"));
        Assert.Equal("2025-26", saved.FromYear);
        Assert.Null(saved.ToYear);
        var page = await client.GetStringAsync($"/priorities/{saved.Id}");
        Assert.Contains("0 open", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_Counts_EqualDirectCountsOverTheDemoActions()
    {
        var client = await factory.ClientAsync("member");
        var neglect = factory.Query(db => db.Priorities.Single(p => p.Title == "Child neglect"));
        var today = factory.Query(_ => UkTime.Today(TimeProvider.System));
        var open = factory.Query(db => db.Actions.Count(a => a.PriorityId == neglect.Id && a.ArchivedAt == null
            && a.Status != ActionStatus.Completed && a.Status != ActionStatus.Closed && a.Status != ActionStatus.Cancelled));
        var overdue = factory.Query(db => db.Actions.Where(a => a.ArchivedAt == null).Where(ActionRag.Overdue(today)).Count(a => a.PriorityId == neglect.Id));

        var page = await client.GetStringAsync($"/priorities/{neglect.Id}");

        Assert.True(open > 0);
        Assert.Contains($"{open} open", page, StringComparison.Ordinal);
        Assert.Contains($"{overdue} overdue", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_Member_IsForbidden()
    {
        var client = await factory.ClientAsync("member");
        var id = factory.Query(db => db.Priorities.Select(p => p.Id).First());

        var response = await client.GetAsync($"/priorities/{id}/edit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/error/403", response.Headers.Location!.AbsolutePath);
    }
}
