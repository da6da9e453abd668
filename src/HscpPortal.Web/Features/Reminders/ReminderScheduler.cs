using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Features.Reminders;

/// <summary>
/// Wakes every few minutes and sends the day's reminders once their time has passed. Every instance of the portal
/// runs one; the database claim in <see cref="ReminderService"/> makes sure only one of them sends.
/// </summary>
public sealed class ReminderScheduler(
    IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("Reminders are turned off (Reminders:Enabled)");
            return;
        }

        // Let the host finish starting before the first look at the database.
        await Task.Yield();
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, settings.CheckEveryMinutes)), clock);
        do
        {
            await TickAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task TickAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ReminderService>().RunDueAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed tick must not stop the host; the next tick tries again.
            logger.LogError(ex, "Sending reminders failed");
        }
    }
}
