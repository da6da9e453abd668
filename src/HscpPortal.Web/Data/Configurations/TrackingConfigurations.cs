using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HscpPortal.Web.Data.Configurations;

public sealed class ActionUpdateConfiguration : IEntityTypeConfiguration<ActionUpdate>
{
    public void Configure(EntityTypeBuilder<ActionUpdate> builder)
    {
        builder.Property(u => u.ByUserId).HasMaxLength(450);
        builder.Property(u => u.ByName).HasMaxLength(256).IsRequired();
        builder.Property(u => u.Note).HasMaxLength(8000).IsRequired();
        builder.HasOne(u => u.ActionItem).WithMany().HasForeignKey(u => u.ActionItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.ActionItemId, u.At }).HasDatabaseName("IX_ActionUpdates_Action_At");
    }
}

public sealed class PriorityConfiguration : IEntityTypeConfiguration<Priority>
{
    public void Configure(EntityTypeBuilder<Priority> builder)
    {
        builder.ConfigureArchivable();
        builder.Property(p => p.Title).HasMaxLength(300).IsRequired();
        builder.Property(p => p.Description).HasMaxLength(8000);
        builder.Property(p => p.FromYear).HasMaxLength(7).IsRequired();
        builder.Property(p => p.ToYear).HasMaxLength(7);
        builder.HasOne(p => p.LeadGroup).WithMany().HasForeignKey(p => p.LeadGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.LeadGroupId).HasDatabaseName("IX_Priorities_LeadGroupId");
    }
}

public sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> builder)
    {
        builder.ConfigureArchivable();
        builder.Property(e => e.Reference).HasMaxLength(40).IsRequired();
        builder.Property(e => e.RaiserRole).HasMaxLength(200).IsRequired();
        builder.Property(e => e.CaseReference).HasMaxLength(60).IsRequired();
        builder.Property(e => e.Summary).HasMaxLength(8000);
        builder.Property(e => e.Outcome).HasMaxLength(8000);
        builder.Property(e => e.ImpactForChild).HasMaxLength(8000);
        builder.Property(e => e.Learning).HasMaxLength(8000);
        builder.Ignore(e => e.IsResolved);
        builder.HasOne(e => e.RaisingOrganisation).WithMany().HasForeignKey(e => e.RaisingOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.ConcernedOrganisation).WithMany().HasForeignKey(e => e.ConcernedOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Stages).WithOne(s => s.Escalation).HasForeignKey(s => s.EscalationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.Reference).IsUnique().HasDatabaseName("UX_Escalations_Reference");
        builder.HasIndex(e => e.RaisedOn).HasDatabaseName("IX_Escalations_RaisedOn");
        builder.HasIndex(e => e.RaisingOrganisationId).HasDatabaseName("IX_Escalations_RaisingOrganisationId");
        builder.HasIndex(e => e.ConcernedOrganisationId).HasDatabaseName("IX_Escalations_ConcernedOrganisationId");
    }
}

public sealed class EscalationStageConfiguration : IEntityTypeConfiguration<EscalationStage>
{
    public void Configure(EntityTypeBuilder<EscalationStage> builder)
    {
        builder.Property(s => s.Note).HasMaxLength(4000);
        builder.Property(s => s.RecordedBy).HasMaxLength(256);
        builder.HasIndex(s => new { s.EscalationId, s.Stage }).IsUnique().HasDatabaseName("UX_EscalationStages_Escalation_Stage");
    }
}

public sealed class BankHolidayConfiguration : IEntityTypeConfiguration<BankHoliday>
{
    public void Configure(EntityTypeBuilder<BankHoliday> builder)
    {
        builder.Property(b => b.Title).HasMaxLength(200).IsRequired();
        builder.Property(b => b.Notes).HasMaxLength(500);
        builder.HasIndex(b => b.Date).IsUnique().HasDatabaseName("UX_BankHolidays_Date");
    }
}

public sealed class ReminderRunConfiguration : IEntityTypeConfiguration<ReminderRun>
{
    public void Configure(EntityTypeBuilder<ReminderRun> builder)
    {
        builder.Property(r => r.ClaimedBy).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.Kind, r.ForDate }).IsUnique().HasDatabaseName("UX_ReminderRuns_Kind_Date");
    }
}

public sealed class ReminderDeliveryConfiguration : IEntityTypeConfiguration<ReminderDelivery>
{
    public void Configure(EntityTypeBuilder<ReminderDelivery> builder)
    {
        builder.Property(d => d.Email).HasMaxLength(256).IsRequired();
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.Kind, d.ForDate, d.PersonId }).IsUnique().HasDatabaseName("UX_ReminderDeliveries_Kind_Date_Person");
    }
}
