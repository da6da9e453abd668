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
        builder.HasOne(a => a.PlanItem).WithMany().HasForeignKey(a => a.PlanItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.PlanItemId).HasDatabaseName("IX_ScrutinyActivities_PlanItemId");
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

public sealed class ScrutinyPlanConfiguration : IEntityTypeConfiguration<ScrutinyPlan>
{
    public void Configure(EntityTypeBuilder<ScrutinyPlan> builder)
    {
        builder.ConfigureArchivable();
        builder.Property(p => p.Summary).HasMaxLength(4000).IsRequired();
        builder.HasMany(p => p.Items).WithOne(i => i.Plan).HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Approvals).WithOne().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.StartYear).HasDatabaseName("IX_ScrutinyPlans_StartYear");
    }
}

public sealed class ScrutinyPlanItemConfiguration : IEntityTypeConfiguration<ScrutinyPlanItem>
{
    public void Configure(EntityTypeBuilder<ScrutinyPlanItem> builder)
    {
        builder.ConfigureArchivable();
        builder.Property(i => i.Subject).HasMaxLength(300).IsRequired();
        builder.Property(i => i.Reason).HasMaxLength(2000).IsRequired();
        builder.HasOne(i => i.Organisation).WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.PlanId).HasDatabaseName("IX_ScrutinyPlanItems_PlanId");
        builder.HasIndex(i => i.OrganisationId).HasDatabaseName("IX_ScrutinyPlanItems_OrganisationId");
    }
}

public sealed class ScrutinyPlanApprovalConfiguration : IEntityTypeConfiguration<ScrutinyPlanApproval>
{
    public void Configure(EntityTypeBuilder<ScrutinyPlanApproval> builder)
    {
        builder.ConfigureAudited();
        builder.Property(a => a.ApproverName).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Fingerprint).HasMaxLength(64).IsRequired();
        builder.Property(a => a.WithdrawnReason).HasMaxLength(200);
        builder.HasOne(a => a.Organisation).WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.PlanId, a.OrganisationId }).HasDatabaseName("IX_ScrutinyPlanApprovals_Plan_Organisation");
        builder.HasIndex(a => a.OrganisationId).HasDatabaseName("IX_ScrutinyPlanApprovals_OrganisationId");
        builder.HasIndex(a => a.PersonId).HasDatabaseName("IX_ScrutinyPlanApprovals_PersonId");
    }
}

public sealed class ScrutinyRecommendationConfiguration : IEntityTypeConfiguration<ScrutinyRecommendation>
{
    public void Configure(EntityTypeBuilder<ScrutinyRecommendation> builder)
    {
        builder.ConfigureArchivable();
        builder.Property(r => r.Title).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Detail).HasMaxLength(4000).IsRequired();
        builder.Property(r => r.ResponseText).HasMaxLength(4000);
        builder.Property(r => r.RespondedBy).HasMaxLength(200);
        builder.HasOne(r => r.Activity).WithMany().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Organisation).WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.MadeOn).HasDatabaseName("IX_ScrutinyRecommendations_MadeOn");
        builder.HasIndex(r => new { r.OrganisationId, r.Response }).HasDatabaseName("IX_ScrutinyRecommendations_Organisation_Response");
        builder.HasIndex(r => r.ActivityId).HasDatabaseName("IX_ScrutinyRecommendations_ActivityId");
    }
}
