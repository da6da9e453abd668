using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// The independent scrutineer's record through the pages: only the scrutineer records activities and challenges,
/// only the challenged agency's partner (or the team for it) responds, the scrutineer decides on the response, and
/// the lifecycle's rules hold. The acceptance test follows a challenge to the ICB from raising to the report.
/// </summary>
public class ScrutinyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Icb = "NHS Herefordshire and Worcestershire Integrated Care Board";

    private Dictionary<string, string> Challenge(string title, string organisation = Icb, string raisedOn = "2024-02-01", string dueOn = "2024-03-01") => new()
    {
        ["Title"] = title,
        ["Detail"] = "Show how health attendance at review conferences is planned.",
        ["OrganisationId"] = factory.OrganisationId(organisation).ToString(),
        ["RaisedOn"] = raisedOn,
        ["ResponseDueOn"] = dueOn,
    };

    private static Dictionary<string, string> Activity(string subject, string kind = nameof(ScrutinyActivityKind.WalkTheFloor), string heldOn = "2024-01-10", string findings = "") => new()
    {
        ["Kind"] = kind, ["HeldOn"] = heldOn, ["Subject"] = subject, ["Findings"] = findings, ["OrganisationId"] = "",
    };

    private static async Task<int> RaiseAsync(HttpClient scrutineer, Dictionary<string, string> fields)
    {
        var response = await scrutineer.PostFormAsync("/scrutiny/challenges/new", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {string.Join("; ", (await response.ReadDocumentAsync()).ErrorSummary())}");
        return int.Parse(response.RedirectPath().Split('/')[^1].Split('?')[0]);
    }

    private string VersionOf(int challengeId) =>
        factory.Query(db => db.ScrutinyChallenges.Where(c => c.Id == challengeId).Select(c => c.Version.ToString()).FirstOrDefault()) ?? Guid.Empty.ToString();

    // The version is the one the form would carry: the record as it stands.
    private async Task<HttpResponseMessage> RespondAsync(HttpClient client, int id, string text, string on, string formPage = "/scrutiny") =>
        await client.PostFormAsync($"/scrutiny/challenges/{id}/respond", new()
        {
            ["Version"] = VersionOf(id), ["Response"] = text, ["ResponseReceivedOn"] = on,
        }, formPage);

    private async Task<HttpResponseMessage> DecideAsync(HttpClient client, int id, ChallengeVerdict? verdict, string on, string note = "") =>
        await client.PostFormAsync($"/scrutiny/challenges/{id}/decision", new()
        {
            ["Version"] = VersionOf(id), ["Verdict"] = verdict?.ToString() ?? "", ["VerdictOn"] = on, ["VerdictNote"] = note,
        }, "/scrutiny");

    [Fact]
    public async Task RecordActivity_AsScrutineer_SavesItWithTheAuditTrailAndListsIt()
    {
        var scrutineer = await factory.ClientAsync("scrutineer");

        var response = await scrutineer.PostFormAsync("/scrutiny/activities/new", Activity("Walk the floor at the front door", findings: "Practitioners knew the escalation route"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = factory.Query(db => db.ScrutinyActivities.Single(a => a.Subject == "Walk the floor at the front door").Id);
        Assert.True(factory.Query(db => db.AuditEntries.Any(e => e.EntityType == nameof(ScrutinyActivity) && e.EntityId == id)));
        var list = await (await factory.ClientAsync("member")).GetDocumentAsync("/scrutiny?year=2023-24");
        Assert.Contains("Walk the floor at the front door", list.QuerySelector("[data-scrutiny-table='activities']")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("team")]
    [InlineData("icb.partner")]
    [InlineData("member")]
    public async Task RecordActivityOrChallenge_AsAnyoneButTheScrutineer_IsDeniedAndWritesNothing(string who)
    {
        var client = await factory.ClientAsync(who);
        var activities = factory.Query(db => db.ScrutinyActivities.Count());
        var challenges = factory.Query(db => db.ScrutinyChallenges.Count());

        var activity = await client.PostFormAsync("/scrutiny/activities/new", Activity($"Activity by {who}"), "/scrutiny");
        var challenge = await client.PostFormAsync("/scrutiny/challenges/new", Challenge($"Challenge by {who}"), "/scrutiny");

        Assert.True(activity.IsDenied(), $"{who}: {(int)activity.StatusCode}");
        Assert.True(challenge.IsDenied(), $"{who}: {(int)challenge.StatusCode}");
        Assert.True((await client.GetAsync("/scrutiny/challenges/new")).IsDenied());
        Assert.Equal(activities, factory.Query(db => db.ScrutinyActivities.Count()));
        Assert.Equal(challenges, factory.Query(db => db.ScrutinyChallenges.Count()));
    }

    [Fact]
    public async Task RecordActivity_NothingEnteredOrPersonalData_ShowsErrorSummaryAndKeepsWhatWasTyped()
    {
        var scrutineer = await factory.ClientAsync("scrutineer");
        var before = factory.Query(db => db.ScrutinyActivities.Count());

        var empty = await scrutineer.PostFormAsync("/scrutiny/activities/new", new() { ["Kind"] = "", ["HeldOn"] = "", ["Subject"] = "" });
        var nhs = await scrutineer.PostFormAsync("/scrutiny/activities/new", Activity("Case file review", findings: "The file of 943 476 5919 had no plan"));
        var future = await scrutineer.PostFormAsync("/scrutiny/activities/new", Activity("Visit in the future", heldOn: "2099-01-01"));

        await empty.AssertErrorsAsync("Select the kind of scrutiny", "Enter the date of the activity, for example 14 11 2023", "Enter what was looked at");
        await nhs.AssertErrorsAsync(
            "The text of the findings contains what looks like an NHS number. Use the pseudonymised case reference instead (the agency's case ID or the partnership's pseudonym), never an NHS number");
        await future.AssertErrorsAsync("The date of the activity must be today or in the past");
        Assert.Equal("Case file review", (await nhs.ReadDocumentAsync()).InputValue("Subject"));
        Assert.Equal(before, factory.Query(db => db.ScrutinyActivities.Count()));
    }

    [Fact]
    public async Task RaiseChallenge_DueBeforeRaised_IsRefusedWithReason()
    {
        var scrutineer = await factory.ClientAsync("scrutineer");
        var before = factory.Query(db => db.ScrutinyChallenges.Count());

        var response = await scrutineer.PostFormAsync("/scrutiny/challenges/new", Challenge("Backwards", raisedOn: "2024-02-01", dueOn: "2024-01-01"));

        await response.AssertErrorsAsync("The response due date must be on or after the date raised");
        Assert.Equal(before, factory.Query(db => db.ScrutinyChallenges.Count()));
    }

    [Fact]
    public async Task Respond_AnotherPartnerOrMember_IsDeniedAndTheChallengeIsUnchanged()
    {
        var id = await RaiseAsync(await factory.ClientAsync("scrutineer"), Challenge("Only the ICB answers"));

        foreach (var who in new[] { "police.partner", "council.partner", "member", "scrutineer" })
        {
            var client = await factory.ClientAsync(who);
            var response = await RespondAsync(client, id, $"Answered by {who}", "2024-02-10");
            Assert.True(response.IsDenied(), $"{who}: {(int)response.StatusCode}");
            Assert.True((await client.GetAsync($"/scrutiny/challenges/{id}/respond")).IsDenied(), who);
        }

        Assert.Null(factory.Query(db => db.ScrutinyChallenges.Single(c => c.Id == id).Response));
        Assert.Equal(HttpStatusCode.NotFound, (await RespondAsync(await factory.ClientAsync("icb.partner"), 999999, "No such challenge", "2024-02-10")).StatusCode);
    }

    [Fact]
    public async Task Lifecycle_DecisionBeforeResponseOrResponseBeforeRaised_IsRefused_AndAnAcceptedResponseIsFinal()
    {
        var scrutineer = await factory.ClientAsync("scrutineer");
        var icb = await factory.ClientAsync("icb.partner");
        var id = await RaiseAsync(scrutineer, Challenge("Lifecycle rules"));

        var tooEarly = await DecideAsync(scrutineer, id, ChallengeVerdict.Accepted, "2024-02-20");
        await tooEarly.AssertErrorsAsync("No response has been received yet, so it cannot be accepted or refused");

        var beforeRaised = await RespondAsync(icb, id, "An answer", "2024-01-15");
        await beforeRaised.AssertErrorsAsync("The date of the response must be on or after the date the challenge was raised");

        Assert.Equal(HttpStatusCode.Redirect, (await RespondAsync(icb, id, "Attendance is now planned ahead", "2024-02-15")).StatusCode);
        var decidedBeforeReceived = await DecideAsync(scrutineer, id, ChallengeVerdict.Accepted, "2024-02-10");
        await decidedBeforeReceived.AssertErrorsAsync("The date of the decision must be on or after the date the response was received");
        var refusedWithoutReason = await DecideAsync(scrutineer, id, ChallengeVerdict.NotAccepted, "2024-02-20");
        await refusedWithoutReason.AssertErrorsAsync("Say why the response is not accepted and what is expected next");

        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(scrutineer, id, ChallengeVerdict.NotAccepted, "2024-02-20", "Intentions, not evidence")).StatusCode);
        // A response not accepted may be answered again, which goes back to the scrutineer.
        Assert.Equal(HttpStatusCode.Redirect, (await RespondAsync(icb, id, "The figures for March show every conference attended", "2024-03-05")).StatusCode);
        Assert.Null(factory.Query(db => db.ScrutinyChallenges.Single(c => c.Id == id).Verdict));
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(scrutineer, id, ChallengeVerdict.Accepted, "2024-03-08")).StatusCode);

        var afterAccepted = await RespondAsync(icb, id, "A change after acceptance", "2024-03-10", $"/scrutiny/challenges/{id}");
        await afterAccepted.AssertErrorsAsync("The scrutineer has accepted the response to this challenge, so it is closed");
        var saved = factory.Query(db => db.ScrutinyChallenges.Single(c => c.Id == id));
        Assert.Equal("The figures for March show every conference attended", saved.Response);
        Assert.Equal(ChallengeVerdict.Accepted, saved.Verdict);
        Assert.True(factory.Query(db => db.AuditEntries.Count(e => e.EntityType == nameof(ScrutinyChallenge) && e.EntityId == id)) >= 5);
    }

    [Fact]
    public async Task Acceptance_ScrutineerChallengesTheIcb_IcbPartnerSeesItOnTheDashboardAndResponds_ReportListsIt()
    {
        var scrutineer = await factory.ClientAsync("scrutineer");
        var icb = await factory.ClientAsync("icb.partner");
        const string title = "Acceptance: health visitors at initial conferences";

        // The scrutineer raises a challenge to the integrated care board.
        var id = await RaiseAsync(scrutineer, Challenge(title, raisedOn: "2024-02-05", dueOn: "2024-03-04"));

        // The ICB's partner sees it, open, on their dashboard, and no other partner does.
        var dashboard = await icb.GetDocumentAsync("/dashboard/partner");
        var tile = dashboard.QuerySelector("#tile-scrutiny-challenges");
        Assert.NotNull(tile);
        Assert.Contains(title, tile!.TextContent, StringComparison.Ordinal);
        var police = await (await factory.ClientAsync("police.partner")).GetDocumentAsync("/dashboard/partner");
        Assert.DoesNotContain(title, police.QuerySelector("#tile-scrutiny-challenges")!.TextContent, StringComparison.Ordinal);

        // They respond from the challenge's page; the scrutineer accepts; it leaves the dashboard.
        var challengePage = await icb.GetDocumentAsync($"/scrutiny/challenges/{id}");
        Assert.NotNull(challengePage.QuerySelector($"a[href='/scrutiny/challenges/{id}/respond']"));
        Assert.Equal(HttpStatusCode.Redirect, (await RespondAsync(icb, id, "Health visitors now attend every initial conference", "2024-02-26", $"/scrutiny/challenges/{id}/respond")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(scrutineer, id, ChallengeVerdict.Accepted, "2024-03-06", "Accepted on the evidence")).StatusCode);
        var after = await icb.GetDocumentAsync("/dashboard/partner");
        Assert.DoesNotContain(title, after.QuerySelector("#tile-scrutiny-challenges")!.TextContent, StringComparison.Ordinal);

        // The 2023-24 report's scrutiny section lists the activities and challenges from the records.
        var report = await (await factory.ClientAsync("team")).GetDocumentAsync("/reports/yearly/2023-24/draft");
        var challenges = report.QuerySelector("[data-report-table='scrutiny-challenges']")!.TextContent;
        Assert.Contains(title, challenges, StringComparison.Ordinal);
        Assert.Contains("Health attendance at review child protection conferences", challenges, StringComparison.Ordinal);
        var activities = report.QuerySelector("[data-report-list='scrutiny-activities']")!.TextContent;
        Assert.Contains("Section 11 self-assessment: first check and challenge session", activities, StringComparison.Ordinal);
        Assert.Contains("walk the floor: ", report.QuerySelector("[data-report-scrutiny='summary']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Health visitors now attend every initial conference", report.Body!.TextContent, StringComparison.Ordinal);
    }
}
