using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Infrastructure.Pdf;

/// <summary>
/// Prints with Debian's headless Chromium through the DevTools protocol (Page.printToPDF), asking for a tagged PDF with
/// a document outline built from the headings. Every browser prints one document with a throwaway profile and is then
/// closed (ADR-003). So that a print need not wait for a browser to start, one spare is started after each successful
/// print while the web host runs: it waits with a blank page, is handed whole to the next print, and is closed unused
/// after <see cref="PdfOptions.SpareMinutes"/>. At most <see cref="PdfOptions.MaxConcurrent"/> browsers run at once,
/// the spare included; a print's timeout covers waiting for one, and kills the whole process tree when it runs out.
/// </summary>
public sealed class ChromiumPdfPrinter : IPdfPrinter, IAsyncDisposable, IDisposable
{
    private static readonly string[] Candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    private readonly PdfOptions settings;
    private readonly ILogger<ChromiumPdfPrinter> logger;
    private readonly int capacity;
    private readonly TimeSpan timeout;
    private readonly TimeSpan spareFor;
    private readonly CancellationTokenSource stopping = new();
    private readonly CancellationToken stopped;

    private readonly Lock sync = new();
    // Every browser this printer started and has not yet seen exit: printing, closing after a print, or the spare.
    private readonly HashSet<ChromiumBrowser> running = [];
    // Prints waiting for a browser, first come first served; each is handed a slot, or the spare, when one is free.
    private readonly LinkedList<TaskCompletionSource> waiting = new();
    private int held;
    private ChromiumBrowser? spare;
    private string? spareBrowserPath;
    private bool hostRunning;
    private bool disposed;
    private Task? closingAll;

    public ChromiumPdfPrinter(IOptions<PdfOptions> options, ILogger<ChromiumPdfPrinter> logger, IHostApplicationLifetime? lifetime = null)
    {
        settings = options.Value;
        this.logger = logger;
        capacity = Math.Max(1, settings.MaxConcurrent);
        timeout = TimeSpan.FromSeconds(Math.Max(1, settings.TimeoutSeconds));
        // At most a day: longer than any timer allows, and a browser left that long is not worth keeping.
        spareFor = TimeSpan.FromMinutes(Math.Clamp(settings.SpareMinutes, 0, 24 * 60));
        stopped = stopping.Token;
        AppDomain.CurrentDomain.ProcessExit += KillAllOnExit;

        // A spare is kept only while the web host runs: not for the prints of start-up tasks or a CLI verb, whose
        // process ends without stopping a host, and never after the host has begun to stop. A printer made on its own
        // (tests, tools) keeps one until it is disposed.
        if (lifetime is null)
        {
            hostRunning = true;
        }
        else
        {
            lifetime.ApplicationStarted.Register(() =>
            {
                lock (sync)
                {
                    hostRunning = !lifetime.ApplicationStopping.IsCancellationRequested;
                }
            });
            lifetime.ApplicationStopping.Register(StopKeepingSpare);
        }
    }

    public async Task<byte[]> PrintAsync(string html, PdfPrintOptions options, CancellationToken ct)
    {
        var path = FindBrowser();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var clock = Stopwatch.StartNew();

        ChromiumBrowser? taken;
        try
        {
            taken = await TakeSlotAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new PdfPrintException($"The PDF printer was busy with other documents for {timeout.TotalSeconds:0} seconds.");
        }

        // From here this print holds a slot, whatever happens, until its browser has exited.
        ChromiumBrowser browser;
        var usedSpare = taken is not null && !taken.Ready.IsFaulted && !taken.Exited.IsCompleted;
        try
        {
            if (taken is not null && !usedSpare)
            {
                // The spare died before anyone needed it; this print starts its own browser in the spare's slot.
                _ = CloseAsync(taken, releaseSlot: false);
            }

            browser = usedSpare ? taken! : Launch(path);
            lock (sync)
            {
                spareBrowserPath = path;
            }
        }
        catch
        {
            Release(keepSpare: false);
            throw;
        }

        var printed = false;
        try
        {
            var bytes = await browser.PrintAsync(html, options, deadline.Token);
            printed = true;
            logger.LogInformation(
                "Printed a PDF of {Bytes} bytes in {ElapsedMs} ms ({Browser} browser, {Prints} print(s))",
                bytes.Length, clock.ElapsedMilliseconds, usedSpare ? "spare" : "new", browser.Prints);
            return bytes;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new PdfPrintException($"Chromium did not finish printing within {timeout.TotalSeconds:0} seconds, so it was stopped.");
        }
        finally
        {
            if (printed)
            {
                // The reader need not wait for the browser to close, nor for the next one to start: it closes in the
                // background, keeping its slot until it has exited, and a spare is started for the next print in a
                // free slot, now or when one is freed.
                _ = CloseAsync(browser, releaseSlot: true, keepSpare: true);
                _ = Task.Run(KeepSpare, CancellationToken.None);
            }
            else
            {
                // A browser that failed or ran out of time is killed before the reader hears of it, and no spare
                // replaces it: a broken or hanging browser is not started again until someone asks for a PDF.
                await CloseAsync(browser, releaseSlot: true, keepSpare: false);
            }
        }
    }

    /// <summary>
    /// Waits for a free slot or the spare, and returns the spare (null when given a slot without one). Whoever is
    /// given a slot must give it back through <see cref="Release"/>, or pass it to a browser that will. There is never
    /// a spare while a print waits: a print takes the spare if there is one, and a freed slot goes to a waiting print
    /// before any spare.
    /// </summary>
    private async Task<ChromiumBrowser?> TakeSlotAsync(CancellationToken ct)
    {
        TaskCompletionSource handed;
        LinkedListNode<TaskCompletionSource> place;
        lock (sync)
        {
            if (disposed)
            {
                throw new PdfPrintException("The PDF printer has been shut down.");
            }

            if (spare is not null)
            {
                var ready = spare;
                spare = null;
                return ready;
            }

            if (held < capacity)
            {
                held++;
                return null;
            }

            handed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            place = waiting.AddLast(handed);
        }

        try
        {
            await handed.Task.WaitAsync(ct);
            return null;
        }
        catch (OperationCanceledException)
        {
            lock (sync)
            {
                if (place.List is not null)
                {
                    waiting.Remove(place);
                    throw;
                }
            }

            // A slot was handed over just as the wait ran out: pass it on.
            if (handed.Task.IsCompletedSuccessfully)
            {
                Release(keepSpare: false);
            }

            throw;
        }
    }

    /// <summary>Gives a slot back: to the first print waiting, else to a new spare when asked, else free.</summary>
    private void Release(bool keepSpare)
    {
        lock (sync)
        {
            while (waiting.First is { } first)
            {
                waiting.RemoveFirst();
                if (first.Value.TrySetResult())
                {
                    return;
                }
            }

            held--;
        }

        if (keepSpare)
        {
            KeepSpare();
        }
    }

    /// <summary>Starts a spare when there is none, nobody is waiting, a slot is free and the host is running.</summary>
    private void KeepSpare()
    {
        ChromiumBrowser started;
        lock (sync)
        {
            if (disposed || !hostRunning || spareFor <= TimeSpan.Zero || spare is not null || waiting.Count > 0 || held >= capacity
                || spareBrowserPath is null)
            {
                return;
            }

            try
            {
                started = LaunchLocked(spareBrowserPath);
            }
            catch (PdfPrintException e)
            {
                logger.LogWarning(e, "A spare PDF browser could not be started");
                return;
            }

            held++;
            spare = started;
        }

        _ = WatchSpareAsync(started);
    }

    /// <summary>Retires the spare if it fails to start in time, exits, or waits longer than it may.</summary>
    private async Task WatchSpareAsync(ChromiumBrowser browser)
    {
        string why;
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(stopped);
        try
        {
            await browser.Ready.WaitAsync(timeout, stopped);
            await Task.WhenAny(browser.Exited, Task.Delay(spareFor, idle.Token));
            why = browser.Exited.IsCompleted ? "it exited" : "it was not needed";
        }
        catch (Exception e)
        {
            // Whatever went wrong, a spare that is not ready is not kept.
            why = e is OperationCanceledException ? "the printer stopped" : $"it did not start: {e.Message}";
        }
        finally
        {
            // Ends the idle timer of a spare that was taken, or exited, before its time was up.
            await idle.CancelAsync();
        }

        lock (sync)
        {
            if (spare != browser)
            {
                return;
            }

            spare = null;
        }

        logger.LogInformation("The spare PDF browser was closed because {Reason}", why);
        await CloseAsync(browser, releaseSlot: true, keepSpare: false);
    }

    private ChromiumBrowser Launch(string path)
    {
        lock (sync)
        {
            return LaunchLocked(path);
        }
    }

    // Under the lock, so that a printer being disposed never misses a browser started at the same moment.
    private ChromiumBrowser LaunchLocked(string path)
    {
        if (disposed)
        {
            throw new PdfPrintException("The PDF printer has been shut down.");
        }

        var browser = ChromiumBrowser.Start(path, logger);
        running.Add(browser);
        return browser;
    }

    /// <summary>Closes a browser (politely if it printed or is an unused spare, else killed) and then frees its slot.</summary>
    private async Task CloseAsync(ChromiumBrowser browser, bool releaseSlot, bool keepSpare = false)
    {
        try
        {
            await browser.DisposeAsync();
        }
        finally
        {
            lock (sync)
            {
                running.Remove(browser);
            }

            if (releaseSlot)
            {
                Release(keepSpare);
            }
        }
    }

    private void StopKeepingSpare()
    {
        ChromiumBrowser? idle;
        lock (sync)
        {
            hostRunning = false;
            idle = spare;
            spare = null;
        }

        if (idle is not null)
        {
            _ = CloseAsync(idle, releaseSlot: true);
        }
    }

    /// <summary>The configured browser, or the first Chromium found; a missing browser is a clear error, not a hang.</summary>
    private string FindBrowser()
    {
        if (!string.IsNullOrWhiteSpace(settings.ChromiumPath))
        {
            return File.Exists(settings.ChromiumPath)
                ? settings.ChromiumPath
                : throw new PdfPrintException($"No browser was found at {settings.ChromiumPath} (the Pdf:ChromiumPath setting). Install Debian's chromium package or correct the setting.");
        }

        if (File.Exists("/usr/bin/chromium"))
        {
            return "/usr/bin/chromium";
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in Candidates)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new PdfPrintException(
            $"No Chromium browser was found: /usr/bin/chromium does not exist and none of {string.Join(", ", Candidates)} is on the PATH. " +
            "Install Debian's chromium package (apt-get install chromium) or set Pdf:ChromiumPath.");
    }

    /// <summary>
    /// Closes every browser this printer started, the spare and any still printing, and waits until they have exited
    /// and their folders are gone. Every caller, the first or a later one, waits for the same closing.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        lock (sync)
        {
            if (!disposed)
            {
                disposed = true;
                spare = null;
                foreach (var print in waiting)
                {
                    print.TrySetException(new PdfPrintException("The PDF printer was shut down."));
                }

                waiting.Clear();
                closingAll = CloseAllAsync([.. running]);
            }

            return new ValueTask(closingAll!);
        }
    }

    private async Task CloseAllAsync(ChromiumBrowser[] browsers)
    {
        await stopping.CancelAsync();
        await Task.WhenAll(browsers.Select(b => b.DisposeAsync().AsTask()));
        AppDomain.CurrentDomain.ProcessExit -= KillAllOnExit;
    }

    /// <summary>
    /// The process is ending with browsers still running: the printer was never disposed (a CLI verb), or its
    /// disposal is still under way and nobody waits for it (a host disposed from its entry point, as in
    /// WebApplicationFactory). They are killed and their folders deleted, so that nothing outlives the portal.
    /// </summary>
    private void KillAllOnExit(object? sender, EventArgs e)
    {
        ChromiumBrowser[] left;
        lock (sync)
        {
            disposed = true;
            spare = null;
            left = [.. running];
        }

        // A handler here must finish quickly; a killed browser's closing takes well under a second.
        try
        {
            Task.WaitAll([.. left.Select(b => b.KillAsync())], TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The process is ending; there is no one left to tell.
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
