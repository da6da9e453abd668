using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure.Export;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using RagRating = HscpPortal.Web.Domain.Rag;

namespace HscpPortal.Web.Features.ActionTracker;

public sealed record ActionRow(
    int Id, string Title, int GroupId, string GroupName, int OwnerPersonId, string OwnerName, int OwnerOrganisationId, string Agency,
    DateOnly DueDate, DateOnly OriginalDueDate, ActionStatus Status, bool Archived)
{
    public RagRating Rag(DateOnly today) => ActionRag.Of(Status, DueDate, today);

    public bool Revised => DueDate != OriginalDueDate;
}

/// <summary>Which of the lists a page is: they share the filter, the table and the export.</summary>
public enum ActionListKind
{
    Tracker,
    GroupPlan,
    Overdue,
    DueSoon,
}

public sealed record GroupRef(int Id, string Name);

public sealed record RagCounts(int Red, int Amber, int Green, int Complete);

public sealed class ActionListPage
{
    public required ActionListKind Kind { get; init; }
    public required string Title { get; init; }

    /// <summary>The page's own path, which filter, sort and page links go back to.</summary>
    public required string Path { get; init; }
    public required string ExportPath { get; init; }
    public required ActionFilter Filter { get; init; }
    public required Page<ActionRow> Results { get; init; }
    public required int Overdue { get; init; }
    public required DateOnly Today { get; init; }
    public required ActionFilterOptions Options { get; init; }
    public GroupRef? Group { get; init; }
    public RagCounts? Counts { get; init; }
    public bool CanAdd { get; init; }
    public bool CanSeeArchived { get; init; }

    /// <summary>The group plan's URLs carry the group in the path, not the query.</summary>
    public bool GroupInQuery => Kind != ActionListKind.GroupPlan;

    public string Url(Action<ActionFilter>? change = null) => Filter.Url(Path, change, GroupInQuery);

    public string ExportUrl(ExportFormat format) =>
        Filter.Url(ExportPath, null, GroupInQuery, [new("format", format == ExportFormat.Csv ? "csv" : "xlsx")]);
}

public sealed class ActionFilterOptions
{
    public IReadOnlyList<SelectListItem> Groups { get; init; } = [];
    public IReadOnlyList<SelectListItem> Owners { get; init; } = [];
    public IReadOnlyList<SelectListItem> Agencies { get; init; } = [];
    public IReadOnlyList<SelectListItem> Priorities { get; init; } = [];

    public static string? Name(IReadOnlyList<SelectListItem> options, int? id) =>
        id is null ? null : options.FirstOrDefault(o => o.Value == id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))?.Text ?? $"#{id}";
}

/// <summary>One exported action, with its latest progress update.</summary>
public sealed record ActionExportRow(
    int Id, string Title, string Group, string Owner, string Agency, ActionSource Source, string? SourceReference, string? MeetingTitle, DateOnly? MeetingDate,
    string? Priority, ActionStatus Status, DateOnly DueDate, DateOnly OriginalDueDate, DateTime? LastUpdateAt, string? LastUpdateNote);

public static class ActionListQueries
{
    public static IQueryable<ActionRow> ToRows(this IQueryable<ActionItem> actions) =>
        actions.Select(a => new ActionRow(
            a.Id, a.Title, a.GroupId, a.Group!.Name, a.OwnerPersonId, a.OwnerPerson!.FullName, a.OwnerOrganisationId, a.OwnerOrganisation!.Name,
            a.DueDate, a.OriginalDueDate, a.Status, a.IsArchived()));

    /// <summary>Every filtered action with its latest update, read in one query (the update is a correlated subquery).</summary>
    public static Task<List<ActionExportRow>> ExportRowsAsync(this PortalDbContext db, IQueryable<ActionItem> actions, CancellationToken ct) =>
        actions.Select(a => new ActionExportRow(
                a.Id, a.Title, a.Group!.Name, a.OwnerPerson!.FullName, a.OwnerOrganisation!.Name, a.Source, a.SourceReference,
                a.MeetingId == null ? null : a.Meeting!.Title ?? "Meeting", a.MeetingId == null ? null : a.Meeting!.Date,
                a.PriorityId == null ? null : a.Priority!.Title, a.Status, a.DueDate, a.OriginalDueDate,
                db.ActionUpdates.Where(u => u.ActionItemId == a.Id).OrderByDescending(u => u.At).ThenByDescending(u => u.Id).Select(u => (DateTime?)u.At).FirstOrDefault(),
                db.ActionUpdates.Where(u => u.ActionItemId == a.Id).OrderByDescending(u => u.At).ThenByDescending(u => u.Id).Select(u => u.Note).FirstOrDefault()))
            .AsNoTracking()
            .ToListAsync(ct);

    public static ExportTable ExportTable(string name, IEnumerable<ActionExportRow> rows, DateOnly today) =>
        Infrastructure.Export.ExportTable.From(name, rows,
        [
            new("Reference", r => r.Id),
            new("Title", r => r.Title),
            new("Group", r => r.Group),
            new("Owner", r => r.Owner),
            new("Agency", r => r.Agency),
            new("Source", r => r.Source),
            new("Source reference", r => r.SourceReference
                ?? (r.MeetingTitle is null ? null : $"{r.MeetingTitle}, {Format.Date(r.MeetingDate)}")),
            new("Priority", r => r.Priority),
            new("Status", r => r.Status),
            new("RAG", r => ActionRag.Of(r.Status, r.DueDate, today)),
            new("Due date", r => r.DueDate),
            new("Original due date", r => r.OriginalDueDate),
            new("Last update", r => r.LastUpdateAt is { } at ? UkTime.ToLocal(at) : null),
            new("Last update note", r => r.LastUpdateNote),
        ]);

    public static async Task<RagCounts> RagCountsAsync(this IQueryable<ActionItem> actions, DateOnly today, CancellationToken ct) => new(
        await actions.CountAsync(ActionRag.Is(RagRating.Red, today), ct),
        await actions.CountAsync(ActionRag.Is(RagRating.Amber, today), ct),
        await actions.CountAsync(ActionRag.Is(RagRating.Green, today), ct),
        await actions.CountAsync(ActionRag.Is(RagRating.Complete, today), ct));

    public static string TagClass(RagRating rag) => rag switch
    {
        RagRating.Red => "govuk-tag--red",
        RagRating.Amber => "govuk-tag--yellow",
        RagRating.Green => "govuk-tag--green",
        RagRating.Complete => "govuk-tag--blue",
        _ => "govuk-tag--grey",
    };

    public static string Label(RagRating rag) => rag == RagRating.Red ? "Red" : Format.Humanise(rag);
}
