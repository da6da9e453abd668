using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HscpPortal.IntegrationTests.Infrastructure;

namespace HscpPortal.IntegrationTests;

/// <summary>The governance chart and the partner representation on a date, drawn from the demo partnership.</summary>
public class StructureTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>The chart's list item for a group, found by the group's link.</summary>
    private static IElement Node(IHtmlDocument chart, string group)
    {
        var links = chart.QuerySelectorAll(".app-structure a").Where(a => a.TextContent.Trim() == group).ToList();
        return Assert.Single(links).Closest("li")!;
    }

    private static string? ParentGroup(IElement node) =>
        node.ParentElement?.Closest("li")?.QuerySelector(".app-structure__node a")?.TextContent.Trim();

    private static string NodeText(IElement node) => node.QuerySelector(".app-structure__node")!.TextContent;

    [Fact]
    public async Task Structure_Today_ShowsBoardAtTopWithItsChair()
    {
        var client = await factory.ClientAsync("member");

        var chart = await client.GetDocumentAsync("/structure");

        var roots = chart.QuerySelectorAll("ul.app-structure > li");
        var root = Assert.Single(roots);
        Assert.Same(root, Node(chart, Demo.Board));
        Assert.Contains("Chair: Nadia Okafor (Herefordshire Council)", NodeText(root), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Demo.QualityAndEffectiveness, "Claire Ashdown", Demo.Board)]
    [InlineData(Demo.JointCaseReview, "Karen Mellor", Demo.Board)]
    [InlineData(Demo.DevelopmentAndPractice, "Daniel Whitlock", Demo.Board)]
    [InlineData(Demo.ChildExploitation, "Tom Brereton", Demo.Board)]
    [InlineData(Demo.Mash, "Priya Chandran", Demo.QualityAndEffectiveness)]
    public async Task Structure_Today_ShowsActiveSubgroupWithChairUnderTheGroupItReportsTo(string group, string chair, string reportsTo)
    {
        var client = await factory.ClientAsync("member");

        var chart = await client.GetDocumentAsync("/structure");

        var node = Node(chart, group);
        Assert.Contains($"Chair: {chair} (", NodeText(node), StringComparison.Ordinal);
        Assert.Equal(reportsTo, ParentGroup(node));
    }

    [Fact]
    public async Task Structure_Today_NestsMashInsideQualityAndEffectivenessListItem()
    {
        var client = await factory.ClientAsync("member");

        var chart = await client.GetDocumentAsync("/structure");

        var mash = Node(chart, Demo.Mash);
        var qe = Node(chart, Demo.QualityAndEffectiveness);
        Assert.Same(qe, mash.ParentElement!.Closest("li"));
        Assert.True(qe.Contains(mash));
        Assert.False(Node(chart, Demo.JointCaseReview).Contains(mash));
    }

    [Fact]
    public async Task Structure_Today_LeavesDissolvedGroupsOutOfChart()
    {
        var client = await factory.ClientAsync("member");

        var chart = await client.GetDocumentAsync("/structure");

        var names = chart.QuerySelectorAll(".app-structure a").Select(a => a.TextContent.Trim()).ToList();
        Assert.DoesNotContain(Demo.ExecutiveSupport, names);
        Assert.DoesNotContain(Demo.ChildNeglect, names);
        Assert.DoesNotContain("MASH Strategic Group", names);
    }

    [Fact]
    public async Task Structure_Today_ListsDissolvedGroupsWithWhereTheirWorkWent()
    {
        var client = await factory.ClientAsync("member");

        var chart = await client.GetDocumentAsync("/structure");

        var heading = Assert.Single(chart.QuerySelectorAll("h2"), h => h.TextContent.Trim() == "Dissolved groups");
        var items = heading.NextElementSibling!.QuerySelectorAll("li").Select(li => string.Join(' ', li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        var esg = Assert.Single(items, i => i.StartsWith(Demo.ExecutiveSupport, StringComparison.Ordinal));
        Assert.Contains("dissolved 1 October 2023", esg, StringComparison.Ordinal);
        Assert.EndsWith($"work passed to {Demo.Board}", esg, StringComparison.Ordinal);
        var neglect = Assert.Single(items, i => i.StartsWith(Demo.ChildNeglect, StringComparison.Ordinal));
        Assert.Contains(Demo.QualityAndEffectiveness, neglect, StringComparison.Ordinal);
        Assert.Contains(Demo.DevelopmentAndPractice, neglect, StringComparison.Ordinal);
        Assert.Contains(" and ", neglect, StringComparison.Ordinal);
        var getSafe = Assert.Single(items, i => i.StartsWith("Get Safe Implementation Task and Finish Group", StringComparison.Ordinal));
        Assert.EndsWith($"work passed to {Demo.ChildExploitation}", getSafe, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Structure_BeforeTheReview_ShowsOldGroupsAndTheirChairs()
    {
        var client = await factory.ClientAsync("member");

        var chart = await client.GetDocumentAsync("/structure?date=2023-06-01");

        Assert.Equal(Demo.Board, ParentGroup(Node(chart, Demo.ExecutiveSupport)));
        Assert.Equal(Demo.ExecutiveSupport, ParentGroup(Node(chart, Demo.ChildNeglect)));
        Assert.Equal("MASH Strategic Group", ParentGroup(Node(chart, "MASH Operational Group")));
        Assert.Contains("Chair: Graham Lister (", NodeText(Node(chart, Demo.QualityAndEffectiveness)), StringComparison.Ordinal);
        Assert.Contains("Chair: Geoffrey Hartland (", NodeText(Node(chart, Demo.Board)), StringComparison.Ordinal);
        Assert.DoesNotContain(chart.QuerySelectorAll(".app-structure a"), a => a.TextContent.Trim() == Demo.Mash);
        Assert.DoesNotContain(chart.QuerySelectorAll("h2"), h => h.TextContent.Trim() == "Dissolved groups");
    }

    [Theory]
    [InlineData("2024-03-05", Demo.Police, "Ian Fairbairn", "Julia Brennan")]
    [InlineData("2023-03-05", Demo.Police, "Julia Brennan", "Ian Fairbairn")]
    [InlineData("2024-03-05", Demo.Council, "Nadia Okafor", "Joanna Fairclough")]
    [InlineData("2024-01-31", Demo.Council, "Joanna Fairclough", "Nadia Okafor")]
    public async Task Representation_OnDate_ShowsTheDelegatedPartnerWhoHeldTheRoleThatDay(string date, string partner, string holder, string notHolder)
    {
        var client = await factory.ClientAsync("member");

        var page = await client.GetDocumentAsync($"/representation?date={date}");

        var table = page.QuerySelector("table")!;
        var column = table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList().IndexOf("Delegated safeguarding partner");
        Assert.True(column > 0);
        var row = Assert.Single(table.QuerySelectorAll("tbody tr"), tr => tr.QuerySelector("th")!.TextContent.Trim() == partner);
        var cell = row.Children[column].TextContent;
        Assert.Contains(holder, cell, StringComparison.Ordinal);
        Assert.DoesNotContain(notHolder, cell, StringComparison.Ordinal);
    }
}
