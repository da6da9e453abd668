using System.Text;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HscpPortal.EndToEndTests;

/// <summary>The bank-holiday page (with and without an upload error), the account page's reminder choices and the unsubscribe pages pass axe.</summary>
[Collection(PortalCollection.Name)]
public class BankHolidayAndReminderPagesTests(PortalServer server)
{
    [Fact]
    public async Task BankHolidayPage_UploadAndError_PassAxe()
    {
        var page = await server.SignInAsync("team");
        var problems = new List<string>();

        await page.GotoAsync(server.BaseUrl + "/admin/bank-holidays?year=2022");
        problems.AddRange(await Accessibility.ViolationsAsync(page));

        await page.SetInputFilesAsync("#File", new FilePayload { Name = "bank-holidays.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes("{\"scotland\":{}}") });
        await page.ClickAsync("button:has-text('Upload and load')");
        Assert.Contains("england-and-wales", await page.InnerTextAsync(".govuk-error-summary"), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(page));

        await page.SetInputFilesAsync("#File", new FilePayload
        {
            Name = "bank-holidays.json", MimeType = "application/json",
            Buffer = Encoding.UTF8.GetBytes("{\"england-and-wales\":{\"events\":[{\"title\":\"Christmas Day\",\"date\":\"2028-12-25\",\"notes\":\"\",\"bunting\":true}]}}"),
        });
        await page.ClickAsync("button:has-text('Upload and load')");
        Assert.Contains("Added 0, updated 0", await page.InnerTextAsync(".govuk-notification-banner"), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(page));

        Assert.Empty(problems);
    }

    [Fact]
    public async Task AccountRemindersAndUnsubscribePages_PassAxe()
    {
        string token;
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var person = db.People.First(p => p.Email != null);
            token = scope.ServiceProvider.GetRequiredService<UnsubscribeTokens>().Create(person.Id, ReminderKind.WeeklySummary);
        }

        var page = await server.SignInAsync("qe.chair");
        var problems = new List<string>();
        await page.GotoAsync(server.BaseUrl + "/account");
        Assert.True(await page.IsVisibleAsync("text=Email reminders"));
        problems.AddRange(await Accessibility.ViolationsAsync(page));

        var anonymous = await server.Browser.NewPageAsync();
        await anonymous.GotoAsync(server.BaseUrl + "/reminders/unsubscribe?token=" + Uri.EscapeDataString(token));
        problems.AddRange(await Accessibility.ViolationsAsync(anonymous));
        await anonymous.ClickAsync("button:has-text('Unsubscribe')");
        await anonymous.WaitForSelectorAsync("h1:has-text('You have unsubscribed')");
        problems.AddRange(await Accessibility.ViolationsAsync(anonymous));
        await anonymous.GotoAsync(server.BaseUrl + "/reminders/unsubscribe?token=broken");
        problems.AddRange(await Accessibility.ViolationsAsync(anonymous));

        Assert.Empty(problems);
    }
}
