using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace HscpPortal.Web.Infrastructure.Govuk;

/// <summary>Shared rendering for GOV.UK form fields: label, hint, error message and the field itself.</summary>
public abstract class GovukFieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = default!;

    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [HtmlAttributeName("label-class")]
    public string LabelClass { get; set; } = "govuk-label";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    /// <summary>The name the field posts under, when not the model expression's: a GET filter's short query key ("from").</summary>
    [HtmlAttributeName("name")]
    public string? FieldName { get; set; }

    protected string Name => FieldName ?? For.Name;

    protected string Id => TagBuilder.CreateSanitizedId(Name, "-");

    protected string? Error =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage
            : null;

    protected string? Value
    {
        get
        {
            if (ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is not null)
            {
                return entry.AttemptedValue;
            }

            return For.Model switch
            {
                null => null,
                // As the form posts it and as Yes/No radios carry it ("true"), not bool.ToString()'s "True".
                bool b => b ? "true" : "false",
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                TimeOnly t => t.ToString("HH:mm", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.CurrentCulture),
                var v => v.ToString(),
            };
        }
    }

    protected string LabelText => Label ?? For.Metadata.DisplayName ?? For.Name;

    protected static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    protected string DescribedBy(params string?[] extra)
    {
        var ids = new List<string>();
        if (Hint is not null)
        {
            ids.Add($"{Id}-hint");
        }

        if (Error is not null)
        {
            ids.Add($"{Id}-error");
        }

        ids.AddRange(extra.OfType<string>());
        return ids.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', ids)}\"";
    }

    protected string HintAndError()
    {
        var html = "";
        if (Hint is not null)
        {
            html += $"<div id=\"{Id}-hint\" class=\"govuk-hint\">{E(Hint)}</div>";
        }

        if (Error is not null)
        {
            html += $"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(Error)}</p>";
        }

        return html;
    }

    protected void Wrap(TagHelperOutput output, string inner)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(inner);
    }
}

[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    /// <summary>GOV.UK width class suffix: 2, 3, 4, 5, 10, 20, 30, or "full".</summary>
    [HtmlAttributeName("width")]
    public string? Width { get; set; }

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var width = Width switch
        {
            null => "",
            "full" => " govuk-!-width-full",
            _ => $" govuk-input--width-{Width}",
        };
        var css = "govuk-input" + width + (Error is null ? "" : " govuk-input--error");
        var auto = Autocomplete is null ? "" : $" autocomplete=\"{E(Autocomplete)}\"";
        var spell = Spellcheck is null ? "" : $" spellcheck=\"{(Spellcheck.Value ? "true" : "false")}\"";
        var value = Type == "password" ? "" : $" value=\"{E(Value)}\"";
        Wrap(output,
            $"<label class=\"{LabelClass}\" for=\"{Id}\">{E(LabelText)}</label>{HintAndError()}" +
            $"<input class=\"{css}\" id=\"{Id}\" name=\"{E(Name)}\" type=\"{E(Type)}\"{value}{auto}{spell}{DescribedBy()}>");
    }
}

[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTextareaTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var css = "govuk-textarea" + (Error is null ? "" : " govuk-textarea--error");
        Wrap(output,
            $"<label class=\"{LabelClass}\" for=\"{Id}\">{E(LabelText)}</label>{HintAndError()}" +
            $"<textarea class=\"{css}\" id=\"{Id}\" name=\"{E(Name)}\" rows=\"{Rows}\"{DescribedBy()}>{E(Value)}</textarea>");
    }
}

[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSelectTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>Text of an empty first option, if the field may be left unset.</summary>
    [HtmlAttributeName("empty")]
    public string? Empty { get; set; }

    /// <summary>
    /// Long lists of people or organisations: site.js turns the select into a type-to-search field (GOV.UK's
    /// accessible-autocomplete). Without JavaScript it stays an ordinary select.
    /// </summary>
    [HtmlAttributeName("searchable")]
    public bool Searchable { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var css = "govuk-select" + (Error is null ? "" : " govuk-select--error");
        var module = Searchable ? " data-module=\"app-autocomplete\"" : "";
        var current = Value;
        var options = Empty is null ? "" : $"<option value=\"\">{E(Empty)}</option>";
        foreach (var item in Items)
        {
            var selected = item.Value == current ? " selected" : "";
            options += $"<option value=\"{E(item.Value)}\"{selected}>{E(item.Text)}</option>";
        }

        Wrap(output,
            $"<label class=\"{LabelClass}\" for=\"{Id}\">{E(LabelText)}</label>{HintAndError()}" +
            $"<select class=\"{css}\" id=\"{Id}\" name=\"{E(Name)}\"{module}{DescribedBy()}>{options}</select>");
    }
}

[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukRadiosTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    [HtmlAttributeName("inline")]
    public bool Inline { get; set; }

    [HtmlAttributeName("legend-class")]
    public string LegendClass { get; set; } = "govuk-fieldset__legend govuk-fieldset__legend--s";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var current = Value;
        var items = "";
        var index = 0;
        foreach (var item in Items)
        {
            // The first radio takes the field's id so the error summary link lands on it.
            var id = index++ == 0 ? Id : $"{Id}-{index}";
            var check = item.Value == current ? " checked" : "";
            items += $"<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"{id}\" name=\"{E(Name)}\" type=\"radio\" value=\"{E(item.Value)}\"{check}>" +
                     $"<label class=\"govuk-label govuk-radios__label\" for=\"{id}\">{E(item.Text)}</label></div>";
        }

        var inline = Inline ? " govuk-radios--inline" : "";
        Wrap(output,
            $"<fieldset class=\"govuk-fieldset\"{DescribedBy()}><legend class=\"{LegendClass}\">{E(LabelText)}</legend>{HintAndError()}" +
            $"<div class=\"govuk-radios{inline}\" data-module=\"govuk-radios\">{items}</div></fieldset>");
    }
}

[HtmlTargetElement("govuk-checkbox", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxTagHelper : GovukFieldTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var check = string.Equals(Value, "true", StringComparison.OrdinalIgnoreCase) ? " checked" : "";
        Wrap(output,
            $"{HintAndError()}<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\"><div class=\"govuk-checkboxes__item\">" +
            $"<input class=\"govuk-checkboxes__input\" id=\"{Id}\" name=\"{E(Name)}\" type=\"checkbox\" value=\"true\"{check}{DescribedBy()}>" +
            $"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{Id}\">{E(LabelText)}</label></div></div>" +
            $"<input type=\"hidden\" name=\"{E(Name)}\" value=\"false\">");
    }
}

/// <summary>The GOV.UK error summary, listing every model-state error with a link to its field.</summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var state = ViewContext.ViewData.ModelState;
        if (state.IsValid || state.ErrorCount == 0)
        {
            output.SuppressOutput();
            return;
        }

        var items = "";
        foreach (var (key, entry) in ErrorOrder.Order(state, ViewContext.ViewData.ModelMetadata.ModelType))
        {
            foreach (var error in entry.Errors)
            {
                var message = HtmlEncoder.Default.Encode(error.ErrorMessage);
                items += key.Length == 0
                    ? $"<li>{message}</li>"
                    : $"<li><a href=\"#{TagBuilder.CreateSanitizedId(key, "-")}\">{message}</a></li>";
            }
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Content.SetHtmlContent(
            "<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2>" +
            $"<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">{items}</ul></div></div>");
    }
}

public static partial class ErrorOrder
{
    /// <summary>
    /// GOV.UK lists errors in the order of the fields on the page. Forms declare their fields in page order,
    /// so errors follow the form model's property order, then the row number of a list field; errors about
    /// the whole form ("" key) come first.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, ModelStateEntry>> Order(ModelStateDictionary state, Type? model)
    {
        var properties = model?.GetProperties().Select(p => p.Name).ToList() ?? [];
        return state
            .Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => new KeyValuePair<string, ModelStateEntry>(e.Key, e.Value!))
            .Select((entry, position) => (entry, position))
            .OrderBy(x => x.entry.Key.Length == 0 ? -1 : Rank(properties, x.entry.Key))
            .ThenBy(x => RowNumber(x.entry.Key))
            .ThenBy(x => x.position)
            .Select(x => x.entry);
    }

    private static int Rank(List<string> properties, string key)
    {
        var first = key.Split('.', '[')[0];
        var index = properties.FindIndex(p => string.Equals(p, first, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? int.MaxValue : index;
    }

    private static int RowNumber(string key)
    {
        var match = Row().Match(key);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\[(\d+)\]")]
    private static partial System.Text.RegularExpressions.Regex Row();
}

public static class ModelStateExtensions
{
    public static void AddErrors(this ModelStateDictionary modelState, FluentValidation.Results.ValidationResult result, string prefix = "")
    {
        var replaced = new HashSet<string>();
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(prefix) ? error.PropertyName : $"{prefix}.{error.PropertyName}";
            // A value that could not be read (text in a number field) has the framework's generic message; the
            // validator's own message about the same field says what to do, so it replaces it. A date or time the
            // binder could not read already says what is wrong with what was typed ("must be a real date"), which
            // the validator, seeing an empty field, cannot; so that message stays.
            if (modelState.TryGetValue(key, out var existing) && existing.Errors.Count > 0)
            {
                if (existing.Errors.Any(e => e.Exception is FieldInputException))
                {
                    continue;
                }

                if (replaced.Add(key))
                {
                    existing.Errors.Clear();
                }
                else
                {
                    continue;
                }
            }

            modelState.AddModelError(key, error.ErrorMessage);
        }
    }
}
