using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.IntegrationTests;

/// <summary>Creating, editing and dissolving groups, and their members.</summary>
public class GroupFormTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private int Groups() => factory.Query(db => db.Groups.Count());

    private int Seats() => factory.Query(db => db.GroupMemberships.Count());

    private static Dictionary<string, string> GroupFields(Group g, string version) => new()
    {
        ["Version"] = version,
        ["Name"] = g.Name,
        ["ShortName"] = g.ShortName ?? "",
        ["Kind"] = g.Kind.ToString(),
        ["Remit"] = g.Remit ?? "",
        ["ReportsToId"] = g.ReportsToId?.ToString() ?? "",
        ["Frequency"] = g.Frequency.ToString(),
        ["EstablishedOn"] = g.EstablishedOn?.ToString("yyyy-MM-dd") ?? "",
        ["SortOrder"] = g.SortOrder.ToString(),
    };

    private async Task<int> CreateGroupAsync(HttpClient client, string name, int reportsTo)
    {
        var response = await client.PostFormAsync("/groups/new", new()
        {
            ["Name"] = name, ["Kind"] = "TaskAndFinish", ["Frequency"] = "Monthly", ["ReportsToId"] = reportsTo.ToString(), ["SortOrder"] = "500",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return factory.GroupId(name);
    }

    [Fact]
    public async Task Create_EmptyForm_ListsEachMissingFieldAndWritesNothing()
    {
        var client = await factory.ClientAsync("team");
        var before = Groups();

        var response = await client.PostFormAsync("/groups/new", new()
        {
            ["Name"] = "", ["Kind"] = "", ["Frequency"] = "", ["ReportsToId"] = "", ["SortOrder"] = "0",
        });

        await response.AssertErrorsAsync("Enter the group's name", "Select the kind of group", "Select how often the group meets");
        Assert.Equal(before, Groups());
    }

    [Fact]
    public async Task Create_SubgroupReportingToNobody_IsRefused()
    {
        var client = await factory.ClientAsync("team");
        var before = Groups();

        var response = await client.PostFormAsync("/groups/new", new()
        {
            ["Name"] = "Orphan Group", ["Kind"] = "Subgroup", ["Frequency"] = "Quarterly", ["ReportsToId"] = "", ["SortOrder"] = "0",
        });

        await response.AssertErrorsAsync("Select the group this one reports to");
        Assert.Equal(before, Groups());
    }

    [Fact]
    public async Task Create_ValidForm_RedirectsAndSavesReportingLine()
    {
        var client = await factory.ClientAsync("team");
        var qe = factory.GroupId(Demo.QualityAndEffectiveness);
        var before = Groups();

        var response = await client.PostFormAsync("/groups/new", new()
        {
            ["Name"] = "Section 11 Audit Task and Finish Group",
            ["ShortName"] = "S11 T&F",
            ["Kind"] = "TaskAndFinish",
            ["Remit"] = "Runs the 2026 Section 11 self-assessment.",
            ["ReportsToId"] = qe.ToString(),
            ["Frequency"] = "Monthly",
            ["EstablishedOn"] = "2026-01-05",
            ["SortOrder"] = "27",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = factory.Query(db => db.Groups.AsNoTracking().Single(g => g.Name == "Section 11 Audit Task and Finish Group"));
        Assert.Equal($"/groups/{saved.Id}", response.RedirectPath());
        Assert.Equal(before + 1, Groups());
        Assert.Equal(qe, saved.ReportsToId);
        Assert.Equal(GroupKind.TaskAndFinish, saved.Kind);
        Assert.Equal(MeetingFrequency.Monthly, saved.Frequency);
        Assert.Equal(new DateOnly(2026, 1, 5), saved.EstablishedOn);
        Assert.Equal(GroupStatus.Active, saved.Status);
    }

    [Fact]
    public async Task Create_NameOf201Characters_IsRefused()
    {
        var client = await factory.ClientAsync("team");
        var before = Groups();

        var response = await client.PostFormAsync("/groups/new", new()
        {
            ["Name"] = new string('g', 201), ["Kind"] = "Board", ["Frequency"] = "Quarterly", ["SortOrder"] = "0",
        });

        await response.AssertErrorsAsync("Name must be 200 characters or fewer");
        Assert.Equal(before, Groups());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1001")]
    [InlineData("-1")]
    public async Task Create_OrderNotANumberOrOutOfRange_ShowsFormWithErrorNot500(string sortOrder)
    {
        var client = await factory.ClientAsync("team");
        var before = Groups();

        var response = await client.PostFormAsync("/groups/new", new()
        {
            ["Name"] = "Odd Order Group", ["Kind"] = "Board", ["Frequency"] = "Quarterly", ["SortOrder"] = sortOrder,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.NotEmpty(document.ErrorSummary());
        Assert.NotNull(document.QuerySelector("#SortOrder-error"));
        Assert.Equal(before, Groups());
    }

    [Fact]
    public async Task Edit_BoardReportingToItsOwnChild_IsRefusedAsCycle()
    {
        var client = await factory.ClientAsync("team");
        var board = factory.Group(factory.GroupId(Demo.Board));
        var form = await client.GetDocumentAsync($"/groups/{board.Id}/edit");
        var fields = GroupFields(board, form.InputValue("Version"));
        fields["ReportsToId"] = factory.GroupId(Demo.QualityAndEffectiveness).ToString();

        var response = await client.PostFormAsync($"/groups/{board.Id}/edit", fields);

        await response.AssertErrorsAsync("A group cannot report to itself or to a group that reports to it");
        Assert.Null(factory.Group(board.Id).ReportsToId);
    }

    [Fact]
    public async Task Edit_GroupReportingToItsGrandchild_IsRefusedAsCycle()
    {
        // The board -> Q&E -> MASH: making the board report to MASH would close a loop of three.
        var client = await factory.ClientAsync("team");
        var board = factory.Group(factory.GroupId(Demo.Board));
        var form = await client.GetDocumentAsync($"/groups/{board.Id}/edit");
        var fields = GroupFields(board, form.InputValue("Version"));
        fields["ReportsToId"] = factory.GroupId(Demo.Mash).ToString();

        var response = await client.PostFormAsync($"/groups/{board.Id}/edit", fields);

        await response.AssertErrorsAsync("A group cannot report to itself or to a group that reports to it");
        Assert.Null(factory.Group(board.Id).ReportsToId);
    }

    [Fact]
    public async Task Edit_GroupReportingToItself_IsRefused()
    {
        var client = await factory.ClientAsync("team");
        var qe = factory.Group(factory.GroupId(Demo.QualityAndEffectiveness));
        var form = await client.GetDocumentAsync($"/groups/{qe.Id}/edit");
        var fields = GroupFields(qe, form.InputValue("Version"));
        fields["ReportsToId"] = qe.Id.ToString();

        var response = await client.PostFormAsync($"/groups/{qe.Id}/edit", fields);

        await response.AssertErrorsAsync("A group cannot report to itself or to a group that reports to it");
        Assert.Equal(qe.ReportsToId, factory.Group(qe.Id).ReportsToId);
    }

    [Fact]
    public async Task Edit_ByChairOfThatGroup_SavesChange()
    {
        var client = await factory.ClientAsync("qe.chair");
        var qe = factory.Group(factory.GroupId(Demo.QualityAndEffectiveness));
        var form = await client.GetDocumentAsync($"/groups/{qe.Id}/edit");
        var fields = GroupFields(qe, form.InputValue("Version"));
        fields["Remit"] = qe.Remit + " Also reviews the neglect toolkit each year.";

        var response = await client.PostFormAsync($"/groups/{qe.Id}/edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = factory.Group(qe.Id);
        Assert.EndsWith("Also reviews the neglect toolkit each year.", saved.Remit, StringComparison.Ordinal);
        Assert.Equal("qe.chair@demo.hscp.example", saved.UpdatedBy);
    }

    [Fact]
    public async Task Edit_BoardByQualityChair_IsDeniedAndNothingChanges()
    {
        var client = await factory.ClientAsync("qe.chair");
        var board = factory.Group(factory.GroupId(Demo.Board));
        var fields = GroupFields(board, board.Version.ToString());
        fields["Name"] = "Renamed by the wrong chair";

        var response = await client.PostFormAsync($"/groups/{board.Id}/edit", fields, formPage: $"/groups/{board.Id}");

        Assert.True(response.IsDenied(), $"{(int)response.StatusCode} {response.Headers.Location}");
        Assert.Equal(Demo.Board, factory.Group(board.Id).Name);
    }

    [Fact]
    public async Task Dissolve_EmptyForm_ListsEachMissingFieldAndChangesNothing()
    {
        var client = await factory.ClientAsync("team");
        var id = await CreateGroupAsync(client, "Dissolve Empty Form Group", factory.GroupId(Demo.QualityAndEffectiveness));
        var form = await client.GetDocumentAsync($"/groups/{id}/dissolve");

        var response = await client.PostFormAsync($"/groups/{id}/dissolve", new() { ["Version"] = form.InputValue("Version"), ["DissolvedOn"] = "" });

        await response.AssertErrorsAsync("Enter the date the group was dissolved", "Select at least one group that takes on this group's work");
        var group = factory.Group(id);
        Assert.Equal(GroupStatus.Active, group.Status);
        Assert.Null(group.DissolvedOn);
        Assert.False(factory.Query(db => db.GroupSuccessions.Any(s => s.FromGroupId == id)));
    }

    [Fact]
    public async Task Dissolve_WorkPassedToDissolvedGroup_IsRefused()
    {
        var client = await factory.ClientAsync("team");
        var id = await CreateGroupAsync(client, "Dissolve Into Dissolved Group", factory.GroupId(Demo.QualityAndEffectiveness));
        var form = await client.GetDocumentAsync($"/groups/{id}/dissolve");

        var response = await client.PostFormAsync($"/groups/{id}/dissolve", new()
        {
            ["Version"] = form.InputValue("Version"),
            ["DissolvedOn"] = "2026-03-31",
            ["WorkPassedTo"] = factory.GroupId(Demo.ExecutiveSupport).ToString(),
        });

        await response.AssertErrorsAsync("Select groups that are still active");
        Assert.Equal(GroupStatus.Active, factory.Group(id).Status);
    }

    [Fact]
    public async Task Dissolve_ValidForm_RecordsSuccessionAndEndsSeats()
    {
        var client = await factory.ClientAsync("team");
        var qe = factory.GroupId(Demo.QualityAndEffectiveness);
        var dp = factory.GroupId(Demo.DevelopmentAndPractice);
        var id = await CreateGroupAsync(client, "Neglect Toolkit Task and Finish Group", qe);
        var seat = await client.PostFormAsync($"/groups/{id}/members/new", new()
        {
            ["PersonId"] = factory.PersonId("Natalie Brooks").ToString(), ["Role"] = "Chair", ["From"] = "2026-01-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, seat.StatusCode);
        var form = await client.GetDocumentAsync($"/groups/{id}/dissolve");

        var response = await client.PostFormAsync($"/groups/{id}/dissolve", new KeyValuePair<string, string>[]
        {
            new("Version", form.InputValue("Version")),
            new("DissolvedOn", "2026-03-31"),
            new("Note", "Toolkit published; assurance to Q&E, training to D&P."),
            new("WorkPassedTo", qe.ToString()),
            new("WorkPassedTo", dp.ToString()),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var group = factory.Group(id);
        Assert.Equal(GroupStatus.Dissolved, group.Status);
        Assert.Equal(new DateOnly(2026, 3, 31), group.DissolvedOn);
        Assert.Equal("Toolkit published; assurance to Q&E, training to D&P.", group.DissolutionNote);
        var successors = factory.Query(db => db.GroupSuccessions.Where(s => s.FromGroupId == id).Select(s => s.ToGroupId).OrderBy(x => x).ToList());
        Assert.Equal(new[] { qe, dp }.Order(), successors);
        Assert.Equal(new DateOnly(2026, 3, 30), factory.Query(db => db.GroupMemberships.Single(m => m.GroupId == id).To));
        var page = await client.GetStringAsync($"/groups/{id}");
        Assert.Contains("Dissolved", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddMember_EmptyForm_ListsEachMissingFieldAndWritesNothing()
    {
        var client = await factory.ClientAsync("team");
        var qe = factory.GroupId(Demo.QualityAndEffectiveness);
        var before = Seats();

        var response = await client.PostFormAsync($"/groups/{qe}/members/new", new() { ["PersonId"] = "", ["OrganisationId"] = "", ["From"] = "" });

        await response.AssertErrorsAsync("Select the person", "Select the organisation they represent", "Select their role", "Enter the date they joined");
        Assert.Equal(before, Seats());
    }

    [Fact]
    public async Task AddMember_ValidForm_CreatesSeatForPersonsOwnOrganisation()
    {
        var client = await factory.ClientAsync("qe.chair");
        var qe = factory.GroupId(Demo.QualityAndEffectiveness);
        var person = factory.PersonId("Hannah Pike");
        var before = Seats();

        var response = await client.PostFormAsync($"/groups/{qe}/members/new", new()
        {
            ["PersonId"] = person.ToString(), ["OrganisationId"] = "", ["Role"] = "Member", ["From"] = "2026-02-01",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/groups/{qe}", response.RedirectPath());
        Assert.Equal(before + 1, Seats());
        var seat = factory.Query(db => db.GroupMemberships.AsNoTracking().Single(m => m.GroupId == qe && m.PersonId == person));
        Assert.Equal(factory.OrganisationId(Demo.Police), seat.OrganisationId);
        Assert.Equal(MembershipRole.Member, seat.Role);
        Assert.Equal(new DateOnly(2026, 2, 1), seat.From);
        Assert.Null(seat.To);
    }

    [Fact]
    public async Task AddMember_SecondConcurrentChair_IsRefused()
    {
        var client = await factory.ClientAsync("team");
        var qe = factory.GroupId(Demo.QualityAndEffectiveness);
        var before = Seats();

        var response = await client.PostFormAsync($"/groups/{qe}/members/new", new()
        {
            ["PersonId"] = factory.PersonId("Natalie Brooks").ToString(), ["Role"] = "Chair", ["From"] = "2025-06-01",
        });

        await response.AssertErrorsAsync("The group already has a chair during these dates. End their term first.");
        Assert.Equal(before, Seats());
        Assert.Equal(1, factory.Query(db => db.GroupMemberships.Count(m => m.GroupId == qe && m.Role == MembershipRole.Chair && m.To == null)));
    }

    [Fact]
    public async Task AddMember_ChairForEarlierPeriodWithNoChair_IsAccepted()
    {
        var client = await factory.ClientAsync("team");
        var qe = factory.GroupId(Demo.QualityAndEffectiveness);

        var response = await client.PostFormAsync($"/groups/{qe}/members/new", new()
        {
            ["PersonId"] = factory.PersonId("Graham Lister").ToString(), ["Role"] = "Chair", ["From"] = "2020-01-01", ["To"] = "2022-03-31",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task AddMember_EndBeforeStart_IsRefused()
    {
        var client = await factory.ClientAsync("team");
        var qe = factory.GroupId(Demo.QualityAndEffectiveness);
        var before = Seats();

        var response = await client.PostFormAsync($"/groups/{qe}/members/new", new()
        {
            ["PersonId"] = factory.PersonId("Ben Hollis").ToString(), ["Role"] = "Member", ["From"] = "2026-02-01", ["To"] = "2026-01-31",
        });

        await response.AssertErrorsAsync("The end date must be the same as or after the start date");
        Assert.Equal(before, Seats());
    }

    [Fact]
    public async Task AddMember_SamePersonSameRoleOverlapping_IsRefused()
    {
        var client = await factory.ClientAsync("team");
        var qe = factory.GroupId(Demo.QualityAndEffectiveness);
        var before = Seats();

        // Joanne Tilley (the demo "member" user) has sat on Q&E as a member since 1 April 2022, open-ended.
        var person = factory.PersonId("Joanne Tilley");
        var response = await client.PostFormAsync($"/groups/{qe}/members/new", new()
        {
            ["PersonId"] = person.ToString(), ["Role"] = "Member", ["From"] = "2026-02-01",
        });

        await response.AssertErrorsAsync("This person already holds this role on the group during these dates");
        Assert.Equal(before, Seats());
    }

    [Fact]
    public async Task AddMember_PersonIdNotANumber_ShowsFormWithErrorNot500()
    {
        var client = await factory.ClientAsync("team");
        var qe = factory.GroupId(Demo.QualityAndEffectiveness);
        var before = Seats();

        var response = await client.PostFormAsync($"/groups/{qe}/members/new", new() { ["PersonId"] = "abc", ["Role"] = "Member", ["From"] = "2026-02-01" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Select the person", (await response.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(before, Seats());
    }

    [Theory]
    [InlineData("2026-01-01", "")]
    [InlineData("2023-06-01", "")]
    [InlineData("2023-06-01", "2023-10-01")]
    public async Task AddMember_SeatOutlivingDissolvedGroup_IsRefused(string from, string to)
    {
        var client = await factory.ClientAsync("team");
        var esg = factory.GroupId(Demo.ExecutiveSupport);
        var before = Seats();

        var response = await client.PostFormAsync($"/groups/{esg}/members/new", new()
        {
            ["PersonId"] = factory.PersonId("Ben Hollis").ToString(), ["Role"] = "Member", ["From"] = from, ["To"] = to,
        });

        await response.AssertErrorsAsync("The group was dissolved on 1 October 2023. Enter an end date before then.");
        Assert.Equal(before, Seats());
    }

    [Fact]
    public async Task AddMember_PastSeatWithinDissolvedGroupsLife_IsAccepted()
    {
        var client = await factory.ClientAsync("team");
        var esg = factory.GroupId(Demo.ExecutiveSupport);

        var response = await client.PostFormAsync($"/groups/{esg}/members/new", new()
        {
            ["PersonId"] = factory.PersonId("Ben Hollis").ToString(), ["Role"] = "Adviser", ["From"] = "2022-05-01", ["To"] = "2023-09-30",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Dissolve_GroupAlreadyDissolved_IsRefusedAndHistoryKept()
    {
        var client = await factory.ClientAsync("team");
        var esg = factory.GroupId(Demo.ExecutiveSupport);
        var seatEnds = factory.Query(db => db.GroupMemberships.Where(m => m.GroupId == esg).OrderBy(m => m.Id).Select(m => m.To).ToList());
        var form = await client.GetDocumentAsync($"/groups/{esg}/dissolve");

        var response = await client.PostFormAsync($"/groups/{esg}/dissolve", new()
        {
            ["Version"] = form.InputValue("Version"),
            ["DissolvedOn"] = "2023-06-01",
            ["WorkPassedTo"] = factory.GroupId(Demo.QualityAndEffectiveness).ToString(),
        });

        await response.AssertErrorsAsync("This group was already dissolved on 1 October 2023.");
        Assert.Equal(new DateOnly(2023, 10, 1), factory.Group(esg).DissolvedOn);
        Assert.Equal([factory.GroupId(Demo.Board)], factory.Query(db => db.GroupSuccessions.Where(s => s.FromGroupId == esg).Select(s => s.ToGroupId).ToList()));
        Assert.Equal(seatEnds, factory.Query(db => db.GroupMemberships.Where(m => m.GroupId == esg).OrderBy(m => m.Id).Select(m => m.To).ToList()));
    }

    [Fact]
    public async Task EditMember_EndTerm_SavesEndDateAndMovesSeatToPast()
    {
        var client = await factory.ClientAsync("qe.chair");
        var qe = factory.GroupId(Demo.QualityAndEffectiveness);
        var seat = factory.Query(db => db.GroupMemberships.AsNoTracking().Single(m => m.GroupId == qe && m.Person!.FullName == "Rebecca Thorne"));
        var form = await client.GetDocumentAsync($"/groups/{qe}/members/{seat.Id}");

        var response = await client.PostFormAsync($"/groups/{qe}/members/{seat.Id}", new()
        {
            ["Version"] = form.InputValue("Version"), ["PersonId"] = seat.PersonId.ToString(), ["OrganisationId"] = seat.OrganisationId.ToString(),
            ["Role"] = "Member", ["From"] = seat.From.ToString("yyyy-MM-dd"), ["To"] = "2025-12-31",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new DateOnly(2025, 12, 31), factory.Query(db => db.GroupMemberships.Single(m => m.Id == seat.Id).To));
        var tables = (await client.GetDocumentAsync($"/groups/{qe}")).QuerySelectorAll("table");
        var current = Assert.Single(tables, t => t.QuerySelector("caption")!.TextContent.Trim().StartsWith("Current members", StringComparison.Ordinal));
        var past = Assert.Single(tables, t => t.QuerySelector("caption")!.TextContent.Trim().StartsWith("Past members", StringComparison.Ordinal));
        Assert.DoesNotContain("Rebecca Thorne", current.TextContent, StringComparison.Ordinal);
        Assert.Contains("Rebecca Thorne", past.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditMember_EndBeforeStart_IsRefusedAndSeatUnchanged()
    {
        var client = await factory.ClientAsync("team");
        var qe = factory.GroupId(Demo.QualityAndEffectiveness);
        var seat = factory.Query(db => db.GroupMemberships.AsNoTracking().Single(m => m.GroupId == qe && m.Person!.FullName == "Aisha Rahman"));
        var form = await client.GetDocumentAsync($"/groups/{qe}/members/{seat.Id}");

        var response = await client.PostFormAsync($"/groups/{qe}/members/{seat.Id}", new()
        {
            ["Version"] = form.InputValue("Version"), ["PersonId"] = seat.PersonId.ToString(), ["OrganisationId"] = seat.OrganisationId.ToString(),
            ["Role"] = seat.Role.ToString(), ["From"] = "2024-01-01", ["To"] = "2023-12-31",
        });

        await response.AssertErrorsAsync("The end date must be the same as or after the start date");
        var after = factory.Query(db => db.GroupMemberships.AsNoTracking().Single(m => m.Id == seat.Id));
        Assert.Equal(seat.From, after.From);
        Assert.Equal(seat.To, after.To);
    }

    [Fact]
    public async Task EditMember_SeatOfAnotherGroup_Returns404()
    {
        var client = await factory.ClientAsync("team");
        var qe = factory.GroupId(Demo.QualityAndEffectiveness);
        var boardSeat = factory.Query(db => db.GroupMemberships.Where(m => m.GroupId != qe).Select(m => m.Id).First());

        var response = await client.GetAsync($"/groups/{qe}/members/{boardSeat}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
