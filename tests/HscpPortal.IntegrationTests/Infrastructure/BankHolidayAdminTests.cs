using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure.BankHolidays;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.IntegrationTests;

/// <summary>The bank-holiday page: the holidays held, and the refresh from an uploaded GOV.UK feed.</summary>
public partial class BankHolidayAdminTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Url = "/admin/bank-holidays";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string? json, string fileName = "bank-holidays.json", byte[]? bytes = null)
    {
        var page = await client.GetStringAsync(Url);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value)), "__RequestVerificationToken" },
        };
        if (json is not null || bytes is not null)
        {
            var file = new ByteArrayContent(bytes ?? Encoding.UTF8.GetBytes(json!));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            form.Add(file, "File", fileName);
        }

        return await client.PostAsync(Url, form);
    }

    private static string Feed(params (string Date, string Title)[] events) =>
        "{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":["
        + string.Join(",", events.Select(e => $"{{\"title\":\"{e.Title}\",\"date\":\"{e.Date}\",\"notes\":\"\",\"bunting\":true}}"))
        + "]},\"scotland\":{\"division\":\"scotland\",\"events\":[]}}";

    private async Task<WorkingDayCalendar> CalendarAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BankHolidayCalendar>().GetAsync();
    }

    [Fact]
    public async Task Index_Year_ListsThatYearsHolidaysAndTheRangeHeld()
    {
        var client = await factory.ClientAsync("team");

        var doc = await client.GetDocumentAsync($"{Url}?year=2022");

        var text = doc.Body!.TextContent;
        Assert.Contains("Bank holidays in 2022", text, StringComparison.Ordinal);
        Assert.Equal(10, doc.QuerySelectorAll("table tbody tr").Length);
        Assert.Contains("Bank Holiday for the State Funeral of Queen Elizabeth II", text, StringComparison.Ordinal);
        Assert.Contains("27 December 2022", text, StringComparison.Ordinal);
        Assert.Contains("Christmas Day (substitute day)", text, StringComparison.Ordinal);
        Assert.Contains("from 1 January 2018", text, StringComparison.Ordinal);
        Assert.Equal("2022", doc.QuerySelector("#year option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Upload_GoodFeed_AddsNewHolidaysUpdatesTitlesAuditsAndMovesDeadlines()
    {
        var client = await factory.SignInAsync("admin");
        var before = await CalendarAsync();
        var start = new DateOnly(2029, 12, 24); // Monday
        Assert.Equal(new DateOnly(2029, 12, 25), before.AddWorkingDays(start, 1));

        var response = await UploadAsync(client, Feed(
            ("2029-12-25", "Christmas Day"), ("2029-12-26", "Boxing Day"), ("2028-12-25", "Christmas Day (renamed for the test)"), ("2028-12-26", "Boxing Day")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{Url}?added=2&updated=1", response.Headers.Location!.OriginalString);
        var after = await CalendarAsync();
        Assert.Equal(new DateOnly(2029, 12, 27), after.AddWorkingDays(start, 1));
        Assert.Equal(2, after.WorkingDaysBetween(start, new DateOnly(2029, 12, 28)));
        var notice = (await client.GetDocumentAsync(response.Headers.Location.OriginalString)).Body!.TextContent;
        Assert.Contains("Added 2, updated 1", notice, StringComparison.Ordinal);
        Assert.Equal("Christmas Day (renamed for the test)", factory.Query(db => db.BankHolidays.Single(h => h.Date == new DateOnly(2028, 12, 25)).Title));
        var audit = factory.Query(db => db.AuditEntries.Where(e => e.EntityType == nameof(BankHoliday)).ToList());
        Assert.Equal(3, audit.Count);
        Assert.All(audit, e => Assert.Equal("admin@demo.hscp.example", e.UserName));
        Assert.Equal(2, audit.Count(e => e.Action == AuditAction.Created));
        Assert.Contains(audit, e => e.Action == AuditAction.Updated && e.Changes.Contains("renamed for the test", StringComparison.Ordinal));

        var history = await client.GetAsync($"/audit/BankHoliday/{audit[0].EntityId}");
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        Assert.Contains("admin@demo.hscp.example", (await history.ReadDocumentAsync()).Body!.TextContent, StringComparison.Ordinal);

        // The same file again changes nothing.
        var again = await UploadAsync(client, Feed(("2029-12-25", "Christmas Day")));
        Assert.Equal($"{Url}?added=0&updated=0", again.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("this is not json", "The file is not valid JSON: download it again from GOV.UK")]
    [InlineData("{\"scotland\":{\"events\":[]}}", "The file has no “england-and-wales” events: use GOV.UK’s bank-holidays.json")]
    [InlineData("{\"england-and-wales\":{\"events\":[{\"title\":\"X\",\"date\":\"2029-13-01\"}]}}", "Event 1 needs a title and a date like 2024-12-25")]
    [InlineData(null, "Select GOV.UK’s bank-holidays.json file")]
    public async Task Upload_BadFile_ShowsTheErrorSummaryAndChangesNothing(string? json, string message)
    {
        var client = await factory.ClientAsync("team");
        var count = factory.Query(db => db.BankHolidays.Count());

        var response = await UploadAsync(client, json);

        await response.AssertErrorsAsync(message);
        Assert.Equal(count, factory.Query(db => db.BankHolidays.Count()));
    }

    [Fact]
    public async Task Upload_FileOverOneMegabyte_IsRefusedWithAMessage()
    {
        var client = await factory.ClientAsync("team");

        var response = await UploadAsync(client, null, bytes: Encoding.UTF8.GetBytes(new string(' ', 1024 * 1024 + 1)));

        await response.AssertErrorsAsync("The file must be smaller than 1 MB: GOV.UK’s bank-holidays.json is about 20 KB");
    }

    [Fact]
    public async Task Upload_RequestOverTheFormLimit_IsABadRequestNotAnError()
    {
        var client = await factory.ClientAsync("team");

        var response = await UploadAsync(client, null, bytes: new byte[5 * 1024 * 1024]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Page not found", (await response.ReadDocumentAsync()).Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scrutineer")]
    [InlineData("qe.chair")]
    [InlineData("member")]
    public async Task Upload_WithoutManageStructure_IsDeniedAndChangesNothing(string who)
    {
        var client = await factory.ClientAsync(who);
        var count = factory.Query(db => db.BankHolidays.Count());
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(Feed(("2030-12-25", "Christmas Day")))), "File", "bank-holidays.json" },
        };

        var response = await client.PostAsync(Url, form);

        Assert.True(response.IsDenied(), $"{who}: {response.StatusCode}");
        Assert.True((await client.GetAsync(Url)).IsDenied());
        Assert.Equal(count, factory.Query(db => db.BankHolidays.Count()));
    }
}
