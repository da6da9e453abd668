using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure.Pdf;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace HscpPortal.IntegrationTests;

/// <summary>The yearly report's document printed by the real Chromium printer, read back with PdfPig.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ReportPdfTests
{
    [Fact]
    public async Task Print_ReportDocument_IsTaggedMultiPagePdfWithOutlineAndTitle()
    {
        var rendered = await new FakeYearlyReportRenderer().RenderDocumentAsync(new ReportingYear(2023), draft: false, CancellationToken.None);
        using var printer = new ChromiumPdfPrinter(Options.Create(new PdfOptions()), NullLogger<ChromiumPdfPrinter>.Instance);

        var pdf = await printer.PrintAsync(rendered.Html, rendered.PrintOptions, CancellationToken.None);

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages > 1, $"{document.NumberOfPages} page(s)");
        var catalog = document.Structure.Catalog.CatalogDictionary;
        Assert.True(catalog.ContainsKey(NameToken.MarkInfo), "no /MarkInfo");
        Assert.True(catalog.ContainsKey(NameToken.StructTreeRoot), "no /StructTreeRoot");
        Assert.True(document.TryGetBookmarks(out var bookmarks), "no outline");
        Assert.Contains(bookmarks.GetNodes(), b => b.Title == "Escalations");
        Assert.Equal("Yearly report 2023-24", document.Information.Title);
        Assert.Contains("Governance and membership", string.Join(" ", document.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
    }
}
