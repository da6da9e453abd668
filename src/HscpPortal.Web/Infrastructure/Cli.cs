using System.Diagnostics;
using System.Globalization;
using HscpPortal.Web.Data;
using HscpPortal.Web.Data.Demo;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Reminders;
using HscpPortal.Web.Infrastructure.Pdf;
using HscpPortal.Web.Reporting;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Infrastructure;

/// <summary>
/// Verbs of the same executable, run against the configured database without starting the web server:
/// <c>migrate</c>, <c>seed-demo [--scale N] [--seed S]</c>, <c>create-admin --email E [--name N]</c>,
/// <c>send-reminders [--date yyyy-MM-dd]</c>, <c>backup --out FILE</c>,
/// <c>report --year 2023-24 --out report.pdf</c>.
/// </summary>
public static class Cli
{
    public static readonly IReadOnlyList<string> Verbs = ["migrate", "seed-demo", "create-admin", "send-reminders", "backup", "report"];

    public sealed record Invocation(string Verb, IReadOnlyDictionary<string, string> Options);

    public static (Invocation? Verb, string[] HostArgs) Split(string[] args)
    {
        if (args.Length == 0 || !Verbs.Contains(args[0]))
        {
            return (null, args);
        }

        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            if (name.StartsWith("--", StringComparison.Ordinal) && !name.Contains('=', StringComparison.Ordinal)
                && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options[name[2..]] = args[++i];
            }
            else
            {
                rest.Add(name);
            }
        }

        return (new Invocation(args[0], options), rest.ToArray());
    }

    public static async Task<int> RunAsync(WebApplication app, Invocation invocation)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var startup = services.GetRequiredService<StartupTasks>();
        try
        {
            switch (invocation.Verb)
            {
                case "migrate":
                    await startup.MigrateAsync(CancellationToken.None);
                    Console.WriteLine("Database is up to date.");
                    return 0;
                case "seed-demo":
                    if (app.Environment.IsProduction())
                    {
                        Console.Error.WriteLine("seed-demo refuses to run in Production: demo people and accounts must never reach a live database. Set ASPNETCORE_ENVIRONMENT to another value for a demo or training copy.");
                        return 2;
                    }

                    return await SeedDemoAsync(services, startup, invocation);
                case "create-admin":
                    return await CreateAdminAsync(services, invocation);
                case "send-reminders":
                    return await SendRemindersAsync(services, invocation);
                case "backup":
                    return await BackupAsync(services, invocation);
                case "report":
                    return await ReportAsync(services, invocation);
                default:
                    Console.Error.WriteLine($"Unknown verb {invocation.Verb}.");
                    return 2;
            }
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"{invocation.Verb} failed: {ex.Message}");
            return 1;
        }
    }

    /// <summary>
    /// Sends the daily digest and the weekly summary for one day (today by default), whatever the schedule says:
    /// an operator's explicit request. Like the background sender it claims the day's runs, so it never sends a
    /// second digest for a day already sent.
    /// </summary>
    private static async Task<int> SendRemindersAsync(IServiceProvider services, Invocation invocation)
    {
        var date = UkTime.Today(services.GetRequiredService<TimeProvider>());
        if (invocation.Options.TryGetValue("date", out var text)
            && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            Console.Error.WriteLine("Usage: send-reminders [--date yyyy-MM-dd]");
            return 2;
        }

        var reminders = services.GetRequiredService<ReminderService>();
        foreach (var result in new[]
        {
            await reminders.SendDailyDigestAsync(date), await reminders.SendWeeklySummaryAsync(date), await reminders.SendSelfAssessmentRemindersAsync(date),
        })
        {
            var what = result.Kind switch
            {
                ReminderKind.DailyDigest => "Daily digest",
                ReminderKind.WeeklySummary => "Weekly summary",
                _ => "Self-assessment deadline reminders",
            };
            Console.WriteLine(result.Outcome == ReminderOutcome.AlreadyClaimed
                ? $"{what} for {date:yyyy-MM-dd}: already sent or being sent by another instance; nothing sent."
                : $"{what} for {date:yyyy-MM-dd}: {result.Sent} sent, {result.Skipped} already sent, {result.Failed} failed.");
        }

        return 0;
    }

    /// <summary>
    /// Seeds the demo partnership into an empty database; with <c>--scale N</c>, also N years of generated activity
    /// on top (<see cref="DemoHistory"/>), the same every time for the same <c>--seed</c>.
    /// </summary>
    private static async Task<int> SeedDemoAsync(IServiceProvider services, StartupTasks startup, Invocation invocation)
    {
        const string usage = "Usage: seed-demo [--scale YEARS (1 to 50)] [--seed NUMBER]";
        int? scale = null;
        if (invocation.Options.TryGetValue("scale", out var scaleText))
        {
            if (!int.TryParse(scaleText, NumberStyles.None, CultureInfo.InvariantCulture, out var years) || years is < 1 or > 50)
            {
                Console.Error.WriteLine(usage);
                return 2;
            }

            scale = years;
        }

        var seed = 1;
        if (invocation.Options.TryGetValue("seed", out var seedText)
            && !int.TryParse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
        {
            Console.Error.WriteLine(usage);
            return 2;
        }

        await startup.MigrateAsync(CancellationToken.None);
        var watch = Stopwatch.StartNew();
        if (!await services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(CancellationToken.None, fillToToday: scale is null))
        {
            Console.WriteLine("The database already holds data; nothing seeded.");
            return scale is null ? 0 : 1;
        }

        Console.WriteLine($"Demo partnership seeded in {watch.Elapsed.TotalSeconds:F1} s.");
        if (scale is { } n)
        {
            watch.Restart();
            var today = UkTime.Today(services.GetRequiredService<TimeProvider>());
            var history = await DemoHistory.SeedAsync(
                services.GetRequiredService<PortalDbContext>(), services.GetRequiredService<EscalationProtocol>(), n, seed, today, CancellationToken.None);
            Console.WriteLine($"Generated history (seed {seed}) in {watch.Elapsed.TotalSeconds:F1} s: {history}.");
        }

        return 0;
    }

    private static async Task<int> BackupAsync(IServiceProvider services, Invocation invocation)
    {
        if (!invocation.Options.TryGetValue("out", out var target) || string.IsNullOrWhiteSpace(target))
        {
            Console.Error.WriteLine("Usage: backup --out FILE (a new file; the embedded SQLite database is copied while the portal may keep running)");
            return 2;
        }

        var result = await DatabaseBackup.BackupSqliteAsync(services.GetRequiredService<PortalDbContext>(), target, CancellationToken.None);
        Console.WriteLine($"Backed up to {result.Path}: {result.Bytes:N0} bytes, {result.Rows:N0} rows in {result.Tables} tables; integrity check ok.");
        return 0;
    }

    /// <summary>
    /// Writes a yearly report's PDF without the web server: the published PDF exactly as published, or else the
    /// live draft printed now (marked DRAFT), as <c>/reports/yearly/{year}.pdf</c> serves them.
    /// </summary>
    private static async Task<int> ReportAsync(IServiceProvider services, Invocation invocation)
    {
        const string usage = "Usage: report --year 2023-24 --out report.pdf";
        if (!invocation.Options.TryGetValue("year", out var yearText) || !ReportingYear.TryParse(yearText, out var year)
            || !invocation.Options.TryGetValue("out", out var output) || string.IsNullOrWhiteSpace(output))
        {
            Console.Error.WriteLine(usage);
            return 2;
        }

        var db = services.GetRequiredService<PortalDbContext>();
        var report = await db.YearlyReports.AsNoTracking().FirstOrDefaultAsync(r => r.StartYear == year.StartYear);
        if (report is null)
        {
            Console.Error.WriteLine($"There is no {year} report. Start it in the portal under Yearly reports first.");
            return 1;
        }

        byte[] pdf;
        string what;
        if (report.Status == ReportStatus.Published)
        {
            pdf = await db.ReportPublications.AsNoTracking().Where(p => p.ReportId == report.Id)
                .OrderByDescending(p => p.Edition).Select(p => p.Pdf).FirstAsync();
            what = "published";
        }
        else
        {
            var renderer = services.GetRequiredService<IYearlyReportRenderer>();
            var rendered = await renderer.RenderDocumentAsync(year, draft: true, CancellationToken.None);
            pdf = await services.GetRequiredService<IPdfPrinter>().PrintAsync(rendered.Html, rendered.PrintOptions, CancellationToken.None);
            what = "draft";
        }

        var path = Path.GetFullPath(output);
        await File.WriteAllBytesAsync(path, pdf);
        Console.WriteLine($"The {what} {year} report ({pdf.Length} bytes) was written to {path}.");
        return 0;
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, Invocation invocation)
    {
        if (!invocation.Options.TryGetValue("email", out var email))
        {
            Console.Error.WriteLine("Usage: create-admin --email someone@example.org [--name \"Full Name\"] (password from HSCP_ADMIN_PASSWORD or prompted)");
            return 2;
        }

        await services.GetRequiredService<StartupTasks>().MigrateAsync(CancellationToken.None);
        await DemoSeeder.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        var password = Environment.GetEnvironmentVariable("HSCP_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Write("Password: ");
            password = Console.ReadLine();
        }

        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = invocation.Options.GetValueOrDefault("name") ?? email,
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, password ?? "");
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine(error.Description);
            }

            return 1;
        }

        await users.AddToRoleAsync(user, Roles.Administrator);
        await services.GetRequiredService<AccountAudit>().RecordAsync(user.Id, AuditAction.Created,
            AccountAudit.Differences(("Email", null, user.Email), ("Name", null, user.DisplayName), ("Roles", null, Roles.Administrator)),
            byUserId: null, byName: "create-admin (command line)");
        Console.WriteLine($"Administrator {email} created. They will be asked to set up two-factor authentication at first sign-in.");
        return 0;
    }
}
