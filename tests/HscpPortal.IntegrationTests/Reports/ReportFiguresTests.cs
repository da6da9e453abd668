using System.Net;
using System.Text;
using AngleSharp.Dom;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure.Pdf;
using HscpPortal.Web.Reporting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// The demo with its 2023-24 report assembled and published for real, printed by the stand-in printer: the figures
/// files come from the real sections, and no browser is started.
/// </summary>
public sealed class PublishedFiguresFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:PublishReports", "true");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IPdfPrinter>();
            services.AddSingleton<IPdfPrinter>(new FakePdfPrinter());
        });
    }
}

/// <summary>
/// Issue 15, item 4: the open data behind every figure of the yearly report. Public and frozen once published, the
/// draft's for signed-in readers before, the same numbers as the document, and linked to their records on the draft page.
/// </summary>
public sealed class ReportFiguresTests(PublishedFiguresFactory factory) : IClassFixture<PublishedFiguresFactory>
{
    private const string Published = "/reports/yearly/2023-24";

    [Fact]
    public async Task FiguresFiles_Published2023To24_PublicWithTypesNamesAndTheSeedsFigures()
    {
        var anonymous = factory.Anonymous();

        var json = await anonymous.GetAsync($"{Published}/figures.json");
        var csv = await anonymous.GetAsync($"{Published}/figures.csv");

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", json.Content.Headers.ContentType.CharSet);
        Assert.Equal("herefordshire-safeguarding-children-partnership-yearly-report-2023-24-figures.json", FileName(json));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal("herefordshire-safeguarding-children-partnership-yearly-report-2023-24-figures.csv", FileName(csv));
        Assert.NotNull(json.Headers.ETag);

        var set = Parse(await json.Content.ReadAsStringAsync());
        Assert.Equal("published", set.Status);
        Assert.Equal("2023-24", set.Year);
        Assert.Equal("1 April 2023 to 31 March 2024", set.Period);
        // The seeds' board attendance and escalations, as the published PDF's test reads them.
        AssertFigure(set, "board-impact.meetings-held", 4, "4");
        AssertFigure(set, "board-impact.attendance.herefordshire-council.delegated-partner-attended-percent", 100, "100%");
        AssertFigure(set, "board-impact.attendance.nhs-herefordshire-and-worcestershire-integrated-care-board.representative-attended-percent", 75, "75%");
        AssertFigure(set, "escalations.raised", 11, "11");
        var attendance = set.Figures.Single(f => f.Id == "board-impact.attendance.west-mercia-police.delegated-partner-attended");
        Assert.Equal(("board-impact", "The board's impact", "1 April 2023 to 31 March 2024", "meetings"), (attendance.Section, attendance.SectionTitle, attendance.Period, attendance.Unit));
        Assert.StartsWith("/meetings/attendance/partner?year=2023-24&organisationId=", attendance.Link, StringComparison.Ordinal);
        Assert.Contains(set.Figures, f => f.Section == "action-plans");
        Assert.Contains(set.Figures, f => f.Id.StartsWith("escalations.stages.", StringComparison.Ordinal));
        Assert.Equal(set.Figures.Count, set.Figures.Select(f => f.Id).Distinct(StringComparer.Ordinal).Count());

        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("section,section_title,figure_id,definition,period,value,unit,shown_as,link", lines[0]);
        Assert.Equal(set.Figures.Count + 1, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("board-impact,The board's impact,board-impact.meetings-held,Board meetings held in the year,1 April 2023 to 31 March 2024,4,meetings,4,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FiguresFiles_RecordsChangedAfterPublication_StayByteIdenticalWhileTheLiveFiguresMove()
    {
        var anonymous = factory.Anonymous();
        var jsonBefore = await anonymous.GetByteArrayAsync($"{Published}/figures.json");
        var csvBefore = await anonymous.GetByteArrayAsync($"{Published}/figures.csv");

        factory.AddEscalation(new DateOnly(2023, 11, 1));

        Assert.Equal(jsonBefore, await anonymous.GetByteArrayAsync($"{Published}/figures.json"));
        Assert.Equal(csvBefore, await anonymous.GetByteArrayAsync($"{Published}/figures.csv"));
        // Signed in makes no difference once published: the frozen files, not the draft's.
        Assert.Equal(jsonBefore, await (await factory.ClientAsync("team")).GetByteArrayAsync($"{Published}/figures.json"));
        using var scope = factory.Services.CreateScope();
        var live = await scope.ServiceProvider.GetRequiredService<IYearlyReportRenderer>().FiguresAsync(new ReportingYear(2023), CancellationToken.None);
        var frozen = Parse(Encoding.UTF8.GetString(jsonBefore));
        Assert.True(Value(live, "escalations.raised") > Value(frozen, "escalations.raised"), "the added escalation should count in the live figures only");
    }

    [Fact]
    public async Task PublishedDocument_EveryFigure_IsShownWithTheSameValueAndNothingElseIsMarked()
    {
        var anonymous = factory.Anonymous();
        var set = Parse(await anonymous.GetStringAsync($"{Published}/figures.json"));

        var document = await anonymous.GetDocumentAsync(Published);

        Assert.NotEmpty(set.Figures);
        foreach (var figure in set.Figures)
        {
            var shown = document.QuerySelectorAll($"[data-figure='{figure.Id}']");
            Assert.True(shown.Length > 0, $"{figure.Id} is not in the document");
            Assert.All(shown, e => Assert.Equal(figure.Shown, e.TextContent.Trim()));
        }

        var ids = set.Figures.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(document.QuerySelectorAll("[data-figure]"), e => Assert.Contains(e.GetAttribute("data-figure")!, ids));
        Assert.Empty(document.QuerySelectorAll("[data-figure] a, a [data-figure]"));
        var links = document.QuerySelectorAll("#data-behind-this-report a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["http://localhost:5080/reports/yearly/2023-24/figures.csv", "http://localhost:5080/reports/yearly/2023-24/figures.json"], links);
    }

    [Fact]
    public async Task DraftFigures_BeforePublication_OnlyForSignedInReaders()
    {
        var anonymous = factory.Anonymous();
        Assert.True((await anonymous.GetAsync("/reports/yearly/2024-25/figures.csv")).IsLoginRedirect());
        Assert.True((await anonymous.GetAsync("/reports/yearly/2024-25/figures.json")).IsLoginRedirect());

        var member = await factory.ClientAsync("member");
        var json = await member.GetAsync("/reports/yearly/2024-25/figures.json");
        var csv = await member.GetAsync("/reports/yearly/2024-25/figures.csv");

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("herefordshire-safeguarding-children-partnership-yearly-report-2024-25-figures-draft.json", FileName(json));
        Assert.Equal("draft", Parse(await json.Content.ReadAsStringAsync()).Status);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("herefordshire-safeguarding-children-partnership-yearly-report-2024-25-figures-draft.csv", FileName(csv));
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/reports/yearly/2031-32/figures.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/reports/yearly/not-a-year/figures.csv")).StatusCode);
    }

    [Fact]
    public async Task DraftPage_EachFigure_LinksToItsRecordsWhereTheReaderMayFollowAndShowsTheFiguresValue()
    {
        var team = await factory.ClientAsync("team");
        var page = await team.GetDocumentAsync("/reports/yearly/2023-24/draft");

        // Published, so the files are frozen; the draft page is live, so compare it with the live figures.
        using (var scope = factory.Services.CreateScope())
        {
            var figures = await scope.ServiceProvider.GetRequiredService<IYearlyReportRenderer>().FiguresAsync(new ReportingYear(2023), CancellationToken.None);
            Assert.NotEmpty(figures.Figures);
            foreach (var figure in figures.Figures)
            {
                var shown = page.QuerySelectorAll($"[data-figure='{figure.Id}']");
                Assert.True(shown.Length > 0, $"{figure.Id} is not on the draft page");
                Assert.All(shown, e => Assert.Equal(figure.Shown, e.TextContent.Trim()));
            }
        }

        Assert.StartsWith("/meetings/attendance/partner?year=2023-24&organisationId=",
            Href(page, "board-impact.attendance.herefordshire-council.delegated-partner-attended-percent"), StringComparison.Ordinal);
        Assert.Equal("/escalations?year=2023-24", Href(page, "escalations.raised"));
        Assert.Equal("/escalations?year=2023-24", Href(page, "escalations.raising.total"));
        Assert.Contains(page.QuerySelectorAll("[data-figure^='action-plans.'] a"), a => a.GetAttribute("href")!.StartsWith("/groups/", StringComparison.Ordinal));

        // A member may not read escalations, so those figures stay plain for them; attendance still links.
        var member = await (await factory.ClientAsync("member")).GetDocumentAsync("/reports/yearly/2023-24/draft");
        Assert.NotEmpty(member.QuerySelectorAll("[data-figure^='escalations.']"));
        Assert.Empty(member.QuerySelectorAll("[data-figure^='escalations.'] a"));
        Assert.NotNull(Href(member, "board-impact.meetings-held"));
    }

    [Fact]
    public async Task FiguresFiles_EditionPublishedBeforeFiguresWereKept_NotFoundWithTheReason()
    {
        factory.Query(db =>
        {
            var report = new YearlyReport { StartYear = 2019, Status = ReportStatus.Published, PublishedAt = new DateTime(2020, 9, 30, 12, 0, 0, DateTimeKind.Utc) };
            report.Publications.Add(new ReportPublication
            {
                Edition = 1,
                PublishedAt = report.PublishedAt.Value,
                Html = "<!DOCTYPE html><title>2019-20</title>",
                Pdf = [37, 80, 68, 70],
                HtmlSha256 = new string('a', 64),
                PdfSha256 = new string('b', 64),
            });
            db.YearlyReports.Add(report);
            return db.SaveChanges();
        });

        var response = await factory.Anonymous().GetAsync("/reports/yearly/2019-20/figures.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("published before the portal kept each report's figures", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.ClientAsync("team")).GetAsync("/reports/yearly/2019-20/figures.json")).StatusCode);
    }

    [Fact]
    public async Task Fingerprint_WhatOnlyTheFiguresNeed_IsLeftOutSoSignOffsStand()
    {
        using var scope = factory.Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<YearlyReportRenderer>().AssembleAsync(new ReportingYear(2023), CancellationToken.None);

        var canonical = YearlyReportRenderer.CanonicalJson(report);

        Assert.Contains("\"Attendance\"", canonical, StringComparison.Ordinal);
        Assert.DoesNotContain("GroupId", canonical, StringComparison.Ordinal);
        Assert.DoesNotContain("OrganisationId", canonical, StringComparison.Ordinal);
        Assert.DoesNotContain("EscalationId", canonical, StringComparison.Ordinal);
        Assert.DoesNotContain("ChartLinks", canonical, StringComparison.Ordinal);
    }

    private static ReportFigureSet Parse(string json) => ReportFigures.FromJson(json);

    private static decimal Value(ReportFigureSet set, string id) => set.Figures.Single(f => f.Id == id).Value;

    private static void AssertFigure(ReportFigureSet set, string id, decimal value, string shown)
    {
        var figure = Assert.Single(set.Figures, f => f.Id == id);
        Assert.Equal((value, shown), (figure.Value, figure.Shown));
        Assert.False(string.IsNullOrWhiteSpace(figure.Definition));
    }

    private static string? FileName(HttpResponseMessage response) =>
        response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"');

    private static string? Href(IParentNode page, string id) => page.QuerySelector($"[data-figure='{id}'] a")?.GetAttribute("href");
}
