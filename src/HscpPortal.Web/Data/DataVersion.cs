using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HscpPortal.Web.Data;

/// <summary>
/// One row whose number goes up with every committed change to the partnership's records, in the same transaction as
/// the change and its audit entries (see <see cref="PortalDbContext.SaveChangesAsync(bool, CancellationToken)"/>).
/// Anything cached from the records (a dashboard tile's figures) is keyed by it, so a change is seen on the very next
/// request, by every instance of the portal that shares the database.
/// </summary>
public class DataVersion
{
    public const int SingletonId = 1;

    public int Id { get; set; }
    public long Version { get; set; }
}

public sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> builder)
    {
        builder.ToTable("DataVersions");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new DataVersion { Id = DataVersion.SingletonId, Version = 0 });
    }
}
