using System.Text.RegularExpressions;
using HscpPortal.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.IntegrationTests.Infrastructure;

public sealed record EndpointInfo(string Pattern, IReadOnlyList<string> Methods, bool Anonymous);

/// <summary>
/// The app's endpoints enumerated from its EndpointDataSource, and their route patterns filled with real demo ids,
/// so that sweeps over every endpoint (RoleAccessTests, SecuritySuiteTests) cover a new endpoint by themselves.
/// </summary>
public static partial class DemoRoutes
{
    /// <summary>Routes anyone may use without signing in (route patterns as the endpoints declare them).</summary>
    public static readonly IReadOnlySet<string> AnonymousAllowList = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
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

        // The figures behind the published report are open data, frozen with it; before publication they too answer
        // only to signed-in readers (ReportFiguresTests).
        "reports/yearly/{year}/figures.csv",
        "reports/yearly/{year}/figures.json",
    };

    /// <summary>A page template with {placeholders} (names of <see cref="RouteValues"/>) filled from the demo data.</summary>
    public static string Fill(this PortalFactory factory, string template)
    {
        var values = factory.RouteValues();
        return Placeholder().Replace(template, m => values[m.Groups[1].Value]);
    }

    /// <summary>Route values for every placeholder in a route pattern, taken from the demo data.</summary>
    public static string FillPattern(this PortalFactory factory, string pattern)
    {
        var values = factory.RouteValues();
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
                "audits" => values["audit"],
                "performance" => values["indicator"],
                "section11" when pattern.Contains("/returns/", StringComparison.Ordinal) => values["s11Return"],
                "section11" when pattern.Contains("/check-and-challenge/{id", StringComparison.Ordinal) => values["s11Session"],
                "section11" when pattern.Contains("/evidence/", StringComparison.Ordinal) => values["s11Evidence"],
                "section11" => values["s11Round"],
                "reports" when pattern.Contains("/comments/", StringComparison.Ordinal) => values["reportComment"],
                "reports" => values["reportRecipient"],
                _ => throw new InvalidOperationException($"No demo value for {{id}} in {pattern}"),
            },
            "memberId" => values["qeMember"],
            "meetingId" => values["meeting"],
            "groupId" => values["qe"],
            "findingId" => values["auditFinding"],
            "answerId" => values["s11Answer"],
            "activityId" => values["scrutinyActivity"],
            "challengeId" => values["scrutinyChallenge"],
            "itemId" => values["scrutinyPlanItem"],
            "planId" => values["scrutinyPlan"],
            "recommendationId" => values["scrutinyRecommendation"],
            "comparatorId" => values["comparator"],
            "paperId" => values["paper"],
            "type" => nameof(Organisation),
            // The published 2023-24 report for its public pages; the 2024-25 draft, still editable, for its editors.
            // The first scrutiny plan is 2024-25's (2023-24 had none).
            "year" => pattern.Contains("/sections/", StringComparison.Ordinal) || pattern.Contains("scrutiny/plans/", StringComparison.Ordinal) ? "2024-25" : "2023-24",
            "organisationId" => values["org"],
            "key" => "foreword",
            var other => throw new InvalidOperationException($"No demo value for {{{other}}} in {pattern}"),
        });
    }

    /// <summary>
    /// Demo ids for route placeholders, made once per fixture: a meeting with a paper, a Q&amp;E and a board meeting,
    /// a decision, an action, an escalation, a report comment and recipient of its own.
    /// </summary>
    public static IReadOnlyDictionary<string, string> RouteValues(this PortalFactory factory) => factory.Memo("access-values", f =>
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
            // The demo's assessments-in-45-days indicator, and a comparator of the section 47 rate.
            ["indicator"] = f.Query(db => db.Indicators.Where(i => i.Code == "CSC-01").Select(i => i.Id).First()).ToString(),
            ["comparator"] = f.Query(db => db.IndicatorComparators.OrderBy(c => c.Id).Select(c => c.Id).First()).ToString(),
            // The demo's strategy meetings audit (2023-24) and one of its areas for improvement.
            ["audit"] = f.Query(db => db.Audits.Where(a => a.Title == "Strategy meetings multi-agency audit").Select(a => a.Id).First()).ToString(),
            ["auditFinding"] = f.Query(db => db.AuditFindings
                .Where(x => x.Audit!.Title == "Strategy meetings multi-agency audit" && x.Kind == FindingKind.AreaForImprovement)
                .OrderBy(x => x.Id).Select(x => x.Id).First()).ToString(),
            // The demo's open 2025 Section 11 round, the police's return to it (not started), and a 2023 rating that proposes an action.
            ["s11Round"] = f.Query(db => db.SelfAssessmentRounds.Where(r => r.Title == "Section 11 self-assessment 2025").Select(r => r.Id).First()).ToString(),
            ["s11Return"] = f.Query(db => db.SelfAssessmentReturns
                .Where(x => x.Round!.Title == "Section 11 self-assessment 2025" && x.Organisation!.Name == Demo.Police).Select(x => x.Id).First()).ToString(),
            ["s11Answer"] = f.Query(db => db.SelfAssessmentAnswers
                .Where(a => a.Return!.Round!.Title == "Section 11 self-assessment 2023" && a.Return.Organisation!.Name == Demo.Police && a.StandardNumber == 10)
                .Select(a => a.Id).First()).ToString(),
            // The first check and challenge session of the 2023 round, and an evidence file on the ICB's submitted 2025 return.
            ["s11Session"] = f.Query(db => db.CheckChallengeSessions.Where(s => s.Round!.Title == "Section 11 self-assessment 2023").OrderBy(s => s.HeldOn).Select(s => s.Id).First()).ToString(),
            ["s11Evidence"] = f.AddEvidenceFile("Section 11 self-assessment 2025", "NHS Herefordshire and Worcestershire Integrated Care Board", 1).ToString(),
            ["scrutinyPlan"] = f.Query(db => db.ScrutinyPlans.Where(p => p.StartYear == 2024).Select(p => p.Id).First()).ToString(),
            // The demo's first check and challenge session (2023-24), and its challenge to the ICB on conference attendance.
            ["scrutinyActivity"] = f.Query(db => db.ScrutinyActivities.Where(a => a.Kind == ScrutinyActivityKind.CheckAndChallenge).OrderBy(a => a.HeldOn).Select(a => a.Id).First()).ToString(),
            ["scrutinyChallenge"] = f.Query(db => db.ScrutinyChallenges.Where(c => c.Title == "Health attendance at review child protection conferences").Select(c => c.Id).First()).ToString(),
            // The demo's first scrutiny plan (2024-25) and a recommendation to the ICB, agreed, so an action may be raised from it.
            ["scrutinyPlanItem"] = f.Query(db => db.ScrutinyPlanItems.Where(i => i.Plan!.StartYear == 2024).OrderBy(i => i.Id).Select(i => i.Id).First()).ToString(),
            ["scrutinyRecommendation"] = f.Query(db =>
            {
                var recommendation = new ScrutinyRecommendation
                {
                    Title = "Access test", Detail = "Access test", MadeOn = new DateOnly(2024, 5, 1),
                    OrganisationId = db.Organisations.Where(o => o.StatutoryPartner == StatutoryPartner.IntegratedCareBoard).Select(o => o.Id).First(),
                    Response = RecommendationResponse.Agreed, ResponseText = "Agreed", RespondedOn = new DateOnly(2024, 5, 20),
                };
                db.ScrutinyRecommendations.Add(recommendation);
                db.SaveChanges();
                return recommendation.Id;
            }).ToString(),
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


    /// <summary>Every routed endpoint the app maps, as the router sees it (the EndpointDataSource).</summary>
    public static List<EndpointInfo> Endpoints(this PortalFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => new EndpointInfo(
                e.RoutePattern.RawText!.Trim('/'),
                e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToList() ?? ["GET", "POST"],
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null))
            .ToList();

    /// <summary>A route pattern as a regular expression over paths: "groups/{id:int}/edit" matches "groups/12/edit".</summary>
    public static Regex Matcher(string pattern) =>
        new("^" + Placeholder().Replace(Regex.Escape(pattern).Replace(@"\{", "{", StringComparison.Ordinal), m =>
            m.Groups[1].Value.EndsWith(":int", StringComparison.Ordinal) ? @"\d+" : "[^/]+") + "$", RegexOptions.IgnoreCase);

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex Placeholder();
}
