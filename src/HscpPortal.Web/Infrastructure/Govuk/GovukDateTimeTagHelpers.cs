using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace HscpPortal.Web.Infrastructure.Govuk;

/// <summary>
/// The GOV.UK date input: day, month and year as three numeric text fields in a fieldset, posted as
/// <c>{Name}.Day</c>, <c>{Name}.Month</c> and <c>{Name}.Year</c> and read by <see cref="DateTimeInputBinder"/>.
/// Browsers' own date pickers show the browser's locale (mm/dd/yyyy) and are hard to use with a screen reader.
/// </summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukDateInputTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("legend-class")]
    public string LegendClass { get; set; } = "govuk-fieldset__legend";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        Hint ??= "For example, 27 3 2025";
        var (day, month, year) = Parts();
        var error = Error;
        // Only the parts the message is about are marked; when the message is about the whole date, all three are.
        var wrong = DatePart.None;
        if (error is not null)
        {
            wrong = DateTimeInput.ReadDate(day, month, year, "").Wrong;
            if (wrong == DatePart.None)
            {
                wrong = DatePart.All;
            }
        }

        // The day takes the field's own id, so that the error summary's link lands on it.
        var items =
            Item(Id, ".Day", "Day", day, "2", wrong.HasFlag(DatePart.Day)) +
            Item($"{Id}-month", ".Month", "Month", month, "2", wrong.HasFlag(DatePart.Month)) +
            Item($"{Id}-year", ".Year", "Year", year, "4", wrong.HasFlag(DatePart.Year));
        Wrap(output,
            $"<fieldset class=\"govuk-fieldset\" role=\"group\"{DescribedBy()}><legend class=\"{LegendClass}\">{E(LabelText)}</legend>{HintAndError()}" +
            $"<div class=\"govuk-date-input\" id=\"{Id}-date\">{items}</div></fieldset>");
    }

    private string Item(string id, string suffix, string label, string? value, string width, bool wrong) =>
        $"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">" +
        $"<label class=\"govuk-label govuk-date-input__label\" for=\"{id}\">{label}</label>" +
        $"<input class=\"govuk-input govuk-date-input__input govuk-input--width-{width}{(wrong ? " govuk-input--error" : "")}\" id=\"{id}\" " +
        $"name=\"{E(Name + suffix)}\" type=\"text\" inputmode=\"numeric\" value=\"{E(value)}\"></div></div>";

    /// <summary>What was typed, if the form is shown again; else the model's date.</summary>
    private (string? Day, string? Month, string? Year) Parts()
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry))
        {
            if (entry.RawValue is string?[] { Length: 3 } typed)
            {
                return (typed[0], typed[1], typed[2]);
            }

            // One ISO value from a link: its pieces, even when they are not a real date.
            if (entry.AttemptedValue is { } iso)
            {
                var pieces = iso.Split('-');
                return pieces.Length == 3 ? (pieces[2], pieces[1], pieces[0]) : (null, null, null);
            }
        }

        return For.Model is DateOnly date
            ? (date.Day.ToString(CultureInfo.InvariantCulture), date.Month.ToString(CultureInfo.InvariantCulture), date.Year.ToString(CultureInfo.InvariantCulture))
            : (null, null, null);
    }
}

/// <summary>
/// A time on the 24-hour clock as a short text field ("15:00"), read by <see cref="DateTimeInputBinder"/>. A browser's
/// time field follows its locale's 12-hour clock and cut off the AM/PM in this width.
/// </summary>
[HtmlTargetElement("govuk-time-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTimeInputTagHelper : GovukFieldTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        Hint ??= "24-hour clock, for example 15:00";
        var css = "govuk-input govuk-input--width-5" + (Error is null ? "" : " govuk-input--error");
        Wrap(output,
            $"<label class=\"{LabelClass}\" for=\"{Id}\">{E(LabelText)}</label>{HintAndError()}" +
            $"<input class=\"{css}\" id=\"{Id}\" name=\"{E(Name)}\" type=\"text\" inputmode=\"numeric\" autocomplete=\"off\" spellcheck=\"false\" value=\"{E(Value)}\"{DescribedBy()}>");
    }
}
