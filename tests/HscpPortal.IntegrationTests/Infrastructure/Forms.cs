using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace HscpPortal.IntegrationTests.Infrastructure;

/// <summary>A form as the browser would submit it, so a test can change one answer and keep the rest as shown.</summary>
public static class Forms
{
    /// <summary>
    /// The fields of the first form on the page that has a field named <paramref name="field"/>, with the values
    /// the page shows (checked boxes and radios only, the selected option, the text of text areas). The
    /// anti-forgery token is left out: PostFormAsync fetches its own. A name given twice keeps its first value, as model
    /// binding reads it (a checked box before its hidden "false").
    /// </summary>
    public static Dictionary<string, string> FormFields(this IHtmlDocument document, string field)
    {
        var form = document.QuerySelectorAll("form").FirstOrDefault(f => f.QuerySelector($"[name='{field}']") is not null)
            ?? throw new InvalidOperationException($"No form with a field named {field} on the page");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            if (name == "__RequestVerificationToken" || element.HasAttribute("disabled"))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked:
                case IHtmlInputElement { Type: "submit" or "button" or "file" }:
                    break;
                case IHtmlInputElement input:
                    fields.TryAdd(name, input.Value);
                    break;
                case IHtmlSelectElement select:
                    fields.TryAdd(name, select.Value ?? "");
                    break;
                case IHtmlTextAreaElement area:
                    fields.TryAdd(name, area.Value);
                    break;
            }
        }

        return fields;
    }

    /// <summary>The fields with some answers changed.</summary>
    public static Dictionary<string, string> With(this Dictionary<string, string> fields, params (string Name, string Value)[] changes)
    {
        var copy = new Dictionary<string, string>(fields, StringComparer.Ordinal);
        foreach (var (name, value) in changes)
        {
            copy[name] = value;
        }

        return copy;
    }

    public static string? Text(this IElement? element) => element?.TextContent.Trim();
}
