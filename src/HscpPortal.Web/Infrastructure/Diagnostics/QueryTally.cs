using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HscpPortal.Web.Infrastructure.Diagnostics;

/// <summary>
/// The database commands one request ran and the time they took. The server-timing middleware starts one per request;
/// it flows to every DbContext the request uses through the async context, so no service needs to know about it.
/// </summary>
public sealed class QueryTally
{
    private static readonly AsyncLocal<QueryTally?> CurrentTally = new();
    private int count;
    private long ticks;

    /// <summary>The tally of the request in progress, or null when nobody is counting.</summary>
    public static QueryTally? Current
    {
        get => CurrentTally.Value;
        set => CurrentTally.Value = value;
    }

    public int Count => Volatile.Read(ref count);

    public TimeSpan Duration => TimeSpan.FromTicks(Interlocked.Read(ref ticks));

    public void Add(TimeSpan duration)
    {
        Interlocked.Increment(ref count);
        Interlocked.Add(ref ticks, duration.Ticks);
    }
}

/// <summary>
/// Adds each command to the current request's tally. A query's time runs from its start until its reader is disposed,
/// because SQLite does most of a query's work while the rows are read, not when the command is executed.
/// </summary>
public sealed class QueryTimingInterceptor : DbCommandInterceptor
{
    public static readonly QueryTimingInterceptor Instance = new();

    private QueryTimingInterceptor()
    {
    }

    /// <summary>Attaches the interceptor when server timing is switched on, so that it costs nothing otherwise.</summary>
    public static void AttachIfEnabled(DbContextOptionsBuilder builder, IConfiguration configuration)
    {
        if (ServerTiming.IsSwitchedOn(configuration))
        {
            builder.AddInterceptors(Instance);
        }
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        QueryTally.Current?.Add(DateTimeOffset.UtcNow - eventData.StartTime);
        return base.DataReaderDisposing(command, eventData, result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        QueryTally.Current?.Add(eventData.Duration);
        return base.ScalarExecuted(command, eventData, result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        QueryTally.Current?.Add(eventData.Duration);
        return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        QueryTally.Current?.Add(eventData.Duration);
        return base.NonQueryExecuted(command, eventData, result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        QueryTally.Current?.Add(eventData.Duration);
        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData)
    {
        QueryTally.Current?.Add(eventData.Duration);
        base.CommandFailed(command, eventData);
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        QueryTally.Current?.Add(eventData.Duration);
        return base.CommandFailedAsync(command, eventData, cancellationToken);
    }
}
