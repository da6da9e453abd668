using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Infrastructure.Pdf;

/// <summary>
/// Prints with Debian's headless Chromium through the DevTools protocol (Page.printToPDF), asking for a tagged
/// PDF with a document outline built from the headings. One throwaway browser and profile per print, a timeout
/// that kills the whole process tree, and a cap on how many browsers run at once (ADR-003).
/// </summary>
public sealed class ChromiumPdfPrinter : IPdfPrinter, IDisposable
{
    private const double MmPerInch = 25.4;

    private static readonly string[] Candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

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
    ];

    private readonly PdfOptions settings;
    private readonly ILogger<ChromiumPdfPrinter> logger;
    private readonly SemaphoreSlim slots;

    public ChromiumPdfPrinter(IOptions<PdfOptions> options, ILogger<ChromiumPdfPrinter> logger)
    {
        settings = options.Value;
        this.logger = logger;
        slots = new SemaphoreSlim(Math.Max(1, settings.MaxConcurrent));
    }

    public async Task<byte[]> PrintAsync(string html, PdfPrintOptions options, CancellationToken ct)
    {
        var browser = FindBrowser();
        var timeout = TimeSpan.FromSeconds(Math.Max(1, settings.TimeoutSeconds));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var clock = Stopwatch.StartNew();

        try
        {
            await slots.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new PdfPrintException($"The PDF printer was busy with other documents for {timeout.TotalSeconds:0} seconds.");
        }

        string? workDirectory = null;
        try
        {
            workDirectory = Directory.CreateTempSubdirectory("hscp-pdf-").FullName;
            var bytes = await RunBrowserAsync(browser, workDirectory, html, options, timeout, deadline.Token, ct);
            logger.LogInformation("Printed a PDF of {Bytes} bytes in {ElapsedMs} ms", bytes.Length, clock.ElapsedMilliseconds);
            return bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PdfPrintException($"The PDF printer could not use its temporary folder: {e.Message}", e);
        }
        finally
        {
            slots.Release();
            if (workDirectory is not null)
            {
                DeleteQuietly(workDirectory);
            }
        }
    }

    private static async Task<byte[]> RunBrowserAsync(
        string browser, string workDirectory, string html, PdfPrintOptions print, TimeSpan timeout, CancellationToken deadline, CancellationToken caller)
    {
        // From a file, so the browser needs no sign-in cookie and no round trip to the portal.
        var documentPath = Path.Combine(workDirectory, "document.html");
        await File.WriteAllTextAsync(documentPath, html, caller);
        var profile = Path.Combine(workDirectory, "profile");

        // The pipe protocol wants fds 3 and 4; a shell hands the browser our stdin and stdout as those, and its
        // own stdout goes to stderr with its logging.
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

        start.ArgumentList.Add($"--user-data-dir={profile}");
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(workDirectory, "config");
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(workDirectory, "cache");

        using var process = new Process { StartInfo = start };
        var errors = new StderrTail();
        process.ErrorDataReceived += (_, e) => errors.Add(e.Data);
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new PdfPrintException($"Chromium could not be started from {browser}: {e.Message}", e);
        }

        process.BeginErrorReadLine();
        var pipe = new DevToolsPipe(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
        var finished = false;
        try
        {
            var pdf = await PrintWithDevToolsAsync(pipe, new Uri(documentPath).AbsoluteUri, print, deadline);
            finished = true;
            return pdf;
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            throw new PdfPrintException($"Chromium did not finish printing within {timeout.TotalSeconds:0} seconds, so it was stopped.");
        }
        catch (PdfPrintException e)
        {
            if (!await ExitedWithinAsync(process, TimeSpan.FromSeconds(1)))
            {
                throw;
            }

            throw new PdfPrintException($"{e.Message} Chromium exited with code {process.ExitCode}. {errors}".TrimEnd(), e);
        }
        finally
        {
            await CloseAsync(process, pipe, finished);
        }
    }

    private static async Task<bool> ExitedWithinAsync(Process process, TimeSpan wait)
    {
        try
        {
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(wait);
        }
        catch (TimeoutException)
        {
        }

        return process.HasExited;
    }

    private static async Task<byte[]> PrintWithDevToolsAsync(DevToolsPipe pipe, string url, PdfPrintOptions print, CancellationToken ct)
    {
        var target = await pipe.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, ct);
        var attached = await pipe.SendAsync(
            "Target.attachToTarget", new JsonObject { ["targetId"] = target.GetProperty("targetId").GetString(), ["flatten"] = true }, null, ct);
        var session = attached.GetProperty("sessionId").GetString();

        await pipe.SendAsync("Page.enable", null, session, ct);
        var loaded = pipe.ListenFor("Page.loadEventFired", session);
        var navigated = await pipe.SendAsync("Page.navigate", new JsonObject { ["url"] = url }, session, ct);
        if (navigated.TryGetProperty("errorText", out var navigationError) && navigationError.GetString() is { Length: > 0 } text)
        {
            throw new PdfPrintException($"Chromium could not open the document: {text}");
        }

        await loaded.WaitAsync(ct);

        // Web fonts and the title: the title becomes the PDF's Title metadata.
        var script = "document.fonts.ready.then(() => true)";
        if (!string.IsNullOrWhiteSpace(print.Title))
        {
            script = $"document.title = {JsonSerializer.Serialize(print.Title)}; {script}";
        }

        await pipe.SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = script, ["awaitPromise"] = true }, session, ct);

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

    /// <summary>Asks a browser that printed to close, and kills any other (or one that will not close) with its children.</summary>
    private static async Task CloseAsync(Process process, DevToolsPipe pipe, bool polite)
    {
        if (polite && !process.HasExited)
        {
            try
            {
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                await pipe.SendAsync("Browser.close", null, null, grace.Token);
                await process.WaitForExitAsync(grace.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or PdfPrintException or IOException)
            {
                // Closed already, or will not close: the kill below deals with it.
            }
        }

        if (!process.HasExited)
        {
            try
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or TimeoutException)
            {
                // Exited between the check and the kill.
            }
        }

        await pipe.DisposeAsync();
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

    private void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not delete the PDF printer's temporary folder {Directory}", directory);
        }
    }

    public void Dispose() => slots.Dispose();

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
