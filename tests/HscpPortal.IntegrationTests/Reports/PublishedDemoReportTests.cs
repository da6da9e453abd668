using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Reporting;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.IntegrationTests;

/// <summary>The demo's yearly reports as seeded with publication on: 2023-24 signed and published, 2024-25 a draft.</summary>
public sealed class PublishedDemoReportTests(PublishedDemoFactory factory) : IClassFixture<PublishedDemoFactory>
{
    [Fact]
    public void DemoReport2023_IsPublishedAfterSignOffByTheThreeDemoPartners()
    {
        var report = factory.Query(db => db.YearlyReports.AsNoTracking().Include(r => r.SignOffs).Include(r => r.Recipients).Single(r => r.StartYear == 2023));
        var partnerPeople = factory.Query(db => db.People.Where(p => p.UserId != null
            && db.Users.Any(u => u.Id == p.UserId && (u.UserName!.StartsWith("council.partner") || u.UserName.StartsWith("icb.partner") || u.UserName.StartsWith("police.partner"))))
            .Select(p => p.Id).ToList());

        Assert.Equal(ReportStatus.Published, report.Status);
        Assert.Equal(partnerPeople.Order(), report.SignOffs.Where(s => s.IsCurrent).Select(s => s.PersonId).Order());
        Assert.Equal(3, report.Recipients.Count);
        Assert.All(report.Recipients, r => Assert.NotNull(r.SentOn));
        Assert.Equal(1, factory.Query(db => db.ReportPublications.Count(p => p.ReportId == report.Id)));
        var draft = factory.Query(db => db.YearlyReports.AsNoTracking().Include(r => r.Narratives).Single(r => r.StartYear == 2024));
        Assert.Equal(ReportStatus.Draft, draft.Status);
        Assert.Equal([ReportSectionKeys.Foreword], draft.Narratives.Select(n => n.SectionKey));
    }

    [Fact]
    public async Task DemoReport2023_ActionChangedAfterPublication_PdfHtmlAndFiguresStayByteIdenticalForAnonymousReaders()
    {
        var anonymous = factory.Anonymous();
        var pdfBefore = await anonymous.GetByteArrayAsync("/reports/yearly/2023-24.pdf");
        var htmlBefore = await anonymous.GetByteArrayAsync("/reports/yearly/2023-24");
        var figuresBefore = await anonymous.GetByteArrayAsync("/reports/yearly/2023-24/figures.csv");

        factory.Query(db =>
        {
            var action = db.Actions.OrderBy(a => a.Id).First();
            action.Title += " (changed after publication)";
            return db.SaveChanges();
        });
        factory.Renderer.Change(DemoYear, "An action changed after publication.");

        Assert.Equal(pdfBefore, await anonymous.GetByteArrayAsync("/reports/yearly/2023-24.pdf"));
        Assert.Equal(htmlBefore, await anonymous.GetByteArrayAsync("/reports/yearly/2023-24"));
        Assert.Equal(figuresBefore, await anonymous.GetByteArrayAsync("/reports/yearly/2023-24/figures.csv"));
        Assert.Equal(HttpStatusCode.OK, (await (await factory.ClientAsync("member")).GetAsync("/reports/yearly/2023-24/workflow")).StatusCode);
        Assert.All(factory.Query(db => db.ReportSignOffs.Where(s => db.YearlyReports.Any(r => r.Id == s.ReportId && r.StartYear == 2023)).ToList()), s => Assert.Null(s.ResetAt));
    }

    private static readonly ReportingYear DemoYear = new(2023);
}
