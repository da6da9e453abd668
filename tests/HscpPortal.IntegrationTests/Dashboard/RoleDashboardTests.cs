using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// The chair's, the partner's and "my work" dashboards over the demo data: each figure equals a direct count and
/// its link lists exactly those records; who may see each; and where each role lands after signing in.
/// </summary>
public class RoleDashboardTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static DateOnly Today() => UkTime.Today(TimeProvider.System);

    private static readonly ActionStatus[] Finished = [ActionStatus.Completed, ActionStatus.Closed, ActionStatus.Cancelled];

    private int Qe => factory.GroupId(Demo.QualityAndEffectiveness);

    // Before the demo's own next meeting (at least 24 days away): the chair's dashboard is about the next one.
    private int NextQeMeeting() => factory.Memo("next-qe-meeting", f => f.AddMeeting(
        Demo.QualityAndEffectiveness, Today().AddDays(20), quorate: false, MeetingStatus.Scheduled, "Next Q&E", "Apologies", "Audit findings").Id);

    private async Task<IHtmlDocument> GetAsync(string who, string url) => await (await factory.ClientAsync(who)).GetDocumentAsync(url);

    private async Task<IHtmlDocument> OpenAsync(string href) => await (await factory.ClientAsync("team")).GetDocumentAsync(WebUtility.HtmlDecode(href));

    private static int Number(IElement element) =>
        int.Parse((element.QuerySelector("a")?.ChildNodes.FirstOrDefault()?.TextContent ?? element.ChildNodes.FirstOrDefault()?.TextContent ?? element.TextContent).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static int TrackerCount(IHtmlDocument list) =>
        int.Parse(list.QuerySelector("#action-counts")!.TextContent.Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    private static int EscalationCount(IHtmlDocument list)
    {
        var caption = list.QuerySelector("table caption");
        return caption is null ? 0 : int.Parse(caption.TextContent.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static string Href(IHtmlDocument page, string selector) => page.QuerySelector(selector)!.GetAttribute("href")!;

    // Chair dashboard

    [Fact]
    public async Task ChairDashboard_QualityChair_ShowsTheGroupsNextMeetingAndActionPlan()
    {
        NextQeMeeting();
        var page = await GetAsync("qe.chair", $"/groups/{Qe}/dashboard");
        var today = Today();
        var next = factory.Query(db => db.Meetings.AsNoTracking()
            .Where(m => m.GroupId == Qe && m.ArchivedAt == null && m.Status == MeetingStatus.Scheduled && m.Date >= today)
            .OrderBy(m => m.Date).ThenBy(m => m.Start).ThenBy(m => m.Id)
            .Select(m => new { m.Id, Items = m.AgendaItems.Count(i => i.ArchivedAt == null) })
            .FirstOrDefault());

        Assert.Equal(Demo.QualityAndEffectiveness, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(next);
        Assert.Equal(NextQeMeeting(), next.Id);
        Assert.Equal($"/meetings/{next.Id}", Href(page, "#next-meeting-link"));
        Assert.Equal(next.Items, int.Parse(page.QuerySelector("#agenda-items")!.TextContent, CultureInfo.InvariantCulture));
        Assert.Equal(2, next.Items);
        // Neither item is for decision or assurance, so no paper is missing.
        Assert.Equal("Ready", page.QuerySelector("#agenda-status")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#tile-action-plan"));
    }

    [Fact]
    public async Task ActionPlanTile_Rag_EqualsDirectCountsAndThePlanListsTheSame()
    {
        var page = await GetAsync("qe.chair", $"/groups/{Qe}/dashboard");
        var today = Today();
        var rags = factory.Query(db => db.Actions.AsNoTracking().Where(a => a.GroupId == Qe && a.ArchivedAt == null)
            .Select(a => new { a.Status, a.DueDate }).ToList()).Select(a => ActionRag.Of(a.Status, a.DueDate, today)).ToList();

        foreach (var rag in new[] { Rag.Red, Rag.Amber, Rag.Green, Rag.Complete })
        {
            var link = page.QuerySelector($"#action-plan-{rag.ToString().ToLowerInvariant()}")!;
            Assert.Equal(rags.Count(r => r == rag), Number(link));
            Assert.StartsWith($"/groups/{Qe}/actions?rag={rag}", WebUtility.HtmlDecode(link.GetAttribute("href")!), StringComparison.Ordinal);
            Assert.Equal(Number(link), TrackerCount(await OpenAsync(link.GetAttribute("href")!)));
        }
    }

    [Fact]
    public async Task DueBeforeMeetingTile_EqualsDirectCountAndThePlanListsTheSame()
    {
        NextQeMeeting();
        var page = await GetAsync("qe.chair", $"/groups/{Qe}/dashboard");
        var today = Today();
        var next = factory.Query(db => db.Meetings.AsNoTracking()
            .Where(m => m.GroupId == Qe && m.ArchivedAt == null && m.Status == MeetingStatus.Scheduled && m.Date >= today)
            .OrderBy(m => m.Date).Select(m => m.Date).First());
        var open = factory.Query(db => db.Actions.AsNoTracking()
            .Where(a => a.GroupId == Qe && a.ArchivedAt == null && !Finished.Contains(a.Status)).Select(a => a.DueDate).ToList());

        Assert.Equal(open.Count(d => d <= next), Number(page.QuerySelector("#due-before-meeting")!));
        Assert.Equal(open.Count(d => d < today), Number(page.QuerySelector("#due-before-meeting-overdue")!));
        Assert.Equal(open.Count(d => d <= next), TrackerCount(await OpenAsync(Href(page, "#due-before-meeting"))));
        Assert.Equal(open.Count(d => d < today), TrackerCount(await OpenAsync(Href(page, "#due-before-meeting-overdue"))));
    }

    [Fact]
    public async Task MemberAttendanceTile_EqualsDirectCountsAndItsHeldLinkListsTheMeetings()
    {
        var page = await GetAsync("qe.chair", $"/groups/{Qe}/dashboard");
        var year = ReportingYear.Containing(Today());
        var lines = factory.Query(db => db.Attendance.AsNoTracking()
            .Where(a => a.Kind == AttendeeKind.Invitee && a.Meeting!.GroupId == Qe && a.Meeting.ArchivedAt == null
                && a.Meeting.Status == MeetingStatus.Held && a.Meeting.Date >= year.Start && a.Meeting.Date <= year.End)
            .Select(a => new { a.MeetingId, a.Organisation!.Name, a.Status }).ToList());
        var held = factory.Query(db => db.Meetings.Count(m => m.GroupId == Qe && m.ArchivedAt == null
            && m.Status == MeetingStatus.Held && m.Date >= year.Start && m.Date <= year.End));

        Assert.Equal(held, Number(page.QuerySelector("#member-attendance-held")!));
        var meetings = await OpenAsync(Href(page, "#member-attendance-held"));
        Assert.Equal(held, meetings.QuerySelectorAll("main table tbody tr").Length);
        var rows = page.QuerySelectorAll("#member-attendance tbody tr").Where(r => r.QuerySelector("th") is not null).ToList();
        Assert.Equal(lines.Select(l => l.Name).Distinct().Count(), rows.Count);
        foreach (var row in rows)
        {
            var name = row.QuerySelector("th a")!.ChildNodes[0].TextContent.Trim();
            var cells = row.QuerySelectorAll("td");
            var mine = lines.Where(l => l.Name == name).ToList();
            Assert.Equal(mine.Select(l => l.MeetingId).Distinct().Count(), Number(cells[0]));
            Assert.Equal(mine.Where(l => l.Status is AttendanceStatus.Present or AttendanceStatus.LeftEarly or AttendanceStatus.Deputised)
                .Select(l => l.MeetingId).Distinct().Count(), Number(cells[1]));
        }
    }

    [Fact]
    public async Task ChairList_QualityChair_ListsTheirGroupsDashboard()
    {
        var page = await GetAsync("qe.chair", "/dashboard/chair");

        Assert.Equal([$"/groups/{Qe}/dashboard"], page.QuerySelectorAll("#chaired-groups a").Select(a => a.GetAttribute("href")!));
    }

    [Fact]
    public async Task ChairLanding_Member_SaysTheyChairNoGroup()
    {
        var page = await GetAsync("member", "/dashboard/chair");

        Assert.Null(page.QuerySelector("#chaired-groups"));
        Assert.Contains("do not chair", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChairDashboard_UnknownGroup_NotFound()
    {
        var response = await (await factory.ClientAsync("team")).GetAsync("/groups/999999/dashboard");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("csv", "text/csv")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task AttendanceExport_Chair_DownloadsTheTable(string format, string type)
    {
        var response = await (await factory.ClientAsync("qe.chair")).GetAsync($"/groups/{Qe}/dashboard/attendance.{format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        if (format == "csv")
        {
            Assert.StartsWith("Organisation,Meetings expected at,Meetings attended,Attended %", (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
        }
    }

    // Partner dashboard

    [Fact]
    public async Task PartnerDashboard_PolicePartner_OverdueActionsEqualDirectCountAndTheTrackerListsThem()
    {
        var page = await GetAsync("police.partner", "/dashboard/partner");
        var today = Today();
        var police = factory.OrganisationId(Demo.Police);
        var open = factory.Query(db => db.Actions.AsNoTracking()
            .Where(a => a.OwnerOrganisationId == police && a.ArchivedAt == null && !Finished.Contains(a.Status)).Select(a => a.DueDate).ToList());

        Assert.Equal(Demo.Police, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(open.Count(d => d < today), Number(page.QuerySelector("#agency-overdue")!));
        Assert.Equal(open.Count, Number(page.QuerySelector("#agency-open")!));
        Assert.Equal(open.Count(d => d < today), TrackerCount(await OpenAsync(Href(page, "#agency-overdue"))));
        Assert.Equal(open.Count, TrackerCount(await OpenAsync(Href(page, "#agency-open"))));
        Assert.NotNull(page.QuerySelector("#tile-ratification"));
    }

    [Theory]
    [InlineData("police.partner", Demo.Police)]
    [InlineData("council.partner", Demo.Council)]
    public async Task EscalationsReceivedTile_EqualsDirectCountsAndTheRegisterListsThem(string who, string organisation)
    {
        var page = await GetAsync(who, "/dashboard/partner");
        var id = factory.OrganisationId(organisation);
        var received = factory.Query(db => db.Escalations.AsNoTracking().Where(e => e.ArchivedAt == null && e.ConcernedOrganisationId == id)
            .Select(e => new { e.CurrentStage, Open = e.ResolvedOn == null }).ToList());

        Assert.Equal(received.Count(e => e.Open), Number(page.QuerySelector("#received-open")!));
        Assert.Equal(received.Count, Number(page.QuerySelector("#received-all")!));
        Assert.Equal(received.Count(e => e.Open), EscalationCount(await OpenAsync(Href(page, "#received-open"))));
        Assert.Equal(received.Count, EscalationCount(await OpenAsync(Href(page, "#received-all"))));
        foreach (var link in page.QuerySelectorAll("#received-by-stage tbody td a"))
        {
            var stage = int.Parse(WebUtility.HtmlDecode(link.GetAttribute("href")!).Split("stage=")[1], CultureInfo.InvariantCulture);
            Assert.Equal(received.Count(e => e.Open && e.CurrentStage == stage), Number(link));
            Assert.Equal(Number(link), EscalationCount(await OpenAsync(link.GetAttribute("href")!)));
        }
    }

    [Fact]
    public async Task SignOffTile_ReportAtSignOff_ListedForPartnersThatHaveNotSigned()
    {
        var police = factory.OrganisationId(Demo.Police);
        var signer = factory.Query(db => db.People.Where(p => p.OrganisationId == police).Select(p => new { p.Id, p.FullName }).First());
        factory.Query(db =>
        {
            var report = new YearlyReport { StartYear = 2019, Status = ReportStatus.SignOff };
            db.YearlyReports.Add(report);
            db.SaveChanges();
            db.ReportSignOffs.Add(new ReportSignOff
            {
                ReportId = report.Id, OrganisationId = police, PersonId = signer.Id, SignerName = signer.FullName,
                SignerRole = RepresentationRole.DelegatedPartner, SignedAt = DateTime.UtcNow, ContentHash = "test",
            });
            return db.SaveChanges();
        });

        var council = await GetAsync("council.partner", "/dashboard/partner");
        var policePage = await GetAsync("police.partner", "/dashboard/partner");

        Assert.NotNull(council.QuerySelector("#sign-off-reports a[href='/reports/yearly/2019-20/workflow']"));
        Assert.Contains("30 September 2020", council.QuerySelector("#sign-off-reports")!.TextContent, StringComparison.Ordinal);
        Assert.Null(policePage.QuerySelector("#sign-off-reports a[href='/reports/yearly/2019-20/workflow']"));
    }

    [Fact]
    public async Task PartnerDashboard_TeamWithoutPartner_OffersTheChoiceAndNoTiles()
    {
        var page = await GetAsync("team", "/dashboard/partner");

        Assert.Equal(3, page.QuerySelectorAll("#organisationId option").Length);
        Assert.Empty(page.QuerySelectorAll(".app-dashboard-tile"));
    }

    [Fact]
    public async Task PartnerDashboard_TeamChoosingPolice_ShowsPolicesTiles()
    {
        var page = await GetAsync("team", $"/dashboard/partner?organisationId={factory.OrganisationId(Demo.Police)}");

        Assert.Equal(Demo.Police, page.QuerySelector("h1")!.TextContent.Trim());
        // Decisions, sign-offs, the agency's actions and escalations, scrutiny challenges, the plan and recommendations.
        Assert.Equal(6, page.QuerySelectorAll(".app-dashboard-tile").Length);
    }

    [Theory]
    [InlineData("member", "")]
    [InlineData("qe.chair", "")]
    [InlineData("scrutineer", "")]
    [InlineData("police.partner", Demo.Council)]
    public async Task PartnerDashboard_NotTheirPartner_Refused(string who, string organisation)
    {
        var url = organisation.Length == 0 ? "/dashboard/partner" : $"/dashboard/partner?organisationId={factory.OrganisationId(organisation)}";

        var response = await (await factory.ClientAsync(who)).GetAsync(url);

        Assert.True(response.IsDenied(), $"{who}: {(int)response.StatusCode}");
    }

    // My work

    [Fact]
    public async Task MyWork_PolicePartner_MyActionsAndAgencyEqualDirectCounts()
    {
        var page = await GetAsync("police.partner", "/my-work");
        var today = Today();
        var person = factory.Query(db => db.People.Where(p => p.UserId == factory.UserId("police.partner")).Select(p => new { p.Id, p.OrganisationId }).Single());
        var mine = factory.Query(db => db.Actions.AsNoTracking()
            .Where(a => a.OwnerPersonId == person.Id && a.ArchivedAt == null && !Finished.Contains(a.Status)).Select(a => a.DueDate).ToList());
        var agency = factory.Query(db => db.Actions.AsNoTracking()
            .Where(a => a.OwnerOrganisationId == person.OrganisationId && a.ArchivedAt == null && !Finished.Contains(a.Status)).Select(a => a.DueDate).ToList());

        Assert.Equal(mine.Count, Number(page.QuerySelector("#my-actions-open")!));
        Assert.Equal(mine.Count(d => d < today), int.Parse(page.QuerySelector("#my-actions-overdue")!.TextContent, CultureInfo.InvariantCulture));
        var list = await GetAsync("police.partner", Href(page, "#my-actions-open"));
        Assert.Equal(mine.Count, list.QuerySelector("main table")?.QuerySelectorAll("tbody tr").Length ?? 0);
        Assert.Equal(agency.Count(d => d < today), Number(page.QuerySelector("#agency-overdue")!));
        Assert.Equal(agency.Count, TrackerCount(await OpenAsync(Href(page, "#agency-open"))));
        Assert.Equal("/dashboard/partner", Href(page, "#my-dashboard"));
    }

    [Fact]
    public async Task MyWork_Member_ShowsUpcomingMeetingsOfTheirGroups()
    {
        var page = await GetAsync("member", "/my-work");
        var today = Today();
        var userId = factory.UserId("member");
        var expected = factory.Query(db => db.Meetings.AsNoTracking()
            .Where(m => m.ArchivedAt == null && m.Status == MeetingStatus.Scheduled && m.Date >= today
                && m.Group!.Memberships.Any(s => s.Person!.UserId == userId && s.ArchivedAt == null && s.From <= today && (s.To == null || s.To >= today)))
            .OrderBy(m => m.Date).ThenBy(m => m.Start).ThenBy(m => m.Id).Select(m => m.Id).Take(10).ToList());

        Assert.Equal(expected.Select(id => $"/meetings/{id}"), page.QuerySelectorAll("#my-meetings a").Select(a => a.GetAttribute("href")!));
        Assert.Null(page.QuerySelector("#my-dashboard"));
    }

    // Landing and menu

    [Theory]
    [InlineData("admin", "/dashboard")]
    [InlineData("team", "/dashboard")]
    [InlineData("scrutineer", "/dashboard")]
    [InlineData("council.partner", "/dashboard/partner")]
    [InlineData("icb.partner", "/dashboard/partner")]
    [InlineData("police.partner", "/dashboard/partner")]
    [InlineData("qe.chair", "/groups/{qe}/dashboard")]
    [InlineData("member", "/my-work")]
    public async Task Login_NoReturnUrl_LandsOnTheRolesDashboard(string who, string expected)
    {
        var response = await factory.Anonymous().LoginAsync(Demo.Email(who), PortalFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected.Replace("{qe}", Qe.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), response.RedirectPath());
    }

    [Fact]
    public async Task Login_WithReturnUrl_GoesThereInstead()
    {
        var response = await factory.Anonymous().PostFormAsync("/account/login?returnUrl=%2Fmeetings",
            new() { ["Email"] = Demo.Email("scrutineer"), ["Password"] = PortalFactory.Password, ["ReturnUrl"] = "/meetings" });

        Assert.Equal("/meetings", response.RedirectPath());
    }

    [Theory]
    [InlineData("scrutineer", "/dashboard")]
    [InlineData("police.partner", "/dashboard/partner")]
    [InlineData("member", null)]
    public async Task Menu_EachRole_HomeIsItsDashboardAndMyWorkIsUnderIt(string who, string? dashboard)
    {
        var page = await GetAsync(who, "/my-work");
        var links = page.QuerySelectorAll("#navigation a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"), StringComparer.Ordinal);
        var under = page.QuerySelectorAll("#sub-navigation a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"), StringComparer.Ordinal);

        Assert.Equal(dashboard ?? "/my-work", links["Home"]);
        Assert.Equal("/my-work", under["My work"]);
    }

    [Fact]
    public async Task Menu_QualityChair_OffersTheGroupDashboard()
    {
        var page = await GetAsync("qe.chair", "/my-work");

        Assert.NotNull(page.QuerySelector($"#navigation a[href='/groups/{Qe}/dashboard']"));
    }

    // Partnership dashboard additions

    [Fact]
    public async Task PublicationDeadlineTile_2023To24_ShowsTheStatusAndTheDeadline()
    {
        var page = await GetAsync("scrutineer", "/dashboard?year=2023-24");
        var status = factory.Query(db => db.YearlyReports.Where(r => r.StartYear == 2023).Select(r => (ReportStatus?)r.Status).FirstOrDefault());

        Assert.Equal("30 September 2024", page.QuerySelector("#publication-deadline")!.TextContent.Trim());
        Assert.Equal(status is null ? "Not started" : HscpPortal.Web.Features.Shared.Format.Humanise(status.Value), page.QuerySelector("#publication-status")!.TextContent.Trim());
        Assert.Equal("/reports/yearly", Href(page, "#publication-link"));
        if (status != ReportStatus.Published)
        {
            Assert.StartsWith("Overdue by", page.QuerySelector("#publication-days")!.TextContent.Trim(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ActionsByGroupXlsx_Scrutineer_DownloadsExcel()
    {
        var response = await (await factory.ClientAsync("scrutineer")).GetAsync("/dashboard/actions-by-group.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("qe.chair", "/groups/{qe}/dashboard")]
    [InlineData("police.partner", "/dashboard/partner")]
    [InlineData("member", "/my-work")]
    [InlineData("police.partner", "/my-work")]
    public async Task Dashboards_Markup_UniqueIdsNoStylesLabelledTilesAndPrintHidesDownloads(string who, string url)
    {
        var page = await GetAsync(who, url.Replace("{qe}", Qe.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(page.QuerySelectorAll("[style], style, script:not([src])"));
        Assert.NotEmpty(page.QuerySelectorAll(".app-dashboard-tile"));
        Assert.All(page.QuerySelectorAll(".app-dashboard-tile"), tile => Assert.NotNull(page.GetElementById(tile.GetAttribute("aria-labelledby")!)));
        Assert.All(page.QuerySelectorAll("a[download]"), a => Assert.NotNull(a.Closest(".app-print-hide")));
        Assert.All(page.QuerySelectorAll("main form"), f => Assert.Contains("app-print-hide", f.ClassName ?? "", StringComparison.Ordinal));
    }
}
