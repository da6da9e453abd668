using System.Text.RegularExpressions;

namespace HscpPortal.IntegrationTests.Infrastructure;

/// <summary>
/// Debian's Chromium behind a script of its own that adds a marker switch (Chromium ignores it), so that a test can
/// find the browsers its printer started among those of tests running alongside, and every process that belongs to
/// them: children and crash handlers name the browser's temporary folder on their command lines.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class MarkedChromium : IDisposable
{
    private readonly string marker = $"--hscp-test-browser={Guid.NewGuid():N}";
    private readonly HashSet<string> folders = new(StringComparer.Ordinal);

    public MarkedChromium()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"marked-chromium-{Guid.NewGuid():N}.sh");
        File.WriteAllText(Path, $"#!/bin/sh\nexec /usr/bin/chromium {marker} \"$@\"\n");
        File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>The script to give the printer as its Pdf:ChromiumPath.</summary>
    public string Path { get; }

    /// <summary>The temporary folders of every browser seen so far.</summary>
    public IReadOnlyCollection<string> Folders
    {
        get
        {
            lock (folders)
            {
                return [.. folders];
            }
        }
    }

    /// <summary>
    /// The browsers running now, by process id: Chromium's own process with the marker. Not the scripts on the way
    /// to it, whose shells fork subshells with the same command line while they work out Chromium's flags, nor a
    /// child the browser has forked and not yet turned into a zygote or crash handler (it shows its parent's command
    /// line until then).
    /// </summary>
    public IReadOnlyList<int> Browsers() => Scan().Where(p => p.Browser).Select(p => p.Pid).ToList();

    /// <summary>Every process running now that belongs to a browser seen so far: the browsers, their children, their crash handlers.</summary>
    public IReadOnlyList<int> Everything() => Scan().Select(p => p.Pid).ToList();

    /// <summary>
    /// Polls until the condition holds, for up to <paramref name="seconds"/>; false if it never did. Generous, because
    /// a browser starting on two busy cores (the whole suite runs its assemblies side by side) can take well over
    /// 15 seconds, and a passing check returns as soon as it holds.
    /// </summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, int seconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    private List<(int Pid, bool Browser)> Scan()
    {
        var commandLines = new List<(int Pid, int Parent, string CommandLine)>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(System.IO.Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(System.IO.Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                // /proc/PID/stat: "pid (name) state ppid ...", and the name may hold spaces.
                var stat = File.ReadAllText(System.IO.Path.Combine(dir, "stat"));
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
                commandLines.Add((pid, parent, commandLine));
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        lock (folders)
        {
            // The script itself until it hands over to Chromium, then the browser with the marker on its command line.
            var marked = commandLines.Where(p => p.CommandLine.Contains(marker, StringComparison.Ordinal) || p.CommandLine.Contains(Path, StringComparison.Ordinal)).ToList();
            foreach (var (_, _, commandLine) in marked)
            {
                if (UserDataDir().Match(commandLine) is { Success: true } folder)
                {
                    folders.Add(folder.Groups[1].Value);
                }
            }

            var markedPids = marked.Select(p => p.Pid).ToHashSet();
            return commandLines
                .Where(p => markedPids.Contains(p.Pid) || folders.Any(f => p.CommandLine.Contains(f, StringComparison.Ordinal)))
                .Select(p => (p.Pid, markedPids.Contains(p.Pid) && !markedPids.Contains(p.Parent) && !IsShell(p.CommandLine)))
                .ToList();
        }
    }

    private static bool IsShell(string commandLine) =>
        commandLine.Split(' ', 2)[0] is "/bin/sh" or "sh" or "/bin/bash" or "bash" or "/usr/bin/sh" or "/usr/bin/bash";

    public void Dispose() => File.Delete(Path);

    // The printer gives each browser a profile inside its own temporary folder: .../hscp-pdf-XXXX/profile.
    [GeneratedRegex(@"--user-data-dir=(\S*/hscp-pdf-[^/\s]+)/")]
    private static partial Regex UserDataDir();
}
