using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// Multi-agency audits through the pages: planning one, its findings, turning an area for improvement into a tracker
/// action in one step, a re-audit's comparison, who may change them, and the personal-data guard.
/// </summary>
public class AuditTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Dictionary<string, string> Fields(string title, string status = "Planned", string startedOn = "", string reportedOn = "", string cases = "", string sample = "") => new()
    {
        ["Title"] = title,
        ["Theme"] = "Neglect",
        ["GroupId"] = factory.GroupId(Demo.QualityAndEffectiveness).ToString(),
        ["Year"] = "2024-25",
        ["PlannedQuarter"] = "2",
        ["Reason"] = nameof(AuditReason.CaseReview),
        ["ReasonNote"] = "",
        ["Method"] = nameof(AuditMethod.CaseFileAudit),
        ["CasesSampled"] = cases,
        ["SampleDescription"] = sample,
        ["Status"] = status,
        ["StartedOn"] = startedOn,
        ["ReportedOn"] = reportedOn,
        ["LearningShared"] = "",
        ["PeopleReached"] = "",
    };

    private static async Task<int> CreateAsync(HttpClient client, Dictionary<string, string> fields, string url = "/audits/new")
    {
        var response = await client.PostFormAsync("/audits/new", fields, url);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {string.Join("; ", (await response.ReadDocumentAsync()).ErrorSummary())}");
        return int.Parse(response.RedirectPath().Split('/')[^1].Split('?')[0]);
    }

    private static async Task AddFindingAsync(HttpClient client, int auditId, FindingKind kind, string text, int? revisits = null, FindingComparison? comparison = null)
    {
        var response = await client.PostFormAsync($"/audits/{auditId}/findings/new", new()
        {
            ["Kind"] = kind.ToString(), ["Text"] = text,
            ["RevisitsFindingId"] = revisits?.ToString() ?? "", ["Comparison"] = comparison?.ToString() ?? "",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {string.Join("; ", (await response.ReadDocumentAsync()).ErrorSummary())}");
    }

    private int FindingId(int auditId, string text) =>
        factory.Query(db => db.AuditFindings.Single(f => f.AuditId == auditId && f.Text == text).Id);

    /// <summary>Adds a finding to a new audit of the team's and archives it; returns the audit's and the finding's ids.</summary>
    private async Task<(int AuditId, int FindingId, HttpResponseMessage Archive)> ArchivedFindingAsync(HttpClient team, string audit, FindingKind kind, string text)
    {
        var id = await CreateAsync(team, Fields(audit));
        await AddFindingAsync(team, id, kind, text);
        var findingId = FindingId(id, text);
        var version = factory.Query(db => db.AuditFindings.Single(f => f.Id == findingId).Version.ToString());
        var archive = await team.PostFormAsync($"/audits/{id}/findings/{findingId}/archive", new() { ["version"] = version }, $"/audits/{id}");
        return (id, findingId, archive);
    }

    [Fact]
    public async Task Create_NothingEntered_ShowsErrorSummaryAndWritesNothing()
    {
        var client = await factory.ClientAsync("team");
        var before = factory.Query(db => db.Audits.Count());

        var response = await client.PostFormAsync("/audits/new", new() { ["Title"] = "", ["Year"] = "", ["StartedOn"] = "" });

        await response.AssertErrorsAsync(
            "Enter the audit's title",
            "Enter the theme, for example Child sexual abuse",
            "Select the group that owns the audit",
            "Select the reporting year whose programme the audit is on",
            "Select the quarter the audit is planned for",
            "Select why the audit was chosen",
            "Select the method",
            "Select the audit's status");
        Assert.Equal(before, factory.Query(db => db.Audits.Count()));
    }

    [Fact]
    public async Task Create_ReportedWithoutDatesOrSample_IsRefusedWithReasons()
    {
        var client = await factory.ClientAsync("team");
        var before = factory.Query(db => db.Audits.Count());

        var missing = await client.PostFormAsync("/audits/new", Fields("Neglect audit", status: "Reported"), "/audits/new");
        var backwards = await client.PostFormAsync("/audits/new", Fields("Neglect audit", status: "Reported", startedOn: "2024-06-10", reportedOn: "2024-06-01", cases: "12"), "/audits/new");
        var future = await client.PostFormAsync("/audits/new", Fields("Neglect audit", status: "InProgress", startedOn: "2099-01-01"), "/audits/new");

        await missing.AssertErrorsAsync("Enter the date the audit started", "Enter the date the audit reported", "Enter the number of cases sampled");
        await backwards.AssertErrorsAsync("The date reported must be on or after the start date");
        await future.AssertErrorsAsync("The start date must be today or in the past");
        Assert.Equal(before, factory.Query(db => db.Audits.Count()));
    }

    [Fact]
    public async Task Create_NhsNumberOrDateOfBirthInTheSample_IsRefusedAsEscalationsDo()
    {
        var client = await factory.ClientAsync("team");
        var before = factory.Query(db => db.Audits.Count());

        var nhs = await client.PostFormAsync("/audits/new", Fields("Neglect audit", sample: "Includes the case of 943 476 5919"), "/audits/new");
        var birth = await client.PostFormAsync("/audits/new", Fields("Neglect audit born 12/03/2015"), "/audits/new");

        await nhs.AssertErrorsAsync(
            "The description of the sample contains what looks like an NHS number. Use the pseudonymised case reference instead (the agency's case ID or the partnership's pseudonym), never an NHS number");
        await birth.AssertErrorsAsync(
            "The title contains what looks like a full date of birth. Give the child's age, or only the month and year (for example March 2024), instead of a full date");
        Assert.Equal(before, factory.Query(db => db.Audits.Count()));
        Assert.NotNull((await nhs.ReadDocumentAsync()).QuerySelector("#SampleDescription-error"));
    }

    [Fact]
    public async Task Finding_WithDateOfBirth_IsRefusedAndNotSaved()
    {
        var client = await factory.ClientAsync("team");
        var auditId = await CreateAsync(client, Fields("Guard audit"));

        var response = await client.PostFormAsync($"/audits/{auditId}/findings/new", new() { ["Kind"] = "AreaForImprovement", ["Text"] = "Child born 4 May 2016 was not seen alone" });

        await response.AssertErrorsAsync(
            "The finding contains what looks like a full date of birth. Give the child's age, or only the month and year (for example March 2024), instead of a full date");
        Assert.Equal(0, factory.Query(db => db.AuditFindings.Count(f => f.AuditId == auditId)));
    }

    [Fact]
    public async Task Create_WithAgencies_SavesThemAndTheAuditTrail()
    {
        var client = await factory.ClientAsync("team");
        var fields = Fields("Agencies audit").ToList();
        fields.Add(new("AgencyIds", factory.OrganisationId(Demo.Police).ToString()));
        fields.Add(new("AgencyIds", factory.OrganisationId(Demo.Council).ToString()));

        var response = await client.PostFormAsync("/audits/new", fields, "/audits/new");
        var id = int.Parse(response.RedirectPath().Split('/')[^1].Split('?')[0]);

        var agencies = factory.Query(db => db.AuditAgencies.Where(a => a.AuditId == id).Select(a => a.Organisation!.Name).OrderBy(n => n).ToList());
        Assert.Equal([Demo.Council, Demo.Police], agencies);
        Assert.True(factory.Query(db => db.AuditEntries.Any(e => e.EntityType == nameof(Audit) && e.EntityId == id)));
        Assert.Contains("Agencies audit", await (await client.GetAsync($"/audits/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AreaForImprovement_BecomesAnActionInOneStep_OnTheQualityAndEffectivenessPlanAndLinksBothWays()
    {
        var client = await factory.ClientAsync("qe.chair");
        var auditId = await CreateAsync(client, Fields("Neglect multi-agency audit", status: "Reported", startedOn: "2024-05-01", reportedOn: "2024-07-01", cases: "12"));
        await AddFindingAsync(client, auditId, FindingKind.AreaForImprovement, "Chronologies were not kept up to date");
        var findingId = FindingId(auditId, "Chronologies were not kept up to date");

        var response = await client.PostFormAsync($"/audits/{auditId}/findings/{findingId}/action", new()
        {
            ["Title"] = "Introduce a shared chronology template",
            ["Description"] = "",
            ["OwnerPersonId"] = factory.PersonId("Ian Fairbairn").ToString(),
            ["OwnerOrganisationId"] = "",
            ["DueDate"] = "2099-03-31",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var action = factory.Query(db => db.Actions.AsNoTracking().Include(a => a.Group).Single(a => a.AuditFindingId == findingId));
        Assert.Equal(ActionSource.Audit, action.Source);
        Assert.Equal(Demo.QualityAndEffectiveness, action.Group!.Name);
        Assert.Equal("Neglect multi-agency audit", action.SourceReference);
        Assert.Equal(factory.OrganisationId(Demo.Police), action.OwnerOrganisationId);
        Assert.StartsWith($"/actions/{action.Id}", response.RedirectPath(), StringComparison.Ordinal);

        var actionPage = await client.GetDocumentAsync($"/actions/{action.Id}");
        Assert.NotNull(actionPage.QuerySelector($"a[href='/audits/{auditId}#finding-{findingId}']"));
        var auditPage = await client.GetDocumentAsync($"/audits/{auditId}");
        Assert.NotNull(auditPage.QuerySelector($"#finding-{findingId} a[href='/actions/{action.Id}']"));
        var plan = await client.GetAsync($"/groups/{factory.GroupId(Demo.QualityAndEffectiveness)}/actions?source=Audit");
        Assert.Contains("Introduce a shared chronology template", await plan.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strength_CannotBecomeAnAction()
    {
        var client = await factory.ClientAsync("team");
        var auditId = await CreateAsync(client, Fields("Strength audit"));
        await AddFindingAsync(client, auditId, FindingKind.Strength, "Good information sharing");
        var findingId = FindingId(auditId, "Good information sharing");

        var response = await client.GetAsync($"/audits/{auditId}/findings/{findingId}/action");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ReAudit_ComparesEachOriginalFindingSideBySide()
    {
        var client = await factory.ClientAsync("team");
        var original = await CreateAsync(client, Fields("Neglect audit 2023", status: "Reported", startedOn: "2023-05-01", reportedOn: "2023-07-01", cases: "10"));
        await AddFindingAsync(client, original, FindingKind.AreaForImprovement, "Home visits were not recorded");
        await AddFindingAsync(client, original, FindingKind.AreaForImprovement, "Plans lacked timescales");
        await AddFindingAsync(client, original, FindingKind.Strength, "Schools referred promptly");
        var visits = FindingId(original, "Home visits were not recorded");
        var plans = FindingId(original, "Plans lacked timescales");

        var form = await client.GetDocumentAsync($"/audits/new?reAuditOf={original}");
        Assert.Equal(original.ToString(), form.InputValue("ReAuditOfId"));
        var fields = Fields("Re-audit: neglect", status: "Reported", startedOn: "2024-05-01", reportedOn: "2024-07-01", cases: "10");
        fields["ReAuditOfId"] = original.ToString();
        var reAudit = await CreateAsync(client, fields);
        await AddFindingAsync(client, reAudit, FindingKind.Strength, "Home visits now recorded in every case", visits, FindingComparison.Improved);
        await AddFindingAsync(client, reAudit, FindingKind.AreaForImprovement, "Plans still lack timescales", plans, FindingComparison.NoChange);

        var page = await client.GetDocumentAsync($"/audits/{reAudit}");
        var rows = page.QuerySelectorAll("table[data-audit-comparison] tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.True(rows.Count == 3, page.QuerySelector("main")?.TextContent);
        Assert.Contains(rows, r => r[0].EndsWith("Home visits were not recorded", StringComparison.Ordinal) && r[1] == "Home visits now recorded in every case" && r[2] == "Improved");
        Assert.Contains(rows, r => r[0].EndsWith("Plans lacked timescales", StringComparison.Ordinal) && r[2] == "No change");
        Assert.Contains(rows, r => r[0].EndsWith("Schools referred promptly", StringComparison.Ordinal) && r[1] == "Not revisited");
        Assert.Contains("Improved on 1 of 2 findings, no change on 1", page.QuerySelector("#comparison + p")!.TextContent, StringComparison.Ordinal);
        var originalPage = await client.GetDocumentAsync($"/audits/{original}");
        Assert.NotNull(originalPage.QuerySelector($"a[href='/audits/{reAudit}']"));
    }

    [Fact]
    public async Task ReAudit_ComparisonWithoutAnOriginalFinding_IsRefused()
    {
        var client = await factory.ClientAsync("team");
        var auditId = await CreateAsync(client, Fields("Lone audit"));

        var response = await client.PostFormAsync($"/audits/{auditId}/findings/new", new() { ["Kind"] = "Strength", ["Text"] = "Better", ["Comparison"] = "Improved" });

        await response.AssertErrorsAsync("Select the original finding this one revisits");
    }

    [Fact]
    public async Task Status_CannotJumpFromPlannedToClosed()
    {
        var client = await factory.ClientAsync("team");
        var id = await CreateAsync(client, Fields("Jump audit"));
        var version = (await client.GetDocumentAsync($"/audits/{id}/edit")).InputValue("Version");
        var fields = Fields("Jump audit", status: "Closed", startedOn: "2024-05-01", reportedOn: "2024-06-01", cases: "5");
        fields["Version"] = version;

        var response = await client.PostFormAsync($"/audits/{id}/edit", fields);

        await response.AssertErrorsAsync("An audit that is planned cannot move to closed");
        Assert.Equal(AuditStatus.Planned, factory.Query(db => db.Audits.Single(a => a.Id == id).Status));
    }

    [Theory]
    [InlineData("member")]
    [InlineData("police.partner")]
    [InlineData("scrutineer")]
    public async Task OnlyTeamAndOwningGroupsChair_Edit(string who)
    {
        var team = await factory.ClientAsync("team");
        var id = await CreateAsync(team, Fields($"Refused audit {who}"));
        var version = (await team.GetDocumentAsync($"/audits/{id}/edit")).InputValue("Version");
        var client = await factory.ClientAsync(who);
        var fields = Fields("Changed by someone else");
        fields["Version"] = version;

        var edit = await client.PostFormAsync($"/audits/{id}/edit", fields, $"/audits/{id}");
        var finding = await client.PostFormAsync($"/audits/{id}/findings/new", new() { ["Kind"] = "Strength", ["Text"] = "Not allowed" }, $"/audits/{id}");
        var archive = await client.PostFormAsync($"/audits/{id}/archive", new() { ["version"] = version }, $"/audits/{id}");

        Assert.True(edit.IsDenied(), $"{(int)edit.StatusCode} {edit.Headers.Location}");
        Assert.True(finding.IsDenied(), $"{(int)finding.StatusCode} {finding.Headers.Location}");
        Assert.True(archive.IsDenied(), $"{(int)archive.StatusCode} {archive.Headers.Location}");
        var audit = factory.Query(db => db.Audits.Single(a => a.Id == id));
        Assert.Equal($"Refused audit {who}", audit.Title);
        Assert.Null(audit.ArchivedAt);
        Assert.Equal(0, factory.Query(db => db.AuditFindings.Count(f => f.AuditId == id)));
    }

    [Fact]
    public async Task QualityChair_CannotPlanAnAuditForAGroupTheyDoNotChair()
    {
        var client = await factory.ClientAsync("qe.chair");
        var fields = Fields("Board audit");
        fields["GroupId"] = factory.GroupId(Demo.Board).ToString();
        var before = factory.Query(db => db.Audits.Count());

        var response = await client.PostFormAsync("/audits/new", fields, "/audits/new");

        Assert.True(response.IsDenied(), $"{(int)response.StatusCode} {response.Headers.Location}");
        Assert.Equal(before, factory.Query(db => db.Audits.Count()));
    }

    [Fact]
    public async Task New_OffersTheGroupsTheUserMayEdit_AndPreselectsTheGroupThatRunsTheProgramme()
    {
        var team = await (await factory.ClientAsync("team")).GetDocumentAsync("/audits/new");
        var chair = await (await factory.ClientAsync("qe.chair")).GetDocumentAsync("/audits/new");

        // The team may choose any active group; the programme's owner is found from the records, not by its name.
        var teamGroups = team.QuerySelectorAll("select[name='GroupId'] option").Where(o => o.GetAttribute("value") != "").Select(o => o.TextContent.Trim()).ToList();
        Assert.Contains(Demo.Board, teamGroups);
        Assert.Equal(Demo.QualityAndEffectiveness, team.QuerySelector("select[name='GroupId'] option[selected]")?.TextContent.Trim());

        // A chair is offered only the groups they chair.
        var chairGroups = chair.QuerySelectorAll("select[name='GroupId'] option").Where(o => o.GetAttribute("value") != "").Select(o => o.TextContent.Trim()).ToList();
        Assert.Contains(Demo.QualityAndEffectiveness, chairGroups);
        Assert.DoesNotContain(Demo.Board, chairGroups);
    }

    [Fact]
    public async Task Archive_KeepsTheRecordAndHidesItFromTheList()
    {
        var client = await factory.ClientAsync("team");
        var id = await CreateAsync(client, Fields("Archived audit"));
        var version = (await client.GetDocumentAsync($"/audits/{id}/edit")).InputValue("Version");

        var response = await client.PostFormAsync($"/audits/{id}/archive", new() { ["version"] = version }, $"/audits/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(factory.Query(db => db.Audits.Single(a => a.Id == id).ArchivedAt));
        Assert.DoesNotContain("Archived audit", await (await client.GetAsync("/audits?year=2024-25")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Archived audit", await (await client.GetAsync("/audits?year=2024-25&archived=true")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArchivedFinding_IsListedApartAndCanBeRestored()
    {
        var client = await factory.ClientAsync("team");

        var (id, findingId, archive) = await ArchivedFindingAsync(client, "Audit with a finding put back", FindingKind.AreaForImprovement, "Chronologies were not shared across agencies");
        var archivedPage = await client.GetDocumentAsync($"/audits/{id}");

        Assert.Equal(HttpStatusCode.Redirect, archive.StatusCode);
        Assert.Contains("Chronologies were not shared", archivedPage.QuerySelector("#archived-findings")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Chronologies were not shared", archivedPage.QuerySelector("#findings")!.NextElementSibling!.TextContent, StringComparison.Ordinal);

        var restoreVersion = archivedPage.QuerySelector($"form[action='/audits/{id}/findings/{findingId}/restore'] input[name='version']")!.GetAttribute("value")!;
        var restore = await client.PostFormAsync($"/audits/{id}/findings/{findingId}/restore", new() { ["version"] = restoreVersion }, $"/audits/{id}");

        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        Assert.Null(factory.Query(db => db.AuditFindings.Single(f => f.Id == findingId).ArchivedAt));
        Assert.Null((await client.GetDocumentAsync($"/audits/{id}")).QuerySelector("#archived-findings"));
        Assert.True(factory.Query(db => db.AuditEntries.Count(e => e.EntityType == nameof(AuditFinding) && e.EntityId == findingId)) >= 3);
    }

    [Fact]
    public async Task RestoreFinding_BySomeoneWhoCannotEdit_IsRefused()
    {
        var (id, findingId, _) = await ArchivedFindingAsync(await factory.ClientAsync("team"), "Audit whose finding stays archived", FindingKind.Strength, "Good information sharing at the front door");
        var archivedVersion = factory.Query(db => db.AuditFindings.Single(f => f.Id == findingId).Version.ToString());

        var member = await factory.ClientAsync("member");
        var response = await member.PostFormAsync($"/audits/{id}/findings/{findingId}/restore", new() { ["version"] = archivedVersion }, $"/audits/{id}");

        Assert.True(response.IsDenied(), $"{(int)response.StatusCode} {response.Headers.Location}");
        Assert.NotNull(factory.Query(db => db.AuditFindings.Single(f => f.Id == findingId).ArchivedAt));
    }

    [Fact]
    public async Task MeetingPage_OfTheGroupThatRanTheAudit_ListsItsAuditsReportedSinceTheLastMeeting()
    {
        var (meetingId, title) = factory.Query(db =>
        {
            var audit = db.Audits.Where(a => a.ReportedOn != null && a.Group!.Name == Demo.QualityAndEffectiveness).OrderBy(a => a.ReportedOn).First();
            var meeting = db.Meetings.Where(m => m.GroupId == audit.GroupId && m.Date >= audit.ReportedOn && m.Status != MeetingStatus.Cancelled)
                .OrderBy(m => m.Date).First();
            return (meeting.Id, audit.Title);
        });
        var boardMeeting = factory.Query(db => db.Meetings.First(m => m.Group!.Name == Demo.Board).Id);
        var client = await factory.ClientAsync("member");

        var page = await client.GetDocumentAsync($"/meetings/{meetingId}");
        var board = await client.GetDocumentAsync($"/meetings/{boardMeeting}");

        var section = page.QuerySelector("section.app-meeting-audits");
        Assert.NotNull(section);
        Assert.Contains(title, section.TextContent, StringComparison.Ordinal);
        Assert.Null(board.QuerySelector("section.app-meeting-audits"));
    }

    [Fact]
    public async Task List_ForTheDemoYear_ShowsTheThreeAuditsAndExportsThem()
    {
        var client = await factory.ClientAsync("member");

        var page = await client.GetDocumentAsync("/audits?year=2023-24");
        var csv = await client.GetAsync("/audits/export?year=2023-24&format=csv");

        var titles = page.QuerySelectorAll("table tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Strategy meetings multi-agency audit", "Child sexual abuse multi-agency audit", "Child-on-child abuse multi-agency audit"], titles);
        Assert.All(page.QuerySelectorAll("a[href^='/audits/export']"), a => Assert.True(a.HasAttribute("download")));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("Strategy meetings multi-agency audit", text, StringComparison.Ordinal);
        Assert.Contains(",30,", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_ShowsTheAuditsTileForTheYear()
    {
        var client = await factory.ClientAsync("team");

        var page = await client.GetDocumentAsync("/dashboard?year=2023-24");

        var tile = page.QuerySelector("#tile-audits");
        Assert.NotNull(tile);
        Assert.StartsWith("3", page.QuerySelector("#audits-total")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("6 of 11 areas for improvement have an action", tile!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssuranceOverview_ShowsTheYearsAuditsAndRefusesABadYearOnThePage()
    {
        var client = await factory.ClientAsync("qe.chair");

        var page = await client.GetDocumentAsync("/dashboard/assurance?year=2023-24");
        var bad = await client.GetAsync("/dashboard/assurance?year=2023-25");

        Assert.Equal("Assurance overview for 2023-24", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.StartsWith("3", page.QuerySelector("#tile-audits #audits-total")!.TextContent.Trim(), StringComparison.Ordinal);
        // The other assurance lines' tiles: the latest Section 11 round's returns, and the scrutineer's year.
        Assert.NotNull(page.QuerySelector("#tile-section11"));
        Assert.NotNull(page.QuerySelector("#tile-scrutiny #scrutiny-activities"));
        Assert.Contains("challenges raised in the year", page.QuerySelector("#tile-scrutiny")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Select a reporting year in the form 2023-24", (await bad.ReadDocumentAsync()).ErrorSummary());
    }
}
