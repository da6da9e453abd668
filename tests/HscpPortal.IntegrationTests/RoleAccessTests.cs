using System.Net;
using System.Text.RegularExpressions;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// Every role against every page: exactly what Security/Policies.cs grants, and nothing reachable anonymously
/// except the public allow-list.
/// </summary>
public partial class RoleAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
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

    // UpdateAction on the Q&E action below: those who edit Q&E, and its owner Ian Fairbairn (police.partner).
    private static readonly string[] UpdateQualityAction = ["admin", "team", "qe.chair", "police.partner"];

    // The yearly report: the team edits and publishes it (EditReport, PublishReport); the scrutineer and the
    // partners also review it.
    private static readonly string[] EditReport = ["admin", "team"];
    private static readonly string[] ReviewReport = ["admin", "team", "scrutineer", "council.partner", "icb.partner", "police.partner"];

    /// <summary>Each page with the users who may open it. Placeholders in braces are filled from the demo data.</summary>
    private static readonly (string Url, string[] Allowed)[] Pages =
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
        ("/people", Everyone),
        ("/people/{person}", Everyone),
        ("/people/new", ManageStructure),
        ("/people/{person}/edit", ManageStructure),
        ("/representation", Everyone),
        ("/representation/new", ManageStructure),
        ("/representation/{appointment}/edit", ManageStructure),
        ("/audit", ViewAuditTrail),
        ("/audit/Organisation/{org}", Everyone),
        ("/admin/bank-holidays", ManageStructure),
        ("/users", ManageUsers),
        ("/users/new", ManageUsers),
        ("/users/{user}", ManageUsers),
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
        ("/meetings/{meeting}/edit", EditQualityAndEffectiveness),
        ("/meetings/{meeting}/attendance", EditQualityAndEffectiveness),
        ("/meetings/{meeting}/agenda/new", EditQualityAndEffectiveness),
        ("/meetings/{meeting}/agenda/{agendaItem}", EditQualityAndEffectiveness),
        ("/groups/{qe}/meetings/new", EditQualityAndEffectiveness),
        ("/groups/{qe}/meetings/schedule", EditQualityAndEffectiveness),
        ("/groups/{board}/meetings/new", EditBoard),
        ("/papers/{paper}", Everyone),
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
        ("/audit/Escalation/{escalation}", ViewEscalations),
        ("/escalations/analysis", ViewEscalations),
        ("/escalations/analysis?year=2023-24", ViewEscalations),
        ("/escalations/analysis/export?year=2023-24&table=byRaisingAgency", ViewEscalations),
        // Every member may read the dashboard: its figures are on pages they already read, and the escalations
        // tile hides itself from those who may not see the register. The menu offers it to the roles that use it.
        ("/dashboard", Everyone),
        ("/dashboard?year=2023-24", Everyone),
        ("/dashboard/actions-by-group.csv", Everyone),
        ("/reports/yearly", Everyone),
        ("/reports/yearly/2023-24/workflow", Everyone),
        ("/reports/yearly/2024-25/workflow", Everyone),
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
        ("/reports/yearly/2024-25/sections/foreword", EditReportOrScrutineer),
        ("/reports/yearly/2024-25/sections/scrutineer-comment", EditReportOrScrutineer),
        ("/reports/yearly/2024-25/sections/commentary:governance", EditReport),
        ("/reports/yearly/2024-25/sections/local-context", EditReport),
        ("/reports/yearly/2024-25/sections/foreword/history", Everyone),
    ];

    /// <summary>Routes anyone may use without signing in (route patterns as the endpoints declare them).</summary>
    private static readonly HashSet<string> AnonymousAllowList = new(StringComparer.OrdinalIgnoreCase)
    {
        "account/login",
        "account/login/two-factor",
        "account/login/recovery-code",
        "account/forgot-password",
        "account/reset-password",
        "error/{code:int}",
        "accessibility",
        "cookies",
        "health",

        // Calendar apps cannot sign in; the feed answers only to the group's secret token (CalendarTests).
        "groups/{id:int}/calendar.ics",

        // The unsubscribe link in reminder emails must work from the email without signing in; it answers only to a
        // data-protected token naming the person, and the GET only asks (ReminderTests).
        "reminders/unsubscribe",

        // The published yearly report is public (a statutory publication); before publication both answer only to
        // signed-in readers (ReportWorkflowTests).
        "reports/yearly/{year}",
        "reports/yearly/{year}.pdf",
    };

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

        var response = await client.GetAsync(Fill(page));

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
        var urls = Pages.Select(p => Fill(p.Url).Split('?')[0].Trim('/')).ToList();

        var missing = Endpoints()
            .Where(e => e.Methods.Contains("GET") && !AnonymousAllowList.Contains(e.Pattern))
            .Where(e => !urls.Any(url => Matcher(e.Pattern).IsMatch(url)))
            .Select(e => e.Pattern)
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Endpoints_AllowingAnonymous_AreOnlyThoseOnTheAllowList()
    {
        var endpoints = Endpoints();

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
        _ = Values();
        var auditBefore = factory.Query(db => db.AuditEntries.Count());
        var failures = new List<string>();
        var tried = 0;

        foreach (var endpoint in Endpoints().Where(e => !AnonymousAllowList.Contains(e.Pattern)))
        {
            var url = FillPattern(endpoint.Pattern);
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

    private string Fill(string template)
    {
        var values = Values();
        return Placeholder().Replace(template, m => values[m.Groups[1].Value]);
    }

    /// <summary>Route values for every placeholder in a route pattern, taken from the demo data.</summary>
    private string FillPattern(string pattern)
    {
        var values = Values();
        var area = pattern.Split('/')[0].ToLowerInvariant();
        return "/" + Placeholder().Replace(pattern, m => m.Groups[1].Value.Split(':')[0] switch
        {
            "id" when pattern.Contains("/agenda/{id", StringComparison.Ordinal) => values["agendaItem"],
            "id" => area switch
            {
                "meetings" => values["meeting"],
                "papers" => values["paper"],
                "groups" => values["qe"],
                "organisations" => values["org"],
                "people" => values["person"],
                "representation" => values["appointment"],
                "users" => values["user"],
                "audit" => values["org"],
                "decisions" => values["decision"],
                "actions" => values["action"],
                "priorities" => values["priority"],
                "escalations" => values["escalation"],
                "reports" when pattern.Contains("/comments/", StringComparison.Ordinal) => values["reportComment"],
                "reports" => values["reportRecipient"],
                _ => throw new InvalidOperationException($"No demo value for {{id}} in {pattern}"),
            },
            "memberId" => values["qeMember"],
            "meetingId" => values["meeting"],
            "groupId" => values["qe"],
            "paperId" => values["paper"],
            "type" => nameof(Organisation),
            // The published 2023-24 report for its public pages; the 2024-25 draft, still editable, for its editors.
            "year" => pattern.Contains("/sections/", StringComparison.Ordinal) ? "2024-25" : "2023-24",
            "organisationId" => values["org"],
            "key" => "foreword",
            var other => throw new InvalidOperationException($"No demo value for {{{other}}} in {pattern}"),
        });
    }

    private IReadOnlyDictionary<string, string> Values() => factory.Memo("access-values", f =>
    {
        var qe = f.GroupId(Demo.QualityAndEffectiveness);
        var meeting = f.AddMeetingWithPaper(qe);
        var (qeMeeting, qeItems) = f.AddMeeting(Demo.QualityAndEffectiveness, new DateOnly(2019, 1, 14), quorate: false);
        var boardMeeting = f.AddMeeting(Demo.Board, new DateOnly(2019, 1, 21), quorate: true).Id;
        return (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["qe"] = qe.ToString(),
            ["board"] = f.GroupId(Demo.Board).ToString(),
            ["qeMember"] = f.Query(db => db.GroupMemberships.Where(m => m.GroupId == qe).Select(m => m.Id).First()).ToString(),
            ["org"] = f.OrganisationId(Demo.Police).ToString(),
            ["person"] = f.PersonId("Ian Fairbairn").ToString(),
            ["appointment"] = f.Query(db => db.PartnerRepresentatives.Select(r => r.Id).First()).ToString(),
            ["user"] = f.UserId("member"),
            ["meeting"] = meeting.MeetingId.ToString(),
            ["agendaItem"] = meeting.AgendaItemId.ToString(),
            ["paper"] = meeting.PaperId.ToString(),
            ["qeMeeting"] = qeMeeting.ToString(),
            ["boardMeeting"] = boardMeeting.ToString(),
            ["decision"] = f.AddDecision(qeMeeting, qeItems[1], "Adopt the audit programme", isKey: true).ToString(),
            ["action"] = f.AddAction(qeMeeting, qeItems[1], "Circulate the audit programme", "Ian Fairbairn", new DateOnly(2019, 3, 31)).ToString(),
            ["agency"] = f.OrganisationId(Demo.Diocese).ToString(),
            ["priority"] = f.Query(db => db.Priorities.Select(p => p.Id).First()).ToString(),
            ["escalation"] = f.AddEscalation(new DateOnly(2019, 2, 4)).ToString(),
            ["reportComment"] = f.Query(db =>
            {
                var comment = new ReportReviewComment { ReportId = db.YearlyReports.Single(r => r.StartYear == 2023).Id, SectionKey = "foreword", Text = "Access test" };
                db.ReportReviewComments.Add(comment);
                db.SaveChanges();
                return comment.Id;
            }).ToString(),
            ["reportRecipient"] = f.Query(db =>
            {
                var recipient = new ReportRecipient { ReportId = db.YearlyReports.Single(r => r.StartYear == 2023).Id, Name = "Access test", DueOn = new DateOnly(2024, 10, 3) };
                db.ReportRecipients.Add(recipient);
                db.SaveChanges();
                return recipient.Id;
            }).ToString(),
        };
    });

    private sealed record EndpointInfo(string Pattern, IReadOnlyList<string> Methods, bool Anonymous);

    private List<EndpointInfo> Endpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => new EndpointInfo(
                e.RoutePattern.RawText!.Trim('/'),
                e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToList() ?? ["GET", "POST"],
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null))
            .ToList();

    /// <summary>A route pattern as a regular expression over paths: "groups/{id:int}/edit" matches "groups/12/edit".</summary>
    private static Regex Matcher(string pattern) =>
        new("^" + Placeholder().Replace(Regex.Escape(pattern).Replace(@"\{", "{", StringComparison.Ordinal), m =>
            m.Groups[1].Value.EndsWith(":int", StringComparison.Ordinal) ? @"\d+" : "[^/]+") + "$", RegexOptions.IgnoreCase);

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex Placeholder();
}
