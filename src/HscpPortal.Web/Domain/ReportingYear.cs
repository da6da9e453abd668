using System.Globalization;
using System.Text.RegularExpressions;

namespace HscpPortal.Web.Domain;

/// <summary>A partnership reporting year, 1 April to 31 March, written "2023-24".</summary>
public readonly partial record struct ReportingYear(int StartYear)
{
    public DateOnly Start => new(StartYear, 4, 1);
    public DateOnly End => new(StartYear + 1, 3, 31);

    public bool Contains(DateOnly date) => Start <= date && date <= End;

    public ReportingYear Previous => new(StartYear - 1);

    public ReportingYear Next => new(StartYear + 1);

    /// <summary>
    /// How long a new year counts as just started. Boards meet about quarterly, so in the first twelve weeks a year
    /// has few meetings or none and its rates swing on one or two records; dashboards show the last full year beside it.
    /// </summary>
    public const int EarlyWeeks = 12;

    /// <summary>True while <paramref name="today"/> is in this year and fewer than <see cref="EarlyWeeks"/> weeks after its start.</summary>
    public bool IsEarlyOn(DateOnly today) => Contains(today) && today.DayNumber - Start.DayNumber < EarlyWeeks * 7;

    public override string ToString() => $"{StartYear}-{(StartYear + 1) % 100:00}";

    public static ReportingYear Containing(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    public static bool TryParse(string? text, out ReportingYear year)
    {
        year = default;
        var match = text is null ? Match.Empty : Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var start = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var end = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if ((start + 1) % 100 != end || start < 1990 || start > 2100)
        {
            return false;
        }

        year = new ReportingYear(start);
        return true;
    }

    [GeneratedRegex(@"^(\d{4})-(\d{2})$")]
    private static partial Regex Pattern();
}
