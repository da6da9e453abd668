using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
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
public sealed class YearlyReportRenderer(
    PortalDbContext db,
    ReportOutline outline,
    ViewRenderer views,
    IOptions<PortalOptions> portal,
    TimeProvider clock) : IYearlyReportRenderer
{
    public const string DocumentView = "/Features/ReportDraft/Document.cshtml";

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
            });
        }

        var report = new YearlyReportModel
        {
            Year = year,
            PartnershipName = portal.Value.Name,
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

    /// <summary>The fingerprint of an assembled report: SHA-256 over its canonical JSON (sections, facts and texts).</summary>
    public static string Hash(YearlyReportModel report)
    {
        // The facts' date is left out: a finished year is always taken at 31 March, and an unfinished one changes anyway.
        var content = new
        {
            Year = report.Year.ToString(),
            report.PartnershipName,
            report.Sections,
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(content, Canonical);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }

    /// <summary>The canonical JSON the fingerprint is taken over, for tests and for explaining a changed fingerprint.</summary>
    public static string CanonicalJson(YearlyReportModel report) =>
        Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(new { Year = report.Year.ToString(), report.PartnershipName, report.Sections }, Canonical));

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
        return new RenderedReport(html, print, ReportFigures.Collect(report, draft ? ReportFigures.Draft : ReportFigures.Published));
    }

    public async Task<ReportFigureSet> FiguresAsync(ReportingYear year, CancellationToken ct) =>
        ReportFigures.Collect(await AssembleAsync(year, ct), ReportFigures.Draft);
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
