using System.Diagnostics;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Meetings;
using HscpPortal.Web.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// The command-line verbs, run as an operator would: the built portal started as its own process against a
/// fresh data directory (WebApplicationFactory cannot pass a verb to Program).
/// </summary>
public sealed class CliTests : IDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "hscp-tests", "cli-" + Guid.NewGuid().ToString("N"));

    private sealed record Run(int ExitCode, string Output, string Error);

    private Task<Run> RunAsync(string? password, params string[] args) => RunInAsync(dataDirectory, password, args);

    private static Task<Run> RunInAsync(string directory, string? password, params string[] args) =>
        RunInEnvironmentAsync("Testing", directory, password, args);

    private static async Task<Run> RunInEnvironmentAsync(string environment, string directory, string? password, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HscpPortal.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["Portal__DataDirectory"] = directory;
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        // Publishing the demo report prints a PDF; these tests publish (or not) what they need themselves.
        start.Environment["Demo__PublishReports"] = "false";
        // The hand-written story is enough for these commands; DemoAliveTests covers the years generated to today.
        start.Environment["Demo__FillToToday"] = "false";
        start.Environment["HSCP_ADMIN_PASSWORD"] = password ?? "";

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // Two seedings run side by side in one test, while the browser suite shares the machine's two cores: each
        // takes about 30 s alone and has been seen to need more than 3 minutes under that load.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(420));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await output, await error);
    }

    private T Query<T>(Func<PortalDbContext, T> read) => QueryIn(dataDirectory, read);

    private static T QueryIn<T>(string directory, Func<PortalDbContext, T> read)
    {
        var builder = new DbContextOptionsBuilder<SqlitePortalDbContext>();
        DatabaseSetup.ConfigureSqlite(builder, $"Data Source={Path.Combine(directory, "hscp-portal.db")};Pooling=False");
        using var db = new SqlitePortalDbContext(builder.Options);
        return read(db);
    }

    [Fact]
    public async Task WebHost_ProductionWithoutPublicUrlOrAllowedHosts_RefusesToStartAndSaysWhy()
    {
        var run = await RunInEnvironmentAsync("Production", dataDirectory, null, "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Portal:PublicUrl is not set", run.Error, StringComparison.Ordinal);
        Assert.Contains("AllowedHosts must list", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dataDirectory, "hscp-portal.db")), "nothing is created before the settings are right");
    }

    [Fact]
    public async Task CreateAdmin_EmptyDatabase_MigratesAndCreatesAdministratorWhoMustEnrolTwoFactor()
    {
        var run = await RunAsync("Granite-Harbour-Violin-88", "create-admin", "--email", "first.admin@example.org", "--name", "First Admin");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Error}");
        Assert.Contains("Administrator first.admin@example.org created", run.Output, StringComparison.Ordinal);
        var user = Query(db => db.Users.AsNoTracking().Single(u => u.Email == "first.admin@example.org"));
        Assert.Equal("First Admin", user.DisplayName);
        Assert.False(user.TwoFactorExempt);
        Assert.NotNull(user.PasswordHash);
        var roles = Query(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToList());
        Assert.Equal([Roles.Administrator], roles);
        Assert.Equal(0, Query(db => db.Organisations.Count()));
        var created = Query(db => db.AuditEntries.Single(e => e.EntityType == "UserAccount" && e.EntityKey == user.Id));
        Assert.Equal((AuditAction.Created, "create-admin (command line)"), (created.Action, created.UserName));
    }

    [Fact]
    public async Task CreateAdmin_WeakPassword_FailsWithReasonAndCreatesNoUser()
    {
        var run = await RunAsync("password1234", "create-admin", "--email", "weak.admin@example.org");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Choose a password that is harder to guess", run.Error, StringComparison.Ordinal);
        Assert.False(Query(db => db.Users.Any(u => u.Email == "weak.admin@example.org")));
    }

    [Fact]
    public async Task SendReminders_OverdueAction_WritesThatDaysDigestOnceAsAnEmlInThePickupFolder()
    {
        Assert.Equal(0, (await RunAsync(null, "seed-demo")).ExitCode);
        var title = $"Overdue CLI action {Guid.NewGuid():N}";
        var email = Query(db =>
        {
            var owner = db.People.First(p => p.Email != null && !p.DailyDigestOptOut && p.ArchivedAt == null);
            db.Actions.Add(new ActionItem
            {
                Title = title, GroupId = db.Groups.First().Id, OwnerPersonId = owner.Id, OwnerOrganisationId = owner.OrganisationId,
                DueDate = new DateOnly(2031, 6, 2), Status = ActionStatus.OnTrack, Source = ActionSource.BusinessPlan,
            });
            db.SaveChanges();
            return owner.Email!;
        });

        var first = await RunAsync(null, "send-reminders", "--date", "2031-06-04");
        var second = await RunAsync(null, "send-reminders", "--date", "2031-06-04");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Daily digest for 2031-06-04:", first.Output, StringComparison.Ordinal);
        Assert.Contains("Daily digest for 2031-06-04: already sent", second.Output, StringComparison.Ordinal);
        var mail = Directory.GetFiles(Path.Combine(dataDirectory, "mail"), "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(a => a.Address == email) && m.TextBody is not null && m.TextBody.Contains(title, StringComparison.Ordinal))
            .ToList();
        Assert.Single(mail);
        Assert.Equal(2, (await RunAsync(null, "send-reminders", "--date", "4 June 2031")).ExitCode);
    }

    [Fact]
    public async Task Backup_SeededDatabase_RestoredCopyHoldsEveryRecordAndRefusesToOverwrite()
    {
        Assert.Equal(0, (await RunAsync(null, "seed-demo")).ExitCode);
        var backup = Path.Combine(dataDirectory, "backups", "portal.db");

        var run = await RunAsync(null, "backup", "--out", backup);
        var again = await RunAsync(null, "backup", "--out", backup);
        var usage = await RunAsync(null, "backup");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Error}");
        Assert.Contains("integrity check ok", run.Output, StringComparison.Ordinal);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
        Assert.Equal(2, usage.ExitCode);

        // Restore: the copy becomes the live database of a new data directory, and the portal reads it.
        var restored = Path.Combine(Path.GetTempPath(), "hscp-tests", "restore-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(restored);
        File.Copy(backup, Path.Combine(restored, "hscp-portal.db"));
        try
        {
            Dictionary<string, long> original, copy;
            await using (var live = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "hscp-portal.db")};Pooling=False"))
            await using (var back = new SqliteConnection($"Data Source={Path.Combine(restored, "hscp-portal.db")};Pooling=False"))
            {
                await live.OpenAsync();
                await back.OpenAsync();
                original = await DatabaseBackup.CountRowsAsync(live, CancellationToken.None);
                copy = await DatabaseBackup.CountRowsAsync(back, CancellationToken.None);
            }

            Assert.Equal(original, copy);
            Assert.True(copy["Meetings"] > 0 && copy["Escalations"] > 0 && copy["AuditEntries"] > 0);
            var escalations = Query(db => db.Escalations.OrderBy(e => e.Reference).Select(e => e.Reference + e.Summary).ToList());
            var builder = new DbContextOptionsBuilder<SqlitePortalDbContext>();
            DatabaseSetup.ConfigureSqlite(builder, $"Data Source={Path.Combine(restored, "hscp-portal.db")};Pooling=False");
            await using var restoredDb = new SqlitePortalDbContext(builder.Options);
            Assert.Equal(escalations, restoredDb.Escalations.OrderBy(e => e.Reference).Select(e => e.Reference + e.Summary).ToList());
            Assert.Empty(await restoredDb.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(restored, recursive: true);
        }
    }

    [Fact]
    public async Task Report_PublishedYear_WritesTheStoredPdfByteForByte_AndExplainsBadUsage()
    {
        Assert.Equal(0, (await RunAsync(null, "seed-demo")).ExitCode);
        var stored = "%PDF-1.7 stored for the CLI test"u8.ToArray();
        Query(db =>
        {
            var report = db.YearlyReports.Single(r => r.StartYear == 2023);
            report.Status = ReportStatus.Published;
            report.PublishedAt = new DateTime(2024, 9, 26, 10, 0, 0, DateTimeKind.Utc);
            db.ReportPublications.Add(new ReportPublication
            {
                ReportId = report.Id, Edition = 1, PublishedAt = report.PublishedAt.Value, Html = "<p>stored</p>", Pdf = stored,
                HtmlSha256 = "h", PdfSha256 = "p",
            });
            return db.SaveChanges();
        });
        var output = Path.Combine(dataDirectory, "report.pdf");

        var run = await RunAsync(null, "report", "--year", "2023-24", "--out", output);
        var usage = await RunAsync(null, "report", "--year", "2023");
        var missing = await RunAsync(null, "report", "--year", "2019-20", "--out", output);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Error}");
        Assert.Equal(stored, await File.ReadAllBytesAsync(output));
        Assert.Contains("published 2023-24 report", run.Output, StringComparison.Ordinal);
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("Usage: report --year 2023-24 --out report.pdf", usage.Error, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("There is no 2019-20 report", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedDemoScale_SameSeedTwice_GivesTheSameConsistentHistory()
    {
        var again = dataDirectory + "-again";
        try
        {
            var runs = await Task.WhenAll(
                RunInAsync(dataDirectory, null, "seed-demo", "--scale", "2", "--seed", "7"),
                RunInAsync(again, null, "seed-demo", "--scale", "2", "--seed", "7"));
            foreach (var run in runs)
            {
                Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Error}");
                Assert.Contains("Generated history (seed 7)", run.Output, StringComparison.Ordinal);
            }

            Assert.Equal(Digest(dataDirectory), Digest(again));

            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var first = ReportingYear.Containing(today).StartYear - 2;
            Query(db =>
            {
                var meetings = db.Meetings.AsNoTracking().ToList();
                Assert.Contains(meetings, m => m.Date.Year == first && m.Status == MeetingStatus.Held);
                Assert.DoesNotContain(meetings, m => m.Status == MeetingStatus.Held && m.Date > today);
                Assert.All(meetings.Where(m => m.Status == MeetingStatus.Held), m => Assert.False(string.IsNullOrEmpty(m.QuorumStatement)));

                // Every invited name on a register held a seat in that group on the day.
                var seats = db.GroupMemberships.AsNoTracking().ToList().ToLookup(s => (s.GroupId, s.PersonId));
                var byId = meetings.ToDictionary(m => m.Id);
                var invited = db.Attendance.AsNoTracking().Where(a => a.Kind == AttendeeKind.Invitee).ToList();
                Assert.True(invited.Count > 100, $"{invited.Count} invitees");
                Assert.All(invited, a =>
                {
                    var meeting = byId[a.MeetingId];
                    Assert.Contains(seats[(meeting.GroupId, a.PersonId)], s => s.IsCurrentOn(meeting.Date));
                });

                // Ratification only of key decisions taken while inquorate, at a later meeting.
                var ratified = db.Decisions.AsNoTracking().Where(d => d.RatifiedAtMeetingId != null).ToList();
                Assert.All(ratified, d =>
                {
                    Assert.True(d.IsKey);
                    Assert.False(byId[d.MeetingId].IsQuorate);
                    Assert.True(byId[d.RatifiedAtMeetingId!.Value].Date > byId[d.MeetingId].Date);
                });

                // Titles are drawn without repeats: never twice in a meeting, nor for a group within a calendar month.
                var decisions = db.Decisions.AsNoTracking().ToList();
                Assert.All(decisions.GroupBy(d => d.MeetingId), m => Assert.Equal(m.Count(), m.Select(d => d.Title).Distinct().Count()));
                var actions = db.Actions.AsNoTracking().ToList();
                Assert.True(actions.Count > 500, $"{actions.Count} actions");
                Assert.All(actions.Where(a => a.MeetingId is not null).GroupBy(a => a.MeetingId), m => Assert.Equal(m.Count(), m.Select(a => a.Title).Distinct().Count()));
                var generatedFrom = ReportingYear.Containing(today).Previous.Start;
                Assert.All(
                    actions.Where(a => a.MeetingId is { } m && byId[m].Date >= generatedFrom)
                        .GroupBy(a => (a.GroupId, byId[a.MeetingId!.Value].Date.Year, byId[a.MeetingId!.Value].Date.Month)),
                    month => Assert.Equal(month.Count(), month.Select(a => a.Title).Distinct().Count()));
                // ... and varied by group: the groups do not all share one list.
                Assert.True(actions.Select(a => a.Title).Distinct().Count() > 60, "too few distinct action titles");
                // Workloads are plausible: open actions are spread over many owners, none carrying dozens at once.
                var openByOwner = actions.Where(a => a.Status is ActionStatus.NotStarted or ActionStatus.OnTrack or ActionStatus.AtRisk or ActionStatus.OffTrack)
                    .GroupBy(a => a.OwnerPersonId).Select(g => g.Count()).ToList();
                Assert.True(openByOwner.Count >= 20, $"open actions are held by only {openByOwner.Count} people");
                Assert.True(openByOwner.Max() <= 25, $"one person owns {openByOwner.Max()} open actions");

                // Board attendance over the generated years: for every partner and year, "DSP or deputy" is at least "DSP".
                var partnerOrganisations = db.Organisations.AsNoTracking().Where(o => o.StatutoryPartner != null).ToList().ToDictionary(o => o.Id);
                var partners = partnerOrganisations.Values.Select(o => o.AsPartner()).ToList();
                var history = db.PartnerRepresentatives.AsNoTracking().ToList();
                var boardIds = db.Groups.AsNoTracking().Where(g => g.Kind == GroupKind.Board).Select(g => g.Id).ToHashSet();
                var present = db.Attendance.AsNoTracking().ToList().ToLookup(a => a.MeetingId);
                foreach (var year in meetings.Where(m => m.Status == MeetingStatus.Held && boardIds.Contains(m.GroupId)).GroupBy(m => ReportingYear.Containing(m.Date)))
                {
                    var held = year.Select(m => new HeldMeeting(m.Id, m.Date, Quorum.PresentFrom(present[m.Id].ToList()))).ToList();
                    Assert.All(AttendanceStatistics.ForPartners(held, partners, history, (o, d) => partnerOrganisations[o].IsPartnerOn(d)), p =>
                    {
                        Assert.True(p.DspOrDeputyAttended >= p.DspAttended, $"{p.Name} {year.Key}: DSP {p.DspAttended}, DSP or deputy {p.DspOrDeputyAttended}");
                        Assert.True(p.DspOrDeputyPercent >= p.DspPercent, $"{p.Name} {year.Key}: DSP {p.DspPercent}%, DSP or deputy {p.DspOrDeputyPercent}%");
                        Assert.Equal(p.Held, p.DspOrDeputyAttended + p.Nobody);
                    });
                }

                // The hand-written demo stops in 2024-25: last year's actions are all generated ones.
                var lastYear = ReportingYear.Containing(today).Previous;
                var generated = actions.Where(a => a.MeetingId is { } m && lastYear.Contains(byId[m].Date)).ToList();
                Assert.NotEmpty(generated);
                Assert.All(generated.Where(a => a.Status == ActionStatus.Completed), a =>
                {
                    Assert.NotNull(a.CompletedOn);
                    Assert.NotNull(a.SignedOffAt);
                });
                Assert.True(db.ActionUpdates.Count() > actions.Count * 3);
                Assert.DoesNotContain(db.ActionUpdates.AsNoTracking().Select(u => u.At).ToList(), at => DateOnly.FromDateTime(at) > today);

                // Every escalation's stages run one after another, and the open ones are the recent ones.
                var escalations = db.Escalations.AsNoTracking().Include(e => e.Stages).ToList();
                Assert.Contains(escalations, e => e.RaisedOn.Year == first);
                Assert.All(escalations, e =>
                {
                    var stages = e.Stages.OrderBy(s => s.Stage).ToList();
                    Assert.Equal(e.CurrentStage, stages[^1].Stage);
                    Assert.Equal(e.ResolvedOn is null, stages[^1].EndedOn is null);
                    for (var i = 1; i < stages.Count; i++)
                    {
                        Assert.Equal(stages[i - 1].EndedOn, stages[i].StartedOn);
                    }
                });
                return true;
            });

            var refused = await RunInAsync(again, null, "seed-demo", "--scale", "2");
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("already holds data", refused.Output, StringComparison.Ordinal);
            var usage = await RunAsync(null, "seed-demo", "--scale", "0");
            Assert.Equal(2, usage.ExitCode);
            Assert.Contains("Usage: seed-demo", usage.Error, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(again, recursive: true);
        }
    }

    // What the generator decided, in a stable order: equal digests mean equal histories.
    private static string Digest(string directory) => QueryIn(directory, db => string.Join("\n",
        db.Meetings.AsNoTracking().OrderBy(m => m.Id).Select(m => $"{m.GroupId} {m.Date} {m.Status} {m.IsQuorate} {m.Location}").ToList()
            .Concat(db.Attendance.AsNoTracking().OrderBy(a => a.Id).Select(a => $"{a.MeetingId} {a.PersonId} {a.Status} {a.DeputyPersonId}").ToList())
            .Concat(db.Decisions.AsNoTracking().OrderBy(d => d.Id).Select(d => $"{d.MeetingId} {d.Title} {d.IsKey} {d.RatifiedAtMeetingId}").ToList())
            .Concat(db.Actions.AsNoTracking().OrderBy(a => a.Id).Select(a => $"{a.Title} {a.OwnerPersonId} {a.Status} {a.DueDate}").ToList())
            .Concat(db.ActionUpdates.AsNoTracking().OrderBy(u => u.Id).Select(u => $"{u.ActionItemId} {u.At:O} {u.StatusAfter}").ToList())
            .Concat(db.Escalations.AsNoTracking().OrderBy(e => e.Id).Select(e => $"{e.Reference} {e.RaisedOn} {e.CurrentStage} {e.ResolvedOn}").ToList())));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
