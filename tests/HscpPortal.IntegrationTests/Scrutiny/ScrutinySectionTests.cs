using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Scrutiny;
using HscpPortal.Web.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// The yearly report's independent scrutiny section against a hand-built year (2015-16, which the demo leaves empty):
/// only activities and challenges of the year count, archived ones never, and a response or decision dated after
/// 31 March is left out, so the challenge shows as it stood at the year's end.
/// </summary>
public class ScrutinySectionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly ReportingYear Year = new(2015);

    private ScrutinySectionModel Build()
    {
        factory.Memo("scrutiny-2015", f =>
        {
            var police = f.OrganisationId(Demo.Police);
            var council = f.OrganisationId(Demo.Council);
            return f.Query(db =>
            {
                ScrutinyActivity Activity(ScrutinyActivityKind kind, DateOnly on, string subject) => new() { Kind = kind, HeldOn = on, Subject = subject, Findings = subject + " findings" };
                var archived = Activity(ScrutinyActivityKind.CaseFileReview, new DateOnly(2015, 8, 1), "Archived review");
                archived.ArchivedAt = new DateTime(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                db.ScrutinyActivities.AddRange(
                    Activity(ScrutinyActivityKind.CheckAndChallenge, new DateOnly(2015, 10, 6), "Section 11 session"),
                    Activity(ScrutinyActivityKind.WalkTheFloor, new DateOnly(2015, 4, 1), "Front door visit"),
                    Activity(ScrutinyActivityKind.WalkTheFloor, new DateOnly(2016, 1, 12), "Hospital visit"),
                    Activity(ScrutinyActivityKind.MeetingObservation, new DateOnly(2016, 4, 1), "After the year"),
                    Activity(ScrutinyActivityKind.AuditReview, new DateOnly(2015, 3, 31), "Before the year"),
                    archived);
                ScrutinyChallenge Challenge(string title, int to, DateOnly raised) => new()
                {
                    Title = title, Detail = title + " detail", OrganisationId = to, RaisedOn = raised, ResponseDueOn = raised.AddDays(28),
                };
                var accepted = Challenge("Accepted in the year", police, new DateOnly(2015, 6, 1));
                accepted.Response = "Answered in June";
                accepted.ResponseReceivedOn = new DateOnly(2015, 6, 20);
                accepted.Verdict = ChallengeVerdict.Accepted;
                accepted.VerdictOn = new DateOnly(2015, 7, 1);
                var answeredLate = Challenge("Answered after the year", council, new DateOnly(2016, 3, 1));
                answeredLate.Response = "Answered in April";
                answeredLate.ResponseReceivedOn = new DateOnly(2016, 4, 5);
                answeredLate.Verdict = ChallengeVerdict.Accepted;
                answeredLate.VerdictOn = new DateOnly(2016, 4, 20);
                var decidedLate = Challenge("Decided after the year", council, new DateOnly(2016, 1, 5));
                decidedLate.Response = "Answered in January";
                decidedLate.ResponseReceivedOn = new DateOnly(2016, 1, 25);
                decidedLate.Verdict = ChallengeVerdict.NotAccepted;
                decidedLate.VerdictOn = new DateOnly(2016, 4, 2);
                decidedLate.VerdictNote = "Not enough";
                var archivedChallenge = Challenge("Archived challenge", police, new DateOnly(2015, 9, 1));
                archivedChallenge.ArchivedAt = new DateTime(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                db.ScrutinyChallenges.AddRange(accepted, answeredLate, decidedLate, archivedChallenge, Challenge("Raised next year", police, new DateOnly(2016, 4, 4)));
                db.SaveChanges();
                return true;
            });
        });

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return new ScrutinySection().BuildAsync(new ReportContext { Db = db, Year = Year, AsAt = Year.End }, CancellationToken.None).GetAwaiter().GetResult();
    }

    [Fact]
    public void Activities_OnlyTheYearsLiveOnes_InDateOrderAndCountedByKind()
    {
        var section = Build();

        Assert.Equal(["Front door visit", "Section 11 session", "Hospital visit"], section.Activities.Select(a => a.Subject));
        Assert.Equal(
            [(ScrutinyActivityKind.CheckAndChallenge, 1), (ScrutinyActivityKind.WalkTheFloor, 2)],
            section.ByKind.Select(k => (k.Kind, k.Count)));
    }

    [Fact]
    public void Challenges_AsTheyStoodOn31March_ResponsesAndDecisionsAfterTheYearLeftOut()
    {
        var section = Build();

        Assert.Equal(["Accepted in the year", "Decided after the year", "Answered after the year"], section.Challenges.Select(c => c.Title));
        var accepted = section.Challenges[0];
        Assert.Equal((ChallengeState.Accepted, "Answered in June"), (accepted.State, accepted.Response));
        var decidedLate = section.Challenges[1];
        Assert.Equal((ChallengeState.AwaitingDecision, "Answered in January", (ChallengeVerdict?)null, (string?)null),
            (decidedLate.State, decidedLate.Response, decidedLate.Verdict, decidedLate.VerdictNote));
        var answeredLate = section.Challenges[2];
        Assert.Equal((ChallengeState.ResponseOverdue, (string?)null, (DateOnly?)null), (answeredLate.State, answeredLate.Response, answeredLate.ResponseReceivedOn));
        Assert.Equal((1, 2, 2), (section.Accepted, section.Responded, section.OpenAtYearEnd));
    }
}
