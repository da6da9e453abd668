using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HscpPortal.Web.Infrastructure.Pdf;

/// <summary>
/// One headless Chromium with its own temporary folder and profile, driven over the DevTools pipe. It prints one
/// document and is then closed with its folder (ADR-003): a second <see cref="PrintAsync"/> is refused. It is started
/// before it is needed (<see cref="Start"/> returns at once; <see cref="Ready"/> completes when the browser has a blank
/// page open and listening), so that a spare can wait ready for the next print.
/// </summary>
internal sealed class ChromiumBrowser : IAsyncDisposable
{
    private const double MmPerInch = 25.4;

    private static readonly string[] Flags =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-default-apps",
        "--no-first-run",
        "--no-default-browser-check",
        "--mute-audio",
        "--hide-scrollbars",
        "--remote-debugging-pipe",
        // The document arrives complete (ADR-003), so the browser needs no network: every request, even to an IP
        // address, is sent to a proxy that does not exist and fails at once.
        "--proxy-server=127.0.0.1:9",
        "--proxy-bypass-list=<-loopback>",
        // Headless Chromium is the whole browser, and starting one costs seconds of processor time, much of it after
        // it answers: on a small host, time taken from the next print when it comes while a spare is still starting.
        // The omnibox's pop-up page is never shown headless, and a blank first tab (below) is not the new-tab page,
        // so neither is loaded.
        "--disable-features=WebUIOmniboxPopup",
    ];

    private readonly Process process;
    private readonly DevToolsPipe pipe;
    private readonly string workDirectory;
    private readonly ILogger logger;
    private readonly StderrTail errors = new();
    // Cancelled when the browser is closed or killed, so that a launch nobody waits for does not wait for ever. Not
    // disposed: it has no timer to free, and a print may still hold a token linked to it.
    private readonly CancellationTokenSource life = new();
    private readonly Lock gate = new();
    private string? session;
    private bool used;
    private bool printed;
    private Task? closing;

    private ChromiumBrowser(Process process, Task exited, string workDirectory, ILogger logger)
    {
        this.process = process;
        this.workDirectory = workDirectory;
        this.logger = logger;
        Exited = exited;
        pipe = new DevToolsPipe(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
        Ready = OpenBlankPageAsync();
        // A spare that fails before anyone asks for it is dealt with by the printer; its error needs no other observer.
        Ready.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>The browser has a blank page open and attached; faults if it could not get that far.</summary>
    public Task Ready { get; }

    /// <summary>
    /// Completes when the browser process has exited, whoever ended it. (Not when its stderr closes: a crash handler
    /// it started may hold that open a little longer.)
    /// </summary>
    public Task Exited { get; }

    /// <summary>How many times the document was printed: more than once when its contents were numbered.</summary>
    public int Prints { get; private set; }

    /// <summary>Starts the browser in a new temporary folder; the DevTools handshake goes on in <see cref="Ready"/>.</summary>
    /// <exception cref="PdfPrintException">The folder could not be made or the browser could not be started.</exception>
    public static ChromiumBrowser Start(string browser, ILogger logger)
    {
        string workDirectory;
        try
        {
            workDirectory = Directory.CreateTempSubdirectory("hscp-pdf-").FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PdfPrintException($"The PDF printer could not use its temporary folder: {e.Message}", e);
        }

        // The pipe protocol wants fds 3 and 4; a shell hands the browser our stdin and stdout as those, and its
        // own stdout goes to stderr with its logging. The pipes are ours alone (close-on-exec), so if this process
        // dies, the browser sees its DevTools pipe close and exits too.
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDirectory,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$@\" 3<&0 4>&1 0</dev/null 1>&2");
        start.ArgumentList.Add(browser);
        foreach (var flag in Flags)
        {
            start.ArgumentList.Add(flag);
        }

        start.ArgumentList.Add($"--user-data-dir={Path.Combine(workDirectory, "profile")}");
        start.ArgumentList.Add("about:blank");
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(workDirectory, "config");
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(workDirectory, "cache");

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.Exited += (_, _) => exited.TrySetResult();
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            DeleteQuietly(workDirectory, logger);
            throw new PdfPrintException($"Chromium could not be started from {browser}: {e.Message}", e);
        }

        var started = new ChromiumBrowser(process, exited.Task, workDirectory, logger);
        process.ErrorDataReceived += (_, e) => started.errors.Add(e.Data);
        process.BeginErrorReadLine();
        return started;
    }

    private async Task OpenBlankPageAsync()
    {
        var ct = life.Token;
        // The blank first tab if it is open already, else a new one: each page is a renderer process of its own.
        var targets = await pipe.SendAsync("Target.getTargets", null, null, ct);
        var targetId = targets.GetProperty("targetInfos").EnumerateArray()
            .Where(t => t.GetProperty("type").GetString() == "page" && t.GetProperty("url").GetString() == "about:blank")
            .Select(t => t.GetProperty("targetId").GetString())
            .FirstOrDefault();
        if (targetId is null)
        {
            var created = await pipe.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, ct);
            targetId = created.GetProperty("targetId").GetString();
        }

        var attached = await pipe.SendAsync(
            "Target.attachToTarget", new JsonObject { ["targetId"] = targetId, ["flatten"] = true }, null, ct);
        session = attached.GetProperty("sessionId").GetString();
        await pipe.SendAsync("Page.enable", null, session, ct);
    }

    /// <summary>Prints the one document this browser will ever see; waits for <see cref="Ready"/> first.</summary>
    /// <exception cref="PdfPrintException">The browser failed, refused or exited; the message says why.</exception>
    public async Task<byte[]> PrintAsync(string html, PdfPrintOptions print, CancellationToken ct)
    {
        lock (gate)
        {
            if (used)
            {
                throw new InvalidOperationException("A browser prints one document only.");
            }

            used = true;
        }

        using var both = CancellationTokenSource.CreateLinkedTokenSource(ct, life.Token);
        try
        {
            await Ready.WaitAsync(both.Token);
            var pdf = await PrintDocumentAsync(html, print, both.Token);
            printed = true;
            return pdf;
        }
        catch (OperationCanceledException e) when (life.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new PdfPrintException("The PDF printer was shut down while it was printing.", e);
        }
        catch (ObjectDisposedException e)
        {
            throw new PdfPrintException("The PDF printer was shut down while it was printing.", e);
        }
        catch (PdfPrintException e)
        {
            if (!await ExitedWithinAsync(TimeSpan.FromSeconds(1)))
            {
                throw;
            }

            throw new PdfPrintException($"{e.Message} Chromium exited with code {process.ExitCode}. {errors}".TrimEnd(), e);
        }
    }

    private async Task<byte[]> PrintDocumentAsync(string html, PdfPrintOptions print, CancellationToken ct)
    {
        // From a file, so the browser needs no sign-in cookie and no round trip to the portal.
        var documentPath = Path.Combine(workDirectory, "document.html");
        try
        {
            await File.WriteAllTextAsync(documentPath, html, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PdfPrintException($"The PDF printer could not use its temporary folder: {e.Message}", e);
        }

        var loaded = pipe.ListenFor("Page.loadEventFired", session);
        var navigated = await pipe.SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(documentPath).AbsoluteUri }, session, ct);
        if (navigated.TryGetProperty("errorText", out var navigationError) && navigationError.GetString() is { Length: > 0 } text)
        {
            throw new PdfPrintException($"Chromium could not open the document: {text}");
        }

        await loaded.WaitAsync(ct);

        // Web fonts and the title (it becomes the PDF's Title metadata); and, for the contents, the document's headings.
        var script = "document.fonts.ready.then(() => " + (print.FillContentsPageNumbers ? ContentsPageNumbers.HeadingsScript : "[]") + ")";
        if (!string.IsNullOrWhiteSpace(print.Title))
        {
            script = $"document.title = {JsonSerializer.Serialize(print.Title)}; {script}";
        }

        var headings = ContentsPageNumbers.ReadHeadings(await EvaluateAsync(script, ct));
        if (headings.Count == 0)
        {
            // Not asked for, or nothing asks for a page number.
            return await PrintToPdfAsync(print, ct);
        }

        // Only this print's outline is read, so it goes without the running header and footer: they are drawn in the
        // margins, so do not move a heading, and leaving them out saves a tenth of a second or more.
        var pdf = await PrintToPdfAsync(print with { HeaderTemplate = "", FooterTemplate = "" }, ct);

        // Numbers written into the contents could, in principle, push a heading onto another page, so the pages are
        // read again after each print until they agree with what the contents say. The contents are one page of
        // their own in the yearly report, so the second print agrees; a third is the most this will do.
        var pages = PagesOf(headings, pdf);
        for (var pass = 2; pass <= 3; pass++)
        {
            var unfilled = await EvaluateAsync(ContentsPageNumbers.FillScript(pages), ct);
            if (pass == 2 && unfilled.ValueKind == JsonValueKind.Number && unfilled.GetInt32() > 0)
            {
                logger.LogWarning("{Count} contents entries name a heading that is not in the PDF's outline, so they have no page number", unfilled.GetInt32());
            }

            pdf = await PrintToPdfAsync(print, ct);
            var printedPages = PagesOf(headings, pdf);
            if (printedPages.Count == pages.Count && printedPages.All(p => pages.GetValueOrDefault(p.Key) == p.Value))
            {
                break;
            }

            if (pass == 3)
            {
                logger.LogWarning("The contents' page numbers still moved after the third print; the PDF was kept as printed");
            }

            pages = printedPages;
        }

        return pdf;
    }

    private static Dictionary<string, int> PagesOf(IReadOnlyList<ContentsPageNumbers.Heading> headings, byte[] pdf)
    {
        try
        {
            return ContentsPageNumbers.PagesOf(headings, pdf);
        }
        catch (Exception e)
        {
            // PdfPig's errors have no common base; whichever it is, the contents cannot be numbered, and a PDF with
            // a wrong or missing contents is not quietly handed out instead.
            throw new PdfPrintException($"The printed PDF's outline could not be read to number the contents: {e.Message}", e);
        }
    }

    private async Task<JsonElement> EvaluateAsync(string expression, CancellationToken ct)
    {
        var result = await pipe.SendAsync(
            "Runtime.evaluate", new JsonObject { ["expression"] = expression, ["awaitPromise"] = true, ["returnByValue"] = true }, session, ct);
        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new PdfPrintException($"Chromium could not run the printer's script: {exception.GetProperty("text").GetString()}");
        }

        return result.TryGetProperty("result", out var value) && value.TryGetProperty("value", out var returned) ? returned : default;
    }

    private async Task<byte[]> PrintToPdfAsync(PdfPrintOptions print, CancellationToken ct)
    {
        Prints++;
        var header = print.HeaderTemplate ?? HeaderTemplate(print);
        var footer = print.FooterTemplate ?? FooterTemplate(print);
        var result = await pipe.SendAsync("Page.printToPDF", new JsonObject
        {
            ["landscape"] = print.Landscape,
            ["printBackground"] = true,
            ["paperWidth"] = print.PaperWidthMm / MmPerInch,
            ["paperHeight"] = print.PaperHeightMm / MmPerInch,
            ["marginTop"] = print.Margins.TopMm / MmPerInch,
            ["marginRight"] = print.Margins.RightMm / MmPerInch,
            ["marginBottom"] = print.Margins.BottomMm / MmPerInch,
            ["marginLeft"] = print.Margins.LeftMm / MmPerInch,
            ["preferCSSPageSize"] = print.PreferCssPageSize,
            ["displayHeaderFooter"] = header.Length > 0 || footer.Length > 0,
            // An empty template would make Chromium draw its default date, title and URL.
            ["headerTemplate"] = header.Length > 0 ? header : "<span></span>",
            ["footerTemplate"] = footer.Length > 0 ? footer : "<span></span>",
            ["generateTaggedPDF"] = true,
            ["generateDocumentOutline"] = true,
        }, session, ct);

        return Convert.FromBase64String(result.GetProperty("data").GetString() ?? "");
    }

    // Header and footer templates render in their own tiny document: their text has no size until given one,
    // and they see none of the page's styles.
    private const string TemplateStyle =
        "<style>.b{box-sizing:border-box;width:100%;padding:0 {0}mm;display:flex;justify-content:space-between;" +
        "font-family:Arial,Helvetica,sans-serif;font-size:8pt;color:#0b0c0c}.m{font-weight:bold;letter-spacing:.05em}</style>";

    private static string Style(PdfPrintOptions print) =>
        TemplateStyle.Replace("{0}", print.Margins.LeftMm.ToString("0.#", CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static string HeaderTemplate(PdfPrintOptions print)
    {
        if (string.IsNullOrWhiteSpace(print.RunningHeader) && string.IsNullOrWhiteSpace(print.HeaderMarker))
        {
            return "";
        }

        var encoder = HtmlEncoder.Default;
        return Style(print) +
            $"<div class=\"b\"><span>{encoder.Encode(print.RunningHeader ?? "")}</span><span class=\"m\">{encoder.Encode(print.HeaderMarker ?? "")}</span></div>";
    }

    private static string FooterTemplate(PdfPrintOptions print) =>
        print.PageNumbers
            ? Style(print) + "<div class=\"b\"><span></span><span>Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></span></div>"
            : "";

    /// <summary>Whether the browser exits within the wait, with its last words on stderr read.</summary>
    private async Task<bool> ExitedWithinAsync(TimeSpan wait)
    {
        try
        {
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(wait);
        }
        catch (TimeoutException)
        {
        }

        return Exited.IsCompleted;
    }

    /// <summary>
    /// Closes the browser: one that printed, or a spare that is ready and unused, is asked to close; any other (or one
    /// that will not close) is killed with its children. Its folder and profile are deleted. Safe to call more than
    /// once and from several threads; every caller waits for the same closing.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        lock (gate)
        {
            closing ??= CloseAsync(polite: printed || (!used && Ready.IsCompletedSuccessfully));
            return new ValueTask(closing);
        }
    }

    private async Task CloseAsync(bool polite)
    {
        if (polite && !Exited.IsCompleted)
        {
            try
            {
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                await pipe.SendAsync("Browser.close", null, null, grace.Token);
                await Exited.WaitAsync(grace.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or PdfPrintException or IOException)
            {
                // Closed already, or will not close: the kill below deals with it.
            }
        }

        Kill();
        await life.CancelAsync();
        try
        {
            await Exited.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            logger.LogWarning("A PDF browser (process {ProcessId}) did not exit within 5 seconds of being killed", process.Id);
        }

        // The browser's helpers outlive it for a moment and write into the folder: its crash handler (not its child,
        // so not killed with it) and services still shutting down. They share its stderr, which closes when the last
        // of them has exited, so the folder is deleted after that.
        try
        {
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            logger.LogWarning("A PDF browser's helper processes (browser process {ProcessId}) had not exited 5 seconds after it", process.Id);
        }

        await pipe.DisposeAsync();
        process.Dispose();
        DeleteQuietly(workDirectory, logger);
    }

    /// <summary>
    /// Kills the browser now, cutting short a polite closing under way, and returns the closing, which ends once the
    /// browser and its helpers have exited and the folder is deleted: for a process that is ending.
    /// </summary>
    public Task KillAsync()
    {
        Task killing;
        lock (gate)
        {
            closing ??= CloseAsync(polite: false);
            killing = closing;
        }

        Kill();
        return killing;
    }

    private void Kill()
    {
        try
        {
            if (!Exited.IsCompleted)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException or System.ComponentModel.Win32Exception)
        {
            // Exited between the check and the kill, or already closed and disposed.
        }
    }

    private static void DeleteQuietly(string directory, ILogger logger)
    {
        // A second try, a moment later, for a file written as the first went through.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (attempt == 2)
                {
                    logger.LogWarning(e, "Could not delete the PDF printer's temporary folder {Directory}", directory);
                    return;
                }

                Thread.Sleep(100);
            }
        }
    }

    /// <summary>The browser's last few lines of logging, to explain a failure.</summary>
    private sealed class StderrTail
    {
        private readonly Queue<string> lines = new();

        public void Add(string? line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                return;
            }

            lock (lines)
            {
                lines.Enqueue(line);
                while (lines.Count > 5)
                {
                    lines.Dequeue();
                }
            }
        }

        public override string ToString()
        {
            lock (lines)
            {
                return lines.Count == 0 ? "" : "Its last messages: " + string.Join(" | ", lines);
            }
        }
    }
}
