using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Priorities;

public sealed class PriorityForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? FromYear { get; set; }
    public string? ToYear { get; set; }
    public int? LeadGroupId { get; set; }
    public int? Order { get; set; }

    public IReadOnlyList<SelectListItem> Groups { get; set; } = [];

    public static PriorityForm From(Priority p) => new()
    {
        Id = p.Id,
        Version = p.Version,
        Title = p.Title,
        Description = p.Description,
        FromYear = p.FromYear,
        ToYear = p.ToYear,
        LeadGroupId = p.LeadGroupId,
        Order = p.Order,
    };

    public void ApplyTo(Priority p)
    {
        p.Title = Title!.Trim();
        p.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        // The validator has already refused a year that does not parse.
        p.FromYear = ReportingYear.TryParse(FromYear, out var from) ? from.ToString() : FromYear!.Trim();
        p.ToYear = ReportingYear.TryParse(ToYear, out var to) ? to.ToString() : null;
        p.LeadGroupId = LeadGroupId;
        p.Order = Order ?? 0;
    }
}

public sealed class PriorityFormValidator : AbstractValidator<PriorityForm>
{
    public PriorityFormValidator(PortalDbContext db)
    {
        RuleFor(f => f.Title).NotEmpty().WithMessage("Enter the priority")
            .MaximumLength(300).WithMessage("The priority must be 300 characters or fewer");
        RuleFor(f => f.Description).MaximumLength(8000).WithMessage("The description must be 8,000 characters or fewer");
        RuleFor(f => f.FromYear).NotEmpty().WithMessage("Enter the first reporting year, for example 2024-25")
            .Must(y => ReportingYear.TryParse(y, out _)).When(f => !string.IsNullOrWhiteSpace(f.FromYear))
            .WithMessage("Enter the first reporting year like 2024-25");
        RuleFor(f => f.ToYear)
            .Must(y => ReportingYear.TryParse(y, out _)).When(f => !string.IsNullOrWhiteSpace(f.ToYear))
            .WithMessage("Enter the last reporting year like 2025-26, or leave it blank");
        RuleFor(f => f.ToYear)
            .Must((f, to) => !ReportingYear.TryParse(f.FromYear, out var from) || !ReportingYear.TryParse(to, out var last) || last.StartYear >= from.StartYear)
            .When(f => !string.IsNullOrWhiteSpace(f.ToYear))
            .WithMessage("The last reporting year must be the same as or after the first");
        RuleFor(f => f.LeadGroupId)
            .MustAsync(async (id, ct) => id is null || await db.Groups.AnyAsync(g => g.Id == id, ct))
            .WithMessage("Select the group that leads the priority");
        RuleFor(f => f.Order).InclusiveBetween(0, 999).When(f => f.Order is not null)
            .WithMessage("The order must be a whole number from 0 to 999");
    }
}

public sealed record PriorityRow(
    int Id, string Title, string FromYear, string? ToYear, int? LeadGroupId, string? LeadGroup, bool Archived, int Open, int Overdue, int Completed);
