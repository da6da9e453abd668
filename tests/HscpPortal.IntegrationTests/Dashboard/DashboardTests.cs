using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// The partnership dashboard over the demo data: each tile's figures equal a direct count, and each figure's link
/// opens a list of exactly that many records.
/// </summary>
public class DashboardTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Url = "/dashboard?year=2023-24";
    private static readonly ReportingYear Year = new(2023);

    private async Task<IHtmlDocument> PageAsync(string who = "scrutineer") => await (await factory.ClientAsync(who)).GetDocumentAsync(Url);

    private async Task<IHtmlDocument> OpenAsync(string href) => await (await factory.ClientAsync("scrutineer")).GetDocumentAsync(WebUtility.HtmlDecode(href));

    // A linked number also holds visually hidden words; the figure is the first text.
    private static int Number(IElement element) =>
        int.Parse((element.QuerySelector("a")?.ChildNodes.FirstOrDefault()?.TextContent ?? element.ChildNodes.FirstOrDefault()?.TextContent ?? element.TextContent).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static DateOnly Today() => UkTime.Today(TimeProvider.System);

    private static int TrackerCount(IHtmlDocument list) =>
        int.Parse(list.QuerySelector("#action-counts")!.TextContent.Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    private static int EscalationCount(IHtmlDocument list)
    {
        var caption = list.QuerySelector("table caption");
        return caption is null ? 0 : int.Parse(caption.TextContent.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static int Rows(IHtmlDocument list) => list.QuerySelectorAll("main table tbody tr").Length;

    [Fact]
    public async Task Dashboard_Scrutineer2023To24_ShowsElevenEscalationsAndBoardAttendance()
    {
        var page = await PageAsync();

        Assert.Contains("Partnership dashboard for 2023-24", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(11, Number(page.QuerySelector("#escalations-raised")!));
        var attendance = page.QuerySelector("#chart-board-attendance table")!.QuerySelectorAll("tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray(), StringComparer.Ordinal);
        var names = factory.Query(db => db.Organisations.Where(o => o.StatutoryPartner != null).ToDictionary(o => o.StatutoryPartner!.Value, o => o.Name));
        // DSP, then DSP or deputy: the 2023-24 report had every board meeting represented for all three partners, so the
        // second figure is 100% each (it used to show the "deputy or other representative" figure, 75% and 50%, which can fall below the DSP's).
        Assert.Equal(["50", "100"], attendance[names[StatutoryPartner.IntegratedCareBoard]].Select(FirstWord));
        Assert.Equal(["100", "100"], attendance[names[StatutoryPartner.LocalAuthority]].Select(FirstWord));
        Assert.Equal(["50", "100"], attendance[names[StatutoryPartner.Police]].Select(FirstWord));
        Assert.NotNull(page.QuerySelector("#tile-board-attendance a[href='/meetings/attendance?year=2023-24']"));
    }

    private static string FirstWord(string text) => text.Split(' ', '%')[0];

    [Theory]
    [InlineData("2023-24")]
    [InlineData("2024-25")]
    public async Task Dashboard_AnyYear_FiguresCannotContradictEachOther(string year)
    {
        var page = await (await factory.ClientAsync("scrutineer")).GetDocumentAsync($"/dashboard?year={year}");

        // Board attendance: "DSP or deputy" is never below "DSP", and neither is over 100%.
        foreach (var row in page.QuerySelectorAll("#chart-board-attendance table tbody tr"))
        {
            var cells = row.QuerySelectorAll("td").Select(c => int.Parse(FirstWord(c.TextContent.Trim()), CultureInfo.InvariantCulture)).ToArray();
            Assert.True(cells[1] >= cells[0] && cells[1] <= 100, $"{row.QuerySelector("th")!.TextContent.Trim()}: DSP {cells[0]}%, DSP or deputy {cells[1]}%");
        }

        // Quorum: quorate + not quorate = held, for each group.
        var quorum = page.QuerySelector("#tile-quorum-heading")!.ParentElement!;
        foreach (var row in quorum.QuerySelectorAll("table tbody tr").Where(r => r.QuerySelectorAll("td").Length == 4))
        {
            var cells = row.QuerySelectorAll("td").ToArray();
            Assert.Equal(Number(cells[0]), Number(cells[1]) + Number(cells[2]));
        }

        // Actions: overdue are open ones; completed are among those due.
        Assert.True(Number(page.QuerySelector("#actions-overdue")!) <= Number(page.QuerySelector("#actions-open")!));
        Assert.True(Number(page.QuerySelector("#actions-completed")!) <= Number(page.QuerySelector("#actions-due")!));

        // Escalations: those still open are among those raised.
        Assert.True(Number(page.QuerySelector("#escalations-open")!) <= Number(page.QuerySelector("#escalations-raised")!));
    }

    [Fact]
    public async Task Dashboard_NoYear_ShowsTheCurrentReportingYear()
    {
        var page = await (await factory.ClientAsync("team")).GetDocumentAsync("/dashboard");

        Assert.Contains($"for {ReportingYear.Containing(Today())}", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2023")]
    [InlineData("2023-25")]
    [InlineData("<script>")]
    public async Task Dashboard_BadYear_ShowsAnErrorSummaryNotAnError(string year)
    {
        var response = await (await factory.ClientAsync("scrutineer")).GetAsync($"/dashboard?year={Uri.EscapeDataString(year)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(["Select a reporting year in the form 2023-24"], page.ErrorSummary());
        Assert.Empty(page.QuerySelectorAll(".app-dashboard-tile"));
    }

    [Fact]
    public async Task EscalationsTile_2023To24_EqualsDirectCountsAndItsLinksListTheSameRecords()
    {
        var page = await PageAsync();
        var today = Today();
        var inYear = factory.Query(db => db.Escalations.AsNoTracking().Include(e => e.Stages)
            .Where(e => e.ArchivedAt == null && e.RaisedOn >= Year.Start && e.RaisedOn <= Year.End).ToList());

        Assert.Equal(inYear.Count, Number(page.QuerySelector("#escalations-raised")!));
        Assert.Equal(inYear.Count(e => e.ResolvedOn == null), Number(page.QuerySelector("#escalations-open")!));
        Assert.Equal(inYear.Count(e => e.Stages.Any(s => (s.EndedOn ?? today) > s.DueOn)), Number(page.QuerySelector("#escalations-drifted")!));
        foreach (var id in new[] { "#escalations-raised", "#escalations-open", "#escalations-drifted" })
        {
            var link = page.QuerySelector(id)!;
            Assert.Equal(Number(link), EscalationCount(await OpenAsync(link.GetAttribute("href")!)));
        }

        var stages = page.QuerySelectorAll("#tile-escalations table tbody tr");
        Assert.Equal(inYear.Count, stages.Sum(r => Number(r.QuerySelector("td")!)));
        foreach (var row in stages)
        {
            var link = row.QuerySelector("td a")!;
            var stage = int.Parse(link.GetAttribute("href")!.Split("stage=")[1], CultureInfo.InvariantCulture);
            Assert.Equal(inYear.Count(e => e.CurrentStage == stage), Number(link));
            Assert.Equal(Number(link), EscalationCount(await OpenAsync(link.GetAttribute("href")!)));
        }
    }

    [Fact]
    public async Task ActionsTile_ByGroupAndAgency_EqualDirectCountsAndTheTrackerListsTheSame()
    {
        var page = await PageAsync();
        var today = Today();
        var open = factory.Query(db => db.Actions.AsNoTracking().Include(a => a.Group).Include(a => a.OwnerOrganisation)
            .Where(a => a.ArchivedAt == null && a.Status != ActionStatus.Completed && a.Status != ActionStatus.Closed && a.Status != ActionStatus.Cancelled)
            .ToList());

        Assert.Equal(open.Count, Number(page.QuerySelector("#actions-open")!));
        Assert.Equal(open.Count(a => a.DueDate < today), Number(page.QuerySelector("#actions-overdue")!));
        Assert.Equal(open.Count, TrackerCount(await OpenAsync(page.QuerySelector("#actions-open")!.GetAttribute("href")!)));
        Assert.Equal(open.Count(a => a.DueDate < today), TrackerCount(await OpenAsync(page.QuerySelector("#actions-overdue")!.GetAttribute("href")!)));

        var groups = page.QuerySelectorAll("#chart-actions-by-group tbody tr");
        Assert.NotEmpty(groups);
        foreach (var row in groups)
        {
            var name = row.QuerySelector("th")!.TextContent.Trim();
            var cells = row.QuerySelectorAll("td");
            Assert.Equal(open.Count(a => a.Group!.Name == name), Number(cells[0]));
            Assert.Equal(open.Count(a => a.Group!.Name == name && a.DueDate < today), Number(cells[1]));
            foreach (var cell in cells.Take(2).Where(c => c.QuerySelector("a") is not null))
            {
                Assert.Equal(Number(cell), TrackerCount(await OpenAsync(cell.QuerySelector("a")!.GetAttribute("href")!)));
            }
        }

        foreach (var row in page.QuerySelectorAll("#actions-by-agency tbody tr"))
        {
            var name = row.QuerySelector("th")!.TextContent.Trim();
            var cells = row.QuerySelectorAll("td");
            Assert.Equal(open.Count(a => a.OwnerOrganisation!.Name == name), Number(cells[0]));
            Assert.Equal(open.Count(a => a.OwnerOrganisation!.Name == name && a.DueDate < today), Number(cells[1]));
            foreach (var cell in cells.Where(c => c.QuerySelector("a") is not null))
            {
                Assert.Equal(Number(cell), TrackerCount(await OpenAsync(cell.QuerySelector("a")!.GetAttribute("href")!)));
            }
        }
    }

    [Fact]
    public async Task ActionsTile_CompletionRate_CountsActionsDueInTheYear()
    {
        var page = await PageAsync();
        var due = factory.Query(db => db.Actions.AsNoTracking()
            .Where(a => a.ArchivedAt == null && a.Status != ActionStatus.Cancelled && a.DueDate >= Year.Start && a.DueDate <= Year.End)
            .Select(a => a.Status).ToList());

        Assert.Equal(due.Count, Number(page.QuerySelector("#actions-due")!));
        Assert.Equal(due.Count(s => s is ActionStatus.Completed or ActionStatus.Closed), Number(page.QuerySelector("#actions-completed")!));
        Assert.Equal(due.Count, TrackerCount(await OpenAsync(page.QuerySelector("#actions-due")!.GetAttribute("href")!)));
        Assert.Equal(Number(page.QuerySelector("#actions-completed")!), TrackerCount(await OpenAsync(page.QuerySelector("#actions-completed")!.GetAttribute("href")!)));
    }

    [Fact]
    public async Task QuorumTile_2023To24_EqualsDirectCountsAndTheMeetingsListShowsTheSame()
    {
        var page = await PageAsync();
        var held = factory.Query(db => db.Meetings.AsNoTracking().Include(m => m.Group)
            .Where(m => m.ArchivedAt == null && m.Status == MeetingStatus.Held && m.Date >= Year.Start && m.Date <= Year.End
                && (m.Group!.Kind == GroupKind.Board || m.Group.Kind == GroupKind.Subgroup))
            .ToList());
        var rows = page.QuerySelectorAll("#tile-quorum tbody tr");

        Assert.Equal(held.Select(m => m.GroupId).Distinct().Count(), rows.Length);
        foreach (var row in rows)
        {
            var name = row.QuerySelector("th")!.TextContent.Trim();
            var cells = row.QuerySelectorAll("td");
            Assert.Equal(held.Count(m => m.Group!.Name == name), Number(cells[0]));
            Assert.Equal(held.Count(m => m.Group!.Name == name && m.IsQuorate), Number(cells[1]));
            Assert.Equal(held.Count(m => m.Group!.Name == name && !m.IsQuorate), Number(cells[2]));
            foreach (var cell in cells.Take(3).Where(c => c.QuerySelector("a") is not null))
            {
                Assert.Equal(Number(cell), Rows(await OpenAsync(cell.QuerySelector("a")!.GetAttribute("href")!)));
            }
        }
    }

    [Fact]
    public async Task RatificationTile_EqualsDirectCountsAndItsListsShowTheSame()
    {
        var page = await PageAsync();
        var waiting = factory.Query(db => db.Decisions.AsNoTracking()
            .Where(d => d.IsKey && !d.Meeting!.IsQuorate && d.RatifiedAtMeetingId == null && d.ArchivedAt == null && d.Meeting.ArchivedAt == null)
            .Select(d => d.Meeting!.Date).ToList());

        Assert.Equal(waiting.Count, Number(page.QuerySelector("#ratification-waiting")!));
        Assert.Equal(waiting.Count(Year.Contains), Number(page.QuerySelector("#ratification-year")!));
        var list = await OpenAsync(page.QuerySelector("#ratification-waiting")!.GetAttribute("href")!);
        Assert.Equal(waiting.Count, list.QuerySelectorAll("main table tbody tr").Length);
        Assert.Equal(waiting.Count(Year.Contains), Rows(await OpenAsync(page.QuerySelector("#ratification-year")!.GetAttribute("href")!)));
    }

    [Fact]
    public async Task ActionsByGroupCsv_Team_DownloadsTheTable()
    {
        var response = await (await factory.ClientAsync("team")).GetAsync("/dashboard/actions-by-group.csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Contains("Group,Open,Overdue", csv, StringComparison.Ordinal);
        Assert.Contains(Demo.QualityAndEffectiveness, csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_Member_SeesNoEscalationsTile()
    {
        var page = await PageAsync("member");

        Assert.Null(page.QuerySelector("#tile-escalations"));
        Assert.NotNull(page.QuerySelector("#tile-actions"));
    }

    [Fact]
    public async Task Dashboard_Print_HidesTheYearFormAndDownloadLinks()
    {
        var page = await PageAsync();

        Assert.Contains("app-print-hide", page.QuerySelector("form[action='/dashboard']")!.ClassName, StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll("a[download]"), a => Assert.NotNull(a.Closest(".app-print-hide")));
        Assert.All(page.QuerySelectorAll(".app-dashboard-tile svg"), svg => Assert.NotNull(svg.GetAttribute("viewBox")));
    }

    [Fact]
    public async Task MeetingsList_QuorateFilter_KeepsItsChoiceInTheForm()
    {
        var page = await (await factory.ClientAsync("scrutineer")).GetDocumentAsync("/meetings?year=2023-24&status=Held&quorate=false");

        Assert.Equal("false", page.QuerySelector("#quorate option[selected]")!.GetAttribute("value"));
        Assert.All(page.QuerySelectorAll("main table tbody tr"), row => Assert.DoesNotContain("Quorate", row.TextContent.Replace("Not quorate", "", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("scrutineer")]
    [InlineData("team")]
    public async Task Dashboard_Markup_HasUniqueIdsNoStyleAttributesAndLabelledTiles(string who)
    {
        var page = await PageAsync(who);

        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(page.QuerySelectorAll("[style], style, script:not([src])"));
        Assert.Equal(8, page.QuerySelectorAll(".app-dashboard-tile").Length);
        Assert.All(page.QuerySelectorAll(".app-dashboard-tile"), tile => Assert.NotNull(page.GetElementById(tile.GetAttribute("aria-labelledby")!)));
    }
}
