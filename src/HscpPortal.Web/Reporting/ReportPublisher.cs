using System.Security.Cryptography;
using System.Text;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure;
using HscpPortal.Web.Infrastructure.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Reporting;

public enum PublishOutcome
{
    Published,
    NotAtSignOff,
    MissingSignOffs,
    ItemsMissing,
}

/// <summary>
/// Publishes a signed-off yearly report: prints the final document once and freezes it (the web page and the PDF,
/// with their SHA-256, and the figures it shows as JSON) together with the status change and the sent-to log, in
/// one save. Nothing is saved if printing fails.
/// </summary>
public sealed class ReportPublisher(
    PortalDbContext db, IYearlyReportRenderer renderer, IPdfPrinter printer, ReportSignOffs signOffs, ReportGate gate, TimeProvider clock, IOptions<ReportOptions> options)
{
    /// <param name="at">When it is published; now unless given (the demo publishes on a past date).</param>
    /// <exception cref="PdfPrintException">The PDF could not be printed; nothing was published.</exception>
    public async Task<PublishOutcome> PublishAsync(YearlyReport report, string? by, CancellationToken ct, DateTime? at = null)
    {
        if (report.Status != ReportStatus.SignOff)
        {
            return PublishOutcome.NotAtSignOff;
        }

        await signOffs.ResetChangedAsync(report, ct);
        if (!await signOffs.AllSignedAsync(report, ct))
        {
            return PublishOutcome.MissingSignOffs;
        }

        // The records may have changed since sign-off: an item that went missing since then waits for its reason too.
        if (ReportGate.Refusal(await gate.CheckAsync(report, ct), "be published") is not null)
        {
            return PublishOutcome.ItemsMissing;
        }

        var publishedAt = at ?? clock.GetUtcNow().UtcDateTime;
        var rendered = await renderer.RenderDocumentAsync(report.Year, draft: false, ct, DateOnly.FromDateTime(UkTime.ToLocal(publishedAt)));
        var pdf = await printer.PrintAsync(rendered.Html, rendered.PrintOptions, ct);
        // What readers open on the web: the same sections laid out as an HTML publication, linking to this PDF.
        var page = await renderer.RenderPublicationPageAsync(rendered, pdf, ct);
        var edition = await db.ReportPublications.Where(p => p.ReportId == report.Id).MaxAsync(p => (int?)p.Edition, ct) ?? 0;
        db.ReportPublications.Add(new ReportPublication
        {
            ReportId = report.Id,
            Edition = edition + 1,
            PublishedAt = publishedAt,
            PublishedBy = by,
            Html = page,
            Pdf = pdf,
            HtmlSha256 = Sha256(Encoding.UTF8.GetBytes(page)),
            PdfSha256 = Sha256(pdf),
            FiguresJson = ReportFigures.ToJson(rendered.Figures),
        });
        report.Status = ReportStatus.Published;
        report.PublishedAt = publishedAt;
        report.PublishedBy = by;

        var publishedOn = DateOnly.FromDateTime(UkTime.ToLocal(publishedAt));
        foreach (var name in options.Value.Recipients.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            db.ReportRecipients.Add(new ReportRecipient
            {
                ReportId = report.Id,
                Name = name.Trim(),
                DueOn = publishedOn.AddDays(options.Value.SendWithinDays),
            });
        }

        await db.SaveChangesAsync(ct);
        return PublishOutcome.Published;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>"herefordshire-safeguarding-children-partnership-yearly-report-2023-24.pdf".</summary>
    public static string FileName(PortalOptions portal, ReportingYear year)
    {
        var name = new string(portal.Name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        while (name.Contains("--", StringComparison.Ordinal))
        {
            name = name.Replace("--", "-", StringComparison.Ordinal);
        }

        return $"{name.Trim('-')}-yearly-report-{year}.pdf";
    }
}
