using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HscpPortal.Web.Data.Configurations;

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ConfigureArchivable();
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.Location).HasMaxLength(300);
        builder.Property(m => m.OnlineLink).HasMaxLength(500);
        builder.Property(m => m.CancellationReason).HasMaxLength(1000);
        builder.Property(m => m.QuorumStatement).HasMaxLength(500);
        builder.Ignore(m => m.DisplayTitle);
        builder.HasOne(m => m.Group).WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.MinutesApprovedAt).WithMany().HasForeignKey(m => m.MinutesApprovedAtMeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.AgendaItems).WithOne(a => a.Meeting).HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Attendance).WithOne(a => a.Meeting).HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.GroupId, m.Date }).HasDatabaseName("IX_Meetings_Group_Date");
        builder.HasIndex(m => m.Date).HasDatabaseName("IX_Meetings_Date");
    }
}

public sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.ConfigureArchivable();
        builder.Property(a => a.Title).HasMaxLength(300).IsRequired();
        builder.Property(a => a.Presenter).HasMaxLength(200);
        builder.Property(a => a.Minutes).HasMaxLength(20000);
        builder.HasMany(a => a.Papers).WithOne(p => p.AgendaItem).HasForeignKey(p => p.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.MeetingId, a.Order }).HasDatabaseName("IX_AgendaItems_Meeting_Order");
    }
}

public sealed class PaperConfiguration : IEntityTypeConfiguration<Paper>
{
    public void Configure(EntityTypeBuilder<Paper> builder)
    {
        builder.ConfigureArchivable();
        builder.Property(p => p.Title).HasMaxLength(300).IsRequired();
        builder.Property(p => p.Url).HasMaxLength(1000);
        builder.Property(p => p.FileName).HasMaxLength(255);
        builder.Property(p => p.ContentType).HasMaxLength(150);
        builder.Property(p => p.StoredName).HasMaxLength(100);
        builder.Property(p => p.Sha256).HasMaxLength(64);
        builder.Property(p => p.PurgeReason).HasMaxLength(500);
        builder.Ignore(p => p.IsFile);
        builder.HasIndex(p => p.AgendaItemId).HasDatabaseName("IX_Papers_AgendaItemId");
    }
}

public sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> builder)
    {
        builder.ConfigureAudited();
        builder.Property(a => a.ApologyReason).HasMaxLength(500);
        builder.Ignore(a => a.AttendedBy);
        builder.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Deputy).WithMany().HasForeignKey(a => a.DeputyPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Organisation).WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        // One line per person per meeting: a duplicate is refused by the database as well as the form.
        builder.HasIndex(a => new { a.MeetingId, a.PersonId }).IsUnique().HasDatabaseName("UX_Attendance_Meeting_Person");
        builder.HasIndex(a => a.PersonId).HasDatabaseName("IX_Attendance_PersonId");
        builder.HasIndex(a => a.DeputyPersonId).HasDatabaseName("IX_Attendance_DeputyPersonId");
        builder.HasIndex(a => a.OrganisationId).HasDatabaseName("IX_Attendance_OrganisationId");
    }
}

public sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.ConfigureArchivable();
        builder.Property(d => d.Title).HasMaxLength(500).IsRequired();
        builder.Property(d => d.Detail).HasMaxLength(8000);
        builder.HasOne(d => d.Meeting).WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.AgendaItem).WithMany().HasForeignKey(d => d.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.RatifiedAt).WithMany().HasForeignKey(d => d.RatifiedAtMeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.MeetingId).HasDatabaseName("IX_Decisions_MeetingId");
        builder.HasIndex(d => d.AgendaItemId).HasDatabaseName("IX_Decisions_AgendaItemId");
        builder.HasIndex(d => d.RatifiedAtMeetingId).HasDatabaseName("IX_Decisions_RatifiedAtMeetingId");
    }
}

public sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.ToTable("Actions");
        builder.ConfigureArchivable();
        builder.Property(a => a.Title).HasMaxLength(500).IsRequired();
        builder.Property(a => a.Description).HasMaxLength(8000);
        builder.Ignore(a => a.IsOpen);
        builder.HasOne(a => a.Group).WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.OwnerPerson).WithMany().HasForeignKey(a => a.OwnerPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.OwnerOrganisation).WithMany().HasForeignKey(a => a.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Meeting).WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.AgendaItem).WithMany().HasForeignKey(a => a.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Escalation).WithMany().HasForeignKey(a => a.EscalationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Priority).WithMany().HasForeignKey(a => a.PriorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.AuditFinding).WithMany().HasForeignKey(a => a.AuditFindingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.AuditFindingId).HasDatabaseName("IX_Actions_AuditFindingId");
        builder.HasOne(a => a.ScrutinyRecommendation).WithMany().HasForeignKey(a => a.ScrutinyRecommendationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.ScrutinyRecommendationId).HasDatabaseName("IX_Actions_ScrutinyRecommendationId");
        builder.Property(a => a.SourceReference).HasMaxLength(300);
        builder.Property(a => a.ClosureReason).HasMaxLength(2000);
        builder.Property(a => a.CompletionEvidence).HasMaxLength(8000);
        builder.Property(a => a.CompletionRequestedBy).HasMaxLength(256);
        builder.Property(a => a.SignedOffBy).HasMaxLength(256);
        builder.HasIndex(a => a.EscalationId).HasDatabaseName("IX_Actions_EscalationId");
        builder.HasIndex(a => a.PriorityId).HasDatabaseName("IX_Actions_PriorityId");
        builder.HasIndex(a => new { a.GroupId, a.Status }).HasDatabaseName("IX_Actions_Group_Status");
        builder.HasIndex(a => a.DueDate).HasDatabaseName("IX_Actions_DueDate");
        builder.HasIndex(a => a.OwnerPersonId).HasDatabaseName("IX_Actions_OwnerPersonId");
        builder.HasIndex(a => a.OwnerOrganisationId).HasDatabaseName("IX_Actions_OwnerOrganisationId");
        builder.HasIndex(a => a.MeetingId).HasDatabaseName("IX_Actions_MeetingId");
        builder.HasIndex(a => a.AgendaItemId).HasDatabaseName("IX_Actions_AgendaItemId");
    }
}

public sealed class MinutesRevisionConfiguration : IEntityTypeConfiguration<MinutesRevision>
{
    public void Configure(EntityTypeBuilder<MinutesRevision> builder)
    {
        builder.Property(r => r.By).HasMaxLength(256);
        builder.Property(r => r.Reason).HasMaxLength(1000).IsRequired();
        builder.HasOne<Meeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.MeetingId, r.Version }).IsUnique().HasDatabaseName("UX_MinutesRevisions_Meeting_Version");
    }
}
