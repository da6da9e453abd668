using System.Globalization;
using System.Text.RegularExpressions;

namespace HscpPortal.Web.Domain;

public enum PersonalDataKind
{
    NhsNumber = 1,
    DateOfBirth = 2,
}

/// <summary>Something in free text that looks like it identifies a child, and where it is.</summary>
public sealed record PersonalDataFinding(PersonalDataKind Kind, int Index, int Length);

/// <summary>
/// Finds NHS numbers and full dates of birth in free text about a child's case, so the escalation log holds only
/// pseudonymised case data. It cannot know what is a child's date of birth and what is the date of a meeting, so
/// it refuses every full date: a month and year, or the child's age, is enough for the partnership's purposes
/// and does not identify anyone.
/// </summary>
public static partial class PersonalDataGuard
{
    private const string MonthNames =
        "january|february|march|april|may|june|july|august|september|october|november|december|" +
        "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";

    public static IReadOnlyList<PersonalDataFinding> Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var findings = new List<PersonalDataFinding>();
        foreach (Match m in NhsNumberPattern().Matches(text))
        {
            if (IsValidNhsNumber(m.Groups[1].Value + m.Groups[2].Value + m.Groups[3].Value))
            {
                findings.Add(new(PersonalDataKind.NhsNumber, m.Index, m.Length));
            }
        }

        foreach (Match m in DayMonthYearNumeric().Matches(text))
        {
            AddIfDate(findings, m, Number(m.Groups["y"]), Number(m.Groups["m"]), Number(m.Groups["d"]));
        }

        foreach (Match m in YearMonthDayNumeric().Matches(text))
        {
            AddIfDate(findings, m, Number(m.Groups["y"]), Number(m.Groups["m"]), Number(m.Groups["d"]));
        }

        foreach (Match m in DayMonthNameYear().Matches(text))
        {
            AddIfDate(findings, m, Number(m.Groups["y"]), MonthNumber(m.Groups["m"].Value), Number(m.Groups["d"]));
        }

        foreach (Match m in MonthNameDayYear().Matches(text))
        {
            AddIfDate(findings, m, Number(m.Groups["y"]), MonthNumber(m.Groups["m"].Value), Number(m.Groups["d"]));
        }

        return findings.OrderBy(f => f.Index).ToList();
    }

    /// <summary>
    /// The NHS number's modulus 11 check: weights 10 down to 2 on the first nine digits; the check digit is
    /// 11 minus the remainder, where 11 means 0 and 10 means no valid number has those nine digits.
    /// </summary>
    public static bool IsValidNhsNumber(string digits)
    {
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return check != 10 && check == digits[9] - '0';
    }

    /// <summary>Why the text was refused and what to write instead, naming the field ("The summary").</summary>
    public static string Explain(string field, PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.NhsNumber =>
            $"{field} contains what looks like an NHS number. Use the pseudonymised case reference instead (the agency's case ID or the partnership's pseudonym), never an NHS number",
        _ =>
            $"{field} contains what looks like a full date of birth. Give the child's age, or only the month and year (for example March 2024), instead of a full date",
    };

    private static void AddIfDate(List<PersonalDataFinding> findings, Match m, int year, int month, int day)
    {
        if (year < 100)
        {
            year += 2000;
        }

        if (month is >= 1 and <= 12 && year is >= 1900 and <= 2199 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            && !findings.Any(f => f.Index < m.Index + m.Length && m.Index < f.Index + f.Length))
        {
            findings.Add(new(PersonalDataKind.DateOfBirth, m.Index, m.Length));
        }
    }

    private static int Number(System.Text.RegularExpressions.Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    private static int MonthNumber(string name)
    {
        var prefix = name[..3].ToLowerInvariant();
        var months = new[] { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
        return Array.IndexOf(months, prefix) + 1;
    }

    // 3-3-4 with spaces or hyphens, or ten digits together; never part of a longer run of digits.
    [GeneratedRegex(@"(?<!\d[ -]?)(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![ -]?\d)")]
    private static partial Regex NhsNumberPattern();

    // 12/03/2015, 12-03-2015, 12.03.15: the same separator twice.
    [GeneratedRegex(@"(?<![\d/.-])(?<d>\d{1,2})(?<s>[/.-])(?<m>\d{1,2})\k<s>(?<y>\d{4}|\d{2})(?![\d/-]|\.\d)")]
    private static partial Regex DayMonthYearNumeric();

    // 2015-03-12, 2015/03/12.
    [GeneratedRegex(@"(?<![\d/.-])(?<y>\d{4})(?<s>[/.-])(?<m>\d{1,2})\k<s>(?<d>\d{1,2})(?![\d/-]|\.\d)")]
    private static partial Regex YearMonthDayNumeric();

    // 12 March 2015, 12th Mar 2015, 12th of March, 2015.
    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m>" + MonthNames + @")\.?,?\s+(?<y>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthNameYear();

    // March 12 2015, March 12th, 2015.
    [GeneratedRegex(@"\b(?<m>" + MonthNames + @")\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthNameDayYear();
}
