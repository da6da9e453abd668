using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure.Govuk;
using HscpPortal.Web.Reporting;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.ReportDraft;

/// <summary>
/// The yearly report as it is being written: the live draft assembled from the records, its readiness check, and
/// the narrative editors (insert-only versions). Facts are never edited here; each section says where its records are.
/// </summary>
[Route("reports/yearly/{year}")]
[Authorize(Policy = Policies.ViewRecords)]
public sealed class ReportDraftController(
    PortalDbContext db,
    YearlyReportRenderer renderer,
    ReportOutline outline,
    IAuthorizationService authz,
    IValidator<NarrativeForm> validator,
    TimeProvider clock) : Controller
{
    public const string PublishedError = "This report has been published, so its text can no longer be changed. A correction needs a new edition.";
    public const string StaleError = "Someone else saved a newer version of this text since you opened it. Nothing has been saved: copy your text, reload the page and try again.";

    [HttpGet("draft")]
    public async Task<IActionResult> Draft(string year, CancellationToken ct)
    {
        if (!ReportingYear.TryParse(year, out var reportingYear))
        {
            return NotFound();
        }

        var (report, status, canEdit) = await AssembleForReaderAsync(reportingYear, ct);
        ViewData[ReportFigures.LinksKey] = await FollowableFiguresAsync(report);
        return View(new DraftPage
        {
            Report = report,
            Readiness = ReportReadiness.Check(report),
            Status = status,
            CanEdit = canEdit,
            CanComment = (await authz.AuthorizeAsync(User, Policies.ReviewReport)).Succeeded,
        });
    }

    [HttpGet("readiness")]
    public async Task<IActionResult> Readiness(string year, [FromServices] ReportGate gate, CancellationToken ct)
    {
        if (!ReportingYear.TryParse(year, out var reportingYear))
        {
            return NotFound();
        }

        var (report, _, canEdit) = await AssembleForReaderAsync(reportingYear, ct);
        var row = await db.YearlyReports.AsNoTracking().Where(r => r.StartYear == reportingYear.StartYear)
            .Select(r => new { r.Id, r.Status }).FirstOrDefaultAsync(ct);
        return View(new ReadinessPage
        {
            Year = reportingYear,
            Items = ReportReadiness.Check(report),
            Reasons = row is null ? new Dictionary<string, ReportOmission>() : await gate.OmissionsAsync(row.Id, ct),
            Outline = report.Sections,
            CanEdit = canEdit,
            CanExplain = row is not null && row.Status != ReportStatus.Published && (await authz.AuthorizeAsync(User, Policies.EditReport)).Succeeded,
        });
    }

    [HttpGet("sections/{key}")]
    public async Task<IActionResult> Edit(string year, string key, CancellationToken ct)
    {
        if (!ReportingYear.TryParse(year, out var reportingYear) || outline.ForTextKey(key) is not { } section)
        {
            return NotFound();
        }

        if (!await CanEditAsync(key))
        {
            return Forbid();
        }

        var (published, current) = await StateAsync(reportingYear, key, ct);
        var page = Page(reportingYear, key, section, published, current?.Version ?? 0, new NarrativeForm { Text = current?.Text, BaseVersion = current?.Version ?? 0 });
        if (published)
        {
            ModelState.AddModelError(string.Empty, PublishedError);
        }

        return View(page);
    }

    [HttpPost("sections/{key}")]
    public async Task<IActionResult> Edit(string year, string key, [Bind(Prefix = "Form")] NarrativeForm form, CancellationToken ct)
    {
        if (!ReportingYear.TryParse(year, out var reportingYear) || outline.ForTextKey(key) is not { } section)
        {
            return NotFound();
        }

        if (!await CanEditAsync(key))
        {
            return Forbid();
        }

        var (published, current) = await StateAsync(reportingYear, key, ct);
        var currentVersion = current?.Version ?? 0;
        if (published)
        {
            ModelState.AddModelError(string.Empty, PublishedError);
            return View(Page(reportingYear, key, section, published, currentVersion, form));
        }

        ModelState.AddErrors(await validator.ValidateAsync(form, ct), "Form");
        if (ModelState.IsValid && form.BaseVersion != currentVersion)
        {
            ModelState.AddModelError("Form.Text", StaleError);
        }

        if (!ModelState.IsValid)
        {
            return View(Page(reportingYear, key, section, published, currentVersion, form));
        }

        var text = form.Text!.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var report = await db.YearlyReports.FirstOrDefaultAsync(r => r.StartYear == reportingYear.StartYear, ct);
        if (report is null)
        {
            // The report exists from its first written word; its facts are assembled whenever it is shown.
            report = new Domain.YearlyReport { StartYear = reportingYear.StartYear, Status = ReportStatus.Draft };
            db.YearlyReports.Add(report);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Someone else's first word created it a moment ago (the year is unique): write into theirs.
                db.Entry(report).State = EntityState.Detached;
                report = await db.YearlyReports.FirstOrDefaultAsync(r => r.StartYear == reportingYear.StartYear, ct);
                if (report is null)
                {
                    throw;
                }
            }
        }

        if (text != current?.Text)
        {
            var narrative = new ReportNarrative
            {
                ReportId = report.Id,
                SectionKey = key,
                Version = currentVersion + 1,
                Text = text,
                At = clock.GetUtcNow().UtcDateTime,
                By = User.Identity?.Name,
            };
            db.ReportNarratives.Add(narrative);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Two saves from the same version at once both pass the check above; the unique (report, section,
                // version) index lets only one in, and the other is stale like any other.
                db.Entry(narrative).State = EntityState.Detached;
                var (_, now) = await StateAsync(reportingYear, key, ct);
                if ((now?.Version ?? 0) == currentVersion)
                {
                    throw;
                }

                ModelState.AddModelError("Form.Text", StaleError);
                return View(Page(reportingYear, key, section, published, now!.Version, form));
            }
        }

        return Redirect($"/reports/yearly/{reportingYear}/draft?notice={Notices.Saved}#section-{section.Key}");
    }

    [HttpGet("sections/{key}/history")]
    public async Task<IActionResult> History(string year, string key, CancellationToken ct)
    {
        if (!ReportingYear.TryParse(year, out var reportingYear) || outline.ForTextKey(key) is not { } section)
        {
            return NotFound();
        }

        var versions = await db.ReportNarratives.AsNoTracking()
            .Where(n => n.SectionKey == key && db.YearlyReports.Any(r => r.Id == n.ReportId && r.StartYear == reportingYear.StartYear))
            .OrderByDescending(n => n.Version)
            .Select(n => new NarrativeVersionRow(n.Version, n.At, n.By, n.Text))
            .ToListAsync(ct);
        return View(new NarrativeHistoryPage
        {
            Year = reportingYear.ToString(),
            TextKey = key,
            Heading = Page(reportingYear, key, section, false, 0, new NarrativeForm()).Heading,
            Versions = versions,
        });
    }

    private async Task<(bool Published, ReportNarrative? Current)> StateAsync(ReportingYear year, string key, CancellationToken ct)
    {
        var status = await db.YearlyReports.AsNoTracking().Where(r => r.StartYear == year.StartYear)
            .Select(r => (ReportStatus?)r.Status).FirstOrDefaultAsync(ct);
        var current = await db.ReportNarratives.AsNoTracking()
            .Where(n => n.SectionKey == key && db.YearlyReports.Any(r => r.Id == n.ReportId && r.StartYear == year.StartYear))
            .OrderByDescending(n => n.Version)
            .FirstOrDefaultAsync(ct);
        return (status == ReportStatus.Published, current);
    }

    // The partnership team writes the report; the independent scrutineer may also write the foreword and their own comment.
    /// <summary>The assembled report, its status (null before anything is written) and which texts this reader may change.</summary>
    private async Task<(YearlyReportModel Report, ReportStatus? Status, Func<string, bool> CanEdit)> AssembleForReaderAsync(ReportingYear year, CancellationToken ct)
    {
        var report = await renderer.AssembleAsync(year, ct);
        var status = await db.YearlyReports.AsNoTracking().Where(r => r.StartYear == year.StartYear)
            .Select(r => (ReportStatus?)r.Status).FirstOrDefaultAsync(ct);
        var editsReport = (await authz.AuthorizeAsync(User, Policies.EditReport)).Succeeded;
        var writesScrutiny = (await authz.AuthorizeAsync(User, Policies.WriteScrutinyText)).Succeeded;
        return (report, status, key => status != ReportStatus.Published && ReportSections.MayEditText(editsReport, writesScrutiny, key));
    }

    /// <summary>
    /// The draft's figures that link to their records for this reader, by id: a link to a page whose policy (from the
    /// menu's list of pages) the reader does not have stays plain, as a dashboard leaves out what a user may not see.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, FigureRecord>> FollowableFiguresAsync(YearlyReportModel report)
    {
        var allowed = new Dictionary<string, bool>(StringComparer.Ordinal);
        var followable = new Dictionary<string, FigureRecord>(StringComparer.Ordinal);
        foreach (var figure in ReportFigures.Collect(report, ReportFigures.Draft).Figures)
        {
            if (figure.Link is null)
            {
                continue;
            }

            var policy = Navigation.Navigation.PageFor(figure.Link)?.Policy ?? Policies.ViewRecords;
            if (!allowed.TryGetValue(policy, out var may))
            {
                may = allowed[policy] = (await authz.AuthorizeAsync(User, policy)).Succeeded;
            }

            if (may)
            {
                followable[figure.Id] = figure;
            }
        }

        return followable;
    }

    private async Task<bool> CanEditAsync(string key) =>
        ReportSections.MayEditText(
            (await authz.AuthorizeAsync(User, Policies.EditReport)).Succeeded, (await authz.AuthorizeAsync(User, Policies.WriteScrutinyText)).Succeeded, key);

    private static NarrativeEditPage Page(ReportingYear year, string key, IReportSection section, bool published, int currentVersion, NarrativeForm form) => new()
    {
        Year = year.ToString(),
        TextKey = key,
        SectionKey = section.Key,
        SectionTitle = section.Title,
        IsCommentary = section.Kind == ReportSectionKind.Data,
        IsImpact = key.StartsWith(ReportSectionKeys.Impact(""), StringComparison.Ordinal),
        Published = published,
        CurrentVersion = currentVersion,
        Form = form,
    };
}

public sealed class DraftPage
{
    public required YearlyReportModel Report { get; init; }
    public required IReadOnlyList<ReadinessItem> Readiness { get; init; }

    /// <summary>Null when nothing has been written for the year yet.</summary>
    public required ReportStatus? Status { get; init; }

    /// <summary>Whether the user may change the text saved under a key.</summary>
    public required Func<string, bool> CanEdit { get; init; }

    /// <summary>Whether the user reviews the report (ReviewReport), and so may comment on a section.</summary>
    public bool CanComment { get; init; }

    /// <summary>Whether to offer a readiness item's link: an editor's only to those who may use that editor.</summary>
    public bool CanFollow(ReadinessItem item) => ReadinessLinks.CanFollow(item, CanEdit);
}

public static class ReadinessLinks
{
    public static bool CanFollow(ReadinessItem item, Func<string, bool> canEdit)
    {
        const string marker = "/sections/";
        var at = item.FixUrl.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 || canEdit(item.FixUrl[(at + marker.Length)..]);
    }
}

public sealed class ReadinessPage
{
    public required ReportingYear Year { get; init; }
    public required IReadOnlyList<ReadinessItem> Items { get; init; }

    /// <summary>The recorded reasons the report does not cover a missing item, by item key.</summary>
    public required IReadOnlyDictionary<string, ReportOmission> Reasons { get; init; }

    /// <summary>Whether the user may record why a missing item is not covered (the team, on an unpublished report).</summary>
    public bool CanExplain { get; init; }
    public required IReadOnlyList<AssembledSection> Outline { get; init; }
    public required Func<string, bool> CanEdit { get; init; }

    public bool CanFollow(ReadinessItem item) => ReadinessLinks.CanFollow(item, CanEdit);
}
