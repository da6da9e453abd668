using System.Text;
using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure;
using HscpPortal.Web.Infrastructure.Export;
using HscpPortal.Web.Infrastructure.Govuk;
using HscpPortal.Web.Infrastructure.Pdf;
using HscpPortal.Web.Reporting;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Features.YearlyReports;

/// <summary>
/// The yearly report's workflow: the list of years, review comments, the partners' sign-offs, publication (a frozen
/// snapshot of the HTML and PDF), the sent-to log, and the public report and its PDF. The report's content comes
/// from <see cref="IYearlyReportRenderer"/>; nothing here assembles it.
/// </summary>
[Route("reports/yearly")]
[Authorize(Policy = Policies.ViewRecords)]
public sealed class YearlyReportsController(
    PortalDbContext db,
    IYearlyReportRenderer renderer,
    ReportSignOffs signOffs,
    ReportGate gate,
    IAuthorizationService authz,
    TimeProvider clock,
    IOptions<ReportOptions> options,
    ILogger<YearlyReportsController> logger) : Controller
{
    /// <summary>The frozen document's own policy: its stylesheet and charts are inline, and it runs no script.</summary>
    private const string PublishedPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await IndexPageAsync(new StartReportForm(), ct));

    [HttpPost("new")]
    [Authorize(Policy = Policies.EditReport)]
    public async Task<IActionResult> Start(StartReportForm form, [FromServices] IValidator<StartReportForm> validator, CancellationToken ct)
    {
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (ModelState.IsValid && ReportingYear.TryParse(form.Year, out var year))
        {
            if (await db.YearlyReports.AnyAsync(r => r.StartYear == year.StartYear, ct))
            {
                ModelState.AddModelError(nameof(form.Year), $"The {year} report has already been started");
            }
            else
            {
                db.YearlyReports.Add(new YearlyReport { StartYear = year.StartYear });
                await db.SaveChangesAsync(ct);
                return Redirect($"/reports/yearly/{year}/workflow?notice={Notices.Created}");
            }
        }

        return View("Index", await IndexPageAsync(form, ct));
    }

    [HttpGet("{year}/workflow")]
    public async Task<IActionResult> Workflow(string year, CancellationToken ct)
    {
        var report = await FindAsync(year, ct);
        return report is null ? NotFound() : await WorkflowViewAsync(report, ct);
    }

    [HttpPost("{year}/to-review")]
    [Authorize(Policy = Policies.EditReport)]
    public Task<IActionResult> ToReview(string year, Guid version, CancellationToken ct) =>
        MoveAsync(year, version, ReportMove.ToReview, ct);

    [HttpPost("{year}/to-sign-off")]
    [Authorize(Policy = Policies.EditReport)]
    public Task<IActionResult> ToSignOff(string year, Guid version, CancellationToken ct) =>
        MoveAsync(year, version, ReportMove.ToSignOff, ct);

    [HttpPost("{year}/back-to-draft")]
    [Authorize(Policy = Policies.EditReport)]
    public Task<IActionResult> BackToDraft(string year, Guid version, CancellationToken ct) =>
        MoveAsync(year, version, ReportMove.BackToDraft, ct);

    [HttpGet("{year}/readiness/{key}/reason")]
    [Authorize(Policy = Policies.EditReport)]
    public async Task<IActionResult> Omission(string year, string key, CancellationToken ct)
    {
        var report = await FindAsync(year, ct);
        if (report is null)
        {
            return NotFound();
        }

        var item = (await gate.CheckAsync(report, ct)).FirstOrDefault(i => i.Item.Key == key);
        if (item is null)
        {
            return NotFound();
        }

        return View(new OmissionForm
        {
            Year = report.Year, ItemKey = key, Requirement = item.Item.Requirement, Detail = item.Item.Detail,
            Reason = item.Omission?.Reason, Version = item.Omission?.Version ?? Guid.Empty, Recorded = item.Omission is not null,
        });
    }

    /// <summary>Records (or changes) why the report does not cover a missing statutory item; the reason is printed in the report.</summary>
    [HttpPost("{year}/readiness/{key}/reason")]
    [Authorize(Policy = Policies.EditReport)]
    public async Task<IActionResult> Omission(string year, string key, OmissionForm form, [FromServices] IValidator<OmissionForm> validator, CancellationToken ct)
    {
        var report = await FindAsync(year, ct);
        if (report is null)
        {
            return NotFound();
        }

        var item = (await gate.CheckAsync(report, ct)).FirstOrDefault(i => i.Item.Key == key);
        if (item is null)
        {
            return NotFound();
        }

        form.Year = report.Year;
        form.ItemKey = key;
        form.Requirement = item.Item.Requirement;
        form.Detail = item.Item.Detail;
        form.Recorded = item.Omission is not null;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (report.Status == ReportStatus.Published)
        {
            ModelState.AddModelError("", "The report has been published, so what it says can no longer change.");
        }
        else if (item.Item.Present)
        {
            ModelState.AddModelError("", "The records now cover this item, so there is nothing to explain.");
        }

        if (ModelState.IsValid)
        {
            var saved = item.Omission is { } existing
                ? await db.ReportOmissions.FirstAsync(o => o.Id == existing.Id, ct)
                : db.ReportOmissions.Add(new ReportOmission { ReportId = report.Id, ItemKey = key, Reason = "" }).Entity;
            saved.Reason = form.Reason!.Trim();
            if (item.Omission is null)
            {
                await db.SaveChangesAsync(ct);
                return Redirect($"/reports/yearly/{report.Year}/readiness?notice={Notices.Saved}");
            }

            if (await db.SaveEditAsync(saved, form.Version, ModelState, ct))
            {
                return Redirect($"/reports/yearly/{report.Year}/readiness?notice={Notices.Saved}");
            }
        }

        return View(form);
    }

    [HttpPost("{year}/readiness/{key}/reason/remove")]
    [Authorize(Policy = Policies.EditReport)]
    public async Task<IActionResult> RemoveOmission(string year, string key, Guid version, CancellationToken ct)
    {
        var report = await FindAsync(year, ct);
        var omission = report is null ? null
            : await db.ReportOmissions.Where(o => o.ReportId == report.Id && o.ItemKey == key && o.IsLive()).OrderByDescending(o => o.Id).FirstOrDefaultAsync(ct);
        if (report is null || omission is null)
        {
            return NotFound();
        }

        if (report.Status == ReportStatus.Published)
        {
            return Redirect($"/reports/yearly/{report.Year}/readiness");
        }

        return await this.SetArchivedAsync<ReportOmission>(db, omission.Id, version, true, $"/reports/yearly/{report.Year}/readiness", clock, ct);
    }

    [HttpGet("{year}/comments/new")]
    [Authorize(Policy = Policies.ReviewReport)]
    public async Task<IActionResult> NewComment(string year, string? section, CancellationToken ct)
    {
        var report = await FindAsync(year, ct);
        if (report is null)
        {
            return NotFound();
        }

        return View(WithSections(new CommentForm { Section = section, Year = report.Year }));
    }

    [HttpPost("{year}/comments/new")]
    [Authorize(Policy = Policies.ReviewReport)]
    public async Task<IActionResult> NewComment(string year, CommentForm form, [FromServices] IValidator<CommentForm> validator, CancellationToken ct)
    {
        var report = await FindAsync(year, ct);
        if (report is null)
        {
            return NotFound();
        }

        form.Year = report.Year;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!string.IsNullOrWhiteSpace(form.Section) && !renderer.Outline.Any(o => o.Key == form.Section))
        {
            ModelState.AddModelError(nameof(form.Section), "Select a section from the list");
        }

        if (report.Status == ReportStatus.Published)
        {
            ModelState.AddModelError("", "The report has been published, so it can no longer be commented on.");
        }

        if (ModelState.IsValid)
        {
            db.ReportReviewComments.Add(new ReportReviewComment { ReportId = report.Id, SectionKey = form.Section!, Text = form.Text!.Trim() });
            await db.SaveChangesAsync(ct);
            return Redirect($"/reports/yearly/{report.Year}/workflow?notice={Notices.Created}#comments");
        }

        return View(WithSections(form));
    }

    [HttpGet("{year}/comments/{id:int}/respond")]
    [Authorize(Policy = Policies.EditReport)]
    public async Task<IActionResult> Respond(string year, int id, CancellationToken ct)
    {
        var (report, comment) = await FindCommentAsync(year, id, ct);
        if (report is null || comment is null)
        {
            return NotFound();
        }

        return View(WithComment(new RespondForm { Version = comment.Version, Response = comment.Response, Resolve = comment.ResolvedAt is not null }, report, comment));
    }

    [HttpPost("{year}/comments/{id:int}/respond")]
    [Authorize(Policy = Policies.EditReport)]
    public async Task<IActionResult> Respond(string year, int id, RespondForm form, [FromServices] IValidator<RespondForm> validator, CancellationToken ct)
    {
        var (report, comment) = await FindCommentAsync(year, id, ct);
        if (report is null || comment is null)
        {
            return NotFound();
        }

        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (report.Status == ReportStatus.Published)
        {
            ModelState.AddModelError("", "The report has been published, so its review comments are closed.");
        }

        if (ModelState.IsValid)
        {
            comment.Response = form.Response!.Trim();
            if (form.Resolve && comment.ResolvedAt is null)
            {
                comment.ResolvedAt = clock.GetUtcNow().UtcDateTime;
                comment.ResolvedBy = User.Identity?.Name;
            }
            else if (!form.Resolve)
            {
                comment.ResolvedAt = null;
                comment.ResolvedBy = null;
            }

            if (await db.SaveEditAsync(comment, form.Version, ModelState, ct))
            {
                return Redirect($"/reports/yearly/{report.Year}/workflow?notice={Notices.Saved}#comments");
            }
        }

        return View(WithComment(form, report, comment));
    }

    [HttpGet("{year}/sign-offs/{organisationId:int}")]
    [Authorize(Policy = Policies.ReviewReport)]
    public async Task<IActionResult> SignOff(string year, int organisationId, CancellationToken ct)
    {
        var report = await FindAsync(year, ct);
        if (report is null)
        {
            return NotFound();
        }

        return await SignOffPageAsync(report, organisationId, new SignOffForm(), ct);
    }

    [HttpPost("{year}/sign-offs/{organisationId:int}")]
    [Authorize(Policy = Policies.ReviewReport)]
    public async Task<IActionResult> SignOff(
        string year, int organisationId, SignOffForm form, [FromServices] IValidator<SignOffForm> validator, CancellationToken ct)
    {
        var report = await FindAsync(year, ct);
        if (report is null)
        {
            return NotFound();
        }

        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (ModelState.IsValid)
        {
            var outcome = await signOffs.SignAsync(report, organisationId, User.UserId(), ct, form.Fingerprint);
            switch (outcome)
            {
                case SignOffOutcome.Recorded:
                    return Redirect($"/reports/yearly/{report.Year}/workflow?notice={Notices.SignedOff}&partner={organisationId}#sign-off");
                case SignOffOutcome.NotThePartner:
                    return Forbid();
                case SignOffOutcome.NotInSignOff:
                    ModelState.AddModelError("", "The report can be signed off only while it is at the sign-off stage.");
                    return await WorkflowViewAsync(report, ct);
                case SignOffOutcome.ItemsMissing:
                    ModelState.AddModelError("", ReportGate.Refusal(await gate.CheckAsync(report, ct), "be signed")
                        ?? "The report's readiness changed: check the readiness page and try again.");
                    break;
                case SignOffOutcome.ChangedSinceRead:
                    ModelState.AddModelError("", "The report changed while you were reading it, so it has not been signed. Read it again as it stands now, then confirm.");
                    form.Confirm = false;
                    ModelState.Remove(nameof(SignOffForm.Confirm));
                    break;
                default:
                    ModelState.AddModelError("", "This partner has already signed the report as it stands.");
                    return await WorkflowViewAsync(report, ct);
            }
        }

        return await SignOffPageAsync(report, organisationId, form, ct);
    }

    /// <summary>
    /// The sign-off page for the user's seat at the organisation, with the fingerprint of the content as it stands
    /// now (after a change, the partner confirms the new content); refused without a seat, and the workflow with a
    /// message when the report is not at sign-off.
    /// </summary>
    private async Task<IActionResult> SignOffPageAsync(YearlyReport report, int organisationId, SignOffForm form, CancellationToken ct)
    {
        var seat = (await signOffs.SeatsOfUserAsync(User.UserId(), ct)).Where(s => s.OrganisationId == organisationId).ToList();
        var partner = (await signOffs.PartnersAsync(report, ct)).FirstOrDefault(p => p.OrganisationId == organisationId);
        if (seat.Count == 0 || partner is null)
        {
            return Forbid();
        }

        if (report.Status != ReportStatus.SignOff)
        {
            ModelState.AddModelError("", "The report can be signed off only while it is at the sign-off stage.");
            return await WorkflowViewAsync(report, ct);
        }

        form.Year = report.Year;
        form.OrganisationId = organisationId;
        form.Organisation = partner.Organisation;
        form.SignerName = seat[0].Name;
        form.SignerRole = seat[0].Role;
        form.AssembledAt = clock.GetUtcNow().UtcDateTime;
        form.Readiness = await gate.CheckAsync(report, ct);
        form.Fingerprint = await renderer.ContentHashAsync(report.Year, ct);
        return View("SignOff", form);
    }

    [HttpPost("{year}/publish")]
    [Authorize(Policy = Policies.PublishReport)]
    public async Task<IActionResult> Publish(string year, Guid version, [FromServices] ReportPublisher publisher, CancellationToken ct)
    {
        var report = await FindAsync(year, ct, tracked: true);
        if (report is null)
        {
            return NotFound();
        }

        if (report.Version != version)
        {
            ModelState.AddModelError("", Concurrency.StaleMessage);
            return await WorkflowViewAsync(report, ct);
        }

        try
        {
            var outcome = await publisher.PublishAsync(report, User.Identity?.Name, ct);
            if (outcome == PublishOutcome.Published)
            {
                return Redirect($"/reports/yearly/{report.Year}/workflow?notice=published");
            }

            ModelState.AddModelError("", outcome switch
            {
                PublishOutcome.NotAtSignOff => "The report can be published only from the sign-off stage.",
                PublishOutcome.ItemsMissing => ReportGate.Refusal(await gate.CheckAsync(report, ct), "be published")
                    ?? "The report's readiness changed: check the readiness page and try again.",
                _ => "The report can be published only when every statutory partner has signed it as it stands.",
            });
        }
        catch (PdfPrintException e)
        {
            logger.LogWarning(e, "The {Year} yearly report could not be printed for publication", report.Year);
            ModelState.AddModelError("", "The PDF of the report could not be prepared just now, so nothing has been published. Try again in a few minutes.");
        }

        return await WorkflowViewAsync(report, ct);
    }

    [HttpGet("{year}/recipients/new")]
    [Authorize(Policy = Policies.PublishReport)]
    public async Task<IActionResult> NewRecipient(string year, CancellationToken ct)
    {
        var report = await FindAsync(year, ct);
        return report is null ? NotFound() : View(new RecipientForm { Year = report.Year });
    }

    [HttpPost("{year}/recipients/new")]
    [Authorize(Policy = Policies.PublishReport)]
    public async Task<IActionResult> NewRecipient(string year, RecipientForm form, [FromServices] IValidator<RecipientForm> validator, CancellationToken ct)
    {
        var report = await FindAsync(year, ct);
        if (report is null)
        {
            return NotFound();
        }

        form.Year = report.Year;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (ModelState.IsValid)
        {
            db.ReportRecipients.Add(new ReportRecipient
            {
                ReportId = report.Id, Name = form.Name!.Trim(), DueOn = form.DueOn!.Value,
                Notes = string.IsNullOrWhiteSpace(form.Notes) ? null : form.Notes.Trim(),
            });
            await db.SaveChangesAsync(ct);
            return Redirect($"/reports/yearly/{report.Year}/workflow?notice={Notices.Created}#sent-to");
        }

        return View(form);
    }

    [HttpGet("{year}/recipients/{id:int}/sent")]
    [Authorize(Policy = Policies.PublishReport)]
    public async Task<IActionResult> Sent(string year, int id, CancellationToken ct)
    {
        var (report, recipient) = await FindRecipientAsync(year, id, ct);
        if (report is null || recipient is null)
        {
            return NotFound();
        }

        return View(new SentForm
        {
            Version = recipient.Version, SentOn = recipient.SentOn ?? UkTime.Today(clock), Year = report.Year,
            RecipientId = recipient.Id, Name = recipient.Name, DueOn = recipient.DueOn,
        });
    }

    [HttpPost("{year}/recipients/{id:int}/sent")]
    [Authorize(Policy = Policies.PublishReport)]
    public async Task<IActionResult> Sent(string year, int id, SentForm form, [FromServices] IValidator<SentForm> validator, CancellationToken ct)
    {
        var (report, recipient) = await FindRecipientAsync(year, id, ct);
        if (report is null || recipient is null)
        {
            return NotFound();
        }

        form.Year = report.Year;
        form.RecipientId = recipient.Id;
        form.Name = recipient.Name;
        form.DueOn = recipient.DueOn;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (ModelState.IsValid)
        {
            recipient.SentOn = form.SentOn;
            recipient.SentBy = User.Identity?.Name;
            if (await db.SaveEditAsync(recipient, form.Version, ModelState, ct))
            {
                return Redirect($"/reports/yearly/{report.Year}/workflow?notice={Notices.Saved}#sent-to");
            }
        }

        return View(form);
    }

    [HttpPost("{year}/recipients/{id:int}/archive")]
    [Authorize(Policy = Policies.PublishReport)]
    public async Task<IActionResult> ArchiveRecipient(string year, int id, Guid version, CancellationToken ct)
    {
        var (report, recipient) = await FindRecipientAsync(year, id, ct);
        if (report is null || recipient is null)
        {
            return NotFound();
        }

        return await this.SetArchivedAsync<ReportRecipient>(db, id, version, archive: true, $"/reports/yearly/{report.Year}/workflow", clock, ct);
    }

    /// <summary>The published report is public; before publication the signed-in reader is sent to the live draft.</summary>
    [HttpGet("{year}")]
    [AllowAnonymous]
    public async Task<IActionResult> Report(string year, CancellationToken ct)
    {
        if (!ReportingYear.TryParse(year, out var reportingYear))
        {
            return NotFound();
        }

        var published = await LatestPublicationAsync(reportingYear, ct);
        if (published is not null)
        {
            var html = await db.ReportPublications.AsNoTracking().Where(p => p.Id == published.Id).Select(p => p.Html).SingleAsync(ct);
            Response.Headers.ContentSecurityPolicy = PublishedPolicy;
            Response.Headers.ETag = $"\"{published.HtmlSha256}\"";
            return Content(html, "text/html; charset=utf-8");
        }

        if (!await CanViewRecordsAsync())
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        return await db.YearlyReports.AnyAsync(r => r.StartYear == reportingYear.StartYear, ct)
            ? Redirect($"/reports/yearly/{reportingYear}/draft")
            : NotFound();
    }

    /// <summary>The published PDF exactly as published; before publication, the live draft printed for a signed-in reader.</summary>
    [HttpGet("{year}.pdf")]
    [AllowAnonymous]
    public async Task<IActionResult> Pdf(
        string year, [FromServices] IPdfPrinter printer, [FromServices] IOptions<PortalOptions> portal, CancellationToken ct)
    {
        if (!ReportingYear.TryParse(year, out var reportingYear))
        {
            return NotFound();
        }

        var fileName = ReportPublisher.FileName(portal.Value, reportingYear);
        var published = await LatestPublicationAsync(reportingYear, ct);
        if (published is not null)
        {
            var pdf = await db.ReportPublications.AsNoTracking().Where(p => p.Id == published.Id).Select(p => p.Pdf).SingleAsync(ct);
            return File(pdf, "application/pdf", fileName, lastModified: null,
                entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{published.PdfSha256}\""));
        }

        if (!await CanViewRecordsAsync())
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        if (!await db.YearlyReports.AnyAsync(r => r.StartYear == reportingYear.StartYear, ct))
        {
            return NotFound();
        }

        try
        {
            var draft = await renderer.RenderDocumentAsync(reportingYear, draft: true, ct);
            var bytes = await printer.PrintAsync(draft.Html, draft.PrintOptions, ct);
            return File(bytes, "application/pdf", fileName.Replace(".pdf", "-draft.pdf", StringComparison.Ordinal));
        }
        catch (PdfPrintException e)
        {
            logger.LogWarning(e, "The draft PDF of the {Year} yearly report could not be printed", reportingYear);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return View("PdfFailed", reportingYear);
        }
    }

    /// <summary>
    /// Every figure the report shows, as CSV: once published, produced from the figures frozen with the publication
    /// and public like the report; before, the live draft's for a signed-in reader.
    /// </summary>
    [HttpGet("{year}/figures.csv")]
    [AllowAnonymous]
    public Task<IActionResult> FiguresCsv(string year, [FromServices] IOptions<PortalOptions> portal, CancellationToken ct) =>
        FiguresAsync(year, csv: true, portal.Value, ct);

    /// <summary>As <see cref="FiguresCsv"/>, as JSON: once published, the stored JSON exactly.</summary>
    [HttpGet("{year}/figures.json")]
    [AllowAnonymous]
    public Task<IActionResult> FiguresJson(string year, [FromServices] IOptions<PortalOptions> portal, CancellationToken ct) =>
        FiguresAsync(year, csv: false, portal.Value, ct);

    private async Task<IActionResult> FiguresAsync(string year, bool csv, PortalOptions portal, CancellationToken ct)
    {
        if (!ReportingYear.TryParse(year, out var reportingYear))
        {
            return NotFound();
        }

        var published = await LatestPublicationAsync(reportingYear, ct);
        if (published is not null)
        {
            var json = await db.ReportPublications.AsNoTracking().Where(p => p.Id == published.Id).Select(p => p.FiguresJson).SingleAsync(ct);
            if (json is null)
            {
                // Published before figures were kept. Working them out now would not be the published figures.
                Response.StatusCode = StatusCodes.Status404NotFound;
                return View("FiguresNotKept", reportingYear);
            }

            var frozen = csv ? ReportFigures.CsvFromJson(json) : Encoding.UTF8.GetBytes(json);
            return FiguresFile(frozen, csv, ReportFigures.FileStem(portal, reportingYear, draft: false),
                new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{ReportPublisher.Sha256(frozen)}\""));
        }

        if (!await CanViewRecordsAsync())
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        if (!await db.YearlyReports.AnyAsync(r => r.StartYear == reportingYear.StartYear, ct))
        {
            return NotFound();
        }

        var figures = await renderer.FiguresAsync(reportingYear, ct);
        var live = csv ? ReportFigures.ToCsv(figures) : Encoding.UTF8.GetBytes(ReportFigures.ToJson(figures));
        return FiguresFile(live, csv, ReportFigures.FileStem(portal, reportingYear, draft: true), entityTag: null);
    }

    private static FileContentResult FiguresFile(byte[] bytes, bool csv, string stem, Microsoft.Net.Http.Headers.EntityTagHeaderValue? entityTag) =>
        new(bytes, csv ? TabularExport.CsvContentType : ReportFigures.JsonContentType)
        {
            FileDownloadName = stem + (csv ? ".csv" : ".json"),
            EntityTag = entityTag,
        };

    private sealed record PublishedRef(int Id, string HtmlSha256, string PdfSha256);

    private Task<PublishedRef?> LatestPublicationAsync(ReportingYear year, CancellationToken ct) =>
        db.ReportPublications.AsNoTracking()
            .Where(p => db.YearlyReports.Any(r => r.Id == p.ReportId && r.StartYear == year.StartYear && r.Status == ReportStatus.Published))
            .OrderByDescending(p => p.Edition)
            .Select(p => new PublishedRef(p.Id, p.HtmlSha256, p.PdfSha256))
            .FirstOrDefaultAsync(ct);

    private async Task<bool> CanViewRecordsAsync() =>
        User.Identity?.IsAuthenticated == true && (await authz.AuthorizeAsync(User, Policies.ViewRecords)).Succeeded;

    private async Task<IActionResult> MoveAsync(string year, Guid version, ReportMove move, CancellationToken ct)
    {
        var report = await FindAsync(year, ct, tracked: true);
        if (report is null)
        {
            return NotFound();
        }

        if (move == ReportMove.ToSignOff && report.Status == ReportStatus.InReview
            && ReportGate.Refusal(await gate.CheckAsync(report, ct), "go to sign-off") is { } notReady)
        {
            ModelState.AddModelError("", notReady);
        }
        else if (ReportWorkflow.Move(report, move) is { } refusal)
        {
            ModelState.AddModelError("", refusal);
        }

        if (ModelState.IsValid)
        {
            if (await db.SaveEditAsync(report, version, ModelState, ct))
            {
                return Redirect($"/reports/yearly/{report.Year}/workflow?notice={Notices.Saved}");
            }
        }

        return await WorkflowViewAsync(report, ct);
    }

    private async Task<YearlyReport?> FindAsync(string year, CancellationToken ct, bool tracked = false)
    {
        if (!ReportingYear.TryParse(year, out var reportingYear))
        {
            return null;
        }

        var query = tracked ? db.YearlyReports : db.YearlyReports.AsNoTracking();
        return await query.FirstOrDefaultAsync(r => r.StartYear == reportingYear.StartYear, ct);
    }

    private async Task<(YearlyReport? Report, ReportReviewComment? Comment)> FindCommentAsync(string year, int id, CancellationToken ct)
    {
        var report = await FindAsync(year, ct);
        var comment = report is null ? null : await db.ReportReviewComments.FirstOrDefaultAsync(c => c.Id == id && c.ReportId == report.Id, ct);
        return (report, comment);
    }

    private async Task<(YearlyReport? Report, ReportRecipient? Recipient)> FindRecipientAsync(string year, int id, CancellationToken ct)
    {
        var report = await FindAsync(year, ct);
        var recipient = report is null ? null : await db.ReportRecipients.FirstOrDefaultAsync(r => r.Id == id && r.ReportId == report.Id, ct);
        return (report, recipient);
    }

    private CommentForm WithSections(CommentForm form)
    {
        form.Sections = renderer.Outline.Select(o => new SelectListItem(o.Title, o.Key)).ToList();
        return form;
    }

    private RespondForm WithComment(RespondForm form, YearlyReport report, ReportReviewComment comment)
    {
        form.Year = report.Year;
        form.CommentId = comment.Id;
        form.SectionTitle = SectionTitle(comment.SectionKey);
        form.Comment = comment.Text;
        form.CommentBy = comment.CreatedBy;
        return form;
    }

    private string SectionTitle(string key) => renderer.Outline.FirstOrDefault(o => o.Key == key)?.Title ?? key;

    private async Task<IndexPage> IndexPageAsync(StartReportForm form, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var reports = await db.YearlyReports.AsNoTracking()
            .Select(r => new { r.StartYear, r.Status, r.PublishedAt, SignOffs = r.SignOffs.Count(s => s.ResetAt == null) })
            .ToListAsync(ct);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.IsLive())
            .GroupBy(_ => 1).Select(g => new { First = g.Min(m => m.Date), Last = g.Max(m => m.Date) })
            .FirstOrDefaultAsync(ct);
        var years = reports.Select(r => r.StartYear).ToHashSet();
        if (meetings is not null)
        {
            var last = Math.Min(ReportingYear.Containing(meetings.Last).StartYear, ReportingYear.Containing(today).StartYear);
            for (var y = ReportingYear.Containing(meetings.First).StartYear; y <= last; y++)
            {
                years.Add(y);
            }
        }

        var rows = years.OrderDescending().Select(y =>
        {
            var year = new ReportingYear(y);
            var report = reports.FirstOrDefault(r => r.StartYear == y);
            var deadline = options.Value.PublicationDeadline(year);
            var overdue = report?.Status != ReportStatus.Published && today > deadline;
            return new YearRow(year, report?.Status, deadline, overdue, report?.PublishedAt, report?.SignOffs ?? 0);
        }).ToList();
        return new IndexPage
        {
            Years = rows,
            CanStart = (await authz.AuthorizeAsync(User, Policies.EditReport)).Succeeded,
            Year = form.Year,
        };
    }

    private async Task<IActionResult> WorkflowViewAsync(YearlyReport report, CancellationToken ct)
    {
        // A refused change must not ride along with the save below: start from what is stored.
        db.ChangeTracker.Clear();
        var fresh = await db.YearlyReports.AsNoTracking().SingleAsync(r => r.Id == report.Id, ct);
        // Checking the sign-offs against the content is what makes "any change resets the sign-offs" hold.
        await signOffs.ResetChangedAsync(fresh, ct);
        var today = UkTime.Today(clock);
        var comments = await db.ReportReviewComments.AsNoTracking().Where(c => c.ReportId == report.Id)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.SectionKey, View = new CommentView(c.Id, c.Version, c.Text, c.CreatedBy, c.CreatedAt, c.Response, c.ResolvedAt, c.ResolvedBy) })
            .ToListAsync(ct);
        var outline = renderer.Outline;
        var bySection = comments.GroupBy(c => c.SectionKey)
            .OrderBy(g => outline.Select((o, i) => (o, i)).Where(x => x.o.Key == g.Key).Select(x => x.i).DefaultIfEmpty(int.MaxValue).First())
            .Select(g => new SectionComments(g.Key, SectionTitle(g.Key), g.Select(c => c.View).ToList()))
            .ToList();
        var publication = await db.ReportPublications.AsNoTracking().Where(p => p.ReportId == report.Id)
            .OrderByDescending(p => p.Edition)
            .Select(p => new PublicationView(p.Edition, p.PublishedAt, p.PublishedBy, p.HtmlSha256, p.PdfSha256, p.Pdf.Length))
            .FirstOrDefaultAsync(ct);
        var recipients = await db.ReportRecipients.AsNoTracking().Where(r => r.ReportId == report.Id && r.IsLive())
            .OrderBy(r => r.DueOn).ThenBy(r => r.Name)
            .Select(r => new RecipientView(r.Id, r.Version, r.Name, r.DueOn, r.SentOn, r.SentBy, r.Notes, r.SentOn == null && r.DueOn < today))
            .ToListAsync(ct);
        var partners = await signOffs.PartnersAsync(report, ct);
        var seats = (await signOffs.SeatsOfUserAsync(User.UserId(), ct)).Select(s => s.OrganisationId).ToHashSet();
        var deadline = options.Value.PublicationDeadline(report.Year);
        return View("Workflow", new WorkflowPage
        {
            Year = report.Year,
            ReportId = report.Id,
            Version = fresh.Version,
            Status = fresh.Status,
            Deadline = deadline,
            Overdue = fresh.Status != ReportStatus.Published && today > deadline,
            PublishedAt = fresh.PublishedAt,
            Steps = Steps(fresh.Status),
            Comments = bySection,
            OpenComments = comments.Count(c => c.View.ResolvedAt is null),
            Partners = partners,
            MySeats = seats,
            AllSigned = ReportWorkflow.AllSigned(partners.Select(p => (p.OrganisationId, p.SignOffId is not null)).ToList()),
            Readiness = fresh.Status == ReportStatus.Published ? [] : await renderer.CheckReadinessAsync(report.Year, ct),
            Publication = publication,
            Recipients = recipients,
            CanEdit = (await authz.AuthorizeAsync(User, Policies.EditReport)).Succeeded,
            CanReview = (await authz.AuthorizeAsync(User, Policies.ReviewReport)).Succeeded,
            CanPublish = (await authz.AuthorizeAsync(User, Policies.PublishReport)).Succeeded,
        });
    }

    private static List<WorkflowStep> Steps(ReportStatus status)
    {
        (ReportStatus Status, string Name, string Description)[] steps =
        [
            (ReportStatus.Draft, "Draft", "The team writes the narrative and checks the facts drawn from the records."),
            (ReportStatus.InReview, "Review", "The independent scrutineer and the partners comment, section by section, and the team responds."),
            (ReportStatus.SignOff, "Sign-off", "Each statutory partner's lead or delegated partner signs the report as it stands."),
            (ReportStatus.Published, "Published", "The HTML and PDF are frozen and sent to those who must receive them."),
        ];
        return steps.Select(s => new WorkflowStep(s.Name, s.Description,
            s.Status < status || (s.Status == status && status == ReportStatus.Published) ? StepState.Done
            : s.Status == status ? StepState.Current : StepState.NotStarted)).ToList();
    }
}
