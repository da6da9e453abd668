using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Linq.Expressions;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Actions;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;
using RagRating = HscpPortal.Web.Domain.Rag;

namespace HscpPortal.Web.Features.ActionTracker;

public enum ActionSort
{
    Due,
    Title,
    Group,
    Owner,
    Agency,
    Status,
}

public enum SortDirection
{
    Asc,
    Desc,
}

/// <summary>The due-date windows that the overdue and due-soon lists are made of.</summary>
public enum DueWindow
{
    Overdue,
    Soon,
}

/// <summary>A step an action waits on someone else for; in the URL as <c>awaiting=signoff</c>.</summary>
public enum AwaitingStep
{
    /// <summary>Its owner asked for sign-off and the chair has not yet signed it off or returned it.</summary>
    SignOff,
}

/// <summary>
/// What an action list shows, bound from the query string so that the URL carries the whole filter and a view can
/// be bookmarked or shared. The same filter drives the page, its export and the group's action plan.
/// </summary>
public sealed class ActionFilter
{
    public int? Group { get; set; }
    public List<ActionStatus> Status { get; set; } = [];
    public List<RagRating> Rag { get; set; } = [];
    public int? Owner { get; set; }
    public int? Agency { get; set; }
    public ActionSource? Source { get; set; }
    public int? Priority { get; set; }
    public string? Q { get; set; }
    [Display(Name = "Due from date")]
    public DateOnly? From { get; set; }
    [Display(Name = "Due to date")]
    public DateOnly? To { get; set; }
    public DueWindow? Due { get; set; }
    public AwaitingStep? Awaiting { get; set; }

    /// <summary>Archived actions are left out unless asked for; only the partnership team may ask.</summary>
    public bool Archived { get; set; }

    /// <summary>
    /// Finished actions (completed, closed, cancelled) are left out unless asked for, so a list opens on the work
    /// still to do; choosing a status, or the "complete" or "cancelled" rating, asks for them too.
    /// </summary>
    public bool Completed { get; set; }

    /// <summary>Whether finished actions are in the list: asked for, or implied by a chosen status or RAG rating.</summary>
    public bool ShowsFinished => Completed || Status.Count > 0 || Rag.Any(r => r is RagRating.Complete or RagRating.Cancelled);

    public ActionSort Sort { get; set; } = ActionSort.Due;
    public SortDirection Dir { get; set; } = SortDirection.Asc;
    public int Page { get; set; } = 1;

    /// <summary>Set by lists whose default order is not the due date, so that their links name the sort even when it is.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public bool KeepSort { get; set; }

    public bool HasConditions =>
        Group is not null || Status.Count > 0 || Rag.Count > 0 || Owner is not null || Agency is not null || Source is not null
        || Priority is not null || !string.IsNullOrWhiteSpace(Q) || From is not null || To is not null || Due is not null || Awaiting is not null || Archived || Completed;

    public IQueryable<ActionItem> Apply(IQueryable<ActionItem> actions, DateOnly today)
    {
        if (!Archived)
        {
            actions = actions.Where(a => a.IsLive());
        }

        if (Group is { } group)
        {
            actions = actions.Where(a => a.GroupId == group);
        }

        if (!ShowsFinished)
        {
            actions = actions.Where(a => a.Status != ActionStatus.Completed && a.Status != ActionStatus.Closed && a.Status != ActionStatus.Cancelled);
        }

        if (Status.Count > 0)
        {
            var statuses = Status.Distinct().ToList();
            actions = actions.Where(a => statuses.Contains(a.Status));
        }

        if (Rag.Count > 0)
        {
            actions = actions.Where(AnyOf(Rag.Distinct().Select(r => ActionRag.Is(r, today))));
        }

        if (Owner is { } owner)
        {
            actions = actions.Where(a => a.OwnerPersonId == owner);
        }

        if (Agency is { } agency)
        {
            actions = actions.Where(a => a.OwnerOrganisationId == agency);
        }

        if (Source is { } source)
        {
            actions = actions.Where(a => a.Source == source);
        }

        if (Priority is { } priority)
        {
            actions = actions.Where(a => a.PriorityId == priority);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            // LIKE rather than Contains: SQLite's instr() is case-sensitive, and people search as they speak.
            var pattern = "%" + Q.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            actions = actions.Where(a => EF.Functions.Like(a.Title, pattern, "\\")
                || (a.Description != null && EF.Functions.Like(a.Description, pattern, "\\"))
                || (a.SourceReference != null && EF.Functions.Like(a.SourceReference, pattern, "\\")));
        }

        if (From is { } from)
        {
            actions = actions.Where(a => a.DueDate >= from);
        }

        if (To is { } to)
        {
            actions = actions.Where(a => a.DueDate <= to);
        }

        actions = Due switch
        {
            DueWindow.Overdue => actions.Where(ActionRag.Overdue(today)),
            DueWindow.Soon => actions.Where(ActionRag.DueWithin(today, ActionRag.DueSoonDays)),
            _ => actions,
        };
        if (Awaiting == AwaitingStep.SignOff)
        {
            actions = SignOffRequests.Awaiting(actions);
        }

        return actions;
    }

    public IQueryable<ActionItem> Order(IQueryable<ActionItem> actions)
    {
        var asc = Dir == SortDirection.Asc;
        var ordered = Sort switch
        {
            ActionSort.Title => asc ? actions.OrderBy(a => a.Title) : actions.OrderByDescending(a => a.Title),
            ActionSort.Group => asc ? actions.OrderBy(a => a.Group!.Name) : actions.OrderByDescending(a => a.Group!.Name),
            ActionSort.Owner => asc ? actions.OrderBy(a => a.OwnerPerson!.FullName) : actions.OrderByDescending(a => a.OwnerPerson!.FullName),
            ActionSort.Agency => asc ? actions.OrderBy(a => a.OwnerOrganisation!.Name) : actions.OrderByDescending(a => a.OwnerOrganisation!.Name),
            ActionSort.Status => asc ? actions.OrderBy(a => a.Status) : actions.OrderByDescending(a => a.Status),
            // By due date, the work still to do comes first: a plan read from the top should not open on actions
            // finished years ago.
            _ => asc
                ? actions.OrderBy(a => a.Status == ActionStatus.Completed || a.Status == ActionStatus.Closed || a.Status == ActionStatus.Cancelled).ThenBy(a => a.DueDate)
                : actions.OrderBy(a => a.Status == ActionStatus.Completed || a.Status == ActionStatus.Closed || a.Status == ActionStatus.Cancelled).ThenByDescending(a => a.DueDate),
        };
        // A stable tie-break so that paging never shows a row twice or skips one.
        return (Sort == ActionSort.Due ? ordered : ordered.ThenBy(a => a.DueDate)).ThenBy(a => a.Id);
    }

    public ActionFilter Clone() => new()
    {
        Group = Group, Status = [.. Status], Rag = [.. Rag], Owner = Owner, Agency = Agency, Source = Source, Priority = Priority,
        Q = Q, From = From, To = To, Due = Due, Awaiting = Awaiting, Archived = Archived, Completed = Completed, Sort = Sort, Dir = Dir, Page = Page, KeepSort = KeepSort,
    };

    /// <summary>The filter as query-string pairs, leaving out defaults, in a fixed order so that URLs compare equal.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToQuery(bool includePage = true, bool includeGroup = true)
    {
        static string S(int value) => value.ToString(CultureInfo.InvariantCulture);
        static string D(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (includeGroup && Group is { } group)
        {
            yield return new("group", S(group));
        }

        foreach (var status in Status.Distinct())
        {
            yield return new("status", status.ToString());
        }

        foreach (var rag in Rag.Distinct())
        {
            yield return new("rag", rag.ToString());
        }

        if (Owner is { } owner)
        {
            yield return new("owner", S(owner));
        }

        if (Agency is { } agency)
        {
            yield return new("agency", S(agency));
        }

        if (Source is { } source)
        {
            yield return new("source", source.ToString());
        }

        if (Priority is { } priority)
        {
            yield return new("priority", S(priority));
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            yield return new("q", Q.Trim());
        }

        if (From is { } from)
        {
            yield return new("from", D(from));
        }

        if (To is { } to)
        {
            yield return new("to", D(to));
        }

        if (Due is { } due)
        {
            yield return new("due", due.ToString());
        }

        if (Awaiting == AwaitingStep.SignOff)
        {
            yield return new("awaiting", "signoff");
        }

        if (Archived)
        {
            yield return new("archived", "true");
        }

        if (Completed)
        {
            yield return new("completed", "true");
        }

        if (KeepSort || Sort != ActionSort.Due || Dir != SortDirection.Asc)
        {
            yield return new("sort", Sort.ToString());
            yield return new("dir", Dir.ToString());
        }

        if (includePage && Page > 1)
        {
            yield return new("page", S(Page));
        }
    }

    /// <summary>A link to <paramref name="path"/> with this filter changed by <paramref name="change"/> (back to page 1).</summary>
    public string Url(string path, Action<ActionFilter>? change = null, bool includeGroup = true, IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        var copy = Clone();
        copy.Page = 1;
        change?.Invoke(copy);
        var query = new QueryBuilder(extra ?? []);
        foreach (var pair in copy.ToQuery(includeGroup: includeGroup))
        {
            query.Add(pair.Key, pair.Value);
        }

        return path + query.ToQueryString().Value;
    }

    /// <summary>The link for a column heading: sorts by it, or reverses the order when it is already the sort.</summary>
    public string SortUrl(string path, ActionSort column, bool includeGroup = true) => Url(path, f =>
    {
        f.Dir = f.Sort == column && f.Dir == SortDirection.Asc ? SortDirection.Desc : SortDirection.Asc;
        f.Sort = column;
    }, includeGroup);

    public string? AriaSort(ActionSort column) =>
        Sort != column ? null : Dir == SortDirection.Asc ? "ascending" : "descending";

    private static Expression<Func<ActionItem, bool>> AnyOf(IEnumerable<Expression<Func<ActionItem, bool>>> conditions)
    {
        var parameter = Expression.Parameter(typeof(ActionItem), "a");
        Expression? body = null;
        foreach (var condition in conditions)
        {
            var part = new Rebind(condition.Parameters[0], parameter).Visit(condition.Body);
            body = body is null ? part : Expression.OrElse(body, part);
        }

        return Expression.Lambda<Func<ActionItem, bool>>(body ?? Expression.Constant(true), parameter);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
