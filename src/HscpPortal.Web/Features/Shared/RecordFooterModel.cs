using HscpPortal.Web.Domain;

namespace HscpPortal.Web.Features.Shared;

public sealed record RecordFooterModel(string EntityType, int Id, DateTime CreatedAt, string? CreatedBy, DateTime? UpdatedAt, string? UpdatedBy)
{
    public static RecordFooterModel For(AuditedEntity entity) =>
        new(entity.GetType().Name, entity.Id, entity.CreatedAt, entity.CreatedBy, entity.UpdatedAt, entity.UpdatedBy);
}
