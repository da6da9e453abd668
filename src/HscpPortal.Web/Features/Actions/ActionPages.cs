using System.Security.Claims;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Decisions;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Actions;

/// <summary>The names the action page shows beside the action's own fields.</summary>
public sealed record ActionLinks(
    string GroupName, string OwnerName, string OwnerOrganisation, string? MeetingTitle, DateOnly? MeetingDate,
    int? AgendaItemOrder, string? AgendaItemTitle, string? EscalationReference, string? PriorityTitle)
{
    /// <summary>The audit whose area for improvement the action answers, when it came from one.</summary>
    public int? AuditId { get; init; }
    public string? AuditTitle { get; init; }
}

public sealed record TrailEntry(
    int Id, DateTime At, string ByName, string Note, ActionStatus StatusBefore, ActionStatus StatusAfter, DateOnly? DueDateBefore, DateOnly? DueDateAfter);

public sealed class ActionPage
{
    public required ActionItem Action { get; init; }
    public required ActionLinks Links { get; init; }
    public required IReadOnlyList<TrailEntry> Trail { get; init; }
    public required DateOnly Today { get; init; }
    public required ProgressForm Progress { get; init; }

    /// <summary>The owner, the group's chair or vice-chair, or the team: records progress and asks for sign-off.</summary>
    public bool CanUpdate { get; init; }

    /// <summary>The group's chair or vice-chair, or the team: signs off, cancels, closes, reopens and edits.</summary>
    public bool CanEdit { get; init; }

    public bool CanSeeAuditTrail { get; init; }

    public Rag Rag => ActionRag.Of(Action, Today);

    public int DaysOverdue => ActionRag.IsOverdue(Action.Status, Action.DueDate, Today) ? Today.DayNumber - Action.DueDate.DayNumber : 0;

    public bool DueDateRevised => Action.OriginalDueDate != default && Action.OriginalDueDate != Action.DueDate;

    public bool AwaitingSignOff => Action.IsOpen && Action.CompletionRequestedAt is not null;
}

public sealed record MyActionRow(
    int Id, string Title, int GroupId, string GroupName, DateOnly DueDate, ActionStatus Status, Guid Version, bool SignOffRequested, DateOnly? CompletedOn, DateTime? UpdatedAt);

public sealed class MyActions
{
    public string? PersonName { get; init; }
    public int? PersonId { get; init; }
    public required IReadOnlyList<MyActionRow> Open { get; init; }
    public required IReadOnlyList<MyActionRow> Finished { get; init; }
    public required DateOnly Today { get; init; }

    public Rag Rag(MyActionRow row) => ActionRag.Of(row.Status, row.DueDate, Today);

    public int DaysOverdue(MyActionRow row) => ActionRag.IsOverdue(row.Status, row.DueDate, Today) ? Today.DayNumber - row.DueDate.DayNumber : 0;
}

public static class RagTags
{
    public static string Css(Rag rag) => rag switch
    {
        Rag.Red => "govuk-tag--red",
        Rag.Amber => "govuk-tag--yellow",
        Rag.Green => "govuk-tag--green",
        Rag.Complete => "govuk-tag--blue",
        _ => "govuk-tag--grey",
    };

    public static string Text(Rag rag) => rag switch
    {
        Rag.Red => "Red",
        Rag.Amber => "Amber",
        Rag.Green => "Green",
        Rag.Complete => "Complete",
        _ => "Cancelled",
    };

    public static string Overdue(int days) => days == 1 ? "Overdue by 1 day" : $"Overdue by {days} days";
}

public static class ActionAccess
{
    public static Task<ActionHeader?> ActionHeaderAsync(this PortalDbContext db, int id, CancellationToken ct) =>
        db.Actions.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new ActionHeader(a.Id, a.Title, a.GroupId, a.Group!.Name, a.Status, a.DueDate, a.OwnerPerson!.FullName,
                a.CompletionRequestedAt != null, a.IsArchived()))
            .FirstOrDefaultAsync(ct);

    /// <summary>The name the update trail records: the account's display name, or its user name.</summary>
    public static async Task<ActionActor> ActorAsync(this PortalDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId();
        var display = userId is null ? null : await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var name = string.IsNullOrWhiteSpace(display) ? user.Identity?.Name ?? "Unknown user" : display;
        return new ActionActor(userId, name.Length > 256 ? name[..256] : name);
    }

    public static async Task<bool> CanUpdateAsync(this IAuthorizationService authz, ClaimsPrincipal user, ActionItem action) =>
        (await authz.AuthorizeAsync(user, action, Policies.UpdateAction)).Succeeded;

    public static Task<bool> CanEditAsync(this IAuthorizationService authz, ClaimsPrincipal user, PortalDbContext db, ActionItem action, CancellationToken ct) =>
        authz.CanEditGroupAsync(user, db, action.GroupId, ct);
}
