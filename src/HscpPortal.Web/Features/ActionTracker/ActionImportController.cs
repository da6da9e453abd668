using System.Globalization;
using HscpPortal.Web.Data;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure.Export;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace HscpPortal.Web.Features.ActionTracker;

public sealed class ImportUploadForm
{
    public IFormFile? File { get; set; }
    public int? GroupId { get; set; }

    public IReadOnlyList<SelectListItem> Groups { get; set; } = [];
    public int? Imported { get; set; }

    /// <summary>Rows left out of the import because they repeat actions already in the portal.</summary>
    public int? Skipped { get; set; }
}

public sealed class ImportPreview
{
    public required ImportedSheet Sheet { get; init; }
    public required IReadOnlyList<ImportRowResult> Rows { get; init; }
    public string? Token { get; init; }

    public IEnumerable<ImportError> Errors => Rows.SelectMany(r => r.Errors);
    public int Matches => Rows.Count(r => r.ExistingActionId is not null);
    public bool CanCommit => Token is not null && !Errors.Any();
}

/// <summary>
/// Import of an existing action log: upload, a preview of every row with its problems, and an all-or-nothing
/// commit. For the partnership team, who bring groups' spreadsheets into the portal.
/// </summary>
[Authorize(Policy = Policies.ManageStructure)]
public sealed class ActionImportController(PortalDbContext db, Infrastructure.DataPaths paths, TimeProvider clock) : Controller
{
    private readonly ActionImportStore store = new(paths, clock);

    private const string Views = "/Features/ActionTracker/";

    // A little over the file limit, so that an oversized file gets the error message rather than a refused request.
    private const long MaxRequestBytes = ActionImportFormat.MaxBytes + (1024 * 1024);

    [HttpGet("actions/import")]
    public async Task<IActionResult> Import(int? groupId, int? imported, int? skipped, CancellationToken ct) =>
        View(Views + "Import.cshtml", new ImportUploadForm { GroupId = groupId, Imported = imported, Skipped = skipped, Groups = await db.GroupOptionsAsync(ct) });

    [HttpGet("actions/import/template")]
    public IActionResult Template(string? format) =>
        TabularExport.Download(ActionImportFormat.Template(), string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase) ? ExportFormat.Xlsx : ExportFormat.Csv,
            "action-log-template");

    [HttpPost("actions/import")]
    [RequestSizeLimit(MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
    public async Task<IActionResult> Import(ImportUploadForm form, CancellationToken ct)
    {
        if (form.GroupId is { } groupId && !(await db.GroupOptionsAsync(ct)).Any(g => g.Value == groupId.ToString(CultureInfo.InvariantCulture)))
        {
            ModelState.AddModelError(nameof(form.GroupId), "Select a group from the list, or none");
        }

        if (form.File is null || form.File.Length == 0)
        {
            ModelState.AddModelError(nameof(form.File), form.File is null ? "Select the action log to import" : "The selected file is empty");
        }
        else if (form.File.Length > ActionImportFormat.MaxBytes)
        {
            ModelState.AddModelError(nameof(form.File), "The selected file must be smaller than 5 MB");
        }

        ImportedSheet? sheet = null;
        if (ModelState.IsValid)
        {
            using var buffer = new MemoryStream();
            await form.File!.CopyToAsync(buffer, ct);
            (sheet, var problem) = ActionImportFormat.Read(buffer.ToArray(), form.File.FileName, User.UserId(), form.GroupId);
            if (problem is not null)
            {
                ModelState.AddModelError(nameof(form.File), problem);
            }
        }

        if (!ModelState.IsValid || sheet is null)
        {
            form.Groups = await db.GroupOptionsAsync(ct);
            return View(Views + "Import.cshtml", form);
        }

        var rows = await new ActionImportCheck(db).CheckAsync(sheet, ct);
        // Only a clean file is kept for the commit; a file with errors is fixed and uploaded again.
        var token = rows.Any(r => r.Errors.Count > 0) ? null : await store.SaveAsync(sheet, ct);
        return View(Views + "Preview.cshtml", new ImportPreview { Sheet = sheet, Rows = rows, Token = token });
    }

    [HttpPost("actions/import/commit")]
    public async Task<IActionResult> Commit(string? token, bool includeMatches, CancellationToken ct)
    {
        var sheet = await store.LoadAsync(token, User.UserId(), ct);
        if (sheet is null)
        {
            ModelState.AddModelError(nameof(ImportUploadForm.File), "The preview has expired or was already imported: select the file again");
            return View(Views + "Import.cshtml", new ImportUploadForm { Groups = await db.GroupOptionsAsync(ct) });
        }

        // The registers may have changed since the preview: check every row again before writing anything.
        var rows = await new ActionImportCheck(db).CheckAsync(sheet, ct);
        if (rows.Any(r => r.Errors.Count > 0))
        {
            store.Delete(token!);
            return View(Views + "Preview.cshtml", new ImportPreview { Sheet = sheet, Rows = rows, Token = null });
        }

        // Rows that repeat an action already in the portal are left out unless the user chose to import them anyway.
        var chosen = rows.Where(r => includeMatches || r.ExistingActionId is null).ToList();
        var updates = ActionImportCheck.ToActions(sheet, chosen, User.UserId(), User.Identity?.Name ?? "Unknown", clock.GetUtcNow().UtcDateTime);
        db.ActionUpdates.AddRange(updates);
        // One SaveChanges is one transaction: every action is imported, or none is.
        await db.SaveChangesAsync(ct);
        store.Delete(token!);
        var skipped = rows.Count - chosen.Count;
        return Redirect($"/actions/import?imported={updates.Count}" + (skipped > 0 ? $"&skipped={skipped}" : ""));
    }
}
