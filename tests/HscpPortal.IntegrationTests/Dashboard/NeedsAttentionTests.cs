using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// "Needs attention today" at the top of the partnership, chair's and partner's dashboards: each count equals a direct
/// count and its link opens exactly those records, whatever year the dashboard shows. Its own fixture, because it
/// adds overdue actions, a late escalation and a late report that other tests would count.
/// </summary>
public class NeedsAttentionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static DateOnly Today() => UkTime.Today(TimeProvider.System);

    private async Task<IHtmlDocument> GetAsync(string who, string url) => await (await factory.ClientAsync(who)).GetDocumentAsync(url);

    // The figure leads its link's text ("5 escalations", or 5 and visually hidden words).
    private static int Number(IElement element) =>
        int.Parse((element.QuerySelector("a")?.ChildNodes.FirstOrDefault()?.TextContent ?? element.TextContent).Trim().Split(' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static int TrackerCount(IHtmlDocument list) =>
        int.Parse(list.QuerySelector("#action-counts")!.TextContent.Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    private static int EscalationCount(IHtmlDocument list)
    {
        var caption = list.QuerySelector("table caption");
        return caption is null ? 0 : int.Parse(caption.TextContent.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>Each group in the panel's table: its overdue count and the link on it.</summary>
    private static Dictionary<string, (int Count, string Href)> PanelActions(IHtmlDocument page) =>
        page.QuerySelectorAll("#attention-actions tbody tr").ToDictionary(
            r => r.QuerySelector("th")!.TextContent.Trim(),
            r => (Number(r.QuerySelector("td")!), WebUtility.HtmlDecode(r.QuerySelector("td a")!.GetAttribute("href")!)),
            StringComparer.Ordinal);

    private Dictionary<string, int> OverdueByGroup(int? organisationId = null) => factory.Query(db => db.Actions.AsNoTracking()
        .Where(a => a.ArchivedAt == null && (organisationId == null || a.OwnerOrganisationId == organisationId))
        .Where(ActionRag.Overdue(Today()))
        .GroupBy(a => a.Group!.Name).Select(g => new { g.Key, Count = g.Count() })
        .ToDictionary(g => g.Key, g => g.Count, StringComparer.Ordinal));

    private void AddOverdueAction(string group, string owner, int daysLate)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var person = db.People.Single(p => p.FullName == owner);
        db.Actions.Add(new ActionItem
        {
            Title = "Overdue for the attention panel", GroupId = db.Groups.Where(g => g.Name == group).Select(g => g.Id).Single(),
            OwnerPersonId = person.Id, OwnerOrganisationId = person.OrganisationId, DueDate = Today().AddDays(-daysLate),
            Status = ActionStatus.OnTrack, Source = ActionSource.BusinessPlan, SourceReference = "Test plan",
        });
        db.SaveChanges();
    }

    private async Task AssertLinksOpenTheSameAsync(IReadOnlyDictionary<string, (int Count, string Href)> shown)
    {
        foreach (var (group, (count, href)) in shown)
        {
            Assert.StartsWith("/actions?", href, StringComparison.Ordinal);
            Assert.Contains($"group={factory.GroupId(group)}", href, StringComparison.Ordinal);
            Assert.Equal(count, TrackerCount(await GetAsync("team", href)));
        }
    }

    [Fact]
    public async Task PartnershipDashboard_PastYearShown_CountsOverdueActionsOfEveryGroupAndLinksToExactlyThose()
    {
        AddOverdueAction(Demo.QualityAndEffectiveness, "Ian Fairbairn", daysLate: 3);
        AddOverdueAction(Demo.Board, "Ian Fairbairn", daysLate: 60);

        // A past year on purpose: what is late today does not depend on the year shown.
        var page = await GetAsync("member", "/dashboard?year=2023-24");

        var shown = PanelActions(page);
        Assert.Equal(OverdueByGroup().OrderBy(g => g.Key, StringComparer.Ordinal), shown.Select(s => KeyValuePair.Create(s.Key, s.Value.Count)).OrderBy(g => g.Key, StringComparer.Ordinal));
        Assert.Contains(Demo.QualityAndEffectiveness, shown.Keys);
        Assert.Contains(Demo.Board, shown.Keys);
        Assert.Equal("Needs attention today", page.QuerySelector("#needs-attention-heading")!.TextContent.Trim());
        await AssertLinksOpenTheSameAsync(shown);
    }

    [Fact]
    public async Task ChairDashboard_ShowsOnlyTheGroupsOwnOverdueActions_AndNoReportsOrEscalations()
    {
        AddOverdueAction(Demo.QualityAndEffectiveness, "Ian Fairbairn", daysLate: 4);
        var qe = factory.GroupId(Demo.QualityAndEffectiveness);

        var page = await GetAsync("qe.chair", $"/groups/{qe}/dashboard");

        var shown = PanelActions(page);
        Assert.Equal([Demo.QualityAndEffectiveness], shown.Keys);
        Assert.Equal(OverdueByGroup()[Demo.QualityAndEffectiveness], shown[Demo.QualityAndEffectiveness].Count);
        Assert.Empty(page.QuerySelectorAll("#needs-attention [id^='attention-report-']"));
        Assert.Null(page.QuerySelector("#attention-escalations"));
        await AssertLinksOpenTheSameAsync(shown);
    }

    [Fact]
    public async Task PartnerDashboard_CountsTheAgencysOverdueActionsByGroup_AndLinksKeepTheAgency()
    {
        var police = factory.OrganisationId(Demo.Police);
        var owner = factory.Query(db => db.People.Where(p => p.OrganisationId == police && p.ArchivedAt == null).Select(p => p.FullName).First());
        AddOverdueAction(Demo.QualityAndEffectiveness, owner, daysLate: 10);

        var page = await GetAsync("police.partner", "/dashboard/partner");

        var shown = PanelActions(page);
        Assert.Equal(OverdueByGroup(police).OrderBy(g => g.Key, StringComparer.Ordinal), shown.Select(s => KeyValuePair.Create(s.Key, s.Value.Count)).OrderBy(g => g.Key, StringComparer.Ordinal));
        Assert.All(shown.Values, s => Assert.Contains($"agency={police}", s.Href, StringComparison.Ordinal));
        await AssertLinksOpenTheSameAsync(shown);
    }

    [Fact]
    public async Task Dashboards_ReportPastItsDeadline_ListItWithALinkToItsWorkflow()
    {
        factory.Query(db =>
        {
            db.YearlyReports.Add(new YearlyReport { StartYear = 2018, Status = ReportStatus.InReview });
            return db.SaveChanges();
        });

        var partnership = await GetAsync("member", "/dashboard");
        var partner = await GetAsync("police.partner", "/dashboard/partner");

        foreach (var page in new[] { partnership, partner })
        {
            var line = page.QuerySelector("#attention-report-2018-19");
            Assert.NotNull(line);
            Assert.Equal("/reports/yearly/2018-19/workflow", line.QuerySelector("a")!.GetAttribute("href"));
            Assert.Contains("In review", line.TextContent, StringComparison.Ordinal);
            Assert.Contains("past its publication deadline", line.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Dashboards_EscalationPastItsStageDueDate_CountedForThoseWhoMayReadTheRegisterAndItsLinkListsTheSame()
    {
        factory.AddEscalation(Today().AddDays(-30));
        var today = Today();
        var council = factory.OrganisationId(Demo.Council);
        var late = factory.Query(db => db.Escalations.AsNoTracking()
            .Where(e => e.ArchivedAt == null && e.ResolvedOn == null && e.Stages.Any(s => s.EndedOn == null && s.DueOn < today))
            .Select(e => e.ConcernedOrganisationId).ToList());

        var team = await GetAsync("team", "/dashboard");
        var partner = await GetAsync("council.partner", "/dashboard/partner");
        var member = await GetAsync("member", "/dashboard");

        Assert.Equal(late.Count, Number(team.QuerySelector("#attention-escalations")!));
        Assert.Equal(late.Count, EscalationCount(await GetAsync("team", WebUtility.HtmlDecode(team.QuerySelector("#attention-escalations a")!.GetAttribute("href")!))));
        var partnerLink = WebUtility.HtmlDecode(partner.QuerySelector("#attention-escalations a")!.GetAttribute("href")!);
        Assert.Equal(late.Count(o => o == council), Number(partner.QuerySelector("#attention-escalations")!));
        Assert.Contains($"concernedOrganisationId={council}", partnerLink, StringComparison.Ordinal);
        Assert.Equal(late.Count(o => o == council), EscalationCount(await GetAsync("team", partnerLink)));
        // A member who chairs nothing may not read the register, so is not told about it.
        Assert.Null(member.QuerySelector("#attention-escalations"));
    }

    [Fact]
    public async Task ChairDashboard_GroupWithNothingLate_SaysSoInOneLine()
    {
        var id = factory.Query(db =>
        {
            var group = new Group { Name = "Attention test group", Kind = GroupKind.Subgroup, EstablishedOn = Today().AddYears(-1) };
            db.Groups.Add(group);
            db.SaveChanges();
            return group.Id;
        });

        var page = await GetAsync("member", $"/groups/{id}/dashboard");

        Assert.StartsWith("Nothing is late today", page.QuerySelector("#needs-attention-none")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#attention-actions"));
    }
}
