using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace HscpPortal.Benchmarks;

/// <summary>
/// Each main page's server time (p50, p95, from the portal's Server-Timing header), the client's time, its database
/// queries, and its throughput with a few concurrent clients as a ratio to /health in the same run. The portal runs
/// as its own process over a freshly seeded data folder. Run with ./scripts/benchmark.sh pages [--scale 10] [--requests 200].
/// </summary>
public static class PageBenchmark
{
    private sealed record Row(string Name, string Url, double ServerP50, double ServerP95, double ClientP50, double ClientP95, string Queries, double PerSecond, int Errors);

    public static async Task<int> RunAsync(Arguments args)
    {
        var scale = args.Number("scale", 10);
        var requests = args.Number("requests", 200);
        var clients = args.Number("clients", 4);
        var user = "team";
        var folder = Repository.TemporaryFolder();
        try
        {
            var (seeding, said, data) = await PortalProcess.SeedFreshAsync(folder, scale, args.Number("seed"));

            await using var portal = await PortalProcess.StartAsync(folder);
            Console.WriteLine($"Portal running at {portal.Address} (process {portal.Id}); signing in {clients} clients as {user} ...");
            var sessions = new List<PortalSession>();
            for (var i = 0; i < clients; i++)
            {
                var session = new PortalSession(portal.Address, user);
                await session.SignInAsync();
                sessions.Add(session);
            }

            var targets = new List<(string Name, string Url)> { ("/health (baseline)", MainPages.Health) };
            targets.AddRange(MainPages.Built(data).Select(p => (p.Page.Name, p.Url)));

            // Warm-up: compiles each page's code paths and fills the caches, and stops at once on a broken page.
            foreach (var (name, url) in targets)
            {
                for (var i = 0; i < 10; i++)
                {
                    var warm = await sessions[0].GetAsync(url);
                    if (warm.Status != 200)
                    {
                        Console.Error.WriteLine($"{name} ({url}) answered {warm.Status} during the warm-up.\n{portal.Output}");
                        return 1;
                    }
                }
            }

            var rows = new List<Row>();
            foreach (var (name, url) in targets)
            {
                Console.WriteLine($"Measuring {name}: {url}");
                rows.Add(await MeasureAsync(name, url, sessions, requests));
            }

            if (portal.Crashed() is { } crash)
            {
                Console.Error.WriteLine(crash);
                return 1;
            }

            var (resident, peak) = portal.Memory();
            foreach (var session in sessions)
            {
                session.Dispose();
            }

            var report = Report(rows, args, data, seeding, said, scale, requests, clients, user, resident, peak);
            Console.WriteLine();
            Console.WriteLine(report);
            if (!args.Has("no-doc"))
            {
                QualityDoc.Replace("pages", "Main pages", report);
            }

            return rows.Sum(r => r.Errors) == 0 ? 0 : 1;
        }
        finally
        {
            if (args.Has("keep"))
            {
                Console.WriteLine($"Data folder kept: {folder}");
            }
            else
            {
                Repository.DeleteTemporaryFolder(folder);
            }
        }
    }

    /// <summary>
    /// Latency one request at a time (so that the server time is the page's own, not time spent queueing), then
    /// throughput with every client requesting at once.
    /// </summary>
    private static async Task<Row> MeasureAsync(string name, string url, List<PortalSession> sessions, int requests)
    {
        var sequential = new List<Measured>(requests);
        for (var i = 0; i < requests; i++)
        {
            sequential.Add(await sessions[0].GetAsync(url));
        }

        var remaining = requests;
        var errors = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(sessions.Select(async session =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                if ((await session.GetAsync(url)).Status != 200)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        watch.Stop();

        errors += sequential.Count(m => m.Status != 200);
        var queries = sequential.Where(m => m.Queries is not null).Select(m => m.Queries!.Value).Distinct().Order().ToList();
        var server = sequential.Where(m => m.ServerMs is not null).Select(m => m.ServerMs!.Value).ToList();
        var client = sequential.Select(m => m.ClientMs).ToList();
        return new Row(
            name,
            url,
            Stats.Percentile(server, 50),
            Stats.Percentile(server, 95),
            Stats.Percentile(client, 50),
            Stats.Percentile(client, 95),
            queries.Count switch { 0 => "?", 1 => queries[0].ToString(CultureInfo.InvariantCulture), _ => $"{queries[0]}–{queries[^1]}" },
            requests / watch.Elapsed.TotalSeconds,
            errors);
    }

    private static string Report(List<Row> rows, Arguments args, Dataset data, TimeSpan seeding, string said, int scale, int requests, int clients, string user, double resident, double peak)
    {
        var health = rows[0].PerSecond;
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Machine.Describe()}, with `{args.Command("pages")}`.");
        text.AppendLine();
        text.AppendLine(c, $"Dataset (`seed-demo --scale {scale}`, seeded in {seeding.TotalSeconds:F1} s): {data.Describe()}. The seeder said: “{said}” Reporting year {data.LastCompleteYear}; the meeting page is meeting {data.BusiestMeetingId}, the one with most attendance rows and decisions ({data.BusiestMeetingRows} between them).");
        text.AppendLine();
        text.AppendLine(c, $"Signed in as `{user}`. Server time is the portal's own Server-Timing (`app`, until the response starts), over {requests} requests one at a time after a warm-up; client time is the same requests as the client saw them on loopback. Throughput: {requests} requests by {clients} concurrent clients.");
        text.AppendLine();
        text.AppendLine("| Page | Server p50 (ms) | Server p95 (ms) | Client p50 (ms) | Client p95 (ms) | Queries | Requests/s | Throughput vs /health |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            text.AppendLine(c, $"| {row.Name} <br>`{row.Url}` | {row.ServerP50:F1} | {row.ServerP95:F1} | {row.ClientP50:F1} | {row.ClientP95:F1} | {row.Queries} | {row.PerSecond:F0} | {row.PerSecond / health:F3} |");
        }

        foreach (var page in MainPages.All.Where(p => p.Url is null))
        {
            text.AppendLine(c, $"| {page.Name} | {page.NotBuilt} | | | | | | |");
        }

        text.AppendLine();
        var errors = rows.Sum(r => r.Errors);
        text.AppendLine(c, $"Server working set after the run: {resident:F0} MiB (peak {peak:F0} MiB). Responses other than 200: {errors}.");
        return text.ToString();
    }
}
