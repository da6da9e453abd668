using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace HscpPortal.IntegrationTests.Infrastructure;

public enum FieldKind
{
    Text,
    Number,
    Date,
    Time,
    Hidden,
    Choice,
    File,
}

/// <summary>
/// One named control of a form. <see cref="Value"/> is what a browser would send untouched (null: nothing, as for an
/// unticked checkbox); <see cref="Options"/> are a select's or a radio group's values.
/// </summary>
public sealed record FormField(string Name, FieldKind Kind, string? Value, IReadOnlyList<string> Options);

/// <summary>A &lt;form method="post"&gt; as found on a page: where it posts, how, with what, and its anti-forgery token.</summary>
public sealed record PageForm(string Page, string Action, bool Multipart, IReadOnlyList<FormField> Fields, string? Token)
{
    public string ActionPath => Action.Split('?', '#')[0];

    public override string ToString() => $"{Action} (on {Page})";

    /// <summary>The fields as a browser would submit the form untouched.</summary>
    public List<KeyValuePair<string, string>> Defaults() =>
        Fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Name, f.Value!)).ToList();
}

/// <summary>
/// Reads the post forms of a page and submits them as a browser would, with the page's own anti-forgery token; or
/// takes one form's fields as shown, so a test can change one answer and keep the rest.
/// </summary>
public static class Forms
{
    public const string TokenField = "__RequestVerificationToken";

    public static IReadOnlyList<PageForm> PostForms(this IHtmlDocument document, string page) =>
        document.QuerySelectorAll("form")
            .Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
            .Select(f => Read(f, page))
            .ToList();

    private static PageForm Read(IElement form, string page)
    {
        var action = form.GetAttribute("action");
        var fields = new List<FormField>();
        var token = form.QuerySelector($"input[name='{TokenField}']")?.GetAttribute("value");

        foreach (var control in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = control.GetAttribute("name")!;
            if (name == TokenField)
            {
                continue;
            }

            switch (control)
            {
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, FieldKind.Text, area.Value, []));
                    break;
                case IHtmlSelectElement select:
                    var options = select.Options.Select(o => o.Value).ToList();
                    var selected = select.Options.FirstOrDefault(o => o.IsSelected)?.Value ?? options.FirstOrDefault();
                    fields.Add(new(name, FieldKind.Choice, selected, options));
                    break;
                case IHtmlInputElement input:
                    var type = (input.GetAttribute("type") ?? "text").ToLowerInvariant();
                    var value = input.GetAttribute("value") ?? "";
                    switch (type)
                    {
                        case "submit" or "button" or "image" or "reset":
                            break;
                        case "radio":
                            var group = fields.FindIndex(f => f.Name == name && f.Kind == FieldKind.Choice);
                            if (group < 0)
                            {
                                fields.Add(new(name, FieldKind.Choice, input.HasAttribute("checked") ? value : null, [value]));
                            }
                            else
                            {
                                var existing = fields[group];
                                fields[group] = existing with
                                {
                                    Value = input.HasAttribute("checked") ? value : existing.Value, Options = [.. existing.Options, value],
                                };
                            }

                            break;
                        case "checkbox":
                            fields.Add(new(name, FieldKind.Choice, input.HasAttribute("checked") ? value : null, [value]));
                            break;
                        case "hidden":
                            fields.Add(new(name, FieldKind.Hidden, value, []));
                            break;
                        case "number":
                            fields.Add(new(name, FieldKind.Number, value, []));
                            break;
                        case "date":
                            fields.Add(new(name, FieldKind.Date, value, []));
                            break;
                        case "time":
                            fields.Add(new(name, FieldKind.Time, value, []));
                            break;
                        case "file":
                            fields.Add(new(name, FieldKind.File, null, []));
                            break;
                        // The GOV.UK date input's day, month and year, and the 24-hour time field: numbers to whoever types.
                        case "text" when input.GetAttribute("inputmode") == "numeric":
                            fields.Add(new(name, FieldKind.Number, value, []));
                            break;
                        default:
                            fields.Add(new(name, FieldKind.Text, value, []));
                            break;
                    }

                    break;
            }
        }

        // The browser sends the name and value of the button pressed: the first named one, as a user's usual click.
        var button = form.QuerySelector("button[name], input[type=submit][name]");
        if (button is not null)
        {
            fields.Add(new(button.GetAttribute("name")!, FieldKind.Hidden, button.GetAttribute("value") ?? "", []));
        }

        return new PageForm(
            page,
            string.IsNullOrEmpty(action) ? page : action,
            string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase),
            fields,
            token is null ? null : WebUtility.HtmlDecode(token));
    }

    /// <summary>
    /// Stands for a lone UTF-16 surrogate in a posted value: a .NET string cannot carry one to the wire, so the
    /// url-encoding below writes this private-use character as the bytes a lone high surrogate would be (ED A0 80,
    /// invalid UTF-8), as a hostile client could send.
    /// </summary>
    public const char LoneSurrogate = '\uE000';

    private static string Encode(string value) =>
        Uri.EscapeDataString(value).Replace("%EE%80%80", "%ED%A0%80", StringComparison.Ordinal);

    /// <summary>Posts these fields to the form's action with its token, encoded as the form says.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, PageForm form, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var body = fields.ToList();
        if (form.Token is not null)
        {
            body.Add(new(TokenField, form.Token));
        }

        HttpContent content;
        if (form.Multipart)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in body)
            {
                multipart.Add(new StringContent(value), name);
            }

            content = multipart;
        }
        else
        {
            content = new StringContent(
                string.Join("&", body.Select(p => $"{Encode(p.Key)}={Encode(p.Value)}")), System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        }

        return client.PostAsync(form.Action, content);
    }

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
