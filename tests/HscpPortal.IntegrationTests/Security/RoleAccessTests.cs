using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// Every role against every page: exactly what Security/Policies.cs grants, and nothing reachable anonymously
/// except the public allow-list.
/// </summary>
public class RoleAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] Everyone = Demo.Users;
    private static readonly string[] EditReportOrScrutineer = ["admin", "team", "scrutineer"];
    private static readonly string[] ManageStructure = ["admin", "team"];
    private static readonly string[] ViewAuditTrail = ["admin", "team", "scrutineer"];
    private static readonly string[] ManageUsers = ["admin"];

    // The partner dashboard: the team and administrators (for any partner) and the partners' current DSPs.
    private static readonly string[] Partners = ["admin", "team", "council.partner", "icb.partner", "police.partner"];

    // {org} is West Mercia Police: its own DSP may open it, the other partners may not.
    private static readonly string[] PartnerOfOrg = ["admin", "team", "police.partner"];

    // ViewEscalations: pseudonymised case data, so not plain members; qe.chair reads it as a current chair.
    private static readonly string[] ManageEscalations = ["admin", "team"];
    private static readonly string[] ViewEscalations = ["admin", "team", "scrutineer", "council.partner", "icb.partner", "police.partner", "qe.chair"];

    // EditGroup: the team and administrators, or the group's current chair or vice-chair. qe.chair chairs
    // Quality and Effectiveness; council.partner (the council's DSP) has chaired the board since April 2024.
    private static readonly string[] EditQualityAndEffectiveness = ["admin", "team", "qe.chair"];
    private static readonly string[] EditBoard = ["admin", "team", "council.partner"];

    // "Add a meeting" without a group: anyone who may add meetings to some active group (a chair or vice-chair today).
    private static readonly string[] EditAnyGroup = ["admin", "team", "scrutineer", "council.partner", "icb.partner", "qe.chair"];

    // A partner's sign-off page: only the lead or delegated partner of that organisation (West Mercia Police).
    private static readonly string[] PoliceSeat = ["police.partner"];

    // UpdateAction on the Q&E action below: those who edit Q&E, and its owner Ian Fairbairn (police.partner).
    private static readonly string[] UpdateQualityAction = ["admin", "team", "qe.chair", "police.partner"];

    // Independent scrutiny: only the scrutineer records it; the challenged agency's DSP (the demo challenge is to the
    // ICB) or the team on its behalf records the response.
    private static readonly string[] RecordScrutiny = ["scrutineer"];
    private static readonly string[] RespondForIcb = ["admin", "team", "icb.partner"];

    // The scrutiny plan is drafted by the scrutineer or the team for them; the partners approve it from its page.
    private static readonly string[] DraftScrutinyPlan = ["admin", "team", "scrutineer"];

    // The yearly report: the team edits and publishes it (EditReport, PublishReport); the scrutineer and the
    // partners also review it.
    private static readonly string[] EditReport = ["admin", "team"];
    private static readonly string[] ReviewReport = ["admin", "team", "scrutineer", "council.partner", "icb.partner", "police.partner"];

    // Section 11 and 175: the team runs the rounds, the scrutineer also reads them, and a return is for its own lead:
    // {s11Return} is West Mercia Police's 2025 return, whose lead is Ian Fairbairn (police.partner).
    private static readonly string[] ManageSelfAssessments = ["admin", "team"];
    private static readonly string[] ViewSelfAssessments = ViewEscalations;

    /// <summary>Each page with the users who may open it. Placeholders in braces are filled from the demo data.</summary>
    internal static readonly (string Url, string[] Allowed)[] Pages =
    [
        ("/", Everyone),
        ("/structure", Everyone),
        ("/groups", Everyone),
        ("/groups/{qe}", Everyone),
        ("/groups/{board}", Everyone),
        ("/groups/new", ManageStructure),
        ("/groups/{qe}/edit", EditQualityAndEffectiveness),
        ("/groups/{board}/edit", EditBoard),
        ("/groups/{qe}/dissolve", ManageStructure),
        ("/groups/{qe}/members/new", EditQualityAndEffectiveness),
        ("/groups/{board}/members/new", EditBoard),
        ("/groups/{qe}/members/{qeMember}", EditQualityAndEffectiveness),
        ("/organisations", Everyone),
        ("/organisations/{org}", Everyone),
        ("/organisations/new", ManageStructure),
        ("/organisations/{org}/edit", ManageStructure),
        ("/organisations/{org}/logo", ManageStructure),
        ("/people", Everyone),
        ("/people/{person}", Everyone),
        ("/people/new", ManageStructure),
        ("/people/{person}/edit", ManageStructure),
        ("/representation", Everyone),
        ("/representation/new", ManageStructure),
        ("/representation/{appointment}/edit", ManageStructure),
        ("/audit", ViewAuditTrail),
        // A record's history follows the audit trail's policy: who changed what is not every member's business.
        ("/audit/Organisation/{org}", ViewAuditTrail),
        ("/admin/bank-holidays", ManageStructure),
        ("/users", ManageUsers),
        ("/users/new", ManageUsers),
        ("/users/{user}", ManageUsers),
        ("/users/{user}/history", ManageUsers),
        ("/decisions", Everyone),
        ("/decisions/ratification", Everyone),
        ("/decisions/{decision}", Everyone),
        ("/decisions/{decision}/edit", EditQualityAndEffectiveness),
        ("/decisions/{decision}/ratify", EditQualityAndEffectiveness),
        ("/meetings/{qeMeeting}/decisions/new", EditQualityAndEffectiveness),
        ("/meetings/{boardMeeting}/decisions/new", EditBoard),
        ("/meetings/{qeMeeting}/actions/new", EditQualityAndEffectiveness),
        ("/meetings/{boardMeeting}/actions/new", EditBoard),
        ("/actions/{action}", Everyone),
        ("/actions/{action}/update", UpdateQualityAction),
        ("/actions/{action}/request-sign-off", UpdateQualityAction),
        ("/actions/{action}/sign-off", EditQualityAndEffectiveness),
        ("/actions/{action}/return-sign-off", EditQualityAndEffectiveness),
        ("/actions/{action}/cancel", EditQualityAndEffectiveness),
        ("/actions/{action}/close", EditQualityAndEffectiveness),
        ("/actions/{action}/reopen", EditQualityAndEffectiveness),
        ("/actions/{action}/edit", EditQualityAndEffectiveness),
        ("/actions/new?groupId={qe}", EditQualityAndEffectiveness),
        ("/actions/mine", Everyone),
        ("/actions", Everyone),
        ("/actions/overdue", Everyone),
        ("/actions/due-soon", Everyone),
        ("/actions/export?format=csv", Everyone),
        ("/groups/{qe}/actions", Everyone),
        ("/groups/{board}/actions", Everyone),
        ("/groups/{qe}/actions/export?format=xlsx", Everyone),
        ("/actions/import", ManageStructure),
        ("/actions/import/template?format=xlsx", ManageStructure),
        ("/account", Everyone),
        ("/account/change-password", Everyone),
        ("/account/two-factor", Everyone),
        ("/meetings", Everyone),
        ("/meetings/{meeting}", Everyone),
        ("/meetings/new", EditAnyGroup),
        ("/meetings/{meeting}/edit", EditQualityAndEffectiveness),
        ("/meetings/{meeting}/attendance", EditQualityAndEffectiveness),
        ("/meetings/{meeting}/agenda/new", EditQualityAndEffectiveness),
        ("/meetings/{meeting}/agenda/{agendaItem}", EditQualityAndEffectiveness),
        ("/groups/{qe}/meetings/new", EditQualityAndEffectiveness),
        ("/groups/{qe}/meetings/schedule", EditQualityAndEffectiveness),
        ("/groups/{board}/meetings/new", EditBoard),
        ("/papers/{paper}", Everyone),
        ("/papers/{paper}/purge", ManageUsers),
        ("/meetings/attendance", Everyone),
        ("/meetings/attendance/partner?organisationId={org}", Everyone),
        ("/meetings/attendance/agency?organisationId={agency}", Everyone),
        ("/meetings/attendance/letter?organisationId={agency}", Everyone),
        ("/meetings/attendance.csv?table=board", Everyone),
        ("/meetings/attendance.xlsx?table=agencies", Everyone),
        ("/meetings/{qeMeeting}/invite.ics", Everyone),
        ("/meetings/{qeMeeting}/invitations", EditQualityAndEffectiveness),
        ("/groups/{qe}/calendar", Everyone),
        ("/meetings/{meeting}/minutes", Everyone),
        ("/meetings/{meeting}/minutes/circulate", EditQualityAndEffectiveness),
        ("/meetings/{meeting}/minutes/approve", EditQualityAndEffectiveness),
        ("/meetings/{meeting}/minutes/change", EditQualityAndEffectiveness),
        ("/meetings/{meeting}/minutes/revisions", Everyone),
        ("/meetings/{meeting}/minutes/print", Everyone),
        ("/meetings/{meeting}/minutes.pdf", Everyone),
        ("/priorities", Everyone),
        ("/priorities/{priority}", Everyone),
        ("/priorities/new", ManageStructure),
        ("/priorities/{priority}/edit", ManageStructure),
        ("/escalations", ViewEscalations),
        ("/escalations?year=all&drift=true", ViewEscalations),
        ("/escalations/{escalation}", ViewEscalations),
        ("/escalations/new", ManageEscalations),
        ("/escalations/{escalation}/edit", ManageEscalations),
        ("/escalations/{escalation}/stage", ManageEscalations),
        ("/escalations/{escalation}/resolve", ManageEscalations),
        ("/escalations/{escalation}/reopen", ManageEscalations),
        ("/audit/Escalation/{escalation}", ViewAuditTrail),
        // Audits hold counts of cases, never a child's identity, so every member reads them; the team and the owning
        // group's chair or vice-chair (EditGroup on Quality and Effectiveness) change them. Planning one needs a group
        // the user may edit, as adding an action does.
        ("/audits", Everyone),
        ("/audits?year=2023-24&status=ActionsMonitored", Everyone),
        ("/audits/export?year=2023-24&format=csv", Everyone),
        ("/audits/export?year=2023-24&format=xlsx", Everyone),
        ("/audits/{audit}", Everyone),
        ("/audits/new", EditAnyGroup),
        ("/audits/new?reAuditOf={audit}", EditAnyGroup),
        ("/audits/{audit}/edit", EditQualityAndEffectiveness),
        ("/audits/{audit}/findings/new", EditQualityAndEffectiveness),
        ("/audits/{audit}/findings/{auditFinding}/edit", EditQualityAndEffectiveness),
        ("/audits/{audit}/findings/{auditFinding}/action", EditQualityAndEffectiveness),
        ("/audit/Audit/{audit}", ViewAuditTrail),
        ("/section11", Everyone),
        ("/section11/new", ManageSelfAssessments),
        ("/section11/new?kind=Section175", ManageSelfAssessments),
        ("/section11/{s11Round}", ViewSelfAssessments),
        ("/section11/export?format=csv", ViewSelfAssessments),
        ("/section11/{s11Round}/edit", ManageSelfAssessments),
        ("/section11/{s11Round}/organisations/new", ManageSelfAssessments),
        ("/section11/returns/{s11Return}/lead", ManageSelfAssessments),
        ("/section11/{s11Round}/returns/export?format=xlsx", ViewSelfAssessments),
        ("/section11/{s11Round}/matrix/export?format=csv", ViewSelfAssessments),
        // Readers of every return see it read-only; only its lead and the team change it (SelfAssessmentTests).
        ("/section11/returns/{s11Return}", ViewSelfAssessments),
        ("/section11/{s11Round}/check-and-challenge/new", ManageSelfAssessments),
        ("/section11/check-and-challenge/{s11Session}/edit", ManageSelfAssessments),
        // {s11Evidence} is on the ICB's submitted return: its lead, the team and every reader of returns open it.
        ("/section11/evidence/{s11Evidence}", ViewSelfAssessments),
        ("/section11/answers/{s11Answer}/action", ManageSelfAssessments),
        ("/scrutiny", Everyone),
        ("/scrutiny?year=all&organisationId={org}&open=true", Everyone),
        ("/scrutiny/activities/new", RecordScrutiny),
        ("/scrutiny/activities/{scrutinyActivity}/edit", RecordScrutiny),
        ("/scrutiny/challenges/new", RecordScrutiny),
        ("/scrutiny/challenges/{scrutinyChallenge}", Everyone),
        ("/scrutiny/challenges/{scrutinyChallenge}/edit", RecordScrutiny),
        ("/scrutiny/challenges/{scrutinyChallenge}/respond", RespondForIcb),
        ("/scrutiny/challenges/{scrutinyChallenge}/decision", RecordScrutiny),
        ("/scrutiny/plans/2024-25", Everyone),
        ("/scrutiny/plans/2026-27", Everyone),
        ("/scrutiny/plans/2024-25/edit", DraftScrutinyPlan),
        ("/scrutiny/plans/2024-25/items/new", DraftScrutinyPlan),
        ("/scrutiny/plans/2024-25/items/{scrutinyPlanItem}/edit", DraftScrutinyPlan),
        // {scrutinyRecommendation} is to the ICB and agreed: its DSP or the team records the response and raises actions.
        ("/scrutiny/recommendations/new", RecordScrutiny),
        ("/scrutiny/recommendations/{scrutinyRecommendation}", Everyone),
        ("/scrutiny/recommendations/{scrutinyRecommendation}/edit", RecordScrutiny),
        ("/scrutiny/recommendations/{scrutinyRecommendation}/respond", RespondForIcb),
        ("/scrutiny/recommendations/{scrutinyRecommendation}/action", RespondForIcb),
        ("/scrutiny/export?list=recommendations&format=csv&year=2024-25", Everyone),
        ("/scrutiny/export?list=activities&format=xlsx&year=2023-24", Everyone),
        ("/scorecard", Everyone),
        ("/scorecard?year=2023-24&period=2023-Q3&view=ChildProtection", Everyone),
        ("/performance/indicators", Everyone),
        ("/performance/indicators?view=Mash&archived=true", Everyone),
        ("/performance/indicators/{indicator}", Everyone),
        ("/performance/indicators/new", ManageStructure),
        ("/performance/indicators/{indicator}/edit", ManageStructure),
        ("/performance/indicators/{indicator}/comparators/new", ManageStructure),
        // The team, and whoever chairs a group today (each enters only their group's indicators: PerformanceTests).
        ("/performance/values", EditAnyGroup),
        ("/performance/values?period=2023-Q4", EditAnyGroup),
        ("/escalations/analysis", ViewEscalations),
        ("/escalations/analysis?year=2023-24", ViewEscalations),
        ("/escalations/analysis/export?year=2023-24&table=byRaisingAgency", ViewEscalations),
        // Every member may read the dashboard: its figures are on pages they already read, and the escalations
        // tile hides itself from those who may not see the register. The menu offers it to the roles that use it.
        ("/dashboard", Everyone),
        ("/dashboard?year=2023-24", Everyone),
        ("/dashboard/assurance?year=2023-24", Everyone),
        ("/dashboard/actions-by-group.csv", Everyone),
        ("/reports/yearly", Everyone),
        ("/reports/yearly/2023-24/workflow", Everyone),
        ("/reports/yearly/2024-25/workflow", Everyone),
        ("/reports/yearly/2024-25/sign-offs/{org}", PoliceSeat),
        ("/reports/yearly/2023-24/comments/new?section=foreword", ReviewReport),
        ("/reports/yearly/2023-24/comments/{reportComment}/respond", EditReport),
        ("/reports/yearly/2023-24/recipients/new", EditReport),
        ("/reports/yearly/2023-24/recipients/{reportRecipient}/sent", EditReport),
        ("/dashboard/actions-by-group.xlsx", Everyone),
        // A group's dashboard is read like the group's pages; the menu and sign-in offer it to its chair.
        ("/groups/{qe}/dashboard", Everyone),
        ("/groups/{board}/dashboard", Everyone),
        ("/groups/{qe}/dashboard/attendance.csv", Everyone),
        ("/groups/{qe}/dashboard/attendance.xlsx", Everyone),
        ("/dashboard/chair", Everyone),
        // The partner dashboard: each partner's current lead or delegated partner, and the team for any partner.
        ("/dashboard/partner", Partners),
        ("/dashboard/partner?organisationId={org}", PartnerOfOrg),
        ("/my-work", Everyone),
        // The yearly report's draft and readiness: every member reads them. The team writes the text; the
        // independent scrutineer may also write the foreword and their own comment.
        ("/reports/yearly/2023-24/draft", Everyone),
        ("/reports/yearly/2023-24/readiness", Everyone),
        // The draft's figures files (2024-25 is not published): every member, as the draft.
        ("/reports/yearly/2024-25/figures.csv", Everyone),
        ("/reports/yearly/2024-25/figures.json", Everyone),
        // Recording why the report does not cover an item: the team, who draft it.
        ("/reports/yearly/2024-25/readiness/voice/reason", EditReport),
        ("/reports/yearly/2024-25/sections/foreword", EditReportOrScrutineer),
        ("/reports/yearly/2024-25/sections/scrutineer-comment", EditReportOrScrutineer),
        ("/reports/yearly/2024-25/sections/commentary:governance", EditReport),
        ("/reports/yearly/2024-25/sections/impact:governance", EditReport),
        ("/reports/yearly/2024-25/sections/foreword-signatories", EditReportOrScrutineer),
        ("/reports/yearly/2024-25/sections/local-context", EditReport),
        ("/reports/yearly/2024-25/sections/foreword/history", Everyone),
        // The menu's hub pages: anyone may open one that lists a page they may open.
        ("/partnership", Everyone),
        ("/admin", ViewAuditTrail),
    ];

    private static IReadOnlySet<string> AnonymousAllowList => DemoRoutes.AnonymousAllowList;


    public static TheoryData<string, string, bool> Matrix()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var (url, allowed) in Pages)
        {
            foreach (var who in Demo.Users)
            {
                data.Add(who, url, allowed.Contains(who));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task GetPage_AsEachDemoUser_ServedOnlyWhenPolicyAllows(string who, string page, bool allowed)
    {
        var client = await factory.ClientAsync(who);

        var response = await client.GetAsync(factory.Fill(page));

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.True(response.IsDenied(), $"{who} GET {page}: expected a refusal, got {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [Fact]
    public async Task DeniedPage_FollowingTheRedirect_ShowsForbiddenPageWith403()
    {
        var client = await factory.ClientAsync("member");
        var denied = await client.GetAsync("/users");

        var page = await client.GetAsync(denied.Headers.Location);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain("Invite a user", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Matrix_CoversEverySignedInGetPage()
    {
        var urls = Pages.Select(p => factory.Fill(p.Url).Split('?')[0].Trim('/')).ToList();

        var missing = factory.Endpoints()
            .Where(e => e.Methods.Contains("GET") && !AnonymousAllowList.Contains(e.Pattern))
            .Where(e => !urls.Any(url => DemoRoutes.Matcher(e.Pattern).IsMatch(url)))
            .Select(e => e.Pattern)
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Endpoints_AllowingAnonymous_AreOnlyThoseOnTheAllowList()
    {
        var endpoints = factory.Endpoints();

        var anonymous = endpoints.Where(e => e.Anonymous).Select(e => e.Pattern).Distinct().Order().ToList();

        Assert.True(endpoints.Count > 40, $"Only {endpoints.Count} endpoints found: is the data source the right one?");
        Assert.All(anonymous, pattern => Assert.Contains(pattern, AnonymousAllowList));
        Assert.Contains("account/login", anonymous);
        Assert.Contains("health", anonymous);
    }

    [Fact]
    public async Task EveryProtectedEndpoint_Anonymous_RedirectsToLoginAndWritesNothing()
    {
        var client = factory.Anonymous();
        // The route values include meeting records made on first use; make them before counting the audit trail.
        _ = factory.RouteValues();
        var auditBefore = factory.Query(db => db.AuditEntries.Count());
        var failures = new List<string>();
        var tried = 0;

        foreach (var endpoint in factory.Endpoints().Where(e => !AnonymousAllowList.Contains(e.Pattern)))
        {
            var url = factory.FillPattern(endpoint.Pattern);
            foreach (var method in endpoint.Methods.Intersect(["GET", "POST"]))
            {
                tried++;
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method == "POST")
                {
                    request.Content = new FormUrlEncodedContent([new("Name", "Anonymous write")]);
                }

                var response = await client.SendAsync(request);
                if (!response.IsLoginRedirect())
                {
                    failures.Add($"{method} {url}: {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.True(tried > 40, $"Only {tried} requests made");
        Assert.Empty(failures);
        Assert.Equal(auditBefore, factory.Query(db => db.AuditEntries.Count()));
    }

    [Theory]
    [InlineData("/accessibility")]
    [InlineData("/cookies")]
    [InlineData("/account/login")]
    [InlineData("/account/forgot-password")]
    [InlineData("/account/reset-password")]
    [InlineData("/health")]
    public async Task AllowListedPage_Anonymous_IsServed(string url)
    {
        var response = await factory.Anonymous().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/account/login/two-factor")]
    [InlineData("/account/login/recovery-code")]
    public async Task SecondStepLoginPage_WithoutFirstStep_GoesBackToLogin(string url)
    {
        var response = await factory.Anonymous().GetAsync(url);

        Assert.True(response.IsLoginRedirect(), $"{(int)response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task CreateOrganisation_PostedByMember_IsDeniedAndWritesNothing()
    {
        var client = await factory.ClientAsync("member");
        var before = factory.Query(db => db.Organisations.Count());

        var response = await client.PostFormAsync("/organisations/new",
            new() { ["Name"] = "Member's agency", ["Sector"] = "Other" }, formPage: "/organisations");

        Assert.True(response.IsDenied(), $"{(int)response.StatusCode} {response.Headers.Location}");
        Assert.Equal(before, factory.Query(db => db.Organisations.Count()));
    }

    [Fact]
    public async Task AddMemberToBoard_PostedByQualityChair_IsDeniedAndWritesNothing()
    {
        var client = await factory.ClientAsync("qe.chair");
        var board = factory.GroupId(Demo.Board);
        var before = factory.Query(db => db.GroupMemberships.Count());

        var response = await client.PostFormAsync($"/groups/{board}/members/new",
            new()
            {
                ["PersonId"] = factory.PersonId("Claire Ashdown").ToString(),
                ["Role"] = "Member",
                ["From"] = "2026-01-01",
            },
            formPage: $"/groups/{board}");

        Assert.True(response.IsDenied(), $"{(int)response.StatusCode} {response.Headers.Location}");
        Assert.Equal(before, factory.Query(db => db.GroupMemberships.Count()));
    }

    [Fact]
    public async Task EditGroupPage_ForQualityChair_ShowsEditLinkOnlyOnOwnGroup()
    {
        var client = await factory.ClientAsync("qe.chair");
        var qe = factory.GroupId(Demo.QualityAndEffectiveness);
        var board = factory.GroupId(Demo.Board);

        var own = await client.GetStringAsync($"/groups/{qe}");
        var other = await client.GetStringAsync($"/groups/{board}");

        Assert.Contains($"href=\"/groups/{qe}/edit\"", own, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/groups/{board}/edit\"", other, StringComparison.Ordinal);
    }
}
