using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// Section 11 and 175 through the pages: the police's lead completes the demo's open 2025 return from last round's
/// answers, a return cannot be submitted with a standard unrated, only the organisation's lead and the team edit it, and
/// the team's matrix shows every organisation in scope.
/// </summary>
public class SelfAssessmentTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Round2025 = "Section 11 self-assessment 2025";

    private int ReturnId(string organisation) => factory.Query(db => db.SelfAssessmentReturns
        .Where(x => x.Round!.Title == Round2025 && x.Organisation!.Name == organisation).Select(x => x.Id).Single());

    private int RoundId => factory.Query(db => db.SelfAssessmentRounds.Where(r => r.Title == Round2025).Select(r => r.Id).Single());

    /// <summary>The form's fields as the page offers them (radios only when checked), with changes.</summary>
    private static async Task<Dictionary<string, string>> FieldsAsync(HttpClient client, int returnId)
    {
        var document = await (await client.GetAsync($"/section11/returns/{returnId}")).ReadDocumentAsync();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["Version"] = document.InputValue("Version") };
        for (var i = 0; i < 10; i++)
        {
            fields[$"Answers[{i}].Rating"] = document.QuerySelector($"input[name='Answers[{i}].Rating'][checked]")?.GetAttribute("value") ?? "";
            fields[$"Answers[{i}].Comments"] = document.QuerySelector($"textarea[name='Answers[{i}].Comments']")?.TextContent.Trim() ?? "";
            fields[$"Answers[{i}].Evidence"] = document.QuerySelector($"textarea[name='Answers[{i}].Evidence']")?.TextContent.Trim() ?? "";
        }

        return fields;
    }

    [Fact]
    public async Task PoliceLead_CompletesAndSubmits2025Return_FromLastRoundsAnswers_MatrixShowsItReturned()
    {
        var police = await factory.SignInAsync("police.partner");
        var returnId = ReturnId(Demo.Police);

        var mine = await (await police.GetAsync("/section11")).ReadDocumentAsync();
        Assert.NotNull(mine.QuerySelector($"a[href='/section11/returns/{returnId}']"));

        var page = await (await police.GetAsync($"/section11/returns/{returnId}")).ReadDocumentAsync();
        Assert.NotNull(page.QuerySelector("#prefilled"));
        // In 2023 the police rated standard 10 (children listened to) Partially met, level 3: offered again.
        Assert.Equal("3", page.QuerySelector("input[name='Answers[9].Rating'][checked]")?.GetAttribute("value"));

        var fields = await FieldsAsync(police, returnId);
        Assert.All(Enumerable.Range(0, 10), i => Assert.NotEqual("", fields[$"Answers[{i}].Rating"]));
        fields["Answers[9].Rating"] = "2";
        fields["Answers[9].Comments"] = "Youth panel now reviews our custody leaflets.";
        fields["Answers[9].Evidence"] = "https://www.westmercia.police.uk/youth-panel";
        fields["Action"] = "submit";
        var submitted = await police.PostFormAsync($"/section11/returns/{returnId}", fields);

        Assert.True(submitted.StatusCode == HttpStatusCode.Redirect, string.Join("; ", (await submitted.ReadDocumentAsync()).ErrorSummary()));
        var stored = factory.Query(db => db.SelfAssessmentReturns.Where(x => x.Id == returnId)
            .Select(x => new { x.Status, x.SubmittedOn, Ten = x.Answers.Single(a => a.StandardNumber == 10) }).Single());
        Assert.Equal(ReturnStatus.Submitted, stored.Status);
        Assert.NotNull(stored.SubmittedOn);
        Assert.Equal(2, stored.Ten.Rating);
        Assert.Equal("https://www.westmercia.police.uk/youth-panel", stored.Ten.Evidence);
        Assert.True(factory.Query(db => db.AuditEntries.Any(e => e.EntityType == nameof(SelfAssessmentReturn) && e.EntityId == returnId)));

        var team = await factory.ClientAsync("team");
        var matrix = await (await team.GetAsync($"/section11/{RoundId}")).ReadDocumentAsync();
        var row = matrix.QuerySelectorAll("table.app-matrix tbody tr").Single(r => r.QuerySelector("th")?.TextContent.Trim() == Demo.Police);
        var cells = row.QuerySelectorAll("td").ToList();
        Assert.Equal(10, cells.Count);
        Assert.Contains("Mostly met", cells[9].TextContent, StringComparison.Ordinal);
        Assert.Contains("Improved", cells[9].TextContent, StringComparison.Ordinal);
        Assert.All(cells, c => Assert.NotNull(c.QuerySelector(".govuk-tag")));
        var status = matrix.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr")
            .Single(r => r.TextContent.Contains(Demo.Police, StringComparison.Ordinal));
        Assert.Contains("Returned", status.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_WithAStandardUnrated_IsRefusedAndTheDraftIsKept()
    {
        var team = await factory.ClientAsync("team");
        var returnId = ReturnId("Wye Valley NHS Trust");
        var fields = await FieldsAsync(team, returnId);
        Assert.Equal("", fields["Answers[8].Rating"]);
        fields["Answers[0].Comments"] = "Typed before submitting";
        fields["Action"] = "submit";

        var response = await team.PostFormAsync($"/section11/returns/{returnId}", fields);

        await response.AssertErrorsAsync(
            "Rate standard 8 before you submit the return", "Rate standard 9 before you submit the return", "Rate standard 10 before you submit the return");
        var document = await response.ReadDocumentAsync();
        Assert.Equal("Typed before submitting", document.QuerySelector("textarea[name='Answers[0].Comments']")?.TextContent.Trim());
        Assert.Equal(ReturnStatus.InProgress, factory.Query(db => db.SelfAssessmentReturns.Single(x => x.Id == returnId).Status));

        fields["Action"] = "draft";
        var draft = await team.PostFormAsync($"/section11/returns/{returnId}", fields);
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.Equal("Typed before submitting", factory.Query(db => db.SelfAssessmentAnswers.Single(a => a.ReturnId == returnId && a.StandardNumber == 1).Comments));
    }

    [Fact]
    public async Task Return_WithNhsNumberOrBadLink_IsRefusedAndNothingSaved()
    {
        var team = await factory.ClientAsync("team");
        var returnId = ReturnId("The Probation Service");
        var fields = await FieldsAsync(team, returnId);
        fields["Answers[2].Comments"] = "See the case of 943 476 5919";
        fields["Answers[3].Evidence"] = "our intranet";
        fields["Action"] = "draft";

        var response = await team.PostFormAsync($"/section11/returns/{returnId}", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await response.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains(errors, e => e.StartsWith("The comments contains what looks like an NHS number", StringComparison.Ordinal));
        Assert.Contains("Enter each piece of evidence as a web link starting with https:// or http://, one per line", errors);
        Assert.Equal(0, factory.Query(db => db.SelfAssessmentAnswers.Count(a => a.ReturnId == returnId)));
    }

    [Theory]
    [InlineData("icb.partner")]
    [InlineData("council.partner")]
    [InlineData("qe.chair")]
    [InlineData("member")]
    [InlineData("scrutineer")]
    public async Task PoliceReturn_AnyoneButItsLeadOrTheTeam_CannotChangeIt_ReadersSeeItReadOnly(string who)
    {
        var client = await factory.SignInAsync(who);
        var returnId = ReturnId(Demo.Police);
        var before = factory.Query(db => db.SelfAssessmentReturns.Where(x => x.Id == returnId).Select(x => new { x.Status, x.Version }).Single());

        var get = await client.GetAsync($"/section11/returns/{returnId}");
        // A token from a page this user may open, so the refusal is the policy's and not the anti-forgery check's.
        var post = await client.PostFormAsync($"/section11/returns/{returnId}", new() { ["Action"] = "draft", ["Answers[0].Rating"] = "4" }, "/account/change-password");

        if (who == "member")
        {
            Assert.True(get.IsDenied(), $"GET {(int)get.StatusCode}");
        }
        else
        {
            // Those who read every return see it, read-only: no form, and the unsubmitted answers are not shown.
            Assert.Equal(System.Net.HttpStatusCode.OK, get.StatusCode);
            var page = await get.ReadDocumentAsync();
            Assert.Null(page.QuerySelector($"form[action='/section11/returns/{returnId}']"));
            Assert.NotNull(page.QuerySelector("#not-submitted"));
        }

        Assert.True(post.IsDenied(), $"POST {(int)post.StatusCode}");
        var after = factory.Query(db => db.SelfAssessmentReturns.Where(x => x.Id == returnId).Select(x => new { x.Status, x.Version }).Single());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Return_UnknownId_IsNotFound()
    {
        var team = await factory.ClientAsync("team");

        var response = await team.GetAsync("/section11/returns/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Matrix_ShowsEveryOrganisationInScope_WithStatusCountsAndTagsWithText()
    {
        var team = await factory.ClientAsync("team");
        var round2023 = factory.Query(db => db.SelfAssessmentRounds.Where(r => r.Title == "Section 11 self-assessment 2023").Select(r => r.Id).Single());
        var inScope = factory.Query(db => db.SelfAssessmentReturns.Where(x => x.RoundId == round2023).Select(x => x.Organisation!.Name).ToList());

        var document = await (await team.GetAsync($"/section11/{round2023}")).ReadDocumentAsync();

        var rows = document.QuerySelectorAll("table.app-matrix tbody tr").ToList();
        Assert.Equal(inScope.Order(StringComparer.Ordinal), rows.Select(r => r.QuerySelector("th")!.TextContent.Trim()).Order(StringComparer.Ordinal));
        Assert.All(rows, r =>
        {
            var tags = r.QuerySelectorAll(".govuk-tag").ToList();
            Assert.Equal(10, tags.Count);
            Assert.All(tags, t => Assert.Contains(t.TextContent.Trim(), SelfAssessmentRules.DefaultScale));
        });
        Assert.Contains($"{inScope.Count} returned, 0 in progress and 0 not started", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, document.QuerySelectorAll("#check-and-challenge ~ h3").Length);
    }

    [Fact]
    public async Task CreateRound_NothingEntered_ShowsErrorSummaryAndWritesNothing()
    {
        var team = await factory.ClientAsync("team");
        var before = factory.Query(db => db.SelfAssessmentRounds.Count());

        var response = await team.PostFormAsync("/section11/new", new() { ["Title"] = "", ["Standards"] = "", ["RatingScale"] = "", ["OpensOn"] = "", ["Deadline"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await response.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains("Enter the round's title", errors);
        Assert.Contains("Enter the standards, one per line", errors);
        Assert.Contains("Select the lead of each organisation in scope", errors);
        Assert.Equal(before, factory.Query(db => db.SelfAssessmentRounds.Count()));
    }

    [Fact]
    public async Task CreateRound_WithLeads_OpensAReturnPerOrganisation()
    {
        var team = await factory.ClientAsync("team");
        var leads = new[] { factory.PersonId("Rebecca Thorne"), factory.PersonId("Stuart Penrose") };
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Kind", "Section175"), new("Title", "Section 175 audit 2026"), new("CycleYear", "2026"),
            new("OpensOn", "2026-09-01"), new("Deadline", "2026-11-30"),
            new("Standards", string.Join('\n', SelfAssessmentRules.DefaultSection175Standards)),
            new("RatingScale", "Green\nAmber\nRed"), new("ActionFromLevel", "2"),
            new("GroupId", factory.GroupId(Demo.QualityAndEffectiveness).ToString()),
        };
        fields.AddRange(leads.Select(l => new KeyValuePair<string, string>("LeadPersonIds", l.ToString())));

        var response = await team.PostFormAsync("/section11/new", fields);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join("; ", (await response.ReadDocumentAsync()).ErrorSummary()));
        var round = factory.Query(db => db.SelfAssessmentRounds.Where(r => r.Title == "Section 175 audit 2026")
            .Select(r => new { r.Kind, Returns = r.Returns.Count, r.RatingScale }).Single());
        Assert.Equal(SelfAssessmentKind.Section175, round.Kind);
        Assert.Equal(2, round.Returns);
        Assert.Equal("Green\nAmber\nRed", round.RatingScale);
    }

    [Fact]
    public async Task ProposedAction_FromAPartiallyMetRating_GoesOnTheTrackerWithSection11Source()
    {
        var team = await factory.ClientAsync("team");
        var answerId = factory.Query(db => db.SelfAssessmentAnswers
            .Where(a => a.Return!.Round!.Title == "Section 11 self-assessment 2023" && a.Return.Organisation!.Name == "West Midlands Ambulance Service University NHS Foundation Trust" && a.StandardNumber == 4)
            .Select(a => a.Id).Single());

        var response = await team.PostFormAsync($"/section11/answers/{answerId}/action", new()
        {
            ["Title"] = "Use families' feedback when planning services",
            ["OwnerPersonId"] = factory.PersonId("Paula Ainsworth").ToString(),
            ["OwnerOrganisationId"] = "",
            ["DueDate"] = "2099-03-31",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var action = factory.Query(db => db.SelfAssessmentAnswers.Where(a => a.Id == answerId).Select(a => new { a.Action!.Source, a.Action.Title }).Single());
        Assert.Equal(ActionSource.Section11, action.Source);
        Assert.Equal("Use families' feedback when planning services", action.Title);
    }

    [Fact]
    public async Task Exports_RoundsReturnsAndMatrix_DownloadAsCsvAndExcel()
    {
        var team = await factory.ClientAsync("team");
        var round2023 = factory.Query(db => db.SelfAssessmentRounds.Where(r => r.Title == "Section 11 self-assessment 2023").Select(r => r.Id).Single());
        var page = await (await team.GetAsync($"/section11/{round2023}")).ReadDocumentAsync();
        var links = page.QuerySelectorAll("a[download]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/section11/{round2023}/matrix/export?format=csv", links);
        Assert.Contains($"/section11/{round2023}/returns/export?format=xlsx", links);

        var matrix = await team.GetAsync($"/section11/{round2023}/matrix/export?format=csv");
        var lines = (await matrix.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(HttpStatusCode.OK, matrix.StatusCode);
        Assert.StartsWith("Organisation,Status,1. ", lines[0], StringComparison.Ordinal);
        Assert.Contains("10. Change since last round", lines[0], StringComparison.Ordinal);
        // In 2023 the police rated standard 10 Partially met.
        var police = lines.Single(l => l.StartsWith(Demo.Police + ",", StringComparison.Ordinal));
        Assert.Contains("Partially met", police, StringComparison.Ordinal);

        var returns = await team.GetAsync($"/section11/{round2023}/returns/export?format=csv");
        Assert.StartsWith("Organisation,Lead,Status,Submitted,Last reminded", (await returns.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);

        foreach (var url in new[] { "/section11/export?format=xlsx", $"/section11/{round2023}/matrix/export?format=xlsx", $"/section11/{round2023}/returns/export?format=xlsx" })
        {
            var xlsx = await team.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            Assert.Equal(HscpPortal.Web.Infrastructure.Export.TabularExport.XlsxContentType, xlsx.Content.Headers.ContentType!.MediaType);
        }

        var rounds = await (await team.GetAsync("/section11/export?format=csv")).Content.ReadAsStringAsync();
        Assert.Contains("Section 11 self-assessment 2025", rounds, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await team.GetAsync($"/section11/{round2023}/matrix/export?format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync("/section11/999999/matrix/export?format=csv")).StatusCode);
    }
}
