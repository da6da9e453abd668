using System.Diagnostics;
using System.Globalization;

namespace HscpPortal.Web.Infrastructure.Diagnostics;

/// <summary>
/// With <c>Diagnostics:ServerTiming</c> on, every response carries
/// <c>Server-Timing: app;dur=12.3, db;dur=4.5;desc="7 queries"</c>: the time until the response started and the
/// database commands it ran. The page benchmark reads it. Off by default and never in Production, where it would
/// tell an attacker how long each query takes.
/// </summary>
public static class ServerTiming
{
    public const string Setting = "Diagnostics:ServerTiming";

    public static bool IsSwitchedOn(IConfiguration configuration) => configuration.GetValue<bool>(Setting);

    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        IsSwitchedOn(configuration) && !environment.IsProduction();

    /// <summary>Goes first in the pipeline so that the time covers everything the portal does for the request.</summary>
    public static WebApplication UseServerTiming(this WebApplication app)
    {
        if (IsEnabled(app.Configuration, app.Environment))
        {
            app.Use(async (context, next) =>
            {
                var tally = new QueryTally();
                QueryTally.Current = tally;
                var started = Stopwatch.GetTimestamp();
                context.Response.OnStarting(() =>
                {
                    // Headers must be set before the body starts: the time is up to the first byte, by which point a
                    // Razor page has been rendered in full (views are buffered) and its queries have all run.
                    context.Response.Headers["Server-Timing"] = Header(Stopwatch.GetElapsedTime(started), tally);
                    return Task.CompletedTask;
                });
                await next(context);
            });
        }

        return app;
    }

    public static string Header(TimeSpan app, QueryTally tally) =>
        string.Create(CultureInfo.InvariantCulture, $"app;dur={app.TotalMilliseconds:F1}, db;dur={tally.Duration.TotalMilliseconds:F1};desc=\"{tally.Count} {(tally.Count == 1 ? "query" : "queries")}\"");
}
