using HscpPortal.Web.Infrastructure;
using HscpPortal.Web.Infrastructure.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HscpPortal.Web.Data;

public static class DatabaseSetup
{
    public static IServiceCollection AddPortalDatabase(
        this IServiceCollection services, IConfiguration configuration, DataPaths paths)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddScoped<AuditTrail>();
        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer:
                var connectionString = configuration.GetConnectionString("Portal")
                    ?? throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Portal is not set.");
                services.AddDbContext<PortalDbContext, SqlServerPortalDbContext>(o =>
                {
                    ConfigureSqlServer(o, connectionString);
                    QueryTimingInterceptor.AttachIfEnabled(o, configuration);
                });
                break;
            default:
                var file = paths.Resolve(options.SqlitePath);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                services.AddDbContext<PortalDbContext, SqlitePortalDbContext>(o =>
                {
                    ConfigureSqlite(o, $"Data Source={file}");
                    QueryTimingInterceptor.AttachIfEnabled(o, configuration);
                });
                break;
        }

        return services;
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(PortalDbContext).Assembly.FullName));

    // No EnableRetryOnFailure: every audited save runs its own transaction (the change and its audit rows
    // commit together), which a retrying execution strategy refuses. A failed save surfaces as an error page
    // and nothing half-written remains.
    public static void ConfigureSqlServer(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlServer(connectionString);

    public static bool ShouldMigrateOnStartup(IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        return options.MigrateOnStartup ?? options.Provider == DatabaseProvider.Sqlite;
    }

    public static bool IsSqlite(IConfiguration configuration) =>
        (configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions()).Provider == DatabaseProvider.Sqlite;
}

// Design-time factories let `dotnet ef` build each provider's context without starting the web host.
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlitePortalDbContext>();
        DatabaseSetup.ConfigureSqlite(builder, "Data Source=design-time.db");
        return new SqlitePortalDbContext(builder.Options);
    }
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerPortalDbContext>
{
    public SqlServerPortalDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlServerPortalDbContext>();
        DatabaseSetup.ConfigureSqlServer(builder, "Server=(local);Database=HscpPortal;Trusted_Connection=True;TrustServerCertificate=True");
        return new SqlServerPortalDbContext(builder.Options);
    }
}
