using System.Text.Json;
using FluentValidation;
using HscpPortal.Web.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace HscpPortal.Web.Features.Minutes;

/// <summary>What every minutes page shows about its meeting.</summary>
public sealed record MeetingHeading(
    int Id, int GroupId, string GroupName, string? Title, DateOnly Date, TimeOnly Start, TimeOnly End, MeetingStatus Status, bool Archived,
    MinutesStatus MinutesStatus, int MinutesVersion, DateOnly? CirculatedOn, int? ApprovedAtMeetingId, DateOnly? ApprovedAtDate)
{
    /// <summary>"Quality and Effectiveness Group, 5 March 2024".</summary>
    public string Name => $"{GroupName}, {Shared.Format.Date(Date)}";

    /// <summary>Minutes can be written until the meeting is cancelled or archived.</summary>
    public bool Writable => Status != MeetingStatus.Cancelled && !Archived;
}

public sealed class MinutesForm
{
    public Guid Version { get; set; }
    public List<ItemMinutesForm> Items { get; set; } = [];

    /// <summary>Why approved minutes are being changed; kept with the earlier version.</summary>
    public string? Reason { get; set; }

    /// <summary>The minutes' status as stored, set by the controller (never bound from the form).</summary>
    [BindNever]
    public MinutesStatus Status { get; set; }

    [BindNever]
    [ValidateNever]
    public MeetingHeading Meeting { get; set; } = default!;
    [BindNever]
    public bool CanEdit { get; set; }
    [BindNever]
    public int Revisions { get; set; }

    /// <summary>Approved minutes are shown to be read unless the user has chosen to change them.</summary>
    [BindNever]
    public bool Changing { get; set; }

    /// <summary>The register shows someone present: without that the minutes cannot be circulated.</summary>
    [BindNever]
    public bool AnyonePresent { get; set; }
}

public sealed class ItemMinutesForm
{
    public int AgendaItemId { get; set; }
    public string? Minutes { get; set; }

    public int Order { get; set; }
    public string Title { get; set; } = "";
    public string? Presenter { get; set; }
}

public sealed class MinutesFormValidator : AbstractValidator<MinutesForm>
{
    public const int MaxMinutesLength = 20000;

    public MinutesFormValidator()
    {
        RuleFor(f => f.Reason)
            .NotEmpty().When(f => f.Status == MinutesStatus.Approved)
            .WithMessage("Enter why the approved minutes are being changed");
        RuleFor(f => f.Reason).MaximumLength(1000).WithMessage("The reason must be 1,000 characters or fewer");
        RuleForEach(f => f.Items).ChildRules(item => item.RuleFor(i => i.Minutes)
            .MaximumLength(MaxMinutesLength).WithMessage("The minute of an item must be 20,000 characters or fewer"));
    }
}

public sealed class CirculateForm
{
    public Guid Version { get; set; }

    /// <summary>Email the group's current members a link to the minutes.</summary>
    public bool Notify { get; set; }

    [BindNever]
    [ValidateNever]
    public MeetingHeading Meeting { get; set; } = default!;
    [BindNever]
    public int Recipients { get; set; }

    /// <summary>Why the minutes cannot be circulated yet, shown instead of the form.</summary>
    [BindNever]
    public string? Blocker { get; set; }
}

public sealed class ApproveForm
{
    public Guid Version { get; set; }
    public int? ApprovedAtMeetingId { get; set; }

    [BindNever]
    [ValidateNever]
    public MeetingHeading Meeting { get; set; } = default!;

    /// <summary>The group's held meetings after this one: the only meetings that can approve its minutes.</summary>
    [BindNever]
    public IReadOnlyList<SelectListItem> LaterMeetings { get; set; } = [];
}

public sealed class ApproveFormValidator : AbstractValidator<ApproveForm>
{
    public ApproveFormValidator()
    {
        RuleFor(f => f.ApprovedAtMeetingId).NotNull().WithMessage("Select the meeting at which the minutes were approved");
        RuleFor(f => f.ApprovedAtMeetingId)
            .Must((form, id) => id is null || form.LaterMeetings.Any(m => m.Value == id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .WithMessage("Select a later meeting of the same group that has been held");
    }
}

/// <summary>One agenda item's minute as it stood before approved minutes were changed (MinutesRevision.Snapshot).</summary>
public sealed record MinutesSnapshotItem(int AgendaItemId, string Title, string? Minutes)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(IEnumerable<MinutesSnapshotItem> items) => JsonSerializer.Serialize(items, Json);

    public static IReadOnlyList<MinutesSnapshotItem> Read(string json) =>
        JsonSerializer.Deserialize<List<MinutesSnapshotItem>>(json, Json) ?? [];
}

public sealed record RevisionView(int Version, DateTime At, string? By, string Reason, IReadOnlyList<MinutesSnapshotItem> Items);

public sealed class RevisionsPage
{
    public required MeetingHeading Meeting { get; init; }
    public required IReadOnlyList<RevisionView> Revisions { get; init; }
}
