using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace HscpPortal.Benchmarks;

/// <summary>
/// Many signed-in users at once against the portal process on loopback, for a bounded time and a bounded number of
/// requests: the main pages, plus about one request in ten a real progress update posted through the action's form
/// (anti-forgery token, version) with a unique marker in its note. Afterwards every acknowledged write (the form's
/// success redirect) must be in the database. Exit code 1 on any 5xx, timeout or lost write.
/// Run with ./scripts/benchmark.sh load [--users 50] [--seconds 60] [--max-requests N] [--scale N].
/// </summary>
public static class LoadTest
{
    private const string MarkerPrefix = "Load test write ";
    private const double WriteShare = 0.10;
    private static readonly string[] Writers = ["team", "admin"];

    private enum Kind
    {
        Read,
        WriteForm,
        WritePost,
    }

    private sealed record Sample(Kind Kind, string What, int Status, double Ms);

    private sealed class Tally
    {
        public ConcurrentBag<Sample> Samples { get; } = [];
        public ConcurrentBag<string> Acknowledged { get; } = [];
        public ConcurrentDictionary<string, int> Failures { get; } = new(StringComparer.Ordinal);
        public int NotAcknowledged;
        public int Requests;
    }

    public static async Task<int> RunAsync(Arguments args)
    {
        var users = args.Number("users", 50);
        var seconds = args.Number("seconds", 60);
        var maxRequests = args.Number("max-requests", users * seconds * 20);
        var scale = args.Number("scale", 10);
        var folder = Repository.TemporaryFolder();
        try
        {
            var (seeding, said, data) = await PortalProcess.SeedFreshAsync(folder, scale, args.Number("seed"));

            var portal = await PortalProcess.StartAsync(folder);
            Tally tally;
            TimeSpan elapsed;
            (double Resident, double Peak) memory;
            List<VirtualUser> crowd;
            try
            {
                Console.WriteLine($"Portal running at {portal.Address} (process {portal.Id}); signing in {users} users ...");
                crowd = await SignInAsync(portal.Address, users, data);
                var writerCount = crowd.Count(u => u.Actions.Count > 0);
                // A write is two requests (its form, then the POST): for POSTs to be WriteShare of all requests, a user
                // writes instead of reading with chance s / (1 - s), and only the writers write.
                var writeChance = writerCount == 0 ? 0 : Math.Min(1, WriteShare / (1 - WriteShare) * users / writerCount);
                Console.WriteLine($"{writerCount} users write (as {string.Join(" or ", Writers)}) over {data.OpenActions.Count} open actions; running for {seconds} s or {maxRequests} requests ...");

                tally = new Tally();
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
                var watch = Stopwatch.StartNew();
                await Task.WhenAll(crowd.Select(u => Task.Run(() => u.RunAsync(tally, writeChance, maxRequests, stop.Token))));
                elapsed = watch.Elapsed;
                if (portal.Crashed() is { } crash)
                {
                    Console.Error.WriteLine(crash);
                    return 1;
                }

                memory = portal.Memory();
                foreach (var user in crowd)
                {
                    user.Session.Dispose();
                }
            }
            finally
            {
                await portal.DisposeAsync();
            }

            var found = MarkersInDatabase(folder);
            var lost = tally.Acknowledged.Where(m => !found.Contains(m)).ToList();
            var serverErrors = tally.Samples.Count(s => s.Status >= 500);
            var failures = tally.Failures.Values.Sum();
            var report = Report(args, data, seeding, said, scale, users, seconds, maxRequests, elapsed, tally, lost.Count, found.Count, memory);
            Console.WriteLine();
            Console.WriteLine(report);
            if (serverErrors + failures > 0)
            {
                Console.WriteLine("The portal's warnings and errors (tail):");
                Console.WriteLine(PortalProcess.Tail(portal.Output, 6000));
            }

            if (!args.Has("no-doc"))
            {
                QualityDoc.Replace("load", "Load test", report);
            }

            return serverErrors + failures + lost.Count == 0 ? 0 : 1;
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
    /// Users spread over the demo accounts, each with their own cookies. Each keeps the main pages its role may open
    /// (found by opening each once, which is also the warm-up); the team and admin users share the open actions
    /// between them, so that two users never update the same action at once.
    /// </summary>
    private static async Task<List<VirtualUser>> SignInAsync(Uri address, int users, Dataset data)
    {
        var crowd = new VirtualUser[users];
        var pages = MainPages.Built(data).Select(p => (p.Page.Name, p.Url)).ToList();
        using var gate = new SemaphoreSlim(4);
        await Task.WhenAll(Enumerable.Range(0, users).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var session = new PortalSession(address, PortalSession.DemoUsers[i % PortalSession.DemoUsers.Count]);
                await session.SignInAsync();
                var readable = new List<(string Name, string Url)>();
                foreach (var page in pages)
                {
                    if ((await session.GetAsync(page.Url)).Status == 200)
                    {
                        readable.Add(page);
                    }
                }

                crowd[i] = new VirtualUser(session, readable, new Random(i));
            }
            finally
            {
                gate.Release();
            }
        }));

        var writers = crowd.Where(u => Writers.Contains(u.Session.User)).ToList();
        for (var i = 0; i < data.OpenActions.Count && writers.Count > 0; i++)
        {
            writers[i % writers.Count].Actions.Add(data.OpenActions[i]);
        }

        return [.. crowd];
    }

    private sealed class VirtualUser(PortalSession session, IReadOnlyList<(string Name, string Url)> pages, Random random)
    {
        public PortalSession Session { get; } = session;

        public List<OpenAction> Actions { get; } = [];

        public async Task RunAsync(Tally tally, double writeChance, int maxRequests, CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                var write = Actions.Count > 0 && random.NextDouble() < writeChance;
                if (Interlocked.Add(ref tally.Requests, write ? 2 : 1) > maxRequests || (!write && pages.Count == 0))
                {
                    return;
                }

                try
                {
                    if (write)
                    {
                        await WriteAsync(tally, Actions[random.Next(Actions.Count)]);
                    }
                    else
                    {
                        // A request in flight finishes after the time is up, so that every write's outcome is known.
                        var page = pages[random.Next(pages.Count)];
                        var read = await Session.GetAsync(page.Url, ct: CancellationToken.None);
                        tally.Samples.Add(new Sample(Kind.Read, page.Name, read.Status, read.ClientMs));
                    }
                }
                catch (TaskCanceledException)
                {
                    tally.Failures.AddOrUpdate("timeout (30 s)", 1, (_, n) => n + 1);
                }
                catch (HttpRequestException e)
                {
                    tally.Failures.AddOrUpdate($"connection: {e.HttpRequestError}", 1, (_, n) => n + 1);
                }
            }
        }

        /// <summary>A progress update through the real form; acknowledged only by its success redirect to the action.</summary>
        private async Task WriteAsync(Tally tally, OpenAction action)
        {
            var form = await Session.GetAsync($"/actions/{action.Id}/update", keepBody: true);
            tally.Samples.Add(new Sample(Kind.WriteForm, "Write: the update form (GET)", form.Status, form.ClientMs));
            if (form.Status != 200)
            {
                return;
            }

            var marker = MarkerPrefix + Guid.NewGuid().ToString("N");
            var post = await Session.PostAsync($"/actions/{action.Id}/updates", form.Body!, new()
            {
                ["Version"] = PortalSession.Hidden(form.Body!, "Version") ?? "",
                ["Note"] = marker,
                ["StatusAfter"] = action.Status,
                ["DueDate"] = "",
            });
            tally.Samples.Add(new Sample(Kind.WritePost, "Write: the update (POST)", post.Status, post.ClientMs));
            // Success is the redirect back to the action with ?notice=saved; a refusal is the form again with its errors.
            if (post.Status == 302 && post.Body?.Split('?')[0] == $"/actions/{action.Id}")
            {
                tally.Acknowledged.Add(marker);
            }
            else if (post.Status < 500)
            {
                // The form shown again (a version conflict or a validation message): the user was told it was not saved.
                Interlocked.Increment(ref tally.NotAcknowledged);
            }
        }
    }

    private static HashSet<string> MarkersInDatabase(string folder)
    {
        using var db = Dataset.OpenReadOnly(folder);
        using var command = db.CreateCommand();
        command.CommandText = "SELECT Note FROM ActionUpdates WHERE Note LIKE $prefix";
        command.Parameters.AddWithValue("$prefix", MarkerPrefix + "%");
        var found = new HashSet<string>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    private static string Report(Arguments args, Dataset data, TimeSpan seeding, string said, int scale, int users, int seconds, int maxRequests, TimeSpan elapsed, Tally tally, int lost, int found, (double Resident, double Peak) memory)
    {
        var c = CultureInfo.InvariantCulture;
        var samples = tally.Samples.ToList();
        var all = samples.Select(s => s.Ms).ToList();
        var posts = samples.Where(s => s.Kind == Kind.WritePost).ToList();
        var text = new StringBuilder();
        text.AppendLine(c, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Machine.Describe()}, with `{args.Command("load")}`.");
        text.AppendLine();
        text.AppendLine(c, $"Dataset (`seed-demo --scale {scale}`, seeded in {seeding.TotalSeconds:F1} s): {data.Describe()}. The seeder said: “{said}”");
        text.AppendLine();
        text.AppendLine(c, $"{users} signed-in users (spread over the {PortalSession.DemoUsers.Count} demo accounts, each with its own cookies) requesting without pause on loopback for {seconds} s or at most {maxRequests:N0} requests: the main pages each user's role may open, and about {WriteShare:P0} of requests a progress update posted through the action's form by the team and admin users (its form page counted as a read).");
        text.AppendLine();
        text.AppendLine("| Measure | Value |");
        text.AppendLine("|---|---:|");
        text.AppendLine(c, $"| Requests | {samples.Count:N0} in {elapsed.TotalSeconds:F1} s |");
        text.AppendLine(c, $"| Throughput | {samples.Count / elapsed.TotalSeconds:F1} requests/s |");
        text.AppendLine(c, $"| Latency p50 / p95 / p99, all requests | {Stats.Percentile(all, 50):F0} / {Stats.Percentile(all, 95):F0} / {Stats.Percentile(all, 99):F0} ms |");
        text.AppendLine(c, $"| Latency p50 / p95 / p99, write POSTs | {Stats.Percentile(posts.Select(s => s.Ms), 50):F0} / {Stats.Percentile(posts.Select(s => s.Ms), 95):F0} / {Stats.Percentile(posts.Select(s => s.Ms), 99):F0} ms |");
        text.AppendLine(c, $"| Responses by status | {string.Join(", ", samples.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count():N0}"))} |");
        text.AppendLine(c, $"| 5xx | {samples.Count(s => s.Status >= 500)} |");
        text.AppendLine(c, $"| Timeouts and connection errors | {(tally.Failures.IsEmpty ? "0" : string.Join(", ", tally.Failures.Select(f => $"{f.Key}: {f.Value}")))} |");
        text.AppendLine(c, $"| Writes posted | {posts.Count:N0} ({(double)posts.Count / Math.Max(1, samples.Count):P1} of requests) |");
        text.AppendLine(c, $"| Writes acknowledged (success redirect) | {tally.Acknowledged.Count:N0} |");
        text.AppendLine(c, $"| Writes refused with the form shown again (conflict or validation) | {tally.NotAcknowledged} |");
        text.AppendLine(c, $"| Acknowledged writes found in the database afterwards | {tally.Acknowledged.Count - lost:N0} ({found:N0} markers in the database) |");
        text.AppendLine(c, $"| **Lost writes** | **{lost}** |");
        text.AppendLine(c, $"| Server working set after the run | {memory.Resident:F0} MiB (peak {memory.Peak:F0} MiB) |");
        text.AppendLine();
        text.AppendLine("| Request | Count | p50 (ms) | p95 (ms) | p99 (ms) |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var group in samples.GroupBy(s => s.What).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ms = group.Select(s => s.Ms).ToList();
            text.AppendLine(c, $"| {group.Key} | {ms.Count:N0} | {Stats.Percentile(ms, 50):F0} | {Stats.Percentile(ms, 95):F0} | {Stats.Percentile(ms, 99):F0} |");
        }

        return text.ToString();
    }
}
