using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HscpPortal.Web.Data.Configurations;

public sealed class SelfAssessmentRoundConfiguration : IEntityTypeConfiguration<SelfAssessmentRound>
{
    public void Configure(EntityTypeBuilder<SelfAssessmentRound> builder)
    {
        builder.ConfigureArchivable();
        builder.Property(r => r.Title).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Description).HasMaxLength(4000);
        builder.Property(r => r.Standards).HasMaxLength(8000).IsRequired();
        builder.Property(r => r.RatingScale).HasMaxLength(1000).IsRequired();
        builder.HasOne(r => r.Group).WithMany().HasForeignKey(r => r.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Returns).WithOne(x => x.Round).HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.Kind, r.CycleYear }).HasDatabaseName("IX_SelfAssessmentRounds_Kind_CycleYear");
        builder.HasIndex(r => r.GroupId).HasDatabaseName("IX_SelfAssessmentRounds_GroupId");
    }
}

public sealed class SelfAssessmentReturnConfiguration : IEntityTypeConfiguration<SelfAssessmentReturn>
{
    public void Configure(EntityTypeBuilder<SelfAssessmentReturn> builder)
    {
        builder.ConfigureArchivable();
        builder.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.LeadPerson).WithMany().HasForeignKey(x => x.LeadPersonId).OnDelete(DeleteBehavior.Restrict);
        // Answers are the return's own rows; returns are archived, never deleted, so the cascade only tidies a test database.
        builder.HasMany(x => x.Answers).WithOne(a => a.Return).HasForeignKey(a => a.ReturnId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.RoundId, x.OrganisationId }).IsUnique().HasDatabaseName("UX_SelfAssessmentReturns_Round_Organisation");
        builder.HasIndex(x => x.OrganisationId).HasDatabaseName("IX_SelfAssessmentReturns_OrganisationId");
        builder.HasIndex(x => x.LeadPersonId).HasDatabaseName("IX_SelfAssessmentReturns_LeadPersonId");
    }
}

public sealed class SelfAssessmentAnswerConfiguration : IEntityTypeConfiguration<SelfAssessmentAnswer>
{
    public void Configure(EntityTypeBuilder<SelfAssessmentAnswer> builder)
    {
        builder.Property(a => a.Comments).HasMaxLength(4000);
        builder.Property(a => a.Evidence).HasMaxLength(2000);
        builder.HasOne(a => a.Action).WithMany().HasForeignKey(a => a.ActionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ReturnId, a.StandardNumber }).IsUnique().HasDatabaseName("UX_SelfAssessmentAnswers_Return_Standard");
        builder.HasIndex(a => a.ActionId).HasDatabaseName("IX_SelfAssessmentAnswers_ActionId");
    }
}

public sealed class CheckChallengeSessionConfiguration : IEntityTypeConfiguration<CheckChallengeSession>
{
    public void Configure(EntityTypeBuilder<CheckChallengeSession> builder)
    {
        builder.ConfigureArchivable();
        builder.Property(s => s.Notes).HasMaxLength(8000);
        builder.HasOne(s => s.Round).WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.ChairPerson).WithMany().HasForeignKey(s => s.ChairPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Organisations).WithOne(o => o.Session).HasForeignKey(o => o.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.RoundId).HasDatabaseName("IX_CheckChallengeSessions_RoundId");
        builder.HasIndex(s => s.ChairPersonId).HasDatabaseName("IX_CheckChallengeSessions_ChairPersonId");
    }
}

public sealed class CheckChallengeAttendanceConfiguration : IEntityTypeConfiguration<CheckChallengeAttendance>
{
    public void Configure(EntityTypeBuilder<CheckChallengeAttendance> builder)
    {
        builder.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.SessionId, x.OrganisationId }).IsUnique().HasDatabaseName("UX_CheckChallengeAttendances_Session_Organisation");
        builder.HasIndex(x => x.OrganisationId).HasDatabaseName("IX_CheckChallengeAttendances_OrganisationId");
    }
}

public sealed class SelfAssessmentReminderConfiguration : IEntityTypeConfiguration<SelfAssessmentReminder>
{
    public void Configure(EntityTypeBuilder<SelfAssessmentReminder> builder)
    {
        builder.Property(r => r.Occasion).HasMaxLength(40).IsRequired();
        builder.Property(r => r.SentBy).HasMaxLength(256);
        builder.HasOne(r => r.Return).WithMany().HasForeignKey(r => r.ReturnId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ReturnId, r.Occasion }).IsUnique().HasDatabaseName("UX_SelfAssessmentReminders_Return_Occasion");
        builder.HasIndex(r => r.PersonId).HasDatabaseName("IX_SelfAssessmentReminders_PersonId");
    }
}

public sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.ConfigureArchivable();
        builder.Property(f => f.FileName).HasMaxLength(260).IsRequired();
        builder.Property(f => f.ContentType).HasMaxLength(200).IsRequired();
        builder.Property(f => f.StoredName).HasMaxLength(64).IsRequired();
        builder.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
        builder.HasOne(f => f.Answer).WithMany(a => a.Files).HasForeignKey(f => f.AnswerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => f.AnswerId).HasDatabaseName("IX_EvidenceFiles_AnswerId");
    }
}
