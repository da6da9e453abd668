using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HscpPortal.Web.Data.Configurations;

public sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ConfigureArchivable();
        builder.Property(i => i.Code).HasMaxLength(20).IsRequired();
        builder.Property(i => i.Name).HasMaxLength(200).IsRequired();
        builder.Property(i => i.ViewTags).HasMaxLength(200).IsRequired();
        builder.Property(i => i.Target).HasPrecision(18, 4);
        builder.Property(i => i.Tolerance).HasPrecision(18, 4);
        builder.HasOne(i => i.SourceOrganisation).WithMany().HasForeignKey(i => i.SourceOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Priority).WithMany().HasForeignKey(i => i.PriorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Group).WithMany().HasForeignKey(i => i.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Definitions).WithOne(d => d.Indicator!).HasForeignKey(d => d.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.Code).IsUnique().HasDatabaseName("IX_Indicators_Code");
        builder.HasIndex(i => i.GroupId).HasDatabaseName("IX_Indicators_GroupId");
    }
}

public sealed class IndicatorDefinitionConfiguration : IEntityTypeConfiguration<IndicatorDefinition>
{
    public void Configure(EntityTypeBuilder<IndicatorDefinition> builder)
    {
        builder.ConfigureAudited();
        builder.Property(d => d.Definition).HasMaxLength(2000).IsRequired();
        builder.Property(d => d.NumeratorLabel).HasMaxLength(200);
        builder.Property(d => d.DenominatorLabel).HasMaxLength(200);
        builder.Property(d => d.ChildPopulation).HasPrecision(18, 0);
        builder.HasIndex(d => new { d.IndicatorId, d.Number }).IsUnique().HasDatabaseName("IX_IndicatorDefinitions_Indicator_Number");
    }
}

public sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.ConfigureAudited();
        builder.Property(v => v.Period).HasMaxLength(10).IsRequired();
        builder.Property(v => v.Numerator).HasPrecision(18, 4);
        builder.Property(v => v.Denominator).HasPrecision(18, 4);
        builder.Property(v => v.Value).HasPrecision(18, 4);
        builder.Property(v => v.Note).HasMaxLength(1000);
        builder.HasOne(v => v.Indicator).WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(v => v.Definition).WithMany().HasForeignKey(v => v.DefinitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IndicatorValue>().WithMany().HasForeignKey(v => v.RevisesId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.IndicatorId, v.PeriodStart, v.IsCurrent }).HasDatabaseName("IX_IndicatorValues_Indicator_Period");
        builder.HasIndex(v => new { v.PeriodStart, v.IsCurrent }).HasDatabaseName("IX_IndicatorValues_PeriodStart");
    }
}

public sealed class IndicatorComparatorConfiguration : IEntityTypeConfiguration<IndicatorComparator>
{
    public void Configure(EntityTypeBuilder<IndicatorComparator> builder)
    {
        builder.ConfigureArchivable();
        builder.Property(c => c.Value).HasPrecision(18, 4);
        builder.HasOne(c => c.Indicator).WithMany().HasForeignKey(c => c.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.IndicatorId, c.Year, c.Kind }).HasDatabaseName("IX_IndicatorComparators_Indicator_Year");
    }
}
