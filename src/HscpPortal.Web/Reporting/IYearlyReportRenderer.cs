using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure.Pdf;

namespace HscpPortal.Web.Reporting;

/// <summary>
/// The yearly report as the rest of the portal needs it: its outline, the fingerprint that partners sign, the
/// readiness check and the finished document that is printed and published. The assembler and its sections sit
/// behind it; the workflow (sign-off, publication, the sent-to log, the PDF) only uses this.
/// </summary>
public interface IYearlyReportRenderer
{
    /// <summary>Every section in report order, those not yet built included.</summary>
    IReadOnlyList<ReportOutlineEntry> Outline { get; }

    /// <summary>
    /// SHA-256 (lower-case hex) of what the partners sign: the facts assembled from the records and the current
    /// narrative of every section. It leaves out the report's status, sign-offs, review comments and the moment of
    /// rendering, so it changes exactly when the report's content does.
    /// </summary>
    Task<string> ContentHashAsync(ReportingYear year, CancellationToken ct);

    /// <summary>Each statutory item the report must cover, present or missing, with where to fix it.</summary>
    Task<IReadOnlyList<ReadinessItem>> CheckReadinessAsync(ReportingYear year, CancellationToken ct);

    /// <summary>
    /// The complete, self-contained HTML document that is printed and published (stylesheet inlined, charts as
    /// inline SVG, no scripts, nothing fetched from the portal), with the options to print it. Marked "DRAFT" on
    /// every page when <paramref name="draft"/>. Works outside a web request (the CLI and the benchmark).
    /// </summary>
    /// <param name="dated">The date on the cover: the publication date when publishing; today when not given.</param>
    Task<RenderedReport> RenderDocumentAsync(ReportingYear year, bool draft, CancellationToken ct, DateOnly? dated = null);

    /// <summary>
    /// The published report's web page, laid out as a GOV.UK HTML publication (header and skip link, title block,
    /// contents, the document in a readable column, tables that scroll on a phone) with a link to its PDF, whose
    /// size and page count it states. Self-contained like the printed document, and drawn from the same assembly as
    /// <paramref name="printed"/>, so that the page and the PDF never differ.
    /// </summary>
    Task<string> RenderPublicationPageAsync(RenderedReport printed, byte[] pdf, CancellationToken ct);
    /// <summary>Every figure the report shows as it stands (status "draft"), for the figures files before publication.</summary>
    Task<ReportFigureSet> FiguresAsync(ReportingYear year, CancellationToken ct);
}

public sealed record ReportOutlineEntry(string Key, string Title, bool Built);

/// <param name="Requirement">The statutory item, in plain words.</param>
/// <param name="Present">Whether the report has evidence for it.</param>
/// <param name="Detail">What was found, or what is missing.</param>
/// <param name="FixUrl">Where to record what is missing (or to read what is there).</param>
public sealed record ReadinessItem(string Key, string Requirement, bool Present, string Detail, string FixUrl);

/// <param name="Figures">Every figure the document shows, from the same assembly: frozen with it when it is published.</param>
public sealed record RenderedReport(string Html, PdfPrintOptions PrintOptions, ReportFigureSet Figures)
{
    /// <summary>What the HTML was drawn from, so that the web page published beside the PDF shows the same assembly.</summary>
    public ReportDocument? Document { get; init; }
}
