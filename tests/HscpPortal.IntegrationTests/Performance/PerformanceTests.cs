using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// The multi-agency dataset through its pages: the scorecard over the seeds' 2023-24 figures, who keeps the catalogue and
/// who enters values, the values grid's errors, revisions that keep the earlier value, and a new definition version.
/// </summary>
public class PerformanceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private int IndicatorId(string code) => factory.Query(db => db.Indicators.Single(i => i.Code == code).Id);

    private static Dictionary<string, string> IndicatorFields(string code, string name = "Test indicator") => new()
    {
        ["Code"] = code,
        ["Name"] = name,
        ["Definition"] = "Children counted for the test.",
        ["Unit"] = nameof(IndicatorUnit.Percentage),
        ["NumeratorLabel"] = "children seen",
        ["DenominatorLabel"] = "children",
        ["ChildPopulation"] = "",
        ["Polarity"] = nameof(Polarity.HigherIsBetter),
        ["Target"] = "90",
        ["Tolerance"] = "5",
        ["Frequency"] = nameof(IndicatorFrequency.Monthly),
        ["GroupId"] = "",
        ["SourceOrganisationId"] = "",
        ["PriorityId"] = "",
        ["InYearlyReport"] = "false",
    };

    [Fact]
    public async Task Scorecard_2023_24_AssessmentsWithin45DaysAt79PercentRedAgainst95()
    {
        var client = await factory.ClientAsync("member");

        var doc = await client.GetDocumentAsync("/scorecard?year=2023-24");

        var row = doc.QuerySelector("tr[data-indicator='CSC-01']");
        Assert.NotNull(row);
        Assert.Contains("Assessments completed within 45 days", row.Text(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("79%", row.QuerySelector("[data-value] strong").Text());
        Assert.Contains("95%", row.Text(), StringComparison.Ordinal);
        Assert.Equal("Red", row.QuerySelector("[data-rag]")!.GetAttribute("data-rag"));
        Assert.Contains("Red: off target", row.Text(), StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector("svg.app-sparkline"));
        // Fewer assessments met the timescale than a year before (84%), and the table says so in words.
        Assert.Equal("Worse", row.QuerySelector("[data-travel-year] [data-direction]").Text());
    }

    [Fact]
    public async Task Scorecard_SeedsFigures_ShownAsTheReportGivesThem()
    {
        var client = await factory.ClientAsync("scrutineer");

        var doc = await client.GetDocumentAsync("/scorecard?year=2023-24");

        string Latest(string code) => doc.QuerySelector($"tr[data-indicator='{code}'] [data-value] strong").Text()!;
        Assert.Equal("20%", Latest("MASH-01"));
        Assert.Equal("96%", Latest("MASH-02"));
        Assert.Equal("269", Latest("CSC-02"));
        Assert.Equal("88", Latest("CSC-03"));
        Assert.Equal("204", Latest("CSC-04"));
        Assert.Equal("72.8%", Latest("EH-01"));
        Assert.Equal("4,957", Latest("EH-02"));
        Assert.Equal("124", Latest("EM-01"));
        Assert.Equal("277", Latest("EM-02"));
        Assert.Equal("118", Latest("EM-03"));
        Assert.Equal("265", Latest("EM-04"));
    }

    [Fact]
    public async Task Scorecard_FilteredByView_OnlyThatViewsIndicators()
    {
        var client = await factory.ClientAsync("member");

        var doc = await client.GetDocumentAsync("/scorecard?year=2023-24&view=ExploitationAndMissing");

        var codes = doc.QuerySelectorAll("tr[data-indicator]").Select(r => r.GetAttribute("data-indicator")!).ToList();
        Assert.Contains("EM-01", codes);
        Assert.DoesNotContain("CSC-01", codes);
        Assert.All(codes, c => Assert.StartsWith("EM-", c, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("team", true)]
    [InlineData("admin", true)]
    [InlineData("qe.chair", false)]
    [InlineData("scrutineer", false)]
    [InlineData("council.partner", false)]
    [InlineData("member", false)]
    public async Task Catalogue_OnlyTheTeamAndAdministratorsEdit(string who, bool allowed)
    {
        var client = await factory.ClientAsync(who);
        var id = IndicatorId("CSC-01");

        var form = await client.GetAsync("/performance/indicators/new");
        var edit = await client.GetAsync($"/performance/indicators/{id}/edit");
        var read = await client.GetAsync($"/performance/indicators/{id}");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(allowed, form.StatusCode == HttpStatusCode.OK);
        Assert.Equal(allowed, edit.StatusCode == HttpStatusCode.OK);
        if (!allowed)
        {
            Assert.True(form.IsDenied());
            Assert.True(edit.IsDenied());
            var before = factory.Query(db => db.Indicators.Count());
            var post = await client.PostFormAsync("/performance/indicators/new", IndicatorFields("DENIED-" + who), "/performance/indicators");
            Assert.True(post.IsDenied());
            Assert.Equal(before, factory.Query(db => db.Indicators.Count()));
        }
    }

    [Fact]
    public async Task CreateIndicator_NothingEntered_ErrorSummaryAndNothingWritten()
    {
        var client = await factory.ClientAsync("team");
        var before = factory.Query(db => db.Indicators.Count());

        var response = await client.PostFormAsync("/performance/indicators/new", new() { ["Code"] = "", ["Target"] = "lots" });

        await response.AssertErrorsAsync(
            "Enter the indicator's code, for example CSC-04",
            "Enter the indicator's name",
            "Enter the definition: what is counted, and from which system",
            "Select the unit",
            "Select which way is better",
            "The target must be a number, for example 95",
            "Select how often it is reported",
            "Select the group that owns its values");
        Assert.Equal(before, factory.Query(db => db.Indicators.Count()));
    }

    [Fact]
    public async Task EditIndicator_DefinitionChanged_NewVersionAndEarlierValuesKeepTheirs()
    {
        var client = await factory.ClientAsync("team");
        var fields = IndicatorFields("VER-01", "Versioned indicator");
        fields["GroupId"] = factory.GroupId(Demo.QualityAndEffectiveness).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = await client.PostFormAsync("/performance/indicators/new", fields, "/performance/indicators");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = IndicatorId("VER-01");
        var saved = await client.PostFormAsync("/performance/values", new()
        {
            ["Period"] = "2019-05",
            ["Rows[0].IndicatorId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Rows[0].Numerator"] = "45",
            ["Rows[0].Denominator"] = "50",
        }, "/performance/values?period=2019-05");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var edit = (await client.GetDocumentAsync($"/performance/indicators/{id}/edit")).FormFields("Code");
        var changed = await client.PostFormAsync($"/performance/indicators/{id}/edit", edit.With(("Definition", "Children counted differently from June 2019.")));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var (current, numbers, valueDefinition) = factory.Query(db => (
            db.Indicators.Single(i => i.Id == id).CurrentDefinitionNumber,
            db.IndicatorDefinitions.Where(d => d.IndicatorId == id).OrderBy(d => d.Number).Select(d => d.Number).ToList(),
            db.IndicatorValues.Where(v => v.IndicatorId == id).Select(v => v.Definition!.Number).Single()));
        Assert.Equal(2, current);
        Assert.Equal([1, 2], numbers);
        Assert.Equal(1, valueDefinition);
        var page = await client.GetDocumentAsync($"/performance/indicators/{id}");
        Assert.Contains("Children counted differently", page.QuerySelector("#indicator-definition").Text(), StringComparison.Ordinal);
        Assert.Contains("Children counted for the test.", page.QuerySelector("[data-definition='1']").Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("team", true)]
    [InlineData("admin", true)]
    [InlineData("qe.chair", true)]
    // The demo's scrutineer chairs the board, so opens the grid (with no indicators of the board's to enter).
    [InlineData("scrutineer", true)]
    [InlineData("police.partner", false)]
    [InlineData("member", false)]
    public async Task ValuesGrid_TheTeamAndChairsOnly(string who, bool allowed)
    {
        var client = await factory.ClientAsync(who);

        var response = await client.GetAsync("/performance/values?period=2024-05");

        Assert.Equal(allowed, response.StatusCode == HttpStatusCode.OK);
        Assert.Equal(!allowed, response.IsDenied());
    }

    [Fact]
    public async Task ValuesGrid_Chair_SeesOnlyTheirGroupsIndicatorsAndCannotPostAnothers()
    {
        var chair = await factory.ClientAsync("qe.chair");

        var doc = await chair.GetDocumentAsync("/performance/values?period=2024-05");
        var codes = doc.QuerySelectorAll("tr[data-indicator]").Select(r => r.GetAttribute("data-indicator")).ToList();
        Assert.Contains("CSC-01", codes);
        Assert.DoesNotContain("MASH-01", codes);

        var before = factory.Query(db => db.IndicatorValues.Count());
        var response = await chair.PostFormAsync("/performance/values", new()
        {
            ["Period"] = "2024-05",
            ["Rows[0].IndicatorId"] = IndicatorId("MASH-01").ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Rows[0].Numerator"] = "10",
            ["Rows[0].Denominator"] = "50",
        }, "/performance/values?period=2024-05");

        Assert.True(response.IsDenied());
        Assert.Equal(before, factory.Query(db => db.IndicatorValues.Count()));
    }

    [Fact]
    public async Task ValuesGrid_BadInput_ErrorSummaryKeepsWhatWasTypedAndSavesNothing()
    {
        var client = await factory.ClientAsync("qe.chair");
        var doc = await client.GetDocumentAsync("/performance/values?period=2018-06");
        var fields = doc.FormFields("Period");
        var index = doc.QuerySelectorAll("tr[data-indicator]").Select(r => r.GetAttribute("data-indicator")).ToList().IndexOf("CSC-01");
        Assert.True(index >= 0);
        var before = factory.Query(db => db.IndicatorValues.Count());

        var response = await client.PostFormAsync("/performance/values", fields.With(
            ($"Rows[{index}].Numerator", "lots"), ($"Rows[{index}].Denominator", "0"), ($"Rows[{index}].Note", "Seen on 12/03/2011")),
            "/performance/values?period=2018-06");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var errors = page.ErrorSummary();
        Assert.Contains("Assessments within 45 days for Assessments completed within 45 days must be a number of zero or more, like 204", errors);
        Assert.Contains("Enter assessments completed for Assessments completed within 45 days as a number above zero", errors);
        Assert.Contains(errors, e => e.StartsWith("The note for Assessments completed within 45 days contains what looks like a full date of birth", StringComparison.Ordinal));
        Assert.Equal("lots", page.QuerySelector($"#Rows-{index}--Numerator")?.GetAttribute("value"));
        Assert.Equal("0", page.QuerySelector($"#Rows-{index}--Denominator")?.GetAttribute("value"));
        Assert.Equal(before, factory.Query(db => db.IndicatorValues.Count()));
    }

    [Fact]
    public async Task ValuesGrid_Revised_EarlierValueKeptAndShownWithWhoAndWhen()
    {
        var client = await factory.ClientAsync("team");
        var id = IndicatorId("CSC-01");
        var index = (await client.GetDocumentAsync("/performance/values?period=2017-07"))
            .QuerySelectorAll("tr[data-indicator]").Select(r => r.GetAttribute("data-indicator")).ToList().IndexOf("CSC-01");
        var key = $"Rows[{index}].";
        var first = await client.PostFormAsync("/performance/values", new()
        {
            ["Period"] = "2017-07", ["Rows[0].IndicatorId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Rows[0].Numerator"] = "80", ["Rows[0].Denominator"] = "100",
        }, "/performance/values?period=2017-07");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var fields = (await client.GetDocumentAsync("/performance/values?period=2017-07")).FormFields("Period");
        Assert.Equal("80", fields[key + "Numerator"]);
        var second = await client.PostFormAsync("/performance/values", fields.With((key + "Numerator", "91"), (key + "Note", "Late recording corrected")), "/performance/values?period=2017-07");
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var values = factory.Query(db => db.IndicatorValues.Where(v => v.IndicatorId == id && v.Period == "2017-07").OrderBy(v => v.Id)
            .Select(v => new { v.Value, v.IsCurrent, v.RevisesId, v.Id, v.CreatedBy }).ToList());
        Assert.Equal(2, values.Count);
        Assert.Equal(80m, values[0].Value);
        Assert.False(values[0].IsCurrent);
        Assert.Equal(91m, values[1].Value);
        Assert.True(values[1].IsCurrent);
        Assert.Equal(values[0].Id, values[1].RevisesId);
        var page = await client.GetDocumentAsync($"/performance/indicators/{id}");
        var row = page.QuerySelector("tr[data-period='2017-07']")!;
        Assert.Contains("91%", row.Text(), StringComparison.Ordinal);
        Assert.Contains("Revised from 80%", row.QuerySelector("[data-revision]").Text(), StringComparison.Ordinal);
        Assert.Contains(values[0].CreatedBy!, row.QuerySelector("[data-revision]").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValuesGrid_StaleRevision_RefusedAndNothingOverwritten()
    {
        var client = await factory.ClientAsync("team");
        var id = IndicatorId("CSC-04");
        var url = "/performance/values?period=2016-09";
        var index = (await client.GetDocumentAsync(url)).QuerySelectorAll("tr[data-indicator]").Select(r => r.GetAttribute("data-indicator")).ToList().IndexOf("CSC-04");
        var key = $"Rows[{index}].";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/performance/values", new()
        {
            ["Period"] = "2016-09", ["Rows[0].IndicatorId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Rows[0].Numerator"] = "200",
        }, url)).StatusCode);
        var seen = (await client.GetDocumentAsync(url)).FormFields("Period");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/performance/values", seen.With((key + "Numerator", "210")), url)).StatusCode);

        var stale = await client.PostFormAsync("/performance/values", seen.With((key + "Numerator", "220")), url);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains((await stale.ReadDocumentAsync()).ErrorSummary(), e => e.Contains("changed by someone else", StringComparison.Ordinal));
        Assert.Equal(210m, factory.Query(db => db.IndicatorValues.Single(v => v.IndicatorId == id && v.Period == "2016-09" && v.IsCurrent).Value));
    }
}
