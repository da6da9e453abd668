using System.Globalization;

namespace HscpPortal.Benchmarks;

/// <summary>
/// scripts/benchmark.sh runs this with a verb: <c>report [runs]</c>, <c>pages [--scale N] [--requests N]</c>,
/// <c>load [--users N] [--seconds N] [--max-requests N] [--scale N]</c>. Each verb lives in its own file.
/// </summary>
public static class Entry
{
    public static async Task<int> Main(string[] args)
    {
        var verb = args.Length > 0 ? args[0] : "report";
        var rest = args.Skip(1).ToList();
        return verb switch
        {
            "report" => await ReportBenchmark.RunAsync(rest),
            "pages" => await PageBenchmark.RunAsync(Arguments.Parse(rest)),
            "load" => await LoadTest.RunAsync(Arguments.Parse(rest)),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("""
            Usage: scripts/benchmark.sh VERB [options]
              report [runs]                                 the yearly report PDF, cold and warm, against Chromium alone
              pages [--scale N] [--requests N] [--seed S]   server time, queries and throughput of the main pages
              load [--users N] [--seconds N] [--max-requests N] [--scale N] [--seed S]
                                                            concurrent signed-in users with 10% writes, then lost-write check
            Add --no-doc to leave docs/quality.md alone and --keep to keep the temporary data folder.
            """);
        return 2;
    }
}

/// <summary>Options as <c>--name value</c> pairs, and flags as <c>--name</c> alone.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string?> values = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> Raw { get; private init; } = [];

    public static Arguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new Arguments { Raw = args };
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument {args[i]}: options are --name value");
            }

            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            parsed.values[args[i][2..]] = hasValue ? args[++i] : null;
        }

        return parsed;
    }

    public bool Has(string name) => values.ContainsKey(name);

    public int? Number(string name) =>
        values.TryGetValue(name, out var text) && text is not null
            ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : null;

    public int Number(string name, int fallback) => Number(name) ?? fallback;

    /// <summary>The command as typed, for the figures' record.</summary>
    public string Command(string verb) => string.Join(' ', new[] { "./scripts/benchmark.sh", verb }.Concat(Raw));
}
