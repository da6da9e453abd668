using System.Text.RegularExpressions;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Audits;
using HscpPortal.Web.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// The yearly report's audits section against a hand-built year (2015-16, which the demo leaves empty): only audits
/// reported in the year count, actions count as complete only if signed off by 31 March, and a re-audit's result is
/// the one reported by then.
/// </summary>
public class AuditsSectionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly ReportingYear Year = new(2015);

    private AuditsSectionModel Build()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return new AuditsSection().BuildAsync(new ReportContext { Db = db, Year = Year, AsAt = Year.End }, CancellationToken.None).GetAwaiter().GetResult();
    }

    private void Seed()
    {
        factory.Memo("audits-2015", f =>
        {
            var group = f.GroupId(Demo.QualityAndEffectiveness);
            var police = f.OrganisationId(Demo.Police);
            var owner = f.PersonId("Ian Fairbairn");
            return f.Query(db =>
            {
                Audit Make(string title, DateOnly? reported, int cases, AuditStatus status = AuditStatus.Reported) => new()
                {
                    Title = title, Theme = title + " theme", ProgrammeYear = 2015, PlannedQuarter = 1, Reason = AuditReason.Data,
                    Method = AuditMethod.DipSample, CasesSampled = cases, GroupId = group, Status = status,
                    StartedOn = reported?.AddDays(-30), ReportedOn = reported,
                    Agencies = [new AuditAgency { OrganisationId = police }],
                };
                var neglect = Make("Neglect", new DateOnly(2015, 6, 1), 20);
                neglect.Findings =
                [
                    new() { Kind = FindingKind.Strength, Text = "Good home visits" },
                    new() { Kind = FindingKind.AreaForImprovement, Text = "Chronologies out of date" },
                    new() { Kind = FindingKind.AreaForImprovement, Text = "Plans lack timescales" },
                ];
                var nextYear = Make("Reported after the year", new DateOnly(2016, 4, 10), 5);
                var archived = Make("Archived audit", new DateOnly(2015, 9, 1), 7);
                archived.ArchivedAt = new DateTime(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                var planned = Make("Still planned", null, 0, AuditStatus.Planned);
                planned.CasesSampled = null;
                db.Audits.AddRange(neglect, nextYear, archived, planned);
                db.SaveChanges();

                ActionItem Action(AuditFinding finding, string title, DateOnly? completedOn) => new()
                {
                    Title = title, GroupId = group, OwnerPersonId = owner, OwnerOrganisationId = police, DueDate = new DateOnly(2016, 1, 31),
                    Source = ActionSource.Audit, AuditFindingId = finding.Id, SourceReference = "Neglect",
                    Status = completedOn is null ? ActionStatus.OnTrack : ActionStatus.Completed, CompletedOn = completedOn,
                };
                db.Actions.AddRange(
                    Action(neglect.Findings[1], "Done in the year", new DateOnly(2016, 2, 1)),
                    Action(neglect.Findings[2], "Done after the year", new DateOnly(2016, 5, 1)),
                    Action(neglect.Findings[2], "Still open", null));

                var reAudit = Make("Re-audit of neglect", new DateOnly(2016, 3, 1), 20);
                reAudit.ReAuditOfId = neglect.Id;
                reAudit.Findings =
                [
                    new() { Kind = FindingKind.Strength, Text = "Chronologies now current", RevisitsFindingId = neglect.Findings[1].Id, Comparison = FindingComparison.Improved },
                    new() { Kind = FindingKind.AreaForImprovement, Text = "Timescales still missing", RevisitsFindingId = neglect.Findings[2].Id, Comparison = FindingComparison.NoChange },
                ];
                var lateReAudit = Make("Later re-audit", new DateOnly(2016, 6, 1), 20);
                lateReAudit.ReAuditOfId = neglect.Id;
                lateReAudit.Findings = [new() { Kind = FindingKind.AreaForImprovement, Text = "Worse", RevisitsFindingId = neglect.Findings[1].Id, Comparison = FindingComparison.Worse }];
                db.Audits.AddRange(reAudit, lateReAudit);
                db.SaveChanges();
                return true;
            });
        });
    }

    [Fact]
    public void Build_CountsOnlyAuditsReportedInTheYearAndLive()
    {
        Seed();

        var model = Build();

        Assert.Equal(["Neglect", "Re-audit of neglect"], model.Audits.Select(a => a.Title).ToList());
        Assert.Equal(40, model.CasesSampled);
        Assert.Equal(5, model.OnProgramme);
    }

    [Fact]
    public void Build_ActionsCompleteAsAt31March_AndReAuditResultReportedByThen()
    {
        Seed();

        var neglect = Build().Audits.Single(a => a.Title == "Neglect");

        Assert.Equal(3, neglect.Actions);
        Assert.Equal(1, neglect.ActionsComplete);
        Assert.Equal(33, neglect.CompletePercent);
        Assert.Equal("Improved on 1 of 2 findings, no change on 1", neglect.ReAuditResult);
        Assert.Equal(["Good home visits"], neglect.Strengths);
        Assert.Equal(["Chronologies out of date", "Plans lack timescales"], neglect.AreasForImprovement);
        Assert.Equal([Demo.Police], neglect.Agencies);
        Assert.Equal(AuditMethod.DipSample, neglect.Method);
        Assert.Equal(20, neglect.CasesSampled);
    }

    [Fact]
    public void Build_AuditWithoutActions_HasNoPercentRatherThanZero()
    {
        Seed();

        var reAudit = Build().Audits.Single(a => a.Title == "Re-audit of neglect");

        Assert.Equal(0, reAudit.Actions);
        Assert.Null(reAudit.CompletePercent);
        Assert.Null(reAudit.ReAuditResult);
    }

    [Fact]
    public async Task DemoReportDraft_2023To24_DescribesTheThreeAudits()
    {
        var client = await factory.ClientAsync("team");

        var page = await client.GetDocumentAsync("/reports/yearly/2023-24/draft");

        var summary = page.QuerySelector("[data-report-audits='summary']")!;
        Assert.StartsWith("3 multi-agency audits reported in the year, looking at 46 cases in all", Regex.Replace(summary.TextContent, @"\s+", " ").Trim(), StringComparison.Ordinal);
        Assert.Contains("Child-on-child abuse multi-agency audit", page.Body!.TextContent, StringComparison.Ordinal);
        // On the draft, the figures link to the records they count; the document itself never links into the portal.
        Assert.NotNull(summary.QuerySelector("[data-figure='audits.reported'] a[href='/audits?year=2023-24']"));
    }
}
