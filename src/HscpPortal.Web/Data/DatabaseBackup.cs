using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Data;

/// <summary>
/// A consistent copy of the embedded SQLite database, taken while the portal runs (SQLite's online backup), then
/// checked: the copy must pass SQLite's integrity check and hold as many rows in every table as the original did
/// at the moment of the copy. SQL Server databases are backed up with SQL Server's own tools (docs/deployment.md).
/// </summary>
public static class DatabaseBackup
{
    public sealed record Result(string Path, long Bytes, int Tables, long Rows);

    /// <exception cref="InvalidOperationException">The database is not SQLite, the target exists, or the copy failed its checks.</exception>
    public static async Task<Result> BackupSqliteAsync(PortalDbContext db, string target, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            throw new InvalidOperationException("backup copies the embedded SQLite database only. For SQL Server use BACKUP DATABASE (see docs/deployment.md).");
        }

        var path = Path.GetFullPath(target);
        if (File.Exists(path))
        {
            throw new InvalidOperationException($"{path} already exists; choose a new file so that no earlier backup is overwritten.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var source = (SqliteConnection)db.Database.GetDbConnection();
        var wasClosed = source.State != System.Data.ConnectionState.Open;
        if (wasClosed)
        {
            await source.OpenAsync(ct);
        }

        try
        {
            await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            await destination.OpenAsync(ct);

            // The copy is taken in one step, so it is one consistent moment of the database even while others write.
            source.BackupDatabase(destination);
            var expected = await CountRowsAsync(source, ct);
            var actual = await CountRowsAsync(destination, ct);
            var integrity = await ScalarAsync(destination, "PRAGMA integrity_check", ct);
            if (!string.Equals(integrity, "ok", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The backup failed SQLite's integrity check: {integrity}");
            }

            var missing = expected.Where(t => actual.GetValueOrDefault(t.Key, -1) < t.Value).Select(t => t.Key).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException($"The backup is missing rows in {string.Join(", ", missing)}.");
            }

            await destination.CloseAsync();
            return new Result(path, new FileInfo(path).Length, actual.Count, actual.Values.Sum());
        }
        catch
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
            throw;
        }
        finally
        {
            if (wasClosed)
            {
                await source.CloseAsync();
            }
        }
    }

    /// <summary>Rows in every table of a SQLite database, by table name.</summary>
    public static async Task<Dictionary<string, long>> CountRowsAsync(SqliteConnection connection, CancellationToken ct)
    {
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            counts[table] = long.Parse(
                await ScalarAsync(connection, $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", ct),
                CultureInfo.InvariantCulture);
        }

        return counts;
    }

    private static async Task<string> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) ?? "";
    }
}
