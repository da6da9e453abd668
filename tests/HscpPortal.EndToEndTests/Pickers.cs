using Microsoft.Playwright;

namespace HscpPortal.EndToEndTests;

/// <summary>
/// The type-to-search fields that site.js makes of long person and organisation selects (accessible-autocomplete):
/// the field keeps the select's id and the select, hidden, becomes "{id}-select".
/// </summary>
public static class Pickers
{
    /// <summary>Types into the field and picks the suggestion with this text, as a user would.</summary>
    public static async Task ChooseAsync(this IPage page, string id, string typed, string suggestion)
    {
        await page.Locator($"#{id}-select").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.FillAsync($"#{id}", typed);
        await page.Locator($"#{id}__listbox li", new() { HasTextString = suggestion }).First.ClickAsync();
    }
}
