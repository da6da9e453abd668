using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.EscalationAnalysis;
using HscpPortal.Web.Features.ReportDraft;
using HscpPortal.Web.Features.ReportDraft.Sections;
using HscpPortal.Web.Infrastructure;
using HscpPortal.Web.Infrastructure.BankHolidays;
using HscpPortal.Web.Reporting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using K = HscpPortal.Web.Reporting.ReportSectionKeys;

namespace HscpPortal.UnitTests;

/// <summary>
/// The yearly report's assembler over a small hand-built partnership in an in-memory SQLite database: three
/// statutory partners, two board meetings in 2023-24, a subgroup dissolved into a new one, three escalations and six
/// actions chosen to test "as at 31 March".
/// </summary>
public sealed class YearlyReportAssemblerTests : IDisposable
{
    private static readonly ReportingYear Year = new(2023);
    private readonly SqliteConnection connection = new("DataSource=:memory:");
    private readonly ServiceProvider services;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2024, 7, 1, 9, 0, 0, TimeSpan.Zero));

    public YearlyReportAssemblerTests()
    {
        connection.Open();
        var collection = new ServiceCollection();
        collection.AddDbContext<PortalDbContext, SqlitePortalDbContext>(o => o.UseSqlite(connection).AddInterceptors(QueryRules.Instance));
        collection.AddSingleton(new EscalationProtocol());
        collection.AddMemoryCache();
        collection.AddSingleton(Mock.Of<ICurrentActor>());
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddScoped<BankHolidayCalendar>();
        collection.AddReportSections();
        services = collection.BuildServiceProvider();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.Database.EnsureCreated();
        Seed(db);
    }

    public void Dispose()
    {
        services.Dispose();
        connection.Dispose();
    }

    private async Task<T> WithRendererAsync<T>(Func<YearlyReportRenderer, PortalDbContext, Task<T>> use)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // The document's views are not needed to assemble, check or fingerprint the report.
        var renderer = new YearlyReportRenderer(db, scope.ServiceProvider.GetRequiredService<ReportOutline>(), null!, Options.Create(new PortalOptions { Name = "Testshire SCP" }), clock);
        return await use(renderer, db);
    }

    private Task<YearlyReportModel> AssembleAsync() => WithRendererAsync((r, _) => r.AssembleAsync(Year, CancellationToken.None));

    [Fact]
    public async Task Assemble_Governance_StructureAtYearEndChangesAndRepresentation()
    {
        var facts = (await AssembleAsync()).Facts<GovernanceModel>(K.Governance)!;

        Assert.Equal(["Board", "Learning Group"], facts.Structure.Select(s => s.Name));
        Assert.Equal("Ann Council", facts.Structure[0].Chair);
        Assert.Equal("Board", facts.Structure[1].ReportsTo);
        Assert.Equal("Cal Deputy", facts.Structure[1].Chair);
        Assert.Equal(
            [("Learning Group", "Set up"), ("Quality Group", "Dissolved, its work passed on")],
            facts.GroupChanges.Select(c => (c.Name, c.Change)));
        Assert.Equal(["Learning Group"], facts.GroupChanges[1].WorkPassedTo);
        var quality = Assert.Single(facts.MembershipChanges, m => m.Group == "Quality Group");
        Assert.Equal((1, 1), (quality.Joined, quality.Left));
        Assert.Contains(facts.LeadershipChanges, c => c.Group == "Learning Group" && c.Role == MembershipRole.Chair && c.Person == "Cal Deputy");
        Assert.Equal(
            [("Council", RepresentationRole.DelegatedPartner, "Ann Council"), ("ICB", RepresentationRole.DelegatedPartner, "Ben Icb"), ("ICB", RepresentationRole.Deputy, "Cal Deputy"), ("Police", RepresentationRole.DelegatedPartner, "Dee Police")],
            facts.Representation.Select(r => (r.Partner, r.Role, r.Person)));
    }

    [Fact]
    public async Task Assemble_BoardImpact_MeetingsAttendancePercentagesAndKeyDecisions()
    {
        var facts = (await AssembleAsync()).Facts<BoardImpactModel>(K.BoardImpact)!;

        Assert.Equal([new DateOnly(2023, 6, 1), new DateOnly(2023, 12, 1)], facts.Meetings.Select(m => m.Date));
        var rows = facts.Attendance.ToDictionary(r => r.Partner, r => (r.Held, r.DspPercent, r.RepresentativePercent));
        Assert.Equal((2, 100, 0), rows["Council"]);
        Assert.Equal((2, 50, 50), rows["ICB"]);
        Assert.Equal((2, 50, 0), rows["Police"]);
        Assert.Equal(
            [("Agree the business plan", "Taken at a quorate meeting"), ("Agree the budget", "Taken at an inquorate meeting; not yet ratified")],
            facts.KeyDecisions.Select(d => (d.Title, d.Ratification)));
    }

    [Fact]
    public async Task Assemble_Escalations_TotalsOfTheYearAgainstThePrevious()
    {
        var facts = (await AssembleAsync()).Facts<EscalationsSectionModel>(K.Escalations)!;

        Assert.Equal((2, 1, 1, 1), (facts.Total, facts.Resolved, facts.Open, facts.PreviousYearTotal));
        Assert.All(facts.Charts, c => Assert.StartsWith("report-escalations-", c.Id, StringComparison.Ordinal));
        Assert.All(facts.Charts, c => Assert.Null(c.Link));
        Assert.Equal(["2022-23", "2023-24"], facts.Charts[0].Categories);
        // The open one's first stage was due in April 2023: drifted as at 31 March 2024.
        Assert.Equal(1, facts.DriftCount);
    }

    [Fact]
    public async Task Assemble_ActionPlans_CountsAsAt31March()
    {
        var facts = (await AssembleAsync()).Facts<ActionPlansModel>(K.ActionPlans)!;

        var board = Assert.Single(facts.Groups);
        Assert.Equal(("Board", 1, 4, 3), (board.Group, board.CompletedInYear, board.OpenAtYearEnd, board.OverdueAtYearEnd));
        Assert.Equal(["Overdue and open", "Revised after year end", "Completed after year end"], facts.Stalled.Select(s => s.Title));
        // The due date it had on 31 March, not the later revision.
        Assert.Equal(new DateOnly(2024, 2, 28), facts.Stalled.Single(s => s.Title == "Revised after year end").DueAtYearEnd);
        Assert.Equal(1, facts.FromCaseReviews);
    }

    [Fact]
    public async Task Assemble_UnbuiltSectionsWithoutText_AreLeftOutOfTheDocument()
    {
        var report = await AssembleAsync();

        Assert.Equal(22, report.Sections.Count);
        Assert.False(report.Section(K.Training).InDocument);
        Assert.False(report.Section(K.Foreword).InDocument);
        Assert.True(report.Section(K.Governance).InDocument);
    }

    [Fact]
    public async Task Readiness_NoNarrative_NamesTheMissingItems()
    {
        var items = await WithRendererAsync((r, _) => r.CheckReadinessAsync(Year, CancellationToken.None));

        Assert.Equal(7, items.Count);
        Assert.Equal(
            [ReadinessKeys.PartnersDid, ReadinessKeys.Effectiveness, ReadinessKeys.LittleProgress, ReadinessKeys.Voice, ReadinessKeys.Funding, ReadinessKeys.Scrutiny],
            items.Where(i => !i.Present).Select(i => i.Key));
        // Actions overdue at year end are named, but a list is not an explanation: the item stays
        // missing until someone writes why progress was limited.
        var littleProgress = items.Single(i => i.Key == ReadinessKeys.LittleProgress);
        Assert.Contains("“Overdue and open” (Board)", littleProgress.Detail);
        Assert.Equal("/reports/yearly/2023-24/sections/commentary:action-plans", littleProgress.FixUrl);
        // An action from a case review recommendation was live in the year.
        Assert.True(items.Single(i => i.Key == ReadinessKeys.ReviewRecommendations).Present);
        Assert.Equal("/reports/yearly/2023-24/sections/commentary:voice", items.Single(i => i.Key == ReadinessKeys.Voice).FixUrl);
    }

    [Fact]
    public async Task Readiness_ScrutinyRecordedWithoutNarrative_IsPresentFromTheRecords()
    {
        await WithRendererAsync(async (_, db) =>
        {
            var icb = await db.Organisations.Where(o => o.Name == "ICB").Select(o => o.Id).SingleAsync();
            db.ScrutinyActivities.Add(new ScrutinyActivity { Kind = ScrutinyActivityKind.WalkTheFloor, HeldOn = new DateOnly(2023, 10, 3), Subject = "Front door" });
            db.ScrutinyChallenges.Add(new ScrutinyChallenge
            {
                Title = "Conferences", Detail = "Attendance", OrganisationId = icb, RaisedOn = new DateOnly(2023, 11, 1), ResponseDueOn = new DateOnly(2023, 12, 1),
                Response = "Planned ahead", ResponseReceivedOn = new DateOnly(2023, 11, 20),
            });
            return await db.SaveChangesAsync();
        });

        var items = await WithRendererAsync((r, _) => r.CheckReadinessAsync(Year, CancellationToken.None));

        var scrutiny = items.Single(i => i.Key == ReadinessKeys.Scrutiny);
        Assert.True(scrutiny.Present);
        Assert.Equal(
            "The scrutineer's record shows 1 scrutiny activity and 1 challenge raised in 2023-24, 1 answered by 31 March 2024. The independent scrutineer's comment is not written yet.",
            scrutiny.Detail);
    }

    [Fact]
    public async Task Readiness_NarrativesWritten_MakesTheirItemsPresent()
    {
        await WithRendererAsync(async (_, db) =>
        {
            var report = new YearlyReport { StartYear = 2023 };
            db.YearlyReports.Add(report);
            await db.SaveChangesAsync();
            foreach (var key in new[] { K.Commentary(K.CaseReviews), K.Commentary(K.ActionPlans), K.Commentary(K.BoardImpact), K.Commentary(K.Training), K.Commentary(K.Voice), K.Commentary(K.Funding), K.ScrutineerComment })
            {
                db.ReportNarratives.Add(new ReportNarrative { ReportId = report.Id, SectionKey = key, Version = 1, Text = "Written." });
            }

            return await db.SaveChangesAsync();
        });

        var items = await WithRendererAsync((r, _) => r.CheckReadinessAsync(Year, CancellationToken.None));

        Assert.All(items, i => Assert.True(i.Present, i.Key));
    }

    [Fact]
    public async Task ContentHash_TwoCalls_AreEqualAndHex()
    {
        var first = await WithRendererAsync((r, _) => r.ContentHashAsync(Year, CancellationToken.None));
        var second = await WithRendererAsync((r, _) => r.ContentHashAsync(Year, CancellationToken.None));

        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-f]{64}$", first);
    }

    [Fact]
    public async Task ContentHash_ActionChanged_Changes()
    {
        var before = await WithRendererAsync((r, _) => r.ContentHashAsync(Year, CancellationToken.None));
        await WithRendererAsync(async (_, db) =>
        {
            var action = await db.Actions.SingleAsync(a => a.Title == "Overdue and open");
            action.CompletedOn = new DateOnly(2024, 3, 1);
            action.Status = ActionStatus.Completed;
            return await db.SaveChangesAsync();
        });

        var after = await WithRendererAsync((r, _) => r.ContentHashAsync(Year, CancellationToken.None));

        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task ContentHash_NarrativeVersionAdded_Changes()
    {
        var before = await WithRendererAsync((r, _) => r.ContentHashAsync(Year, CancellationToken.None));
        await WithRendererAsync(async (_, db) =>
        {
            var report = new YearlyReport { StartYear = 2023 };
            db.YearlyReports.Add(report);
            await db.SaveChangesAsync();
            db.ReportNarratives.Add(new ReportNarrative { ReportId = report.Id, SectionKey = K.Foreword, Version = 1, Text = "A year of change." });
            return await db.SaveChangesAsync();
        });

        var after = await WithRendererAsync((r, _) => r.ContentHashAsync(Year, CancellationToken.None));

        Assert.NotEqual(before, after);
        Assert.True((await AssembleAsync()).Section(K.Foreword).InDocument);
    }

    [Fact]
    public async Task ContentHash_StatusAndCommentsChanged_Unchanged()
    {
        await WithRendererAsync(async (_, db) =>
        {
            db.YearlyReports.Add(new YearlyReport { StartYear = 2023 });
            return await db.SaveChangesAsync();
        });
        var before = await WithRendererAsync((r, _) => r.ContentHashAsync(Year, CancellationToken.None));
        await WithRendererAsync(async (_, db) =>
        {
            var report = await db.YearlyReports.SingleAsync();
            report.Status = ReportStatus.SignOff;
            db.ReportReviewComments.Add(new ReportReviewComment { ReportId = report.Id, SectionKey = K.Governance, Text = "Check the chairs." });
            return await db.SaveChangesAsync();
        });

        var after = await WithRendererAsync((r, _) => r.ContentHashAsync(Year, CancellationToken.None));

        Assert.Equal(before, after);
    }

    private static void Seed(PortalDbContext db)
    {
        var council = new Organisation { Name = "Council", Sector = Sector.LocalAuthority, StatutoryPartner = StatutoryPartner.LocalAuthority };
        var icb = new Organisation { Name = "ICB", Sector = Sector.Health, StatutoryPartner = StatutoryPartner.IntegratedCareBoard };
        var police = new Organisation { Name = "Police", Sector = Sector.Police, StatutoryPartner = StatutoryPartner.Police };
        var school = new Organisation { Name = "School", Sector = Sector.Education };
        db.Organisations.AddRange(council, icb, police, school);
        var ann = new Person { FullName = "Ann Council", Organisation = council };
        var ben = new Person { FullName = "Ben Icb", Organisation = icb };
        var cal = new Person { FullName = "Cal Deputy", Organisation = icb };
        var dee = new Person { FullName = "Dee Police", Organisation = police };
        var eve = new Person { FullName = "Eve School", Organisation = school };
        db.People.AddRange(ann, ben, cal, dee, eve);
        var from = new DateOnly(2020, 4, 1);
        db.PartnerRepresentatives.AddRange(
            new PartnerRepresentative { Organisation = council, Person = ann, Role = RepresentationRole.DelegatedPartner, From = from },
            new PartnerRepresentative { Organisation = icb, Person = ben, Role = RepresentationRole.DelegatedPartner, From = from },
            new PartnerRepresentative { Organisation = icb, Person = cal, Role = RepresentationRole.Deputy, From = from },
            new PartnerRepresentative { Organisation = police, Person = dee, Role = RepresentationRole.DelegatedPartner, From = from },
            // Ended before the year: not part of it.
            new PartnerRepresentative { Organisation = police, Person = eve, Role = RepresentationRole.Deputy, From = from, To = new DateOnly(2022, 1, 1) });

        var board = new Group { Name = "Board", Kind = GroupKind.Board, EstablishedOn = new DateOnly(2019, 1, 1) };
        var quality = new Group { Name = "Quality Group", Kind = GroupKind.Subgroup, ReportsTo = board, EstablishedOn = new DateOnly(2019, 1, 1), DissolvedOn = new DateOnly(2023, 10, 1), Status = GroupStatus.Dissolved };
        var learning = new Group { Name = "Learning Group", Kind = GroupKind.Subgroup, ReportsTo = board, EstablishedOn = new DateOnly(2023, 10, 1) };
        db.Groups.AddRange(board, quality, learning);
        db.GroupMemberships.AddRange(
            new GroupMembership { Group = board, Person = ann, Organisation = council, Role = MembershipRole.Chair, From = from },
            new GroupMembership { Group = quality, Person = eve, Organisation = school, From = new DateOnly(2023, 5, 1), To = new DateOnly(2023, 9, 30) },
            new GroupMembership { Group = learning, Person = cal, Organisation = icb, Role = MembershipRole.Chair, From = new DateOnly(2023, 10, 1) });
        db.SaveChanges();
        db.GroupSuccessions.Add(new GroupSuccession { FromGroupId = quality.Id, ToGroupId = learning.Id });

        Meeting Held(DateOnly date, bool quorate, params (Person Person, Organisation Org)[] present) => new()
        {
            Group = board,
            Title = "Board",
            Date = date,
            Start = new TimeOnly(10, 0),
            End = new TimeOnly(12, 0),
            Status = MeetingStatus.Held,
            IsQuorate = quorate,
            Attendance = present.Select(p => new Attendance { Person = p.Person, Organisation = p.Org, Status = AttendanceStatus.Present }).ToList(),
        };
        var june = Held(new DateOnly(2023, 6, 1), true, (ann, council), (ben, icb), (dee, police));
        var december = Held(new DateOnly(2023, 12, 1), false, (ann, council), (cal, icb));
        // Outside the year: counts for nothing.
        var later = Held(new DateOnly(2024, 6, 1), true, (ann, council));
        db.Meetings.AddRange(june, december, later);
        db.Decisions.AddRange(
            new Decision { Meeting = june, Title = "Agree the business plan", IsKey = true },
            new Decision { Meeting = december, Title = "Agree the budget", IsKey = true },
            new Decision { Meeting = june, Title = "Note the newsletter", IsKey = false });

        Escalation Raised(string reference, DateOnly on, DateOnly? resolved) => new()
        {
            Reference = reference,
            RaisedOn = on,
            RaisingOrganisation = school,
            RaiserRole = "Teacher",
            ConcernedOrganisation = council,
            Category = EscalationCategory.ThresholdDecision,
            CaseReference = "C-" + reference,
            ResolvedOn = resolved,
            ResolvedAtStage = resolved is null ? null : 1,
            Stages = [new EscalationStage { Stage = 1, StartedOn = on, DueOn = on.AddDays(3), EndedOn = resolved }],
        };
        db.Escalations.AddRange(
            Raised("ESC-2023-001", new DateOnly(2023, 4, 10), null),
            Raised("ESC-2023-002", new DateOnly(2023, 9, 4), new DateOnly(2023, 9, 5)),
            Raised("ESC-2022-001", new DateOnly(2022, 5, 3), new DateOnly(2022, 5, 4)));
        db.SaveChanges();

        ActionItem Action(string title, DateOnly due, ActionStatus status, DateOnly? completed = null, ActionSource source = ActionSource.Meeting) => new()
        {
            Title = title,
            GroupId = board.Id,
            OwnerPersonId = ann.Id,
            OwnerOrganisationId = council.Id,
            DueDate = due,
            Status = status,
            Source = source,
            MeetingId = june.Id,
            CompletedOn = completed,
        };
        var done = Action("Completed in the year", new DateOnly(2023, 12, 1), ActionStatus.Completed, new DateOnly(2023, 11, 1));
        var overdue = Action("Overdue and open", new DateOnly(2024, 2, 1), ActionStatus.OnTrack);
        var completedLater = Action("Completed after year end", new DateOnly(2024, 3, 15), ActionStatus.Completed, new DateOnly(2024, 5, 1));
        var revised = Action("Revised after year end", new DateOnly(2024, 2, 28), ActionStatus.OnTrack);
        var before = Action("Completed the year before", new DateOnly(2023, 1, 1), ActionStatus.Completed, new DateOnly(2023, 1, 10));
        var review = Action("From a case review", new DateOnly(2024, 12, 31), ActionStatus.OnTrack, source: ActionSource.CaseReview);
        db.Actions.AddRange(done, overdue, completedLater, revised, before, review);
        db.SaveChanges();
        revised.DueDate = new DateOnly(2024, 6, 30);
        db.ActionUpdates.AddRange(
            new ActionUpdate { ActionItemId = completedLater.Id, At = new DateTime(2024, 1, 10, 12, 0, 0, DateTimeKind.Utc), ByName = "Ann", Note = "On track", StatusBefore = ActionStatus.NotStarted, StatusAfter = ActionStatus.OnTrack },
            new ActionUpdate { ActionItemId = completedLater.Id, At = new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc), ByName = "Ann", Note = "Signed off", StatusBefore = ActionStatus.OnTrack, StatusAfter = ActionStatus.Completed },
            new ActionUpdate { ActionItemId = revised.Id, At = new DateTime(2024, 4, 15, 12, 0, 0, DateTimeKind.Utc), ByName = "Ann", Note = "More time", StatusBefore = ActionStatus.OnTrack, StatusAfter = ActionStatus.OnTrack, DueDateBefore = new DateOnly(2024, 2, 28), DueDateAfter = new DateOnly(2024, 6, 30) });
        db.SaveChanges();
    }
}

public sealed class ReportDocumentTextTests
{
    [Fact]
    public void Signatories_OnePerLine_NameThenRole()
    {
        var signatories = HscpPortal.Web.Reporting.Signatory.Parse("Jane Smith, Chief Executive, Herefordshire Council\n\n  Sam Jones  \n");

        Assert.Equal(
            [new HscpPortal.Web.Reporting.Signatory("Jane Smith", "Chief Executive, Herefordshire Council"), new HscpPortal.Web.Reporting.Signatory("Sam Jones", null)],
            signatories);
    }

    [Fact]
    public void ScrollingTables_WrapsEachTableInARegionNamedByItsCaption()
    {
        var html = HscpPortal.Web.Reporting.YearlyReportRenderer.ScrollingTables(
            "<p>x</p><table class=\"t\"><caption class=\"c\">Board <b>attendance</b> &amp; more</caption><tr><td>1</td></tr></table><table><tr><td>2</td></tr></table>");

        Assert.Equal(
            "<p>x</p><div class=\"pub-table\" role=\"region\" aria-label=\"Board attendance &amp; more\" tabindex=\"0\"><table class=\"t\"><caption class=\"c\">Board <b>attendance</b> &amp; more</caption><tr><td>1</td></tr></table></div>"
            + "<div class=\"pub-table\" role=\"region\" aria-label=\"Table\" tabindex=\"0\"><table><tr><td>2</td></tr></table></div>",
            html);
    }

    [Theory]
    [InlineData(300, "1 KB")]
    [InlineData(311_296, "304 KB")]
    [InlineData(1_258_291, "1.2 MB")]
    public void FileSize_ReadsAsGovukShowsIt(long bytes, string expected) =>
        Assert.Equal(expected, HscpPortal.Web.Reporting.YearlyReportRenderer.FileSize(bytes));
}
