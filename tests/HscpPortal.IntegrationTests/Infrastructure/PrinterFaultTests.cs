using System.Diagnostics;
using System.Globalization;
using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// Fault suite: the PDF endpoints over the real Chromium printer when the browser is missing or hangs. The
/// reader gets the clear "The PDF could not be prepared" page (503) with a way on, the request is answered
/// within the configured timeout (no request held past it), and no browser process is left behind.
/// ChromiumPdfPrinterTests covers the printer itself; these cover what the user sees.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class PrinterFaultTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const int TimeoutSeconds = 3;

    // Rendering the document before printing (the yearly report assembles a year of records) on a shared, loaded
    // machine: generous, but far below the minute the hanging browser would take.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(15);

    public static TheoryData<string, string> Cases => new()
    {
        { "minutes", "missing" },
        { "minutes", "hangs" },
        { "report", "missing" },
        { "report", "hangs" },
    };

    private string Url(string document) => document == "minutes"
        ? $"/meetings/{factory.Query(db => db.Meetings.Where(m => m.AgendaItems.Any()).OrderBy(m => m.Id).Select(m => m.Id).First())}/minutes.pdf"
        : "/reports/yearly/2024-25.pdf";

    private static string BackLink(string url) => url.StartsWith("/meetings/", StringComparison.Ordinal)
        ? url.Replace("/minutes.pdf", "/minutes/print", StringComparison.Ordinal)
        : "/reports/yearly/2024-25";

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Pdf_BrowserMissingOrHanging_Clear503WithinTheTimeoutAndNoBrowserLeft(string document, string browser)
    {
        // A sleep of an odd length marks the hanging browser's child, so the test can tell it is gone.
        var marker = "61." + Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var script = browser == "hangs" ? FakeBrowser($"sleep {marker}\n") : "/nowhere/chromium";
        try
        {
            using var broken = factory.WithWebHostBuilder(b => b
                .UseSetting("Pdf:ChromiumPath", script)
                .UseSetting("Pdf:TimeoutSeconds", TimeoutSeconds.ToString(CultureInfo.InvariantCulture)));
            var client = broken.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            var login = await client.PostFormAsync("/account/login", new() { ["Email"] = Demo.Email("member"), ["Password"] = PortalFactory.Password });
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            var url = Url(document);
            var clock = Stopwatch.StartNew();

            var response = await client.GetAsync(url);

            clock.Stop();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var page = await response.ReadDocumentAsync();
            Assert.Equal("The PDF could not be prepared", page.QuerySelector("h1").Text());
            Assert.NotNull(page.QuerySelector($"a[href='{BackLink(url)}']"));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(TimeoutSeconds) + Margin, $"took {clock.Elapsed}");
            Assert.Empty(ProcessesMentioning(script));
            Assert.Empty(ProcessesMentioning("sleep " + marker));
        }
        finally
        {
            if (browser == "hangs")
            {
                File.Delete(script);
            }
        }
    }

    [Fact]
    public async Task Pdf_HostDisposedAfterPrinting_NoBrowserLeft()
    {
        using var chromium = new MarkedChromium();
        var host = factory.WithWebHostBuilder(b => b.UseSetting("Pdf:ChromiumPath", chromium.Path));
        try
        {
            var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            var login = await client.PostFormAsync("/account/login", new() { ["Email"] = Demo.Email("member"), ["Password"] = PortalFactory.Password });
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

            var response = await client.GetAsync(Url("minutes"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            // Two browsers seen (the one that printed, and the spare), one left: the spare.
            Assert.True(
                await MarkedChromium.EventuallyAsync(() => chromium.Browsers().Count == 1 && chromium.Folders.Count == 2),
                "no spare browser after the print");
        }
        finally
        {
            await host.DisposeAsync();
        }

        // The test host disposes the portal's services from the portal's own entry point, which DisposeAsync does
        // not wait for; so "gone" here is "gone within moments", not "gone before DisposeAsync returned".
        Assert.True(await MarkedChromium.EventuallyAsync(() => chromium.Everything().Count == 0, seconds: 10), "a browser outlived the host");
        Assert.True(
            await MarkedChromium.EventuallyAsync(() => chromium.Folders.All(f => !Directory.Exists(f)), seconds: 10),
            $"left behind: {string.Join(", ", chromium.Folders.Where(Directory.Exists))}");
    }

    private static string FakeBrowser(string body)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fake-browser-{Guid.NewGuid():N}.sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static List<int> ProcessesMentioning(string text)
    {
        var found = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Contains(text, StringComparison.Ordinal))
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
