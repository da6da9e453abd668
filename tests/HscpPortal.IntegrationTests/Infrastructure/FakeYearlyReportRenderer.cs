using System.Collections.Concurrent;
using System.Net;
using System.Text;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure.Pdf;
using HscpPortal.Web.Reporting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HscpPortal.IntegrationTests.Infrastructure;

/// <summary>
/// A stand-in for the report assembler, for the workflow's tests: a short outline, a fingerprint the test sets per
/// year (as if the content had changed), two readiness items, a small document with real headings and one figure.
/// </summary>
public sealed class FakeYearlyReportRenderer : IYearlyReportRenderer
{
    private readonly ConcurrentDictionary<int, string> hashes = new();
    private readonly ConcurrentDictionary<int, string> extra = new();

    public IReadOnlyList<ReportOutlineEntry> Outline { get; } =
    [
        new(ReportSectionKeys.Foreword, "Foreword", true),
        new(ReportSectionKeys.LocalContext, "Local context", true),
        new(ReportSectionKeys.Governance, "Governance and membership", true),
        new(ReportSectionKeys.Escalations, "Escalations", true),
        new(ReportSectionKeys.Funding, "Funding", false),
    ];

    /// <summary>Changes what the report for the year says, and so its fingerprint.</summary>
    public void Change(ReportingYear year, string text)
    {
        extra[year.StartYear] = text;
        hashes[year.StartYear] = ReportPublisher.Sha256(Encoding.UTF8.GetBytes(text));
    }

    public Task<string> ContentHashAsync(ReportingYear year, CancellationToken ct) =>
        Task.FromResult(hashes.GetOrAdd(year.StartYear, y => ReportPublisher.Sha256(Encoding.UTF8.GetBytes($"report {y}"))));

    public Task<IReadOnlyList<ReadinessItem>> CheckReadinessAsync(ReportingYear year, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ReadinessItem>>(
        [
            new("scrutiny", "Independent scrutiny", true, "The scrutineer's comment is written.", $"/reports/yearly/{year}/sections/{ReportSectionKeys.ScrutineerComment}"),
            new("funding", "Funding", false, "No contributions are recorded for the year.", "/funding"),
        ]);

    public Task<RenderedReport> RenderDocumentAsync(ReportingYear year, bool draft, CancellationToken ct, DateOnly? dated = null)
    {
        var body = new StringBuilder();
        body.Append(CultureInvariant($"<h1>Yearly report {year}</h1>"));
        if (draft)
        {
            body.Append("<p class=\"draft\">DRAFT</p>");
        }

        body.Append("<p>").Append(WebUtility.HtmlEncode(extra.GetValueOrDefault(year.StartYear, "As first written."))).Append("</p>");
        foreach (var section in Outline)
        {
            body.Append("<h2>").Append(section.Title).Append("</h2>");
            for (var i = 0; i < 12; i++)
            {
                body.Append("<p>The partnership recorded its work for this section in the portal, and this paragraph stands in for the assembled text. </p>");
            }

            body.Append("<h3>").Append(section.Title).Append(": detail</h3><p>More detail.</p>");
        }

        var html = $$"""
            <!DOCTYPE html>
            <html lang="en-GB"><head><meta charset="utf-8"><title>Yearly report {{year}}</title>
            <style>body { font-family: sans-serif; } h2 { break-before: page; }</style></head>
            <body>{{body}}</body></html>
            """;
        return Task.FromResult(new RenderedReport(html, new PdfPrintOptions
        {
            Title = $"Yearly report {year}",
            RunningHeader = "Test Partnership",
            HeaderMarker = draft ? "DRAFT" : null,
        }, Figures(year, draft ? ReportFigures.Draft : ReportFigures.Published)));
    }

    public Task<string> RenderPublicationPageAsync(RenderedReport printed, byte[] pdf, CancellationToken ct) =>
        Task.FromResult($"<!DOCTYPE html><html lang=\"en-GB\"><head><title>{printed.PrintOptions.Title}</title></head><body><main><h1>{printed.PrintOptions.Title}</h1><a href=\"/reports/yearly/\">PDF, {pdf.Length} bytes</a></main></body></html>");
    public Task<ReportFigureSet> FiguresAsync(ReportingYear year, CancellationToken ct) => Task.FromResult(Figures(year, ReportFigures.Draft));

    // One figure, which changes with what the report says, so a test can tell frozen figures from live ones.
    private ReportFigureSet Figures(ReportingYear year, string status) => new(
        "Test Partnership",
        year.ToString(),
        ReportPeriod.Whole(year),
        status,
        [
            new FigureRecord(ReportSectionKeys.Escalations, "Escalations", "escalations.raised", "Escalations raised in the year", ReportPeriod.Whole(year),
                extra.GetValueOrDefault(year.StartYear, "").Length, "escalations", CultureInvariant($"{extra.GetValueOrDefault(year.StartYear, "").Length}"), $"/escalations?year={year}"),
        ]);

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}

/// <summary>A printer that answers at once with a small PDF-like document, or fails when told to.</summary>
public sealed class FakePdfPrinter : IPdfPrinter
{
    public bool Fail { get; set; }

    public int Printed { get; private set; }

    public Task<byte[]> PrintAsync(string html, PdfPrintOptions options, CancellationToken ct)
    {
        if (Fail)
        {
            throw new PdfPrintException("The test printer was told to fail.");
        }

        Printed++;
        return Task.FromResult(Encoding.UTF8.GetBytes($"%PDF-1.7 fake {ReportPublisher.Sha256(Encoding.UTF8.GetBytes(html))} {options.HeaderMarker}"));
    }
}

/// <summary>The portal with the stand-in renderer and printer in place, whatever else is registered.</summary>
public class ReportWorkflowFactory : PortalFactory
{
    public FakeYearlyReportRenderer Renderer { get; } = new();

    public FakePdfPrinter Printer { get; } = new();

    protected virtual bool PublishDemoReports => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:PublishReports", PublishDemoReports ? "true" : "false");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IYearlyReportRenderer>();
            services.RemoveAll<IPdfPrinter>();
            services.AddSingleton<IYearlyReportRenderer>(Renderer);
            services.AddSingleton<IPdfPrinter>(Printer);
        });
    }
}

/// <summary>As above, with the demo's 2023-24 report published while seeding.</summary>
public sealed class PublishedDemoFactory : ReportWorkflowFactory
{
    protected override bool PublishDemoReports => true;
}
