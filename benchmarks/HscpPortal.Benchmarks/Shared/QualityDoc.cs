namespace HscpPortal.Benchmarks;

/// <summary>
/// Writes a benchmark's figures into docs/quality.md between its markers (<c>&lt;!-- pages:begin --&gt;</c> …
/// <c>&lt;!-- pages:end --&gt;</c>), replacing the previous run's and leaving every other section alone. A missing
/// section is added at the end under the <c>heading</c> given to <see cref="Replace"/>; text around the markers is the reader's and is kept.
/// </summary>
public static class QualityDoc
{
    public static string FilePath => Path.Combine(Repository.Root(), "docs", "quality.md");

    public static void Replace(string section, string heading, string markdown)
    {
        var begin = $"<!-- {section}:begin -->";
        var end = $"<!-- {section}:end -->";
        var block = $"{begin}\n{markdown.TrimEnd()}\n{end}";
        var text = File.Exists(FilePath) ? File.ReadAllText(FilePath).ReplaceLineEndings("\n") : "# Quality: measured figures\n";
        var from = text.IndexOf(begin, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        text = from >= 0 && to > from
            ? string.Concat(text.AsSpan(0, from), block, text.AsSpan(to + end.Length))
            : text.TrimEnd() + $"\n\n## {heading}\n\n" + block + "\n";
        File.WriteAllText(FilePath, text);
        Console.WriteLine($"Figures written to {Path.GetRelativePath(Repository.Root(), FilePath)} ({section} section).");
    }
}
