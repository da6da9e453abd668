namespace HscpPortal.Benchmarks;

/// <summary>
/// A main page of the portal: its name in the figures and its URL over the seeded data, or why it is not measured.
/// </summary>
public sealed record MainPage(string Name, Func<Dataset, string>? Url, string? NotBuilt = null);

/// <summary>
/// The pages the page benchmark measures and the load test mixes: the one list to extend when a capability adds a
/// main page (one line each).
/// </summary>
public static class MainPages
{
    public static readonly IReadOnlyList<MainPage> All =
    [
        new("Dashboard", d => $"/dashboard?year={d.LastCompleteYear}"),
        // Red and amber actions of the group with most open actions, most urgent first: a chair's usual view.
        new("Action tracker, filtered", d => $"/actions?group={d.BusiestGroupId}&rag=Red&rag=Amber&sort=Status"),
        new("Meeting page", d => $"/meetings/{d.BusiestMeetingId}"),
        new("Decisions log", _ => "/decisions"),
        new("Scorecard", d => $"/scorecard?year={d.LastCompleteYear}"),
        new("Escalation analysis", d => $"/escalations/analysis?year={d.LastCompleteYear}"),
        new("Audits", d => $"/audits?year={d.LastCompleteYear}"),
        new("Section 11 and 175 rounds", _ => "/section11"),
        new("Independent scrutiny", d => $"/scrutiny?year={d.LastCompleteYear}"),
    ];

    public static IEnumerable<(MainPage Page, string Url)> Built(Dataset data) =>
        All.Where(p => p.Url is not null).Select(p => (p, p.Url!(data)));

    /// <summary>The baseline every page's throughput is divided by: it runs the database health check and nothing else.</summary>
    public const string Health = "/health";
}
