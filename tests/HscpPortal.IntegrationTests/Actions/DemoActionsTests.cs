using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.IntegrationTests;

/// <summary>The demo action plans give every subgroup a realistic mix: statuses, overdue items, sign-offs and trails.</summary>
public class DemoActionsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] Subgroups =
        [Demo.QualityAndEffectiveness, "Joint Case Review Group", "Development and Practice Group", "Child Exploitation and Missing Group", "MASH Group"];

    private static DateOnly Today => UkTime.Today(TimeProvider.System);

    [Fact]
    public void EverySubgroup_HasAnActionPlanWithOpenAndCompletedActions()
    {
        foreach (var name in Subgroups)
        {
            var statuses = factory.Query(db => db.Actions.Where(a => a.Group!.Name == name && a.Source != ActionSource.Meeting || a.Group!.Name == name && a.SourceReference != null)
                .Select(a => a.Status).ToList());
            Assert.True(statuses.Count >= 3, $"{name} has {statuses.Count} plan actions");
            Assert.Contains(statuses, ActionRag.IsOpen);
            Assert.Contains(ActionStatus.Completed, statuses);
        }
    }

    [Fact]
    public void Demo_HasOverdueAndDueSoonActions()
    {
        var overdue = factory.Query(db => db.Actions.Where(ActionRag.Overdue(Today)).Count());
        var dueSoon = factory.Query(db => db.Actions.Where(ActionRag.DueWithin(Today, ActionRag.DueSoonDays)).Count());

        Assert.True(overdue > 0);
        Assert.True(dueSoon >= 2);
    }

    [Fact]
    public void MemberUser_OwnsAnOverdueAndADueSoonAction()
    {
        var tilley = factory.PersonId("Joanne Tilley");
        var mine = factory.Query(db => db.Actions.Where(a => a.OwnerPersonId == tilley).Select(a => new { a.Status, a.DueDate }).ToList());

        Assert.Contains(mine, a => ActionRag.Of(a.Status, a.DueDate, Today) == Rag.Red);
        Assert.Contains(mine, a => ActionRag.IsOpen(a.Status) && a.DueDate >= Today && a.DueDate <= Today.AddDays(ActionRag.DueSoonDays));
    }

    [Fact]
    public void CompletedPlanActions_HaveEvidenceAndTheChairsSignOff()
    {
        var completed = factory.Query(db => db.Actions.Where(a => a.Status == ActionStatus.Completed && a.Source != ActionSource.Meeting).ToList());

        Assert.NotEmpty(completed);
        Assert.All(completed, a =>
        {
            Assert.False(string.IsNullOrWhiteSpace(a.CompletionEvidence));
            Assert.NotNull(a.SignedOffBy);
            Assert.NotNull(a.CompletedOn);
        });
    }

    [Fact]
    public void Trails_EndInTheActionsStatusAndKeepRevisedDueDates()
    {
        var actions = factory.Query(db => db.Actions.AsNoTracking().Where(a => a.PriorityId != null).ToList());
        var updates = factory.Query(db => db.ActionUpdates.AsNoTracking().ToList()).ToLookup(u => u.ActionItemId);

        foreach (var action in actions.Where(a => updates[a.Id].Any()))
        {
            var trail = updates[action.Id].OrderBy(u => u.At).ThenBy(u => u.Id).ToList();
            Assert.Equal(action.Status, trail[^1].StatusAfter);
            for (var i = 1; i < trail.Count; i++)
            {
                Assert.Equal(trail[i - 1].StatusAfter, trail[i].StatusBefore);
            }
        }

        var revised = Assert.Single(actions, a => a.DueDate != a.OriginalDueDate);
        Assert.Contains(updates[revised.Id], u => u.DueDateBefore == revised.OriginalDueDate && u.DueDateAfter == revised.DueDate);
    }

    [Fact]
    public void Cancelled_HasAReason()
    {
        var cancelled = factory.Query(db => db.Actions.Where(a => a.Status == ActionStatus.Cancelled).ToList());

        Assert.NotEmpty(cancelled);
        Assert.All(cancelled, a => Assert.False(string.IsNullOrWhiteSpace(a.ClosureReason)));
    }
}
