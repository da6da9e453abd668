using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// One action's page and everything done to it: the owner's progress updates and sign-off request, the chair's
/// sign-off, closure and editing, actions raised from any source, and My actions.
/// </summary>
public class ActionPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Q = Demo.QualityAndEffectiveness;

    // "member" is Joanne Tilley of Wye Valley NHS Trust; "qe.chair" is Claire Ashdown, who chairs Q&E;
    // "police.partner" is Ian Fairbairn, who neither owns these actions nor chairs the group.
    private const string Owner = "Joanne Tilley";

    private static readonly DateOnly Today = UkTime.Today(TimeProvider.System);

    private static string Unique(string what) => $"{what} {Guid.NewGuid():N}";

    private int AddAction(string title, string owner = Owner, DateOnly? due = null, ActionStatus status = ActionStatus.OnTrack, ActionSource source = ActionSource.Audit)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var person = db.People.Single(p => p.FullName == owner);
        var action = new ActionItem
        {
            Title = title, GroupId = db.Groups.Where(g => g.Name == Q).Select(g => g.Id).Single(),
            OwnerPersonId = person.Id, OwnerOrganisationId = person.OrganisationId, DueDate = due ?? Today.AddDays(30),
            Status = status, Source = source, SourceReference = source == ActionSource.Audit ? "Neglect audit 2024" : null,
        };
        db.Actions.Add(action);
        db.SaveChanges();
        return action.Id;
    }

    private ActionItem Action(int id) => factory.Query(db => db.Actions.AsNoTracking().Single(a => a.Id == id));

    private List<ActionUpdate> Updates(int id) => factory.Query(db => db.ActionUpdates.AsNoTracking().Where(u => u.ActionItemId == id).OrderBy(u => u.Id).ToList());

    private string Version(int id) => Action(id).Version.ToString();

    private Task<HttpResponseMessage> UpdateAsync(HttpClient client, int id, string note, string status, string due = "", string? returnUrl = null)
    {
        var fields = new Dictionary<string, string> { ["Version"] = Version(id), ["Note"] = note, ["StatusAfter"] = status, ["DueDate"] = due };
        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }

        return client.PostFormAsync($"/actions/{id}/updates", fields, formPage: $"/actions/{id}");
    }

    private Task<HttpResponseMessage> PostAsync(HttpClient client, int id, string step, Dictionary<string, string> fields)
    {
        fields["Version"] = Version(id);
        return client.PostFormAsync($"/actions/{id}/{step}", fields, formPage: $"/actions/{id}");
    }

    [Fact]
    public async Task Update_ByOwner_IsOnTheTrailAndTheChairSeesIt()
    {
        var id = AddAction(Unique("Re-audit strategy discussions"), status: ActionStatus.NotStarted);
        var owner = await factory.ClientAsync("member");

        var response = await UpdateAsync(owner, id, "Audit tool agreed with the police and health", "AtRisk");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/actions/{id}", response.RedirectPath());
        var update = Assert.Single(Updates(id));
        Assert.Equal((ActionStatus.NotStarted, ActionStatus.AtRisk), (update.StatusBefore, update.StatusAfter));
        Assert.Equal(factory.UserId("member"), update.ByUserId);
        Assert.Equal(Owner, update.ByName);
        Assert.Equal(ActionStatus.AtRisk, Action(id).Status);

        var chair = await factory.ClientAsync("qe.chair");
        var page = (await chair.GetDocumentAsync($"/actions/{id}")).QuerySelector(".moj-timeline")!.TextContent;
        Assert.Contains("Audit tool agreed with the police and health", page, StringComparison.Ordinal);
        Assert.Contains("Status changed from not started to at risk", page, StringComparison.Ordinal);
        Assert.Contains("by Joanne Tilley", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_ByAnotherAgency_IsDeniedAndThePageOffersNoEditing()
    {
        var id = AddAction(Unique("Share the audit findings"));
        var other = await factory.ClientAsync("police.partner");

        var response = await UpdateAsync(other, id, "Not my action", "OffTrack");

        Assert.True(response.IsDenied(), $"{(int)response.StatusCode} {response.Headers.Location}");
        Assert.Empty(Updates(id));
        Assert.Equal(ActionStatus.OnTrack, Action(id).Status);
        var page = await other.GetStringAsync($"/actions/{id}");
        Assert.DoesNotContain("Add a progress update", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/actions/{id}/edit", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/actions/{id}/sign-off", page, StringComparison.Ordinal);
        Assert.True((await other.GetAsync($"/actions/{id}/update")).IsDenied());
    }

    [Fact]
    public async Task Update_ByScrutineer_IsDenied()
    {
        var id = AddAction(Unique("Scrutineer reads only"));
        var scrutineer = await factory.ClientAsync("scrutineer");

        var response = await UpdateAsync(scrutineer, id, "A note", "OnTrack");

        Assert.True(response.IsDenied());
        Assert.Empty(Updates(id));
    }

    [Fact]
    public async Task SignOff_ByOwner_IsDeniedButTheChairSignsOffAfterTheRequest()
    {
        var id = AddAction(Unique("Publish the neglect toolkit"));
        var owner = await factory.ClientAsync("member");
        var chair = await factory.ClientAsync("qe.chair");

        var request = await PostAsync(owner, id, "request-sign-off", new() { ["Evidence"] = "Toolkit used in 40 assessments; audit shows better plans" });
        Assert.Equal(HttpStatusCode.Redirect, request.StatusCode);
        Assert.NotNull(Action(id).CompletionRequestedAt);
        Assert.Contains("Awaiting the chair's sign-off", await chair.GetStringAsync($"/actions/{id}"), StringComparison.Ordinal);

        var byOwner = await PostAsync(owner, id, "sign-off", new() { ["Evidence"] = "Done", ["CompletedOn"] = Today.ToString("yyyy-MM-dd") });
        Assert.True(byOwner.IsDenied(), $"{(int)byOwner.StatusCode}");
        Assert.Equal(ActionStatus.OnTrack, Action(id).Status);

        var form = await chair.GetDocumentAsync($"/actions/{id}/sign-off");
        Assert.Equal("Toolkit used in 40 assessments; audit shows better plans", form.QuerySelector("textarea[name='Evidence']")!.TextContent);
        var byChair = await PostAsync(chair, id, "sign-off", new() { ["Evidence"] = "Toolkit used in 40 assessments; audit shows better plans", ["CompletedOn"] = Today.AddDays(-1).ToString("yyyy-MM-dd") });

        Assert.Equal(HttpStatusCode.Redirect, byChair.StatusCode);
        var action = Action(id);
        Assert.Equal(ActionStatus.Completed, action.Status);
        Assert.Equal(Today.AddDays(-1), action.CompletedOn);
        Assert.Equal("Claire Ashdown", action.SignedOffBy);
        Assert.Equal(2, Updates(id).Count);
        Assert.Equal(ActionStatus.Completed, Updates(id)[^1].StatusAfter);
        Assert.Contains("signed off by Claire Ashdown", await owner.GetStringAsync($"/actions/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOff_WithoutEvidenceOrInTheFuture_ShowsTheErrorSummary()
    {
        var id = AddAction(Unique("Refresh the threshold guidance"));
        var chair = await factory.ClientAsync("qe.chair");

        var response = await PostAsync(chair, id, "sign-off", new() { ["Evidence"] = "", ["CompletedOn"] = Today.AddDays(1).ToString("yyyy-MM-dd") });

        await response.AssertErrorsAsync("Enter the evidence of impact before signing the action off", "The completion date must be today or in the past");
        Assert.Equal(ActionStatus.OnTrack, Action(id).Status);
        Assert.Empty(Updates(id));
    }

    [Fact]
    public async Task ReturnSignOff_ByChair_ClearsTheRequestAndRecordsWhy()
    {
        var id = AddAction(Unique("Train designated leads"));
        var owner = await factory.ClientAsync("member");
        var chair = await factory.ClientAsync("qe.chair");
        await PostAsync(owner, id, "request-sign-off", new() { ["Evidence"] = "Trained 30 leads" });

        var response = await PostAsync(chair, id, "return-sign-off", new() { ["Reason"] = "Say what changed in practice" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(Action(id).CompletionRequestedAt);
        Assert.Equal("Trained 30 leads", Action(id).CompletionEvidence);
        Assert.Contains("Sign-off request returned: Say what changed in practice", Updates(id)[^1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_RevisingTheDueDate_KeepsTheOriginalAndRecordsBoth()
    {
        var due = Today.AddDays(10);
        var id = AddAction(Unique("Agree the escalation audit"), due: due);
        var owner = await factory.ClientAsync("member");
        var revised = Today.AddDays(60);

        var response = await UpdateAsync(owner, id, "Police data not available until the new system goes live", "OnTrack", revised.ToString("yyyy-MM-dd"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var action = Action(id);
        Assert.Equal(revised, action.DueDate);
        Assert.Equal(due, action.OriginalDueDate);
        var update = Assert.Single(Updates(id));
        Assert.Equal((due, revised), (update.DueDateBefore!.Value, update.DueDateAfter!.Value));
        var page = await owner.GetStringAsync($"/actions/{id}");
        Assert.Contains($"originally due {Web.Features.Shared.Format.Date(due)}", page, StringComparison.Ordinal);
        Assert.Contains($"Due date revised from {Web.Features.Shared.Format.Date(due)} to {Web.Features.Shared.Format.Date(revised)}", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_RevisingTheDueDateWithoutAReasonOrIntoThePast_IsRefused()
    {
        var id = AddAction(Unique("Draft the audit report"));
        var owner = await factory.ClientAsync("member");

        var response = await UpdateAsync(owner, id, "", "Completed", Today.AddDays(-3).ToString("yyyy-MM-dd"));

        await response.AssertErrorsAsync(
            "Enter the reason for revising the due date",
            "Select not started, on track, at risk or off track: completion, closure and cancellation have their own steps",
            "The revised due date must be today or in the future");
        Assert.Empty(Updates(id));
    }

    [Fact]
    public async Task Update_Twice_AddsTwoRowsAndLeavesTheFirstUntouched()
    {
        var id = AddAction(Unique("Publish the learning briefing"));
        var owner = await factory.ClientAsync("member");

        await UpdateAsync(owner, id, "First draft written", "OnTrack");
        var first = Assert.Single(Updates(id));
        await UpdateAsync(owner, id, "Comments from health awaited", "AtRisk");

        var updates = Updates(id);
        Assert.Equal(2, updates.Count);
        Assert.Equivalent(first, updates[0]);
        Assert.Equal("Comments from health awaited", updates[1].Note);
        var timeline = (await owner.GetDocumentAsync($"/actions/{id}")).QuerySelectorAll(".moj-timeline__item").Select(i => i.TextContent).ToList();
        Assert.Equal(2, timeline.Count);
        Assert.Contains("Comments from health awaited", timeline[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_WithAStaleVersion_SavesNothing()
    {
        var id = AddAction(Unique("Concurrency check"));
        var owner = await factory.ClientAsync("member");

        var response = await owner.PostFormAsync($"/actions/{id}/updates", new()
        {
            ["Version"] = Guid.NewGuid().ToString(), ["Note"] = "Stale", ["StatusAfter"] = "OnTrack",
        }, formPage: $"/actions/{id}");

        await response.AssertErrorsAsync(Web.Features.Shared.Concurrency.StaleMessage);
        Assert.Empty(Updates(id));
    }

    [Fact]
    public async Task CancelCloseAndReopen_ByChairOnly_EachRecordedOnTheTrail()
    {
        var id = AddAction(Unique("Superseded by the neglect strategy"));
        var owner = await factory.ClientAsync("member");
        var chair = await factory.ClientAsync("qe.chair");

        Assert.True((await PostAsync(owner, id, "close", new() { ["Reason"] = "Mine" })).IsDenied());
        var empty = await PostAsync(chair, id, "cancel", new() { ["Reason"] = "" });
        await empty.AssertErrorsAsync("Enter why the action is cancelled");

        await PostAsync(chair, id, "close", new() { ["Reason"] = "Transferred to the Child Neglect Group's plan" });
        Assert.Equal(ActionStatus.Closed, Action(id).Status);
        Assert.Equal("Transferred to the Child Neglect Group's plan", Action(id).ClosureReason);

        await PostAsync(chair, id, "reopen", new() { ["Reason"] = "The transfer was not agreed", ["StatusAfter"] = "AtRisk" });
        Assert.Equal(ActionStatus.AtRisk, Action(id).Status);
        Assert.Null(Action(id).ClosureReason);

        await PostAsync(chair, id, "cancel", new() { ["Reason"] = "No longer needed" });
        Assert.Equal(ActionStatus.Cancelled, Action(id).Status);
        Assert.Equal([ActionStatus.Closed, ActionStatus.AtRisk, ActionStatus.Cancelled], Updates(id).Select(u => u.StatusAfter));
        Assert.Contains("Why cancelled", await owner.GetStringAsync($"/actions/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_ByChair_ChangesTheFieldsButNotTheDueDate()
    {
        var id = AddAction(Unique("Original title"));
        var chair = await factory.ClientAsync("qe.chair");
        var due = Action(id).DueDate;
        var council = factory.OrganisationId(Demo.Council);

        var response = await PostAsync(chair, id, "edit", new()
        {
            ["Title"] = "Revised title", ["Description"] = "Wider scope", ["OwnerPersonId"] = factory.PersonId("Claire Ashdown").ToString(),
            ["OwnerOrganisationId"] = "", ["PriorityId"] = "", ["SourceReference"] = "Neglect audit 2025", ["DueDate"] = "2030-01-01",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var action = Action(id);
        Assert.Equal(("Revised title", council, "Neglect audit 2025", due), (action.Title, action.OwnerOrganisationId, action.SourceReference, action.DueDate));
        Assert.True((await (await factory.ClientAsync("member")).GetAsync($"/actions/{id}/edit")).IsDenied());
    }

    [Fact]
    public async Task Edit_AuditSourceWithoutReference_ShowsTheErrorSummary()
    {
        var id = AddAction(Unique("Reference needed"));
        var chair = await factory.ClientAsync("qe.chair");

        var response = await PostAsync(chair, id, "edit", new()
        {
            ["Title"] = "", ["OwnerPersonId"] = factory.PersonId(Owner).ToString(), ["SourceReference"] = "",
        });

        await response.AssertErrorsAsync("Enter the action", "Enter the multi-agency audit the action comes from, for example “Section 11 return 2023”");
    }

    [Theory]
    [InlineData("Audit", "Enter the multi-agency audit the action comes from, for example “Section 11 return 2023”")]
    [InlineData("CaseReview", "Enter the case review recommendation the action comes from, for example “Section 11 return 2023”")]
    [InlineData("Section11", "Enter the section 11 return the action comes from, for example “Section 11 return 2023”")]
    [InlineData("Scrutiny", "Enter the scrutiny challenge or recommendation the action comes from, for example “Section 11 return 2023”")]
    [InlineData("BusinessPlan", "Select the business plan priority the action delivers")]
    [InlineData("Escalation", "Select the escalation whose learning the action carries")]
    [InlineData("Meeting", "Select where the action comes from. Actions arising at a meeting are recorded from the meeting's page")]
    [InlineData("", "Select where the action comes from")]
    public async Task New_FromASourceWithoutItsDetail_ShowsTheErrorSummaryAndWritesNothing(string source, string error)
    {
        var client = await factory.ClientAsync("qe.chair");
        var before = factory.Query(db => db.Actions.Count());

        var response = await client.PostFormAsync("/actions/new", NewFields(source, Unique("Action")));

        await response.AssertErrorsAsync(error);
        Assert.Equal(before, factory.Query(db => db.Actions.Count()));
    }

    [Fact]
    public async Task New_EmptyForm_ListsEachProblem()
    {
        var client = await factory.ClientAsync("team");

        var response = await client.PostFormAsync("/actions/new", new() { ["GroupId"] = "", ["Title"] = "", ["DueDate"] = "" });

        await response.AssertErrorsAsync(
            "Select the group whose action plan the action is on", "Select where the action comes from", "Enter the action",
            "Select who owns the action", "Enter the date the action is due");
    }

    [Fact]
    public async Task New_DueInThePast_IsRefused()
    {
        var client = await factory.ClientAsync("team");
        var fields = NewFields("Section11", Unique("Late"));
        fields["SourceReference"] = "Section 11 return 2023";
        fields["DueDate"] = Today.AddDays(-1).ToString("yyyy-MM-dd");

        var response = await client.PostFormAsync("/actions/new", fields);

        await response.AssertErrorsAsync("The due date must be today or in the future");
    }

    [Fact]
    public async Task New_FromEachSourceWithItsDetail_IsCreatedAndLinked()
    {
        var client = await factory.ClientAsync("qe.chair");
        var (priority, escalation) = AddPriorityAndEscalation();

        var section11 = NewFields("Section11", Unique("Chase the missing Section 11 returns"));
        section11["SourceReference"] = "Section 11 return 2023";
        var plan = NewFields("BusinessPlan", Unique("Deliver the neglect strategy"));
        plan["PriorityId"] = priority.ToString();
        var learning = NewFields("Escalation", Unique("Brief schools on the threshold document"));
        learning["EscalationId"] = escalation.ToString();

        foreach (var fields in new[] { section11, plan, learning })
        {
            var response = await client.PostFormAsync("/actions/new", fields);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var created = factory.Query(db => db.Actions.AsNoTracking().Where(a => a.Title == section11["Title"] || a.Title == plan["Title"] || a.Title == learning["Title"]).ToList());
        Assert.Equal("Section 11 return 2023", created.Single(a => a.Source == ActionSource.Section11).SourceReference);
        Assert.Equal(priority, created.Single(a => a.Source == ActionSource.BusinessPlan).PriorityId);
        var fromEscalation = created.Single(a => a.Source == ActionSource.Escalation);
        Assert.Equal(escalation, fromEscalation.EscalationId);
        Assert.All(created, a => Assert.Equal(factory.GroupId(Q), a.GroupId));
        Assert.All(created, a => Assert.Equal(a.DueDate, a.OriginalDueDate));
        var page = await client.GetStringAsync($"/actions/{fromEscalation.Id}");
        Assert.Contains($"href=\"/escalations/{escalation}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_ForAGroupTheChairDoesNotChair_IsDenied()
    {
        var client = await factory.ClientAsync("qe.chair");
        var board = factory.GroupId(Demo.Board);
        var fields = NewFields("Section11", Unique("Board action"));
        fields["GroupId"] = board.ToString();
        fields["SourceReference"] = "Section 11 return 2023";
        var before = factory.Query(db => db.Actions.Count());

        Assert.True((await client.GetAsync($"/actions/new?groupId={board}")).IsDenied());
        var response = await client.PostFormAsync("/actions/new", fields);

        Assert.True(response.IsDenied());
        Assert.Equal(before, factory.Query(db => db.Actions.Count()));
        Assert.True((await (await factory.ClientAsync("member")).GetAsync("/actions/new")).IsDenied());
    }

    [Fact]
    public async Task New_WithEscalationInTheQuery_PreselectsIt()
    {
        var (_, escalation) = AddPriorityAndEscalation();
        var client = await factory.ClientAsync("team");

        var form = await client.GetDocumentAsync($"/actions/new?groupId={factory.GroupId(Q)}&escalationId={escalation}");

        Assert.NotNull(form.QuerySelector($"#EscalationId option[value='{escalation}'][selected]"));
        Assert.NotNull(form.QuerySelector("input[name='Source'][value='Escalation'][checked]"));
        Assert.NotNull(form.QuerySelector($"#GroupId option[value='{factory.GroupId(Q)}'][selected]"));
    }

    [Fact]
    public async Task MyActions_ListsTheOwnersOpenActionsOverdueFirstAndUpdatesInPlace()
    {
        var later = Unique("Later action");
        var overdue = Unique("Overdue action");
        var laterId = AddAction(later, due: Today.AddDays(20));
        var overdueId = AddAction(overdue, due: Today.AddDays(-4));
        var owner = await factory.ClientAsync("member");

        var page = await owner.GetDocumentAsync("/actions/mine");
        var rows = page.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.True(rows.FindIndex(r => r.Contains(overdue, StringComparison.Ordinal)) < rows.FindIndex(r => r.Contains(later, StringComparison.Ordinal)));
        Assert.Contains("Overdue by 4 days", rows.Single(r => r.Contains(overdue, StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"form[action='/actions/{laterId}/updates'] select#status-{laterId}"));

        var response = await UpdateAsync(owner, overdueId, "Chased the police analyst", "OffTrack", returnUrl: "/actions/mine");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/actions/mine", response.RedirectPath());
        Assert.Contains("notice=saved", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal("Chased the police analyst", Assert.Single(Updates(overdueId)).Note);
    }

    [Fact]
    public async Task MyActions_InPlaceUpdateWithoutANote_RedisplaysTheUpdatePageWithTheError()
    {
        var id = AddAction(Unique("Needs a note"));
        var owner = await factory.ClientAsync("member");

        var response = await UpdateAsync(owner, id, "", "OnTrack", returnUrl: "/actions/mine");

        await response.AssertErrorsAsync("Enter a progress note");
        var page = await response.ReadDocumentAsync();
        Assert.Equal("/actions/mine", page.QuerySelector("input[name='ReturnUrl']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Update_WithAnOffSiteReturnUrl_GoesBackToTheAction()
    {
        var id = AddAction(Unique("Open redirect check"));
        var owner = await factory.ClientAsync("member");

        var response = await UpdateAsync(owner, id, "Progress", "OnTrack", returnUrl: "https://example.org/phish");

        Assert.Equal($"/actions/{id}", response.RedirectPath());
        Assert.DoesNotContain("example.org", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyActions_ForAnAccountWithNoPerson_ExplainsAndLinksToTheAccount()
    {
        const string email = "no.person@example.org";
        const string password = "Lantern-Harbour-Meadow-4";
        await factory.CreateUserAsync(email, Roles.Member, password);
        var client = factory.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await client.LoginAsync(email, password)).StatusCode);

        var page = await client.GetDocumentAsync("/actions/mine");

        Assert.Contains("not linked to a person", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main a[href='/account']"));
    }

    private Dictionary<string, string> NewFields(string source, string title) => new()
    {
        ["GroupId"] = factory.GroupId(Q).ToString(), ["Source"] = source, ["EscalationId"] = "", ["SourceReference"] = "", ["PriorityId"] = "",
        ["Title"] = title, ["Description"] = "", ["OwnerPersonId"] = factory.PersonId(Owner).ToString(), ["OwnerOrganisationId"] = "",
        ["DueDate"] = Today.AddDays(45).ToString("yyyy-MM-dd"),
    };

    private (int Priority, int Escalation) AddPriorityAndEscalation()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var priority = new Priority { Title = Unique("Child neglect"), FromYear = "2024-25" };
        var police = db.Organisations.Single(o => o.Name == Demo.Police).Id;
        var council = db.Organisations.Single(o => o.Name == Demo.Council).Id;
        var escalation = new Escalation
        {
            Reference = "ESC-T-" + Guid.NewGuid().ToString("N")[..8], RaisedOn = Today.AddDays(-30), RaisingOrganisationId = police,
            RaiserRole = "Designated safeguarding lead", ConcernedOrganisationId = council, Category = EscalationCategory.ThresholdDecision,
            CaseReference = "CASE-T-1",
        };
        db.Priorities.Add(priority);
        db.Escalations.Add(escalation);
        db.SaveChanges();
        return (priority.Id, escalation.Id);
    }
}
