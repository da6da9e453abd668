using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Scrutiny;
using HscpPortal.Web.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// The report section's plan and recommendations against a hand-built year (2014-15, which the demo leaves empty), as
/// they stood on 31 March 2015: an approval withdrawn after the year still counts, one given after it does not; an item
/// delivered after the year is not delivered; a response dated after the year is left out.
/// </summary>
public class ScrutinyPlanSectionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly ReportingYear Year = new(2014);

    private static DateTime Utc(int y, int m, int d) => new(y, m, d, 12, 0, 0, DateTimeKind.Utc);

    private ScrutinySectionModel Build()
    {
        factory.Memo("scrutiny-plan-2014", f =>
        {
            var partners = f.Query(db => db.Organisations.Where(o => o.StatutoryPartner != null).OrderBy(o => o.StatutoryPartner).Select(o => o.Id).ToList());
            var icb = f.OrganisationId("NHS Herefordshire and Worcestershire Integrated Care Board");
            return f.Query(db =>
            {
                var plan = new ScrutinyPlan { StartYear = 2014, Summary = "2014 plan", Status = ScrutinyPlanStatus.ForApproval, SubmittedOn = new DateOnly(2014, 3, 1) };
                ScrutinyPlanItem Item(string subject, int quarter) => new() { Subject = subject, Reason = "Why", Kind = ScrutinyActivityKind.WalkTheFloor, Quarter = quarter };
                var delivered = Item("Delivered in the year", 1);
                var late = Item("Delivered after the year", 4);
                plan.Items.Add(delivered);
                plan.Items.Add(late);
                plan.Items.Add(Item("Not delivered", 3));
                db.ScrutinyPlans.Add(plan);
                db.SaveChanges();
                foreach (var (id, i) in partners.Select((id, i) => (id, i)))
                {
                    db.ScrutinyPlanApprovals.Add(new ScrutinyPlanApproval
                    {
                        PlanId = plan.Id, OrganisationId = id, ApproverName = $"Partner {i}", Fingerprint = "x", ApprovedOn = new DateOnly(2014, 5, 1 + i),
                        // Withdrawn after the year's end: still an approval on 31 March 2015.
                        WithdrawnAt = i == 0 ? Utc(2015, 6, 1) : null,
                    });
                }

                db.ScrutinyActivities.AddRange(
                    new ScrutinyActivity { Kind = ScrutinyActivityKind.WalkTheFloor, HeldOn = new DateOnly(2014, 6, 1), Subject = "Visit", PlanItemId = delivered.Id },
                    new ScrutinyActivity { Kind = ScrutinyActivityKind.WalkTheFloor, HeldOn = new DateOnly(2015, 4, 10), Subject = "Late visit", PlanItemId = late.Id });
                db.ScrutinyRecommendations.AddRange(
                    new ScrutinyRecommendation { Title = "Answered in the year", Detail = "d", MadeOn = new DateOnly(2014, 9, 1), OrganisationId = icb,
                        Response = RecommendationResponse.Agreed, ResponseText = "Yes", RespondedOn = new DateOnly(2014, 10, 1) },
                    new ScrutinyRecommendation { Title = "Answered after the year", Detail = "d", MadeOn = new DateOnly(2015, 2, 1),
                        Response = RecommendationResponse.PartlyAgreed, ResponseText = "Partly", RespondedOn = new DateOnly(2015, 4, 20) },
                    new ScrutinyRecommendation { Title = "Made after the year", Detail = "d", MadeOn = new DateOnly(2015, 4, 2) });
                db.SaveChanges();
                return true;
            });
        });

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return new ScrutinySection().BuildAsync(new ReportContext { Db = db, Year = Year, AsAt = Year.End }, CancellationToken.None).GetAwaiter().GetResult();
    }

    [Fact]
    public void Plan_AsAt31March_ApprovedByEveryPartnerOnTheLastDate_DeliveredCountsOnlyTheYearsActivities()
    {
        var plan = Build().Plan!;

        var partners = factory.Query(db => db.Organisations.Count(o => o.StatutoryPartner != null));
        Assert.Equal(new DateOnly(2014, 5, partners), plan.ApprovedOn);
        Assert.Equal(partners, plan.Approvals.Count);
        Assert.Equal((3, 1), (plan.Items, plan.Delivered));
    }

    [Fact]
    public void Recommendations_AsAt31March_ResponsesAfterTheYearLeftOut()
    {
        var section = Build();

        Assert.Equal(["Answered in the year", "Answered after the year"], section.Recommendations.Select(r => r.Title));
        Assert.Equal(RecommendationResponse.Agreed, section.Recommendations[0].Response);
        Assert.Null(section.Recommendations[1].Response);
        Assert.Equal("The safeguarding partners jointly", section.Recommendations[1].To);
        Assert.Equal(1, section.Agreed);
    }
}
