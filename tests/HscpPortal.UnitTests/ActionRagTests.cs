using HscpPortal.Web.Domain;

namespace HscpPortal.UnitTests;

/// <summary>The RAG rule, in its in-memory form and its database form, which must always agree.</summary>
public class ActionRagTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    /// <summary>Every status against due yesterday, today, in 7 days (the edge of "due soon") and in 8 days.</summary>
    public static TheoryData<ActionStatus, int, Rag> Cases() => new()
    {
        { ActionStatus.NotStarted, -1, Rag.Red },
        { ActionStatus.NotStarted, 0, Rag.Amber },
        { ActionStatus.NotStarted, 7, Rag.Amber },
        { ActionStatus.NotStarted, 8, Rag.Green },
        { ActionStatus.OnTrack, -1, Rag.Red },
        { ActionStatus.OnTrack, 0, Rag.Green },
        { ActionStatus.OnTrack, 7, Rag.Green },
        { ActionStatus.OnTrack, 8, Rag.Green },
        { ActionStatus.AtRisk, -1, Rag.Red },
        { ActionStatus.AtRisk, 0, Rag.Amber },
        { ActionStatus.AtRisk, 7, Rag.Amber },
        { ActionStatus.AtRisk, 8, Rag.Amber },
        { ActionStatus.OffTrack, -1, Rag.Red },
        { ActionStatus.OffTrack, 0, Rag.Red },
        { ActionStatus.OffTrack, 7, Rag.Red },
        { ActionStatus.OffTrack, 8, Rag.Red },
        { ActionStatus.Completed, -1, Rag.Complete },
        { ActionStatus.Completed, 0, Rag.Complete },
        { ActionStatus.Completed, 7, Rag.Complete },
        { ActionStatus.Completed, 8, Rag.Complete },
        { ActionStatus.Closed, -1, Rag.Complete },
        { ActionStatus.Closed, 0, Rag.Complete },
        { ActionStatus.Closed, 7, Rag.Complete },
        { ActionStatus.Closed, 8, Rag.Complete },
        { ActionStatus.Cancelled, -1, Rag.Cancelled },
        { ActionStatus.Cancelled, 0, Rag.Cancelled },
        { ActionStatus.Cancelled, 7, Rag.Cancelled },
        { ActionStatus.Cancelled, 8, Rag.Cancelled },
    };

    private static ActionItem Item(ActionStatus status, int dueInDays) =>
        new() { Title = "Action", Status = status, DueDate = Today.AddDays(dueInDays) };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Of_StatusAndDueDate_GivesTheRating(ActionStatus status, int dueInDays, Rag expected)
    {
        Assert.Equal(expected, ActionRag.Of(status, Today.AddDays(dueInDays), Today));
        Assert.Equal(expected, ActionRag.Of(Item(status, dueInDays), Today));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Is_CompiledAndApplied_MatchesExactlyTheRatingOfOf(ActionStatus status, int dueInDays, Rag expected)
    {
        var item = Item(status, dueInDays);

        var matching = Enum.GetValues<Rag>().Where(rag => ActionRag.Is(rag, Today).Compile()(item)).ToList();

        Assert.Equal([expected], matching);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void OverdueAndDueWithin_CompiledAndApplied_AgreeWithTheRule(ActionStatus status, int dueInDays, Rag expected)
    {
        var item = Item(status, dueInDays);
        var open = ActionRag.IsOpen(status);

        Assert.Equal(open && dueInDays < 0, ActionRag.Overdue(Today).Compile()(item));
        Assert.Equal(ActionRag.IsOverdue(status, item.DueDate, Today), ActionRag.Overdue(Today).Compile()(item));
        Assert.Equal(open && dueInDays is >= 0 and <= ActionRag.DueSoonDays, ActionRag.DueWithin(Today, ActionRag.DueSoonDays).Compile()(item));
        Assert.True(!ActionRag.Overdue(Today).Compile()(item) || expected == Rag.Red);
    }
}
