using System.Diagnostics;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
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

    private async Task<Run> RunAsync(string? password, params string[] args)
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

        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Portal__DataDirectory"] = dataDirectory;
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        // Publishing the demo report prints a PDF; these tests publish (or not) what they need themselves.
        start.Environment["Demo__PublishReports"] = "false";
        start.Environment["HSCP_ADMIN_PASSWORD"] = password ?? "";

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await output, await error);
    }

    private T Query<T>(Func<PortalDbContext, T> read)
    {
        var builder = new DbContextOptionsBuilder<SqlitePortalDbContext>();
        DatabaseSetup.ConfigureSqlite(builder, $"Data Source={Path.Combine(dataDirectory, "hscp-portal.db")};Pooling=False");
        using var db = new SqlitePortalDbContext(builder.Options);
        return read(db);
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
