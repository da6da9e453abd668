using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace HscpPortal.Web.Features.Meetings;

public sealed class MeetingListQuery
{
    public int? GroupId { get; set; }
    public string? Year { get; set; }
    public MeetingStatus? Status { get; set; }

    /// <summary>Held meetings that were (or were not) quorate: the dashboard's quorum figures link here.</summary>
    public bool? Quorate { get; set; }

    public int Page { get; set; } = 1;
}

public sealed record MeetingRow(int Id, int GroupId, string Group, string? Title, DateOnly Date, TimeOnly Start, MeetingStatus Status, bool IsQuorate, string? QuorumStatement, int Recorded);

public sealed class MeetingList
{
    public required MeetingListQuery Query { get; init; }
    public required Page<MeetingRow> Results { get; init; }
    public required IReadOnlyList<SelectListItem> Groups { get; init; }
    public string? GroupName { get; init; }
    public bool CanSchedule { get; init; }

    /// <summary>No group chosen, and the user may add meetings to at least one: "Add a meeting" asks which group.</summary>
    public bool CanAddAnywhere { get; init; }
}

public sealed class MeetingForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public int GroupId { get; set; }
    public string? Title { get; set; }
    [Display(Name = "Date")]
    public DateOnly? Date { get; set; }
    [Display(Name = "Start time")]
    public TimeOnly? Start { get; set; }
    [Display(Name = "End time")]
    public TimeOnly? End { get; set; }
    public string? Location { get; set; }
    public string? OnlineLink { get; set; }
    public MeetingStatus? Status { get; set; }
    public string? CancellationReason { get; set; }

    public string GroupName { get; set; } = "";

    public static MeetingForm From(Meeting m, string groupName) => new()
    {
        Id = m.Id, Version = m.Version, GroupId = m.GroupId, Title = m.Title, Date = m.Date, Start = m.Start, End = m.End,
        Location = m.Location, OnlineLink = m.OnlineLink, Status = m.Status, CancellationReason = m.CancellationReason, GroupName = groupName,
    };

    public void ApplyTo(Meeting m)
    {
        m.Title = Title.NullIfBlank();
        m.Date = Date!.Value;
        m.Start = Start!.Value;
        m.End = End!.Value;
        m.Location = Location.NullIfBlank();
        m.OnlineLink = OnlineLink.NullIfBlank();
        m.Status = Status ?? MeetingStatus.Scheduled;
        m.CancellationReason = m.Status == MeetingStatus.Cancelled ? CancellationReason.NullIfBlank() : null;
    }
}

public sealed class MeetingFormValidator : AbstractValidator<MeetingForm>
{
    public MeetingFormValidator()
    {
        RuleFor(f => f.Title).MaximumLength(200).WithMessage("Title must be 200 characters or fewer");
        RuleFor(f => f.Date).NotNull().WithMessage("Enter the date of the meeting");
        RuleFor(f => f.Start).NotNull().WithMessage("Enter the start time, for example 10:00");
        RuleFor(f => f.End).NotNull().WithMessage("Enter the end time, for example 12:30");
        RuleFor(f => f.End).GreaterThan(f => f.Start).When(f => f.Start is not null && f.End is not null)
            .WithMessage("The end time must be after the start time");
        RuleFor(f => f.Location).MaximumLength(300).WithMessage("Location must be 300 characters or fewer");
        RuleFor(f => f.OnlineLink).MaximumLength(500).WithMessage("Online link must be 500 characters or fewer")
            .Must(BeHttpsLink).WithMessage("Enter an online meeting link that starts with https://");
        RuleFor(f => f.Location).NotEmpty().When(f => string.IsNullOrWhiteSpace(f.OnlineLink))
            .WithMessage("Enter a location or an online meeting link");
        RuleFor(f => f.Status).IsInEnum().WithMessage("Select the meeting's status");
        RuleFor(f => f.CancellationReason).NotEmpty().When(f => f.Status == MeetingStatus.Cancelled)
            .WithMessage("Enter why the meeting was cancelled");
        RuleFor(f => f.CancellationReason).MaximumLength(1000).WithMessage("The reason must be 1,000 characters or fewer");
    }

    internal static bool BeHttpsLink(string? link) =>
        string.IsNullOrWhiteSpace(link) || (Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));
}

public sealed class ScheduleForm
{
    public int GroupId { get; set; }
    [Display(Name = "Date of the first meeting")]
    public DateOnly? FirstDate { get; set; }
    public int? Count { get; set; }
    [Display(Name = "Start time")]
    public TimeOnly? Start { get; set; }
    [Display(Name = "End time")]
    public TimeOnly? End { get; set; }
    public string? Location { get; set; }
    public string? OnlineLink { get; set; }

    public string GroupName { get; set; } = "";
    public MeetingFrequency Frequency { get; set; }
}

public sealed class ScheduleFormValidator : AbstractValidator<ScheduleForm>
{
    public ScheduleFormValidator()
    {
        RuleFor(f => f.FirstDate).NotNull().WithMessage("Enter the date of the first meeting");
        RuleFor(f => f.Count).InclusiveBetween(1, 52).When(f => f.Count is not null).WithMessage("Enter a number of meetings from 1 to 52");
        RuleFor(f => f.Start).NotNull().WithMessage("Enter the start time, for example 10:00");
        RuleFor(f => f.End).NotNull().WithMessage("Enter the end time, for example 12:30");
        RuleFor(f => f.End).GreaterThan(f => f.Start).When(f => f.Start is not null && f.End is not null)
            .WithMessage("The end time must be after the start time");
        RuleFor(f => f.Location).MaximumLength(300).WithMessage("Location must be 300 characters or fewer");
        RuleFor(f => f.OnlineLink).MaximumLength(500).WithMessage("Online link must be 500 characters or fewer")
            .Must(MeetingFormValidator.BeHttpsLink).WithMessage("Enter an online meeting link that starts with https://");
        RuleFor(f => f.Frequency).NotEqual(MeetingFrequency.AsRequired).WithMessage("This group meets as required: add its meetings one at a time");
    }
}

public sealed class AgendaItemForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public int MeetingId { get; set; }
    public int? Order { get; set; }
    public string? Title { get; set; }
    public string? Presenter { get; set; }
    public AgendaPurpose? Purpose { get; set; }

    public string MeetingName { get; set; } = "";
}

public sealed class AgendaItemFormValidator : AbstractValidator<AgendaItemForm>
{
    public AgendaItemFormValidator()
    {
        RuleFor(f => f.Order).NotNull().WithMessage("Enter the item's number on the agenda").InclusiveBetween(1, 200).WithMessage("Enter a number from 1 to 200");
        RuleFor(f => f.Title).NotEmpty().WithMessage("Enter the item's title").MaximumLength(300).WithMessage("Title must be 300 characters or fewer");
        RuleFor(f => f.Presenter).MaximumLength(200).WithMessage("Presenter must be 200 characters or fewer");
        RuleFor(f => f.Purpose).NotNull().WithMessage("Select the item's purpose").IsInEnum().WithMessage("Select the item's purpose");
    }
}

public sealed class PaperForm
{
    public int AgendaItemId { get; set; }
    public string? Title { get; set; }
    public string? Url { get; set; }
    public IFormFile? File { get; set; }
}

public sealed class RegisterLine
{
    public int PersonId { get; set; }
    public int OrganisationId { get; set; }
    public AttendeeKind Kind { get; set; } = AttendeeKind.Invitee;
    public AttendanceStatus Status { get; set; }
    public string? ApologyReason { get; set; }
    public int? DeputyPersonId { get; set; }

    public string PersonName { get; set; } = "";
    public string Organisation { get; set; } = "";
    public string? Role { get; set; }
}

/// <summary>A person being added to the register (a guest, presenter or member of the partnership team), recorded as present.</summary>
public sealed class RegisterAddition
{
    public int? PersonId { get; set; }
    public AttendeeKind? Kind { get; set; }
}

public sealed class RegisterForm
{
    /// <summary>Blank rows offered for people not yet in the register; scripts add more without a round trip.</summary>
    public const int BlankAdditions = 5;

    public Guid Version { get; set; }
    public List<RegisterLine> Lines { get; set; } = [];
    public List<RegisterAddition> Additions { get; set; } = [];

    public int MeetingId { get; set; }
    public string MeetingName { get; set; } = "";
    public QuorumResult? Quorum { get; set; }
    public IReadOnlyList<SelectListItem> People { get; set; } = [];

    /// <summary>Who may deputise for each seat's organisation on the register, by organisation.</summary>
    public IReadOnlyDictionary<int, List<SelectListItem>> Deputies { get; set; } = new Dictionary<int, List<SelectListItem>>();

    public IReadOnlyList<SelectListItem> DeputiesFor(RegisterLine line) => Deputies.TryGetValue(line.OrganisationId, out var options) ? options : People;

    /// <summary>The page shows entries that have not been saved yet (after adding people or marking everyone present).</summary>
    public bool Unsaved { get; set; }

    /// <summary>Whether the meeting has started: before then only apologies can be recorded.</summary>
    public bool HasStarted { get; set; } = true;
    public string StartsAt { get; set; } = "";
}

public sealed class RegisterFormValidator : AbstractValidator<RegisterForm>
{
    public RegisterFormValidator()
    {
        RuleForEach(f => f.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Status).IsInEnum().WithMessage("Select how this person attended");
            line.RuleFor(l => l.ApologyReason).NotEmpty().When(l => l.Status == AttendanceStatus.Apologies)
                .WithMessage(l => $"Enter the reason {l.PersonName} gave for their apologies");
            line.RuleFor(l => l.ApologyReason).MaximumLength(500).WithMessage("The reason must be 500 characters or fewer");
            line.RuleFor(l => l.DeputyPersonId).NotNull().When(l => l.Status == AttendanceStatus.Deputised)
                .WithMessage(l => $"Select who deputised for {l.PersonName}");
            line.RuleFor(l => l.DeputyPersonId).NotEqual(l => l.PersonId).When(l => l.DeputyPersonId is not null)
                .WithMessage(l => $"{l.PersonName} cannot deputise for themselves");
        });
        RuleFor(f => f.Lines)
            .Must(lines => lines.Select(l => l.PersonId).Distinct().Count() == lines.Count)
            .WithMessage("Each person can appear only once in the register");
        RuleForEach(f => f.Additions).ChildRules(addition => addition.RuleFor(a => a.Kind)
            .Must(k => k is null || (Enum.IsDefined(k.Value) && k != AttendeeKind.Invitee)).WithMessage("Select how the person attended"));
    }
}
