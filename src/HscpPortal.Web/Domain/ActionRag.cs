using System.Linq.Expressions;

namespace HscpPortal.Web.Domain;

/// <summary>Red, amber, green: the action plan's traffic light. Complete and Cancelled sit outside it.</summary>
public enum Rag
{
    Red = 1,
    Amber = 2,
    Green = 3,
    Complete = 4,
    Cancelled = 5,
}

/// <summary>
/// The RAG rating computed from an action's status and dates, never entered by hand:
/// <list type="bullet">
/// <item>Completed or Closed is Complete; Cancelled is Cancelled.</item>
/// <item>An open action past its due date is Red (overdue), whatever its status says; so is Off track.</item>
/// <item>At risk is Amber; so is an action not started within <see cref="DueSoonDays"/> of its due date.</item>
/// <item>Everything else open is Green.</item>
/// </list>
/// The same rule is given as expressions so lists can filter by RAG in the database.
/// </summary>
public static class ActionRag
{
    public const int DueSoonDays = 7;

    public static Rag Of(ActionStatus status, DateOnly dueDate, DateOnly today) => status switch
    {
        ActionStatus.Completed or ActionStatus.Closed => Rag.Complete,
        ActionStatus.Cancelled => Rag.Cancelled,
        _ when dueDate < today => Rag.Red,
        ActionStatus.OffTrack => Rag.Red,
        ActionStatus.AtRisk => Rag.Amber,
        ActionStatus.NotStarted when dueDate <= today.AddDays(DueSoonDays) => Rag.Amber,
        _ => Rag.Green,
    };

    public static Rag Of(ActionItem action, DateOnly today) => Of(action.Status, action.DueDate, today);

    public static bool IsOpen(ActionStatus status) =>
        status is not (ActionStatus.Completed or ActionStatus.Closed or ActionStatus.Cancelled);

    public static bool IsOverdue(ActionStatus status, DateOnly dueDate, DateOnly today) => IsOpen(status) && dueDate < today;

    /// <summary>Open actions past their due date.</summary>
    public static Expression<Func<ActionItem, bool>> Overdue(DateOnly today) =>
        a => a.Status != ActionStatus.Completed && a.Status != ActionStatus.Closed && a.Status != ActionStatus.Cancelled
            && a.DueDate < today;

    /// <summary>Open actions due today or within <paramref name="days"/> days.</summary>
    public static Expression<Func<ActionItem, bool>> DueWithin(DateOnly today, int days)
    {
        var until = today.AddDays(days);
        return a => a.Status != ActionStatus.Completed && a.Status != ActionStatus.Closed && a.Status != ActionStatus.Cancelled
            && a.DueDate >= today && a.DueDate <= until;
    }

    /// <summary>The database form of <see cref="Of(ActionStatus, DateOnly, DateOnly)"/> for one rating.</summary>
    public static Expression<Func<ActionItem, bool>> Is(Rag rag, DateOnly today)
    {
        var soon = today.AddDays(DueSoonDays);
        return rag switch
        {
            Rag.Complete => a => a.Status == ActionStatus.Completed || a.Status == ActionStatus.Closed,
            Rag.Cancelled => a => a.Status == ActionStatus.Cancelled,
            Rag.Red => a => a.Status != ActionStatus.Completed && a.Status != ActionStatus.Closed && a.Status != ActionStatus.Cancelled
                && (a.DueDate < today || a.Status == ActionStatus.OffTrack),
            Rag.Amber => a => a.DueDate >= today
                && (a.Status == ActionStatus.AtRisk || (a.Status == ActionStatus.NotStarted && a.DueDate <= soon)),
            Rag.Green => a => a.DueDate >= today
                && (a.Status == ActionStatus.OnTrack || (a.Status == ActionStatus.NotStarted && a.DueDate > soon)),
            _ => throw new ArgumentOutOfRangeException(nameof(rag), rag, null),
        };
    }
}
