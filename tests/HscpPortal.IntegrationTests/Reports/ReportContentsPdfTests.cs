using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure.Pdf;
using HscpPortal.Web.Reporting;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// The demo's 2023-24 report assembled from the database and printed by the real Chromium printer with page numbers
/// in its contents, read back with PdfPig: every contents entry gives the page its section's heading starts on.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ReportContentsPdfTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Print_DemoReport2023To24_NumberedContentsGiveEachPage_CoverNamesPartners_NoNearEmptyPage()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var rendered = await scope.ServiceProvider.GetRequiredService<IYearlyReportRenderer>()
            .RenderDocumentAsync(new ReportingYear(2023), draft: false, CancellationToken.None);

        var pdf = await scope.ServiceProvider.GetRequiredService<IPdfPrinter>().PrintAsync(rendered.Html, rendered.PrintOptions, CancellationToken.None);

        // The contents as the HTML has them: each entry's title and the heading whose page it should give.
        var html = new HtmlParser().ParseDocument(rendered.Html);
        var entries = html.QuerySelectorAll("nav.report-contents li")
            .Select(li => (Title: Normalise(li.QuerySelector("a")!.TextContent), Heading: li.QuerySelector("[data-page-of]")!.GetAttribute("data-page-of")!))
            .ToList();
        Assert.Equal(html.QuerySelectorAll("section.report-section").Length, entries.Count);
        Assert.True(entries.Count >= 5, $"{entries.Count} contents entries");
        Assert.All(entries, e => Assert.Empty(html.QuerySelector($"[data-page-of='{e.Heading}']")!.TextContent));

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.TryGetBookmarks(out var bookmarks), "no outline");
        var outline = Flatten(bookmarks.Roots).ToList();
        var contentsPage = outline.Single(b => b.Title == "Contents").PageNumber;
        var contentsText = string.Join(" ", document.GetPage(contentsPage).GetWords().Select(w => w.Text));
        var previousPage = contentsPage;
        foreach (var (title, heading) in entries)
        {
            // The section's own heading in the outline: the one with the heading's text after the contents.
            var headingText = Normalise(html.GetElementById(heading)!.TextContent);
            var section = outline.First(b => b.Title == headingText && b.PageNumber > contentsPage);
            var printed = Regex.Match(contentsText, Regex.Escape(title) + @" (\d+)\b");
            Assert.True(printed.Success, $"no page number after \"{title}\" in the contents: {contentsText}");
            Assert.Equal(section.PageNumber, int.Parse(printed.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            // Sections flow on from each other, so two may share a page, but never go backwards.
            Assert.True(section.PageNumber >= previousPage, $"{title} on page {section.PageNumber}, before page {previousPage}");
            previousPage = section.PageNumber;
        }

        // Numbered sections and subsections, in the outline as in the contents.
        var titles = outline.Select(b => b.Title).ToList();
        Assert.Contains("1 Foreword", titles);
        Assert.Contains(titles, t => Regex.IsMatch(t, @"^\d+ Governance and membership$"));
        Assert.Contains(titles, t => Regex.IsMatch(t, @"^\d+\.1 Structure at year end$"));
        Assert.Contains(titles, t => t.StartsWith("Appendix A: ", StringComparison.Ordinal));
        Assert.Contains("Glossary", titles);

        // The cover names the partnership, the year and the three statutory partners.
        var cover = string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text));
        foreach (var expected in new[] { "Herefordshire Safeguarding Children Partnership", "Yearly report 2023-24", "Herefordshire Council", "West Mercia Police", "Integrated Care Board" })
        {
            Assert.Contains(expected, cover, StringComparison.Ordinal);
        }

        // No page after the cover and the contents holds only a few lines: sections flow rather than each taking a page.
        var sparse = document.GetPages().Where(p => p.Number > contentsPage)
            .Select(p => (p.Number, Words: p.GetWords().Count(w => w.Text.Any(char.IsLetter))))
            .Where(p => p.Words < 40)
            .ToList();
        Assert.True(sparse.Count == 0, "near-empty pages: " + string.Join(", ", sparse.Select(p => $"page {p.Number} ({p.Words} words)")));

        // The public text speaks of the partnership's records, not of the software that holds them.
        var all = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.DoesNotContain("portal", all, StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<DocumentBookmarkNode> Flatten(IEnumerable<BookmarkNode> nodes) =>
        nodes.SelectMany(n => (n is DocumentBookmarkNode d ? [d] : Enumerable.Empty<DocumentBookmarkNode>()).Concat(Flatten(n.Children)));

    private static string Normalise(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
