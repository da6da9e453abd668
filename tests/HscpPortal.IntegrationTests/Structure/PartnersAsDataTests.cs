using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// Statutory partners are data: an administrator records a second council as a partner from a date (as a joint
/// arrangement would), and from then on quorum needs both councils, the attendance report shows both, and the yearly
/// report waits for both councils' sign-off. A fixture of its own, since it changes who the partners are.
/// </summary>
public sealed class PartnersAsDataTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly DateOnly Joined = new(2024, 1, 1);

    /// <summary>Records "City Council" as a local authority partner from 1 January 2024, with its DSP, through the forms.</summary>
    private async Task<(int CouncilId, int DspId)> SecondCouncilAsync()
    {
        return await factory.Memo("second-council", async f =>
        {
            var admin = await f.ClientAsync("admin");
            var created = await admin.PostFormAsync("/organisations/new", new()
            {
                ["Name"] = "City Council", ["Sector"] = "LocalAuthority", ["StatutoryPartner"] = "LocalAuthority", ["PartnerFrom"] = "2024-01-01",
            });
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            var councilId = f.OrganisationId("City Council");
            var person = await admin.PostFormAsync("/people/new", new()
            {
                ["FullName"] = "Morgan Hale", ["JobTitle"] = "Director of Children's Services", ["OrganisationId"] = councilId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            Assert.Equal(HttpStatusCode.Redirect, person.StatusCode);
            var dspId = f.PersonId("Morgan Hale");
            var appointed = await admin.PostFormAsync("/representation/new", new()
            {
                ["OrganisationId"] = councilId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["PersonId"] = dspId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Role"] = "DelegatedPartner", ["From"] = "2024-01-01",
            });
            Assert.Equal(HttpStatusCode.Redirect, appointed.StatusCode);
            return (councilId, dspId);
        }).ConfigureAwait(false);
    }

    private async Task<QuorumResult> QuorumAsync(DateOnly date, params int[] people)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HscpPortal.Web.Data.PortalDbContext>();
        var board = factory.GroupId(Demo.Board);
        var present = await db.People.Where(p => people.Contains(p.Id))
            .Select(p => new Attendance { PersonId = p.Id, OrganisationId = p.OrganisationId, Status = AttendanceStatus.Present }).ToListAsync();
        return await scope.ServiceProvider.GetRequiredService<QuorumService>().EvaluateAsync(board, date, present, CancellationToken.None);
    }

    private int[] DemoDsps(DateOnly date) => factory.Query(db => db.PartnerRepresentatives
        .Where(r => r.Role == RepresentationRole.DelegatedPartner && r.IsLive() && r.IsCurrentOn(date) && r.Organisation!.Name != "City Council")
        .Select(r => r.PersonId).ToArray());

    [Fact]
    public async Task SecondCouncil_AfterItJoins_MeetingNeedsBothCouncilsToBeQuorate()
    {
        var (_, dsp) = await SecondCouncilAsync();
        var after = new DateOnly(2024, 3, 14);
        var before = new DateOnly(2023, 12, 14);

        var withoutCity = await QuorumAsync(after, DemoDsps(after));
        var withCity = await QuorumAsync(after, [.. DemoDsps(after), dsp]);
        var beforeItJoined = await QuorumAsync(before, DemoDsps(before));

        Assert.False(withoutCity.IsQuorate);
        Assert.Equal(["City Council not represented"], withoutCity.Reasons);
        Assert.True(withCity.IsQuorate);
        Assert.Equal("Quorate: all four statutory partners represented", withCity.Statement);
        Assert.True(beforeItJoined.IsQuorate, beforeItJoined.Statement);
        Assert.Equal("Quorate: all three statutory partners represented", beforeItJoined.Statement);
    }

    [Fact]
    public async Task AttendanceReport_YearItJoined_ShowsBothCouncilsEachOverItsOwnMeetings()
    {
        var (councilId, _) = await SecondCouncilAsync();
        var client = await factory.ClientAsync("team");

        var page = await client.GetDocumentAsync("/meetings/attendance?year=2023-24");

        var rows = page.QuerySelectorAll("table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("City Council", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(Demo.Council, StringComparison.Ordinal));
        var city = page.QuerySelector($"a[href='/meetings/attendance/partner?year=2023-24&organisationId={councilId}']")!;
        // The board met four times in 2023-24, once after 1 January 2024.
        Assert.StartsWith("1", city.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task YearlyReport_2024To25_WaitsForBothCouncilsSignOff()
    {
        var (councilId, _) = await SecondCouncilAsync();
        var client = await factory.ClientAsync("team");

        var workflow = await client.GetDocumentAsync("/reports/yearly/2024-25/workflow");

        var text = workflow.Body!.TextContent;
        Assert.Contains("City Council", text, StringComparison.Ordinal);
        Assert.Contains(Demo.Council, text, StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        var signOffs = scope.ServiceProvider.GetRequiredService<HscpPortal.Web.Reporting.ReportSignOffs>();
        var report = factory.Query(db => db.YearlyReports.AsNoTracking().Single(r => r.StartYear == 2024));
        var partners = await signOffs.PartnersAsync(report, CancellationToken.None);
        Assert.Contains(partners, p => p.OrganisationId == councilId);
        Assert.Equal(4, partners.Count);
        Assert.False(await signOffs.AllSignedAsync(report, CancellationToken.None));
    }

    [Fact]
    public async Task MultiAgencyChildProtectionTeam_GroupPage_ShowsCoreMembersInPlaceAndMissing()
    {
        var admin = await factory.ClientAsync("admin");
        var created = await admin.PostFormAsync("/groups/new", new()
        {
            ["Name"] = "Multi-agency Child Protection Team (North)", ["Kind"] = "MultiAgencyChildProtectionTeam", ["Frequency"] = "Monthly",
            ["QuorumRule"] = "MinimumPresent", ["QuorumCount"] = "3",
            ["ReportsToId"] = factory.GroupId(Demo.Board).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, string.Join("; ", (await created.ReadDocumentAsync()).ErrorSummary()));
        var team = factory.GroupId("Multi-agency Child Protection Team (North)");
        var police = factory.Query(db => db.People.First(p => p.Organisation!.Sector == Sector.Police && p.IsLive()));
        var nominator = factory.Query(db => db.People.First(p => p.OrganisationId == police.OrganisationId && p.Id != police.Id && p.IsLive()));
        var added = await admin.PostFormAsync($"/groups/{team}/members/new", new()
        {
            ["PersonId"] = police.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["OrganisationId"] = "", ["Role"] = "Member",
            ["From"] = "2026-01-05", ["NominatedByPersonId"] = nominator.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, formPage: $"/groups/{team}/members/new");
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, string.Join("; ", (await added.ReadDocumentAsync()).ErrorSummary()));

        var page = await admin.GetDocumentAsync($"/groups/{team}");

        var rows = page.QuerySelectorAll("#core-members + p + .app-table-scroll table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Contains(rows, r => r.Contains("Police", StringComparison.Ordinal) && r.Contains("In place", StringComparison.Ordinal)
            && r.Contains(police.FullName, StringComparison.Ordinal) && r.Contains(nominator.FullName, StringComparison.Ordinal));
        Assert.Equal(3, rows.Count(r => r.Contains("Missing", StringComparison.Ordinal)));
        Assert.Contains("3 of the four are missing", page.QuerySelector("#core-members + p")!.TextContent, StringComparison.Ordinal);
    }
}
