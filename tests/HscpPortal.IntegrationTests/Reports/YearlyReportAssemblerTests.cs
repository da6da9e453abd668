using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.ReportDraft;
using HscpPortal.Web.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// The yearly report's draft page, narrative editor and printed document over the demo data. Each test that writes
/// uses a year of its own, so the tests sharing the fixture do not see each other's text.
/// </summary>
public class YearlyReportAssemblerTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Dictionary<StatutoryPartner, string> PartnerNames() =>
        factory.Query(db => db.Organisations.Where(o => o.StatutoryPartner != null).ToDictionary(o => o.StatutoryPartner!.Value, o => o.Name));

    [Fact]
    public async Task Draft_2023To24_ShowsBoardAttendanceAndElevenEscalations()
    {
        var client = await factory.ClientAsync("team");

        var page = await client.GetDocumentAsync("/reports/yearly/2023-24/draft");

        Assert.Contains("Yearly report 2023-24", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var rows = page.QuerySelector("table[data-report-table='board-attendance']")!.QuerySelectorAll("tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim().Split('%')[0]).ToArray(), StringComparer.Ordinal);
        var names = PartnerNames();
        Assert.Equal(["50", "75"], rows[names[StatutoryPartner.IntegratedCareBoard]]);
        Assert.Equal(["100", "100"], rows[names[StatutoryPartner.LocalAuthority]]);
        Assert.Equal(["50", "50"], rows[names[StatutoryPartner.Police]]);
        Assert.StartsWith("11 escalations were raised", page.QuerySelector("[data-report-figure='escalations-total']")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#readiness-summary"));
        Assert.Equal(ReportSections.All.Count, page.QuerySelectorAll(".app-report-contents li").Length);
        Assert.NotNull(page.QuerySelector("a[href='/reports/yearly/2023-24/comments/new?section=governance']"));
        Assert.Contains("Not yet recorded in the portal", page.QuerySelector("#section-training")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_2023To24_CompletedActionsCountAsCompletedAndNeverAsStalled()
    {
        var client = await factory.ClientAsync("team");
        var year = new ReportingYear(2023);
        var completedInYear = factory.Query(db => db.Actions
            .Where(a => a.IsLive() && a.Status == ActionStatus.Completed)
            .Select(a => new { a.Title, a.CompletedOn })
            .ToList());

        var page = await client.GetDocumentAsync("/reports/yearly/2023-24/draft");

        // Every completed action has its completion date, so none can be taken for open.
        Assert.All(completedInYear, a => Assert.NotNull(a.CompletedOn));
        var section = page.QuerySelector("#section-action-plans")!;
        var total = section.QuerySelectorAll("table[data-report-table='action-plans'] tbody tr")[^1].QuerySelectorAll("td").Select(c => int.Parse(c.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(completedInYear.Count(a => year.Contains(a.CompletedOn!.Value)), total[0]);
        Assert.True(total[0] > 20, $"only {total[0]} completed in 2023-24");
        var stalled = section.QuerySelectorAll("table").Skip(1).SelectMany(t => t.QuerySelectorAll("tbody tr")).Select(r => r.TextContent).ToList();
        Assert.DoesNotContain(stalled, r => r.Contains("Draft the refreshed neglect strategy", StringComparison.Ordinal));
        Assert.DoesNotContain(stalled, r => completedInYear.Any(a => a.CompletedOn <= year.End && r.Contains(a.Title, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Draft_ReasonRecordedForAMissingItem_PrintedInAboutThisReportAndChangesTheFingerprint()
    {
        var year = new ReportingYear(2018);
        var reportId = factory.Query(db =>
        {
            var report = new YearlyReport { StartYear = year.StartYear };
            db.YearlyReports.Add(report);
            db.SaveChanges();
            return report.Id;
        });
        string Hash()
        {
            using var scope = factory.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<IYearlyReportRenderer>().ContentHashAsync(year, CancellationToken.None).GetAwaiter().GetResult();
        }

        var before = Hash();
        var team = await factory.ClientAsync("team");
        var saved = await team.PostFormAsync($"/reports/yearly/{year}/readiness/voice/reason",
            new() { ["Reason"] = "Each agency kept its own record of work with children and families that year.", ["Version"] = Guid.Empty.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await team.GetDocumentAsync($"/reports/yearly/{year}/draft");
        var about = page.QuerySelector("#section-about")!.TextContent;
        Assert.Contains("What this report does not cover", about, StringComparison.Ordinal);
        Assert.Contains("How feedback from children and families was sought and used", about, StringComparison.Ordinal);
        Assert.Contains("Each agency kept its own record of work with children and families that year.", about, StringComparison.Ordinal);
        Assert.NotEqual(before, Hash());
        Assert.Equal(1, factory.Query(db => db.ReportOmissions.Count(o => o.ReportId == reportId)));
    }

    [Fact]
    public async Task Draft_Team_OffersToWriteEachText()
    {
        var client = await factory.ClientAsync("team");

        // 2013-14 has no report row, so it is a draft whatever the demo data publishes.
        var page = await client.GetDocumentAsync("/reports/yearly/2013-14/draft");

        Assert.NotNull(page.QuerySelector("a[href='/reports/yearly/2013-14/sections/commentary:governance']"));
        Assert.NotNull(page.QuerySelector("a[href='/reports/yearly/2013-14/sections/foreword']"));
    }

    [Fact]
    public async Task Draft_Member_ReadsWithoutEditLinks()
    {
        var client = await factory.ClientAsync("member");

        var page = await client.GetDocumentAsync("/reports/yearly/2023-24/draft");

        Assert.DoesNotContain(page.QuerySelectorAll("a[href*='/sections/']"), a => !a.GetAttribute("href")!.EndsWith("/history", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Edit_SavedTwice_HistoryShowsBothVersions()
    {
        var client = await factory.ClientAsync("team");
        const string url = "/reports/yearly/2019-20/sections/foreword";

        var first = await client.PostFormAsync(url, new() { ["Form.Text"] = "The first draft.", ["Form.BaseVersion"] = "0" });
        var second = await client.PostFormAsync(url, new() { ["Form.Text"] = "The **second** draft.", ["Form.BaseVersion"] = "1" });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/reports/yearly/2019-20/draft", second.RedirectPath());
        var versions = factory.Query(db => db.ReportNarratives.Where(n => n.SectionKey == "foreword" && db.YearlyReports.Any(r => r.Id == n.ReportId && r.StartYear == 2019))
            .OrderBy(n => n.Version).Select(n => new { n.Version, n.Text, n.By }).ToList());
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal("The **second** draft.", versions[1].Text);
        Assert.Equal(ReportStatus.Draft, factory.Query(db => db.YearlyReports.Single(r => r.StartYear == 2019).Status));
        var history = await client.GetDocumentAsync(url + "/history");
        Assert.Equal(["Version 2 (current)", "Version 1"], history.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()));
        Assert.NotNull(history.QuerySelector("main strong"));
        var draft = await client.GetDocumentAsync("/reports/yearly/2019-20/draft");
        Assert.Contains("second", draft.QuerySelector("#section-foreword")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_EmptyOrTooLong_ShowsTheErrorSummary()
    {
        var client = await factory.ClientAsync("team");
        const string url = "/reports/yearly/2018-19/sections/commentary:governance";

        var empty = await client.PostFormAsync(url, new() { ["Form.Text"] = "  ", ["Form.BaseVersion"] = "0" });
        var tooLong = await client.PostFormAsync(url, new() { ["Form.Text"] = new string('a', NarrativeForm.MaxLength + 1), ["Form.BaseVersion"] = "0" });

        await empty.AssertErrorsAsync("Enter the text");
        await tooLong.AssertErrorsAsync("The text must be 20,000 characters or fewer");
        Assert.False(factory.Query(db => db.YearlyReports.Any(r => r.StartYear == 2018)));
    }

    [Fact]
    public async Task ImpactAndSignatories_Written_AppearInTheDraftUnderTheirSection()
    {
        var client = await factory.ClientAsync("team");
        await client.PostFormAsync("/reports/yearly/2015-16/sections/impact:governance", new() { ["Form.Text"] = "Chairs now meet monthly.", ["Form.BaseVersion"] = "0" });
        await client.PostFormAsync("/reports/yearly/2015-16/sections/foreword-signatories", new() { ["Form.Text"] = "Jane Smith, Independent Chair", ["Form.BaseVersion"] = "0" });

        var editor = await client.GetDocumentAsync("/reports/yearly/2015-16/sections/impact:governance");
        Assert.Equal("Impact of governance and membership", editor.QuerySelector("h1")!.TextContent.Trim());
        var draft = await client.GetDocumentAsync("/reports/yearly/2015-16/draft");
        var governance = draft.GetElementById("section-governance")!;
        Assert.Contains("Chairs now meet monthly.", governance.QuerySelector(".report-impact")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Signed by Jane Smith, Independent Chair", draft.GetElementById("section-foreword")!.TextContent, StringComparison.Ordinal);
        // A narrative key that belongs to no section is not a page.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/reports/yearly/2015-16/sections/impact:foreword")).StatusCode);
    }

    [Fact]
    public async Task Edit_StaleBaseVersion_RefusedWithoutSaving()
    {
        var client = await factory.ClientAsync("team");
        const string url = "/reports/yearly/2017-18/sections/challenges";
        await client.PostFormAsync(url, new() { ["Form.Text"] = "Mine.", ["Form.BaseVersion"] = "0" });

        var stale = await client.PostFormAsync(url, new() { ["Form.Text"] = "Theirs.", ["Form.BaseVersion"] = "0" });

        await stale.AssertErrorsAsync(ReportDraftController.StaleError);
    }

    [Fact]
    public async Task Edit_PublishedReport_RefusedWithAClearMessage()
    {
        factory.Query(db =>
        {
            db.YearlyReports.Add(new YearlyReport { StartYear = 2016, Status = ReportStatus.Published });
            return db.SaveChanges();
        });
        var client = await factory.ClientAsync("team");
        const string url = "/reports/yearly/2016-17/sections/foreword";

        var page = await client.GetDocumentAsync(url);
        var post = await client.PostFormAsync(url, new() { ["Form.Text"] = "Too late.", ["Form.BaseVersion"] = "0" });

        Assert.Equal([ReportDraftController.PublishedError], page.ErrorSummary());
        Assert.Null(page.QuerySelector("main form"));
        await post.AssertErrorsAsync(ReportDraftController.PublishedError);
        Assert.False(factory.Query(db => db.ReportNarratives.Any(n => db.YearlyReports.Any(r => r.Id == n.ReportId && r.StartYear == 2016))));
    }

    [Theory]
    [InlineData("member", "foreword")]
    [InlineData("council.partner", "foreword")]
    [InlineData("scrutineer", "commentary:governance")]
    [InlineData("scrutineer", "challenges")]
    public async Task Edit_NotAllowed_Refused(string who, string key)
    {
        var client = await factory.ClientAsync(who);
        var url = $"/reports/yearly/2015-16/sections/{key}";

        var get = await client.GetAsync(url);
        var post = await client.PostFormAsync(url, new() { ["Form.Text"] = "Mine.", ["Form.BaseVersion"] = "0" }, formPage: "/reports/yearly/2015-16/draft");

        Assert.True(get.IsDenied(), $"GET {get.StatusCode}");
        Assert.True(post.IsDenied(), $"POST {post.StatusCode}");
    }

    [Fact]
    public async Task Edit_ScrutineerComment_SavedByTheScrutineer()
    {
        var client = await factory.ClientAsync("scrutineer");

        var response = await client.PostFormAsync("/reports/yearly/2014-15/sections/scrutineer-comment", new() { ["Form.Text"] = "Independent view.", ["Form.BaseVersion"] = "0" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Edit_UnknownSection_NotFound()
    {
        var client = await factory.ClientAsync("team");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/reports/yearly/2023-24/sections/nonsense")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/reports/yearly/2023-24/sections/commentary:foreword")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/reports/yearly/2023/draft")).StatusCode);
    }

    [Fact]
    public async Task Readiness_2024To25_NamesEachMissingItem()
    {
        var client = await factory.ClientAsync("team");

        var page = await client.GetDocumentAsync("/reports/yearly/2024-25/readiness");

        var rows = page.QuerySelectorAll("#readiness tbody tr");
        Assert.Equal(7, rows.Length);
        var voice = page.QuerySelector("tr[data-readiness='voice']")!;
        Assert.Contains("Missing", voice.TextContent, StringComparison.Ordinal);
        Assert.NotNull(voice.QuerySelector("a[href='/reports/yearly/2024-25/sections/commentary:voice']"));
    }

    [Fact]
    public async Task RenderDocument_Draft_HasTheFiguresAndTheDraftMarkerAndNoScript()
    {
        using var scope = factory.Services.CreateScope();
        var renderer = scope.ServiceProvider.GetRequiredService<IYearlyReportRenderer>();

        var draft = await renderer.RenderDocumentAsync(new ReportingYear(2023), draft: true, CancellationToken.None);
        var final = await renderer.RenderDocumentAsync(new ReportingYear(2023), draft: false, CancellationToken.None);

        Assert.DoesNotContain("<script", draft.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=\"", draft.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<html lang=\"en\">", draft.Html, StringComparison.Ordinal);
        Assert.Contains("class=\"report-watermark\"", draft.Html, StringComparison.Ordinal);
        // Read as text: each figure is marked up (data-figure) for the figures files.
        var text = System.Text.RegularExpressions.Regex.Replace(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(draft.Html).Body!.TextContent, @"\s+", " ");
        Assert.Contains("75% (3 of 4)", text, StringComparison.Ordinal);
        Assert.Contains("11 escalations were raised", text, StringComparison.Ordinal);
        Assert.Contains(".app-chart__svg", draft.Html, StringComparison.Ordinal);
        Assert.Contains("<svg", draft.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Not yet recorded in the portal", draft.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/", draft.Html, StringComparison.Ordinal);
        Assert.Equal("DRAFT", draft.PrintOptions.HeaderMarker);
        Assert.EndsWith("yearly report 2023-24", draft.PrintOptions.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"report-watermark\"", final.Html, StringComparison.Ordinal);
        Assert.Null(final.PrintOptions.HeaderMarker);
    }

    [Fact]
    public async Task RenderDocument_PrintedByChromium_TaggedA4WithTitleAndOutline()
    {
        using var scope = factory.Services.CreateScope();
        var rendered = await scope.ServiceProvider.GetRequiredService<IYearlyReportRenderer>().RenderDocumentAsync(new ReportingYear(2023), draft: true, CancellationToken.None);

        var pdf = await scope.ServiceProvider.GetRequiredService<HscpPortal.Web.Infrastructure.Pdf.IPdfPrinter>().PrintAsync(rendered.Html, rendered.PrintOptions, CancellationToken.None);

        var text = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        Assert.Contains("/StructTreeRoot", text, StringComparison.Ordinal);
        Assert.Contains("/Outlines", text, StringComparison.Ordinal);
        Assert.Contains("/Lang (en)", text, StringComparison.Ordinal);
        // Cover, contents and one page at least for each of the four built sections.
        Assert.True(System.Text.RegularExpressions.Regex.Count(text, @"/Type\s*/Page[^s]") >= 6);
    }

    [Fact]
    public async Task ContentHash_StableAndChangedByNarrative()
    {
        using var scope = factory.Services.CreateScope();
        var renderer = scope.ServiceProvider.GetRequiredService<IYearlyReportRenderer>();
        var year = new ReportingYear(2022);
        var first = await renderer.ContentHashAsync(year, CancellationToken.None);
        var second = await renderer.ContentHashAsync(year, CancellationToken.None);
        var client = await factory.ClientAsync("team");
        await client.PostFormAsync("/reports/yearly/2022-23/sections/commentary:escalations", new() { ["Form.Text"] = "Fewer than before.", ["Form.BaseVersion"] = "0" });

        using var after = factory.Services.CreateScope();
        var third = await after.ServiceProvider.GetRequiredService<IYearlyReportRenderer>().ContentHashAsync(year, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.NotEqual(first, third);
    }

    [Fact]
    public void Outline_ListsEverySectionInReportOrder()
    {
        using var scope = factory.Services.CreateScope();
        var outline = scope.ServiceProvider.GetRequiredService<IYearlyReportRenderer>().Outline;
        var sections = scope.ServiceProvider.GetRequiredService<ReportOutline>();

        Assert.Equal(22, outline.Count);
        Assert.Equal(ReportSectionKeys.Foreword, outline[0].Key);
        Assert.Equal([ReportSectionKeys.StructureAppendix, ReportSectionKeys.Glossary], outline.TakeLast(2).Select(o => o.Key));
        Assert.Equal(
            [ReportSectionKeys.Governance, ReportSectionKeys.BoardImpact, ReportSectionKeys.Audits, ReportSectionKeys.Escalations, ReportSectionKeys.ActionPlans,
             ReportSectionKeys.Section11, ReportSectionKeys.Scrutiny, ReportSectionKeys.StructureAppendix, ReportSectionKeys.Glossary],
            outline.Where(o => o.Built && sections.Find(o.Key)!.Kind == ReportSectionKind.Data).Select(o => o.Key));
    }

    [Theory]
    [InlineData("member", false)]
    [InlineData("qe.chair", false)]
    [InlineData("scrutineer", true)]
    [InlineData("council.partner", true)]
    public async Task DraftAndVersions_Reader_OfferOnlyLinksTheReaderMayFollow(string who, bool reviews)
    {
        var client = await factory.ClientAsync(who);

        var draft = await client.GetDocumentAsync("/reports/yearly/2024-25/draft");
        var versions = await client.GetDocumentAsync("/reports/yearly/2024-25/sections/foreword/history");

        Assert.Equal(reviews, draft.QuerySelector("a[href*='/comments/new']") is not null);
        var editors = draft.QuerySelectorAll("a[href*='/sections/']").Concat(versions.QuerySelectorAll("a[href*='/sections/']"))
            .Select(a => a.GetAttribute("href")!).Where(h => !h.EndsWith("/history", StringComparison.Ordinal)).ToList();
        if (who != "scrutineer")
        {
            Assert.Empty(editors);
        }
        else
        {
            Assert.All(editors, h => Assert.Matches("/sections/(foreword|foreword-signatories|scrutineer-comment)$", h));
        }
    }
}

/// <summary>
/// A past year's report is read as the records stood on its last day: resolving one of its escalations or finishing
/// one of its actions today leaves its figures, and so the fingerprint the partners signed, as they were.
/// A fixture of its own, because it changes demo records.
/// </summary>
public sealed class PastYearFiguresTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ContentHash_2023To24_UnchangedWhenItsEscalationIsResolvedAndItsActionFinishedToday()
    {
        var year = new ReportingYear(2023);
        string Hash()
        {
            using var scope = factory.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<IYearlyReportRenderer>().ContentHashAsync(year, CancellationToken.None).GetAwaiter().GetResult();
        }

        var before = Hash();
        var team = await factory.ClientAsync("team");
        var escalation = factory.Query(db => db.Escalations.Where(e => e.IsLive() && e.RaisedOn >= year.Start && e.RaisedOn <= year.End)
            .OrderBy(e => e.ResolvedOn == null ? 0 : 1).ThenByDescending(e => e.RaisedOn).Select(e => new { e.Id, e.ResolvedOn }).First());
        var openAction = factory.Query(db => db.Actions.Where(a => a.IsLive() && a.Status != ActionStatus.Completed && a.Status != ActionStatus.Closed
                && a.Status != ActionStatus.Cancelled && a.Meeting != null && a.Meeting.Date <= year.End)
            .Select(a => a.Id).First());

        if (escalation.ResolvedOn is null)
        {
            var page = await team.GetDocumentAsync($"/escalations/{escalation.Id}/resolve");
            var resolved = await team.PostFormAsync($"/escalations/{escalation.Id}/resolve", new()
            {
                ["Version"] = page.InputValue("Version"), ["On"] = UkTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["Outcome"] = "Agreed a joint plan at last", ["ImpactForChild"] = "The child's plan now has both agencies' support",
            });
            Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        }

        var form = await team.GetDocumentAsync($"/actions/{openAction}/update");
        var update = await team.PostFormAsync($"/actions/{openAction}/updates", new()
        {
            ["Version"] = form.InputValue("Version"), ["StatusAfter"] = "OffTrack", ["Note"] = "Stalled again this winter",
        }, formPage: $"/actions/{openAction}/update");

        Assert.Equal(HttpStatusCode.Redirect, update.StatusCode);
        Assert.Equal(before, Hash());
    }
}
