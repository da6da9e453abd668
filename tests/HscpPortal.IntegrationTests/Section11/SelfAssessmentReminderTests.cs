using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Reminders;
using HscpPortal.Web.Features.Shared;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace HscpPortal.IntegrationTests;

/// <summary>The portal on 14 March 2031, a Friday ten working days before the deadline the tests' rounds share.</summary>
public sealed class SelfAssessmentReminderFactory() : FixedDatePortalFactory(new DateTimeOffset(2031, 3, 14, 9, 0, 0, TimeSpan.Zero));

/// <summary>
/// Deadline reminders to the leads of self-assessment returns not yet submitted, sent by the daily run at 10 and 2
/// working days before the deadline and once after it, never twice for one return and threshold; and the team's
/// "send a reminder now", once a day per return. Each test has a round and leads of its own.
/// </summary>
public sealed class SelfAssessmentReminderTests(SelfAssessmentReminderFactory factory) : IClassFixture<SelfAssessmentReminderFactory>
{
    private const string PublicUrl = "http://localhost:5080";
    private static readonly DateOnly Deadline = new(2031, 3, 28);

    private sealed record Lead(int PersonId, string Email, int ReturnId);

    /// <summary>A round due on <see cref="Deadline"/> with a return per lead, each from its own organisation.</summary>
    private (int RoundId, List<Lead> Leads) AddRound(params ReturnStatus[] statuses)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var organisations = db.Organisations.Where(o => o.IsLive()).OrderBy(o => o.Id).Select(o => o.Id).Take(statuses.Length).ToList();
        var people = organisations.Select(o => new Person { FullName = $"Lead {Guid.NewGuid():N}", Email = $"{Guid.NewGuid():N}@s11.test", OrganisationId = o }).ToList();
        db.People.AddRange(people);
        db.SaveChanges();
        var round = new SelfAssessmentRound
        {
            Title = $"Section 11 reminders {Guid.NewGuid():N}", Kind = SelfAssessmentKind.Section11, CycleYear = 2031,
            Standards = "One\nTwo", RatingScale = string.Join('\n', SelfAssessmentRules.DefaultScale),
            OpensOn = new DateOnly(2031, 2, 1), Deadline = Deadline,
            GroupId = db.Groups.Where(g => g.Name == Demo.QualityAndEffectiveness).Select(g => g.Id).Single(),
            Returns = people.Select((p, i) => new SelfAssessmentReturn
            {
                OrganisationId = p.OrganisationId, LeadPersonId = p.Id, Status = statuses[i],
                SubmittedOn = statuses[i] == ReturnStatus.Submitted ? new DateOnly(2031, 3, 1) : null,
            }).ToList(),
        };
        db.SelfAssessmentRounds.Add(round);
        db.SaveChanges();
        return (round.Id, people.Select((p, i) => new Lead(p.Id, p.Email!, round.Returns[i].Id)).ToList());
    }

    private async Task RunAsync(DateOnly date)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReminderService>().SendSelfAssessmentRemindersAsync(date);
    }

    private List<MimeMessage> MailTo(string email) =>
        !Directory.Exists(factory.MailDirectory)
            ? []
            : Directory.GetFiles(factory.MailDirectory, "*.eml").Select(f => MimeMessage.Load(f))
                .Where(m => m.To.Mailboxes.Any(a => a.Address == email)).ToList();

    private List<string> Occasions(int returnId) =>
        factory.Query(db => db.SelfAssessmentReminders.Where(r => r.ReturnId == returnId).OrderBy(r => r.Id).Select(r => r.Occasion).ToList());

    [Fact]
    public async Task DailyRun_TenAndTwoWorkingDaysBefore_EmailsEachLeadOncePerThreshold_WithLinksFromPublicUrl()
    {
        var (_, leads) = AddRound(ReturnStatus.NotStarted, ReturnStatus.InProgress, ReturnStatus.Submitted);
        var (notStarted, inProgress, submitted) = (leads[0], leads[1], leads[2]);

        await RunAsync(new DateOnly(2031, 3, 13));
        Assert.Empty(MailTo(notStarted.Email));

        // The scheduler's own entry point on the fake clock: 14 March, after the daily time.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var results = await scope.ServiceProvider.GetRequiredService<ReminderService>().RunDueAsync();
            Assert.Contains(results, r => r.Kind == ReminderKind.SelfAssessmentDeadline && r.Outcome == ReminderOutcome.Sent);
        }

        var mail = Assert.Single(MailTo(notStarted.Email));
        Assert.Equal("Self-assessment reminder, 14 March 2031: your return is due by 28 March 2031", mail.Subject);
        Assert.Contains($"href=\"{PublicUrl}/section11/returns/{notStarted.ReturnId}\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("10 working days away", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"{PublicUrl}/section11/returns/{notStarted.ReturnId}", mail.TextBody, StringComparison.Ordinal);
        Assert.Single(MailTo(inProgress.Email));
        Assert.Empty(MailTo(submitted.Email));
        Assert.Equal(["before-10"], Occasions(notStarted.ReturnId));

        // Still within the 10-day threshold on the Monday: nothing more until the 2-day one.
        await RunAsync(new DateOnly(2031, 3, 17));
        Assert.Single(MailTo(notStarted.Email));

        await RunAsync(new DateOnly(2031, 3, 26));
        await RunAsync(new DateOnly(2031, 3, 27));
        Assert.Equal(2, MailTo(notStarted.Email).Count);
        Assert.Equal(["before-10", "before-2"], Occasions(notStarted.ReturnId));
        Assert.Empty(MailTo(submitted.Email));
        Assert.Empty(Occasions(submitted.ReturnId));
    }

    [Fact]
    public async Task DailyRun_AfterTheDeadline_EmailsOnceThatItWasMissed()
    {
        var (_, leads) = AddRound(ReturnStatus.InProgress);
        var lead = leads[0];

        await RunAsync(new DateOnly(2031, 3, 31));
        await RunAsync(new DateOnly(2031, 4, 1));

        var mail = Assert.Single(MailTo(lead.Email));
        Assert.Equal("Self-assessment reminder, 31 March 2031: your return is overdue", mail.Subject);
        Assert.Contains("The deadline was 28 March 2031", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal([SelfAssessmentRules.MissedOccasion], Occasions(lead.ReturnId));
    }

    [Fact]
    public async Task SendReminderNow_Team_SendsOnceADay_IsAuditedAndShownOnTheRound()
    {
        var (roundId, leads) = AddRound(ReturnStatus.NotStarted, ReturnStatus.Submitted);
        var team = await factory.ClientAsync("team");
        var before = await (await team.GetAsync($"/section11/{roundId}")).ReadDocumentAsync();
        Assert.NotNull(before.QuerySelector($"form[action='/section11/returns/{leads[0].ReturnId}/remind']"));
        Assert.Null(before.QuerySelector($"form[action='/section11/returns/{leads[1].ReturnId}/remind']"));

        var first = await team.PostFormAsync($"/section11/returns/{leads[0].ReturnId}/remind", [], $"/section11/{roundId}");
        var second = await team.PostFormAsync($"/section11/returns/{leads[0].ReturnId}/remind", [], $"/section11/{roundId}");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains($"notice={Notices.Reminded}", first.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Contains($"notice={Notices.AlreadyReminded}", second.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Single(MailTo(leads[0].Email));
        var reminder = factory.Query(db => db.SelfAssessmentReminders.Single(r => r.ReturnId == leads[0].ReturnId));
        Assert.Equal("manual-2031-03-14", reminder.Occasion);
        Assert.NotNull(reminder.SentBy);
        Assert.True(factory.Query(db => db.AuditEntries.Any(e => e.EntityType == nameof(SelfAssessmentReminder) && e.EntityId == reminder.Id)));

        var after = await (await team.GetAsync($"/section11/{roundId}")).ReadDocumentAsync();
        Assert.Contains("14 March 2031", after.QuerySelector($"[data-reminded='{leads[0].ReturnId}']")?.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector($"form[action='/section11/returns/{leads[0].ReturnId}/remind']"));

        var submitted = await team.PostFormAsync($"/section11/returns/{leads[1].ReturnId}/remind", [], $"/section11/{roundId}");
        Assert.Contains($"notice={Notices.NotReminded}", submitted.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Empty(MailTo(leads[1].Email));
    }

    [Theory]
    [InlineData("police.partner")]
    [InlineData("scrutineer")]
    public async Task SendReminderNow_NotTheTeam_IsForbidden(string who)
    {
        var (roundId, leads) = AddRound(ReturnStatus.NotStarted);
        var client = await factory.ClientAsync(who);

        var response = await client.PostFormAsync($"/section11/returns/{leads[0].ReturnId}/remind", [], "/section11");

        Assert.True(response.IsDenied(), $"{who}: {response.StatusCode}");
        Assert.Empty(Occasions(leads[0].ReturnId));
        Assert.True(roundId > 0);
    }
}
