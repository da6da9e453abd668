using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure.Export;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.IntegrationTests;

/// <summary>The action tracker, group action plans, overdue and due-soon lists, their export, and the import of action logs.</summary>
public partial class ActionTrackerTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Q = Demo.QualityAndEffectiveness;

    private static DateOnly Today => UkTime.Today(TimeProvider.System);

    private static string Marker() => "zq" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>An action written straight to the database; tests find their own by a marker in the title.</summary>
    private int Add(string title, string group = Q, ActionStatus status = ActionStatus.OnTrack, int dueInDays = 30, string owner = "Ian Fairbairn",
        bool archived = false, ActionSource source = ActionSource.BusinessPlan, int? revisedByDays = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var person = db.People.Single(p => p.FullName == owner);
        var action = new ActionItem
        {
            Title = title, GroupId = db.Groups.Where(g => g.Name == group).Select(g => g.Id).Single(), OwnerPersonId = person.Id,
            OwnerOrganisationId = person.OrganisationId, DueDate = Today.AddDays(dueInDays), Status = status, Source = source, SourceReference = "Test plan",
        };
        if (revisedByDays is { } days)
        {
            action.DueDate = action.DueDate.AddDays(days);
        }

        if (archived)
        {
            action.ArchivedAt = DateTime.UtcNow;
        }

        db.Actions.Add(action);
        db.SaveChanges();
        return action.Id;
    }

    private static List<int> Ids(IHtmlDocument page) =>
        page.QuerySelectorAll("tr[data-action-id]").Select(r => int.Parse(r.GetAttribute("data-action-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private static string Href(IHtmlDocument page, string selector) =>
        WebUtility.HtmlDecode(page.QuerySelector(selector)?.GetAttribute("href") ?? throw new InvalidOperationException($"No {selector}"));

    [Fact]
    public async Task Tracker_FiltersCombined_ShowOnlyMatchingRowsAndLinksKeepTheFilter()
    {
        var client = await factory.ClientAsync("member");
        var m = Marker();
        var wanted = Add($"{m} audit follow-up", status: ActionStatus.OnTrack);
        var atRisk = Add($"{m} at risk", status: ActionStatus.AtRisk);
        Add($"{m} board one", group: Demo.Board, status: ActionStatus.OnTrack);
        Add($"{m} archived", status: ActionStatus.OnTrack, archived: true);
        var qe = factory.GroupId(Q);

        var page = await client.GetDocumentAsync($"/actions?q={m}&group={qe}&status=OnTrack");

        Assert.Equal([wanted], Ids(page));
        Assert.Contains("1 action, 0 overdue", page.QuerySelector("#action-counts")!.TextContent, StringComparison.Ordinal);
        // Sorting keeps every condition of the filter in the URL.
        var sortLink = Href(page, "th a[href*='sort=Title']");
        Assert.Contains($"q={m}", sortLink, StringComparison.Ordinal);
        Assert.Contains($"group={qe}", sortLink, StringComparison.Ordinal);
        Assert.Contains("status=OnTrack", sortLink, StringComparison.Ordinal);
        Assert.Equal([wanted], Ids(await client.GetDocumentAsync(sortLink)));
        // Removing the status tag leaves the rest of the filter.
        var remove = page.QuerySelectorAll("a.moj-filter__tag").Single(a => a.TextContent.Contains("On track", StringComparison.Ordinal)).GetAttribute("href")!;
        Assert.Equal(new[] { wanted, atRisk }.Order(), Ids(await client.GetDocumentAsync(WebUtility.HtmlDecode(remove))).Order());
        // The form's fields hold the filter, so applying it again gives the same URL back.
        Assert.Equal(m, page.QuerySelector("#filter-q")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#filter-status-OnTrack[checked]"));
    }

    [Fact]
    public async Task Tracker_ArchivedOption_OnlyForTheTeam()
    {
        var m = Marker();
        var live = Add($"{m} live");
        var archived = Add($"{m} archived", archived: true);

        var team = await (await factory.ClientAsync("team")).GetDocumentAsync($"/actions?q={m}&archived=true");
        var member = await (await factory.ClientAsync("member")).GetDocumentAsync($"/actions?q={m}&archived=true");

        Assert.Equal(new[] { live, archived }.Order(), Ids(team).Order());
        Assert.Equal([live], Ids(member));
        Assert.Null(member.QuerySelector("#filter-archived"));
    }

    [Fact]
    public async Task RagFilter_ForEachRating_MatchesActionRagOfOverTheSameRows()
    {
        var client = await factory.ClientAsync("member");
        var m = Marker();
        foreach (var status in Enum.GetValues<ActionStatus>())
        {
            foreach (var due in new[] { -3, 0, 3, 7, 8, 40 })
            {
                Add($"{m} {status} {due}", status: status, dueInDays: due);
            }
        }

        var rows = factory.Query(db => db.Actions.Where(a => a.Title.StartsWith(m)).Select(a => new { a.Id, a.Status, a.DueDate }).ToList());
        foreach (var rag in Enum.GetValues<Rag>())
        {
            var expected = rows.Where(r => ActionRag.Of(r.Status, r.DueDate, Today) == rag).Select(r => r.Id).Order().ToList();

            var page = await client.GetDocumentAsync($"/actions?q={m}&rag={rag}&page=1");

            Assert.Equal(expected, Ids(page).Order().ToList());
            Assert.All(page.QuerySelectorAll("tbody .govuk-tag"), tag => Assert.Equal(rag == Rag.Red ? "Red" : rag.ToString(), tag.TextContent.Trim()));
        }

        var redOrAmber = await client.GetDocumentAsync($"/actions?q={m}&rag=Red&rag=Amber");
        Assert.Equal(
            rows.Where(r => ActionRag.Of(r.Status, r.DueDate, Today) is Rag.Red or Rag.Amber).Select(r => r.Id).Order(),
            Ids(redOrAmber).Order());
    }

    [Fact]
    public async Task Sort_ByTitleDescending_OrdersRowsAndMarksTheColumn()
    {
        var client = await factory.ClientAsync("member");
        var m = Marker();
        var b = Add($"{m} b", dueInDays: 1);
        var a = Add($"{m} a", dueInDays: 3);
        var c = Add($"{m} c", dueInDays: 2);

        var byDue = await client.GetDocumentAsync($"/actions?q={m}");
        var byTitle = await client.GetDocumentAsync($"/actions?q={m}&sort=Title&dir=Desc");

        Assert.Equal([b, c, a], Ids(byDue));
        Assert.Equal("ascending", byDue.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));
        Assert.Equal([c, b, a], Ids(byTitle));
        var sorted = byTitle.QuerySelector("th[aria-sort]")!;
        Assert.Equal("descending", sorted.GetAttribute("aria-sort"));
        Assert.Equal("Action", sorted.TextContent.Trim());
        // Clicking the sorted column again reverses it.
        Assert.Contains("dir=Asc", Href(byTitle, "th[aria-sort] a"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverdueAndDueSoon_ListOnlyTheirWindow()
    {
        var client = await factory.ClientAsync("member");
        var m = Marker();
        var late = Add($"{m} late", dueInDays: -2);
        var soon = Add($"{m} soon", dueInDays: 5);
        Add($"{m} later", dueInDays: 20);
        Add($"{m} done late", dueInDays: -2, status: ActionStatus.Completed);

        var overdue = await client.GetDocumentAsync($"/actions/overdue?q={m}");
        var dueSoon = await client.GetDocumentAsync($"/actions/due-soon?q={m}");

        Assert.Equal([late], Ids(overdue));
        Assert.Equal([soon], Ids(dueSoon));
        Assert.Equal("Group", overdue.QuerySelector("th[aria-sort]")!.TextContent.Trim());
        Assert.Contains("due=Overdue", Href(overdue, "a[href^='/actions/export?format=csv']"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportCsv_ForAFilter_HasThePagesRowsWithLastUpdate()
    {
        var client = await factory.ClientAsync("member");
        var m = Marker();
        var first = Add($"{m} first", dueInDays: 4, revisedByDays: 10);
        var second = Add($"{m} second, with a comma", dueInDays: 20);
        Add($"{m} other status", status: ActionStatus.AtRisk);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.ActionUpdates.Add(new ActionUpdate { ActionItemId = first, At = DateTime.UtcNow.AddDays(-2), ByName = "Test", Note = "Older note", StatusBefore = ActionStatus.NotStarted, StatusAfter = ActionStatus.OnTrack });
            db.ActionUpdates.Add(new ActionUpdate { ActionItemId = first, At = DateTime.UtcNow.AddDays(-1), ByName = "Test", Note = "Latest note", StatusBefore = ActionStatus.OnTrack, StatusAfter = ActionStatus.OnTrack });
            db.SaveChanges();
        }

        var page = await client.GetDocumentAsync($"/actions?q={m}&status=OnTrack");
        var link = Href(page, "a[href^='/actions/export?format=csv']");
        var response = await client.GetAsync(link);
        var csv = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Equal("Reference,Title,Group,Owner,Agency,Source,Source reference,Priority,Status,RAG,Due date,Original due date,Last update,Last update note", lines[0]);
        Assert.Equal(Ids(page), lines.Skip(1).Select(l => int.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList());
        Assert.Equal([first, second], Ids(page));
        var firstLine = lines[1];
        Assert.Contains($",{Today.AddDays(14):yyyy-MM-dd},{Today.AddDays(4):yyyy-MM-dd},", firstLine, StringComparison.Ordinal);
        Assert.EndsWith(",Latest note", firstLine, StringComparison.Ordinal);
        Assert.Contains($"\"{m} second, with a comma\"", lines[2], StringComparison.Ordinal);

        var xlsx = await client.GetAsync(Href(page, "a[href^='/actions/export?format=xlsx']"));
        Assert.Equal(TabularExport.XlsxContentType, xlsx.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task GroupPlan_ShowsCountsAndAddButtonOnlyToThoseWhoEditTheGroup()
    {
        var qe = factory.GroupId(Q);
        var board = factory.GroupId(Demo.Board);
        var chair = await factory.ClientAsync("qe.chair");
        var member = await factory.ClientAsync("member");
        var counts = factory.Query(db => db.Actions.Count(a => a.GroupId == qe && a.ArchivedAt == null && a.Status != ActionStatus.Completed
            && a.Status != ActionStatus.Closed && a.Status != ActionStatus.Cancelled && (a.DueDate < Today || a.Status == ActionStatus.OffTrack)));

        var own = await chair.GetDocumentAsync($"/groups/{qe}/actions");
        var other = await chair.GetDocumentAsync($"/groups/{board}/actions");
        var asMember = await member.GetDocumentAsync($"/groups/{qe}/actions");
        var groupPage = await member.GetDocumentAsync($"/groups/{qe}");

        Assert.NotNull(own.QuerySelector($"a[href='/actions/new?groupId={qe}']"));
        Assert.Null(other.QuerySelector($"a[href='/actions/new?groupId={board}']"));
        Assert.Null(asMember.QuerySelector("a[href^='/actions/new']"));
        Assert.Equal(counts.ToString(System.Globalization.CultureInfo.InvariantCulture), own.QuerySelector("a[data-rag='Red']")!.FirstChild!.TextContent.Trim());
        Assert.Null(own.QuerySelector("#filter-group"));
        Assert.Contains($"/groups/{qe}/actions/export?format=csv", Href(own, "a[href*='export?format=csv']"), StringComparison.Ordinal);
        Assert.NotNull(groupPage.QuerySelector($"a[href='/groups/{qe}/actions']"));
    }

    [Fact]
    public async Task Tracker_Default_OpensOnOpenActionsMostUrgentFirst_FinishedOnesWhenAskedFor()
    {
        var m = Marker();
        var done = Add($"{m} done long ago", status: ActionStatus.Completed, dueInDays: -400);
        var cancelled = Add($"{m} cancelled", status: ActionStatus.Cancelled, dueInDays: -10);
        var late = Add($"{m} late", status: ActionStatus.OnTrack, dueInDays: -3);
        var later = Add($"{m} later", status: ActionStatus.OnTrack, dueInDays: 20);
        var team = await factory.ClientAsync("team");

        var page = await team.GetDocumentAsync($"/actions?q={m}");
        var withFinished = await team.GetDocumentAsync($"/actions?q={m}&completed=true");
        var byStatus = await team.GetDocumentAsync($"/actions?q={m}&status=Completed");

        Assert.Equal([late, later], Ids(page));
        Assert.Contains("2 open actions", page.QuerySelector("#action-counts")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([late, later, done, cancelled], Ids(withFinished));
        Assert.Contains("Including completed", withFinished.QuerySelector(".moj-filter__selected")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([done], Ids(byStatus));
    }

    // ---- Import ----

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content, string? groupId = null)
    {
        var form = await client.GetStringAsync("/actions/import");
        var token = WebUtility.HtmlDecode(TokenPattern().Match(form).Groups[1].Value);
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(groupId ?? ""), "GroupId" },
            { new ByteArrayContent(content), "File", fileName },
        };
        return await client.PostAsync("/actions/import", body);
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private int Count(string marker) => factory.Query(db => db.Actions.Count(a => a.Title.StartsWith(marker)));

    [Fact]
    public async Task Import_FileWithOneBadRow_ImportsNothingAndNamesTheRowAndItsError()
    {
        var client = await factory.ClientAsync("team");
        var m = Marker();
        var before = factory.Query(db => db.Actions.Count());

        var response = await UploadAsync(client, "plan.csv", Csv(
            "Title,Group,Owner,Status,Due date",
            $"{m} one,{Q},Ian Fairbairn,On track,31/03/2027",
            $"{m} two,{Q},J Smith,In progress,2027-03-31",
            $"{m} three,{Q},Ian Fairbairn,Not started,30/04/2027"));
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Row 3: the owner ‘J Smith’ is not a person in the portal"], page.ErrorSummary());
        Assert.Contains("Nothing has been imported", page.QuerySelector(".govuk-error-summary__title")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action='/actions/import/commit']"));
        Assert.NotNull(page.QuerySelector("#row-3 .govuk-error-message"));
        Assert.Equal(before, factory.Query(db => db.Actions.Count()));
    }

    [Fact]
    public async Task Import_RowErrors_ReportsEachColumnsProblem()
    {
        var client = await factory.ClientAsync("team");
        var m = Marker();

        var response = await UploadAsync(client, "plan.csv", Csv(
            "Title,Group,Owner,Agency,Source,Status,Due date",
            $"{m} a,No Such Group,Ian Fairbairn,,Business plan,Red,32/13/2027",
            $",{Q},Ian Fairbairn,Nowhere Agency,Meeting,Done,"));
        var errors = (await response.ReadDocumentAsync()).ErrorSummary();

        Assert.Contains("Row 2: the group ‘No Such Group’ is not an active group in the portal", errors);
        Assert.Contains("Row 2: the status ‘Red’ is not one the portal knows: use Not started, On track, At risk, Off track, Completed, Closed or Cancelled", errors);
        Assert.Contains("Row 2: the due date ‘32/13/2027’ is not a date: use the form 31/03/2025", errors);
        Assert.Contains("Row 3: enter the action’s title", errors);
        Assert.Contains("Row 3: the agency ‘Nowhere Agency’ is not an organisation in the portal", errors);
        Assert.Contains("Row 3: enter the date the action is due", errors);
        Assert.Contains(errors, e => e.StartsWith("Row 3: actions from a meeting", StringComparison.Ordinal));
        Assert.Equal(0, Count(m));
    }

    [Fact]
    public async Task Import_GoodFile_PreviewThenCommitCreatesEveryActionWithATrailEntry()
    {
        var client = await factory.ClientAsync("team");
        var m = Marker();

        var preview = await UploadAsync(client, "qe-plan.csv", Csv(
            "Title,Description,Group,Owner,Agency,Source,Source reference,Status,Due date",
            $"{m} one,Details,{Q},Ian Fairbairn,,Audit,Neglect audit 2024,In progress,31/03/2027",
            $"{m} two,,{Q},Ian Fairbairn,{Demo.Council},,,Off track,2027-04-30"));
        var page = await preview.ReadDocumentAsync();
        Assert.Empty(page.ErrorSummary());
        Assert.Equal(0, Count(m));
        var button = page.QuerySelector("form[action='/actions/import/commit'] button")!;
        Assert.Equal("Import 2 actions", button.TextContent.Trim());

        var commit = await client.PostFormAsync("/actions/import/commit", new() { ["token"] = page.InputValue("token") }, formPage: "/actions/import");

        Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
        Assert.Equal("/actions/import", commit.RedirectPath());
        var actions = factory.Query(db => db.Actions.AsNoTracking().Where(a => a.Title.StartsWith(m)).OrderBy(a => a.Title).ToList());
        Assert.Equal(2, actions.Count);
        Assert.Equal(ActionStatus.OnTrack, actions[0].Status);
        Assert.Equal(ActionSource.Audit, actions[0].Source);
        Assert.Equal("Neglect audit 2024", actions[0].SourceReference);
        Assert.Equal(new DateOnly(2027, 3, 31), actions[0].DueDate);
        Assert.Equal(ActionSource.BusinessPlan, actions[1].Source);
        Assert.Equal("Imported from qe-plan.csv", actions[1].SourceReference);
        Assert.Equal(ActionStatus.OffTrack, actions[1].Status);
        Assert.Equal(factory.OrganisationId(Demo.Council), actions[1].OwnerOrganisationId);
        var ids = actions.Select(a => a.Id).ToList();
        var trail = factory.Query(db => db.ActionUpdates.Where(u => ids.Contains(u.ActionItemId)).Select(u => u.Note).ToList());
        Assert.Equal(2, trail.Count);
        Assert.All(trail, note => Assert.StartsWith("Imported from qe-plan.csv", note, StringComparison.Ordinal));

        // The stored preview is used up: posting it again imports nothing more.
        var again = await client.PostFormAsync("/actions/import/commit", new() { ["token"] = page.InputValue("token") }, formPage: "/actions/import");
        Assert.Contains("The preview has expired or was already imported: select the file again", (await again.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(2, Count(m));
    }

    [Fact]
    public async Task Import_ExcelWithDateCellsAndDefaultGroup_Previews()
    {
        var client = await factory.ClientAsync("team");
        var m = Marker();
        var sheet = ExportTable.From("Plan", [($"{m} excel", new DateOnly(2027, 5, 31))],
            [new("Action", r => r.Item1), new("Owner", _ => "Ian Fairbairn"), new("Status", _ => "Not started"), new("Due date", r => r.Item2)]);

        var response = await UploadAsync(client, "plan.xlsx", TabularExport.ToXlsx(sheet), factory.GroupId(Q).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var page = await response.ReadDocumentAsync();

        Assert.Empty(page.ErrorSummary());
        var row = page.QuerySelector("#row-2")!.TextContent;
        Assert.Contains("31 May 2027", row, StringComparison.Ordinal);
        Assert.Contains(Q, row, StringComparison.Ordinal);
        Assert.Equal("Import 1 action", page.QuerySelector("form[action='/actions/import/commit'] button")!.TextContent.Trim());
    }

    [Fact]
    public async Task Import_SameFileTwice_SecondPreviewListsTheMatchesAndCommitCreatesNothing()
    {
        var client = await factory.ClientAsync("team");
        var m = Marker();
        var file = Csv(
            "Title,Group,Owner,Due date",
            $"{m} one,{Q},Ian Fairbairn,31/03/2027",
            $"{m} two,{Q},Ian Fairbairn,30/04/2027");
        var first = await (await UploadAsync(client, "plan.csv", file)).ReadDocumentAsync();
        Assert.Null(first.QuerySelector("#includeMatches"));
        await client.PostFormAsync("/actions/import/commit", new() { ["token"] = first.InputValue("token") }, formPage: "/actions/import");
        Assert.Equal(2, Count(m));
        var ids = factory.Query(db => db.Actions.Where(a => a.Title.StartsWith(m)).OrderBy(a => a.Title).Select(a => a.Id).ToList());

        // The same log again, one title in other case and spacing, and one new row.
        var again = await (await UploadAsync(client, "plan.csv", Csv(
            "Title,Group,Owner,Due date",
            $"{m} one,{Q},Ian Fairbairn,31/03/2027",
            $"{m.ToUpperInvariant()}   TWO,{Q},Ian Fairbairn,30/04/2027",
            $"{m} three,{Q},Ian Fairbairn,30/04/2027"))).ReadDocumentAsync();

        Assert.Empty(again.ErrorSummary());
        Assert.Contains("Already in the portal", again.QuerySelector("#row-2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/actions/{ids[0]}", again.QuerySelector("#row-2 a")!.GetAttribute("href"));
        Assert.Equal($"/actions/{ids[1]}", again.QuerySelector("#row-3 a")!.GetAttribute("href"));
        Assert.Contains("Ready", again.QuerySelector("#row-4")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2 rows match actions already in the portal", again.QuerySelector(".govuk-warning-text")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(again.QuerySelector("input[type=checkbox][name=includeMatches]"));

        var commit = await client.PostFormAsync("/actions/import/commit", new() { ["token"] = again.InputValue("token") }, formPage: "/actions/import");

        Assert.Equal("/actions/import?imported=1&skipped=2", commit.Headers.Location!.OriginalString);
        Assert.Equal(3, Count(m));
        var done = await (await client.GetAsync(commit.Headers.Location.OriginalString)).ReadDocumentAsync();
        Assert.Contains("2 rows matched actions already in the portal and were not imported again", done.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MatchesImportedAnyway_WhenTheUserChoosesTo()
    {
        var client = await factory.ClientAsync("team");
        var m = Marker();
        var file = Csv("Title,Group,Owner,Due date", $"{m} one,{Q},Ian Fairbairn,31/03/2027");
        var first = await (await UploadAsync(client, "plan.csv", file)).ReadDocumentAsync();
        await client.PostFormAsync("/actions/import/commit", new() { ["token"] = first.InputValue("token") }, formPage: "/actions/import");
        var again = await (await UploadAsync(client, "plan.csv", file)).ReadDocumentAsync();

        var commit = await client.PostFormAsync("/actions/import/commit",
            new() { ["token"] = again.InputValue("token"), ["includeMatches"] = "true" }, formPage: "/actions/import");

        Assert.Equal("/actions/import?imported=1", commit.Headers.Location!.OriginalString);
        Assert.Equal(2, Count(m));
    }

    [Theory]
    [InlineData("plan.pdf", "%PDF-1.4", "The selected file must be a CSV or an Excel (.xlsx) file")]
    [InlineData("plan.xlsx", "Title,Group\r\n", "The selected file could not be read as an Excel spreadsheet: save it as .xlsx (Excel Workbook) and try again")]
    [InlineData("plan.xlsx", "PK\u0003\u0004 not really a zip", "The selected file could not be read as an Excel spreadsheet: save it as .xlsx (Excel Workbook) and try again")]
    [InlineData("plan.csv", "Name,Colour\r\nA,Blue\r\n", "The first row of the file must name the columns: ‘Title’, ‘Owner’, ‘Due date’, ‘Group’ are missing. Use the template")]
    [InlineData("plan.csv", "Title,Group,Owner,Due date\r\n", "The selected file has no actions below its header row")]
    public async Task Import_BadFile_ShowsErrorSummaryNeverAServerError(string fileName, string content, string error)
    {
        var client = await factory.ClientAsync("team");

        var response = await UploadAsync(client, fileName, Encoding.UTF8.GetBytes(content));

        await response.AssertErrorsAsync(error);
    }

    [Fact]
    public async Task Import_NoFile_AsksForOne()
    {
        var client = await factory.ClientAsync("team");
        var form = await client.GetStringAsync("/actions/import");
        using var body = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(TokenPattern().Match(form).Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent(""), "GroupId" },
        };

        var response = await client.PostAsync("/actions/import", body);

        await response.AssertErrorsAsync("Select the action log to import");
    }

    [Fact]
    public async Task Import_ByMember_IsDeniedAndWritesNothing()
    {
        var member = await factory.ClientAsync("member");
        var team = await factory.ClientAsync("team");
        var m = Marker();
        var page = await (await UploadAsync(team, "plan.csv", Csv("Title,Group,Owner,Due date", $"{m} x,{Q},Ian Fairbairn,31/03/2027"))).ReadDocumentAsync();

        Assert.True((await member.GetAsync("/actions/import")).IsDenied());
        var commit = await member.PostFormAsync("/actions/import/commit", new() { ["token"] = page.InputValue("token") }, formPage: "/account/change-password");

        Assert.True(commit.IsDenied(), $"{(int)commit.StatusCode}");
        Assert.Equal(0, Count(m));
    }

    [Theory]
    [InlineData("csv", "text/csv")]
    [InlineData("xlsx", TabularExport.XlsxContentType)]
    public async Task Template_Download_HasTheExpectedHeaders(string format, string contentType)
    {
        var client = await factory.ClientAsync("team");

        var response = await client.GetAsync($"/actions/import/template?format={format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(contentType, response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        if (format == "csv")
        {
            Assert.StartsWith("Title,Description,Group,Owner,Agency,Source,Source reference,Priority,Status,Due date\r\n",
                (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
