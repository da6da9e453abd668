using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HscpPortal.Web.Data.Configurations;

public static class AuditedEntityConfiguration
{
    public static void ConfigureAudited<T>(this EntityTypeBuilder<T> builder)
        where T : AuditedEntity
    {
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Property(e => e.CreatedBy).HasMaxLength(256);
        builder.Property(e => e.UpdatedBy).HasMaxLength(256);
    }

    public static void ConfigureArchivable<T>(this EntityTypeBuilder<T> builder)
        where T : ArchivableEntity
    {
        builder.ConfigureAudited();
        builder.Property(e => e.ArchivedBy).HasMaxLength(256);
    }
}

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ConfigureArchivable();
        builder.Property(o => o.Name).HasMaxLength(200).IsRequired();
        builder.Property(o => o.ShortName).HasMaxLength(40);
        builder.Property(o => o.Website).HasMaxLength(500);
        builder.Property(o => o.Notes).HasMaxLength(4000);
        builder.Ignore(o => o.DisplayName);
        builder.HasIndex(o => o.Name).HasDatabaseName("IX_Organisations_Name");
        // A partnership may have several partners of a kind (two councils, two forces): no uniqueness, just a lookup.
        builder.HasIndex(o => o.StatutoryPartner).HasDatabaseName("IX_Organisations_StatutoryPartner");
    }
}

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ConfigureArchivable();
        builder.Property(p => p.FullName).HasMaxLength(200).IsRequired();
        builder.Property(p => p.JobTitle).HasMaxLength(200);
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.HasOne(p => p.Organisation).WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.FullName).HasDatabaseName("IX_People_FullName");
        builder.HasIndex(p => p.OrganisationId).HasDatabaseName("IX_People_OrganisationId");
        builder.HasIndex(p => p.UserId).HasDatabaseName("UX_People_UserId").IsUnique().HasFilter("[UserId] IS NOT NULL");
    }
}

public sealed class PartnerRepresentativeConfiguration : IEntityTypeConfiguration<PartnerRepresentative>
{
    public void Configure(EntityTypeBuilder<PartnerRepresentative> builder)
    {
        builder.ConfigureArchivable();
        builder.HasOne(r => r.Organisation).WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.OrganisationId, r.Role, r.From }).HasDatabaseName("IX_PartnerRepresentatives_Org_Role_From");
        builder.HasIndex(r => r.PersonId).HasDatabaseName("IX_PartnerRepresentatives_PersonId");
    }
}

public sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.ConfigureArchivable();
        builder.Property(g => g.Name).HasMaxLength(200).IsRequired();
        builder.Property(g => g.ShortName).HasMaxLength(40);
        builder.Property(g => g.Remit).HasMaxLength(8000);
        builder.Property(g => g.DissolutionNote).HasMaxLength(2000);
        builder.Ignore(g => g.DisplayName);
        builder.HasOne(g => g.ReportsTo).WithMany().HasForeignKey(g => g.ReportsToId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.Memberships).WithOne(m => m.Group).HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.WorkPassedTo).WithOne(s => s.FromGroup).HasForeignKey(s => s.FromGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => g.Name).HasDatabaseName("IX_Groups_Name");
        builder.HasIndex(g => g.ReportsToId).HasDatabaseName("IX_Groups_ReportsToId");
        builder.Property(g => g.QuorumRule).HasDefaultValue(QuorumRule.StatutoryPartners).HasSentinel((QuorumRule)0);
    }
}

public sealed class GroupMembershipConfiguration : IEntityTypeConfiguration<GroupMembership>
{
    public void Configure(EntityTypeBuilder<GroupMembership> builder)
    {
        builder.ConfigureArchivable();
        builder.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.NominatedBy).WithMany().HasForeignKey(m => m.NominatedByPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.GroupId, m.Role }).HasDatabaseName("IX_GroupMemberships_Group_Role");
        builder.HasIndex(m => m.PersonId).HasDatabaseName("IX_GroupMemberships_PersonId");
        builder.HasIndex(m => m.OrganisationId).HasDatabaseName("IX_GroupMemberships_OrganisationId");
    }
}

public sealed class GroupSuccessionConfiguration : IEntityTypeConfiguration<GroupSuccession>
{
    public void Configure(EntityTypeBuilder<GroupSuccession> builder)
    {
        builder.HasKey(s => new { s.FromGroupId, s.ToGroupId });
        builder.HasOne(s => s.ToGroup).WithMany().HasForeignKey(s => s.ToGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.ToGroupId).HasDatabaseName("IX_GroupSuccessions_ToGroupId");
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.EntityType).HasMaxLength(100).IsRequired();
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.EntityKey).HasMaxLength(450);
        builder.HasIndex(a => new { a.EntityType, a.EntityId }).HasDatabaseName("IX_AuditEntries_Entity");
        builder.HasIndex(a => new { a.EntityType, a.EntityKey }).HasDatabaseName("IX_AuditEntries_EntityKey");
        builder.HasIndex(a => a.At).HasDatabaseName("IX_AuditEntries_At");
    }
}

public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
    }
}

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<Security.Sessions.UserSession>
{
    public void Configure(EntityTypeBuilder<Security.Sessions.UserSession> builder)
    {
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.SecurityStamp).HasMaxLength(256).IsRequired();
        builder.Property(s => s.RevokedReason).HasMaxLength(100);
        builder.Property(s => s.UserAgent).HasMaxLength(200);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId).HasDatabaseName("IX_UserSessions_UserId");
    }
}

public sealed class OrganisationLogoConfiguration : IEntityTypeConfiguration<OrganisationLogo>
{
    public void Configure(EntityTypeBuilder<OrganisationLogo> builder)
    {
        builder.ConfigureArchivable();
        builder.Property(l => l.ContentType).HasMaxLength(40).IsRequired();
        builder.Property(l => l.AltText).HasMaxLength(200).IsRequired();
        builder.Property(l => l.Data).IsRequired();
        builder.HasOne(l => l.Organisation).WithMany().HasForeignKey(l => l.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.OrganisationId);
    }
}
