using AngleSharp.Html.Dom;
using HscpPortal.IntegrationTests.Infrastructure;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// In the first weeks of a reporting year the partnership dashboard says the year has just started and shows the last
/// full year's headline figures beside it; later in the year, or for any other year, it does not. The portal's clock is
/// stopped on 20 April 2026, in 2026-27's third week.
/// </summary>
public class EarlyYearTests(EarlyInYearPortalFactory factory) : IClassFixture<EarlyInYearPortalFactory>
{
    private async Task<IHtmlDocument> GetAsync(string url) => await (await factory.ClientAsync("scrutineer")).GetDocumentAsync(url);

    private static Dictionary<string, string[]> Figures(IHtmlDocument page) =>
        page.QuerySelectorAll("#early-year-figures tbody tr").ToDictionary(
            r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray(), StringComparer.Ordinal);

    [Fact]
    public async Task Dashboard_FirstWeeksOfTheYear_SaysItHasJustStartedAndShowsTheLastFullYearBesideIt()
    {
        var page = await GetAsync("/dashboard");
        var lastYear = await GetAsync("/dashboard?year=2025-26");

        Assert.Contains("for 2026-27", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var inset = page.QuerySelector("#early-year.govuk-inset-text");
        Assert.NotNull(inset);
        Assert.Contains("started on 1 April 2026, 2 weeks ago", inset.TextContent, StringComparison.Ordinal);
        Assert.Equal("/dashboard?year=2025-26", inset.QuerySelector("#early-year-link")!.GetAttribute("href"));
        Assert.Equal("See 2025-26 in full", inset.QuerySelector("#early-year-link")!.TextContent.Trim());
        Assert.Equal("Headline figures: 2026-27 so far beside 2025-26 in full", page.QuerySelector("#early-year-figures caption")!.TextContent.Trim());

        // The last full year's column is the figure that year's own dashboard shows.
        var figures = Figures(page);
        var raisedLastYear = lastYear.QuerySelector("#escalations-raised")!.ChildNodes.First().TextContent.Trim();
        Assert.Equal(raisedLastYear, figures["Escalations raised"][1]);
        Assert.Contains("Board and subgroup meetings held that were quorate", figures.Keys);
        Assert.Contains("Actions due in the year that are complete", figures.Keys);
        Assert.All(figures.Values, v => Assert.Equal(2, v.Length));
    }

    [Fact]
    public async Task Dashboard_AnotherYearChosen_HasNoEarlyYearNote_ButStillTheAttentionPanel()
    {
        var page = await GetAsync("/dashboard?year=2025-26");

        Assert.Null(page.QuerySelector("#early-year"));
        Assert.Null(page.QuerySelector("#early-year-figures"));
        Assert.NotNull(page.QuerySelector("#needs-attention"));
    }

    [Fact]
    public async Task Dashboard_FirstWeeks_AMemberWhoMayNotReadEscalationsGetsNoEscalationsRow()
    {
        var page = await (await factory.ClientAsync("member")).GetDocumentAsync("/dashboard");

        Assert.NotNull(page.QuerySelector("#early-year"));
        Assert.DoesNotContain("Escalations raised", Figures(page).Keys);
        Assert.Contains("Board and subgroup meetings held that were quorate", Figures(page).Keys);
    }

    [Fact]
    public async Task ChairDashboard_FirstWeeks_SaysAttendanceIsForTheNewYearAndLinksToLastYearsMeetings()
    {
        var qe = factory.GroupId(Demo.QualityAndEffectiveness);

        var page = await (await factory.ClientAsync("qe.chair")).GetDocumentAsync($"/groups/{qe}/dashboard");

        var inset = page.QuerySelector("#early-year.govuk-inset-text");
        Assert.NotNull(inset);
        Assert.Contains("2026-27 started on 1 April 2026", inset.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/meetings?year=2025-26&status=Held&groupId={qe}", System.Net.WebUtility.HtmlDecode(inset.QuerySelector("a")!.GetAttribute("href")!));
    }
}

/// <summary>The same dashboard with the clock on 10 November 2026: the year is well under way, so no early-year note.</summary>
public class LateInYearTests(LateInYearPortalFactory factory) : IClassFixture<LateInYearPortalFactory>
{
    [Fact]
    public async Task Dashboard_LaterInTheYear_HasNoEarlyYearNote()
    {
        var page = await (await factory.ClientAsync("scrutineer")).GetDocumentAsync("/dashboard");

        Assert.Contains("for 2026-27", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#early-year"));
        Assert.Null(page.QuerySelector("#early-year-figures"));
        Assert.NotNull(page.QuerySelector("#needs-attention"));
    }

    [Fact]
    public async Task ChairDashboard_LaterInTheYear_HasNoEarlyYearNote()
    {
        var page = await (await factory.ClientAsync("qe.chair")).GetDocumentAsync($"/groups/{factory.GroupId(Demo.QualityAndEffectiveness)}/dashboard");

        Assert.NotNull(page.QuerySelector("#needs-attention"));
        Assert.Null(page.QuerySelector("#early-year"));
    }
}
