using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Meetings;

/// <summary>Applies the group's quorum rule to a meeting's register, using the partners' representation history.</summary>
public sealed class QuorumService(PortalDbContext db)
{
    public async Task<QuorumResult> EvaluateAsync(int groupId, DateOnly date, IEnumerable<Attendance> register, CancellationToken ct)
    {
        var rule = await db.Groups.Where(g => g.Id == groupId).Select(g => new { g.QuorumRule, g.QuorumCount }).FirstAsync(ct);
        var partners = await PartnersOnAsync(db, date, ct);
        var partnerIds = partners.Select(p => p.OrganisationId).ToList();
        var history = await db.PartnerRepresentatives.AsNoTracking()
            .Where(r => partnerIds.Contains(r.OrganisationId) && r.IsLive() && r.IsCurrentOn(date))
            .ToListAsync(ct);
        return Quorum.Evaluate(rule.QuorumRule, rule.QuorumCount, date, Quorum.PresentFrom(register), partners, history);
    }

    /// <summary>Re-evaluates and stores the meeting's quorum after its register changed.</summary>
    public async Task<QuorumResult> RefreshAsync(Meeting meeting, CancellationToken ct)
    {
        var register = meeting.Attendance.Count > 0
            ? meeting.Attendance
            : await db.Attendance.Where(a => a.MeetingId == meeting.Id).ToListAsync(ct);
        var result = await EvaluateAsync(meeting.GroupId, meeting.Date, register, ct);
        meeting.ApplyQuorum(result);
        return result;
    }

    /// <summary>The statutory partners on the date: every partner organisation whose partnership dates cover it.</summary>
    public static Task<List<PartnerOrganisation>> PartnersOnAsync(PortalDbContext db, DateOnly date, CancellationToken ct) =>
        db.Organisations.AsNoTracking()
            .Where(o => o.IsLive() && o.IsPartnerOn(date))
            .OrderBy(o => o.StatutoryPartner).ThenBy(o => o.Name)
            .Select(o => new PartnerOrganisation(o.Id, o.Name, o.StatutoryPartner!.Value))
            .ToListAsync(ct);

    /// <summary>
    /// The organisations that were statutory partners at any time in the period, with their dates, so that a caller
    /// can ask <see cref="Rules.IsPartnerOn"/> of each meeting's date in memory.
    /// </summary>
    public static Task<List<Organisation>> PartnersDuringAsync(PortalDbContext db, DateOnly start, DateOnly end, CancellationToken ct) =>
        db.Organisations.AsNoTracking()
            .Where(o => o.IsLive() && o.IsPartnerDuring(start, end))
            .OrderBy(o => o.StatutoryPartner).ThenBy(o => o.Name)
            .ToListAsync(ct);
}

public static class PartnerOrganisations
{
    public static PartnerOrganisation AsPartner(this Organisation organisation) =>
        new(organisation.Id, organisation.Name, organisation.StatutoryPartner ?? throw new InvalidOperationException($"{organisation.Name} is not a statutory partner."));
}
