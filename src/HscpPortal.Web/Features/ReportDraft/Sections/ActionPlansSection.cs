using System.Text.Json.Serialization;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Reporting;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.ReportDraft.Sections;

/// <summary>One group's action plan as it stood on the year's last day.</summary>
public sealed record ActionPlanRow(string Group, int CompletedInYear, int OpenAtYearEnd, int OverdueAtYearEnd)
{
    /// <summary>Where its records are; not part of what partners sign.</summary>
    [JsonIgnore]
    public int GroupId { get; init; }
}

/// <summary>An action open on the year's last day that was overdue or off track then: little or no progress.</summary>
public sealed record StalledAction(string Title, string Group, string Owner, DateOnly DueAtYearEnd, ActionStatus StatusAtYearEnd, bool Overdue, ActionSource Source);

public sealed class ActionPlansModel : IHasFigures
{
    public required IReadOnlyList<ActionPlanRow> Groups { get; init; }
    public required IReadOnlyList<StalledAction> Stalled { get; init; }

    /// <summary>Actions raised from case review recommendations that were live in the year.</summary>
    public required int FromCaseReviews { get; init; }

    public int CompletedInYear => Groups.Sum(g => g.CompletedInYear);
    public int OpenAtYearEnd => Groups.Sum(g => g.OpenAtYearEnd);
    public int OverdueAtYearEnd => Groups.Sum(g => g.OverdueAtYearEnd);

    public IEnumerable<ReportFigure> Figures(ReportPeriod period) => ActionPlansFigures.Of(this, period);
}

/// <summary>
/// The partnership's action plans by group, as at the year's last day (31 March), whatever has happened since:
/// <list type="bullet">
/// <item>Completed in the year: completed (or, lacking a completion date, signed off) between 1 April and 31 March.</item>
/// <item>Open at year end: raised on or before 31 March and neither completed, closed nor cancelled on or before it.
/// An action is raised on its meeting's date, else on the date of its first update, else when it was recorded.</item>
/// <item>Overdue at year end: open then, with the due date it had then (from its update trail) before 31 March.</item>
/// </list>
/// Status and due date on 31 March come from the insert-only update trail, so later edits never change the figures.
/// </summary>
public sealed class ActionPlansSection : ReportSection<ActionPlansModel>
{
    public override string Key => ReportSectionKeys.ActionPlans;
    public override string Title => "Action plans";
    public override IReadOnlyList<string> Provides => [ReadinessKeys.LittleProgress, ReadinessKeys.ReviewRecommendations];

    public override async Task<ActionPlansModel> BuildAsync(ReportContext context, CancellationToken ct)
    {
        var db = context.Db;
        var year = context.Year;
        var end = year.End;
        // Anything finished before the year began plays no part in it.
        var actions = await db.Actions.AsNoTracking()
            .Where(a => a.IsLive() && (a.CompletedOn == null || a.CompletedOn >= year.Start))
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.GroupId,
                Group = a.Group!.Name,
                Owner = a.OwnerOrganisation!.Name,
                a.Status,
                a.DueDate,
                a.Source,
                a.CompletedOn,
                a.SignedOffAt,
                a.CreatedAt,
                MeetingDate = a.Meeting == null ? (DateOnly?)null : a.Meeting.Date,
            })
            .ToListAsync(ct);
        var ids = actions.Select(a => a.Id).ToList();
        var trail = (await db.ActionUpdates.AsNoTracking()
                .Where(u => ids.Contains(u.ActionItemId))
                .Select(u => new { u.ActionItemId, u.At, u.Id, u.StatusBefore, u.StatusAfter, u.DueDateBefore, u.DueDateAfter })
                .ToListAsync(ct))
            .GroupBy(u => u.ActionItemId)
            .ToDictionary(g => g.Key, g => g.OrderBy(u => u.At).ThenBy(u => u.Id).ToList());

        var rows = actions.Select(a =>
        {
            var updates = trail.GetValueOrDefault(a.Id) ?? [];
            var raised = a.MeetingDate ?? (updates.Count > 0 ? DateOnly.FromDateTime(updates[0].At) : DateOnly.FromDateTime(a.CreatedAt));
            // When it was completed: its completion date, else its sign-off, else the trail entry that completed it.
            var completed = a.CompletedOn ?? (a.SignedOffAt is { } signed ? DateOnly.FromDateTime(signed) : (DateOnly?)null)
                ?? (updates.FirstOrDefault(u => u.StatusAfter == ActionStatus.Completed) is { } completing ? DateOnly.FromDateTime(completing.At) : (DateOnly?)null);
            var before = updates.Where(u => DateOnly.FromDateTime(u.At) <= end).ToList();
            var after = updates.Where(u => DateOnly.FromDateTime(u.At) > end).ToList();

            var statusAtEnd = before.Count > 0 ? before[^1].StatusAfter : after.Count > 0 ? after[0].StatusBefore : a.Status;
            var dueAtEnd = before.LastOrDefault(u => u.DueDateAfter is not null)?.DueDateAfter
                ?? after.FirstOrDefault(u => u.DueDateBefore is not null)?.DueDateBefore
                ?? a.DueDate;
            // Closed or cancelled with no dated trail: when is unknown, so it is not counted as open.
            var closedByEnd = a.Status is ActionStatus.Closed or ActionStatus.Cancelled
                && (before.Any(u => u.StatusAfter is ActionStatus.Closed or ActionStatus.Cancelled) || updates.Count == 0);
            var completedByEnd = completed is { } c && c <= end;
            var open = raised <= end && !completedByEnd && !closedByEnd;
            if (open && !ActionRag.IsOpen(statusAtEnd))
            {
                // The trail says finished but no completion date says when: take it as it stood before that update.
                statusAtEnd = ActionStatus.OnTrack;
            }

            var overdue = open && ActionRag.IsOverdue(statusAtEnd, dueAtEnd, end);
            return new
            {
                a.Title,
                a.GroupId,
                a.Group,
                a.Owner,
                a.Source,
                CompletedInYear = completed is { } done && year.Contains(done),
                Open = open,
                Overdue = overdue,
                Stalled = open && ActionRag.Of(statusAtEnd, dueAtEnd, end) == Rag.Red,
                StatusAtEnd = statusAtEnd,
                DueAtEnd = dueAtEnd,
                Live = raised <= end && (completed is null || completed >= year.Start),
            };
        }).ToList();

        return new ActionPlansModel
        {
            Groups = rows
                .GroupBy(r => r.Group)
                .Select(g => new ActionPlanRow(g.Key, g.Count(r => r.CompletedInYear), g.Count(r => r.Open), g.Count(r => r.Overdue)) { GroupId = g.Min(r => r.GroupId) })
                .Where(r => r.CompletedInYear + r.OpenAtYearEnd > 0)
                .OrderBy(r => r.Group, StringComparer.Ordinal)
                .ToList(),
            Stalled = rows.Where(r => r.Stalled)
                .OrderBy(r => r.DueAtEnd).ThenBy(r => r.Group, StringComparer.Ordinal).ThenBy(r => r.Title, StringComparer.Ordinal)
                .Select(r => new StalledAction(r.Title, r.Group, r.Owner, r.DueAtEnd, r.StatusAtEnd, r.Overdue, r.Source))
                .ToList(),
            FromCaseReviews = rows.Count(r => r.Live && r.Source == ActionSource.CaseReview),
        };
    }
}
