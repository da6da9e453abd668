using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace HscpPortal.Web.Reporting;

/// <summary>
/// The number of the report section being drawn ("4", or "A" for an appendix) and a count of its subsections, put in
/// the view data by the document so that a section's partial numbers its subheadings ("4.1", "4.2") without knowing
/// where in the report it stands. Partials share the object: view data is copied, its values are not.
/// </summary>
public sealed class ReportNumbering(string sectionKey, string? number)
{
    public const string Key = "ReportNumbering";

    private int subsections;

    public string SectionKey { get; } = sectionKey;

    /// <summary>Null for a section printed without a number (the glossary, or a draft section not in the document).</summary>
    public string? Number { get; } = number;

    /// <summary>The next subsection's number ("4.2"), or null when the section is unnumbered.</summary>
    public (string Id, string? Number) Next()
    {
        subsections++;
        var id = $"section-{SectionKey}-{subsections.ToString(CultureInfo.InvariantCulture)}";
        return (id, Number is null ? null : $"{Number}.{subsections.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>A section's numbered title, as the contents and its heading give it: "4 Governance", "Appendix A: Changes".</summary>
    public static string Label(string sectionKey, string title, string? number) =>
        number is null ? title : ReportSectionKeys.IsBackMatter(sectionKey) ? $"Appendix {number}: {title}" : $"{number} {title}";

    /// <summary>The numbers of the sections in the document: 1, 2, 3 for the body, A, B for the appendices.</summary>
    public static IReadOnlyDictionary<string, string> Assign(IEnumerable<AssembledSection> sections)
    {
        var numbers = new Dictionary<string, string>(StringComparer.Ordinal);
        int body = 0, appendix = 0;
        foreach (var section in sections)
        {
            if (ReportSectionKeys.IsBackMatter(section.Key))
            {
                if (section.Key != ReportSectionKeys.Glossary)
                {
                    numbers[section.Key] = ((char)('A' + appendix++)).ToString();
                }
            }
            else
            {
                numbers[section.Key] = (++body).ToString(CultureInfo.InvariantCulture);
            }
        }

        return numbers;
    }
}

public static class ReportHeadingExtensions
{
    /// <summary>
    /// A section's subheading, numbered within the section when the view data carries its <see cref="ReportNumbering"/>:
    /// <c>&lt;h3 id="section-governance-1"&gt;&lt;span class="report-number"&gt;4.1&lt;/span&gt; Structure&lt;/h3&gt;</c>.
    /// </summary>
    public static IHtmlContent Subheading(this IHtmlHelper html, string title)
    {
        var builder = new HtmlContentBuilder();
        if (html.ViewData[ReportNumbering.Key] is not ReportNumbering numbering)
        {
            return builder.AppendHtml("<h3>").Append(title).AppendHtml("</h3>");
        }

        var (id, number) = numbering.Next();
        builder.AppendHtml("<h3 id=\"").Append(id).AppendHtml("\">");
        if (number is not null)
        {
            builder.AppendHtml("<span class=\"report-number\">").Append(number).AppendHtml("</span> ");
        }

        return builder.Append(title).AppendHtml("</h3>");
    }

    /// <summary>Starts a section's numbering for the partials drawn after it.</summary>
    public static ReportNumbering Number(this ViewDataDictionary viewData, string sectionKey, string? number)
    {
        var numbering = new ReportNumbering(sectionKey, number);
        viewData[ReportNumbering.Key] = numbering;
        return numbering;
    }
}
