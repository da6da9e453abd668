using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// Long pastes: a value far over its field's limit, but within the request limit, reaches the field's validator and
/// comes back with the field's message and the text kept; a body over the request limit is refused with a page that
/// says what was too large, not "could not understand what was sent".
/// </summary>
public class RequestLimitTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string FiveMegabytes = new('m', 5 * 1024 * 1024);

    private static int nextDay;

    private (int Meeting, IReadOnlyList<int> Items) AddMeeting() =>
        factory.AddMeeting(Demo.QualityAndEffectiveness, new DateOnly(2031, 1, 1).AddDays(Interlocked.Increment(ref nextDay) * 7), quorate: true);

    private static async Task<HttpResponseMessage> SaveMinutesAsync(HttpClient client, (int Meeting, IReadOnlyList<int> Items) m, string minutes)
    {
        var page = await (await client.GetAsync($"/meetings/{m.Meeting}/minutes")).ReadDocumentAsync();
        var fields = page.FormFields("Items[0].Minutes").With(("Items[0].Minutes", minutes));
        return await client.PostFormAsync($"/meetings/{m.Meeting}/minutes", fields);
    }

    [Fact]
    public async Task Minutes_FiveMegabytePaste_FieldMessageWithTheTextKept()
    {
        var m = AddMeeting();
        var client = await factory.ClientAsync("team");

        var response = await SaveMinutesAsync(client, m, FiveMegabytes);

        await response.AssertErrorsAsync("The minute of an item must be 20,000 characters or fewer");
        var page = await response.ReadDocumentAsync();
        Assert.Equal(FiveMegabytes, page.QuerySelector("textarea[name='Items[0].Minutes']")!.TextContent.Trim());
        Assert.Null(factory.Query(db => db.AgendaItems.Single(a => a.Id == m.Items[0]).Minutes));
    }

    [Fact]
    public async Task GroupRemit_FiveMegabytePaste_FieldMessageWithTheTextKept()
    {
        var client = await factory.ClientAsync("admin");
        var id = factory.GroupId(Demo.QualityAndEffectiveness);
        var before = factory.Query(db => db.Groups.Single(g => g.Id == id).Remit);
        var page = await (await client.GetAsync($"/groups/{id}/edit")).ReadDocumentAsync();

        var response = await client.PostFormAsync($"/groups/{id}/edit", page.FormFields("Remit").With(("Remit", FiveMegabytes)));

        await response.AssertErrorsAsync("Remit must be 8,000 characters or fewer");
        Assert.Equal(FiveMegabytes, (await response.ReadDocumentAsync()).QuerySelector("textarea[name='Remit']")!.TextContent.Trim());
        Assert.Equal(before, factory.Query(db => db.Groups.Single(g => g.Id == id).Remit));
    }

    [Fact]
    public async Task Minutes_BodyOverTheRequestLimit_RefusedPolitelyAndNothingSaved()
    {
        var m = AddMeeting();
        var client = await factory.ClientAsync("team");

        // 30 MB: over the 24 MB the portal reads (20 MB uploads and room for the rest of a form).
        var response = await SaveMinutesAsync(client, m, new string('m', 30 * 1024 * 1024));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("What you sent is too large", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("24.0 MB", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(factory.Query(db => db.AgendaItems.Single(a => a.Id == m.Items[0]).Minutes));
    }
}
