using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.IntegrationTests;

/// <summary>The escalation analysis page and its CSV downloads agree with the demo escalations counted directly.</summary>
public class EscalationAnalysisTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Url = "/escalations/analysis?year=2023-24";
    private static readonly ReportingYear Year = new(2023);

    private List<Escalation> InYear() => factory.Query(db => db.Escalations.AsNoTracking()
        .Include(e => e.RaisingOrganisation)
        .Include(e => e.ConcernedOrganisation)
        .Include(e => e.Stages)
        .Where(e => e.RaisedOn >= Year.Start && e.RaisedOn <= Year.End)
        .ToList());

    private async Task<IHtmlDocument> PageAsync() => await (await factory.ClientAsync("team")).GetDocumentAsync(Url);

    /// <summary>The table with this caption, as row header to the text of its cells.</summary>
    private static Dictionary<string, string[]> Table(IHtmlDocument page, string caption)
    {
        var table = page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent.Trim() == caption);
        return table.QuerySelectorAll("tbody tr").ToDictionary(
            r => r.QuerySelector("th")!.TextContent.Trim(),
            r => r.QuerySelectorAll("td").Select(Number).ToArray(),
            StringComparer.Ordinal);
    }

    // A linked number's cell also holds visually hidden words; the figure is the first text.
    private static string Number(AngleSharp.Dom.IElement cell) =>
        (cell.QuerySelector("a")?.ChildNodes.FirstOrDefault()?.TextContent ?? cell.TextContent).Trim();

    [Fact]
    public async Task Analysis_2023To24_ShowsElevenEscalations()
    {
        var page = await PageAsync();

        Assert.Equal("11", Number(page.QuerySelector("#total-escalations")!));
        Assert.Equal("11", Table(page, "Escalations notified to the partnership by reporting year")["2023-24"][0]);
        Assert.Contains("Escalation analysis for 2023-24", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analysis_2023To24_ChartsAreInlineSvgWithAccessibleNamesAndTables()
    {
        var response = await (await factory.ClientAsync("team")).GetAsync(Url);
        var html = await response.Content.ReadAsStringAsync();
        var page = await response.ReadDocumentAsync();

        var charts = page.QuerySelectorAll(".app-chart");
        Assert.True(charts.Length >= 9, $"{charts.Length} charts");
        Assert.All(charts, chart =>
        {
            var svg = chart.QuerySelector("svg");
            Assert.NotNull(svg);
            Assert.Equal("img", svg.GetAttribute("role"));
            Assert.NotNull(chart.QuerySelector("table caption"));
        });
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Analysis_2023To24_SectorTableMatchesDirectCount()
    {
        var expected = InYear().GroupBy(e => e.RaisingOrganisation!.Sector).ToDictionary(g => g.Key, g => g.Count());

        var table = Table(await PageAsync(), "Escalations by sector of the raising agency, 2023-24");

        Assert.Equal(expected[Sector.Education].ToString(), table["Schools and colleges"][0]);
        Assert.Equal(expected[Sector.Health].ToString(), table["Health"][0]);
        Assert.Equal(expected.Values.Sum().ToString(), table["Total"][0]);
        Assert.Equal(expected.Count + 1, table.Count);
    }

    [Fact]
    public async Task Analysis_2023To24_ReceivingTableMatchesDirectCountAndLinksToRegister()
    {
        var expected = InYear().GroupBy(e => (e.ConcernedOrganisationId, e.ConcernedOrganisation!.Name)).ToList();
        var page = await PageAsync();

        var table = Table(page, "Escalations by receiving agency, 2023-24");

        foreach (var group in expected)
        {
            Assert.Equal(group.Count().ToString(), table[group.Key.Name][0]);
            Assert.NotNull(page.QuerySelector($"a[href='/escalations?year=2023-24&receiving={group.Key.ConcernedOrganisationId}']"));
        }

        var council = factory.OrganisationId(Demo.Council);
        Assert.NotNull(page.QuerySelector($"a[href='/escalations?year=2023-24&raising={factory.OrganisationId(Demo.WyeValley)}']"));
        Assert.Equal(expected.Max(g => g.Count()), expected.Single(g => g.Key.ConcernedOrganisationId == council).Count());
    }

    [Fact]
    public async Task Analysis_2023To24_StageCrossTabMatchesDirectCount()
    {
        var escalations = InYear();
        var table = Table(await PageAsync(), "Stage reached against stage resolved at, 2023-24");
        var headers = (await PageAsync()).QuerySelectorAll("table")
            .Single(t => t.QuerySelector("caption")!.TextContent.Trim() == "Stage reached against stage resolved at, 2023-24")
            .QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList();

        for (var reached = 1; reached <= 4; reached++)
        {
            var row = table[$"Stage {reached}"];
            for (var resolvedAt = 1; resolvedAt <= 4; resolvedAt++)
            {
                var column = headers.IndexOf($"Resolved at stage {resolvedAt}") - 1;
                var count = escalations.Count(e => e.CurrentStage == reached && e.ResolvedAtStage == resolvedAt);
                if (column >= 0)
                {
                    Assert.Equal(count.ToString(), row[column]);
                }
                else
                {
                    Assert.Equal(0, count);
                }
            }

            Assert.Equal(escalations.Count(e => e.CurrentStage == reached).ToString(), row[^1]);
        }
    }

    [Fact]
    public async Task Analysis_2023To24_DriftCountAndListMatchTheProtocol()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var drifted = InYear().Where(e => EscalationProtocol.Drifted(e.Stages, today)).ToList();
        var page = await PageAsync();

        Assert.StartsWith($"{drifted.Count} (", page.QuerySelector("#drift-count")!.TextContent.Trim(), StringComparison.Ordinal);
        var listed = page.QuerySelectorAll("#drift-cases tbody tr th a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(drifted.Select(e => $"/escalations/{e.Id}").Order(), listed.Order());
        Assert.NotEmpty(drifted);
    }

    [Fact]
    public async Task Export_ByRaisingSector_IsCsvOfTheTable()
    {
        var client = await factory.ClientAsync("team");

        var response = await client.GetAsync("/escalations/analysis/export?year=2023-24&table=byRaisingSector");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("escalations-by-raising-sector-2023-24.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Sector,Escalations", lines[0]);
        var education = InYear().Count(e => e.RaisingOrganisation!.Sector == Sector.Education);
        Assert.Contains($"Schools and colleges,{education}", lines);
        Assert.Equal("Total,11", lines[^1]);
    }

    [Fact]
    public async Task Export_DriftCases_ListsEachDriftedEscalation()
    {
        var client = await factory.ClientAsync("scrutineer");

        var response = await client.GetAsync("/escalations/analysis/export?year=2023-24&table=driftCases");

        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFReference,Raised on,Raising agency,Receiving agency,Stage where it first drifted", text, StringComparison.Ordinal);
        Assert.Contains("ESC-2023-007", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/escalations/analysis/export?year=2023-24&table=nonsense")]
    [InlineData("/escalations/analysis/export?year=2023&table=status")]
    [InlineData("/escalations/analysis/export?year=2023-24")]
    public async Task Export_BadQuery_IsBadRequest(string url)
    {
        var response = await (await factory.ClientAsync("team")).GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Analysis_BadYear_ShowsErrorNotFailure()
    {
        var response = await (await factory.ClientAsync("team")).GetAsync("/escalations/analysis?year=2023-25");

        await response.AssertErrorsAsync("Enter a reporting year in the form 2023-24");
    }

    [Fact]
    public async Task Analysis_NoYear_ShowsLatestCompleteYearWithEscalations()
    {
        var page = await (await factory.ClientAsync("team")).GetDocumentAsync("/escalations/analysis");

        Assert.Equal("2024-25", page.QuerySelector("#year option[selected]")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("member", false)]
    [InlineData("qe.chair", true)]
    [InlineData("scrutineer", true)]
    [InlineData("council.partner", true)]
    [InlineData("team", true)]
    public async Task Analysis_ByRole_OnlyThoseWhoMayReadEscalations(string who, bool allowed)
    {
        var client = await factory.ClientAsync(who);

        var page = await client.GetAsync(Url);
        var export = await client.GetAsync("/escalations/analysis/export?year=2023-24&table=status");

        Assert.Equal(allowed, page.StatusCode == HttpStatusCode.OK);
        Assert.Equal(allowed, export.StatusCode == HttpStatusCode.OK);
        if (!allowed)
        {
            Assert.True(page.IsDenied());
            Assert.True(export.IsDenied());
        }
    }
}
