using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// Pages opening on what people need next: adding a meeting from the meetings list and from a group's page, the
/// decisions log's key-decision and ratification columns, the escalation analysis's contents, and the dashboard
/// listing every overdue yearly report.
/// </summary>
public class DailyUseTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AddAMeeting_FromTheMeetingsList_AsksWhichGroupAndOffersOnlyThoseTheUserMayEdit()
    {
        var chair = await factory.ClientAsync("qe.chair");
        var member = await factory.ClientAsync("member");
        var qe = factory.GroupId(Demo.QualityAndEffectiveness);
        var board = factory.GroupId(Demo.Board);

        var list = await chair.GetDocumentAsync("/meetings");
        var choose = await chair.GetDocumentAsync("/meetings/new");
        var memberList = await member.GetDocumentAsync("/meetings");

        Assert.NotNull(list.QuerySelector("a.govuk-button[href='/meetings/new']"));
        Assert.NotNull(choose.QuerySelector($"#groups-to-add-to a[href='/groups/{qe}/meetings/new']"));
        Assert.Null(choose.QuerySelector($"#groups-to-add-to a[href='/groups/{board}/meetings/new']"));
        Assert.Null(memberList.QuerySelector("a[href='/meetings/new']"));
    }

    [Fact]
    public async Task GroupPage_ForItsChair_HasAddAMeeting_AndNotForAMember()
    {
        var qe = factory.GroupId(Demo.QualityAndEffectiveness);

        var chairs = await (await factory.ClientAsync("qe.chair")).GetDocumentAsync($"/groups/{qe}");
        var members = await (await factory.ClientAsync("member")).GetDocumentAsync($"/groups/{qe}");

        Assert.Equal("Add a meeting", chairs.QuerySelector($"a.govuk-button[href='/groups/{qe}/meetings/new']")?.TextContent.Trim());
        Assert.Null(members.QuerySelector($"a[href='/groups/{qe}/meetings/new']"));
    }

    [Fact]
    public async Task DecisionsLog_ShowsKeyDecisionAndRatificationColumns()
    {
        var ratified = factory.Query(db => db.Decisions.AsNoTracking().Where(d => d.IsKey && d.RatifiedAtMeetingId != null && d.IsLive())
            .Select(d => new { d.Id, d.Title, d.RatifiedAtMeetingId, Date = d.RatifiedAt!.Date }).FirstOrDefault());
        var page = await (await factory.ClientAsync("member")).GetDocumentAsync(ratified is null ? "/decisions" : $"/decisions?q={Uri.EscapeDataString(ratified.Title)}");

        var headers = page.QuerySelectorAll("thead th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("Key decision", headers);
        Assert.Contains("Ratification", headers);
        Assert.All(page.QuerySelectorAll("tbody tr"), row => Assert.Contains(row.Children[headers.IndexOf("Key decision")].TextContent.Trim(), new[] { "Yes", "No" }));
        if (ratified is not null)
        {
            var row = page.QuerySelectorAll("tbody tr").First(r => r.QuerySelector($"a[href='/decisions/{ratified.Id}']") is not null);
            var cell = row.Children[headers.IndexOf("Ratification")];
            Assert.Contains("Ratified", cell.TextContent, StringComparison.Ordinal);
            Assert.NotNull(cell.QuerySelector($"a[href='/meetings/{ratified.RatifiedAtMeetingId}']"));
        }
    }

    [Fact]
    public async Task EscalationAnalysis_HasAContentsListLinkingToEachSection()
    {
        var page = await (await factory.ClientAsync("team")).GetDocumentAsync("/escalations/analysis?year=2023-24");

        var links = page.QuerySelectorAll("nav[aria-label='Contents'] a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.True(links.Count >= 2, "contents list missing");
        Assert.All(links, href => Assert.NotNull(page.GetElementById(href.TrimStart('#'))));
    }

    [Fact]
    public async Task NeedsAttention_ListsEveryOverdueReport_WhateverYearIsChosen_AndTheTileDoesNotRepeatIt()
    {
        factory.Query(db =>
        {
            db.YearlyReports.Add(new YearlyReport { StartYear = 2019, Status = ReportStatus.InReview });
            return db.SaveChanges();
        });

        var page = await (await factory.ClientAsync("scrutineer")).GetDocumentAsync("/dashboard?year=2024-25");

        var overdue = page.QuerySelector("#attention-report-2019-20")?.TextContent ?? "";
        Assert.Contains("In review", overdue, StringComparison.Ordinal);
        Assert.Contains("past its publication deadline", overdue, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#attention-report-2019-20 a[href='/reports/yearly/2019-20/workflow']"));
        // The publication tile speaks only of the year shown.
        Assert.DoesNotContain("2019-20", page.QuerySelector("#tile-publication-deadline")?.TextContent ?? "", StringComparison.Ordinal);
    }
}
