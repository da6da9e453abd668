using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HscpPortal.Benchmarks;

/// <summary>
/// The real portal as a separate process (the Release build of src/HscpPortal.Web) over a data folder of its own:
/// seeded by its <c>seed-demo</c> verb, then served by Kestrel on a free loopback port, so that the figures are the
/// server's alone and not shared with the client that measures it.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private PortalProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => process.Id;

    public static string Dll => Path.Combine(Repository.WebProjectFolder(), "bin", "Release", "net10.0", "HscpPortal.Web.dll");

    public static string DatabaseFile(string dataDirectory) => Path.Combine(dataDirectory, "hscp-portal.db");

    /// <summary>Seeds a fresh data folder with the demo and <paramref name="scale"/> generated years, saying what it made.</summary>
    public static async Task<(TimeSpan Elapsed, string Said, Dataset Data)> SeedFreshAsync(string dataDirectory, int scale, int? seed)
    {
        Console.WriteLine($"Seeding a fresh demo database (--scale {scale}) in {dataDirectory} ...");
        var (elapsed, said) = await SeedAsync(dataDirectory, scale, seed);
        Console.WriteLine(said);
        var data = Dataset.Read(dataDirectory);
        Console.WriteLine($"Seeded in {elapsed.TotalSeconds:F1} s: {data.Describe()}.");
        return (elapsed, said, data);
    }

    /// <summary>
    /// Seeds the demo partnership, plus <paramref name="scale"/> generated reporting years when given (a portal without
    /// the generator ignores the option and seeds the plain demo). Returns how long it took and what the verb said.
    /// </summary>
    public static async Task<(TimeSpan Elapsed, string Said)> SeedAsync(string dataDirectory, int? scale, int? seed)
    {
        var args = new List<string> { "seed-demo" };
        if (scale is { } n)
        {
            args.AddRange(["--scale", n.ToString(CultureInfo.InvariantCulture)]);
        }

        if (seed is { } s)
        {
            args.AddRange(["--seed", s.ToString(CultureInfo.InvariantCulture)]);
        }

        var start = Start(dataDirectory, args, urls: null);
        var log = new StringBuilder();
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the portal to seed it");
        var drainOut = Drain(process.StandardOutput, log);
        var drainErr = Drain(process.StandardError, log);
        await process.WaitForExitAsync();
        await Task.WhenAll(drainOut, drainErr);
        watch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"seed-demo failed with exit code {process.ExitCode}:\n{log}");
        }

        // What the verb reports (seeded in, generated history); not the framework's warnings around it.
        var said = log.ToString().Split('\n').Select(l => l.Trim())
            .Where(l => l.Contains("seeded", StringComparison.Ordinal) || l.StartsWith("Generated", StringComparison.Ordinal));
        return (watch.Elapsed, string.Join(' ', said));
    }

    public static async Task<PortalProcess> StartAsync(string dataDirectory)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var start = Start(dataDirectory, [], address.ToString().TrimEnd('/'));
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the portal");
        var portal = new PortalProcess(process, address);
        _ = Drain(process.StandardOutput, portal.output);
        _ = Drain(process.StandardError, portal.output);
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with code {process.ExitCode} while starting:\n{portal.Output}");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return portal;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        await portal.DisposeAsync();
        throw new TimeoutException($"The portal did not answer /health within 3 minutes:\n{portal.Output}");
    }

    /// <summary>What the portal wrote to its console (warnings and errors only: it logs at Warning).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Null while the portal runs; otherwise what became of it, with the tail of its output.</summary>
    public string? Crashed() =>
        process.HasExited ? $"The portal process exited during the run with code {process.ExitCode}. Its last output:\n{Tail(Output, 8000)}" : null;

    public static string Tail(string text, int length) => text.Length > length ? text[^length..] : text;

    /// <summary>The server's resident memory now and at its peak, from /proc, in MiB.</summary>
    public (double Resident, double Peak) Memory()
    {
        if (process.HasExited)
        {
            return (double.NaN, double.NaN);
        }

        double Read(string key)
        {
            var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal));
            return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }

        return (Read("VmRSS"), Read("VmHWM"));
    }

    /// <summary>Stops the portal as a service manager would (SIGTERM), so that it shuts down cleanly before the database is read.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            await kill!.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
    }

    private static ProcessStartInfo Start(string dataDirectory, IEnumerable<string> args, string? urls)
    {
        if (!File.Exists(Dll))
        {
            throw new FileNotFoundException($"Build the portal in Release first (scripts/benchmark.sh does): {Dll} is missing");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            // The content root (wwwroot, appsettings.json) is the web project's folder, as with `dotnet run`.
            WorkingDirectory = Repository.WebProjectFolder(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Demo";
        env["DOTNET_ENVIRONMENT"] = "Demo";
        env["Portal__DataDirectory"] = dataDirectory;
        env["Diagnostics__ServerTiming"] = "true";
        // Logging every request would measure the logger; warnings and errors still show.
        env["Serilog__MinimumLevel__Default"] = "Warning";
        env["Reminders__Enabled"] = "false";
        // The load test signs in 50 users, several to one account, all from one address.
        env["Accounts__SignInLimits__PerAccount"] = "100000";
        env["Accounts__SignInLimits__PerAddress"] = "100000";
        if (urls is not null)
        {
            env["ASPNETCORE_URLS"] = urls;
        }

        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task Drain(StreamReader reader, StringBuilder into)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (into)
            {
                // Keep the tail only: a long run must not grow the benchmark's own memory.
                if (into.Length > 200_000)
                {
                    into.Remove(0, 100_000);
                }

                into.AppendLine(line);
            }
        }
    }
}
