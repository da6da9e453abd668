using System.Diagnostics;
using System.Text;
using HscpPortal.Web.Infrastructure.Pdf;
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

    private static ChromiumPdfPrinter Printer(string? path = null, int timeoutSeconds = 60, int maxConcurrent = 2) =>
        new(Options.Create(new PdfOptions { ChromiumPath = path, TimeoutSeconds = timeoutSeconds, MaxConcurrent = maxConcurrent }), NullLogger<ChromiumPdfPrinter>.Instance);

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
