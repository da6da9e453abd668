using System.Net;
using System.Text.RegularExpressions;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Reminders;
using HscpPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// The daily digest and the weekly summary, driven with explicit dates (the background loop is off in tests).
/// Each test uses its own day, since a day's run can only be claimed once, and people and actions of its own.
/// </summary>
public partial class ReminderTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string PublicUrl = "http://localhost:5080";

    private static string Unique(string what) => $"{what} {Guid.NewGuid():N}";

    private (int Id, string Email) AddPerson(string name = "Reminder Owner", bool dailyOptOut = false, bool weeklyOptOut = false)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var email = $"{Guid.NewGuid():N}@reminders.test";
        var person = new Person
        {
            FullName = name, Email = email, OrganisationId = db.Organisations.Where(o => o.Name == Demo.Police).Select(o => o.Id).Single(),
            DailyDigestOptOut = dailyOptOut, WeeklySummaryOptOut = weeklyOptOut,
        };
        db.People.Add(person);
        db.SaveChanges();
        return (person.Id, email);
    }

    private int AddAction(int personId, DateOnly due, string title, ActionStatus status = ActionStatus.OnTrack, int? groupId = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var action = new ActionItem
        {
            Title = title, GroupId = groupId ?? db.Groups.Where(g => g.Name == Demo.QualityAndEffectiveness).Select(g => g.Id).Single(),
            OwnerPersonId = personId, OwnerOrganisationId = db.People.Where(p => p.Id == personId).Select(p => p.OrganisationId).Single(),
            DueDate = due, Status = status, Source = ActionSource.BusinessPlan, SourceReference = "Business plan 2030-31",
        };
        db.Actions.Add(action);
        db.SaveChanges();
        return action.Id;
    }

    private async Task<ReminderRunResult> DigestAsync(DateOnly date)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderService>().SendDailyDigestAsync(date);
    }

    private async Task<ReminderRunResult> SummaryAsync(DateOnly date)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderService>().SendWeeklySummaryAsync(date);
    }

    /// <summary>Mail to one address for one day: other tests' runs for other days also email everyone with overdue actions.</summary>
    private List<MimeMessage> MailTo(string email, DateOnly date) =>
        !Directory.Exists(factory.MailDirectory)
            ? []
            : Directory.GetFiles(factory.MailDirectory, "*.eml")
                .Select(f => MimeMessage.Load(f))
                .Where(m => m.To.Mailboxes.Any(a => a.Address == email) && (m.Subject ?? "").Contains(Format.Date(date), StringComparison.Ordinal))
                .ToList();

    [Fact]
    public async Task DailyDigest_OverdueAction_IsRedAndInThatDaysDigest()
    {
        var date = new DateOnly(2031, 3, 11);
        var (owner, email) = AddPerson();
        var overdueTitle = Unique("Overdue: refresh the neglect toolkit");
        var overdue = AddAction(owner, date.AddDays(-3), overdueTitle);
        var soonTitle = Unique("Due soon: circulate the audit");
        AddAction(owner, date.AddDays(5), soonTitle, ActionStatus.NotStarted);
        var laterTitle = Unique("Later: plan the conference");
        AddAction(owner, date.AddDays(30), laterTitle);
        var doneTitle = Unique("Done: overdue but completed");
        AddAction(owner, date.AddDays(-10), doneTitle, ActionStatus.Completed);

        var result = await DigestAsync(date);

        Assert.Equal(Rag.Red, ActionRag.Of(ActionStatus.OnTrack, date.AddDays(-3), date));
        Assert.Equal(ReminderOutcome.Sent, result.Outcome);
        var mail = Assert.Single(MailTo(email, date));
        Assert.Equal("Your actions on 11 March 2031: 1 overdue, 1 due soon", mail.Subject);
        Assert.Contains("Overdue (red)", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(overdueTitle, mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{PublicUrl}/actions/{overdue}\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{PublicUrl}/actions/mine\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"{PublicUrl}/reminders/unsubscribe?token=", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(soonTitle, mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(laterTitle, mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(doneTitle, mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(overdueTitle, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{PublicUrl}/actions/{overdue}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("due 8 March 2031", mail.TextBody, StringComparison.Ordinal);

        var delivery = factory.Query(db => db.ReminderDeliveries.Single(d => d.PersonId == owner && d.ForDate == date));
        Assert.Equal((ReminderKind.DailyDigest, date, 2), (delivery.Kind, delivery.ForDate, delivery.ItemCount));
        var run = factory.Query(db => db.ReminderRuns.Single(r => r.Kind == ReminderKind.DailyDigest && r.ForDate == date));
        Assert.NotNull(run.CompletedAt);
        Assert.Equal(result.Sent, run.Sent);
    }

    [Fact]
    public async Task DailyDigest_SameDayTwice_SendsNothingTheSecondTime()
    {
        var date = new DateOnly(2031, 3, 12);
        var (owner, email) = AddPerson();
        AddAction(owner, date.AddDays(-1), Unique("Overdue"));

        var first = await DigestAsync(date);
        var second = await DigestAsync(date);

        Assert.Equal(ReminderOutcome.Sent, first.Outcome);
        Assert.Equal(ReminderOutcome.AlreadyClaimed, second.Outcome);
        Assert.Equal(0, second.Sent);
        Assert.Single(MailTo(email, date));
    }

    [Fact]
    public async Task DailyDigest_TwoRunnersInParallel_SendExactlyOneEmailPerPerson()
    {
        var date = new DateOnly(2031, 3, 13);
        var people = Enumerable.Range(0, 3).Select(_ => AddPerson()).ToList();
        foreach (var (id, _) in people)
        {
            AddAction(id, date.AddDays(-2), Unique("Overdue"));
        }

        var results = await Task.WhenAll(DigestAsync(date), DigestAsync(date));

        Assert.Single(results, r => r.Outcome == ReminderOutcome.Sent);
        Assert.All(people, p => Assert.Single(MailTo(p.Email, date)));
        var ids = people.Select(p => p.Id).ToList();
        Assert.Equal(3, factory.Query(db => db.ReminderDeliveries.Count(d => d.ForDate == date && ids.Contains(d.PersonId))));
    }

    [Fact]
    public async Task DailyDigest_ClaimLeftUnfinished_IsTakenOverAfterTheLeaseWithoutSendingTwice()
    {
        var date = new DateOnly(2031, 3, 14);
        var (sentBefore, sentBeforeEmail) = AddPerson();
        var (notYet, notYetEmail) = AddPerson();
        AddAction(sentBefore, date.AddDays(-1), Unique("Overdue"));
        AddAction(notYet, date.AddDays(-1), Unique("Overdue"));
        factory.Query(db =>
        {
            // A runner that claimed the day an hour ago, sent one email, then died.
            db.ReminderRuns.Add(new ReminderRun { Kind = ReminderKind.DailyDigest, ForDate = date, ClaimedAt = DateTime.UtcNow.AddHours(-1), ClaimedBy = "crashed" });
            db.ReminderDeliveries.Add(new ReminderDelivery { Kind = ReminderKind.DailyDigest, ForDate = date, PersonId = sentBefore, Email = sentBeforeEmail, SentAt = DateTime.UtcNow.AddHours(-1) });
            return db.SaveChanges();
        });

        var result = await DigestAsync(date);

        Assert.Equal(ReminderOutcome.Sent, result.Outcome);
        Assert.True(result.Skipped >= 1);
        Assert.Empty(MailTo(sentBeforeEmail, date));
        Assert.Single(MailTo(notYetEmail, date));
        var run = factory.Query(db => db.ReminderRuns.Single(r => r.Kind == ReminderKind.DailyDigest && r.ForDate == date));
        Assert.NotEqual("crashed", run.ClaimedBy);
        Assert.NotNull(run.CompletedAt);
    }

    [Fact]
    public async Task DailyDigest_ClaimWithinItsLease_IsLeftToItsRunner()
    {
        var date = new DateOnly(2031, 3, 17);
        var (owner, email) = AddPerson();
        AddAction(owner, date.AddDays(-1), Unique("Overdue"));
        factory.Query(db =>
        {
            db.ReminderRuns.Add(new ReminderRun { Kind = ReminderKind.DailyDigest, ForDate = date, ClaimedAt = DateTime.UtcNow.AddMinutes(-5), ClaimedBy = "busy" });
            return db.SaveChanges();
        });

        var result = await DigestAsync(date);

        Assert.Equal(ReminderOutcome.AlreadyClaimed, result.Outcome);
        Assert.Empty(MailTo(email, date));
    }

    [Fact]
    public async Task DailyDigest_OptedOutOrNothingDue_SendsNothingToThem()
    {
        var date = new DateOnly(2031, 3, 18);
        var (optedOut, optedOutEmail) = AddPerson(dailyOptOut: true);
        AddAction(optedOut, date.AddDays(-1), Unique("Overdue"));
        var (relaxed, relaxedEmail) = AddPerson();
        AddAction(relaxed, date.AddDays(20), Unique("Due later"));
        AddAction(relaxed, date.AddDays(-20), Unique("Cancelled"), ActionStatus.Cancelled);

        await DigestAsync(date);

        Assert.Empty(MailTo(optedOutEmail, date));
        Assert.Empty(MailTo(relaxedEmail, date));
    }

    private int AddGroupWithChairs(params (int PersonId, MembershipRole Role)[] members)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var group = new Web.Domain.Group { Name = Unique("Reminder Test Group"), Kind = GroupKind.Subgroup };
        db.Groups.Add(group);
        db.SaveChanges();
        foreach (var (personId, role) in members)
        {
            db.GroupMemberships.Add(new GroupMembership
            {
                GroupId = group.Id, PersonId = personId, OrganisationId = db.People.Where(p => p.Id == personId).Select(p => p.OrganisationId).Single(),
                Role = role, From = new DateOnly(2030, 4, 1),
            });
        }

        db.SaveChanges();
        return group.Id;
    }

    [Fact]
    public async Task WeeklySummary_Chair_GetsTheGroupsPlanAndMembersDoNot()
    {
        var date = new DateOnly(2031, 3, 24); // a Monday
        var (chair, chairEmail) = AddPerson("Chair Person");
        var (vice, viceEmail) = AddPerson("Vice Chair", weeklyOptOut: true);
        var (member, memberEmail) = AddPerson("Plain Member");
        var group = AddGroupWithChairs((chair, MembershipRole.Chair), (vice, MembershipRole.ViceChair), (member, MembershipRole.Member));
        var overdueTitle = Unique("Overdue plan item");
        var overdue = AddAction(member, date.AddDays(-4), overdueTitle, groupId: group);
        var thisWeekTitle = Unique("Due Friday");
        AddAction(member, date.AddDays(4), thisWeekTitle, ActionStatus.AtRisk, groupId: group);
        var nextWeekTitle = Unique("Due next week");
        AddAction(member, date.AddDays(9), nextWeekTitle, groupId: group);
        var note = Unique("Spoke to schools about the audit");
        factory.Query(db =>
        {
            db.ActionUpdates.Add(new ActionUpdate
            {
                ActionItemId = overdue, At = date.AddDays(-2).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), ByName = "Plain Member", Note = note,
                StatusBefore = ActionStatus.NotStarted, StatusAfter = ActionStatus.OnTrack,
            });
            db.ActionUpdates.Add(new ActionUpdate
            {
                ActionItemId = overdue, At = date.AddDays(-30).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), ByName = "Plain Member", Note = "An old update",
                StatusBefore = ActionStatus.NotStarted, StatusAfter = ActionStatus.NotStarted,
            });
            return db.SaveChanges();
        });

        var result = await SummaryAsync(date);

        Assert.Equal(ReminderOutcome.Sent, result.Outcome);
        var mail = Assert.Single(MailTo(chairEmail, date));
        Assert.StartsWith("Weekly action plan summary", mail.Subject, StringComparison.Ordinal);
        var html = mail.HtmlBody;
        Assert.Contains($"href=\"{PublicUrl}/groups/{group}\"", html, StringComparison.Ordinal);
        Assert.Contains(overdueTitle, html, StringComparison.Ordinal);
        Assert.Contains(thisWeekTitle, html, StringComparison.Ordinal);
        Assert.Contains(note, html, StringComparison.Ordinal);
        Assert.DoesNotContain("An old update", html, StringComparison.Ordinal);
        Assert.Contains("Due by 30 March 2031", html, StringComparison.Ordinal);
        Assert.Contains("Red 1, amber 1, green 1, complete 0, cancelled 0", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{PublicUrl}/reminders/unsubscribe?token=", mail.TextBody, StringComparison.Ordinal);
        Assert.Empty(MailTo(viceEmail, date));
        Assert.Empty(MailTo(memberEmail, date));
        Assert.Equal(ReminderOutcome.AlreadyClaimed, (await SummaryAsync(date)).Outcome);
        Assert.Single(MailTo(chairEmail, date));
    }

    [Fact]
    public async Task WeeklySummary_TwoRunnersInParallel_SendExactlyOneEmailPerChair()
    {
        var date = new DateOnly(2031, 4, 7); // a Monday
        var (chair, chairEmail) = AddPerson("Chair Person");
        var (vice, viceEmail) = AddPerson("Vice Chair");
        var (member, _) = AddPerson("Plain Member");
        var group = AddGroupWithChairs((chair, MembershipRole.Chair), (vice, MembershipRole.ViceChair), (member, MembershipRole.Member));
        AddAction(member, date.AddDays(-3), Unique("Overdue plan item"), groupId: group);
        AddAction(member, date.AddDays(2), Unique("Due this week"), groupId: group);

        var results = await Task.WhenAll(SummaryAsync(date), SummaryAsync(date));

        Assert.Single(results, r => r.Outcome == ReminderOutcome.Sent);
        Assert.Single(MailTo(chairEmail, date));
        Assert.Single(MailTo(viceEmail, date));
        Assert.Equal(1, factory.Query(db => db.ReminderRuns.Count(r => r.Kind == ReminderKind.WeeklySummary && r.ForDate == date)));
        Assert.Equal(2, factory.Query(db => db.ReminderDeliveries.Count(d => d.Kind == ReminderKind.WeeklySummary && d.ForDate == date && (d.PersonId == chair || d.PersonId == vice))));
    }

    [GeneratedRegex(@"https?://[^/\s]+(/reminders/unsubscribe\?token=[^\s""<]+)")]
    private static partial Regex UnsubscribeLink();

    [Fact]
    public async Task Unsubscribe_LinkInTheEmail_WorksWithoutSigningInAndOnlyThePostChangesAnything()
    {
        var date = new DateOnly(2031, 3, 19);
        var (owner, email) = AddPerson();
        AddAction(owner, date.AddDays(-1), Unique("Overdue"));
        await DigestAsync(date);
        var link = UnsubscribeLink().Match(Assert.Single(MailTo(email, date)).TextBody ?? "").Groups[1].Value;
        var client = factory.Anonymous();

        var page = await client.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var text = (await page.ReadDocumentAsync()).Body!.TextContent;
        Assert.Contains("Stop getting the daily email of your overdue and due-soon actions?", text, StringComparison.Ordinal);
        Assert.False(factory.Query(db => db.People.Single(p => p.Id == owner).DailyDigestOptOut), "GET must not change anything");

        var token = Uri.UnescapeDataString(link[(link.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        var done = await client.PostFormAsync("/reminders/unsubscribe", new() { ["token"] = token }, formPage: link);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("You have unsubscribed", (await done.ReadDocumentAsync()).Body!.TextContent, StringComparison.Ordinal);
        var person = factory.Query(db => db.People.AsNoTracking().Single(p => p.Id == owner));
        Assert.True(person.DailyDigestOptOut);
        Assert.False(person.WeeklySummaryOptOut);
        Assert.True(factory.Query(db => db.AuditEntries.Any(e => e.EntityType == nameof(Person) && e.EntityId == owner && e.Changes.Contains("DailyDigestOptOut"))));

        await DigestAsync(date.AddDays(1));
        Assert.Empty(MailTo(email, date.AddDays(1)));
    }

    [Theory]
    [InlineData("/reminders/unsubscribe?token=forged")]
    [InlineData("/reminders/unsubscribe")]
    public async Task Unsubscribe_BadToken_ExplainsAndChangesNothing(string url)
    {
        var response = await factory.Anonymous().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This unsubscribe link does not work", (await response.ReadDocumentAsync()).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountPage_ReminderChoices_SaveToThePersonRecord()
    {
        var client = await factory.SignInAsync("qe.chair");
        var userId = factory.UserId("qe.chair");
        var account = await client.GetDocumentAsync("/account");
        Assert.NotNull(account.QuerySelector("input[name='Reminders.DailyDigest'][checked]"));
        Assert.NotNull(account.QuerySelector("input[name='Reminders.WeeklySummary'][checked]"));

        var response = await client.PostFormAsync("/account/reminders", new()
        {
            ["Reminders.Version"] = account.InputValue("Reminders.Version"),
            ["Reminders.DailyDigest"] = "false",
            ["Reminders.WeeklySummary"] = "true",
        }, formPage: "/account");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account", response.RedirectPath());
        var person = factory.Query(db => db.People.AsNoTracking().Single(p => p.UserId == userId));
        Assert.True(person.DailyDigestOptOut);
        Assert.False(person.WeeklySummaryOptOut);
        var after = await client.GetDocumentAsync("/account");
        Assert.Null(after.QuerySelector("input[name='Reminders.DailyDigest'][checked]"));

        await client.PostFormAsync("/account/reminders", new()
        {
            ["Reminders.Version"] = after.InputValue("Reminders.Version"),
            ["Reminders.DailyDigest"] = "true",
            ["Reminders.WeeklySummary"] = "true",
        }, formPage: "/account");
        Assert.False(factory.Query(db => db.People.Single(p => p.UserId == userId).DailyDigestOptOut));
    }
}
