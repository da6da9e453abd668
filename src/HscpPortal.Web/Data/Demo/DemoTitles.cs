using HscpPortal.Web.Domain;

namespace HscpPortal.Web.Data.Demo;

/// <summary>
/// Titles for the decisions and actions <see cref="DemoHistory"/> writes: each group draws from phrases on its own
/// themes as well as common ones, and no title comes up twice for a group in a calendar month (so never twice in a
/// meeting). A month's titles are drawn without replacement from a deck shuffled as it is dealt (one random number a
/// title, as a plain pick would take); when a month's deck runs out, the group records no more in that month.
/// </summary>
internal sealed class DemoTitles
{
    private readonly Dictionary<(int GroupId, int Year, int Month), Deck> decisions = [];
    private readonly Dictionary<(int GroupId, int Year, int Month), Deck> actions = [];
    private readonly Dictionary<int, (string[] Decisions, string[] Actions)> pools = [];

    /// <summary>A decision title for the group's meeting on that date, or null when the month has used them all.</summary>
    public string? Decision(Group group, DateOnly date, Random random) =>
        DeckFor(decisions, group, date, Pools(group).Decisions).Draw(random);

    /// <summary>An action title for the group's meeting on that date, or null when the month has used them all.</summary>
    public string? Action(Group group, DateOnly date, Random random) =>
        DeckFor(actions, group, date, Pools(group).Actions).Draw(random);

    private static Deck DeckFor(Dictionary<(int, int, int), Deck> decks, Group group, DateOnly date, string[] pool)
    {
        var key = (group.Id, date.Year, date.Month);
        if (!decks.TryGetValue(key, out var deck))
        {
            deck = new Deck(pool);
            decks[key] = deck;
        }

        return deck;
    }

    private (string[] Decisions, string[] Actions) Pools(Group group)
    {
        if (!pools.TryGetValue(group.Id, out var pool))
        {
            var topics = Topics(group);
            pool = (
                [.. CommonDecisions, .. DecisionTemplates.SelectMany(t => topics.Select(topic => string.Format(System.Globalization.CultureInfo.InvariantCulture, t, topic)))],
                [.. CommonActions, .. ActionTemplates.SelectMany(t => topics.Select(topic => string.Format(System.Globalization.CultureInfo.InvariantCulture, t, topic)))]);
            pools[group.Id] = pool;
        }

        return pool;
    }

    /// <summary>What the group's business is about, from its kind and name (the structure is data, so by keyword).</summary>
    private static string[] Topics(Group group)
    {
        var name = group.Name;
        bool Has(string word) => name.Contains(word, StringComparison.OrdinalIgnoreCase);
        return group.Kind switch
        {
            GroupKind.Board => BoardTopics,
            GroupKind.Summit => SummitTopics,
            GroupKind.PractitionerForum => ForumTopics,
            _ when Has("MASH") => MashTopics,
            _ when Has("Exploitation") || Has("Get Safe") || Has("Missing") => ExploitationTopics,
            _ when Has("Case Review") => CaseReviewTopics,
            _ when Has("Neglect") => NeglectTopics,
            _ when Has("Development") || Has("Practice") || Has("Training") => DevelopmentTopics,
            _ when Has("Quality") || Has("Audit") => QualityTopics,
            _ when Has("Executive") => BoardTopics,
            _ => GeneralTopics,
        };
    }

    /// <summary>A shuffle dealt lazily: draw i swaps a random card from i onwards into place i.</summary>
    private sealed class Deck(string[] pool)
    {
        private readonly int[] order = Enumerable.Range(0, pool.Length).ToArray();
        private int dealt;

        public string? Draw(Random random)
        {
            if (dealt == order.Length)
            {
                return null;
            }

            var j = random.Next(dealt, order.Length);
            (order[dealt], order[j]) = (order[j], order[dealt]);
            return pool[order[dealt++]];
        }
    }

    private static readonly string[] CommonDecisions =
    [
        "Approve the revised terms of reference", "Adopt the updated multi-agency procedure", "Agree the audit programme for the year",
        "Accept the rapid review's recommendations", "Approve the training programme", "Agree the risk register's new entries",
        "Commission a multi-agency audit on the theme raised", "Agree the partners' contributions for next year",
        "Close the completed actions on the plan", "Refer the matter to the board for a decision",
        "Approve the highlight report to the board", "Adopt the revised thresholds guidance",
    ];

    private static readonly string[] DecisionTemplates =
    [
        "Approve the plan for {0}", "Agree the next steps on {0}", "Escalate the concerns about {0} to the board",
        "Ask for a deep dive into {0}", "Add {0} to the risk register", "Accept the findings on {0}",
        "Set a target for {0}", "Close the work on {0} as complete",
    ];

    private static readonly string[] CommonActions =
    [
        "Share the audit findings with front-line managers", "Update the procedure and publish it on the website",
        "Bring agency data on the theme to the next meeting", "Arrange a learning event on the review's findings",
        "Check that the new guidance has reached practitioners", "Report back on the re-audit", "Circulate the revised terms of reference",
        "Confirm each agency's lead for the work", "Draft the briefing for practitioners", "Review attendance and remind agencies of the expectation",
        "Follow up the outstanding Section 11 returns", "Add the risk to the register with its mitigations",
        "Provide the figures behind the trend for scrutiny", "Agree the evaluation questions for the course",
        "Write to the agency about the escalation's learning", "Map the pathway and share it with partners",
    ];

    private static readonly string[] ActionTemplates =
    [
        "Bring the latest data on {0} to the next meeting", "Draft a practitioner briefing on {0}", "Report progress on {0} to the board",
        "Name each agency's lead for {0}", "Check with front-line staff how {0} is working", "Write up the learning on {0}",
        "Set out the risks in {0} and how they are managed", "Ask the agencies for their evidence on {0}", "Update the action plan for {0}",
        "Agree how the impact of {0} on children will be measured",
    ];

    private static readonly string[] BoardTopics =
        ["the business plan", "the partners' budget", "the yearly report", "the scrutiny plan", "the threshold document", "the multi-agency child protection team", "education's place in the arrangements"];

    private static readonly string[] QualityTopics =
        ["the strategy meeting audit", "assessment timeliness", "the performance scorecard", "the Section 11 returns", "the child sexual abuse audit", "the child-on-child re-audit", "walk-the-floor visits"];

    private static readonly string[] CaseReviewTopics =
        ["the latest rapid review", "the practice review's action plan", "learning from the adult review", "the domestic homicide review", "the national panel's findings", "the learning briefing", "notifications to the national panel"];

    private static readonly string[] DevelopmentTopics =
        ["the training programme", "the neglect toolkit", "the safer sleep guidance", "the communications plan", "course evaluations", "trauma-informed practice", "the policies and procedures"];

    private static readonly string[] ExploitationTopics =
        ["return home interviews", "the Get Safe screening tool", "the exploitation risk data", "missing episodes", "disruption plans", "the transport hubs work", "the exploitation mapping meeting"];

    private static readonly string[] MashTopics =
        ["the front door data", "contact-to-referral conversion", "strategy discussion timeliness", "early help contacts", "information sharing at the front door", "the MASH staffing", "police notifications to the MASH"];

    private static readonly string[] NeglectTopics =
        ["the neglect strategy", "the graded care profile", "neglect training take-up", "neglect cases in early help", "the neglect audit", "school attendance and neglect", "home conditions guidance"];

    private static readonly string[] SummitTopics =
        ["the partnership's priorities", "relevant agencies' duties", "the summit's feedback", "the education offer", "the voluntary sector's role", "the scrutineer's challenge", "next year's plan"];

    private static readonly string[] ForumTopics =
        ["practitioners' feedback", "the escalation policy", "the forum's themes", "multi-agency working", "the voice of the child", "recording practice", "supervision"];

    private static readonly string[] GeneralTopics =
        ["the group's plan", "the group's risks", "the agencies' data", "the learning so far", "the group's remit", "the work with families", "the next priorities"];
}
