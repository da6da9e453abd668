using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace HscpPortal.IntegrationTests;

/// <summary>The demo partnership with its 2023-24 report published for real: assembled, printed by Chromium and frozen.</summary>
public sealed class RealPublishedReportFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:PublishReports", "true");
    }
}

/// <summary>
/// The acceptance, read back from the PDF a partner downloads: tagged, with bookmarks and a title, and the
/// seeds' board attendance figures and 11 escalations readable in its text; frozen against later changes.
/// </summary>
public sealed class PublishedReportPdfTests(RealPublishedReportFactory factory) : IClassFixture<RealPublishedReportFactory>
{
    [Fact]
    public async Task Partner_Downloads2023To24Pdf_TaggedWithBookmarksTitleAndTheSeedsFigures()
    {
        var partner = await factory.ClientAsync("icb.partner");

        var response = await partner.GetAsync("/reports/yearly/2023-24.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Assert.True(catalog.ContainsKey(NameToken.MarkInfo) && catalog.ContainsKey(NameToken.StructTreeRoot), "not tagged");
        Assert.True(pdf.TryGetBookmarks(out var bookmarks), "no bookmarks");
        var titles = bookmarks.GetNodes().Select(b => b.Title).ToList();
        Assert.Contains(titles, t => t.Contains("Escalations", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("Governance", StringComparison.Ordinal));
        Assert.Contains("2023-24", pdf.Information.Title, StringComparison.Ordinal);
        Assert.True(pdf.NumberOfPages >= 5, $"{pdf.NumberOfPages} pages");
        Assert.DoesNotContain("DRAFT", Text(pdf), StringComparison.Ordinal);

        // The seeds' board attendance: ICB 50% / 75%, council 100% / 100%, police 50% / 50%, over 4 meetings.
        var text = Text(pdf);
        Assert.Contains("4 meetings held", text, StringComparison.Ordinal);
        Assert.Contains("Herefordshire Council 100% (4 of 4) 100% (4 of 4)", text, StringComparison.Ordinal);
        Assert.Contains("NHS Herefordshire and Worcestershire 50% (2 of 4) 75% (3 of 4)", text, StringComparison.Ordinal);
        Assert.Contains("West Mercia Police 50% (2 of 4) 50% (2 of 4)", text, StringComparison.Ordinal);
        Assert.Contains("11 escalations were raised in the year", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Published2023To24_ActionChangedAfterwards_PdfAndHtmlStayByteIdentical()
    {
        var anonymous = factory.Anonymous();
        var pdfBefore = await anonymous.GetByteArrayAsync("/reports/yearly/2023-24.pdf");
        var htmlBefore = await anonymous.GetByteArrayAsync("/reports/yearly/2023-24");

        factory.Query(db =>
        {
            var action = db.Actions.Where(a => a.Meeting!.Date >= new DateOnly(2023, 4, 1) && a.Meeting.Date <= new DateOnly(2024, 3, 31)).OrderBy(a => a.Id).First();
            action.Status = HscpPortal.Web.Domain.ActionStatus.OffTrack;
            action.Title += " (changed after publication)";
            return db.SaveChanges();
        });

        Assert.Equal(pdfBefore, await anonymous.GetByteArrayAsync("/reports/yearly/2023-24.pdf"));
        Assert.Equal(htmlBefore, await anonymous.GetByteArrayAsync("/reports/yearly/2023-24"));
    }

    [Fact]
    public async Task Published2023To24WebPage_FollowsTheHtmlPublicationPattern()
    {
        var anonymous = factory.Anonymous();
        var pdf = await anonymous.GetByteArrayAsync("/reports/yearly/2023-24.pdf");
        var response = await anonymous.GetAsync("/reports/yearly/2023-24");
        var page = await response.ReadDocumentAsync();

        // A skip link first, then the header, the title block with the publication date, the PDF with its size.
        var skip = page.QuerySelector("body > a")!;
        Assert.Equal("#main-content", skip.GetAttribute("href"));
        Assert.NotNull(page.GetElementById("main-content"));
        Assert.Equal("Yearly report 2023-24", page.QuerySelector(".pub-title-block h1")!.TextContent.Trim());
        Assert.Contains("Published 26 September 2024", page.QuerySelector(".pub-title-block")!.TextContent, StringComparison.Ordinal);
        var download = page.QuerySelector(".pub-attachment a")!;
        Assert.Equal("/reports/yearly/2023-24.pdf", download.GetAttribute("href"));
        using (var read = PdfDocument.Open(pdf))
        {
            var kb = (int)Math.Round(pdf.Length / 1024.0);
            Assert.Contains($"(PDF, {kb} KB, {read.NumberOfPages} pages)", page.QuerySelector(".pub-attachment")!.TextContent, StringComparison.Ordinal);
        }

        // The contents link to numbered sections; every table scrolls within a named, focusable region.
        var contents = page.QuerySelectorAll(".pub-contents a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal("1 Foreword", contents[0]);
        Assert.Contains("Glossary", contents);
        Assert.All(page.QuerySelectorAll(".pub-contents a"), a => Assert.NotNull(page.GetElementById(a.GetAttribute("href")!.TrimStart('#'))));
        var tables = page.QuerySelectorAll("main table");
        Assert.NotEmpty(tables);
        Assert.All(tables, t =>
        {
            var region = t.ParentElement!;
            Assert.Equal("region", region.GetAttribute("role"));
            Assert.Equal("0", region.GetAttribute("tabindex"));
            Assert.False(string.IsNullOrWhiteSpace(region.GetAttribute("aria-label")));
        });

        // The team's impact statements, the signed foreword and the glossary are in the document.
        var main = page.GetElementById("main-content")!.TextContent;
        Assert.True(page.QuerySelectorAll(".report-impact").Length >= 3, "impact statements");
        Assert.Contains("Independent Scrutineer and Chair of the Strategic Partners Board", page.QuerySelector(".report-signatories")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("LCSPR", page.QuerySelector(".report-glossary")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("portal", main, StringComparison.OrdinalIgnoreCase);
    }

    // Words joined by single spaces, so that figures read as they do on the page whatever the PDF's text runs are.
    private static string Text(PdfDocument pdf) =>
        string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
}
