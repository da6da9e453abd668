using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;

namespace HscpPortal.IntegrationTests;

/// <summary>Two people editing the same record: the second, stale save overwrites nothing.</summary>
public class ConcurrencyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Stale = "This record was changed by someone else since you opened it. Nothing has been saved: reload the page to see their changes, then make yours again.";

    [Fact]
    public async Task EditOrganisation_StaleVersion_ShowsChangedBySomeoneElseAndKeepsFirstEdit()
    {
        var team = await factory.ClientAsync("team");
        var admin = await factory.ClientAsync("admin");
        var id = factory.OrganisationId("Herefordshire Pupil Referral Service");
        var first = await team.GetDocumentAsync($"/organisations/{id}/edit");
        var second = await admin.GetDocumentAsync($"/organisations/{id}/edit");
        Assert.Equal(first.InputValue("Version"), second.InputValue("Version"));
        var auditBefore = factory.Query(db => db.AuditEntries.Count(e => e.EntityType == nameof(Organisation) && e.EntityId == id));

        var saved = await team.PostFormAsync($"/organisations/{id}/edit", new()
        {
            ["Version"] = first.InputValue("Version"), ["Name"] = "Herefordshire Pupil Referral Service", ["ShortName"] = "PRS (first edit)", ["Sector"] = "Education",
        });
        var stale = await admin.PostFormAsync($"/organisations/{id}/edit", new()
        {
            ["Version"] = second.InputValue("Version"), ["Name"] = "Herefordshire Pupil Referral Service", ["ShortName"] = "PRS (second edit)", ["Sector"] = "Education",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await stale.AssertErrorsAsync(Stale);
        Assert.Contains("changed by someone else", Assert.Single((await stale.ReadDocumentAsync()).ErrorSummary()), StringComparison.Ordinal);
        Assert.Equal("PRS (first edit)", factory.Organisation(id).ShortName);
        Assert.Equal(auditBefore + 1, factory.Query(db => db.AuditEntries.Count(e => e.EntityType == nameof(Organisation) && e.EntityId == id)));

        // Reloading picks up the new version, and the edit then goes through.
        var reloaded = await admin.GetDocumentAsync($"/organisations/{id}/edit");
        Assert.NotEqual(second.InputValue("Version"), reloaded.InputValue("Version"));
        var retry = await admin.PostFormAsync($"/organisations/{id}/edit", new()
        {
            ["Version"] = reloaded.InputValue("Version"), ["Name"] = "Herefordshire Pupil Referral Service", ["ShortName"] = "PRS (second edit)", ["Sector"] = "Education",
        });
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal("PRS (second edit)", factory.Organisation(id).ShortName);
    }

    [Fact]
    public async Task EditPerson_StaleVersion_ShowsChangedBySomeoneElseAndKeepsFirstEdit()
    {
        var client = await factory.ClientAsync("team");
        var id = factory.PersonId("Ben Hollis");
        var organisation = factory.Query(db => db.People.Single(p => p.Id == id).OrganisationId).ToString();
        var version = (await client.GetDocumentAsync($"/people/{id}/edit")).InputValue("Version");

        var saved = await client.PostFormAsync($"/people/{id}/edit", new() { ["Version"] = version, ["FullName"] = "Ben Hollis", ["JobTitle"] = "Senior Partnership Officer", ["OrganisationId"] = organisation });
        var stale = await client.PostFormAsync($"/people/{id}/edit", new() { ["Version"] = version, ["FullName"] = "Ben Hollis", ["JobTitle"] = "Partnership Officer (stale)", ["OrganisationId"] = organisation });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await stale.AssertErrorsAsync(Stale);
        Assert.Equal("Senior Partnership Officer", factory.Query(db => db.People.Single(p => p.Id == id).JobTitle));
    }

    [Fact]
    public async Task EditGroup_StaleVersion_ShowsChangedBySomeoneElseAndKeepsFirstEdit()
    {
        var chair = await factory.ClientAsync("qe.chair");
        var team = await factory.ClientAsync("team");
        var id = factory.GroupId(Demo.QualityAndEffectiveness);
        var g = factory.Group(id);
        var version = (await chair.GetDocumentAsync($"/groups/{id}/edit")).InputValue("Version");
        Dictionary<string, string> Fields(string frequency) => new()
        {
            ["Version"] = version, ["Name"] = g.Name, ["ShortName"] = g.ShortName ?? "", ["Kind"] = g.Kind.ToString(), ["Remit"] = g.Remit ?? "",
            ["ReportsToId"] = g.ReportsToId.ToString()!, ["Frequency"] = frequency, ["SortOrder"] = g.SortOrder.ToString(),
        };

        var saved = await chair.PostFormAsync($"/groups/{id}/edit", Fields("BiMonthly"));
        var stale = await team.PostFormAsync($"/groups/{id}/edit", Fields("Monthly"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await stale.AssertErrorsAsync(Stale);
        Assert.Equal(MeetingFrequency.BiMonthly, factory.Group(id).Frequency);
    }

    [Fact]
    public async Task ArchiveOrganisation_StaleVersion_DoesNotArchiveAndSaysWhy()
    {
        var client = await factory.ClientAsync("team");
        var id = factory.OrganisationId("Herefordshire Special Schools");
        var page = await client.GetDocumentAsync($"/organisations/{id}");
        var staleVersion = page.InputValue("version");
        var form = await client.GetDocumentAsync($"/organisations/{id}/edit");
        var edit = await client.PostFormAsync($"/organisations/{id}/edit", new()
        {
            ["Version"] = form.InputValue("Version"), ["Name"] = "Herefordshire Special Schools", ["Notes"] = "Edited before the archive click.", ["Sector"] = "Education",
        });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);

        var archive = await client.PostFormAsync($"/organisations/{id}/archive", new() { ["version"] = staleVersion }, formPage: $"/organisations/{id}");

        Assert.Equal(HttpStatusCode.Redirect, archive.StatusCode);
        Assert.Contains("notice=stale", archive.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Null(factory.Organisation(id).ArchivedAt);
        Assert.Contains("changed by someone else", await client.GetStringAsync(archive.Headers.Location), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditMember_StaleVersion_ShowsChangedBySomeoneElseAndKeepsFirstEdit()
    {
        var chair = await factory.ClientAsync("qe.chair");
        var team = await factory.ClientAsync("team");
        var qe = factory.GroupId(Demo.QualityAndEffectiveness);
        var seat = factory.Query(db => db.GroupMemberships.Where(m => m.GroupId == qe && m.Person!.FullName == "Sarah Kemble" && m.To == null)
            .Select(m => new { m.Id, m.PersonId, m.OrganisationId, m.From }).Single());
        var version = (await chair.GetDocumentAsync($"/groups/{qe}/members/{seat.Id}")).InputValue("Version");
        Dictionary<string, string> Fields(string to) => new()
        {
            ["Version"] = version, ["PersonId"] = seat.PersonId.ToString(), ["OrganisationId"] = seat.OrganisationId.ToString(),
            ["Role"] = "Member", ["From"] = seat.From.ToString("yyyy-MM-dd"), ["To"] = to,
        };

        var saved = await chair.PostFormAsync($"/groups/{qe}/members/{seat.Id}", Fields("2026-06-30"));
        var stale = await team.PostFormAsync($"/groups/{qe}/members/{seat.Id}", Fields("2026-12-31"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await stale.AssertErrorsAsync(Stale);
        Assert.Equal(new DateOnly(2026, 6, 30), factory.Query(db => db.GroupMemberships.Single(m => m.Id == seat.Id).To));
    }
}
