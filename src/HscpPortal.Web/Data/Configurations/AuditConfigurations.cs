using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HscpPortal.Web.Data.Configurations;

public sealed class AuditConfiguration : IEntityTypeConfiguration<Audit>
{
    public void Configure(EntityTypeBuilder<Audit> builder)
    {
        builder.ConfigureArchivable();
        builder.Property(a => a.Title).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Theme).HasMaxLength(200).IsRequired();
        builder.Property(a => a.ReasonNote).HasMaxLength(1000);
        builder.Property(a => a.SampleDescription).HasMaxLength(1000);
        builder.Property(a => a.LearningShared).HasMaxLength(1000);
        builder.HasOne(a => a.Group).WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.ReAuditOf).WithMany().HasForeignKey(a => a.ReAuditOfId).OnDelete(DeleteBehavior.Restrict);
        // The agencies taking part belong to the audit: one unticked on the form is removed with its row (and the trail says so).
        builder.HasMany(a => a.Agencies).WithOne(x => x.Audit).HasForeignKey(x => x.AuditId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Findings).WithOne(f => f.Audit).HasForeignKey(f => f.AuditId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ProgrammeYear, a.Status }).HasDatabaseName("IX_Audits_ProgrammeYear_Status");
        builder.HasIndex(a => a.ReportedOn).HasDatabaseName("IX_Audits_ReportedOn");
        builder.HasIndex(a => a.GroupId).HasDatabaseName("IX_Audits_GroupId");
        builder.HasIndex(a => a.ReAuditOfId).HasDatabaseName("IX_Audits_ReAuditOfId");
    }
}

public sealed class AuditAgencyConfiguration : IEntityTypeConfiguration<AuditAgency>
{
    public void Configure(EntityTypeBuilder<AuditAgency> builder)
    {
        builder.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.AuditId, x.OrganisationId }).IsUnique().HasDatabaseName("UX_AuditAgencies_Audit_Organisation");
        builder.HasIndex(x => x.OrganisationId).HasDatabaseName("IX_AuditAgencies_OrganisationId");
    }
}

public sealed class AuditFindingConfiguration : IEntityTypeConfiguration<AuditFinding>
{
    public void Configure(EntityTypeBuilder<AuditFinding> builder)
    {
        builder.ConfigureArchivable();
        builder.Property(f => f.Text).HasMaxLength(1000).IsRequired();
        builder.HasOne(f => f.RevisitsFinding).WithMany().HasForeignKey(f => f.RevisitsFindingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => f.AuditId).HasDatabaseName("IX_AuditFindings_AuditId");
        builder.HasIndex(f => f.RevisitsFindingId).HasDatabaseName("IX_AuditFindings_RevisitsFindingId");
    }
}
