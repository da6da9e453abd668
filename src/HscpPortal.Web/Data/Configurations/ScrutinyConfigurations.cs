using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HscpPortal.Web.Data.Configurations;

public sealed class ScrutinyActivityConfiguration : IEntityTypeConfiguration<ScrutinyActivity>
{
    public void Configure(EntityTypeBuilder<ScrutinyActivity> builder)
    {
        builder.ConfigureArchivable();
        builder.Property(a => a.Subject).HasMaxLength(300).IsRequired();
        builder.Property(a => a.Findings).HasMaxLength(4000);
        builder.HasOne(a => a.Organisation).WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.HeldOn).HasDatabaseName("IX_ScrutinyActivities_HeldOn");
        builder.HasIndex(a => a.OrganisationId).HasDatabaseName("IX_ScrutinyActivities_OrganisationId");
    }
}

public sealed class ScrutinyChallengeConfiguration : IEntityTypeConfiguration<ScrutinyChallenge>
{
    public void Configure(EntityTypeBuilder<ScrutinyChallenge> builder)
    {
        builder.ConfigureArchivable();
        builder.Property(c => c.Title).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Detail).HasMaxLength(4000).IsRequired();
        builder.Property(c => c.Response).HasMaxLength(4000);
        builder.Property(c => c.RespondedBy).HasMaxLength(200);
        builder.Property(c => c.VerdictNote).HasMaxLength(2000);
        builder.HasOne(c => c.Organisation).WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.OrganisationId, c.Verdict }).HasDatabaseName("IX_ScrutinyChallenges_Organisation_Verdict");
        builder.HasIndex(c => c.RaisedOn).HasDatabaseName("IX_ScrutinyChallenges_RaisedOn");
    }
}
