using HscpPortal.IntegrationTests.Infrastructure;

namespace HscpPortal.IntegrationTests;

public class ErrorSummaryOrderTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ErrorSummary_SeveralErrors_ListedInTheOrderOfTheFields()
    {
        var client = await factory.SignInAsync("team");

        var response = await client.PostFormAsync("/people/new", new() { ["FullName"] = "", ["Email"] = "not-an-email" });

        var links = (await response.ReadDocumentAsync()).QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#FullName", "#OrganisationId", "#Email"], links);
    }
}
