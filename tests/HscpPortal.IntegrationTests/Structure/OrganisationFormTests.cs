using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;

namespace HscpPortal.IntegrationTests;

public class OrganisationFormTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private int Count() => factory.Query(db => db.Organisations.Count());

    [Fact]
    public async Task Create_EmptyForm_ListsEachMissingFieldAndWritesNothing()
    {
        var client = await factory.ClientAsync("team");
        var before = Count();

        var response = await client.PostFormAsync("/organisations/new", new() { ["Name"] = "", ["Sector"] = "" });

        await response.AssertErrorsAsync("Enter the organisation's name", "Select the sector");
        Assert.Equal(before, Count());
    }

    [Fact]
    public async Task Create_ValidForm_RedirectsToNewRecordAndSavesIt()
    {
        var client = await factory.ClientAsync("team");
        var before = Count();

        var response = await client.PostFormAsync("/organisations/new", new()
        {
            ["Name"] = "Herefordshire Sports Clubs",
            ["ShortName"] = "HSC",
            ["Sector"] = "VoluntaryAndCommunity",
            ["StatutoryPartner"] = "",
            ["Website"] = "https://sport.example.org",
            ["Notes"] = "Junior football and rugby clubs.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = factory.Query(db => db.Organisations.Single(o => o.Name == "Herefordshire Sports Clubs"));
        Assert.Equal($"/organisations/{saved.Id}", response.RedirectPath());
        Assert.Equal(before + 1, Count());
        Assert.Equal("HSC", saved.ShortName);
        Assert.Equal(Sector.VoluntaryAndCommunity, saved.Sector);
        Assert.Null(saved.StatutoryPartner);
        Assert.Equal("https://sport.example.org", saved.Website);
        Assert.Equal("team@demo.hscp.example", saved.CreatedBy);
    }

    [Fact]
    public async Task Create_NameOf201Characters_IsRefused()
    {
        var client = await factory.ClientAsync("team");
        var before = Count();

        var response = await client.PostFormAsync("/organisations/new", new() { ["Name"] = new string('a', 201), ["Sector"] = "Other" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Name must be 200 characters or fewer"], (await response.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(before, Count());
    }

    [Fact]
    public async Task Create_NameOf200Characters_IsAccepted()
    {
        var client = await factory.ClientAsync("team");
        var name = "B" + new string('b', 199);

        var response = await client.PostFormAsync("/organisations/new", new() { ["Name"] = name, ["Sector"] = "Other" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(factory.Query(db => db.Organisations.Any(o => o.Name == name)));
    }

    [Theory]
    [InlineData("NotASector")]
    [InlineData("99")]
    public async Task Create_UnknownSector_ShowsFormWithErrorNot500(string sector)
    {
        var client = await factory.ClientAsync("team");
        var before = Count();

        var response = await client.PostFormAsync("/organisations/new", new() { ["Name"] = "Odd sector agency", ["Sector"] = sector });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Select the sector", (await response.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(before, Count());
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://files.example.org")]
    [InlineData("not a web address")]
    public async Task Create_WebsiteNotHttp_IsRefused(string website)
    {
        var client = await factory.ClientAsync("team");
        var before = Count();

        var response = await client.PostFormAsync("/organisations/new", new() { ["Name"] = "Bad link agency", ["Sector"] = "Other", ["Website"] = website });

        Assert.Equal(["Enter a website address that starts with https://"], (await response.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(before, Count());
    }

    [Fact]
    public async Task Create_ScriptTagAsName_IsStoredAndShownEncoded()
    {
        const string name = "<script>alert(1)</script>";
        var client = await factory.ClientAsync("team");

        var response = await client.PostFormAsync("/organisations/new", new() { ["Name"] = name, ["Sector"] = "Other" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = factory.Query(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).Single());
        var details = await client.GetAsync($"/organisations/{id}");
        var html = await details.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        Assert.DoesNotContain(name, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        var document = await details.ReadDocumentAsync();
        Assert.StartsWith(name, document.QuerySelector("h1")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.All(document.QuerySelectorAll("script"), script => Assert.True(script.HasAttribute("src"), "inline script element on the page"));

        var list = await client.GetStringAsync("/organisations?q=alert");
        Assert.DoesNotContain(name, list, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_PartnerDatesBackwardsOrBothPartnerAndDesignated_RefusedWithClearMessages()
    {
        var client = await factory.ClientAsync("team");
        var before = Count();

        var backwards = await client.PostFormAsync("/organisations/new", new()
        {
            ["Name"] = "Another Police Force", ["Sector"] = "Police", ["StatutoryPartner"] = "Police",
            ["PartnerFrom"] = "2025-04-01", ["PartnerTo"] = "2025-03-31",
        });
        var both = await client.PostFormAsync("/organisations/new", new()
        {
            ["Name"] = "A school that is a partner", ["Sector"] = "Education", ["StatutoryPartner"] = "LocalAuthority",
            ["Designation"] = "Education", ["DesignatedFrom"] = "2026-09-01",
        });
        var undated = await client.PostFormAsync("/organisations/new", new()
        {
            ["Name"] = "A designated college", ["Sector"] = "Education", ["Designation"] = "Education",
        });

        await backwards.AssertErrorsAsync("The date it stopped being a partner must be the same as or after the date it became one");
        await both.AssertErrorsAsync("A statutory partner is not a designated relevant agency: choose one or the other");
        await undated.AssertErrorsAsync("Enter the date the agency was designated");
        Assert.Equal(before, Count());
    }

    [Fact]
    public async Task Edit_StatutoryPartnerKeptOnSameOrganisation_IsAccepted()
    {
        var client = await factory.ClientAsync("team");
        var id = factory.OrganisationId(Demo.Police);
        var form = await client.GetDocumentAsync($"/organisations/{id}/edit");

        var response = await client.PostFormAsync($"/organisations/{id}/edit", new()
        {
            ["Version"] = form.InputValue("Version"),
            ["Name"] = Demo.Police,
            ["ShortName"] = "WMP",
            ["Sector"] = "Police",
            ["StatutoryPartner"] = "Police",
            ["Website"] = "https://www.westmercia.police.uk",
            ["Notes"] = "Edited by a test: still the police partner.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Edited by a test: still the police partner.", factory.Organisation(id).Notes);
    }

    [Fact]
    public async Task Edit_EmptyName_ShowsErrorAndKeepsRecord()
    {
        var client = await factory.ClientAsync("team");
        var id = factory.OrganisationId(Demo.WyeValley);
        var form = await client.GetDocumentAsync($"/organisations/{id}/edit");

        var response = await client.PostFormAsync($"/organisations/{id}/edit", new()
        {
            ["Version"] = form.InputValue("Version"), ["Name"] = "  ", ["Sector"] = "Health",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Enter the organisation's name"], (await response.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(Demo.WyeValley, factory.Organisation(id).Name);
    }

    [Fact]
    public async Task Edit_UnknownOrganisation_Returns404()
    {
        var client = await factory.ClientAsync("team");

        var response = await client.GetAsync("/organisations/999999/edit");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Create_EmptyForm_ErrorSummaryLinksToEachFieldAndMarksIt()
    {
        var client = await factory.ClientAsync("team");

        var response = await client.PostFormAsync("/organisations/new", new() { ["Name"] = "", ["Sector"] = "" });

        var document = await response.ReadDocumentAsync();
        Assert.StartsWith("Error: ", document.Title, StringComparison.Ordinal);
        var links = document.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(["#Name", "#Sector"], links.Order(StringComparer.Ordinal));
        foreach (var link in links)
        {
            var field = document.GetElementById(link[1..]);
            Assert.NotNull(field);
            Assert.Contains("govuk-form-group--error", field.Closest(".govuk-form-group")!.ClassList);
            Assert.NotNull(document.GetElementById(link[1..] + "-error"));
        }
    }
}
