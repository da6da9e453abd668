using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Security;

/// <summary>
/// The seats that give a user rights beyond their role, each asked in one place: chairing a group, and being a
/// statutory partner's lead or delegated partner. Both are dated records, read for the day in question.
/// </summary>
public static class Seats
{
    /// <summary>The chair and vice-chair seats the user holds on the date, in any group.</summary>
    public static IQueryable<GroupMembership> ChairSeats(PortalDbContext db, string userId, DateOnly date) =>
        db.GroupMemberships.Where(m => m.IsLive()
            && (m.Role == MembershipRole.Chair || m.Role == MembershipRole.ViceChair)
            && m.IsCurrentOn(date)
            && m.Person!.UserId == userId);

    /// <summary>The chair and vice-chair seats of one group on the date, whoever holds them: those who sign off its actions.</summary>
    public static IQueryable<GroupMembership> ChairSeatsOf(PortalDbContext db, int groupId, DateOnly date) =>
        db.GroupMemberships.Where(m => m.GroupId == groupId && m.IsLive()
            && (m.Role == MembershipRole.Chair || m.Role == MembershipRole.ViceChair)
            && m.IsCurrentOn(date));

    /// <summary>Whether the user chairs or vice-chairs any live, active group on the date.</summary>
    public static Task<bool> ChairsAnyGroupAsync(PortalDbContext db, string userId, DateOnly date) =>
        ChairSeats(db, userId, date).AnyAsync(m => m.Group!.IsLive() && m.Group.Status == GroupStatus.Active);

    /// <summary>
    /// The lead and delegated partner appointments the user holds on the date, for organisations that are statutory
    /// partners on that date: who may sign for a partner and whose dashboard is theirs.
    /// </summary>
    public static IQueryable<PartnerRepresentative> PartnerSeats(PortalDbContext db, string userId, DateOnly date) =>
        db.PartnerRepresentatives.Where(r => r.IsLive() && r.Person!.UserId == userId && r.Person.IsLive()
            && (r.Role == RepresentationRole.LeadPartner || r.Role == RepresentationRole.DelegatedPartner)
            && r.IsCurrentOn(date)
            && r.Organisation!.IsLive() && r.Organisation.IsPartnerOn(date));
}
