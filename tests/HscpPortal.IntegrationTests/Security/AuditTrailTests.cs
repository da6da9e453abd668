using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.IntegrationTests;

/// <summary>Governance records are archived, never deleted, and every change says who made it and what changed.</summary>
public class AuditTrailTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private List<AuditEntry> EntriesFor(string type, int id) =>
        factory.Query(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == type && e.EntityId == id).OrderBy(e => e.Id).ToList());

    [Fact]
    public async Task Archive_AgencyAsTeam_KeepsRecordHidesFromActiveListAndRecordsWho()
    {
        var client = await factory.ClientAsync("team");
        var id = factory.OrganisationId(Demo.Diocese);
        Assert.Contains(Demo.Diocese, await client.GetStringAsync("/organisations"), StringComparison.Ordinal);
        var page = await client.GetDocumentAsync($"/organisations/{id}");

        var archive = await client.PostFormAsync($"/organisations/{id}/archive", new() { ["version"] = page.InputValue("version") }, formPage: $"/organisations/{id}");

        Assert.Equal(HttpStatusCode.Redirect, archive.StatusCode);
        Assert.Equal($"/organisations/{id}", archive.RedirectPath());
        var details = await client.GetAsync($"/organisations/{id}");
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        var document = await details.ReadDocumentAsync();
        Assert.Equal("Archived", document.QuerySelector("h1 .govuk-tag")?.TextContent.Trim());
        Assert.Contains("by team@demo.hscp.example", document.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        Assert.True(factory.Query(db => db.Organisations.Any(o => o.Id == id && o.ArchivedAt != null)));

        Assert.DoesNotContain(Demo.Diocese, await client.GetStringAsync("/organisations"), StringComparison.Ordinal);
        Assert.DoesNotContain(Demo.Diocese, await client.GetStringAsync("/organisations?q=Diocese"), StringComparison.Ordinal);
        Assert.Contains(Demo.Diocese, await client.GetStringAsync("/organisations?status=Archived"), StringComparison.Ordinal);
        Assert.Contains(Demo.Diocese, await client.GetStringAsync("/organisations?status=All&q=Diocese"), StringComparison.Ordinal);

        var history = await client.GetDocumentAsync($"/audit/Organisation/{id}");
        var newest = history.QuerySelectorAll("tbody tr")[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("team@demo.hscp.example", newest[1]);
        Assert.Equal("Archived", newest[2]);
        Assert.Contains("ArchivedBy", newest[3], StringComparison.Ordinal);

        var entry = EntriesFor(nameof(Organisation), id).Last();
        Assert.Equal(AuditAction.Archived, entry.Action);
        Assert.Equal("team@demo.hscp.example", entry.UserName);
        Assert.Equal(factory.UserId("team"), entry.UserId);
    }

    [Fact]
    public async Task Restore_ArchivedAgency_ReturnsToActiveListAndIsAudited()
    {
        var client = await factory.ClientAsync("admin");
        var id = factory.OrganisationId("Herefordshire Sexual Health Services");
        var page = await client.GetDocumentAsync($"/organisations/{id}");
        await client.PostFormAsync($"/organisations/{id}/archive", new() { ["version"] = page.InputValue("version") }, formPage: $"/organisations/{id}");
        var archived = await client.GetDocumentAsync($"/organisations/{id}");

        var restore = await client.PostFormAsync($"/organisations/{id}/restore", new() { ["version"] = archived.InputValue("version") }, formPage: $"/organisations/{id}");

        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        Assert.Contains("Herefordshire Sexual Health Services", await client.GetStringAsync("/organisations?q=Sexual"), StringComparison.Ordinal);
        Assert.Equal([AuditAction.Archived, AuditAction.Restored], EntriesFor(nameof(Organisation), id).TakeLast(2).Select(e => e.Action));
    }

    [Fact]
    public async Task Edit_Organisation_RecordsEachChangedFieldFromAndTo()
    {
        var client = await factory.ClientAsync("team");
        var id = factory.OrganisationId("West Mercia Women's Aid");
        var before = factory.Organisation(id);
        var form = await client.GetDocumentAsync($"/organisations/{id}/edit");

        var response = await client.PostFormAsync($"/organisations/{id}/edit", new()
        {
            ["Version"] = form.InputValue("Version"),
            ["Name"] = before.Name,
            ["ShortName"] = "WMWA Herefordshire",
            ["Sector"] = before.Sector.ToString(),
            ["StatutoryPartner"] = "",
            ["Website"] = "https://www.westmerciawomensaid.example",
            ["Notes"] = before.Notes ?? "",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = EntriesFor(nameof(Organisation), id).Last();
        Assert.Equal(AuditAction.Updated, entry.Action);
        Assert.Equal("team@demo.hscp.example", entry.UserName);
        var changes = AuditTrail.ReadChanges(entry.Changes).OrderBy(c => c.Field, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [new FieldChange("ShortName", "WMWA", "WMWA Herefordshire"), new FieldChange("Website", null, "https://www.westmerciawomensaid.example")],
            changes);

        var history = await client.GetDocumentAsync($"/audit/Organisation/{id}");
        var shown = history.QuerySelectorAll("tbody tr")[0].QuerySelectorAll(".app-history-changes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("ShortName: “WMWA” → “WMWA Herefordshire”", shown);
        Assert.Contains("Website: “https://www.westmerciawomensaid.example”", shown);
    }

    [Fact]
    public async Task Edit_NothingChanged_WritesNoAuditEntry()
    {
        var client = await factory.ClientAsync("team");
        var id = factory.OrganisationId("UK Health Security Agency");
        var o = factory.Organisation(id);
        var form = await client.GetDocumentAsync($"/organisations/{id}/edit");
        var count = EntriesFor(nameof(Organisation), id).Count;

        var response = await client.PostFormAsync($"/organisations/{id}/edit", new()
        {
            ["Version"] = form.InputValue("Version"), ["Name"] = o.Name, ["ShortName"] = o.ShortName ?? "", ["Sector"] = o.Sector.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(count, EntriesFor(nameof(Organisation), id).Count);
    }

    [Fact]
    public async Task Create_Person_RecordsCreationWithInitialValues()
    {
        var client = await factory.ClientAsync("team");
        var organisation = factory.OrganisationId(Demo.WyeValley);

        await client.PostFormAsync("/people/new", new() { ["FullName"] = "Audited Newcomer", ["JobTitle"] = "Safeguarding Lead", ["OrganisationId"] = organisation.ToString() });

        var id = factory.PersonId("Audited Newcomer");
        var entry = Assert.Single(EntriesFor(nameof(Person), id));
        Assert.Equal(AuditAction.Created, entry.Action);
        var changes = AuditTrail.ReadChanges(entry.Changes);
        Assert.Contains(new FieldChange("FullName", null, "Audited Newcomer"), changes);
        Assert.Contains(new FieldChange("OrganisationId", null, organisation.ToString()), changes);
    }

    [Fact]
    public async Task AuditList_AsScrutineer_ShowsChangesFilteredByUser()
    {
        var team = await factory.ClientAsync("team");
        await team.PostFormAsync("/organisations/new", new() { ["Name"] = "Audit List Agency", ["Sector"] = "Other" });
        var scrutineer = await factory.ClientAsync("scrutineer");

        var page = await scrutineer.GetAsync("/audit?user=team%40demo");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Audit List Agency", html, StringComparison.Ordinal);
        var who = (await page.ReadDocumentAsync()).QuerySelectorAll("tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();
        Assert.NotEmpty(who);
        Assert.All(who, w => Assert.Equal("team@demo.hscp.example", w));
    }

    [Fact]
    public async Task RecordHistory_UnknownType_Returns404()
    {
        var client = await factory.ClientAsync("team");

        var response = await client.GetAsync("/audit/AspNetUsers/1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
