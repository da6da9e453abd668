namespace HscpPortal.Web.Domain;

/// <summary>Who made a change to an action, as the update trail names them.</summary>
public sealed record ActionActor(string? UserId, string Name);

/// <summary>
/// Everything done to an action after it is raised. Each change returns the <see cref="ActionUpdate"/> that records
/// it, so the trail and the action can never disagree: the caller adds the update and saves both together.
/// </summary>
public static class ActionProgress
{
    /// <summary>The statuses a progress update may leave an action in; completion, closure and cancellation have their own steps.</summary>
    public static readonly IReadOnlyList<ActionStatus> ProgressStatuses =
        [ActionStatus.NotStarted, ActionStatus.OnTrack, ActionStatus.AtRisk, ActionStatus.OffTrack];

    public static bool IsProgressStatus(ActionStatus status) => ProgressStatuses.Contains(status);

    /// <summary>A dated note from the owner, perhaps moving the status or revising the due date; the original due date stays.</summary>
    public static ActionUpdate Progress(ActionItem action, string note, ActionStatus statusAfter, DateOnly? revisedDueDate, ActionActor by, DateTime at)
    {
        if (!IsProgressStatus(statusAfter))
        {
            throw new ArgumentOutOfRangeException(nameof(statusAfter), statusAfter, "A progress update leaves the action open");
        }

        var update = Record(action, note, statusAfter, by, at);
        if (revisedDueDate is { } due && due != action.DueDate)
        {
            update.DueDateBefore = action.DueDate;
            update.DueDateAfter = due;
            action.DueDate = due;
        }

        action.Status = statusAfter;
        return update;
    }

    /// <summary>The owner asks the chair to sign the action off as complete, giving the evidence of its impact.</summary>
    public static ActionUpdate RequestSignOff(ActionItem action, string evidence, ActionActor by, DateTime at)
    {
        action.CompletionEvidence = evidence;
        action.CompletionRequestedAt = at;
        action.CompletionRequestedBy = by.Name;
        return Record(action, "Asked for sign-off as complete. Evidence of impact: " + evidence, action.Status, by, at);
    }

    /// <summary>The chair (or the partnership team) signs the action off: it is Completed on the date given.</summary>
    public static ActionUpdate SignOff(ActionItem action, string evidence, DateOnly completedOn, ActionActor by, DateTime at)
    {
        var update = Record(action, "Signed off as complete.", ActionStatus.Completed, by, at);
        action.CompletionEvidence = evidence;
        action.CompletedOn = completedOn;
        action.SignedOffAt = at;
        action.SignedOffBy = by.Name;
        action.ClosureReason = null;
        action.Status = ActionStatus.Completed;
        return update;
    }

    /// <summary>The chair sends a sign-off request back to the owner; the evidence stays for the owner to improve.</summary>
    public static ActionUpdate ReturnSignOff(ActionItem action, string note, ActionActor by, DateTime at)
    {
        action.CompletionRequestedAt = null;
        action.CompletionRequestedBy = null;
        return Record(action, "Sign-off request returned: " + note, action.Status, by, at);
    }

    /// <summary>Cancelled (no longer needed) or Closed (superseded or transferred), with the reason.</summary>
    public static ActionUpdate End(ActionItem action, ActionStatus status, string reason, ActionActor by, DateTime at)
    {
        if (status is not (ActionStatus.Cancelled or ActionStatus.Closed))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Only cancelling or closing ends an action with a reason");
        }

        var update = Record(action, reason, status, by, at);
        action.Status = status;
        action.ClosureReason = reason;
        action.CompletionRequestedAt = null;
        action.CompletionRequestedBy = null;
        return update;
    }

    /// <summary>
    /// Reopens a completed, closed or cancelled action. The sign-off and closure are cleared from the action;
    /// the trail keeps them.
    /// </summary>
    public static ActionUpdate Reopen(ActionItem action, string reason, ActionStatus statusAfter, ActionActor by, DateTime at)
    {
        if (!IsProgressStatus(statusAfter))
        {
            throw new ArgumentOutOfRangeException(nameof(statusAfter), statusAfter, "A reopened action is open");
        }

        var update = Record(action, "Reopened: " + reason, statusAfter, by, at);
        action.Status = statusAfter;
        action.ClosureReason = null;
        action.CompletedOn = null;
        action.SignedOffAt = null;
        action.SignedOffBy = null;
        action.CompletionRequestedAt = null;
        action.CompletionRequestedBy = null;
        return update;
    }

    private static ActionUpdate Record(ActionItem action, string note, ActionStatus statusAfter, ActionActor by, DateTime at) => new()
    {
        ActionItemId = action.Id,
        At = at,
        ByUserId = by.UserId,
        ByName = by.Name,
        Note = note,
        StatusBefore = action.Status,
        StatusAfter = statusAfter,
    };
}
