using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// The scrutiny plan and the scrutineer's recommendations through the pages: the scrutineer or team drafts the plan,
/// each statutory partner's lead or delegated partner approves it for their own organisation only, an edit withdraws
/// approvals, and a plan changed while read is not approved; a recommendation is answered only for the organisation
/// addressed (any partner's when addressed jointly), and an agreed one becomes an action in one step. Each test uses a
/// year of its own, since a year has one live plan.
/// </summary>
public class ScrutinyPlanTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Icb = "NHS Herefordshire and Worcestershire Integrated Care Board";

    private static Dictionary<string, string> Item(string subject, string quarter = "2", string month = "") => new()
    {
        ["Subject"] = subject, ["Kind"] = nameof(ScrutinyActivityKind.WalkTheFloor), ["Quarter"] = quarter, ["PlannedMonth"] = month,
        ["Reason"] = "Referrals rose", ["OrganisationId"] = "",
    };

    private string PlanVersion(string year)
    {
        var start = int.Parse(year[..4], System.Globalization.CultureInfo.InvariantCulture);
        return factory.Query(db => db.ScrutinyPlans.Where(p => p.StartYear == start).Select(p => p.Version.ToString()).FirstOrDefault()) ?? Guid.Empty.ToString();
    }

    private async Task DraftAndSubmitAsync(HttpClient drafter, string year)
    {
        var draft = await drafter.PostFormAsync($"/scrutiny/plans/{year}/edit", new() { ["Version"] = Guid.Empty.ToString(), ["Summary"] = $"The plan for {year}" });
        Assert.True(draft.StatusCode == HttpStatusCode.Redirect, string.Join("; ", (await draft.ReadDocumentAsync()).ErrorSummary()));
        Assert.Equal(HttpStatusCode.Redirect, (await drafter.PostFormAsync($"/scrutiny/plans/{year}/items/new", Item("Walk the floor at the front door"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await drafter.PostFormAsync($"/scrutiny/plans/{year}/submit", new() { ["version"] = PlanVersion(year) }, $"/scrutiny/plans/{year}")).StatusCode);
    }

    private static async Task<HttpResponseMessage> ApproveAsync(HttpClient client, string year, int organisationId, string? fingerprint = null)
    {
        var page = await client.GetDocumentAsync($"/scrutiny/plans/{year}");
        fingerprint ??= page.QuerySelector("input[name='fingerprint']")?.GetAttribute("value") ?? "none";
        return await client.PostFormAsync($"/scrutiny/plans/{year}/approve", new() { ["organisationId"] = organisationId.ToString(), ["fingerprint"] = fingerprint }, $"/scrutiny/plans/{year}");
    }

    [Fact]
    public async Task Approve_EachStatutoryPartnerForItsOwnOrganisation_ApprovedOnlyWhenAllHave()
    {
        const string year = "2019-20";
        await DraftAndSubmitAsync(await factory.ClientAsync("scrutineer"), year);
        var council = factory.OrganisationId(Demo.Council);
        var icb = factory.OrganisationId(Icb);
        var police = factory.OrganisationId(Demo.Police);

        Assert.Equal(HttpStatusCode.Redirect, (await ApproveAsync(await factory.ClientAsync("council.partner"), year, council)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ApproveAsync(await factory.ClientAsync("icb.partner"), year, icb)).StatusCode);
        var twoOfThree = await (await factory.ClientAsync("member")).GetDocumentAsync($"/scrutiny/plans/{year}");
        Assert.Equal("Awaiting approval", twoOfThree.QuerySelector("#plan-status")!.TextContent.Trim());
        Assert.Contains("Not approved yet", twoOfThree.QuerySelector($"[data-approval='{police}']")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await ApproveAsync(await factory.ClientAsync("police.partner"), year, police)).StatusCode);
        var approved = await (await factory.ClientAsync("member")).GetDocumentAsync($"/scrutiny/plans/{year}");
        Assert.Equal("Approved", approved.QuerySelector("#plan-status")!.TextContent.Trim());
        var policeName = factory.Query(db => db.People.Where(p => p.UserId == db.Users.Where(u => u.Email == "police.partner@demo.hscp.example").Select(u => u.Id).First()).Select(p => p.FullName).First());
        Assert.Contains($"Approved by {policeName}", approved.QuerySelector($"[data-approval='{police}']")!.TextContent, StringComparison.Ordinal);
        Assert.True(factory.Query(db => db.AuditEntries.Any(e => e.EntityType == nameof(ScrutinyPlanApproval))));
    }

    [Fact]
    public async Task Approve_ForAnotherOrganisationOrWithoutAPartnerSeat_IsForbiddenAndRecordsNothing()
    {
        const string year = "2020-21";
        await DraftAndSubmitAsync(await factory.ClientAsync("team"), year);
        var council = factory.OrganisationId(Demo.Council);
        var before = factory.Query(db => db.ScrutinyPlanApprovals.Count());

        Assert.True((await ApproveAsync(await factory.ClientAsync("police.partner"), year, council, "x")).IsDenied());
        foreach (var who in new[] { "member", "scrutineer", "team", "admin", "qe.chair" })
        {
            var response = await ApproveAsync(await factory.ClientAsync(who), year, council, "x");
            Assert.True(response.IsDenied(), $"{who}: {(int)response.StatusCode}");
        }

        Assert.Equal(before, factory.Query(db => db.ScrutinyPlanApprovals.Count()));
    }

    [Fact]
    public async Task Edit_AfterApproval_WarnsThenWithdrawsApprovals_AndAPlanChangedWhileReadIsNotApproved()
    {
        const string year = "2021-22";
        var scrutineer = await factory.ClientAsync("scrutineer");
        await DraftAndSubmitAsync(scrutineer, year);
        var council = factory.OrganisationId(Demo.Council);
        var icb = factory.OrganisationId(Icb);
        Assert.Equal(HttpStatusCode.Redirect, (await ApproveAsync(await factory.ClientAsync("council.partner"), year, council)).StatusCode);

        // The ICB's partner reads the plan; the scrutineer changes it, warned that it withdraws the council's approval.
        var read = (await (await factory.ClientAsync("icb.partner")).GetDocumentAsync($"/scrutiny/plans/{year}")).QuerySelector("input[name='fingerprint']")!.GetAttribute("value");
        var form = await scrutineer.GetDocumentAsync($"/scrutiny/plans/{year}/items/new");
        Assert.NotNull(form.QuerySelector("#approvals-withdrawn-warning"));
        Assert.Equal(HttpStatusCode.Redirect, (await scrutineer.PostFormAsync($"/scrutiny/plans/{year}/items/new", Item("Observation of the board"))).StatusCode);

        Assert.Equal(0, factory.Query(db => db.ScrutinyPlans.Where(p => p.StartYear == 2021).SelectMany(p => p.Approvals).Count(a => a.WithdrawnAt == null)));
        Assert.Equal(1, factory.Query(db => db.ScrutinyPlans.Where(p => p.StartYear == 2021).SelectMany(p => p.Approvals).Count(a => a.WithdrawnAt != null)));
        var stale = await ApproveAsync(await factory.ClientAsync("icb.partner"), year, icb, read);
        await stale.AssertErrorsAsync("The plan changed while you were reading it, so it has not been approved. Read the plan as it stands now, then approve it.");
        Assert.Equal(0, factory.Query(db => db.ScrutinyPlans.Where(p => p.StartYear == 2021).SelectMany(p => p.Approvals).Count(a => a.WithdrawnAt == null)));
    }

    [Fact]
    public async Task PlanForms_NothingEnteredOrMonthOutsideQuarter_ShowErrorSummaryNever500()
    {
        const string year = "2022-23";
        var team = await factory.ClientAsync("team");

        var empty = await team.PostFormAsync($"/scrutiny/plans/{year}/edit", new() { ["Version"] = Guid.Empty.ToString(), ["Summary"] = "" });
        await empty.AssertErrorsAsync("Enter what the plan covers and how the scrutineer will work");
        Assert.Equal(HttpStatusCode.Redirect, (await team.PostFormAsync($"/scrutiny/plans/{year}/edit", new() { ["Version"] = Guid.Empty.ToString(), ["Summary"] = "Summary" })).StatusCode);
        var item = await team.PostFormAsync($"/scrutiny/plans/{year}/items/new", new() { ["Subject"] = "", ["Kind"] = "", ["Quarter"] = "", ["Reason"] = "" });
        await item.AssertErrorsAsync("Enter what will be looked at", "Select the kind of scrutiny", "Select the quarter, or the month, it is planned for", "Enter why this was chosen");
        var mismatch = await team.PostFormAsync($"/scrutiny/plans/{year}/items/new", Item("Kept when refused", quarter: "1", month: "11"));
        await mismatch.AssertErrorsAsync("The month planned must fall in the quarter chosen");
        Assert.Equal("Kept when refused", (await mismatch.ReadDocumentAsync()).InputValue("Subject"));
        var submitEmpty = await team.PostFormAsync($"/scrutiny/plans/{year}/submit", new() { ["version"] = PlanVersion(year) }, $"/scrutiny/plans/{year}");
        await submitEmpty.AssertErrorsAsync("Add at least one planned item before putting the plan to the partners");
        Assert.True((await (await factory.ClientAsync("member")).PostFormAsync($"/scrutiny/plans/{year}/items/new", Item("By a member"), $"/scrutiny/plans/{year}")).IsDenied());
    }

    [Fact]
    public async Task Recommendation_AnsweredOnlyByTheAddressedPartner_AgreedBecomesAnAction_ShownWithItsStatus()
    {
        var scrutineer = await factory.ClientAsync("scrutineer");
        var icbId = factory.OrganisationId(Icb);
        var made = await scrutineer.PostFormAsync("/scrutiny/recommendations/new", new()
        {
            ["Title"] = "Plan health attendance at conferences", ["Detail"] = "Plan it a month ahead.", ["MadeOn"] = "2024-05-01",
            ["OrganisationId"] = icbId.ToString(), ["ActivityId"] = "",
        });
        Assert.True(made.StatusCode == HttpStatusCode.Redirect, string.Join("; ", (await made.ReadDocumentAsync()).ErrorSummary()));
        var id = int.Parse(made.RedirectPath().Split('/')[^1].Split('?')[0]);
        string Version() => factory.Query(db => db.ScrutinyRecommendations.Where(r => r.Id == id).Select(r => r.Version.ToString()).First());
        Dictionary<string, string> Response(string text, string on = "2024-05-20", string response = nameof(RecommendationResponse.Agreed)) => new()
        {
            ["Version"] = Version(), ["Response"] = response, ["ResponseText"] = text, ["RespondedOn"] = on,
        };

        foreach (var who in new[] { "police.partner", "council.partner", "member", "scrutineer" })
        {
            var client = await factory.ClientAsync(who);
            Assert.True((await client.PostFormAsync($"/scrutiny/recommendations/{id}/respond", Response($"By {who}"), "/scrutiny")).IsDenied(), who);
        }

        var icb = await factory.ClientAsync("icb.partner");
        var early = await icb.PostFormAsync($"/scrutiny/recommendations/{id}/respond", Response("Too early", on: "2024-04-01"));
        await early.AssertErrorsAsync("The date of the response must be on or after the date the recommendation was made");
        var awaiting = await (await factory.ClientAsync("member")).GetDocumentAsync("/scrutiny?year=2024-25");
        Assert.Contains("Awaiting response", awaiting.QuerySelector("[data-scrutiny-table='recommendations']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await icb.PostFormAsync($"/scrutiny/recommendations/{id}/respond", Response("Agreed: planned a month ahead"))).StatusCode);

        var noGroup = await icb.PostFormAsync($"/scrutiny/recommendations/{id}/action", new()
        {
            ["Title"] = "Plan attendance", ["OwnerPersonId"] = factory.PersonId("Ian Fairbairn").ToString(), ["DueDate"] = "2099-01-31", ["GroupId"] = "",
        });
        await noGroup.AssertErrorsAsync("Select the group whose action plan takes the action");
        var action = await icb.PostFormAsync($"/scrutiny/recommendations/{id}/action", new()
        {
            ["Title"] = "Plan attendance", ["OwnerPersonId"] = factory.PersonId("Ian Fairbairn").ToString(), ["DueDate"] = "2099-01-31",
            ["GroupId"] = factory.GroupId(Demo.Board).ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, action.StatusCode);
        var saved = factory.Query(db => db.Actions.Single(a => a.ScrutinyRecommendationId == id));
        Assert.Equal((ActionSource.Scrutiny, factory.GroupId(Demo.Board)), (saved.Source, saved.GroupId));
        var actionPage = await (await factory.ClientAsync("team")).GetDocumentAsync($"/actions/{saved.Id}");
        var source = actionPage.QuerySelectorAll(".govuk-summary-list__row").Single(r => r.QuerySelector("dt")?.TextContent.Trim() == "Source");
        Assert.Contains("Scrutiny challenge or recommendation", source.TextContent, StringComparison.Ordinal);
        var page = await (await factory.ClientAsync("member")).GetDocumentAsync($"/scrutiny/recommendations/{id}");
        Assert.Contains("Agreed, action raised", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Plan attendance", page.QuerySelector("#recommendation-actions")!.TextContent, StringComparison.Ordinal);
        Assert.True(factory.Query(db => db.AuditEntries.Count(e => e.EntityType == nameof(ScrutinyRecommendation) && e.EntityId == id)) >= 2);
    }

    [Fact]
    public async Task Recommendation_ToThePartnersJointly_AnyPartnerResponds_AndArchiveRestoreByTheScrutineer()
    {
        var scrutineer = await factory.ClientAsync("scrutineer");
        var made = await scrutineer.PostFormAsync("/scrutiny/recommendations/new", new()
        {
            ["Title"] = "One exploitation picture", ["Detail"] = "Agree one picture.", ["MadeOn"] = "2024-06-01", ["OrganisationId"] = "", ["ActivityId"] = "",
        });
        var id = int.Parse(made.RedirectPath().Split('/')[^1].Split('?')[0]);
        string Version() => factory.Query(db => db.ScrutinyRecommendations.Where(r => r.Id == id).Select(r => r.Version.ToString()).First());

        Assert.True((await (await factory.ClientAsync("member")).PostFormAsync($"/scrutiny/recommendations/{id}/respond",
            new() { ["Version"] = Version(), ["Response"] = "NotAgreed", ["ResponseText"] = "No", ["RespondedOn"] = "2024-06-10" }, "/scrutiny")).IsDenied());
        var police = await (await factory.ClientAsync("police.partner")).PostFormAsync($"/scrutiny/recommendations/{id}/respond",
            new() { ["Version"] = Version(), ["Response"] = "NotAgreed", ["ResponseText"] = "The existing panel covers it", ["RespondedOn"] = "2024-06-10" });
        Assert.Equal(HttpStatusCode.Redirect, police.StatusCode);
        Assert.Equal(RecommendationResponse.NotAgreed, factory.Query(db => db.ScrutinyRecommendations.Single(r => r.Id == id).Response));

        Assert.Equal(HttpStatusCode.Redirect, (await scrutineer.PostFormAsync($"/scrutiny/recommendations/{id}/archive", new() { ["version"] = Version() }, $"/scrutiny/recommendations/{id}")).StatusCode);
        Assert.True(factory.Query(db => db.ScrutinyRecommendations.Single(r => r.Id == id).ArchivedAt is not null));
        Assert.Equal(HttpStatusCode.Redirect, (await scrutineer.PostFormAsync($"/scrutiny/recommendations/{id}/restore", new() { ["version"] = Version() }, $"/scrutiny/recommendations/{id}")).StatusCode);
        Assert.True(factory.Query(db => db.ScrutinyRecommendations.Single(r => r.Id == id).ArchivedAt is null));
    }

    [Fact]
    public async Task Recommendation_NothingEntered_ShowsErrorSummaryAndOnlyTheScrutineerMakesOne()
    {
        var empty = await (await factory.ClientAsync("scrutineer")).PostFormAsync("/scrutiny/recommendations/new", new() { ["Title"] = "", ["Detail"] = "", ["MadeOn"] = "" });
        await empty.AssertErrorsAsync("Enter a short title for the recommendation", "Enter the recommendation", "Enter the date the recommendation was made, for example 14 11 2024");
        foreach (var who in new[] { "admin", "team", "icb.partner", "member" })
        {
            var response = await (await factory.ClientAsync(who)).PostFormAsync("/scrutiny/recommendations/new",
                new() { ["Title"] = "By " + who, ["Detail"] = "x", ["MadeOn"] = "2024-06-01" }, "/scrutiny");
            Assert.True(response.IsDenied(), who);
        }
    }

    [Theory]
    [InlineData("activities", "csv", "text/csv")]
    [InlineData("challenges", "csv", "text/csv")]
    [InlineData("recommendations", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("activities", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task Export_EachList_ReturnsTheFile_AndTheIndexLinksItForDownload(string list, string format, string type)
    {
        var member = await factory.ClientAsync("member");

        var response = await member.GetAsync($"/scrutiny/export?list={list}&format={format}&year=2023-24");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        if (list == "challenges")
        {
            Assert.Contains("Health attendance at review child protection conferences", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var index = await member.GetDocumentAsync("/scrutiny?year=2023-24");
        Assert.NotEmpty(index.QuerySelectorAll("a[href^='/scrutiny/export']"));
        Assert.All(index.QuerySelectorAll("a[href^='/scrutiny/export']"), a => Assert.True(a.HasAttribute("download")));
        Assert.Equal(HttpStatusCode.BadRequest, (await member.GetAsync("/scrutiny/export?list=people&format=csv")).StatusCode);
    }

    [Fact]
    public async Task DemoPlan_2024To25_ApprovedByTheThreePartnersInMid2024_IndexLinksIt()
    {
        var page = await (await factory.ClientAsync("member")).GetDocumentAsync("/scrutiny/plans/2024-25");

        Assert.Equal("Approved", page.QuerySelector("#plan-status")!.TextContent.Trim());
        Assert.Equal(3, page.QuerySelectorAll("[data-approval]").Count(a => a.TextContent.Contains("2024", StringComparison.Ordinal)));
        var none = await (await factory.ClientAsync("member")).GetDocumentAsync("/scrutiny/plans/2023-24");
        Assert.Null(none.QuerySelector("#plan-status"));
        var index = await (await factory.ClientAsync("member")).GetDocumentAsync("/scrutiny?year=2024-25");
        Assert.NotNull(index.QuerySelector("#plan a[href='/scrutiny/plans/2024-25']"));
    }

    [Fact]
    public async Task ArchivePlan_ByTheScrutineer_NotOfferedForApproval_RestoredFromTheYearsPage_BothAudited()
    {
        const string year = "2027-28";
        var scrutineer = await factory.ClientAsync("scrutineer");
        await DraftAndSubmitAsync(scrutineer, year);
        var planId = factory.Query(db => db.ScrutinyPlans.Single(p => p.StartYear == 2027).Id);
        var council = factory.OrganisationId(Demo.Council);
        var partner = await factory.ClientAsync("council.partner");
        Assert.NotNull((await partner.GetDocumentAsync($"/scrutiny/plans/{year}")).QuerySelector("form[action$='/approve']"));
        var fingerprint = (await partner.GetDocumentAsync($"/scrutiny/plans/{year}")).QuerySelector("input[name='fingerprint']")!.GetAttribute("value");

        foreach (var who in new[] { "council.partner", "member" })
        {
            Assert.True((await (await factory.ClientAsync(who)).PostFormAsync($"/scrutiny/plans/{year}/archive", new() { ["version"] = PlanVersion(year) }, $"/scrutiny/plans/{year}")).IsDenied(), who);
        }

        var archived = await scrutineer.PostFormAsync($"/scrutiny/plans/{year}/archive", new() { ["version"] = PlanVersion(year) }, $"/scrutiny/plans/{year}");

        Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
        Assert.NotNull(factory.Query(db => db.ScrutinyPlans.Single(p => p.Id == planId).ArchivedAt));
        var partnerPage = await partner.GetDocumentAsync($"/scrutiny/plans/{year}");
        Assert.Null(partnerPage.QuerySelector("form[action$='/approve']"));
        Assert.Null(partnerPage.QuerySelector("#archived-plans"));
        var approve = await partner.PostFormAsync($"/scrutiny/plans/{year}/approve", new() { ["organisationId"] = council.ToString(), ["fingerprint"] = fingerprint! }, $"/scrutiny/plans/{year}");
        Assert.Equal(HttpStatusCode.NotFound, approve.StatusCode);
        Assert.False(factory.Query(db => db.ScrutinyPlanApprovals.Any(a => a.PlanId == planId)));
        Assert.DoesNotContain(factory.Query(db => db.ScrutinyPlans.Where(p => p.IsLive()).Select(p => p.StartYear).ToList()), y => y == 2027);

        var page = await scrutineer.GetDocumentAsync($"/scrutiny/plans/{year}");
        var restore = page.QuerySelector($"#archived-plans ~ ul form[action='/scrutiny/plans/{year}/restore/{planId}']");
        Assert.NotNull(restore);
        var restored = await scrutineer.PostFormAsync($"/scrutiny/plans/{year}/restore/{planId}",
            new() { ["version"] = restore!.QuerySelector("input[name='version']")!.GetAttribute("value")! }, $"/scrutiny/plans/{year}");

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Null(factory.Query(db => db.ScrutinyPlans.Single(p => p.Id == planId).ArchivedAt));
        var actions = factory.Query(db => db.AuditEntries.Where(e => e.EntityType == nameof(ScrutinyPlan) && e.EntityId == planId).Select(e => e.Action).ToList());
        Assert.Contains(AuditAction.Archived, actions);
        Assert.Contains(AuditAction.Restored, actions);
        Assert.NotNull((await partner.GetDocumentAsync($"/scrutiny/plans/{year}")).QuerySelector("form[action$='/approve']"));
    }

    [Fact]
    public async Task RestorePlan_WhileTheYearHasALivePlan_IsRefusedWithAMessage()
    {
        const string year = "2028-29";
        var team = await factory.ClientAsync("team");
        await DraftAndSubmitAsync(team, year);
        var first = factory.Query(db => db.ScrutinyPlans.Single(p => p.StartYear == 2028).Id);
        Assert.Equal(HttpStatusCode.Redirect, (await team.PostFormAsync($"/scrutiny/plans/{year}/archive", new() { ["version"] = PlanVersion(year) }, $"/scrutiny/plans/{year}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await team.PostFormAsync($"/scrutiny/plans/{year}/edit", new() { ["Version"] = Guid.Empty.ToString(), ["Summary"] = "A second plan" })).StatusCode);
        var firstVersion = factory.Query(db => db.ScrutinyPlans.Where(p => p.Id == first).Select(p => p.Version.ToString()).Single());

        var response = await team.PostFormAsync($"/scrutiny/plans/{year}/restore/{first}", new() { ["version"] = firstVersion }, $"/scrutiny/plans/{year}");

        await response.AssertErrorsAsync("2028-29 already has a plan. Archive it before you restore another plan for the year.");
        Assert.NotNull(factory.Query(db => db.ScrutinyPlans.Single(p => p.Id == first).ArchivedAt));
    }
}
