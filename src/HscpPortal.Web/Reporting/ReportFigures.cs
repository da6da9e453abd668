using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure;
using HscpPortal.Web.Infrastructure.Export;

namespace HscpPortal.Web.Reporting;

/// <summary>One figure of the report with the section it is in: a row of the figures files.</summary>
public sealed record FigureRecord(
    string Section, string SectionTitle, string Id, string Definition, string Period, decimal Value, string Unit, string Shown, string? Link);

/// <summary>The figures files' content: every figure of one report, in the order the report shows them.</summary>
public sealed record ReportFigureSet(string Partnership, string Year, string Period, string Status, IReadOnlyList<FigureRecord> Figures);

/// <summary>
/// The open data behind the yearly report: every number it prints, collected from the sections' models
/// (<see cref="IHasFigures"/>) of an assembled report, and written as JSON (frozen in the publication) and as CSV
/// (always produced from that JSON, so the two never disagree).
/// </summary>
public static class ReportFigures
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>ViewData: the figures a draft reader may follow to their records, by id (see <see cref="ReportFigureTagHelper"/>).</summary>
    public const string LinksKey = "Report.FigureLinks";

    /// <summary>ViewData: the key of the section being drawn, so that a chart's cells know their figure ids.</summary>
    public const string SectionKey = "Report.Section";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Letters outside ASCII as they are; characters that matter in HTML still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static ReportFigureSet Collect(YearlyReportModel report, string status)
    {
        var period = new ReportPeriod(report.Year, report.AsAt);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var figures = new List<FigureRecord>();
        foreach (var section in report.Sections.Where(s => s.InDocument))
        {
            if (section.Model is not IHasFigures facts)
            {
                continue;
            }

            foreach (var f in facts.Figures(period))
            {
                // Two records with one name (two groups called alike) would give one id twice: the later one is numbered.
                var id = f.Id;
                for (var n = 2; !seen.Add(id); n++)
                {
                    id = $"{f.Id}-{n}";
                }

                figures.Add(new FigureRecord(section.Key, section.Title, id, f.Definition, f.Period, f.Value, f.Unit, f.Shown, f.Link));
            }
        }

        return new ReportFigureSet(report.PartnershipName, report.Year.ToString(), ReportPeriod.Whole(report.Year), status, figures);
    }

    public static string ToJson(ReportFigureSet set) => JsonSerializer.Serialize(set, Json);

    public static ReportFigureSet FromJson(string json) =>
        JsonSerializer.Deserialize<ReportFigureSet>(json, Json) ?? throw new InvalidOperationException("The stored figures are empty.");

    private static readonly ExportColumn<FigureRecord>[] Columns =
    [
        new("section", f => f.Section),
        new("section_title", f => f.SectionTitle),
        new("figure_id", f => f.Id),
        new("definition", f => f.Definition),
        new("period", f => f.Period),
        new("value", f => f.Value),
        new("unit", f => f.Unit),
        new("shown_as", f => f.Shown),
        new("link", f => f.Link),
    ];

    /// <summary>RFC 4180 CSV with formula-looking text made inert (<see cref="TabularExport"/>).</summary>
    public static byte[] ToCsv(ReportFigureSet set) => TabularExport.ToCsv(ExportTable.From("figures", set.Figures, Columns));

    /// <summary>CSV produced from the stored JSON: the same bytes every time for the same publication.</summary>
    public static byte[] CsvFromJson(string json) => ToCsv(FromJson(json));

    /// <summary>"herefordshire-safeguarding-children-partnership-yearly-report-2023-24-figures" and its draft.</summary>
    public static string FileStem(PortalOptions portal, ReportingYear year, bool draft) =>
        Path.GetFileNameWithoutExtension(ReportPublisher.FileName(portal, year)) + (draft ? "-figures-draft" : "-figures");

    /// <summary>A name as part of an id: lower-case ASCII letters and digits, anything else one hyphen.</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().TrimEnd('-');
        return result.Length == 0 ? "unnamed" : result;
    }
}
