namespace HscpPortal.Web.Infrastructure;

public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The partnership's name, shown in the service header.</summary>
    public string Name { get; set; } = "Safeguarding Children Partnership";

    public string ShortName { get; set; } = "SCP";

    /// <summary>Where mail, logs, uploads and the SQLite database live unless set one by one.</summary>
    public string DataDirectory { get; set; } = "App_Data";

    public string ContactEmail { get; set; } = "partnership@example.org";

    /// <summary>
    /// The portal's public address, the start of every absolute link it sends or shows (emails, calendar files and
    /// feeds). Set it to the address users type, such as https://portal.example.org; required in Production.
    /// </summary>
    public string PublicUrl { get; set; } = "http://localhost:5080";
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite file; relative paths are under the data directory.</summary>
    public string SqlitePath { get; set; } = "hscp-portal.db";

    /// <summary>Defaults to on for SQLite, off for SQL Server (apply with the migrate verb).</summary>
    public bool? MigrateOnStartup { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed the demo partnership into an empty database. Defaults to on with SQLite; never in Production.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Publish the demo 2023-24 yearly report while seeding, which prints its PDF with Chromium.</summary>
    public bool PublishReports { get; set; } = true;

    /// <summary>
    /// Generate the years from the end of the hand-written story to the day of seeding, so the demo is alive on
    /// that day (meetings held, registers, actions, escalations). On by default; fixtures that only need the
    /// hand-written story turn it off to seed faster.
    /// </summary>
    public bool FillToToday { get; set; } = true;
}

public sealed class AccountOptions
{
    public const string Section = "Accounts";

    public List<string> RequireTwoFactorForRoles { get; set; } = [];

    public int MaxFailedAccessAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    public int MinimumPasswordLength { get; set; } = 12;

    /// <summary>Sign-in attempts allowed per account and per client address in each window.</summary>
    public ThrottleOptions SignInLimits { get; set; } = new() { PerAccount = 10, PerAddress = 100, WindowMinutes = 15 };

    /// <summary>Forgotten-password requests allowed per account and per client address in each window.</summary>
    public ThrottleOptions PasswordResetLimits { get; set; } = new() { PerAccount = 3, PerAddress = 20, WindowMinutes = 60 };
}

public sealed class ThrottleOptions
{
    public int PerAccount { get; set; }
    public int PerAddress { get; set; }
    public int WindowMinutes { get; set; }
}
