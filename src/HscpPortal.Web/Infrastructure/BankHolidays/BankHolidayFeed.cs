using System.Globalization;
using System.Text.Json;
using HscpPortal.Web.Domain;

namespace HscpPortal.Web.Infrastructure.BankHolidays;

/// <summary>
/// Reads GOV.UK's bank-holiday JSON (https://www.gov.uk/bank-holidays.json): the "england-and-wales" division,
/// events of { title, date, notes, bunting }. The portal ships the file for 2018 to 2028 as an embedded resource.
/// </summary>
public static class BankHolidayFeed
{
    public const string Division = "england-and-wales";
    private const string ShippedResource = "HscpPortal.Web.Data.Reference.bank-holidays.json";

    /// <summary>Parses the feed, or throws <see cref="FormatException"/> with a message fit to show the user.</summary>
    public static IReadOnlyList<BankHoliday> Parse(Stream json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            throw new FormatException("The file is not valid JSON: download it again from GOV.UK");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty(Division, out var division)
                || division.ValueKind != JsonValueKind.Object
                || !division.TryGetProperty("events", out var events)
                || events.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"The file has no “{Division}” events: use GOV.UK’s bank-holidays.json");
            }

            var result = new List<BankHoliday>();
            var seen = new HashSet<DateOnly>();
            var index = 0;
            foreach (var item in events.EnumerateArray())
            {
                index++;
                var title = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String
                    ? t.GetString()?.Trim()
                    : null;
                var dateText = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String
                    ? d.GetString()
                    : null;
                if (string.IsNullOrEmpty(title) || !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    throw new FormatException($"Event {index} needs a title and a date like 2024-12-25");
                }

                if (!seen.Add(date))
                {
                    continue;
                }

                var notes = item.TryGetProperty("notes", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                var bunting = item.TryGetProperty("bunting", out var b) && b.ValueKind == JsonValueKind.True;
                result.Add(new BankHoliday
                {
                    Date = date,
                    Title = title.Length > 200 ? title[..200] : title,
                    Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
                    Bunting = bunting,
                });
            }

            if (result.Count == 0)
            {
                throw new FormatException("The file lists no bank holidays");
            }

            return result.OrderBy(h => h.Date).ToList();
        }
    }

    /// <summary>The bank holidays shipped with the portal (2018 to 2028).</summary>
    public static IReadOnlyList<BankHoliday> Shipped()
    {
        using var stream = typeof(BankHolidayFeed).Assembly.GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException($"Missing embedded resource {ShippedResource}");
        return Parse(stream);
    }
}
