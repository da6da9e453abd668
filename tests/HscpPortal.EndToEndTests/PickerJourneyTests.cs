using System.Text.RegularExpressions;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.EndToEndTests;

/// <summary>Type-to-search on a long list of people: the action owner is found by part of their name, with axe on the page.</summary>
[Collection(PortalCollection.Name)]
public partial class PickerJourneyTests(PortalServer server)
{
    [Fact]
    public async Task ActionOwner_PartOfANameTypedAndSuggestionPicked_SavedAndPagePassesAxe()
    {
        int id;
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var owner = db.People.Single(p => p.FullName == "Joanne Tilley");
            var action = new ActionItem
            {
                Title = "Agree the picker journey's test action", OwnerPersonId = owner.Id, OwnerOrganisationId = owner.OrganisationId,
                GroupId = db.Groups.Where(g => g.Name == "Quality and Effectiveness Group").Select(g => g.Id).Single(),
                DueDate = UkTime.Today(TimeProvider.System).AddDays(20), Status = ActionStatus.OnTrack, Source = ActionSource.Audit, SourceReference = "Picker audit",
            };
            db.Actions.Add(action);
            db.SaveChanges();
            id = action.Id;
        }

        var page = await server.SignInAsync("team");
        var problems = new List<string>();
        await page.GotoAsync($"{server.BaseUrl}/actions/{id}/edit");

        await page.Locator("#OwnerPersonId-select").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        Assert.Equal("Joanne Tilley", (await page.InputValueAsync("#OwnerPersonId")).Split(" – ")[0]);
        await page.FillAsync("#OwnerPersonId", "fairb");
        await page.Locator("#OwnerPersonId__listbox li").First.WaitForAsync();
        // With the suggestions open, as a screen reader user meets them.
        problems.AddRange(await Accessibility.ViolationsAsync(page));
        await page.Locator("#OwnerPersonId__listbox li", new() { HasTextString = "Ian Fairbairn" }).First.ClickAsync();
        problems.AddRange(await Accessibility.ViolationsAsync(page));
        await page.ClickAsync("button:has-text('Save')");
        await page.WaitForURLAsync(ActionPage());

        Assert.Contains("Ian Fairbairn", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(page));
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.Equal("Ian Fairbairn", db.Actions.AsNoTracking().Where(a => a.Id == id).Select(a => a.OwnerPerson!.FullName).Single());
        }

        Assert.Empty(problems);
    }

    [GeneratedRegex(@"/actions/\d+\?notice=saved")]
    private static partial Regex ActionPage();
}
