using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace HscpPortal.Web.Infrastructure.Govuk;

/// <summary>
/// Puts every GOV.UK table on a portal page in a container that scrolls sideways on its own, so a wide table never
/// widens the page on a phone. site.js marks a container that overflows as a named, keyboard-reachable region with a
/// visible "scroll sideways" hint; without JavaScript the container still scrolls. Documents printed to PDF (and the
/// published web page, which wraps its tables itself) are left as they are.
/// </summary>
[HtmlTargetElement("table", Attributes = "class")]
public sealed class ScrollingTableTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    // After the other tag helpers on a table, so the wrapper goes round the finished element.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var classes = output.Attributes["class"]?.Value switch
        {
            null => "",
            IHtmlContent html => Render(html),
            var v => v.ToString() ?? "",
        };
        if (!classes.Split(' ').Contains("govuk-table", StringComparer.Ordinal)
            || ViewContext.ViewData[ViewRenderer.ForPrintKey] is true)
        {
            return;
        }

        output.PreElement.AppendHtml("<div class=\"app-table-scroll\" data-module=\"app-table-scroll\">");
        output.PostElement.AppendHtml("</div>");
    }

    private static string Render(IHtmlContent html)
    {
        using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
