using System.Net;
using AngleSharp.Html.Dom;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.ReportDraft;
using Microsoft.EntityFrameworkCore;
using Stale = HscpPortal.Web.Features.Shared.Concurrency;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// Fault suite: two people save the same record from the same version at the same moment (two POSTs in flight
/// together, not one after the other). Exactly one save wins; the other is told the record changed and writes
/// nothing, and the loser sending the same stale form again is still refused. Covers the editors added after
/// <see cref="ConcurrencyTests"/>: actions (edit and progress), escalations (edit and moving up a stage),
/// meetings, decisions, minutes and the yearly report's narrative.
/// </summary>
public class ConcurrentEditTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Owner = "Ben Hollis";

    private static string Unique(string what) => $"{what} {Guid.NewGuid():N}"[..(what.Length + 9)];

    private (int Meeting, IReadOnlyList<int> Items) NewMeeting() =>
        factory.AddMeeting(Demo.QualityAndEffectiveness, new DateOnly(2025, 2, 3), quorate: true, MeetingStatus.Held, Unique("Race"), "Welcome", "Audit");

    private sealed record Race(HttpResponseMessage Won, HttpResponseMessage Lost, string WinnerValue, string LoserValue, Dictionary<string, string> LoserForm, HttpClient Loser);

    /// <summary>
    /// The partnership team and an administrator open the same form, see the same version, and submit different
    /// answers to <paramref name="field"/> at once.
    /// </summary>
    private async Task<Race> RaceAsync(string formPage, string postUrl, string field, params (string Name, string Value)[] answers)
    {
        var clients = new[] { await factory.ClientAsync("team"), await factory.ClientAsync("admin") };
        var pages = await Task.WhenAll(clients.Select(c => c.GetDocumentAsync(formPage)));
        var forms = pages.Select((p, i) => p.FormFields(field).With(answers).With((field, Unique($"Answer {i}")))).ToArray();
        var version = forms[0].ContainsKey("Version") ? "Version" : "Form.BaseVersion";
        Assert.Equal(forms[0][version], forms[1][version]);

        // Both requests are built first (anti-forgery tokens from the pages already open), then sent together.
        var posts = await Task.WhenAll(clients.Select((c, i) => c.PostAsync(postUrl, Body(pages[i], forms[i]))));

        if (!posts.Any(p => p.StatusCode == HttpStatusCode.Redirect))
        {
            var errors = await Task.WhenAll(posts.Select(async p => $"{(int)p.StatusCode}: {string.Join("; ", (await p.ReadDocumentAsync()).ErrorSummary())}"));
            Assert.Fail($"Neither save went through: {string.Join(" | ", errors)}");
        }

        var won = Assert.Single(posts, p => p.StatusCode == HttpStatusCode.Redirect);
        var loser = Array.FindIndex(posts, p => p != won);
        var winner = 1 - loser;
        return new Race(won, posts[loser], forms[winner][field], forms[loser][field], forms[loser], clients[loser]);
    }

    private static FormUrlEncodedContent Body(IHtmlDocument page, Dictionary<string, string> fields) =>
        new(fields.Append(new("__RequestVerificationToken", page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!)));

    /// <summary>The loser was told, and sending the same stale form again (a second click) is refused too.</summary>
    private static async Task AssertLoserRefusedAsync(Race race, string postUrl, string formPage, string message)
    {
        await race.Lost.AssertErrorsAsync(message);
        var again = await race.Loser.PostFormAsync(postUrl, race.LoserForm, formPage);
        await again.AssertErrorsAsync(message);
    }

    [Fact]
    public async Task ActionEdit_TwoSavesFromTheSameVersionAtOnce_OneWinsAndTheOtherIsToldNothingSaved()
    {
        var (meeting, _) = NewMeeting();
        var id = factory.AddAction(meeting, null, Unique("Race action"), Owner, new DateOnly(2025, 6, 30));
        var url = $"/actions/{id}/edit";

        var race = await RaceAsync(url, url, "Title");

        await AssertLoserRefusedAsync(race, url, url, Stale.StaleMessage);
        Assert.Equal(race.WinnerValue, factory.Query(db => db.Actions.Single(a => a.Id == id).Title));
        Assert.Equal(1, factory.Query(db => db.AuditEntries.Count(e => e.EntityType == nameof(ActionItem) && e.EntityId == id && e.Action == AuditAction.Updated)));
    }

    [Fact]
    public async Task ActionProgress_TwoUpdatesFromTheSameVersionAtOnce_OneNoteIsAddedAndTheOtherIsTold()
    {
        // The status stays as it is: the note alone must still be guarded by the version the writer saw.
        var (meeting, _) = NewMeeting();
        var id = factory.AddAction(meeting, null, Unique("Race progress"), Owner, new DateOnly(2025, 6, 30));
        var status = factory.Query(db => db.Actions.Single(a => a.Id == id).Status).ToString();

        var race = await RaceAsync($"/actions/{id}/update", $"/actions/{id}/updates", "Note", ("StatusAfter", status));

        await AssertLoserRefusedAsync(race, $"/actions/{id}/updates", $"/actions/{id}/update", Stale.StaleMessage);
        var note = Assert.Single(factory.Query(db => db.ActionUpdates.Where(u => u.ActionItemId == id).Select(u => u.Note).ToList()));
        Assert.Equal(race.WinnerValue, note);
    }

    [Fact]
    public async Task EscalationEdit_TwoSavesFromTheSameVersionAtOnce_OneWinsAndTheOtherIsToldNothingSaved()
    {
        var id = factory.AddEscalation(new DateOnly(2025, 3, 3));
        var url = $"/escalations/{id}/edit";

        var race = await RaceAsync(url, url, "Summary");

        await AssertLoserRefusedAsync(race, url, url, Stale.StaleMessage);
        Assert.Equal(race.WinnerValue, factory.Query(db => db.Escalations.Single(e => e.Id == id).Summary));
    }

    [Fact]
    public async Task EscalationStage_TwoMovesUpFromTheSameVersionAtOnce_OneStageIsAddedNotTwo()
    {
        var today = UkTime.Today(TimeProvider.System);
        var id = factory.AddEscalation(today.AddDays(-20));
        var url = $"/escalations/{id}/stage";

        var race = await RaceAsync(url, url, "Note", ("Reason", nameof(StageMoveReason.StillDisagree)));

        await AssertLoserRefusedAsync(race, url, url, Stale.StaleMessage);
        var escalation = factory.Query(db => db.Escalations.AsNoTracking().Include(e => e.Stages).Single(e => e.Id == id));
        Assert.Equal(3, escalation.CurrentStage);
        Assert.Equal([2, 3], escalation.Stages.Select(s => s.Stage).Order());
        Assert.Equal(race.WinnerValue, escalation.Stages.Single(s => s.Stage == 3).Note);
        Assert.Single(escalation.Stages, s => s.EndedOn is null);
    }

    [Fact]
    public async Task MeetingEdit_TwoSavesFromTheSameVersionAtOnce_OneWinsAndTheOtherIsToldNothingSaved()
    {
        var (meeting, _) = NewMeeting();
        var url = $"/meetings/{meeting}/edit";

        var race = await RaceAsync(url, url, "Location");

        await AssertLoserRefusedAsync(race, url, url, Stale.StaleMessage);
        Assert.Equal(race.WinnerValue, factory.Query(db => db.Meetings.Single(m => m.Id == meeting).Location));
    }

    [Fact]
    public async Task DecisionEdit_TwoSavesFromTheSameVersionAtOnce_OneWinsAndTheOtherIsToldNothingSaved()
    {
        var (meeting, items) = NewMeeting();
        var id = factory.AddDecision(meeting, items[1], Unique("Race decision"), isKey: false);
        var url = $"/decisions/{id}/edit";

        var race = await RaceAsync(url, url, "Title");

        await AssertLoserRefusedAsync(race, url, url, Stale.StaleMessage);
        Assert.Equal(race.WinnerValue, factory.Query(db => db.Decisions.Single(d => d.Id == id).Title));
    }

    [Fact]
    public async Task Minutes_TwoSavesFromTheSameVersionAtOnce_OneWinsAndTheOtherIsToldNothingSaved()
    {
        var (meeting, items) = NewMeeting();
        var url = $"/meetings/{meeting}/minutes";

        var race = await RaceAsync(url, url, "Items[1].Minutes", ("Items[0].Minutes", "Apologies noted."));

        await AssertLoserRefusedAsync(race, url, url, Stale.StaleMessage);
        var minutes = factory.Query(db => db.AgendaItems.Where(a => a.MeetingId == meeting).OrderBy(a => a.Order).Select(a => a.Minutes).ToList());
        Assert.Equal(["Apologies noted.", race.WinnerValue], minutes);
        Assert.Equal(items.Count, minutes.Count);
    }

    [Fact]
    public async Task ReportNarrative_TwoSavesFromTheSameBaseVersionAtOnce_OneNewVersionAndTheOtherIsTold()
    {
        // A year no one has written yet: both saves also race to create the report itself.
        const string url = "/reports/yearly/2011-12/sections/foreword";

        var race = await RaceAsync(url, url, "Form.Text");

        await AssertLoserRefusedAsync(race, url, url, ReportDraftController.StaleError);
        var versions = factory.Query(db => db.ReportNarratives.Where(n => n.SectionKey == "foreword" && db.YearlyReports.Any(r => r.Id == n.ReportId && r.StartYear == 2011))
            .Select(n => new { n.Version, n.Text }).ToList());
        var only = Assert.Single(versions);
        Assert.Equal((1, race.WinnerValue), (only.Version, only.Text));
        Assert.Equal(1, factory.Query(db => db.YearlyReports.Count(r => r.StartYear == 2011)));
    }
}
