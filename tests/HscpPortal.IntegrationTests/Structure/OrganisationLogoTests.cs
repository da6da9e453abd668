using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.IntegrationTests;

/// <summary>A partner's logo uploaded by the team for the yearly report's cover: checked, kept when replaced, printed.</summary>
public sealed partial class OrganisationLogoTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    // The smallest valid PNG: one transparent pixel.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int id, byte[]? file, string? alt, string fileName = "logo.png")
    {
        var page = await client.GetStringAsync($"/organisations/{id}/logo");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value)), "__RequestVerificationToken" },
        };
        if (alt is not null)
        {
            form.Add(new StringContent(alt), "AltText");
        }

        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(content, "File", fileName);
        }

        return await client.PostAsync($"/organisations/{id}/logo", form);
    }

    private int Police() => factory.Query(db => db.Organisations.Single(o => o.StatutoryPartner == StatutoryPartner.Police).Id);

    [Fact]
    public async Task Upload_BadInput_SaysWhatIsWrongAndKeepsTheAltText()
    {
        var team = await factory.ClientAsync("team");
        var id = Police();

        var missing = await UploadAsync(team, id, null, "");
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        var errors = (await missing.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains("Select the logo: a PNG or JPEG file", errors);
        Assert.Contains("Enter what the logo says, for people who cannot see it", errors);

        // A script named .png is refused by its content, and the alternative text typed is kept.
        var script = await UploadAsync(team, id, "<svg onload=alert(1)>"u8.ToArray(), "West Mercia Police", "logo.png");
        var page = await script.ReadDocumentAsync();
        Assert.Contains("The logo must be a PNG or JPEG image", page.ErrorSummary());
        Assert.Equal("West Mercia Police", page.QuerySelector("#AltText")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Upload_ThenReplace_PrintsOnTheCoverAndKeepsTheEarlierOne()
    {
        var team = await factory.ClientAsync("team");
        var id = factory.Query(db => db.Organisations.Single(o => o.StatutoryPartner == StatutoryPartner.LocalAuthority).Id);

        var first = await UploadAsync(team, id, Png, "Herefordshire Council logo");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await UploadAsync(team, id, Png, "Herefordshire Council");
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var logos = factory.Query(db => db.OrganisationLogos.Where(l => l.OrganisationId == id).OrderBy(l => l.Id).Select(l => new { l.AltText, l.ArchivedAt }).ToList());
        Assert.Equal(2, logos.Count);
        Assert.NotNull(logos[0].ArchivedAt);
        Assert.Null(logos[1].ArchivedAt);

        await using var scope = factory.Services.CreateAsyncScope();
        var rendered = await scope.ServiceProvider.GetRequiredService<IYearlyReportRenderer>()
            .RenderDocumentAsync(new ReportingYear(2024), draft: true, CancellationToken.None);
        Assert.Contains($"src=\"data:image/png;base64,{Convert.ToBase64String(Png)}\" alt=\"Herefordshire Council\"", rendered.Html, StringComparison.Ordinal);

        // Only the team manages logos; a partner reading the organisation cannot.
        var partner = await factory.ClientAsync("icb.partner");
        Assert.True((await partner.GetAsync($"/organisations/{id}/logo")).IsDenied());
    }
}
