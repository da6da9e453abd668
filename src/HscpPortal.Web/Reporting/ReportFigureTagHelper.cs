using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace HscpPortal.Web.Reporting;

/// <summary>
/// Marks a number in a report section's partial as one of the report's figures: <c>&lt;td report-figure="@id"&gt;</c>
/// becomes <c>data-figure="id"</c>, so the document and its figures files can be matched. On the draft page, where
/// the controller puts the figures the reader may follow in ViewData (<see cref="ReportFigures.LinksKey"/>), the
/// number also links to the records behind it, as dashboard numbers do; the printed and published document never
/// has that ViewData, so it never links into the portal. A null id (a chart outside the report) changes nothing.
/// </summary>
[HtmlTargetElement(Attributes = AttributeName)]
public sealed class ReportFigureTagHelper : TagHelper
{
    public const string AttributeName = "report-figure";

    [HtmlAttributeName(AttributeName)]
    public string? FigureId { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrEmpty(FigureId))
        {
            return;
        }

        output.Attributes.SetAttribute("data-figure", FigureId);
        // Nought is not linked: an empty list helps nobody (the charts' tables do the same). The number is the link's
        // text, its purpose given by its table cell or sentence, so the draft reads exactly as the document does.
        if (ViewContext.ViewData[ReportFigures.LinksKey] is IReadOnlyDictionary<string, FigureRecord> links
            && links.TryGetValue(FigureId, out var figure) && figure.Link is { } href && figure.Value != 0)
        {
            output.PreContent.AppendHtml("<a class=\"govuk-link\" href=\"").Append(href).AppendHtml("\">");
            output.PostContent.AppendHtml("</a>");
        }
    }
}
