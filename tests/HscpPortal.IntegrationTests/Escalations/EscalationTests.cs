using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HscpPortal.IntegrationTests;

/// <summary>The escalation log: recording, the stage clock over bank holidays, moving up, resolving, who may do what.</summary>
public class EscalationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string CaseReference() => $"WV-{Guid.NewGuid().ToString("N")[..8]}";

    private Dictionary<string, string> Fields(string raisedOn, int stage = 2, string? stageStartedOn = null, string? caseReference = null, string summary = "") => new()
    {
        ["RaisedOn"] = raisedOn,
        ["RaisingOrganisationId"] = factory.OrganisationId(Demo.WyeValley).ToString(),
        ["RaiserRole"] = "Named nurse for safeguarding",
        ["ConcernedOrganisationId"] = factory.OrganisationId(Demo.Council).ToString(),
        ["Category"] = nameof(EscalationCategory.ThresholdDecision),
        ["CaseReference"] = caseReference ?? CaseReference(),
        ["Summary"] = summary,
        ["Stage"] = stage.ToString(),
        ["StageStartedOn"] = stageStartedOn ?? "",
        ["Note"] = "",
    };

    private static async Task<int> RecordAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var response = await client.PostFormAsync("/escalations/new", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {string.Join("; ", (await response.ReadDocumentAsync()).ErrorSummary())}");
        return int.Parse(response.RedirectPath().Split('/')[^1]);
    }

    private Escalation Load(int id) =>
        factory.Query(db => db.Escalations.AsNoTracking().Include(e => e.Stages).Single(e => e.Id == id));

    private static async Task<HttpResponseMessage> MoveUpAsync(HttpClient client, int id, string on, StageMoveReason reason, string note = "")
    {
        var version = (await client.GetDocumentAsync($"/escalations/{id}/stage")).InputValue("Version");
        return await client.PostFormAsync($"/escalations/{id}/stage", new() { ["Version"] = version, ["On"] = on, ["Reason"] = reason.ToString(), ["Note"] = note });
    }

    private static async Task<HttpResponseMessage> ResolveAsync(HttpClient client, int id, string on, string outcome = "Strategy discussion held", string impact = "Child protection plan in place", string learning = "")
    {
        var version = (await client.GetDocumentAsync($"/escalations/{id}/resolve")).InputValue("Version");
        return await client.PostFormAsync($"/escalations/{id}/resolve", new()
        {
            ["Version"] = version, ["On"] = on, ["Outcome"] = outcome, ["ImpactForChild"] = impact, ["Learning"] = learning,
        });
    }

    [Fact]
    public async Task Record_AtStageTwoBeforeChristmas_DueDateSkipsWeekendsAndBankHolidays()
    {
        var client = await factory.ClientAsync("team");

        // Thursday 21 December 2023: 22, 27, 28, 29 December and 2 January are the five working days.
        var id = await RecordAsync(client, Fields("2023-12-20", stage: 2, stageStartedOn: "2023-12-21"));

        var escalation = Load(id);
        var stage = Assert.Single(escalation.Stages);
        Assert.Equal(2, escalation.CurrentStage);
        Assert.Equal(2, stage.Stage);
        Assert.Equal(new DateOnly(2023, 12, 21), stage.StartedOn);
        Assert.Equal(new DateOnly(2024, 1, 2), stage.DueOn);
        Assert.Null(stage.Reason);
        Assert.Equal("team@demo.hscp.example", stage.RecordedBy);
        Assert.StartsWith("ESC-2023-", escalation.Reference, StringComparison.Ordinal);
        var page = await client.GetStringAsync($"/escalations/{id}");
        Assert.Contains("2 January 2024", page, StringComparison.Ordinal);
        Assert.Contains("Stage 2: Line managers", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_NoStageStart_StartsOnTheDateRaised()
    {
        var client = await factory.ClientAsync("team");

        var id = await RecordAsync(client, Fields("2024-03-04", stage: 1));

        var stage = Assert.Single(Load(id).Stages);
        Assert.Equal(new DateOnly(2024, 3, 4), stage.StartedOn);
        Assert.Equal(new DateOnly(2024, 3, 6), stage.DueOn);
    }

    [Fact]
    public async Task Record_References_RunInSequenceWithinEachReportingYear()
    {
        var client = await factory.ClientAsync("team");

        var first = await RecordAsync(client, Fields("2016-04-01"));
        var second = await RecordAsync(client, Fields("2017-03-31"));
        var nextYear = await RecordAsync(client, Fields("2017-04-01"));

        Assert.Equal("ESC-2016-001", Load(first).Reference);
        Assert.Equal("ESC-2016-002", Load(second).Reference);
        Assert.Equal("ESC-2017-001", Load(nextYear).Reference);
    }

    [Fact]
    public async Task Record_SeveralAtOnce_EachGetsItsOwnReference()
    {
        var team = await factory.ClientAsync("team");
        var fields = Enumerable.Range(0, 6).Select(_ => Fields("2018-06-01")).ToList();

        var ids = await Task.WhenAll(fields.Select(f => RecordAsync(team, f)));

        var references = ids.Select(id => Load(id).Reference).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(1, 6).Select(n => $"ESC-2018-{n:000}"), references);
    }

    [Fact]
    public async Task Record_NothingEntered_ShowsErrorSummaryAndSavesNothing()
    {
        var client = await factory.ClientAsync("team");
        var before = factory.Query(db => db.Escalations.Count());

        var response = await client.PostFormAsync("/escalations/new", new() { ["RaisedOn"] = "", ["Stage"] = "" });

        await response.AssertErrorsAsync(
            "Enter the date the escalation was raised, for example 27 3 2024",
            "Select the agency that raised the escalation",
            "Enter the raiser's role, for example Designated safeguarding lead",
            "Select the agency the disagreement is with",
            "Select the category",
            "Enter the pseudonymised case reference",
            "Select the stage the escalation had reached when the partnership was told");
        Assert.Equal(before, factory.Query(db => db.Escalations.Count()));
    }

    [Fact]
    public async Task Record_BadDates_AreRefusedWithReasons()
    {
        var client = await factory.ClientAsync("team");

        var future = await client.PostFormAsync("/escalations/new", Fields("2099-01-01"));
        var notADate = await client.PostFormAsync("/escalations/new", Fields("31 February"));
        var stageBeforeRaised = await client.PostFormAsync("/escalations/new", Fields("2024-03-04", stageStartedOn: "2024-03-01"));

        await future.AssertErrorsAsync("The date raised must be today or in the past");
        await notADate.AssertErrorsAsync("Date raised must be a real date");
        await stageBeforeRaised.AssertErrorsAsync("The stage cannot start before the escalation was raised on 4 March 2024");
    }

    [Fact]
    public async Task Record_NhsNumberInSummary_IsRefusedWithTheExplanation()
    {
        var client = await factory.ClientAsync("team");
        var before = factory.Query(db => db.Escalations.Count());

        var response = await client.PostFormAsync("/escalations/new", Fields("2024-03-04", summary: "GP records for 943 476 5919 not shared"));

        await response.AssertErrorsAsync(
            "The summary contains what looks like an NHS number. Use the pseudonymised case reference instead (the agency's case ID or the partnership's pseudonym), never an NHS number");
        Assert.Equal(before, factory.Query(db => db.Escalations.Count()));
        var doc = await response.ReadDocumentAsync();
        Assert.NotNull(doc.QuerySelector("#Summary-error"));
    }

    [Fact]
    public async Task Record_DateOfBirthInCaseReference_IsRefused()
    {
        var client = await factory.ClientAsync("team");

        var response = await client.PostFormAsync("/escalations/new", Fields("2024-03-04", caseReference: "Child B 12/03/2015"));

        await response.AssertErrorsAsync(
            "The case reference contains what looks like a full date of birth. Give the child's age, or only the month and year (for example March 2024), instead of a full date");
    }

    [Fact]
    public async Task Record_InvalidNhsCheckDigitAndPartialDates_AreAccepted()
    {
        var client = await factory.ClientAsync("team");

        var id = await RecordAsync(client, Fields("2024-03-04", summary: "Aged 9. Referral in March 2024; duty desk 0800123456. Ref 943 476 5918"));

        Assert.Contains("Aged 9", Load(id).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveUpAndResolve_ForNoTimelyResponse_KeepsTheStageHistory()
    {
        var client = await factory.ClientAsync("team");
        // Stage 2 from Monday 4 March 2024 is due Monday 11 March.
        var id = await RecordAsync(client, Fields("2024-03-01", stage: 2, stageStartedOn: "2024-03-04"));

        var moved = await MoveUpAsync(client, id, "2024-03-14", StageMoveReason.NoTimelyResponse, "No reply from the team manager");
        var resolved = await ResolveAsync(client, id, "2024-03-20", learning: "Managers to acknowledge escalations within a day");

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        var escalation = Load(id);
        Assert.Equal(3, escalation.CurrentStage);
        Assert.Equal(3, escalation.ResolvedAtStage);
        Assert.Equal(new DateOnly(2024, 3, 20), escalation.ResolvedOn);
        var stages = escalation.Stages.OrderBy(s => s.Stage).ToList();
        Assert.Equal(new DateOnly(2024, 3, 14), stages[0].EndedOn);
        Assert.Equal((3, new DateOnly(2024, 3, 14), new DateOnly(2024, 3, 21), new DateOnly(2024, 3, 20)), (stages[1].Stage, stages[1].StartedOn, stages[1].DueOn, stages[1].EndedOn!.Value));
        Assert.Equal(StageMoveReason.NoTimelyResponse, stages[1].Reason);
        Assert.True(EscalationProtocol.Drifted(stages[0], new DateOnly(2026, 1, 1)));
        Assert.False(EscalationProtocol.Drifted(stages[1], new DateOnly(2026, 1, 1)));
        var doc = await client.GetDocumentAsync($"/escalations/{id}");
        var timeline = doc.QuerySelector(".moj-timeline")!.TextContent;
        Assert.Contains("Drifted", timeline, StringComparison.Ordinal);
        Assert.Contains("On time", timeline, StringComparison.Ordinal);
        Assert.Contains("No timely response", timeline, StringComparison.Ordinal);
        Assert.Contains("Managers to acknowledge escalations within a day", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector($"a[href='/actions/new?source=Escalation&escalationId={id}']"));
    }

    [Fact]
    public async Task MoveUp_BeforeCurrentStageOrInFuture_IsRefused()
    {
        var client = await factory.ClientAsync("team");
        var id = await RecordAsync(client, Fields("2024-03-01", stage: 2, stageStartedOn: "2024-03-04"));

        var early = await MoveUpAsync(client, id, "2024-03-01", StageMoveReason.StillDisagree);
        var future = await MoveUpAsync(client, id, "2099-03-01", StageMoveReason.StillDisagree);
        var missing = await client.PostFormAsync($"/escalations/{id}/stage", new() { ["Version"] = Load(id).Version.ToString(), ["On"] = "", ["Reason"] = "" });

        await early.AssertErrorsAsync("The date the next stage started must be on or after 4 March 2024, when stage 2 started");
        await future.AssertErrorsAsync("The date the next stage started must be today or in the past");
        await missing.AssertErrorsAsync("Enter the date the next stage started, for example 27 3 2024", "Select why the escalation moved up");
        Assert.Single(Load(id).Stages);
    }

    [Fact]
    public async Task MoveUp_AtTheLastStage_IsRefused()
    {
        var client = await factory.ClientAsync("team");
        var id = await RecordAsync(client, Fields("2024-03-01", stage: 4));

        var response = await MoveUpAsync(client, id, "2024-03-05", StageMoveReason.StillDisagree);

        await response.AssertErrorsAsync("This escalation is at the last stage of the protocol (Stage 4: Partnership chair or independent scrutineer), so it cannot move up");
    }

    [Fact]
    public async Task MoveUp_ResolvedEscalation_IsRefused()
    {
        var client = await factory.ClientAsync("team");
        var id = await RecordAsync(client, Fields("2024-03-01", stage: 2));
        Assert.Equal(HttpStatusCode.Redirect, (await ResolveAsync(client, id, "2024-03-04")).StatusCode);

        var response = await MoveUpAsync(client, id, "2024-03-05", StageMoveReason.StillDisagree);

        await response.AssertErrorsAsync("This escalation was resolved on 4 March 2024. Reopen it before moving it up a stage");
    }

    [Fact]
    public async Task Resolve_WithoutOutcomeOrImpactOrBeforeTheStage_IsRefused()
    {
        var client = await factory.ClientAsync("team");
        var id = await RecordAsync(client, Fields("2024-03-01", stage: 2, stageStartedOn: "2024-03-04"));

        var empty = await ResolveAsync(client, id, "2024-03-05", outcome: "", impact: "");
        var early = await ResolveAsync(client, id, "2024-03-01");
        var withNhsNumber = await ResolveAsync(client, id, "2024-03-05", learning: "Check 9434765919 on the spine");

        await empty.AssertErrorsAsync("Enter the outcome", "Enter the impact for the child");
        await early.AssertErrorsAsync("The date it was resolved must be on or after 4 March 2024, when stage 2 started");
        await withNhsNumber.AssertErrorsAsync(
            "The learning contains what looks like an NHS number. Use the pseudonymised case reference instead (the agency's case ID or the partnership's pseudonym), never an NHS number");
        Assert.Null(Load(id).ResolvedOn);
    }

    [Fact]
    public async Task Reopen_ResolvedEscalation_RunsTheStageAgainAndKeepsTheReason()
    {
        var client = await factory.ClientAsync("team");
        var id = await RecordAsync(client, Fields("2024-03-01", stage: 2));
        await ResolveAsync(client, id, "2024-03-04");
        var version = (await client.GetDocumentAsync($"/escalations/{id}/reopen")).InputValue("Version");

        var response = await client.PostFormAsync($"/escalations/{id}/reopen", new() { ["Version"] = version, ["Reason"] = "The plan was not followed after all" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var escalation = Load(id);
        Assert.Null(escalation.ResolvedOn);
        Assert.Null(escalation.ResolvedAtStage);
        var stage = Assert.Single(escalation.Stages);
        Assert.Null(stage.EndedOn);
        Assert.Contains("The plan was not followed after all", stage.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_StaleVersionOrPersonalData_IsRefused()
    {
        var client = await factory.ClientAsync("team");
        var id = await RecordAsync(client, Fields("2024-03-01"));
        var version = (await client.GetDocumentAsync($"/escalations/{id}/edit")).InputValue("Version");
        var fields = Fields("2024-03-01");
        fields.Remove("Stage");
        fields["Version"] = version;

        fields["Summary"] = "Born 3rd May 2016";
        var withDate = await client.PostFormAsync($"/escalations/{id}/edit", fields);
        fields["Summary"] = "Health visitor concerns";
        var saved = await client.PostFormAsync($"/escalations/{id}/edit", fields);
        var stale = await client.PostFormAsync($"/escalations/{id}/edit", fields);

        await withDate.AssertErrorsAsync(
            "The summary contains what looks like a full date of birth. Give the child's age, or only the month and year (for example March 2024), instead of a full date");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await stale.AssertErrorsAsync("This record was changed by someone else since you opened it. Nothing has been saved: reload the page to see their changes, then make yours again.");
        Assert.Equal("Health visitor concerns", Load(id).Summary);
    }

    [Fact]
    public async Task Record_WritesTheAuditTrail()
    {
        var client = await factory.ClientAsync("team");

        var id = await RecordAsync(client, Fields("2024-03-01"));
        await MoveUpAsync(client, id, "2024-03-05", StageMoveReason.StillDisagree);

        var stageIds = Load(id).Stages.Select(s => s.Id).ToList();
        Assert.Equal(1, factory.Query(db => db.AuditEntries.Count(e => e.EntityType == nameof(Escalation) && e.EntityId == id && e.Action == AuditAction.Created)));
        Assert.Equal(1, factory.Query(db => db.AuditEntries.Count(e => e.EntityType == nameof(Escalation) && e.EntityId == id && e.Action == AuditAction.Updated)));
        Assert.All(stageIds, s => Assert.True(factory.Query(db => db.AuditEntries.Any(e => e.EntityType == nameof(EscalationStage) && e.EntityId == s))));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/audit/Escalation/{id}")).StatusCode);
        Assert.True((await (await factory.ClientAsync("member")).GetAsync($"/audit/Escalation/{id}")).IsDenied());
        Assert.True((await (await factory.ClientAsync("member")).GetAsync($"/audit/EscalationStage/{stageIds[0]}")).IsDenied());
    }

    [Fact]
    public async Task List_FiltersByYearStatusAndDrift()
    {
        var client = await factory.ClientAsync("team");
        var drifting = await RecordAsync(client, Fields("2021-06-01", stage: 3));
        var resolvedOnTime = await RecordAsync(client, Fields("2021-06-01", stage: 2));
        await ResolveAsync(client, resolvedOnTime, "2021-06-02");

        var all = await client.GetDocumentAsync("/escalations?year=2021-22");
        var drift = await client.GetDocumentAsync("/escalations?year=2021-22&drift=true");
        var resolved = await client.GetDocumentAsync("/escalations?year=2021-22&status=resolved");
        var otherYear = await client.GetDocumentAsync("/escalations?year=2022-23");
        var workingView = await client.GetDocumentAsync("/escalations");

        bool Lists(AngleSharp.Html.Dom.IHtmlDocument doc, int id) => doc.QuerySelector($"table a[href='/escalations/{id}']") is not null;
        Assert.True(Lists(all, drifting) && Lists(all, resolvedOnTime));
        Assert.True(Lists(drift, drifting) && !Lists(drift, resolvedOnTime));
        Assert.True(!Lists(resolved, drifting) && Lists(resolved, resolvedOnTime));
        Assert.False(Lists(otherYear, drifting));
        Assert.True(Lists(workingView, drifting) && !Lists(workingView, resolvedOnTime));
        var row = all.QuerySelector($"table a[href='/escalations/{drifting}']")!.Closest("tr")!;
        Assert.Contains("Drift", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Stage 3: Senior managers or heads of service", row.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("member", false)]
    [InlineData("scrutineer", true)]
    [InlineData("police.partner", true)]
    [InlineData("qe.chair", true)]
    public async Task ReadLog_ByRole_OnlyThoseWhoHoldThePartnershipToAccount(string who, bool allowed)
    {
        var team = await factory.ClientAsync("team");
        var id = await RecordAsync(team, Fields("2024-03-01"));
        var client = await factory.ClientAsync(who);

        var list = await client.GetAsync("/escalations");
        var details = await client.GetAsync($"/escalations/{id}");

        Assert.Equal(allowed, list.StatusCode == HttpStatusCode.OK);
        Assert.Equal(allowed, details.StatusCode == HttpStatusCode.OK);
        Assert.Equal(!allowed, list.IsDenied());
    }

    [Theory]
    [InlineData("member")]
    [InlineData("scrutineer")]
    [InlineData("council.partner")]
    public async Task Write_ByAnyoneButTheTeam_IsDeniedAndWritesNothing(string who)
    {
        var team = await factory.ClientAsync("team");
        var id = await RecordAsync(team, Fields("2024-03-01"));
        var client = await factory.ClientAsync(who);
        var before = factory.Query(db => db.AuditEntries.Count());
        var version = Load(id).Version.ToString();

        var created = await client.PostFormAsync("/escalations/new", Fields("2024-03-01"), formPage: "/account");
        var moved = await client.PostFormAsync($"/escalations/{id}/stage", new() { ["Version"] = version, ["On"] = "2024-03-05", ["Reason"] = "StillDisagree" }, formPage: "/account");
        var resolved = await client.PostFormAsync($"/escalations/{id}/resolve", new() { ["Version"] = version, ["On"] = "2024-03-05", ["Outcome"] = "x", ["ImpactForChild"] = "y" }, formPage: "/account");
        var archived = await client.PostFormAsync($"/escalations/{id}/archive", new() { ["version"] = version }, formPage: "/account");

        Assert.All([created, moved, resolved, archived], r => Assert.True(r.IsDenied(), $"{(int)r.StatusCode} {r.Headers.Location}"));
        Assert.Equal(before, factory.Query(db => db.AuditEntries.Count()));
        Assert.True((await client.GetAsync("/escalations/new")).IsDenied());
    }

    [Fact]
    public async Task ArchiveAndRestore_HidesFromTheListUntilRestored()
    {
        var client = await factory.ClientAsync("team");
        var id = await RecordAsync(client, Fields("2022-05-03"));

        var archived = await client.PostFormAsync($"/escalations/{id}/archive", new() { ["version"] = Load(id).Version.ToString() }, formPage: $"/escalations/{id}");
        var hidden = await client.GetDocumentAsync("/escalations?year=2022-23");
        var shown = await client.GetDocumentAsync("/escalations?year=2022-23&archived=true");
        var restored = await client.PostFormAsync($"/escalations/{id}/restore", new() { ["version"] = Load(id).Version.ToString() }, formPage: $"/escalations/{id}");

        Assert.Equal($"/escalations/{id}", archived.RedirectPath());
        Assert.Null(hidden.QuerySelector($"table a[href='/escalations/{id}']"));
        Assert.NotNull(shown.QuerySelector($"table a[href='/escalations/{id}']"));
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Null(Load(id).ArchivedAt);
    }

    [Fact]
    public void Startup_StageWithoutWorkingDays_FailsWithAClearMessage()
    {
        using var broken = factory.WithWebHostBuilder(b => b
            .UseSetting("Escalations:Stages:0:Name", "Practitioners").UseSetting("Escalations:Stages:0:WorkingDays", "2")
            .UseSetting("Escalations:Stages:1:Name", "Managers").UseSetting("Escalations:Stages:1:WorkingDays", "0"));

        var error = Assert.Throws<OptionsValidationException>(() => broken.CreateClient());

        Assert.Contains("Escalations:Stages:1:WorkingDays is 0: stage 2 needs 1 to 60 working days.", error.Message, StringComparison.Ordinal);
        Assert.Equal(typeof(EscalationOptions), error.OptionsType);
    }
}
