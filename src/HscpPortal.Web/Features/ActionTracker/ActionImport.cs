using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure;
using HscpPortal.Web.Infrastructure.Export;
using HscpPortal.Web.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace HscpPortal.Web.Features.ActionTracker;

/// <summary>The columns an imported action log may have, with the header names people use for them.</summary>
public enum ImportColumn
{
    Title,
    Description,
    Group,
    Owner,
    Agency,
    Source,
    SourceReference,
    Priority,
    Status,
    DueDate,
}

/// <summary>A spreadsheet read into text cells, each row numbered as the spreadsheet numbers it.</summary>
public sealed class ImportedSheet
{
    public required string FileName { get; init; }
    public string? UserId { get; init; }
    public int? DefaultGroupId { get; init; }
    public List<ImportedLine> Rows { get; init; } = [];
}

public sealed record ImportedLine(int Row, Dictionary<ImportColumn, string> Cells)
{
    public string? this[ImportColumn column] => Cells.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

public sealed record ImportError(int Row, string Column, string Message);

/// <summary>One row as it would be imported: what was read, what it resolved to, and what is wrong with it.</summary>
public sealed class ImportRowResult
{
    public required ImportedLine Line { get; init; }
    public int? GroupId { get; set; }
    public string? GroupName { get; set; }
    public int? OwnerPersonId { get; set; }
    public string? OwnerName { get; set; }
    public int? OwnerOrganisationId { get; set; }
    public string? AgencyName { get; set; }
    public ActionSource Source { get; set; } = ActionSource.BusinessPlan;
    public int? PriorityId { get; set; }
    public string? PriorityTitle { get; set; }
    public ActionStatus Status { get; set; } = ActionStatus.NotStarted;
    public DateOnly? DueDate { get; set; }
    public List<ImportError> Errors { get; } = [];

    /// <summary>The live action this row repeats, if any (see <see cref="ActionImportCheck.MarkExistingAsync"/>).</summary>
    public int? ExistingActionId { get; set; }

    public int Row => Line.Row;
    public string? Title => Line[ImportColumn.Title];

    public void Error(string column, string message) => Errors.Add(new ImportError(Row, column, $"Row {Row}: {message}"));
}

public static partial class ActionImportFormat
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 2000;

    /// <summary>The template's headers, in order; the export's own headers are accepted too, so an export can be re-imported.</summary>
    public static readonly IReadOnlyList<(ImportColumn Column, string Header)> Columns =
    [
        (ImportColumn.Title, "Title"),
        (ImportColumn.Description, "Description"),
        (ImportColumn.Group, "Group"),
        (ImportColumn.Owner, "Owner"),
        (ImportColumn.Agency, "Agency"),
        (ImportColumn.Source, "Source"),
        (ImportColumn.SourceReference, "Source reference"),
        (ImportColumn.Priority, "Priority"),
        (ImportColumn.Status, "Status"),
        (ImportColumn.DueDate, "Due date"),
    ];

    private static readonly Dictionary<string, ImportColumn> Aliases = new(StringComparer.Ordinal)
    {
        ["title"] = ImportColumn.Title, ["action"] = ImportColumn.Title, ["actiontitle"] = ImportColumn.Title,
        ["description"] = ImportColumn.Description, ["details"] = ImportColumn.Description,
        ["group"] = ImportColumn.Group, ["subgroup"] = ImportColumn.Group, ["groupname"] = ImportColumn.Group,
        ["owner"] = ImportColumn.Owner, ["actionowner"] = ImportColumn.Owner, ["lead"] = ImportColumn.Owner, ["leadofficer"] = ImportColumn.Owner,
        ["agency"] = ImportColumn.Agency, ["owneragency"] = ImportColumn.Agency, ["organisation"] = ImportColumn.Agency,
        ["organization"] = ImportColumn.Agency, ["leadagency"] = ImportColumn.Agency,
        ["source"] = ImportColumn.Source,
        ["sourcereference"] = ImportColumn.SourceReference, ["sourceref"] = ImportColumn.SourceReference,
        ["priority"] = ImportColumn.Priority, ["businessplanpriority"] = ImportColumn.Priority,
        ["status"] = ImportColumn.Status,
        ["duedate"] = ImportColumn.DueDate, ["due"] = ImportColumn.DueDate, ["deadline"] = ImportColumn.DueDate, ["targetdate"] = ImportColumn.DueDate,
    };

    public static ImportColumn? ColumnFor(string? header) =>
        header is not null && Aliases.TryGetValue(Normalise(header), out var column) ? column : null;

    public static string HeaderOf(ImportColumn column) => Columns.First(c => c.Column == column).Header;

    /// <summary>Reads an uploaded file, or returns the one problem that stops it being read at all.</summary>
    public static (ImportedSheet? Sheet, string? Problem) Read(byte[] content, string fileName, string? userId, int? defaultGroupId)
    {
        var extension = Path.GetExtension(fileName).ToUpperInvariant();
        if (extension is not (".CSV" or ".XLSX"))
        {
            return (null, "The selected file must be a CSV or an Excel (.xlsx) file");
        }

        if (content.Length == 0)
        {
            return (null, "The selected file is empty");
        }

        if (content.Length > MaxBytes)
        {
            return (null, "The selected file must be smaller than 5 MB");
        }

        if (extension == ".XLSX" && content.Length >= 4 && content[0] == 'P' && content[1] == 'K'
            && SpreadsheetGuard.PackageProblem(content) is { } packageProblem)
        {
            return (null, packageProblem);
        }

        List<(int Row, List<string?> Cells)> raw;
        try
        {
            raw = extension == ".XLSX" ? ReadXlsx(content) : ReadCsv(content);
        }
        catch (CellTooLongException e)
        {
            return (null, SpreadsheetGuard.CellTooLong(e.Row));
        }
        catch (Exception e) when (e is InvalidDataException or CsvFormatException or FormatException or InvalidOperationException
            or NotSupportedException or ArgumentException or IOException or System.Xml.XmlException or KeyNotFoundException or IndexOutOfRangeException)
        {
            return (null, extension == ".XLSX"
                ? "The selected file could not be read as an Excel spreadsheet: save it as .xlsx (Excel Workbook) and try again"
                : "The selected file could not be read as CSV: save it as CSV (comma delimited) and try again");
        }

        if (raw.Count == 0)
        {
            return (null, "The selected file has no header row: use the template");
        }

        var header = raw[0].Cells;
        var map = new Dictionary<int, ImportColumn>();
        for (var i = 0; i < header.Count; i++)
        {
            if (ColumnFor(header[i]) is { } column && !map.ContainsValue(column))
            {
                map[i] = column;
            }
        }

        var missing = new[] { ImportColumn.Title, ImportColumn.Owner, ImportColumn.DueDate }
            .Concat(defaultGroupId is null ? [ImportColumn.Group] : [])
            .Where(c => !map.ContainsValue(c)).Select(c => $"‘{HeaderOf(c)}’").ToList();
        if (missing.Count > 0)
        {
            return (null, $"The first row of the file must name the columns: {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} missing. Use the template");
        }

        var rows = raw.Skip(1)
            .Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c)))
            .Select(r => new ImportedLine(r.Row, map.Where(m => m.Key < r.Cells.Count && r.Cells[m.Key] is not null)
                .ToDictionary(m => m.Value, m => r.Cells[m.Key]!)))
            .ToList();
        if (rows.Count == 0)
        {
            return (null, "The selected file has no actions below its header row");
        }

        if (rows.Count > MaxRows)
        {
            return (null, $"The selected file has {rows.Count:N0} actions: import at most {MaxRows:N0} at a time");
        }

        return (new ImportedSheet { FileName = Path.GetFileName(fileName), UserId = userId, DefaultGroupId = defaultGroupId, Rows = rows }, null);
    }

    private static List<(int Row, List<string?> Cells)> ReadCsv(byte[] content)
    {
        if (Array.IndexOf(content, (byte)0) >= 0)
        {
            throw new FormatException("Binary content");
        }

        var rows = new List<(int, List<string?>)>();
        using var csv = CsvReader.Create(content, CsvReaderOptions.Default with { HasHeader = false, TrackLineNumbers = true, TrimWhitespace = true });
        while (csv.Read())
        {
            var cells = new List<string?>(csv.FieldCount);
            for (var i = 0; i < csv.FieldCount; i++)
            {
                var cell = csv.GetString(i);
                if (cell.Length > SpreadsheetGuard.MaxCellLength)
                {
                    throw new CellTooLongException((int)csv.LineNumber);
                }

                cells.Add(cell);
            }

            rows.Add(((int)csv.LineNumber, cells));
            if (rows.Count > MaxRows + 1)
            {
                break;
            }
        }

        return rows;
    }

    private static List<(int Row, List<string?> Cells)> ReadXlsx(byte[] content)
    {
        // An .xlsx is a zip; anything else (an old .xls, a renamed file) is refused before MiniExcel sees it.
        if (content.Length < 4 || content[0] != 'P' || content[1] != 'K')
        {
            throw new InvalidDataException("Not a zip package");
        }

        using var stream = new MemoryStream(content, writable: false);
        var rows = new List<(int, List<string?>)>();
        var number = 0;
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false))
        {
            number++;
            var cells = row.Values.Select(Cell).ToList();
            if (cells.Any(c => c is { Length: > SpreadsheetGuard.MaxCellLength }))
            {
                throw new CellTooLongException(number);
            }

            rows.Add((number, cells));
            if (rows.Count > MaxRows + 1)
            {
                break;
            }
        }

        return rows;
    }

    private static string? Cell(object? value) => value switch
    {
        null => null,
        // Excel date cells arrive as dates; keep them unambiguous as ISO dates.
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n => n.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static DateOnly? ParseDate(string text)
    {
        string[] formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "dd-MM-yyyy", "yyyy-MM-dd HH:mm:ss", "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm"];
        if (DateTime.TryParseExact(text.Trim(), formats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return DateOnly.FromDateTime(parsed);
        }

        // A date cell without a date format reaches us as Excel's serial number of days.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 36526 and <= 73051)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        }

        return null;
    }

    public static ActionStatus? ParseStatus(string text) => Normalise(text) switch
    {
        "notstarted" or "notyetstarted" => ActionStatus.NotStarted,
        "ontrack" or "inprogress" or "started" or "ongoing" => ActionStatus.OnTrack,
        "atrisk" => ActionStatus.AtRisk,
        "offtrack" or "delayed" => ActionStatus.OffTrack,
        "complete" or "completed" or "done" => ActionStatus.Completed,
        "closed" => ActionStatus.Closed,
        "cancelled" or "canceled" => ActionStatus.Cancelled,
        _ => null,
    };

    public static ActionSource? ParseSource(string text)
    {
        var key = Normalise(text);
        return Enum.GetValues<ActionSource>().Cast<ActionSource?>()
            .FirstOrDefault(s => Normalise(s!.Value.ToString()) == key || Normalise(Format.Humanise(s.Value)) == key)
            ?? key switch
            {
                "s11" or "section11audit" => ActionSource.Section11,
                "lcspr" or "csprreview" or "rapidreview" or "safeguardingpracticereview" => ActionSource.CaseReview,
                "multiagencyaudit" => ActionSource.Audit,
                _ => null,
            };
    }

    /// <summary>A title as the duplicate check compares it: case and runs of spaces ignored, nothing else.</summary>
    public static string TitleKey(string title) =>
        string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    public static string Normalise(string text) => NotLetterOrDigit().Replace(text.ToLowerInvariant(), "");

    private static readonly string[] TemplateExample =
        ["Review the neglect strategy", "Bring the revised strategy to the board", "Quality and Effectiveness Group", "Ian Fairbairn", "", "Business plan", "Business plan 2024-25", "", "Not started", "31/03/2025"];

    public static ExportTable Template() => ExportTable.From("Actions",
        [TemplateExample],
        Columns.Select((c, i) => new ExportColumn<string[]>(c.Header, r => r[i])).ToList());

    [GeneratedRegex("[^a-z0-9]")]
    private static partial Regex NotLetterOrDigit();
}

/// <summary>Checks every row against the registers, so that the preview and the commit apply the same rules.</summary>
public sealed class ActionImportCheck(PortalDbContext db)
{
    public async Task<List<ImportRowResult>> CheckAsync(ImportedSheet sheet, CancellationToken ct)
    {
        var groups = await db.Groups.AsNoTracking().Where(g => g.IsLive() && g.Status == GroupStatus.Active)
            .Select(g => new { g.Id, g.Name, g.ShortName }).ToListAsync(ct);
        var people = await db.People.AsNoTracking().Where(p => p.IsLive())
            .Select(p => new { p.Id, p.FullName, p.OrganisationId }).ToListAsync(ct);
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.IsLive())
            .Select(o => new { o.Id, o.Name, o.ShortName }).ToListAsync(ct);
        var priorities = await db.Priorities.AsNoTracking().Where(p => p.IsLive()).Select(p => new { p.Id, p.Title }).ToListAsync(ct);
        static bool Same(string? a, string b) => a is not null && string.Equals(a.Trim(), b, StringComparison.OrdinalIgnoreCase);

        var results = new List<ImportRowResult>();
        foreach (var line in sheet.Rows)
        {
            var result = new ImportRowResult { Line = line };
            results.Add(result);

            var title = line[ImportColumn.Title];
            if (title is null)
            {
                result.Error("Title", "enter the action’s title");
            }
            else if (title.Length > 500)
            {
                result.Error("Title", "the title must be 500 characters or fewer");
            }

            if (line[ImportColumn.Description] is { Length: > 8000 })
            {
                result.Error("Description", "the description must be 8,000 characters or fewer");
            }

            if (line[ImportColumn.Group] is { } groupName)
            {
                var group = groups.FirstOrDefault(g => Same(g.Name, groupName) || Same(g.ShortName, groupName));
                if (group is null)
                {
                    result.Error("Group", $"the group ‘{groupName}’ is not an active group in the portal");
                }
                else
                {
                    (result.GroupId, result.GroupName) = (group.Id, group.Name);
                }
            }
            else if (sheet.DefaultGroupId is { } defaultGroup && groups.FirstOrDefault(g => g.Id == defaultGroup) is { } chosen)
            {
                (result.GroupId, result.GroupName) = (chosen.Id, chosen.Name);
            }
            else
            {
                result.Error("Group", "enter the group whose action plan the action belongs to");
            }

            var agencyName = line[ImportColumn.Agency];
            if (agencyName is not null)
            {
                var agency = organisations.FirstOrDefault(o => Same(o.Name, agencyName) || Same(o.ShortName, agencyName));
                if (agency is null)
                {
                    result.Error("Agency", $"the agency ‘{agencyName}’ is not an organisation in the portal");
                }
                else
                {
                    (result.OwnerOrganisationId, result.AgencyName) = (agency.Id, agency.Name);
                }
            }

            if (line[ImportColumn.Owner] is { } ownerName)
            {
                var matches = people.Where(p => Same(p.FullName, ownerName)).ToList();
                if (matches.Count > 1 && result.OwnerOrganisationId is { } agencyId)
                {
                    matches = matches.Where(p => p.OrganisationId == agencyId).ToList();
                }

                if (matches.Count == 0)
                {
                    result.Error("Owner", $"the owner ‘{ownerName}’ is not a person in the portal");
                }
                else if (matches.Count > 1)
                {
                    result.Error("Owner", $"more than one person is called ‘{ownerName}’: give their agency in the Agency column");
                }
                else
                {
                    (result.OwnerPersonId, result.OwnerName) = (matches[0].Id, matches[0].FullName);
                    if (agencyName is null)
                    {
                        // As on the form, the owner's agency defaults to the organisation the person works for.
                        result.OwnerOrganisationId = matches[0].OrganisationId;
                        result.AgencyName = organisations.FirstOrDefault(o => o.Id == matches[0].OrganisationId)?.Name;
                    }
                }
            }
            else
            {
                result.Error("Owner", "enter the name of the person who owns the action");
            }

            if (line[ImportColumn.Source] is { } sourceText)
            {
                var source = ActionImportFormat.ParseSource(sourceText);
                if (source is null)
                {
                    result.Error("Source", $"the source ‘{sourceText}’ is not one of: {string.Join(", ", Enum.GetValues<ActionSource>().Select(s => Format.Humanise(s)))}");
                }
                else if (source == ActionSource.Meeting)
                {
                    result.Error("Source", "actions from a meeting are recorded from the meeting’s page, so that they link to it: give another source");
                }
                else
                {
                    result.Source = source.Value;
                }
            }

            if (line[ImportColumn.SourceReference] is { Length: > 300 })
            {
                result.Error("Source reference", "the source reference must be 300 characters or fewer");
            }

            if (line[ImportColumn.Priority] is { } priorityTitle)
            {
                var priority = priorities.FirstOrDefault(p => Same(p.Title, priorityTitle));
                if (priority is null)
                {
                    result.Error("Priority", $"the priority ‘{priorityTitle}’ is not a business-plan priority in the portal");
                }
                else
                {
                    (result.PriorityId, result.PriorityTitle) = (priority.Id, priority.Title);
                }
            }

            if (line[ImportColumn.Status] is { } statusText)
            {
                var status = ActionImportFormat.ParseStatus(statusText);
                if (status is null)
                {
                    result.Error("Status", $"the status ‘{statusText}’ is not one the portal knows: use Not started, On track, At risk, Off track, Completed, Closed or Cancelled");
                }
                else
                {
                    result.Status = status.Value;
                }
            }

            if (line[ImportColumn.DueDate] is { } dueText)
            {
                result.DueDate = ActionImportFormat.ParseDate(dueText);
                if (result.DueDate is null)
                {
                    result.Error("Due date", $"the due date ‘{dueText}’ is not a date: use the form 31/03/2025");
                }
                else if (result.DueDate.Value.Year is < 2000 or > 2100)
                {
                    result.Error("Due date", $"the due date ‘{dueText}’ must be a real date between 2000 and 2100");
                    result.DueDate = null;
                }
            }
            else
            {
                result.Error("Due date", "enter the date the action is due");
            }
        }

        await MarkExistingAsync(results, ct);
        return results;
    }

    /// <summary>
    /// Marks the rows that repeat a live action already in the portal, so that importing a log twice (or a log that
    /// was exported from the portal) does not add the actions again. A row repeats an action when it is for the same
    /// group, due on the same date, with the same title once case and spacing are ignored: the three things a log
    /// always has and an action keeps. Owner and status are left out on purpose, since they change as work moves on.
    /// Archived actions do not count.
    /// </summary>
    public async Task MarkExistingAsync(List<ImportRowResult> results, CancellationToken ct)
    {
        var candidates = results.Where(r => r.GroupId is not null && r.DueDate is not null && r.Title is not null).ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        var groupIds = candidates.Select(r => r.GroupId!.Value).Distinct().ToList();
        var existing = await db.Actions.AsNoTracking()
            .Where(a => a.IsLive() && groupIds.Contains(a.GroupId))
            .Select(a => new { a.Id, a.GroupId, a.DueDate, a.Title })
            .ToListAsync(ct);
        var byKey = existing.ToLookup(a => (a.GroupId, a.DueDate, ActionImportFormat.TitleKey(a.Title)), a => a.Id);
        foreach (var row in candidates)
        {
            var matches = byKey[(row.GroupId!.Value, row.DueDate!.Value, ActionImportFormat.TitleKey(row.Title!))];
            row.ExistingActionId = matches.Any() ? matches.Min() : null;
        }
    }

    /// <summary>The actions to add, each as its first trail entry (which says where it came from) holding the new action.</summary>
    public static List<ActionUpdate> ToActions(ImportedSheet sheet, IEnumerable<ImportRowResult> rows, string? userId, string userName, DateTime now) =>
        rows.Select(r =>
        {
            var note = $"Imported from {sheet.FileName} (row {r.Row}) by {userName}";
            var action = new ActionItem
            {
                Title = r.Title!,
                Description = r.Line[ImportColumn.Description],
                GroupId = r.GroupId!.Value,
                OwnerPersonId = r.OwnerPersonId!.Value,
                OwnerOrganisationId = r.OwnerOrganisationId!.Value,
                DueDate = r.DueDate!.Value,
                Status = r.Status,
                Source = r.Source,
                SourceReference = r.Line[ImportColumn.SourceReference] ?? $"Imported from {sheet.FileName}",
                PriorityId = r.PriorityId,
                ClosureReason = r.Status is ActionStatus.Closed or ActionStatus.Cancelled ? $"Recorded as {Format.Humanise(r.Status).ToLowerInvariant()} in {sheet.FileName}" : null,
            };
            if (r.Status == ActionStatus.Completed)
            {
                // A completed action always has its completion date. The log does not say when, so the due date is
                // taken if it has passed (the plan was met), or the day of the import if not.
                var today = DateOnly.FromDateTime(now);
                action.CompletedOn = action.DueDate <= today ? action.DueDate : today;
                note += $"; recorded as completed, taken as on {Format.Date(action.CompletedOn)}";
            }

            return new ActionUpdate
            {
                ActionItem = action, At = now, ByUserId = userId, ByName = userName, Note = note, StatusBefore = r.Status, StatusAfter = r.Status,
            };
        }).ToList();
}

/// <summary>
/// Holds a previewed file between the preview and the commit, in the data folder under a random token, so that
/// nobody uploads twice and nothing the browser sends back is trusted: the commit reads and checks the file again.
/// </summary>
public sealed partial class ActionImportStore(DataPaths paths, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private string Folder => paths.Resolve("imports");

    public async Task<string> SaveAsync(ImportedSheet sheet, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        foreach (var old in new DirectoryInfo(Folder).GetFiles("*.json").Where(f => f.LastWriteTimeUtc < clock.GetUtcNow().UtcDateTime - Lifetime))
        {
            old.Delete();
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await File.WriteAllBytesAsync(PathOf(token), JsonSerializer.SerializeToUtf8Bytes(sheet), ct);
        return token;
    }

    /// <summary>The file previewed under this token, if it is still there and was uploaded by this user.</summary>
    public async Task<ImportedSheet?> LoadAsync(string? token, string? userId, CancellationToken ct)
    {
        if (token is null || !TokenPattern().IsMatch(token) || !File.Exists(PathOf(token)))
        {
            return null;
        }

        var sheet = JsonSerializer.Deserialize<ImportedSheet>(await File.ReadAllBytesAsync(PathOf(token), ct));
        return sheet is not null && sheet.UserId == userId ? sheet : null;
    }

    public void Delete(string token)
    {
        if (TokenPattern().IsMatch(token))
        {
            File.Delete(PathOf(token));
        }
    }

    private string PathOf(string token) => Path.Combine(Folder, token + ".json");

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TokenPattern();
}
