using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Reporting;

/// <summary>A statutory partner's seat at sign-off: who signed the report as it stands, or nobody yet.</summary>
public sealed record PartnerSignOff(
    int OrganisationId, string Organisation, StatutoryPartner Partner, int? SignOffId, string? SignerName, RepresentationRole? SignerRole, DateTime? SignedAt);

public enum SignOffOutcome
{
    Recorded,
    NotInSignOff,
    NotThePartner,
    AlreadySigned,
    ItemsMissing,

    /// <summary>The content changed between the partner reading it (its fingerprint on the sign-off page) and signing.</summary>
    ChangedSinceRead,
}

/// <summary>
/// The partners' sign-offs of a yearly report. A sign-off holds the fingerprint of the content signed; whenever the
/// report is looked at for sign-off or publication, any sign-off whose fingerprint no longer matches the content is
/// reset, because "any change after a sign-off resets the sign-offs". Resetting is saved (and so audited) at once.
/// </summary>
public sealed class ReportSignOffs(PortalDbContext db, IYearlyReportRenderer renderer, ReportGate gate, TimeProvider clock)
{
    public const string ChangedReason = "The report changed after this sign-off";

    /// <summary>Resets every current sign-off of the report whose fingerprint differs from the content now.</summary>
    public async Task ResetChangedAsync(YearlyReport report, CancellationToken ct)
    {
        // A published report is frozen: its sign-offs are what was published, whatever the records say now. And with
        // nothing signed there is nothing to compare, so the report is not assembled just to be fingerprinted.
        if (report.Status != ReportStatus.Published
            && await db.ReportSignOffs.AnyAsync(s => s.ReportId == report.Id && s.ResetAt == null, ct))
        {
            await ResetChangedAsync(report, await renderer.ContentHashAsync(report.Year, ct), ct);
        }
    }

    private async Task ResetChangedAsync(YearlyReport report, string hash, CancellationToken ct)
    {
        var stale = await db.ReportSignOffs
            .Where(s => s.ReportId == report.Id && s.ResetAt == null && s.ContentHash != hash)
            .ToListAsync(ct);
        if (stale.Count > 0)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var signOff in stale)
            {
                signOff.ResetAt = now;
                signOff.ResetReason = ChangedReason;
            }

            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// The statutory partners who sign the report (those of its year's last day, or of today for the current year's
    /// draft), each with its current sign-off if it has one.
    /// </summary>
    public async Task<IReadOnlyList<PartnerSignOff>> PartnersAsync(YearlyReport report, CancellationToken ct)
    {
        var asAt = ReportWorkflow.PartnersAsAt(report.Year, UkTime.Today(clock));
        var partners = await db.Organisations.AsNoTracking()
            .Where(o => o.IsLive() && o.IsPartnerOn(asAt))
            .OrderBy(o => o.StatutoryPartner).ThenBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, Partner = o.StatutoryPartner!.Value })
            .ToListAsync(ct);
        var current = await db.ReportSignOffs.AsNoTracking()
            .Where(s => s.ReportId == report.Id && s.ResetAt == null)
            .Select(s => new { s.Id, s.OrganisationId, s.SignerName, s.SignerRole, s.SignedAt })
            .ToListAsync(ct);
        return partners.Select(p =>
        {
            var s = current.Where(c => c.OrganisationId == p.Id).OrderByDescending(c => c.SignedAt).FirstOrDefault();
            return new PartnerSignOff(p.Id, p.Name, p.Partner, s?.Id, s?.SignerName, s?.SignerRole, s?.SignedAt);
        }).ToList();
    }

    /// <summary>Whether every statutory partner has signed the report as it stands (call after <see cref="ResetChangedAsync(YearlyReport, CancellationToken)"/>).</summary>
    public async Task<bool> AllSignedAsync(YearlyReport report, CancellationToken ct)
    {
        var partners = await PartnersAsync(report, ct);
        return ReportWorkflow.AllSigned(partners.Select(p => (p.OrganisationId, p.SignOffId is not null)).ToList());
    }

    /// <summary>The organisations for which the signed-in user may sign today: those whose lead or delegated partner they are.</summary>
    public async Task<IReadOnlyList<(int OrganisationId, RepresentationRole Role, int PersonId, string Name)>> SeatsOfUserAsync(string? userId, CancellationToken ct)
    {
        if (userId is null)
        {
            return [];
        }

        var today = UkTime.Today(clock);
        var seats = await Seats.PartnerSeats(db, userId, today).AsNoTracking()
            .Select(r => new { r.OrganisationId, r.Role, r.PersonId, r.Person!.FullName })
            .ToListAsync(ct);
        // One seat per organisation: someone who is both lead and delegated partner signs as lead.
        return seats.GroupBy(s => s.OrganisationId)
            .Select(g => g.OrderBy(s => s.Role).First())
            .Select(s => (s.OrganisationId, s.Role, s.PersonId, s.FullName))
            .ToList();
    }

    /// <summary>
    /// Records the user's sign-off for the organisation, if they are its lead or delegated partner today and the report
    /// is at sign-off. With <paramref name="readFingerprint"/> (the content's fingerprint when the partner read it),
    /// a report that has changed since is not signed: the partner reads it again.
    /// </summary>
    public async Task<SignOffOutcome> SignAsync(YearlyReport report, int organisationId, string? userId, CancellationToken ct, string? readFingerprint = null)
    {
        if (report.Status != ReportStatus.SignOff)
        {
            return SignOffOutcome.NotInSignOff;
        }

        var seat = (await SeatsOfUserAsync(userId, ct)).Where(s => s.OrganisationId == organisationId).ToList();
        if (seat.Count == 0 || !(await PartnersAsync(report, ct)).Any(p => p.OrganisationId == organisationId))
        {
            return SignOffOutcome.NotThePartner;
        }

        if (ReportGate.Refusal(await gate.CheckAsync(report, ct), "be signed") is not null)
        {
            return SignOffOutcome.ItemsMissing;
        }

        var hash = await renderer.ContentHashAsync(report.Year, ct);
        if (readFingerprint is not null && !string.Equals(readFingerprint, hash, StringComparison.Ordinal))
        {
            return SignOffOutcome.ChangedSinceRead;
        }

        await ResetChangedAsync(report, hash, ct);
        if (await db.ReportSignOffs.AnyAsync(s => s.ReportId == report.Id && s.OrganisationId == organisationId && s.ResetAt == null, ct))
        {
            return SignOffOutcome.AlreadySigned;
        }

        var (_, role, personId, name) = seat[0];
        db.ReportSignOffs.Add(new ReportSignOff
        {
            ReportId = report.Id,
            OrganisationId = organisationId,
            PersonId = personId,
            SignerName = name,
            SignerRole = role,
            SignedAt = clock.GetUtcNow().UtcDateTime,
            ContentHash = hash,
        });
        await db.SaveChangesAsync(ct);
        return SignOffOutcome.Recorded;
    }
}
