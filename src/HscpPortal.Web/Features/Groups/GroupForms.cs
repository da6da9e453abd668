using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Groups;

public sealed class GroupListQuery
{
    public string? Q { get; set; }
    public GroupKind? Kind { get; set; }
    public string Status { get; set; } = "active";
    public int Page { get; set; } = 1;
}

public sealed record GroupRow(int Id, string Name, string? ShortName, GroupKind Kind, GroupStatus Status, string? ReportsTo, string? Chair, MeetingFrequency Frequency, int Members, bool Archived);

public sealed class GroupList
{
    public required GroupListQuery Query { get; init; }
    public required Page<GroupRow> Results { get; init; }
}

public sealed record MemberRow(int Id, int PersonId, string PersonName, string? JobTitle, int OrganisationId, string Organisation, MembershipRole Role, DateOnly From, DateOnly? To, Guid Version);

public sealed record GroupLink(int Id, string Name, GroupStatus Status);

public sealed class GroupDetails
{
    /// <summary>For a multi-agency child protection team: its four core disciplines today and who covers each.</summary>
    public IReadOnlyList<CoreSeat>? CoreSeats { get; init; }

    public required Group Group { get; init; }
    public required IReadOnlyList<MemberRow> Current { get; init; }
    public required IReadOnlyList<MemberRow> Past { get; init; }
    public required IReadOnlyList<GroupLink> ReportingToThis { get; init; }
    public required IReadOnlyList<GroupLink> WorkPassedTo { get; init; }
    public required IReadOnlyList<GroupLink> TookWorkFrom { get; init; }
    public bool CanEdit { get; init; }
    public bool CanManage { get; init; }
}

public sealed class GroupForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public string? Name { get; set; }
    public string? ShortName { get; set; }
    public GroupKind? Kind { get; set; }
    public string? Remit { get; set; }
    public int? ReportsToId { get; set; }
    public MeetingFrequency? Frequency { get; set; }
    [Display(Name = "Date established")]
    public DateOnly? EstablishedOn { get; set; }
    public QuorumRule? QuorumRule { get; set; }
    public int? QuorumCount { get; set; }
    public int SortOrder { get; set; }

    public IReadOnlyList<SelectListItem> Groups { get; set; } = [];

    public static GroupForm From(Group g) => new()
    {
        Id = g.Id, Version = g.Version, Name = g.Name, ShortName = g.ShortName, Kind = g.Kind, Remit = g.Remit,
        ReportsToId = g.ReportsToId, Frequency = g.Frequency, EstablishedOn = g.EstablishedOn, SortOrder = g.SortOrder,
        QuorumRule = g.QuorumRule, QuorumCount = g.QuorumCount,
    };

    public void ApplyTo(Group g)
    {
        g.Name = Name!.Trim();
        g.ShortName = ShortName.NullIfBlank();
        g.Kind = Kind!.Value;
        g.Remit = Remit.NullIfBlank();
        g.ReportsToId = ReportsToId;
        g.Frequency = Frequency!.Value;
        g.EstablishedOn = EstablishedOn;
        g.SortOrder = SortOrder;
        // A form without the field (an older page, a script) keeps the group's rule rather than resetting it.
        g.QuorumRule = QuorumRule ?? g.QuorumRule;
        g.QuorumCount = g.QuorumRule is Domain.QuorumRule.StatutoryPartnersPlusAgencies or Domain.QuorumRule.MinimumPresent ? QuorumCount ?? 0 : 0;
    }
}

public sealed class GroupFormValidator : AbstractValidator<GroupForm>
{
    public GroupFormValidator(PortalDbContext db)
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("Enter the group's name").MaximumLength(200).WithMessage("Name must be 200 characters or fewer");
        RuleFor(f => f.ShortName).MaximumLength(40).WithMessage("Short name must be 40 characters or fewer");
        RuleFor(f => f.Kind).NotNull().WithMessage("Select the kind of group").IsInEnum().WithMessage("Select the kind of group");
        RuleFor(f => f.Frequency).NotNull().WithMessage("Select how often the group meets").IsInEnum().WithMessage("Select how often the group meets");
        RuleFor(f => f.Remit).MaximumLength(8000).WithMessage("Remit must be 8,000 characters or fewer");
        RuleFor(f => f.SortOrder).InclusiveBetween(0, 1000).WithMessage("Order must be a number from 0 to 1000");
        RuleFor(f => f.QuorumRule).IsInEnum().WithMessage("Select the group's quorum rule");
        RuleFor(f => f.QuorumCount).NotNull().WithMessage("Enter how many are needed for a quorum")
            .InclusiveBetween(1, 100).WithMessage("Enter a number from 1 to 100")
            .When(f => f.QuorumRule is Domain.QuorumRule.StatutoryPartnersPlusAgencies or Domain.QuorumRule.MinimumPresent);
        RuleFor(f => f.ReportsToId)
            .NotNull().When(f => f.Kind is not null and not GroupKind.Board).WithMessage("Select the group this one reports to");
        RuleFor(f => f.ReportsToId)
            .MustAsync(async (form, id, ct) => id is null || await NoCycleAsync(db, form.Id, id.Value, ct))
            .WithMessage("A group cannot report to itself or to a group that reports to it");
    }

    private static async Task<bool> NoCycleAsync(PortalDbContext db, int groupId, int reportsToId, CancellationToken ct)
    {
        if (groupId == 0)
        {
            return await db.Groups.AnyAsync(g => g.Id == reportsToId, ct);
        }

        var parents = await db.Groups.AsNoTracking().Select(g => new { g.Id, g.ReportsToId }).ToDictionaryAsync(g => g.Id, g => g.ReportsToId, ct);
        var current = (int?)reportsToId;
        var seen = new HashSet<int>();
        while (current is { } id)
        {
            if (id == groupId || !seen.Add(id) || !parents.TryGetValue(id, out var parent))
            {
                return false;
            }

            current = parent;
        }

        return true;
    }
}

public sealed class DissolveForm
{
    public Guid Version { get; set; }
    [Display(Name = "Date dissolved")]
    public DateOnly? DissolvedOn { get; set; }
    public string? Note { get; set; }
    public List<int> WorkPassedTo { get; set; } = [];

    public string GroupName { get; set; } = "";
    public IReadOnlyList<SelectListItem> Groups { get; set; } = [];
}

public sealed class DissolveFormValidator : AbstractValidator<DissolveForm>
{
    public DissolveFormValidator()
    {
        RuleFor(f => f.DissolvedOn).NotNull().WithMessage("Enter the date the group was dissolved");
        RuleFor(f => f.Note).MaximumLength(2000).WithMessage("The note must be 2,000 characters or fewer");
        RuleFor(f => f.WorkPassedTo).NotEmpty().WithMessage("Select at least one group that takes on this group's work");
    }
}

public sealed class MembershipForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public int GroupId { get; set; }
    public int? PersonId { get; set; }
    public int? OrganisationId { get; set; }
    public MembershipRole? Role { get; set; }
    [Display(Name = "From date")]
    public DateOnly? From { get; set; }
    [Display(Name = "To date")]
    public DateOnly? To { get; set; }
    public int? NominatedByPersonId { get; set; }

    public string GroupName { get; set; } = "";
    public GroupKind GroupKind { get; set; }
    public IReadOnlyList<SelectListItem> People { get; set; } = [];
    public IReadOnlyList<SelectListItem> Organisations { get; set; } = [];
}

public sealed class MembershipFormValidator : AbstractValidator<MembershipForm>
{
    public MembershipFormValidator(PortalDbContext db)
    {
        RuleFor(f => f.PersonId).NotNull().WithMessage("Select the person")
            .MustAsync(async (id, ct) => id is null || await db.People.AnyAsync(p => p.Id == id, ct)).WithMessage("Select the person");
        RuleFor(f => f.OrganisationId).NotNull().WithMessage("Select the organisation they represent")
            .MustAsync(async (id, ct) => id is null || await db.Organisations.AnyAsync(o => o.Id == id, ct)).WithMessage("Select the organisation they represent");
        RuleFor(f => f.Role).NotNull().WithMessage("Select their role").IsInEnum().WithMessage("Select their role");
        RuleFor(f => f.NominatedByPersonId)
            .MustAsync(async (id, ct) => id is null || await db.People.AnyAsync(p => p.Id == id, ct)).WithMessage("Select who nominated them from the list, or nobody")
            .NotEqual(f => f.PersonId).When(f => f.NominatedByPersonId is not null).WithMessage("Select someone other than the member as who nominated them");
        RuleFor(f => f.From).NotNull().WithMessage("Enter the date they joined");
        RuleFor(f => f.To).GreaterThanOrEqualTo(f => f.From).When(f => f.From is not null && f.To is not null)
            .WithMessage("The end date must be the same as or after the start date");
        // One chair and one vice-chair at a time.
        RuleFor(f => f.Role)
            .MustAsync(async (form, role, ct) =>
            {
                if (role is not (MembershipRole.Chair or MembershipRole.ViceChair) || form.From is null)
                {
                    return true;
                }

                var others = await db.GroupMemberships.AsNoTracking()
                    .Where(m => m.GroupId == form.GroupId && m.Role == role && m.Id != form.Id && m.IsLive())
                    .Select(m => new { m.From, m.To }).ToListAsync(ct);
                return !others.Any(o => Period.Overlaps(o.From, o.To, form.From.Value, form.To));
            })
            .WithMessage(f => $"The group already has a {Format.Humanise(f.Role!.Value).ToLowerInvariant()} during these dates. End their term first.");
        RuleFor(f => f.PersonId)
            .MustAsync(async (form, personId, ct) => personId is null || form.From is null
                || !(await db.GroupMemberships.AsNoTracking()
                    .Where(m => m.GroupId == form.GroupId && m.PersonId == personId && m.Role == form.Role && m.Id != form.Id && m.IsLive())
                    .Select(m => new { m.From, m.To }).ToListAsync(ct))
                    .Any(o => Period.Overlaps(o.From, o.To, form.From.Value, form.To)))
            .WithMessage("This person already holds this role on the group during these dates");
        // A seat cannot outlive its group: DissolvedOn is the first day the group no longer exists.
        RuleFor(f => f.To)
            .CustomAsync(async (to, context, ct) =>
            {
                var dissolvedOn = await db.Groups.Where(g => g.Id == context.InstanceToValidate.GroupId).Select(g => g.DissolvedOn).FirstOrDefaultAsync(ct);
                if (dissolvedOn is { } end && context.InstanceToValidate.From is not null && (to is null || to >= end))
                {
                    context.AddFailure($"The group was dissolved on {Format.Date(end)}. Enter an end date before then.");
                }
            });
    }
}

public sealed record MembersTable(int GroupId, IReadOnlyList<MemberRow> Rows, bool CanEdit, string Caption);
