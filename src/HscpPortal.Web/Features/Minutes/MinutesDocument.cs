using System.Globalization;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Minutes;

public sealed record AttendeeLine(string Name, string Organisation, AttendeeKind Kind, AttendanceStatus Status, string? ApologyReason, string? Deputy);

public sealed record DecisionLine(int? AgendaItemId, string Title, string? Detail, bool IsKey, bool NeedsRatification, DateOnly? RatifiedOn);

public sealed record ActionLine(int? AgendaItemId, int? ItemOrder, string Title, string Owner, string Agency, DateOnly Due, ActionStatus Status);

public sealed record ItemMinutes(int Id, int Order, string Title, string? Presenter, AgendaPurpose Purpose, string? Minutes, IReadOnlyList<DecisionLine> Decisions);

/// <summary>A meeting's minutes as a document: the print-friendly page and the PDF render this same model.</summary>
public sealed class MinutesDocument
{
    public required MeetingHeading Meeting { get; init; }
    public string? Location { get; init; }
    public string? OnlineLink { get; init; }
    public string? CancellationReason { get; init; }
    public bool IsQuorate { get; init; }
    public string? QuorumStatement { get; init; }
    public required IReadOnlyList<AttendeeLine> Register { get; init; }
    public required IReadOnlyList<ItemMinutes> Items { get; init; }
    public required IReadOnlyList<DecisionLine> OtherDecisions { get; init; }
    public required IReadOnlyList<ActionLine> Actions { get; init; }
    public string PartnershipName { get; set; } = "";

    /// <summary>Rendered for the PDF printer rather than the browser.</summary>
    public bool ForPrint { get; set; }

    public string Title => $"Minutes: {Meeting.GroupName} {Shared.Format.Date(Meeting.Date)}";

    public IEnumerable<AttendeeLine> Invitees(params AttendanceStatus[] statuses) =>
        Register.Where(a => a.Kind == AttendeeKind.Invitee && statuses.Contains(a.Status));

    /// <summary>Guests, presenters and the partnership team who were there.</summary>
    public IEnumerable<AttendeeLine> Others =>
        Register.Where(a => a.Kind != AttendeeKind.Invitee && a.Status is AttendanceStatus.Present or AttendanceStatus.LeftEarly or AttendanceStatus.NotRecorded);

    public static string Time(TimeOnly time) =>
        time.ToString(time.Minute == 0 ? "h tt" : "h:mm tt", CultureInfo.GetCultureInfo("en-GB")).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

    public static async Task<MinutesDocument?> LoadAsync(PortalDbContext db, int meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)
            .Select(m => new
            {
                Heading = new MeetingHeading(
                    m.Id, m.GroupId, m.Group!.Name, m.Title, m.Date, m.Start, m.End, m.Status, m.IsArchived(),
                    m.MinutesStatus, m.MinutesVersion, m.MinutesCirculatedOn, m.MinutesApprovedAtMeetingId,
                    m.MinutesApprovedAt == null ? null : m.MinutesApprovedAt.Date),
                m.Location, m.OnlineLink, m.CancellationReason, m.IsQuorate, m.QuorumStatement,
            })
            .FirstOrDefaultAsync(ct);
        if (meeting is null)
        {
            return null;
        }

        var register = await db.Attendance.AsNoTracking().Where(a => a.MeetingId == meetingId)
            .OrderBy(a => a.Person!.FullName)
            .Select(a => new AttendeeLine(a.Person!.FullName, a.Organisation!.Name, a.Kind, a.Status, a.ApologyReason, a.Deputy == null ? null : a.Deputy.FullName))
            .ToListAsync(ct);
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.MeetingId == meetingId && d.IsLive())
            .OrderBy(d => d.Id)
            .Select(d => new DecisionLine(d.AgendaItemId, d.Title, d.Detail, d.IsKey,
                d.IsKey && !meeting.IsQuorate && d.RatifiedAtMeetingId == null, d.RatifiedAt == null ? null : d.RatifiedAt.Date))
            .ToListAsync(ct);
        var items = await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == meetingId && a.IsLive())
            .OrderBy(a => a.Order).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Order, a.Title, a.Presenter, a.Purpose, a.Minutes })
            .ToListAsync(ct);
        var actions = await db.Actions.AsNoTracking().Where(a => a.MeetingId == meetingId && a.IsLive())
            .OrderBy(a => a.AgendaItem == null ? int.MaxValue : a.AgendaItem.Order).ThenBy(a => a.DueDate).ThenBy(a => a.Id)
            .Select(a => new ActionLine(a.AgendaItemId, a.AgendaItem == null ? null : a.AgendaItem.Order, a.Title,
                a.OwnerPerson!.FullName, a.OwnerOrganisation!.Name, a.DueDate, a.Status))
            .ToListAsync(ct);

        var itemIds = items.Select(i => i.Id).ToHashSet();
        return new MinutesDocument
        {
            Meeting = meeting.Heading,
            Location = meeting.Location,
            OnlineLink = meeting.OnlineLink,
            CancellationReason = meeting.CancellationReason,
            IsQuorate = meeting.IsQuorate,
            QuorumStatement = meeting.QuorumStatement,
            Register = register,
            Items = items.Select(i => new ItemMinutes(i.Id, i.Order, i.Title, i.Presenter, i.Purpose, i.Minutes,
                decisions.Where(d => d.AgendaItemId == i.Id).ToList())).ToList(),
            OtherDecisions = decisions.Where(d => d.AgendaItemId is not { } itemId || !itemIds.Contains(itemId)).ToList(),
            Actions = actions,
        };
    }

    public static Task<MeetingHeading?> HeadingAsync(PortalDbContext db, int meetingId, CancellationToken ct) =>
        db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)
            .Select(m => new MeetingHeading(
                m.Id, m.GroupId, m.Group!.Name, m.Title, m.Date, m.Start, m.End, m.Status, m.IsArchived(),
                m.MinutesStatus, m.MinutesVersion, m.MinutesCirculatedOn, m.MinutesApprovedAtMeetingId,
                m.MinutesApprovedAt == null ? null : m.MinutesApprovedAt.Date))
            .FirstOrDefaultAsync(ct);
}
