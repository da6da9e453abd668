using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Data;

/// <summary>
/// Tells a database that cannot be reached or used (the file gone, the server down, locked, timed out) from a
/// fault in what the portal asked of it (a broken constraint, bad SQL). The first is an outage that passes by
/// itself and earns "Sorry, the service is unavailable" (503, try again later); the second is a bug (500).
/// </summary>
public static class DatabaseFailure
{
    /// <summary>How long the unavailable page asks clients to wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    // SQLite primary result codes that mean the database itself cannot be used just now.
    private static readonly HashSet<int> SqliteUnavailable =
    [
        3, // SQLITE_PERM
        5, // SQLITE_BUSY
        6, // SQLITE_LOCKED
        7, // SQLITE_NOMEM
        8, // SQLITE_READONLY
        10, // SQLITE_IOERR
        11, // SQLITE_CORRUPT
        13, // SQLITE_FULL
        14, // SQLITE_CANTOPEN
        15, // SQLITE_PROTOCOL
        23, // SQLITE_AUTH
        26, // SQLITE_NOTADB
    ];

    // SQL Server errors for a server, database or network that is not there, or too busy: timeout, network
    // failures, database not available, login failed, deadlock victim, Azure SQL throttling and failover.
    private static readonly HashSet<int> SqlServerUnavailable =
        [-2, -1, 2, 53, 64, 121, 233, 258, 1205, 4060, 4221, 10053, 10054, 10060, 10928, 10929, 11001, 18456, 40197, 40501, 40613, 49918, 49919, 49920];

    /// <summary>
    /// The health check's probe. CanConnect alone is blind on SQLite (it only asks whether the file exists), so a
    /// one-row read of a real table proves the database opens, has its schema and can be read.
    /// </summary>
    public static async Task<bool> ProbeAsync(PortalDbContext db, CancellationToken ct)
    {
        if (!await db.Database.CanConnectAsync(ct))
        {
            return false;
        }

        _ = await db.Users.AnyAsync(ct);
        return true;
    }

    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite:
                    return SqliteUnavailable.Contains(sqlite.SqliteErrorCode & 0xff);
                case SqlException sql:
                    // Severity 20 and above closes the connection: the server or the network failed.
                    return sql.Class >= 20 || SqlServerUnavailable.Contains(sql.Number);
                case DbException db:
                    return db.IsTransient;
                case TimeoutException:
                    return true;
                case Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException:
                    return true;
            }
        }

        return false;
    }
}
