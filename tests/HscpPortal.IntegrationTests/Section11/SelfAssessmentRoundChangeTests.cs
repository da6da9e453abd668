using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// Changing a round after it opened: only the team; the standards lock once a return is submitted; a new lead must be
/// of the return's organisation; taking an organisation out archives its return, and bringing it back restores it.
/// </summary>
public sealed class SelfAssessmentRoundChangeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private sealed record Setup(int RoundId, int ReturnId, int OrganisationId, int OtherOrganisationPersonId);

    private Setup AddRound(ReturnStatus status)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var police = db.Organisations.Where(o => o.Name == Demo.Police).Select(o => o.Id).Single();
        var council = db.Organisations.Where(o => o.Name == Demo.Council).Select(o => o.Id).Single();
        var lead = new Person { FullName = "Round Change Lead", OrganisationId = police };
        var other = new Person { FullName = "Council Officer", OrganisationId = council };
        db.People.AddRange(lead, other);
        db.SaveChanges();
        var round = new SelfAssessmentRound
        {
            Title = $"Round to change {Guid.NewGuid():N}", Kind = SelfAssessmentKind.Section11, CycleYear = 2029,
            Standards = "One\nTwo", RatingScale = "Met\nNot met", ActionFromLevel = 2,
            OpensOn = new DateOnly(2029, 5, 1), Deadline = new DateOnly(2029, 6, 30),
            GroupId = db.Groups.Where(g => g.Name == Demo.QualityAndEffectiveness).Select(g => g.Id).Single(),
            Returns = [new SelfAssessmentReturn { OrganisationId = police, LeadPersonId = lead.Id, Status = status, SubmittedOn = status == ReturnStatus.Submitted ? new DateOnly(2029, 6, 1) : null }],
        };
        db.SelfAssessmentRounds.Add(round);
        db.SaveChanges();
        return new Setup(round.Id, round.Returns[0].Id, police, other.Id);
    }

    private static Dictionary<string, string> Fields(string version, string title, string deadlineDay = "15", string standards = "One\nTwo\nThree") => new()
    {
        ["Version"] = version, ["Title"] = title, ["Description"] = "Please use the new toolkit.",
        ["Deadline.Day"] = deadlineDay, ["Deadline.Month"] = "7", ["Deadline.Year"] = "2029",
        ["Standards"] = standards, ["RatingScale"] = "Met\nNot met", ["ActionFromLevel"] = "2",
    };

    [Fact]
    public async Task EditRound_Team_ChangesTitleDeadlineAndStandards_WhileNoReturnIsSubmitted()
    {
        var setup = AddRound(ReturnStatus.InProgress);
        var team = await factory.ClientAsync("team");
        var page = await (await team.GetAsync($"/section11/{setup.RoundId}/edit")).ReadDocumentAsync();
        Assert.Null(page.QuerySelector("#standards-locked"));

        var response = await team.PostFormAsync($"/section11/{setup.RoundId}/edit", Fields(page.InputValue("Version"), "Renamed round"));

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var round = factory.Query(db => db.SelfAssessmentRounds.Single(r => r.Id == setup.RoundId));
        Assert.Equal(("Renamed round", new DateOnly(2029, 7, 15), "One\nTwo\nThree", "Please use the new toolkit."), (round.Title, round.Deadline, round.Standards, round.Description));
        Assert.True(factory.Query(db => db.AuditEntries.Any(e => e.EntityType == nameof(SelfAssessmentRound) && e.EntityId == setup.RoundId)));
    }

    [Fact]
    public async Task EditRound_AfterASubmission_KeepsTheStandardsAndSaysSo()
    {
        var setup = AddRound(ReturnStatus.Submitted);
        var team = await factory.ClientAsync("team");
        var page = await (await team.GetAsync($"/section11/{setup.RoundId}/edit")).ReadDocumentAsync();
        Assert.NotNull(page.QuerySelector("#standards-locked"));

        await team.PostFormAsync($"/section11/{setup.RoundId}/edit", Fields(page.InputValue("Version"), "Renamed after submission", standards: "Changed"));

        var round = factory.Query(db => db.SelfAssessmentRounds.Single(r => r.Id == setup.RoundId));
        Assert.Equal(("Renamed after submission", "One\nTwo"), (round.Title, round.Standards));
    }

    [Fact]
    public async Task EditRound_DeadlineBeforeOpening_ShowsTheErrorAndKeepsWhatWasTyped()
    {
        var setup = AddRound(ReturnStatus.NotStarted);
        var team = await factory.ClientAsync("team");
        var page = await (await team.GetAsync($"/section11/{setup.RoundId}/edit")).ReadDocumentAsync();
        var fields = Fields(page.InputValue("Version"), "Typed title");
        fields["Deadline.Month"] = "1";

        var response = await team.PostFormAsync($"/section11/{setup.RoundId}/edit", fields);

        await response.AssertErrorsAsync("The deadline must be on or after the date the round opens");
        Assert.Equal("Typed title", (await response.ReadDocumentAsync()).InputValue("Title"));
    }

    [Theory]
    [InlineData("police.partner")]
    [InlineData("scrutineer")]
    [InlineData("qe.chair")]
    public async Task ChangingARound_NotTheTeam_IsDenied(string who)
    {
        var setup = AddRound(ReturnStatus.NotStarted);
        var client = await factory.ClientAsync(who);

        Assert.True((await client.GetAsync($"/section11/{setup.RoundId}/edit")).IsDenied());
        Assert.True((await client.PostFormAsync($"/section11/{setup.RoundId}/edit", Fields(Guid.NewGuid().ToString(), "Hijacked"), "/section11")).IsDenied());
        Assert.True((await client.PostFormAsync($"/section11/returns/{setup.ReturnId}/archive", new() { ["version"] = Guid.NewGuid().ToString() }, "/section11")).IsDenied());
        Assert.True((await client.GetAsync($"/section11/returns/{setup.ReturnId}/lead")).IsDenied());
        Assert.NotEqual("Hijacked", factory.Query(db => db.SelfAssessmentRounds.Single(r => r.Id == setup.RoundId).Title));
    }

    [Fact]
    public async Task ChangeLead_PersonOfAnotherOrganisation_IsRefused_SameOrganisation_IsAudited()
    {
        var setup = AddRound(ReturnStatus.NotStarted);
        var team = await factory.ClientAsync("team");
        var page = await (await team.GetAsync($"/section11/returns/{setup.ReturnId}/lead")).ReadDocumentAsync();
        var version = page.InputValue("Version");

        var refused = await team.PostFormAsync($"/section11/returns/{setup.ReturnId}/lead",
            new() { ["Version"] = version, ["LeadPersonId"] = setup.OtherOrganisationPersonId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await refused.AssertErrorsAsync($"Select a lead from {Demo.Police}");

        var newLead = factory.Query(db =>
        {
            var person = new Person { FullName = "New Police Lead", OrganisationId = setup.OrganisationId };
            db.People.Add(person);
            db.SaveChanges();
            return person.Id;
        });
        var accepted = await team.PostFormAsync($"/section11/returns/{setup.ReturnId}/lead",
            new() { ["Version"] = version, ["LeadPersonId"] = newLead.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(System.Net.HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(newLead, factory.Query(db => db.SelfAssessmentReturns.Single(x => x.Id == setup.ReturnId).LeadPersonId));
        Assert.True(factory.Query(db => db.AuditEntries.Any(e => e.EntityType == nameof(SelfAssessmentReturn) && e.EntityId == setup.ReturnId)));
    }

    [Fact]
    public async Task TakeOutOfScope_ArchivesTheReturn_AddingTheOrganisationBackRestoresIt()
    {
        var setup = AddRound(ReturnStatus.InProgress);
        var team = await factory.ClientAsync("team");
        var version = factory.Query(db => db.SelfAssessmentReturns.Single(x => x.Id == setup.ReturnId).Version);

        await team.PostFormAsync($"/section11/returns/{setup.ReturnId}/archive", new() { ["version"] = version.ToString() }, $"/section11/{setup.RoundId}");

        var archived = factory.Query(db => db.SelfAssessmentReturns.IgnoreQueryFilters().Single(x => x.Id == setup.ReturnId));
        Assert.True(archived.IsArchived());
        var page = await (await team.GetAsync($"/section11/{setup.RoundId}")).ReadDocumentAsync();
        Assert.NotNull(page.QuerySelector($"form[action='/section11/returns/{setup.ReturnId}/restore']"));

        var lead = factory.Query(db => db.SelfAssessmentReturns.IgnoreQueryFilters().Single(x => x.Id == setup.ReturnId).LeadPersonId);
        var added = await team.PostFormAsync($"/section11/{setup.RoundId}/organisations/new",
            new() { ["LeadPersonId"] = lead.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(System.Net.HttpStatusCode.Redirect, added.StatusCode);
        var restored = factory.Query(db => db.SelfAssessmentReturns.IgnoreQueryFilters().Where(x => x.RoundId == setup.RoundId).ToList());
        var only = Assert.Single(restored);
        Assert.True(only.IsLive());
        Assert.Equal(ReturnStatus.InProgress, only.Status);

        var again = await team.PostFormAsync($"/section11/{setup.RoundId}/organisations/new",
            new() { ["LeadPersonId"] = lead.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(System.Net.HttpStatusCode.OK, again.StatusCode);
        Assert.NotEmpty((await again.ReadDocumentAsync()).ErrorSummary());
    }

    [Fact]
    public async Task AddOrganisation_NewOrganisation_CreatesItsReturnWithTheLead()
    {
        var setup = AddRound(ReturnStatus.NotStarted);
        var team = await factory.ClientAsync("team");

        var response = await team.PostFormAsync($"/section11/{setup.RoundId}/organisations/new",
            new() { ["LeadPersonId"] = setup.OtherOrganisationPersonId.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(factory.Query(db => db.SelfAssessmentReturns.Any(x => x.RoundId == setup.RoundId && x.LeadPersonId == setup.OtherOrganisationPersonId)));
    }
}
