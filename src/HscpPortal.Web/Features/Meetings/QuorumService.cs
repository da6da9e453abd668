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
        var partners = await PartnersAsync(db, ct);
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
        meeting.IsQuorate = result.IsQuorate;
        meeting.QuorumStatement = result.Statement;
        return result;
    }

    public static Task<List<PartnerOrganisation>> PartnersAsync(PortalDbContext db, CancellationToken ct) =>
        db.Organisations.AsNoTracking()
            .Where(o => o.StatutoryPartner != null && o.IsLive())
            .Select(o => new PartnerOrganisation(o.Id, o.StatutoryPartner!.Value))
            .ToListAsync(ct);
}
