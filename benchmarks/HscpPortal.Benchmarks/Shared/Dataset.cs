using System.Globalization;
using HscpPortal.Web.Domain;
using Microsoft.Data.Sqlite;

namespace HscpPortal.Benchmarks;

/// <summary>An open action a load-test writer may add progress to, and the status it keeps.</summary>
public sealed record OpenAction(int Id, string Status);

/// <summary>
/// What the benchmarks need from the seeded database, read straight from the SQLite file (read-only) so that the
/// portal's pages are measured with real ids: the busiest meeting, the group with most open actions, the year.
/// </summary>
public sealed record Dataset(
    ReportingYear LastCompleteYear,
    int BusiestMeetingId,
    int BusiestMeetingRows,
    int BusiestGroupId,
    IReadOnlyList<OpenAction> OpenActions,
    IReadOnlyDictionary<string, long> Counts)
{
    private static readonly string[] Counted = ["Meetings", "Attendance", "Decisions", "Actions", "ActionUpdates", "Escalations"];

    public static SqliteConnection OpenReadOnly(string dataDirectory)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = PortalProcess.DatabaseFile(dataDirectory),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    public static Dataset Read(string dataDirectory)
    {
        using var db = OpenReadOnly(dataDirectory);
        var counts = Counted.ToDictionary(t => t, t => Scalar(db, $"SELECT COUNT(*) FROM \"{t}\""));
        var (meeting, rows) = Row(db, """
            SELECT m.Id, (SELECT COUNT(*) FROM Attendance a WHERE a.MeetingId = m.Id) + (SELECT COUNT(*) FROM Decisions d WHERE d.MeetingId = m.Id) AS n
            FROM Meetings m ORDER BY n DESC, m.Id LIMIT 1
            """);
        var (group, _) = Row(db, """
            SELECT GroupId, COUNT(*) AS n FROM Actions
            WHERE ArchivedAt IS NULL AND Status IN ('NotStarted', 'OnTrack', 'AtRisk', 'OffTrack')
            GROUP BY GroupId ORDER BY n DESC, GroupId LIMIT 1
            """);
        var open = new List<OpenAction>();
        using (var command = db.CreateCommand())
        {
            command.CommandText = """
                SELECT Id, Status FROM Actions
                WHERE ArchivedAt IS NULL AND Status IN ('NotStarted', 'OnTrack', 'AtRisk', 'OffTrack')
                ORDER BY Id
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                open.Add(new OpenAction(reader.GetInt32(0), reader.GetString(1)));
            }
        }

        var today = UkTime.Today(TimeProvider.System);
        return new Dataset(ReportingYear.Containing(today).Previous, (int)meeting, (int)rows, (int)group, open, counts);
    }

    /// <summary>The dataset in one line, for the figures' record.</summary>
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{Counts["Meetings"]:N0} meetings, {Counts["Attendance"]:N0} attendance rows, {Counts["Decisions"]:N0} decisions, {Counts["Actions"]:N0} actions with {Counts["ActionUpdates"]:N0} updates, {Counts["Escalations"]:N0} escalations");

    public static long Scalar(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static (long, long) Row(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetInt64(1)) : (0, 0);
    }
}
