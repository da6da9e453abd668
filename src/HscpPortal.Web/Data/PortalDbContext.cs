using HscpPortal.Web.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Data;

/// <summary>
/// The one context: Identity, data-protection keys and the partnership's records. Each database provider
/// derives from it only to own its migration set.
/// </summary>
public class PortalDbContext(DbContextOptions options, AuditTrail? auditTrail = null)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationLogo> OrganisationLogos => Set<OrganisationLogo>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PartnerRepresentative> PartnerRepresentatives => Set<PartnerRepresentative>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<GroupMembership> GroupMemberships => Set<GroupMembership>();
    public DbSet<GroupSuccession> GroupSuccessions => Set<GroupSuccession>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<Paper> Papers => Set<Paper>();
    public DbSet<Attendance> Attendance => Set<Attendance>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<ActionItem> Actions => Set<ActionItem>();
    public DbSet<MinutesRevision> MinutesRevisions => Set<MinutesRevision>();
    public DbSet<ActionUpdate> ActionUpdates => Set<ActionUpdate>();
    public DbSet<Priority> Priorities => Set<Priority>();
    public DbSet<Escalation> Escalations => Set<Escalation>();
    public DbSet<EscalationStage> EscalationStages => Set<EscalationStage>();
    public DbSet<Audit> Audits => Set<Audit>();
    public DbSet<AuditAgency> AuditAgencies => Set<AuditAgency>();
    public DbSet<AuditFinding> AuditFindings => Set<AuditFinding>();
    public DbSet<SelfAssessmentRound> SelfAssessmentRounds => Set<SelfAssessmentRound>();
    public DbSet<SelfAssessmentReturn> SelfAssessmentReturns => Set<SelfAssessmentReturn>();
    public DbSet<SelfAssessmentAnswer> SelfAssessmentAnswers => Set<SelfAssessmentAnswer>();
    public DbSet<CheckChallengeSession> CheckChallengeSessions => Set<CheckChallengeSession>();
    public DbSet<CheckChallengeAttendance> CheckChallengeAttendances => Set<CheckChallengeAttendance>();
    public DbSet<SelfAssessmentReminder> SelfAssessmentReminders => Set<SelfAssessmentReminder>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<ScrutinyActivity> ScrutinyActivities => Set<ScrutinyActivity>();
    public DbSet<ScrutinyChallenge> ScrutinyChallenges => Set<ScrutinyChallenge>();
    public DbSet<ScrutinyPlan> ScrutinyPlans => Set<ScrutinyPlan>();
    public DbSet<ScrutinyPlanItem> ScrutinyPlanItems => Set<ScrutinyPlanItem>();
    public DbSet<ScrutinyPlanApproval> ScrutinyPlanApprovals => Set<ScrutinyPlanApproval>();
    public DbSet<ScrutinyRecommendation> ScrutinyRecommendations => Set<ScrutinyRecommendation>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorDefinition> IndicatorDefinitions => Set<IndicatorDefinition>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<IndicatorComparator> IndicatorComparators => Set<IndicatorComparator>();
    public DbSet<BankHoliday> BankHolidays => Set<BankHoliday>();
    public DbSet<ReminderRun> ReminderRuns => Set<ReminderRun>();
    public DbSet<ReminderDelivery> ReminderDeliveries => Set<ReminderDelivery>();
    public DbSet<YearlyReport> YearlyReports => Set<YearlyReport>();
    public DbSet<ReportNarrative> ReportNarratives => Set<ReportNarrative>();
    public DbSet<ReportReviewComment> ReportReviewComments => Set<ReportReviewComment>();
    public DbSet<ReportSignOff> ReportSignOffs => Set<ReportSignOff>();
    public DbSet<ReportPublication> ReportPublications => Set<ReportPublication>();
    public DbSet<ReportRecipient> ReportRecipients => Set<ReportRecipient>();
    public DbSet<ReportOmission> ReportOmissions => Set<ReportOmission>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();
    public DbSet<Security.Sessions.UserSession> UserSessions => Set<Security.Sessions.UserSession>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // Every context, however it was configured (the host, the CLI, a test), rewrites the domain's rules into SQL.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.AddInterceptors(QueryRules.Instance);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL, safe to reorder in code.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Sign-in sessions and data-protection keys are not the partnership's records: saving them neither writes
        // the audit trail nor makes cached figures stale.
        if (!ChangesRecords())
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The audit rows and the data version are written in the same transaction as the change they describe.
        // Inserted rows only have their keys after the first save, so the trail is completed and saved second.
        var pending = auditTrail?.Capture(this) ?? [];

        // Without a retrying execution strategy (see DatabaseSetup) a plain transaction is safe on both providers.
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (pending.Count > 0)
            {
                AuditEntries.AddRange(auditTrail!.Complete(pending));
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }

            await DataVersions.Where(v => v.Id == DataVersion.SingletonId)
                .ExecuteUpdateAsync(set => set.SetProperty(v => v.Version, v => v.Version + 1), cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return count;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private bool ChangesRecords()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Entity is not (Security.Sessions.UserSession or DataProtectionKey))
            {
                return true;
            }
        }

        return false;
    }
}

public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options, AuditTrail? auditTrail = null)
    : PortalDbContext(options, auditTrail);

public sealed class SqlServerPortalDbContext(DbContextOptions<SqlServerPortalDbContext> options, AuditTrail? auditTrail = null)
    : PortalDbContext(options, auditTrail);
