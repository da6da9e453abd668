using System.Text.Json;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace HscpPortal.Web.Infrastructure.Pdf;

/// <summary>
/// Page numbers for a document's contents (<see cref="PdfPrintOptions.FillContentsPageNumbers"/>): the document's
/// headings, on which page of a printed PDF each one starts (read from the outline Chromium builds from the headings),
/// and the script that writes them into the elements that ask (<c>data-page-of="heading-id"</c>).
/// </summary>
internal static partial class ContentsPageNumbers
{
    /// <summary>A heading of the document: its id (may be empty) and its text, as the outline will show it.</summary>
    public sealed record Heading(string Id, string Text);

    /// <summary>
    /// A script giving every heading Chromium puts in the outline, in document order (the outline's order), or an
    /// empty list when no element asks for a page number. All of them, not only those the contents point at, so
    /// that two headings with the same text (a section "Summary" and an earlier subsection "Summary") are told apart
    /// by their place. Headings not drawn or hidden from assistive technology are not in the outline, so not here.
    /// </summary>
    public const string HeadingsScript = """
        (() => {
          if (document.querySelector('[data-page-of]') === null) return [];
          return Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]'))
            .filter(e => e.getClientRects().length > 0 && e.closest('[aria-hidden=true]') === null)
            .map(e => ({ id: e.id, text: e.getAttribute('aria-label') ?? e.textContent }));
        })()
        """;

    public static IReadOnlyList<Heading> ReadHeadings(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(h => new Heading(h.GetProperty("id").GetString() ?? "", Normalise(h.GetProperty("text").GetString()))).ToList()
            : [];

    /// <summary>
    /// The page (1 for the first) on which each heading with an id starts, from the PDF's outline. The outline has an
    /// entry per heading in document order, so the headings are walked in step with it, each taking the next entry
    /// with its text; a heading with no entry takes none and is left out.
    /// </summary>
    public static Dictionary<string, int> PagesOf(IReadOnlyList<Heading> headings, byte[] pdf)
    {
        var pages = new Dictionary<string, int>(StringComparer.Ordinal);
        using var document = PdfDocument.Open(pdf);
        if (!document.TryGetBookmarks(out var bookmarks))
        {
            return pages;
        }

        var entries = new List<(string Title, int Page)>();
        Flatten(bookmarks.Roots, entries);
        var next = 0;
        foreach (var heading in headings)
        {
            var found = entries.FindIndex(next, e => string.Equals(e.Title, heading.Text, StringComparison.Ordinal));
            if (found < 0)
            {
                continue;
            }

            next = found + 1;
            if (heading.Id.Length > 0)
            {
                pages.TryAdd(heading.Id, entries[found].Page);
            }
        }

        return pages;
    }

    private static void Flatten(IEnumerable<BookmarkNode> nodes, List<(string Title, int Page)> into)
    {
        foreach (var node in nodes)
        {
            if (node is DocumentBookmarkNode { PageNumber: > 0 } entry)
            {
                into.Add((Normalise(entry.Title), entry.PageNumber));
            }

            Flatten(node.Children, into);
        }
    }

    /// <summary>
    /// A script that writes each page number into the elements that ask for it, clears any whose heading has no page,
    /// and returns how many it cleared.
    /// </summary>
    public static string FillScript(IReadOnlyDictionary<string, int> pages) =>
        $$"""
        (() => {
          const pages = {{JsonSerializer.Serialize(pages)}};
          let unfilled = 0;
          for (const e of document.querySelectorAll('[data-page-of]')) {
            const page = pages[e.getAttribute('data-page-of')];
            e.textContent = page === undefined ? '' : String(page);
            if (page === undefined) unfilled++;
          }
          return unfilled;
        })()
        """;

    private static string Normalise(string? text) => Whitespace().Replace(text ?? "", " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
