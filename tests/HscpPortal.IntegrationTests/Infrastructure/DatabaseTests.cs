using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// Both providers' migration sets: SQL Server's script is generated and parsed as T-SQL (no SQL Server runs
/// here), and SQLite's migrations are applied to a fresh file and exercised.
/// </summary>
public sealed class DatabaseTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "hscp-tests", "db-" + Guid.NewGuid().ToString("N"));

    public DatabaseTests() => Directory.CreateDirectory(directory);

    private static SqlServerPortalDbContext SqlServer()
    {
        var builder = new DbContextOptionsBuilder<SqlServerPortalDbContext>();
        DatabaseSetup.ConfigureSqlServer(builder, "Server=.;Database=x;Trusted_Connection=True");
        return new SqlServerPortalDbContext(builder.Options);
    }

    private SqlitePortalDbContext Sqlite(string name = "fresh.db")
    {
        var builder = new DbContextOptionsBuilder<SqlitePortalDbContext>();
        DatabaseSetup.ConfigureSqlite(builder, $"Data Source={Path.Combine(directory, name)};Pooling=False");
        return new SqlitePortalDbContext(builder.Options);
    }

    [Theory]
    [InlineData(MigrationsSqlGenerationOptions.Idempotent)]
    [InlineData(MigrationsSqlGenerationOptions.Default)]
    public void SqlServerMigrationScript_Generated_ParsesAsTSqlWithoutErrors(MigrationsSqlGenerationOptions options)
    {
        using var context = SqlServer();

        var script = context.GetService<IMigrator>().GenerateScript(options: options);

        var fragment = Parse(script, out var errors);
        Assert.Empty(errors.Select(e => $"line {e.Line}: {e.Message}"));
        var collector = new Collector();
        fragment.Accept(collector);
        // Idempotent scripts wrap some statements (filtered indexes) in EXEC(N'...'): parse those too.
        foreach (var inner in collector.DynamicSql)
        {
            Parse(inner, out var innerErrors);
            Assert.Empty(innerErrors.Select(e => $"{inner}: {e.Message}"));
        }

        if (options == MigrationsSqlGenerationOptions.Idempotent)
        {
            Assert.NotEmpty(collector.DynamicSql);
            Assert.Contains(collector.DynamicSql, sql => sql.Contains("UX_Organisations_StatutoryPartner", StringComparison.Ordinal));
        }

        Assert.Contains("CREATE TABLE [Organisations]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [AuditEntries]", script, StringComparison.Ordinal);
        Assert.Contains("Organisations", collector.Tables);
        Assert.Contains("AuditEntries", collector.Tables);
        Assert.Contains("AspNetUsers", collector.Tables);
        Assert.Contains("__EFMigrationsHistory", collector.Tables);
        Assert.Contains("WHERE [StatutoryPartner] IS NOT NULL AND [ArchivedAt] IS NULL", script, StringComparison.Ordinal);
        Assert.Contains("UX_Organisations_StatutoryPartner", script, StringComparison.Ordinal);
    }

    [Fact]
    public void SqlServerContext_Model_HasNoPendingChanges()
    {
        using var context = SqlServer();

        Assert.False(context.Database.HasPendingModelChanges(), "Add a SQL Server migration: the model has changed since the last one.");
    }

    [Fact]
    public void SqliteContext_Model_HasNoPendingChanges()
    {
        using var context = Sqlite();

        Assert.False(context.Database.HasPendingModelChanges(), "Add a SQLite migration: the model has changed since the last one.");
    }

    [Fact]
    public void EachProvider_SeesOnlyItsOwnMigrations()
    {
        using var sqlServer = SqlServer();
        using var sqlite = Sqlite();

        var serverMigrations = sqlServer.Database.GetMigrations().ToList();
        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();

        Assert.NotEmpty(serverMigrations);
        Assert.NotEmpty(sqliteMigrations);
        Assert.Empty(serverMigrations.Intersect(sqliteMigrations));
    }

    [Fact]
    public void SqliteMigrations_FreshFile_ApplyCompletely()
    {
        using var context = Sqlite();

        context.Database.Migrate();

        Assert.Equal(context.Database.GetMigrations(), context.Database.GetAppliedMigrations());
        Assert.Empty(context.Database.GetPendingMigrations());
        Assert.Equal(0, context.Organisations.Count());
    }

    [Fact]
    public void PartnersAsData_TwoLivePoliceForces_BothStoredAsPartners()
    {
        // A partnership that straddles two forces has two police partners: the database no longer allows only one.
        using var context = Sqlite("partners.db");
        context.Database.Migrate();

        context.Organisations.AddRange(
            new Organisation { Name = "First Police", Sector = Sector.Police, StatutoryPartner = StatutoryPartner.Police },
            new Organisation { Name = "Second Police", Sector = Sector.Police, StatutoryPartner = StatutoryPartner.Police, PartnerFrom = new DateOnly(2024, 10, 1) });
        context.SaveChanges();

        Assert.Equal(["First Police"], context.Organisations.Where(o => o.IsPartnerOn(new DateOnly(2024, 9, 30))).Select(o => o.Name));
        Assert.Equal(2, context.Organisations.Count(o => o.IsPartnerOn(new DateOnly(2024, 10, 1))));
    }

    private static TSqlFragment Parse(string sql, out IList<ParseError> errors) =>
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out errors);

    private sealed class Collector : TSqlFragmentVisitor
    {
        public List<string> Tables { get; } = [];
        public List<string> DynamicSql { get; } = [];

        public override void Visit(CreateTableStatement node) => Tables.Add(node.SchemaObjectName.BaseIdentifier.Value);

        public override void Visit(ExecutableStringList node) =>
            DynamicSql.Add(string.Concat(node.Strings.OfType<StringLiteral>().Select(s => s.Value)));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
