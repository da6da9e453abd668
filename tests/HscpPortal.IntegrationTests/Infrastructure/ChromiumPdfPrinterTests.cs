using System.Diagnostics;
using System.Text;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Infrastructure.Pdf;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HscpPortal.IntegrationTests;

/// <summary>The Chromium printer against Debian's real browser, and against browsers that are missing or hang.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class ChromiumPdfPrinterTests
{
    private const string Html = """
        <!DOCTYPE html>
        <html lang="en-GB"><head><meta charset="utf-8"><title>Printer test</title>
        <style>body { font-family: sans-serif; } h1 { font-size: 20pt; }</style></head>
        <body><h1>Minutes of the board</h1><p>Present: everyone.</p><h2>Item 1: Welcome</h2><p>The chair welcomed members.</p>
        <table><caption>Attendance</caption><thead><tr><th scope="col">Name</th></tr></thead><tbody><tr><td>A. Chair</td></tr></tbody></table>
        </body></html>
        """;

    private static ChromiumPdfPrinter Printer(
        string? path = null, int timeoutSeconds = 60, int maxConcurrent = 2, int spareMinutes = 10, IHostApplicationLifetime? lifetime = null) =>
        new(Options.Create(new PdfOptions { ChromiumPath = path, TimeoutSeconds = timeoutSeconds, MaxConcurrent = maxConcurrent, SpareMinutes = spareMinutes }),
            NullLogger<ChromiumPdfPrinter>.Instance, lifetime);

    [Fact]
    public async Task Print_SmallDocument_ReturnsTaggedPdfWithOutlineAndTitle()
    {
        using var printer = Printer();

        var pdf = await printer.PrintAsync(Html, new PdfPrintOptions { Title = "Minutes: Board 5 March 2024", RunningHeader = "Test Partnership", HeaderMarker = "DRAFT" }, CancellationToken.None);

        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        Assert.Contains("/StructTreeRoot", text, StringComparison.Ordinal);
        Assert.Contains("/MarkInfo", text, StringComparison.Ordinal);
        Assert.Contains("/Outlines", text, StringComparison.Ordinal);
        Assert.Contains("/Title (Minutes of the board)", text, StringComparison.Ordinal);
        Assert.Contains("/Title (Minutes: Board 5 March 2024)", text, StringComparison.Ordinal);
        Assert.Contains("/Lang (en-GB)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_ChromiumPathDoesNotExist_ThrowsAtOnce()
    {
        using var printer = Printer("/nowhere/chromium");
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<PdfPrintException>(() => printer.PrintAsync(Html, PdfPrintOptions.A4, CancellationToken.None));

        Assert.Contains("/nowhere/chromium", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Print_BrowserThatExitsAtOnce_ThrowsWithExitCode()
    {
        var script = FakeBrowser("echo 'no display' >&2\nexit 3\n");
        try
        {
            using var printer = Printer(script);

            var error = await Assert.ThrowsAsync<PdfPrintException>(() => printer.PrintAsync(Html, PdfPrintOptions.A4, CancellationToken.None));

            Assert.Contains("exited with code 3", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public async Task Print_BrowserThatHangs_TimesOutAndLeavesNoProcess()
    {
        var marker = $"hscp-hang-{Guid.NewGuid():N}";
        var script = FakeBrowser($"# {marker}\nsleep 30\n");
        try
        {
            using var printer = Printer(script, timeoutSeconds: 2);
            var clock = Stopwatch.StartNew();

            var error = await Assert.ThrowsAsync<PdfPrintException>(() => printer.PrintAsync(Html, PdfPrintOptions.A4, CancellationToken.None));

            Assert.Contains("within 2 seconds", error.Message, StringComparison.Ordinal);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
            Assert.Empty(ProcessesRunning(script));
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public async Task Print_MoreRequestsThanSlots_WaitingIsBoundedByTheTimeoutToo()
    {
        var script = FakeBrowser("sleep 30\n");
        try
        {
            using var printer = Printer(script, timeoutSeconds: 2, maxConcurrent: 1);
            var clock = Stopwatch.StartNew();

            var first = printer.PrintAsync(Html, PdfPrintOptions.A4, CancellationToken.None);
            var second = printer.PrintAsync(Html, PdfPrintOptions.A4, CancellationToken.None);
            var errors = new[]
            {
                await Assert.ThrowsAsync<PdfPrintException>(() => first),
                await Assert.ThrowsAsync<PdfPrintException>(() => second),
            };

            // The second either gives up waiting for the slot or gets it as the first is killed and then runs out
            // of time itself: which one depends on timer order, but neither may wait past its own deadline.
            Assert.Contains("within 2 seconds", errors[0].Message, StringComparison.Ordinal);
            Assert.Matches("busy|within 2 seconds", errors[1].Message);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"took {clock.Elapsed}");
            Assert.Empty(ProcessesRunning(script));
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public async Task Print_DocumentReferringToTheNetwork_PrintsWithoutFetchingOrWaiting()
    {
        using var printer = Printer();
        var html = Html.Replace("<p>Present: everyone.</p>",
            "<p>Present: everyone.</p><img src=\"http://192.0.2.1/tracker.png\" alt=\"\"><link rel=\"stylesheet\" href=\"https://example.org/x.css\">",
            StringComparison.Ordinal);
        var clock = Stopwatch.StartNew();

        var pdf = await printer.PrintAsync(html, PdfPrintOptions.A4, CancellationToken.None);

        Assert.StartsWith("%PDF-", Encoding.Latin1.GetString(pdf, 0, 5), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Print_FillContentsPageNumbers_EachEntryGetsItsHeadingsPageEvenWhenAnotherHeadingHasTheSameText()
    {
        // Page 1 the contents, then a page per section; an earlier subsection shares the text "Summary" with a section.
        const string html = """
            <!DOCTYPE html>
            <html lang="en-GB"><head><meta charset="utf-8"><title>Contents test</title>
            <style>section { break-before: page; } .hidden { display: none; }</style></head>
            <body><h1>Report</h1>
            <nav><h2>Contents</h2><ol>
            <li>Summary <span data-page-of="s-summary"></span></li>
            <li>Detail <span data-page-of="s-detail"></span></li>
            <li>Nowhere <span data-page-of="no-such-heading"></span></li>
            </ol></nav>
            <section><h2>Introduction</h2><h3>Summary</h3><p>A subsection, not the section.</p><h2 class="hidden">Detail</h2></section>
            <section><h2 id="s-summary">Summary</h2><p>The summary.</p></section>
            <section><h2>Filler</h2><p>A page between.</p></section>
            <section><h2 id="s-detail">Detail</h2><p>The detail.</p></section>
            </body></html>
            """;
        await using var printer = Printer(spareMinutes: 0);

        var pdf = await printer.PrintAsync(html, PdfPrintOptions.A4 with { FillContentsPageNumbers = true }, CancellationToken.None);

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Assert.Equal(5, document.NumberOfPages);
        var contents = string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text));
        Assert.Contains("1. Summary 3 2. Detail 5 3. Nowhere Page 1 of 5", contents, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_WithoutFillContentsPageNumbers_ContentsLeftEmpty()
    {
        const string html = """
            <!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>t</title><style>section { break-before: page; }</style></head>
            <body><h1>Report</h1><p>Summary <span data-page-of="s-summary"></span> end</p><section><h2 id="s-summary">Summary</h2></section></body></html>
            """;
        await using var printer = Printer(spareMinutes: 0);

        var pdf = await printer.PrintAsync(html, PdfPrintOptions.A4, CancellationToken.None);

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Assert.Contains("Summary end", string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_Twice_TheSecondUsesTheSpareWhichIsThenClosed()
    {
        using var chromium = new MarkedChromium();
        await using var printer = Printer(chromium.Path);

        await printer.PrintAsync(Html, PdfPrintOptions.A4, CancellationToken.None);
        // Two browsers seen (the one that printed, and the spare), one left: the spare.
        // The spare is taken from the same scan that saw it alone: a second scan of /proc under load can catch a
        // process between states and see none.
        var spare = 0;
        Assert.True(
            await MarkedChromium.EventuallyAsync(() => chromium.Browsers() is [var only] && chromium.Folders.Count == 2 && (spare = only) > 0),
            "no spare, or more than one browser, after a print");

        var pdf = await printer.PrintAsync(Html, PdfPrintOptions.A4, CancellationToken.None);

        Assert.StartsWith("%PDF-", Encoding.Latin1.GetString(pdf, 0, 5), StringComparison.Ordinal);
        // The spare printed this one document and was closed; a new spare waits for the next.
        Assert.True(await MarkedChromium.EventuallyAsync(() => chromium.Browsers() is [var next] && next != spare), "the spare was not replaced");
        Assert.DoesNotContain(spare, chromium.Everything());
    }

    [Fact]
    public async Task Print_BurstOfPrints_NoMoreBrowsersThanAllowedAndNoneLeftAfterDispose()
    {
        using var chromium = new MarkedChromium();
        var printer = Printer(chromium.Path, maxConcurrent: 2);
        var most = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                most = Math.Max(most, chromium.Browsers().Count);
                await Task.Delay(20);
            }
        });

        var pdfs = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => printer.PrintAsync(Html, PdfPrintOptions.A4, CancellationToken.None)));
        Assert.All(pdfs, pdf => Assert.StartsWith("%PDF-", Encoding.Latin1.GetString(pdf, 0, 5), StringComparison.Ordinal));
        // Six that printed and a spare, and only the spare still running.
        Assert.True(
            await MarkedChromium.EventuallyAsync(() => chromium.Browsers().Count == 1 && chromium.Folders.Count >= 7),
            $"{chromium.Browsers().Count} browsers running after the burst, {chromium.Folders.Count} seen: not one spare after six");
        await printer.DisposeAsync();
        await sampling.CancelAsync();
        await sampler;

        Assert.Empty(chromium.Everything());
        Assert.True(most <= 2, $"{most} browsers at once with MaxConcurrent 2");
        Assert.All(chromium.Folders, folder => Assert.False(Directory.Exists(folder), $"{folder} left behind"));
    }

    [Fact]
    public async Task Print_BeforeTheHostHasStarted_KeepsNoSpare()
    {
        using var chromium = new MarkedChromium();
        var lifetime = new TestLifetime();
        await using var printer = Printer(chromium.Path, lifetime: lifetime);

        await printer.PrintAsync(Html, PdfPrintOptions.A4, CancellationToken.None);

        // Start-up tasks and CLI verbs print before (or without) a running host: their process may end without stopping it.
        Assert.True(await MarkedChromium.EventuallyAsync(() => chromium.Everything().Count == 0), "a browser was left after a print before the host started");
    }

    [Fact]
    public async Task HostStopping_SpareWaiting_SpareClosed()
    {
        using var chromium = new MarkedChromium();
        var lifetime = new TestLifetime();
        await using var printer = Printer(chromium.Path, lifetime: lifetime);
        lifetime.Start();
        await printer.PrintAsync(Html, PdfPrintOptions.A4, CancellationToken.None);
        Assert.True(await MarkedChromium.EventuallyAsync(() => chromium.Browsers().Count == 1 && chromium.Folders.Count == 2), "no spare while the host runs");

        lifetime.Stop();

        Assert.True(await MarkedChromium.EventuallyAsync(() => chromium.Everything().Count == 0), "the spare outlived the host's stopping");
    }

    [Fact]
    public async Task Print_SpareMinutesZero_KeepsNoSpare()
    {
        using var chromium = new MarkedChromium();
        await using var printer = Printer(chromium.Path, spareMinutes: 0);

        await printer.PrintAsync(Html, PdfPrintOptions.A4, CancellationToken.None);

        Assert.True(await MarkedChromium.EventuallyAsync(() => chromium.Everything().Count == 0), "a browser was left with no spare wanted");
    }

    private sealed class TestLifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource started = new();
        private readonly CancellationTokenSource stopping = new();
        private readonly CancellationTokenSource stopped = new();

        public CancellationToken ApplicationStarted => started.Token;

        public CancellationToken ApplicationStopping => stopping.Token;

        public CancellationToken ApplicationStopped => stopped.Token;

        public void Start() => started.Cancel();

        public void Stop() => stopping.Cancel();

        public void StopApplication() => Stop();

        public void Dispose()
        {
            started.Dispose();
            stopping.Dispose();
            stopped.Dispose();
        }
    }

    private static string FakeBrowser(string body)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fake-browser-{Guid.NewGuid():N}.sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>Processes whose command line mentions the fake browser's path (the script, and its sleep).</summary>
    private static List<int> ProcessesRunning(string script)
    {
        var found = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(script, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }
}
