using System.Reflection;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Features.Dashboard;
using HscpPortal.Web.Features.EscalationAnalysis;
using HscpPortal.Web.Features.Meetings;
using HscpPortal.Web.Features.ReportDraft;
using HscpPortal.Web.Features.YearlyReports;
using HscpPortal.Web.Reporting;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// A line of work keeps its tile, report section and meeting-page section in its own folder, registered by one line:
/// every registered part is built by DI and its partial view is found beside its class, wherever that is.
/// </summary>
public class LineOfWorkRegistryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<Type> Tiles() => new(DashboardTiles.All);

    public static TheoryData<Type> DataSections() => new(ReportSections.All.Where(e => e.FromServices).Select(e => e.Type));

    [Theory]
    [MemberData(nameof(Tiles))]
    public void Tile_Registered_IsBuiltByDiAndItsPartialIsBesideIt(Type type)
    {
        using var scope = factory.Services.CreateScope();

        var tile = (IDashboardTile)scope.ServiceProvider.GetRequiredService(type);

        AssertBeside(scope.ServiceProvider, type, tile.Partial);
    }

    [Theory]
    [MemberData(nameof(DataSections))]
    public void ReportSection_Registered_IsBuiltByDiAndItsPartialIsBesideIt(Type type)
    {
        using var scope = factory.Services.CreateScope();

        var section = (IReportSection)scope.ServiceProvider.GetRequiredService(type);

        AssertBeside(scope.ServiceProvider, type, section.Partial!);
    }

    [Fact]
    public async Task TileOutsideTheDashboardFolder_PublicationDeadline_IsDrawnOnThePartnershipDashboard()
    {
        Assert.Equal("HscpPortal.Web.Features.YearlyReports", typeof(PublicationDeadlineTile).Namespace);
        var page = await (await factory.ClientAsync("scrutineer")).GetDocumentAsync("/dashboard?year=2023-24");

        Assert.NotNull(page.QuerySelector("#tile-publication-deadline #tile-publication-deadline-heading"));
    }

    [Fact]
    public async Task SectionOutsideTheReportFolder_Escalations_IsDrawnOnTheDraft()
    {
        Assert.Equal("HscpPortal.Web.Features.EscalationAnalysis", typeof(EscalationsSection).Namespace);
        var page = await (await factory.ClientAsync("team")).GetDocumentAsync("/reports/yearly/2023-24/draft");

        Assert.NotNull(page.QuerySelector("[data-report-figure='escalations-total']"));
    }

    [Fact]
    public void MeetingPageSections_EachRegistered_IsAViewComponentTakingTheMeetingId()
    {
        Assert.NotEmpty(MeetingPageSections.All);
        Assert.All(MeetingPageSections.All, type =>
        {
            var invoke = type.GetMethod("InvokeAsync", BindingFlags.Public | BindingFlags.Instance);
            Assert.NotNull(invoke);
            var parameter = Assert.Single(invoke.GetParameters());
            Assert.Equal((typeof(int), "meetingId"), (parameter.ParameterType, parameter.Name));
        });
    }

    [Fact]
    public async Task MeetingPage_Sections_EachDrawnInTheRegistryOrder()
    {
        var page = await (await factory.ClientAsync("team")).GetDocumentAsync(factory.Fill("/meetings/{boardMeeting}"));

        var headings = page.QuerySelectorAll("h2[id]").Select(h => h.Id).ToList();
        Assert.Equal(
            ["meeting-minutes-heading", "meeting-decisions-heading", "matters-arising-heading", "actions-arising-heading"],
            headings.Where(id => id is "meeting-minutes-heading" or "meeting-decisions-heading" or "matters-arising-heading" or "actions-arising-heading"));
    }

    private static void AssertBeside(IServiceProvider services, Type type, string partial)
    {
        var folder = type.Namespace!["HscpPortal.Web.".Length..].Replace('.', '/');
        Assert.Equal($"~/{folder}/_{type.Name}.cshtml", partial);
        var view = services.GetRequiredService<IRazorViewEngine>().GetView(executingFilePath: null, viewPath: partial, isMainPage: false);
        Assert.True(view.Success, $"{type.Name}: no view at {partial}");
    }
}
