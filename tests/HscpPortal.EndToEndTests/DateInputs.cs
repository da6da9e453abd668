using System.Globalization;
using Microsoft.Playwright;

namespace HscpPortal.EndToEndTests;

public static class DateInputs
{
    /// <summary>Types a date into a GOV.UK date input as a person does: day, month and year, each in its own field.</summary>
    public static async Task FillDateAsync(this IPage page, string id, DateOnly date)
    {
        await page.FillAsync($"#{id}", date.Day.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync($"#{id}-month", date.Month.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync($"#{id}-year", date.Year.ToString(CultureInfo.InvariantCulture));
    }
}
