using System.Diagnostics;
using System.Globalization;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure.Pdf;
using HscpPortal.Web.Reporting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.Benchmarks;

// The yearly report's PDF time: the full 2023-24 demo report rendered and printed by the portal, cold (first) and
// warm (median of the following runs), against Chromium printing the same saved HTML on its own. The portal prints
// the report as it does for readers, twice with the contents' page numbers filled in between; then once per run
// without them, and again numbered with a pause before each, all against one Chromium print. Run it with
// ./scripts/benchmark.sh report [runs].
// It builds a fresh demo database in a temporary folder and deletes it after.
public static class ReportBenchmark
{
    // Long enough for a spare browser to finish starting (about 4 s of processor time on 2 cores).
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var runs = args.Count > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 5;
        var folder = Repository.TemporaryFolder();
        Directory.CreateDirectory(folder);
        try
        {
            // The portal reads its stylesheet for printing from its content root: the web project's folder in this repository.
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_HSCPPORTAL_WEB", Repository.WebProjectFolder());
            using var portal = new BenchmarkPortal(folder);
            var year = new ReportingYear(2023);
            var seeding = Stopwatch.StartNew();
            using var scope = portal.Services.CreateScope();
            seeding.Stop();
            var renderer = scope.ServiceProvider.GetService<IYearlyReportRenderer>();
            if (renderer is null)
            {
                Console.Error.WriteLine("This build registers no yearly report renderer, so there is no report to measure.");
                return 1;
            }

            var load = LoadAverage();
            var printer = scope.ServiceProvider.GetRequiredService<IPdfPrinter>();
            RenderedReport? last = null;
            byte[] pdf = [];
            async Task<List<double>> TimeAsync(int count, bool numbered, TimeSpan pause)
            {
                var times = new List<double>();
                for (var i = 0; i < count; i++)
                {
                    await Task.Delay(pause);
                    var watch = Stopwatch.StartNew();
                    last = await renderer.RenderDocumentAsync(year, draft: false, CancellationToken.None);
                    pdf = await printer.PrintAsync(last.Html, last.PrintOptions with { FillContentsPageNumbers = numbered }, CancellationToken.None);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                return times;
            }

            // As readers get it (the contents numbered, so printed twice), then printed once: what the numbers cost.
            // Back to back, each print finds the spare that the one before started still starting, and the two share
            // the processors. Readers' prints come minutes apart, so both are timed again after a pause (untimed) in
            // which the spare finishes starting: what a reader waits for on an otherwise idle host.
            var portalTimes = await TimeAsync(runs + 1, numbered: true, TimeSpan.Zero);
            var numberedPdfBytes = pdf.Length;
            var onceTimes = await TimeAsync(runs, numbered: false, TimeSpan.Zero);
            var settledTimes = await TimeAsync(runs, numbered: true, SettleTime);
            var settledOnceTimes = await TimeAsync(runs, numbered: false, SettleTime);
            var html = Path.Combine(folder, "report.html");
            await File.WriteAllTextAsync(html, last!.Html);
            var chromium = ChromiumPath();
            var browserTimes = new List<double>();
            for (var i = 0; i <= runs; i++)
            {
                browserTimes.Add(await PrintWithChromiumAsync(chromium, html, Path.Combine(folder, $"chromium-{i}.pdf"), folder));
            }

            var portalWarm = Stats.Median(portalTimes.Skip(1));
            var onceWarm = Stats.Median(onceTimes);
            var settledWarm = Stats.Median(settledTimes);
            var settledOnceWarm = Stats.Median(settledOnceTimes);
            var browserWarm = Stats.Median(browserTimes.Skip(1));
            Console.WriteLine("Yearly report 2023-24 (demo data), PDF time in milliseconds");
            Console.WriteLine();
            Console.WriteLine($"| {"What",-60} | {"Cold",9} | {$"Warm (median of {runs})",22} |");
            Console.WriteLine($"|{new string('-', 62)}|{new string('-', 11)}|{new string('-', 24)}|");
            Console.WriteLine($"| {"Portal: render and print, contents numbered (prints twice)",-60} | {portalTimes[0],9:F0} | {portalWarm,22:F0} |");
            Console.WriteLine($"| {"Portal: render and print once, contents not numbered",-60} | {"",9} | {onceWarm,22:F0} |");
            Console.WriteLine($"| {$"Portal: contents numbered, {SettleTime.TotalSeconds:0} s after the last print",-60} | {"",9} | {settledWarm,22:F0} |");
            Console.WriteLine($"| {$"Portal: printed once, {SettleTime.TotalSeconds:0} s after the last print",-60} | {"",9} | {settledOnceWarm,22:F0} |");
            Console.WriteLine($"| {"Chromium alone: print the saved HTML once",-60} | {browserTimes[0],9:F0} | {browserWarm,22:F0} |");
            Console.WriteLine();
            Console.WriteLine($"Warm ratio, contents numbered (portal / Chromium alone): {portalWarm / browserWarm:F2} (target under 1.30)");
            Console.WriteLine($"Warm ratio, printed once (portal / Chromium alone): {onceWarm / browserWarm:F2}");
            Console.WriteLine($"Warm ratio, contents numbered, {SettleTime.TotalSeconds:0} s after the last print (portal / Chromium alone): {settledWarm / browserWarm:F2}");
            Console.WriteLine($"Warm ratio, printed once, {SettleTime.TotalSeconds:0} s after the last print (portal / Chromium alone): {settledOnceWarm / browserWarm:F2}");
            Console.WriteLine($"PDF {numberedPdfBytes:N0} bytes (numbered contents); HTML {last.Html.Length:N0} characters; demo database seeded in {seeding.Elapsed.TotalSeconds:F1} s");
            Console.WriteLine($"Machine: {Machine.Describe()}; browser {chromium}");
            Console.WriteLine($"Load average (1, 5, 15 min) when the timing began: {load}; when it ended: {LoadAverage()}");
            return 0;
        }
        finally
        {
            Repository.DeleteTemporaryFolder(folder);
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string ChromiumPath()
    {
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("Pdf__ChromiumPath"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return "chromium";
    }

    private static async Task<double> PrintWithChromiumAsync(string chromium, string html, string output, string folder)
    {
        var start = new ProcessStartInfo(chromium) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", $"--user-data-dir={Path.Combine(folder, "chromium-profile")}",
            $"--print-to-pdf={output}", "--generate-pdf-document-outline", new Uri(html).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {chromium}");
        var drainOut = process.StandardOutput.ReadToEndAsync();
        var drainErr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await Task.WhenAll(drainOut, drainErr);
        return watch.Elapsed.TotalMilliseconds;
    }
}

/// <summary>The portal's own services over a fresh SQLite demo database in <paramref name="folder"/>, without serving HTTP.</summary>
internal sealed class BenchmarkPortal(string folder) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");
        builder.UseSetting("Portal:DataDirectory", folder);
        builder.UseSetting("Demo:Enabled", "true");
        // The benchmark measures printing the report itself, so the demo need not print it while seeding.
        builder.UseSetting("Demo:PublishReports", "false");
        builder.UseSetting("Reminders:Enabled", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }
}
