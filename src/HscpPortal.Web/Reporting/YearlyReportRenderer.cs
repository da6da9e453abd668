using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure;
using HscpPortal.Web.Infrastructure.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Reporting;

/// <summary>
/// Assembles the yearly report from the records and the current narrative, section by section in the order of
/// the <see cref="ReportOutline"/>, and gives the workflow its fingerprint, readiness check and printed document.
/// </summary>
public sealed partial class YearlyReportRenderer(
    PortalDbContext db,
    ReportOutline outline,
    ViewRenderer views,
    IOptions<PortalOptions> portal,
    TimeProvider clock) : IYearlyReportRenderer
{
    public const string DocumentView = "/Features/ReportDraft/Document.cshtml";
    public const string PublicationView = "/Features/ReportDraft/Publication.cshtml";

    /// <summary>What "About this report" prints beneath its text: the items the report does not cover, and why.</summary>
    public const string AboutPartial = "/Features/ReportDraft/_Omissions.cshtml";

    private static readonly JsonSerializerOptions Canonical = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    public IReadOnlyList<ReportOutlineEntry> Outline { get; } =
        outline.Sections.Select(s => new ReportOutlineEntry(s.Key, s.Title, s.Built)).ToList();

    public async Task<YearlyReportModel> AssembleAsync(ReportingYear year, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var context = new ReportContext
        {
            Db = db,
            Year = year,
            AsAt = today < year.End ? today : year.End,
        };
        var texts = await CurrentTextsAsync(year, ct);
        var omissions = await db.ReportOmissions.AsNoTracking()
            .Where(o => o.IsLive() && db.YearlyReports.Any(r => r.Id == o.ReportId && r.StartYear == year.StartYear))
            .OrderBy(o => o.Id)
            .Select(o => new { o.ItemKey, o.Reason })
            .ToListAsync(ct);
        var sections = new List<AssembledSection>();
        // One after another: a DbContext runs one query at a time.
        foreach (var section in outline.Sections)
        {
            var textKey = section.Kind == ReportSectionKind.Narrative ? section.Key : ReportSectionKeys.Commentary(section.Key);
            sections.Add(new AssembledSection
            {
                Key = section.Key,
                Title = section.Title,
                Kind = section.Kind,
                Built = section.Built,
                Partial = section.Partial,
                Model = await section.BuildAsync(context, ct),
                Text = texts.GetValueOrDefault(textKey),
                Impact = section.Kind == ReportSectionKind.Data ? texts.GetValueOrDefault(ReportSectionKeys.Impact(section.Key)) : null,
            });
        }

        var partners = await db.Organisations.AsNoTracking()
            .Where(o => o.IsLive() && o.IsPartnerOn(context.AsAt))
            .OrderBy(o => o.StatutoryPartner).ThenBy(o => o.Name)
            .Select(o => new
            {
                o.Name,
                Logo = db.OrganisationLogos.Where(l => l.OrganisationId == o.Id && l.IsLive())
                    .OrderByDescending(l => l.Id).Select(l => new { l.AltText, l.ContentType, l.Data }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var report = new YearlyReportModel
        {
            Year = year,
            PartnershipName = portal.Value.Name,
            Partners = partners.Select(p => new CoverPartner(p.Name, p.Logo?.AltText, p.Logo?.ContentType, p.Logo?.Data)).ToList(),
            ForewordSignatories = Signatory.Parse(texts.GetValueOrDefault(ReportSectionKeys.ForewordSignatories)),
            AsAt = context.AsAt,
            Sections = sections,
        };

        // "About this report" says which statutory items the report does not cover, and why: the reasons recorded for
        // the items the readiness check still finds missing.
        var missing = ReportReadiness.Check(report).Where(i => !i.Present).Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        var notCovered = omissions
            .Where(o => missing.Contains(o.ItemKey))
            .GroupBy(o => o.ItemKey, StringComparer.Ordinal).Select(g => g.Last())
            .Select(o => new OmissionText(o.ItemKey, ReportReadiness.Requirement(o.ItemKey), o.Reason))
            .OrderBy(o => ReportReadiness.Order(o.ItemKey))
            .ToList();
        if (notCovered.Count > 0)
        {
            var index = sections.FindIndex(s => s.Key == ReportSectionKeys.About);
            var aboutSection = sections[index];
            sections[index] = new AssembledSection
            {
                Key = aboutSection.Key,
                Title = aboutSection.Title,
                Kind = aboutSection.Kind,
                Built = aboutSection.Built,
                Partial = AboutPartial,
                Model = new AboutModel(notCovered),
                Text = aboutSection.Text,
                Impact = aboutSection.Impact,
            };
        }

        return report;
    }

    /// <summary>The latest version of each narrative text of the year's report, by its key.</summary>
    public async Task<Dictionary<string, string>> CurrentTextsAsync(ReportingYear year, CancellationToken ct)
    {
        var versions = await db.ReportNarratives.AsNoTracking()
            .Where(n => db.YearlyReports.Any(r => r.Id == n.ReportId && r.StartYear == year.StartYear))
            .Select(n => new { n.SectionKey, n.Version, n.Text })
            .ToListAsync(ct);
        return versions
            .GroupBy(n => n.SectionKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(n => n.Version)!.Text, StringComparer.Ordinal);
    }

    public async Task<string> ContentHashAsync(ReportingYear year, CancellationToken ct) =>
        Hash(await AssembleAsync(year, ct));

    /// <summary>The fingerprint of an assembled report: SHA-256 over its canonical JSON (cover, sections, facts and texts).</summary>
    public static string Hash(YearlyReportModel report) => Convert.ToHexStringLower(SHA256.HashData(Fingerprinted(report)));

    /// <summary>The canonical JSON the fingerprint is taken over, for tests and for explaining a changed fingerprint.</summary>
    public static string CanonicalJson(YearlyReportModel report) => Encoding.UTF8.GetString(Fingerprinted(report));

    // The facts' date is left out: a finished year is always taken at 31 March, and an unfinished one changes anyway.
    private static byte[] Fingerprinted(YearlyReportModel report) => JsonSerializer.SerializeToUtf8Bytes(
        new { Year = report.Year.ToString(), report.PartnershipName, report.Partners, report.ForewordSignatories, report.Sections }, Canonical);

    public async Task<IReadOnlyList<ReadinessItem>> CheckReadinessAsync(ReportingYear year, CancellationToken ct) =>
        ReportReadiness.Check(await AssembleAsync(year, ct));

    public async Task<RenderedReport> RenderDocumentAsync(ReportingYear year, bool draft, CancellationToken ct, DateOnly? dated = null)
    {
        var report = await AssembleAsync(year, ct);
        var document = new ReportDocument
        {
            Report = report,
            Draft = draft,
            Date = dated ?? UkTime.Today(clock),
            Readiness = ReportReadiness.Check(report),
        };
        var html = await views.RenderAsync(DocumentView, document, context: null, new Dictionary<string, object?> { [ViewRenderer.ForPrintKey] = true });
        var title = $"{report.PartnershipName} yearly report {year}";
        var print = new PdfPrintOptions
        {
            Title = title,
            RunningHeader = $"{report.PartnershipName}: yearly report {year}",
            HeaderMarker = draft ? "DRAFT" : null,
            PageNumbers = true,
            FillContentsPageNumbers = true,
        };
        return new RenderedReport(html, print, ReportFigures.Collect(report, draft ? ReportFigures.Draft : ReportFigures.Published)) { Document = document };
    }

    public async Task<ReportFigureSet> FiguresAsync(ReportingYear year, CancellationToken ct) =>
        ReportFigures.Collect(await AssembleAsync(year, ct), ReportFigures.Draft);

    public async Task<string> RenderPublicationPageAsync(RenderedReport printed, byte[] pdf, CancellationToken ct)
    {
        var document = printed.Document ?? throw new ArgumentException("The printed report carries no document to draw the page from.", nameof(printed));
        int? pages;
        try
        {
            using var read = UglyToad.PdfPig.PdfDocument.Open(pdf);
            pages = read.NumberOfPages;
        }
        catch (UglyToad.PdfPig.Core.PdfDocumentFormatException)
        {
            // The page count is a courtesy; a PDF it cannot be read from (a stand-in printer's) still gets its size.
            pages = null;
        }

        var page = new PublicationPage
        {
            Document = document,
            PdfUrl = $"/reports/yearly/{document.Report.Year}.pdf",
            PdfSize = FileSize(pdf.LongLength),
            PdfPages = pages,
        };
        var html = await views.RenderAsync(PublicationView, page, context: null, new Dictionary<string, object?> { [ViewRenderer.ForPrintKey] = true });
        return ScrollingTables(html);
    }

    /// <summary>"285 KB", "1.2 MB".</summary>
    public static string FileSize(long bytes) => bytes < 1024 * 1024
        ? $"{Math.Max(1, (int)Math.Round(bytes / 1024.0)).ToString(CultureInfo.InvariantCulture)} KB"
        : $"{(bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture)} MB";

    /// <summary>
    /// Puts each table in a region that scrolls sideways on a narrow screen instead of widening the page, named by
    /// the table's caption and reachable by keyboard, as a scrolling region must be.
    /// </summary>
    public static string ScrollingTables(string html) =>
        TableStart().Replace(html, m =>
        {
            var caption = WebUtility.HtmlDecode(Tags().Replace(m.Groups["caption"].Value, "")).Trim();
            var label = WebUtility.HtmlEncode(caption.Length > 0 ? caption : "Table");
            return $"<div class=\"pub-table\" role=\"region\" aria-label=\"{label}\" tabindex=\"0\">{m.Value}";
        }).Replace("</table>", "</table></div>", StringComparison.Ordinal);

    [GeneratedRegex(@"<table\b[^>]*>\s*(?:<caption\b[^>]*>(?<caption>.*?)</caption>)?", RegexOptions.Singleline)]
    private static partial Regex TableStart();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}

/// <summary>The published web page: the document, and the PDF it links to.</summary>
public sealed class PublicationPage
{
    public required ReportDocument Document { get; init; }
    public required string PdfUrl { get; init; }

    /// <summary>"285 KB" or "1.2 MB".</summary>
    public required string PdfSize { get; init; }
    /// <summary>Null when the PDF could not be read back to count them.</summary>
    public required int? PdfPages { get; init; }
}

/// <summary>The printed report: its sections and how it is marked.</summary>
public sealed class ReportDocument
{
    public required YearlyReportModel Report { get; init; }
    public required bool Draft { get; init; }
    public required DateOnly Date { get; init; }
    public required IReadOnlyList<ReadinessItem> Readiness { get; init; }

    public string Title => $"{Report.PartnershipName} yearly report {Report.Year}";
}
