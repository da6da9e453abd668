using HscpPortal.Web.Data.Demo;
using HscpPortal.Web.Infrastructure;
using HscpPortal.Web.Infrastructure.BankHolidays;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Data;

/// <summary>What happens before the portal takes requests: migrations and, in demo mode, the demo partnership.</summary>
public sealed class StartupTasks(
    PortalDbContext db,
    IConfiguration configuration,
    IHostEnvironment environment,
    IOptions<DemoOptions> demo,
    DemoSeeder seeder,
    BankHolidayCalendar bankHolidays,
    ILogger<StartupTasks> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (DatabaseSetup.ShouldMigrateOnStartup(configuration))
        {
            await MigrateAsync(cancellationToken);
        }

        if (await db.Database.CanConnectAsync(cancellationToken) && !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await bankHolidays.EnsureLoadedAsync(cancellationToken);
        }

        if (DemoEnabled())
        {
            await seeder.SeedIfEmptyAsync(cancellationToken);
        }
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migrations", pending.Count);
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    /// <summary>Demo data defaults to on with the embedded SQLite database, and is never seeded in Production.</summary>
    public bool DemoEnabled() =>
        !environment.IsProduction() && (demo.Value.Enabled ?? DatabaseSetup.IsSqlite(configuration));
}
