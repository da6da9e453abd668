using HscpPortal.Web.Domain;

namespace HscpPortal.UnitTests;

/// <summary>Each step done to an action changes it and returns the update that records the change.</summary>
public class ActionProgressTests
{
    private static readonly ActionActor Owner = new("user-1", "Joanne Tilley");
    private static readonly ActionActor Chair = new("user-2", "Claire Ashdown");
    private static readonly DateTime At = new(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);

    private static ActionItem Action() =>
        new() { Id = 7, Title = "Refresh the neglect toolkit", Status = ActionStatus.NotStarted, DueDate = new DateOnly(2026, 12, 31) };

    [Fact]
    public void Progress_RevisingTheDueDate_KeepsTheOriginalAndRecordsBeforeAndAfter()
    {
        var action = Action();

        var update = ActionProgress.Progress(action, "Data late", ActionStatus.AtRisk, new DateOnly(2027, 3, 31), Owner, At);

        Assert.Equal(new DateOnly(2027, 3, 31), action.DueDate);
        Assert.Equal(new DateOnly(2026, 12, 31), action.OriginalDueDate);
        Assert.Equal((ActionStatus.NotStarted, ActionStatus.AtRisk), (update.StatusBefore, update.StatusAfter));
        Assert.Equal((new DateOnly(2026, 12, 31), new DateOnly(2027, 3, 31)), (update.DueDateBefore!.Value, update.DueDateAfter!.Value));
        Assert.Equal((7, "user-1", "Joanne Tilley", At), (update.ActionItemId, update.ByUserId, update.ByName, update.At));
    }

    [Fact]
    public void Progress_SameDueDate_RecordsNoRevision()
    {
        var update = ActionProgress.Progress(Action(), "Started", ActionStatus.OnTrack, new DateOnly(2026, 12, 31), Owner, At);

        Assert.Null(update.DueDateBefore);
        Assert.Null(update.DueDateAfter);
    }

    [Theory]
    [InlineData(ActionStatus.Completed)]
    [InlineData(ActionStatus.Closed)]
    [InlineData(ActionStatus.Cancelled)]
    public void Progress_ToAStatusWithItsOwnStep_IsRefused(ActionStatus status) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ActionProgress.Progress(Action(), "Done", status, null, Owner, At));

    [Fact]
    public void RequestThenSignOff_CompletesWithTheEvidenceAndWhoSignedOff()
    {
        var action = Action();

        ActionProgress.RequestSignOff(action, "Used in 40 assessments", Owner, At);
        var update = ActionProgress.SignOff(action, "Used in 40 assessments", new DateOnly(2026, 11, 20), Chair, At.AddDays(1));

        Assert.Equal(ActionStatus.Completed, action.Status);
        Assert.Equal(("Used in 40 assessments", "Joanne Tilley", "Claire Ashdown"), (action.CompletionEvidence, action.CompletionRequestedBy, action.SignedOffBy));
        Assert.Equal(new DateOnly(2026, 11, 20), action.CompletedOn);
        Assert.Equal((ActionStatus.NotStarted, ActionStatus.Completed), (update.StatusBefore, update.StatusAfter));
    }

    [Fact]
    public void CloseThenReopen_ClearsTheClosureButTheTrailKeepsIt()
    {
        var action = Action();

        var closed = ActionProgress.End(action, ActionStatus.Closed, "Transferred", Chair, At);
        var reopened = ActionProgress.Reopen(action, "Not agreed", ActionStatus.OnTrack, Chair, At);

        Assert.Equal(("Transferred", ActionStatus.Closed), (closed.Note, closed.StatusAfter));
        Assert.Equal((ActionStatus.Closed, ActionStatus.OnTrack), (reopened.StatusBefore, reopened.StatusAfter));
        Assert.Equal(ActionStatus.OnTrack, action.Status);
        Assert.Null(action.ClosureReason);
    }
}
