namespace HscpPortal.Web.Infrastructure.Pdf;

/// <summary>
/// Turns a finished HTML document (stylesheet and images included) into PDF bytes. The one boundary between
/// the portal's documents and the engine that prints them (ADR-003).
/// </summary>
public interface IPdfPrinter
{
    /// <exception cref="PdfPrintException">The browser is missing, failed, was busy for too long or timed out.</exception>
    Task<byte[]> PrintAsync(string html, PdfPrintOptions options, CancellationToken ct);
}

/// <summary>How one document is printed. Lengths are in millimetres; the defaults are portrait A4.</summary>
public sealed record PdfPrintOptions
{
    /// <summary>The PDF's title metadata; the document's own &lt;title&gt; when not set.</summary>
    public string? Title { get; init; }

    /// <summary>Plain text at the top left of every page, such as the partnership's name.</summary>
    public string? RunningHeader { get; init; }

    /// <summary>Plain text at the top right of every page, in bold, such as "DRAFT".</summary>
    public string? HeaderMarker { get; init; }

    /// <summary>"Page 3 of 12" at the foot of every page.</summary>
    public bool PageNumbers { get; init; } = true;

    /// <summary>
    /// A Chromium header template (HTML with its own &lt;style&gt;; spans with class pageNumber, totalPages,
    /// title or date are filled in). Replaces <see cref="RunningHeader"/> and <see cref="HeaderMarker"/>.
    /// </summary>
    public string? HeaderTemplate { get; init; }

    /// <summary>A Chromium footer template, as for the header. Replaces <see cref="PageNumbers"/>.</summary>
    public string? FooterTemplate { get; init; }

    public bool Landscape { get; init; }

    public double PaperWidthMm { get; init; } = 210;

    public double PaperHeightMm { get; init; } = 297;

    /// <summary>The header and footer are drawn inside the top and bottom margins, so those need room for them.</summary>
    public PdfMargins Margins { get; init; } = new(22, 18, 22, 18);

    /// <summary>Let a CSS @page size in the document win over the paper size given here.</summary>
    public bool PreferCssPageSize { get; init; }

    /// <summary>
    /// Write page numbers into the contents: every element with <c>data-page-of="some-id"</c> gets the number of the
    /// page on which the heading with that id starts. The document is printed, the pages are read back from the PDF's
    /// outline, the numbers are written in and it is printed again, in the same browser; the HTML itself is not changed.
    /// </summary>
    public bool FillContentsPageNumbers { get; init; }

    public static PdfPrintOptions A4 { get; } = new();
}

public sealed record PdfMargins(double TopMm, double RightMm, double BottomMm, double LeftMm);

/// <summary>A PDF could not be printed. The message says why, in words fit for the log.</summary>
public sealed class PdfPrintException : Exception
{
    public PdfPrintException()
    {
    }

    public PdfPrintException(string message)
        : base(message)
    {
    }

    public PdfPrintException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>The browser to print with. When empty, /usr/bin/chromium, then chromium, chromium-browser or google-chrome on the PATH.</summary>
    public string? ChromiumPath { get; set; }

    /// <summary>The longest one print may take, including waiting for a free slot.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// How many browsers may run at once, the spare included; each takes a few hundred megabytes while it runs.
    /// </summary>
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>
    /// After a print, a spare browser is started for the next one, so that the next print does not wait for a browser
    /// to start. It is used once, like every browser, and closed when it has waited this long unused; 0 keeps no spare.
    /// </summary>
    public int SpareMinutes { get; set; } = 10;
}
