using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Decisions;

/// <summary>The meeting a decision or action belongs to, as the forms and pages about it show it.</summary>
public sealed record MeetingSummary(int Id, int GroupId, string GroupName, string Title, DateOnly Date, MeetingStatus Status, bool IsQuorate, string? QuorumStatement)
{
    public string Name => $"{GroupName}: {Title}, {Format.Date(Date)}";
}

public static class DecisionRules
{
    public static Task<MeetingSummary?> MeetingSummaryAsync(this PortalDbContext db, int meetingId, CancellationToken ct) =>
        db.Meetings.AsNoTracking()
            .Where(m => m.Id == meetingId && m.IsLive())
            .Select(m => new MeetingSummary(m.Id, m.GroupId, m.Group!.Name, m.Title ?? "Meeting", m.Date, m.Status, m.IsQuorate, m.QuorumStatement))
            .FirstOrDefaultAsync(ct);

    /// <summary>The meeting's live agenda items, plus the one a record already points at.</summary>
    public static Task<List<SelectListItem>> AgendaItemOptionsAsync(this PortalDbContext db, int meetingId, CancellationToken ct, int? alwaysInclude = null) =>
        db.AgendaItems.AsNoTracking()
            .Where(a => a.MeetingId == meetingId && (a.IsLive() || a.Id == alwaysInclude))
            .OrderBy(a => a.Order)
            .Select(a => new SelectListItem(a.Order + ". " + a.Title, a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToListAsync(ct);

    public static Task<bool> IsAgendaItemOfAsync(this PortalDbContext db, int agendaItemId, int meetingId, int? alreadyLinked, CancellationToken ct) =>
        db.AgendaItems.AnyAsync(a => a.Id == agendaItemId && a.MeetingId == meetingId && (a.IsLive() || a.Id == alreadyLinked), ct);
}

public static class YesNo
{
    public static readonly IReadOnlyList<SelectListItem> Items = [new("Yes", "true"), new("No", "false")];
}

public sealed class DecisionForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public int MeetingId { get; set; }
    public int? AgendaItemId { get; set; }
    public string? Title { get; set; }
    public string? Detail { get; set; }
    public bool? IsKey { get; set; }

    /// <summary>The agenda item the record pointed at before this edit, still valid even if since archived.</summary>
    public int? LinkedAgendaItemId { get; set; }

    public MeetingSummary? Meeting { get; set; }
    public IReadOnlyList<SelectListItem> AgendaItems { get; set; } = [];

    public static DecisionForm From(Decision d) => new()
    {
        Id = d.Id, Version = d.Version, MeetingId = d.MeetingId, AgendaItemId = d.AgendaItemId, Title = d.Title, Detail = d.Detail, IsKey = d.IsKey,
        LinkedAgendaItemId = d.AgendaItemId,
    };

    public void ApplyTo(Decision d)
    {
        d.AgendaItemId = AgendaItemId;
        d.Title = Title!.Trim();
        d.Detail = Detail.NullIfBlank();
        d.IsKey = IsKey!.Value;
    }
}

public sealed class DecisionFormValidator : AbstractValidator<DecisionForm>
{
    public DecisionFormValidator(PortalDbContext db)
    {
        RuleFor(f => f.AgendaItemId).NotNull().WithMessage("Select the agenda item the decision was taken under")
            .MustAsync(async (form, id, ct) => id is null || await db.IsAgendaItemOfAsync(id.Value, form.MeetingId, form.LinkedAgendaItemId, ct))
            .WithMessage("Select the agenda item the decision was taken under");
        RuleFor(f => f.Title).NotEmpty().WithMessage("Enter the decision")
            .MaximumLength(500).WithMessage("The decision must be 500 characters or fewer");
        RuleFor(f => f.Detail).MaximumLength(8000).WithMessage("The detail must be 8,000 characters or fewer");
        RuleFor(f => f.IsKey).NotNull().WithMessage("Select whether this is a key decision");
    }
}

public sealed class RatifyForm
{
    public int DecisionId { get; set; }
    public Guid Version { get; set; }
    public int? MeetingId { get; set; }

    public DecisionSummary? Decision { get; set; }
    public IReadOnlyList<SelectListItem> Meetings { get; set; } = [];
}

public sealed class RatifyFormValidator : AbstractValidator<RatifyForm>
{
    public RatifyFormValidator(PortalDbContext db)
    {
        RuleFor(f => f.MeetingId).NotNull().WithMessage("Select the meeting that ratified the decision");
        RuleFor(f => f.MeetingId).CustomAsync(async (meetingId, context, ct) =>
        {
            var form = context.InstanceToValidate;
            var decision = await db.Decisions.AsNoTracking().Where(d => d.Id == form.DecisionId)
                .Select(d => new { d.IsKey, d.Meeting!.IsQuorate, d.Meeting.GroupId, GroupName = d.Meeting.Group!.Name, d.Meeting.Date, d.RatifiedAtMeetingId, Archived = d.IsArchived() })
                .FirstOrDefaultAsync(ct);
            if (decision is null)
            {
                return;
            }

            if (!Ratification.NeedsRatification(decision.IsKey, decision.IsQuorate, decision.RatifiedAtMeetingId, decision.Archived))
            {
                context.AddFailure(decision.RatifiedAtMeetingId is null
                    ? "This decision does not need ratifying: only a live key decision taken at an inquorate meeting does"
                    : "This decision has already been ratified");
                return;
            }

            if (meetingId is null)
            {
                return;
            }

            var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId && m.IsLive())
                .Select(m => new { m.GroupId, m.Date, m.Status, m.IsQuorate }).FirstOrDefaultAsync(ct);
            var problem = meeting switch
            {
                null => "Select a meeting from the list",
                _ when meeting.GroupId != decision.GroupId => $"Select a meeting of the {decision.GroupName}: only the group that took a decision can ratify it",
                _ when meeting.Date <= decision.Date => $"Select a meeting after {Format.Date(decision.Date)}, when the decision was taken",
                _ when meeting.Status == MeetingStatus.Cancelled => "That meeting was cancelled. Select a meeting that was held",
                _ when meeting.Status != MeetingStatus.Held => "That meeting has not been held yet. Select a meeting that was held",
                _ when !meeting.IsQuorate => "That meeting was not quorate, so it cannot ratify a key decision. Select a quorate meeting",
                _ => null,
            };
            if (problem is not null)
            {
                context.AddFailure(problem);
            }
        });
    }
}

public sealed record DecisionSummary(
    int Id, string Title, string? Detail, bool IsKey, MeetingSummary Meeting, int? AgendaItemId, string? AgendaItemTitle, int? AgendaItemOrder,
    int? RatifiedAtMeetingId, string? RatifiedAtTitle, DateOnly? RatifiedAtDate, bool Archived)
{
    public bool NeedsRatification => Ratification.NeedsRatification(IsKey, Meeting.IsQuorate, RatifiedAtMeetingId, Archived);
}

public sealed class DecisionDetails
{
    public required Decision Decision { get; init; }
    public required DecisionSummary Summary { get; init; }
    public bool CanEdit { get; init; }
}

public sealed class DecisionListQuery
{
    public int? Group { get; set; }
    public string? Year { get; set; }
    public bool Key { get; set; }
    public bool Ratification { get; set; }
    public string? Q { get; set; }
    public int Page { get; set; } = 1;
}

public sealed record DecisionRow(
    int Id, string Title, bool IsKey, bool NeedsRatification, int? RatifiedAtMeetingId, DateOnly? RatifiedAtDate, int MeetingId, string MeetingTitle,
    DateOnly MeetingDate, int GroupId, string GroupName, string? AgendaItem);

public sealed class DecisionList
{
    public required DecisionListQuery Query { get; init; }
    public required Page<DecisionRow> Results { get; init; }
    public required IReadOnlyList<SelectListItem> Groups { get; init; }
    public required IReadOnlyList<string> Years { get; init; }
    public bool YearNotRecognised { get; init; }
}

public sealed record RatificationRow(int Id, string Title, int GroupId, string GroupName, int MeetingId, string MeetingTitle, DateOnly MeetingDate, string? QuorumStatement);

public sealed class RatificationList
{
    public required IReadOnlyList<RatificationRow> Rows { get; init; }

    /// <summary>The groups whose decisions this user may ratify, so the list offers the action only where it will be allowed.</summary>
    public required IReadOnlySet<int> CanRatifyFor { get; init; }
}
