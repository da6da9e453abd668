using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.IntegrationTests;

public class PersonFormTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private int Count() => factory.Query(db => db.People.Count());

    [Fact]
    public async Task Create_EmptyForm_ListsEachMissingFieldAndWritesNothing()
    {
        var client = await factory.ClientAsync("team");
        var before = Count();

        var response = await client.PostFormAsync("/people/new", new() { ["FullName"] = "", ["OrganisationId"] = "" });

        await response.AssertErrorsAsync("Enter the person's full name", "Select the person's organisation");
        Assert.Equal(before, Count());
    }

    [Fact]
    public async Task Create_ValidForm_RedirectsToNewRecordAndSavesIt()
    {
        var client = await factory.ClientAsync("team");
        var organisation = factory.OrganisationId(Demo.WyeValley);
        var before = Count();

        var response = await client.PostFormAsync("/people/new", new()
        {
            ["FullName"] = "Olivia Prentice",
            ["JobTitle"] = "Named Nurse for Safeguarding Children",
            ["OrganisationId"] = organisation.ToString(),
            ["Email"] = "olivia.prentice@wvt.demo.hscp.example",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = factory.Query(db => db.People.AsNoTracking().Single(p => p.FullName == "Olivia Prentice"));
        Assert.Equal($"/people/{saved.Id}", response.RedirectPath());
        Assert.Equal(before + 1, Count());
        Assert.Equal(organisation, saved.OrganisationId);
        Assert.Equal("Named Nurse for Safeguarding Children", saved.JobTitle);
        Assert.Equal("olivia.prentice@wvt.demo.hscp.example", saved.Email);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("99999999999999")]
    public async Task Create_OrganisationIdNotAnInteger_ShowsFormWithErrorNot500(string organisationId)
    {
        var client = await factory.ClientAsync("team");
        var before = Count();

        var response = await client.PostFormAsync("/people/new", new() { ["FullName"] = "Wrong Type", ["OrganisationId"] = organisationId });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.Contains("Select the person's organisation", document.ErrorSummary());
        Assert.NotNull(document.QuerySelector("#OrganisationId-error"));
        Assert.Equal(before, Count());
    }

    [Fact]
    public async Task Create_OrganisationThatDoesNotExist_IsRefused()
    {
        var client = await factory.ClientAsync("team");
        var before = Count();

        var response = await client.PostFormAsync("/people/new", new() { ["FullName"] = "Nowhere Person", ["OrganisationId"] = "987654" });

        Assert.Equal(["Select the person's organisation"], (await response.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(before, Count());
    }

    [Fact]
    public async Task Create_NameOf201CharactersAndBadEmail_ListsBothErrors()
    {
        var client = await factory.ClientAsync("team");
        var before = Count();

        var response = await client.PostFormAsync("/people/new", new()
        {
            ["FullName"] = new string('n', 201),
            ["OrganisationId"] = factory.OrganisationId(Demo.WyeValley).ToString(),
            ["Email"] = "not-an-email",
        });

        await response.AssertErrorsAsync("Name must be 200 characters or fewer", "Enter an email address in the correct format, like name@example.org");
        Assert.Equal(before, Count());
    }

    [Fact]
    public async Task Create_ScriptTagAsName_IsStoredAndShownEncoded()
    {
        const string name = "<script>alert(1)</script>";
        var client = await factory.ClientAsync("team");

        var response = await client.PostFormAsync("/people/new", new() { ["FullName"] = name, ["OrganisationId"] = factory.OrganisationId(Demo.WyeValley).ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = factory.Query(db => db.People.Where(p => p.FullName == name).Select(p => p.Id).Single());
        var html = await client.GetStringAsync($"/people/{id}");
        Assert.DoesNotContain(name, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        // Pickers on other forms list the person too, encoded.
        var picker = await client.GetStringAsync($"/groups/{factory.GroupId(Demo.QualityAndEffectiveness)}/members/new");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", picker, StringComparison.Ordinal);
        Assert.DoesNotContain(name, picker, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Edit_ValidChange_SavesNewValues()
    {
        var client = await factory.ClientAsync("team");
        var id = factory.PersonId("Hannah Pike");
        var form = await client.GetDocumentAsync($"/people/{id}/edit");

        var response = await client.PostFormAsync($"/people/{id}/edit", new()
        {
            ["Version"] = form.InputValue("Version"),
            ["FullName"] = "Hannah Pike",
            ["JobTitle"] = "Detective Inspector, Child Exploitation Team",
            ["OrganisationId"] = factory.OrganisationId(Demo.Police).ToString(),
            ["Email"] = "hannah.pike@police.demo.hscp.example",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/people/{id}", response.RedirectPath());
        Assert.Equal("Detective Inspector, Child Exploitation Team", factory.Query(db => db.People.Single(p => p.Id == id).JobTitle));
    }

    [Fact]
    public async Task Edit_OrganisationIdNotAnInteger_ShowsFormAndKeepsRecord()
    {
        var client = await factory.ClientAsync("team");
        var id = factory.PersonId("Gavin Rudd");
        var form = await client.GetDocumentAsync($"/people/{id}/edit");
        var organisationBefore = factory.Query(db => db.People.Single(p => p.Id == id).OrganisationId);

        var response = await client.PostFormAsync($"/people/{id}/edit", new()
        {
            ["Version"] = form.InputValue("Version"), ["FullName"] = "Gavin Rudd", ["OrganisationId"] = "abc",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Select the person's organisation", (await response.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(organisationBefore, factory.Query(db => db.People.Single(p => p.Id == id).OrganisationId));
    }

    [Fact]
    public async Task Archive_Person_KeepsRecordAndHidesFromDefaultList()
    {
        var client = await factory.ClientAsync("team");
        var create = await client.PostFormAsync("/people/new", new() { ["FullName"] = "Leaving Soon", ["OrganisationId"] = factory.OrganisationId(Demo.WyeValley).ToString() });
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        var id = factory.PersonId("Leaving Soon");
        var page = await client.GetDocumentAsync($"/people/{id}");

        var archive = await client.PostFormAsync($"/people/{id}/archive", new() { ["version"] = page.InputValue("version") }, formPage: $"/people/{id}");

        Assert.Equal(HttpStatusCode.Redirect, archive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/people/{id}")).StatusCode);
        Assert.DoesNotContain("Leaving Soon", await client.GetStringAsync("/people?q=Leaving"), StringComparison.Ordinal);
        Assert.Contains("Leaving Soon", await client.GetStringAsync("/people?q=Leaving&status=Archived"), StringComparison.Ordinal);
    }
}
