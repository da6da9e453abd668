using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace HscpPortal.EndToEndTests;

public static class Accessibility
{
    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    /// <summary>Runs axe on the page and returns one line per violation, empty when the page passes.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(Options);
        if (result.Passes.Length == 0)
        {
            return [$"{page.Url}: axe ran no checks"];
        }

        return result.Violations
            .Select(v => $"{page.Url}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
    }

    /// <summary>
    /// On a phone-sized page, what makes the page itself scroll sideways (a wide table belongs in its own scrolling
    /// container); empty when nothing does.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SidewaysScrollingAsync(IPage page)
    {
        var widest = await page.EvaluateAsync<string>(@"() => {
            const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth <= width) { return ''; }
            const culprits = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 1 && ![...e.querySelectorAll('*')].some(c => c.getBoundingClientRect().right > width + 1))
                .slice(0, 3)
                .map(e => e.outerHTML.slice(0, 120));
            return `page is ${document.documentElement.scrollWidth} px wide at ${width} px: ${culprits.join(' | ')}`;
        }");
        return widest.Length == 0 ? [] : [$"{page.Url}: {widest}"];
    }
}
