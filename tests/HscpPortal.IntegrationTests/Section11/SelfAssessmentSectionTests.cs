using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Section11;
using HscpPortal.Web.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// The yearly report's Section 11 and 175 section against a hand-built year (2015-16, which the demo leaves empty):
/// only returns submitted by 31 March count, sessions held after it are left out, and an action counts as complete
/// only if completed by then.
/// </summary>
public class SelfAssessmentSectionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly ReportingYear Year = new(2015);

    private SelfAssessmentSectionModel Build()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return new SelfAssessmentSection().BuildAsync(new ReportContext { Db = db, Year = Year, AsAt = Year.End }, CancellationToken.None).GetAwaiter().GetResult();
    }

    private void Seed() => factory.Memo("s11-2015", f =>
    {
        var group = f.GroupId(Demo.QualityAndEffectiveness);
        var police = f.OrganisationId(Demo.Police);
        var council = f.OrganisationId(Demo.Council);
        var trust = f.OrganisationId(Demo.WyeValley);
        var lead = f.PersonId("Ian Fairbairn");
        return f.Query(db =>
        {
            SelfAssessmentReturn Return(int organisation, ReturnStatus status, DateOnly? on, params int?[] ratings) => new()
            {
                OrganisationId = organisation, LeadPersonId = lead, Status = status, SubmittedOn = on,
                Answers = ratings.Select((r, i) => new SelfAssessmentAnswer { StandardNumber = i + 1, Rating = r }).ToList(),
            };
            var round = new SelfAssessmentRound
            {
                Title = "Section 11 2015", Kind = SelfAssessmentKind.Section11, CycleYear = 2015,
                Standards = "Leadership\nTraining\nVoice of the child", RatingScale = "Fully met\nMostly met\nPartially met\nNot met",
                OpensOn = new DateOnly(2015, 6, 1), Deadline = new DateOnly(2015, 9, 30), GroupId = group,
                Returns =
                [
                    Return(police, ReturnStatus.Submitted, new DateOnly(2015, 9, 1), 1, 2, 3),
                    Return(council, ReturnStatus.Submitted, new DateOnly(2015, 10, 1), 1, 1, 4),
                    // Submitted after 31 March: at the report's date it was still in progress.
                    Return(trust, ReturnStatus.Submitted, new DateOnly(2016, 4, 20), 4, 4, 4),
                ],
            };
            var archived = new SelfAssessmentRound
            {
                Title = "Archived 2015 round", Kind = SelfAssessmentKind.Section175, CycleYear = 2015, Standards = "One", RatingScale = "Yes\nNo",
                OpensOn = new DateOnly(2015, 7, 1), Deadline = new DateOnly(2015, 8, 1), GroupId = group,
                ArchivedAt = new DateTime(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            };
            db.SelfAssessmentRounds.AddRange(round, archived);
            db.SaveChanges();
            db.CheckChallengeSessions.AddRange(
                new CheckChallengeSession { RoundId = round.Id, HeldOn = new DateOnly(2015, 11, 3), ChairPersonId = f.PersonId("Geoffrey Hartland"),
                    Organisations = [new() { OrganisationId = police }, new() { OrganisationId = council }] },
                new CheckChallengeSession { RoundId = round.Id, HeldOn = new DateOnly(2016, 5, 3), Organisations = [new() { OrganisationId = trust }] });
            ActionItem Action(string title, DateOnly? completed) => new()
            {
                Title = title, GroupId = group, OwnerPersonId = lead, OwnerOrganisationId = police, DueDate = new DateOnly(2016, 1, 31),
                Source = ActionSource.Section11, SourceReference = round.Title,
                Status = completed is null ? ActionStatus.OnTrack : ActionStatus.Completed, CompletedOn = completed,
            };
            var done = Action("Hear children in custody", new DateOnly(2016, 2, 1));
            var late = Action("Council voice of the child", new DateOnly(2016, 4, 15));
            db.Actions.AddRange(done, late);
            db.SaveChanges();
            var answers = db.SelfAssessmentAnswers.Where(a => a.Return!.RoundId == round.Id && a.StandardNumber == 3 && a.Return.OrganisationId != trust).ToList();
            answers.Single(a => a.Rating == 3).ActionId = done.Id;
            answers.Single(a => a.Rating == 4).ActionId = late.Id;
            db.SaveChanges();
            return round.Id;
        });
    });

    [Fact]
    public void Build_HandBuiltYear_CountsReturnsRatingsSessionsAndActionsAsAt31March()
    {
        Seed();

        var model = Build();

        var round = Assert.Single(model.Rounds);
        Assert.Equal("Section 11 2015", round.Title);
        Assert.Equal(3, round.InScope);
        Assert.Equal(2, round.Returned);
        Assert.Equal([3, 1, 1, 1], round.Levels.Select(l => l.Ratings));
        var weak = Assert.Single(round.WeakStandards);
        Assert.Equal(("Voice of the child", 2), (weak.Standard, weak.Organisations));
        var session = Assert.Single(round.Sessions);
        Assert.Equal((new DateOnly(2015, 11, 3), 2), (session.HeldOn, session.Organisations));
        Assert.Equal((2, 1), (round.Actions, round.ActionsComplete));
    }
}
