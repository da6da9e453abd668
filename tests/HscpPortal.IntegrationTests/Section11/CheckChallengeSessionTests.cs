using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// A check and challenge session changed on its own page (date, chair, attendance, notes) with each change in the
/// audit trail, and archived then restored from the round's list of archived sessions; only the team does either.
/// </summary>
public class CheckChallengeSessionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Round2023 = "Section 11 self-assessment 2023";

    private int RoundId => factory.Query(db => db.SelfAssessmentRounds.Where(r => r.Title == Round2023).Select(r => r.Id).Single());

    private int SessionId(int day) => factory.Query(db => db.CheckChallengeSessions
        .Where(s => s.Round!.Title == Round2023 && s.HeldOn == new DateOnly(2023, 11, day)).Select(s => s.Id).Single());

    private string Version(int id) => factory.Query(db => db.CheckChallengeSessions.Where(s => s.Id == id).Select(s => s.Version.ToString()).Single());

    [Fact]
    public async Task Edit_DateAttendanceAndNotes_SavedAndAudited()
    {
        var team = await factory.ClientAsync("team");
        var id = SessionId(21);
        var page = await team.GetDocumentAsync($"/section11/check-and-challenge/{id}/edit");
        var probation = factory.OrganisationId("The Probation Service").ToString();
        var fire = factory.OrganisationId("Hereford & Worcester Fire and Rescue Service").ToString();
        Assert.NotNull(page.QuerySelector($"input[name='OrganisationIds'][value='{probation}'][checked]"));
        Assert.Contains("General practice", page.QuerySelector("textarea[name='Notes']")!.TextContent, StringComparison.Ordinal);

        var response = await team.PostFormAsync($"/section11/check-and-challenge/{id}/edit",
        [
            new("Version", Version(id)), new("HeldOn", "2023-11-22"), new("ChairPersonId", ""),
            new("OrganisationIds", probation), new("OrganisationIds", fire), new("Notes", "Probation and the fire service presented."),
        ]);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join("; ", (await response.ReadDocumentAsync()).ErrorSummary()));
        var saved = factory.Query(db => db.CheckChallengeSessions.Where(s => s.Id == id)
            .Select(s => new { s.HeldOn, s.Notes, s.ChairPersonId, Organisations = s.Organisations.Select(o => o.Organisation!.Name).OrderBy(n => n).ToList() }).Single());
        Assert.Equal(new DateOnly(2023, 11, 22), saved.HeldOn);
        Assert.Equal("Probation and the fire service presented.", saved.Notes);
        Assert.Null(saved.ChairPersonId);
        Assert.Equal(["Hereford & Worcester Fire and Rescue Service", "The Probation Service"], saved.Organisations);
        Assert.True(factory.Query(db => db.AuditEntries.Any(e => e.EntityType == nameof(CheckChallengeSession) && e.EntityId == id && e.Action == AuditAction.Updated)));
    }

    [Fact]
    public async Task Edit_NoDateNoOrganisations_ErrorSummaryKeepsTheNotes_NothingChanged()
    {
        var team = await factory.ClientAsync("team");
        var id = SessionId(21);
        var before = Version(id);

        var response = await team.PostFormAsync($"/section11/check-and-challenge/{id}/edit", new()
        {
            ["Version"] = before, ["HeldOn"] = "", ["ChairPersonId"] = "", ["Notes"] = "Kept while I fix the date",
        });

        await response.AssertErrorsAsync("Enter the date of the session", "Select the organisations that attended");
        Assert.Equal("Kept while I fix the date", (await response.ReadDocumentAsync()).QuerySelector("textarea[name='Notes']")?.TextContent.Trim());
        Assert.Equal(before, Version(id));
    }

    [Fact]
    public async Task Edit_ByTheScrutineerOrAPartner_IsRefused()
    {
        var id = SessionId(21);
        foreach (var who in new[] { "scrutineer", "council.partner", "member" })
        {
            var client = await factory.ClientAsync(who);
            Assert.True((await client.GetAsync($"/section11/check-and-challenge/{id}/edit")).IsDenied(), who);
            var post = await client.PostFormAsync($"/section11/check-and-challenge/{id}/edit", new() { ["Version"] = Version(id), ["HeldOn"] = "2023-01-01" }, "/account/change-password");
            Assert.True(post.IsDenied(), who);
        }
    }

    [Fact]
    public async Task Archive_ThenRestoreFromTheRoundsArchivedList_BothAudited()
    {
        var team = await factory.ClientAsync("team");
        var id = factory.Query(db => db.CheckChallengeSessions
            .Where(s => s.Round!.Title == Round2023 && s.HeldOn == new DateOnly(2023, 10, 17)).Select(s => s.Id).Single());

        var archived = await team.PostFormAsync($"/section11/check-and-challenge/{id}/archive", new() { ["version"] = Version(id) }, $"/section11/{RoundId}");
        Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
        Assert.True(factory.Query(db => db.CheckChallengeSessions.Single(s => s.Id == id).ArchivedAt is not null));

        var page = await team.GetDocumentAsync($"/section11/{RoundId}");
        var restore = page.QuerySelector($"#archived-sessions form[action='/section11/check-and-challenge/{id}/restore']");
        Assert.NotNull(restore);
        Assert.Null(page.QuerySelector($"form[action='/section11/check-and-challenge/{id}/archive']"));
        var restored = await team.PostFormAsync($"/section11/check-and-challenge/{id}/restore",
            new() { ["version"] = restore!.QuerySelector("input[name='version']")!.GetAttribute("value")! }, $"/section11/{RoundId}");

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.True(factory.Query(db => db.CheckChallengeSessions.Single(s => s.Id == id).ArchivedAt is null));
        var actions = factory.Query(db => db.AuditEntries.Where(e => e.EntityType == nameof(CheckChallengeSession) && e.EntityId == id).Select(e => e.Action).ToList());
        Assert.Contains(AuditAction.Archived, actions);
        Assert.Contains(AuditAction.Restored, actions);
        Assert.NotNull((await team.GetDocumentAsync($"/section11/{RoundId}")).QuerySelector($"a[href='/section11/check-and-challenge/{id}/edit']"));
    }
}
