using System.Globalization;

namespace HscpPortal.Web.Infrastructure.Govuk;

/// <summary>The parts of a GOV.UK date input that a message is about, so that only those are marked in error.</summary>
[Flags]
public enum DatePart
{
    None = 0,
    Day = 1,
    Month = 2,
    Year = 4,
    All = Day | Month | Year,
}

/// <summary>A date read from its day, month and year: the date, or the GOV.UK message saying what is wrong and where.</summary>
public readonly record struct DateReading(DateOnly? Value, string? Error, DatePart Wrong)
{
    public bool IsBlank => Value is null && Error is null;
}

/// <summary>
/// Reads dates typed into the GOV.UK date input (day, month, year) and times typed on the 24-hour clock, with the
/// design system's error messages. Pure, so the binder and the tag helpers agree on what counts as wrong.
/// </summary>
public static class DateTimeInput
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// Blank parts are no date (whether one is needed is the form's validator's rule); otherwise every part must be
    /// there, a number, a real day of a real month, and a 4-digit year. Month names ("Feb", "February") are accepted.
    /// </summary>
    public static DateReading ReadDate(string? day, string? month, string? year, string label)
    {
        day = day?.Trim() ?? "";
        month = month?.Trim() ?? "";
        year = year?.Trim() ?? "";
        if (day.Length == 0 && month.Length == 0 && year.Length == 0)
        {
            return new(null, null, DatePart.None);
        }

        var missing = (day.Length == 0 ? DatePart.Day : 0) | (month.Length == 0 ? DatePart.Month : 0) | (year.Length == 0 ? DatePart.Year : 0);
        if (missing != DatePart.None)
        {
            var names = new[] { (DatePart.Day, "day"), (DatePart.Month, "month"), (DatePart.Year, "year") }
                .Where(p => missing.HasFlag(p.Item1)).Select(p => p.Item2).ToList();
            return new(null, $"{label} must include a {string.Join(" and ", names)}", missing);
        }

        var d = Number(day, 2);
        var m = Number(month, 2) ?? MonthName(month);
        var wrong = (d is null ? DatePart.Day : 0) | (m is null ? DatePart.Month : 0);
        if (wrong != DatePart.None)
        {
            return new(null, $"{label} must be a real date", wrong);
        }

        var y = Number(year, 4);
        if (y is null || year.Length != 4)
        {
            return y is null && !year.All(char.IsAsciiDigit)
                ? new(null, $"{label} must be a real date", DatePart.Year)
                : new(null, "Year must include 4 numbers", DatePart.Year);
        }

        if (y < 1 || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y.Value, m!.Value))
        {
            var part = m is < 1 or > 12 ? DatePart.Month : y < 1 ? DatePart.Year : DatePart.Day;
            return new(null, $"{label} must be a real date", part);
        }

        return new(new DateOnly(y.Value, m.Value, d!.Value), null, DatePart.None);
    }

    /// <summary>A single value as links and older forms send it: ISO 8601, yyyy-MM-dd.</summary>
    public static DateReading ReadIsoDate(string? value, string label)
    {
        value = value?.Trim() ?? "";
        if (value.Length == 0)
        {
            return new(null, null, DatePart.None);
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new(date, null, DatePart.None)
            : new(null, $"{label} must be a real date", DatePart.All);
    }

    /// <summary>
    /// A time on the 24-hour clock: "15:00", "9:30", "1500", "930", "15.00", "15"; "3pm" and "3:30 pm" too, since
    /// people type them. Blank is no time; anything else that is not a real time is null with <paramref name="valid"/> false.
    /// </summary>
    public static TimeOnly? ReadTime(string? text, out bool valid)
    {
        valid = true;
        var value = (text ?? "").Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (value.Length == 0)
        {
            return null;
        }

        valid = false;
        var pm = value.EndsWith("pm", StringComparison.Ordinal);
        var am = value.EndsWith("am", StringComparison.Ordinal);
        if (pm || am)
        {
            value = value[..^2];
        }

        value = value.Replace('.', ':');
        string hours, minutes;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            (hours, minutes) = (value[..colon], value[(colon + 1)..]);
        }
        else if (value.Length <= 2)
        {
            (hours, minutes) = (value, "00");
        }
        else
        {
            (hours, minutes) = (value[..^2], value[^2..]);
        }

        if (hours.Length is < 1 or > 2 || minutes.Length != 2 || Number(hours, 2) is not { } h || Number(minutes, 2) is not { } m || m > 59)
        {
            return null;
        }

        if (am || pm)
        {
            if (h is < 1 or > 12)
            {
                return null;
            }

            h = h % 12 + (pm ? 12 : 0);
        }

        if (h > 23)
        {
            return null;
        }

        valid = true;
        return new TimeOnly(h, m);
    }

    /// <summary>"Enter the start time in 24-hour format, for example 15:00".</summary>
    public static string TimeError(string label) =>
        $"Enter the {label.ToLower(Uk)} in 24-hour format, for example 15:00";

    private static int? Number(string text, int maxDigits) =>
        text.Length <= maxDigits && text.Length > 0 && text.All(char.IsAsciiDigit)
            ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)
            : null;

    private static int? MonthName(string text)
    {
        if (text.Length < 3)
        {
            return null;
        }

        var names = Uk.DateTimeFormat.MonthNames;
        for (var i = 0; i < 12; i++)
        {
            if (names[i].StartsWith(text, StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return null;
    }
}
