using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HscpPortal.Web.Data.Configurations;

public sealed class YearlyReportConfiguration : IEntityTypeConfiguration<YearlyReport>
{
    public void Configure(EntityTypeBuilder<YearlyReport> builder)
    {
        builder.ConfigureAudited();
        builder.Ignore(r => r.Year);
        builder.Property(r => r.PublishedBy).HasMaxLength(256);
        builder.HasIndex(r => r.StartYear).IsUnique().HasDatabaseName("UX_YearlyReports_StartYear");
        builder.HasMany(r => r.Narratives).WithOne().HasForeignKey(n => n.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Comments).WithOne().HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.SignOffs).WithOne().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Publications).WithOne().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Recipients).WithOne().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ReportNarrativeConfiguration : IEntityTypeConfiguration<ReportNarrative>
{
    public void Configure(EntityTypeBuilder<ReportNarrative> builder)
    {
        builder.Property(n => n.SectionKey).HasMaxLength(80).IsRequired();
        builder.Property(n => n.Text).HasMaxLength(40000).IsRequired();
        builder.Property(n => n.By).HasMaxLength(256);
        builder.HasIndex(n => new { n.ReportId, n.SectionKey, n.Version }).IsUnique().HasDatabaseName("UX_ReportNarratives_Report_Section_Version");
    }
}

public sealed class ReportReviewCommentConfiguration : IEntityTypeConfiguration<ReportReviewComment>
{
    public void Configure(EntityTypeBuilder<ReportReviewComment> builder)
    {
        builder.ConfigureAudited();
        builder.Property(c => c.SectionKey).HasMaxLength(80).IsRequired();
        builder.Property(c => c.Text).HasMaxLength(8000).IsRequired();
        builder.Property(c => c.Response).HasMaxLength(8000);
        builder.Property(c => c.ResolvedBy).HasMaxLength(256);
        builder.HasIndex(c => new { c.ReportId, c.SectionKey }).HasDatabaseName("IX_ReportReviewComments_Report_Section");
    }
}

public sealed class ReportSignOffConfiguration : IEntityTypeConfiguration<ReportSignOff>
{
    public void Configure(EntityTypeBuilder<ReportSignOff> builder)
    {
        builder.ConfigureAudited();
        builder.Ignore(s => s.IsCurrent);
        builder.Property(s => s.SignerName).HasMaxLength(200).IsRequired();
        builder.Property(s => s.ContentHash).HasMaxLength(64).IsRequired();
        builder.Property(s => s.ResetReason).HasMaxLength(500);
        builder.HasOne(s => s.Organisation).WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Person).WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ReportId, s.OrganisationId }).HasDatabaseName("IX_ReportSignOffs_Report_Organisation");
    }
}

public sealed class ReportPublicationConfiguration : IEntityTypeConfiguration<ReportPublication>
{
    public void Configure(EntityTypeBuilder<ReportPublication> builder)
    {
        builder.Property(p => p.PublishedBy).HasMaxLength(256);
        builder.Property(p => p.Html).IsRequired();
        builder.Property(p => p.Pdf).IsRequired();
        builder.Property(p => p.HtmlSha256).HasMaxLength(64).IsRequired();
        builder.Property(p => p.PdfSha256).HasMaxLength(64).IsRequired();
        builder.HasIndex(p => new { p.ReportId, p.Edition }).IsUnique().HasDatabaseName("UX_ReportPublications_Report_Edition");
    }
}

public sealed class ReportRecipientConfiguration : IEntityTypeConfiguration<ReportRecipient>
{
    public void Configure(EntityTypeBuilder<ReportRecipient> builder)
    {
        builder.ConfigureArchivable();
        builder.Property(r => r.Name).HasMaxLength(200).IsRequired();
        builder.Property(r => r.SentBy).HasMaxLength(256);
        builder.Property(r => r.Notes).HasMaxLength(2000);
        builder.HasIndex(r => r.ReportId).HasDatabaseName("IX_ReportRecipients_ReportId");
    }
}

public sealed class ReportOmissionConfiguration : IEntityTypeConfiguration<ReportOmission>
{
    public void Configure(EntityTypeBuilder<ReportOmission> builder)
    {
        builder.ConfigureArchivable();
        builder.Property(o => o.ItemKey).HasMaxLength(40).IsRequired();
        builder.Property(o => o.Reason).HasMaxLength(2000).IsRequired();
        builder.HasOne<YearlyReport>().WithMany(r => r.Omissions).HasForeignKey(o => o.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.ReportId, o.ItemKey }).HasDatabaseName("IX_ReportOmissions_Report_Item");
    }
}
