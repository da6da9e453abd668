using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure;
using HscpPortal.Web.Infrastructure.BankHolidays;
using HscpPortal.Web.Infrastructure.Email;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Features.Reminders;

/// <summary>
/// Sends the daily digest to action owners and the weekly summary to chairs, at most once per kind, day and person
/// however many instances run:
/// <list type="number">
/// <item>the run is claimed by inserting its (kind, day) row; the unique index lets only one instance in, and a
/// claim not completed within the lease is taken over through the row's concurrency token;</item>
/// <item>each email is recorded as a (kind, day, person) delivery, in its own save, before it is sent; if another
/// runner recorded it first, it is skipped.</item>
/// </list>
/// A send that fails removes its delivery and leaves the run open, so the run is retried after the lease.
/// </summary>
public sealed class ReminderService(
    PortalDbContext db,
    BankHolidayCalendar bankHolidays,
    IEmailSender email,
    ViewRenderer renderer,
    UnsubscribeTokens tokens,
    IOptions<PortalOptions> portal,
    IOptions<ReminderOptions> options,
    PublicLinks links,
    TimeProvider clock,
    ILogger<ReminderService> logger)
{
    private readonly string runner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Sends what the schedule says is due now (UK time): the background sender's tick.</summary>
    public async Task<IReadOnlyList<ReminderRunResult>> RunDueAsync(CancellationToken ct = default)
    {
        var now = UkTime.Now(clock);
        var today = DateOnly.FromDateTime(now);
        var settings = options.Value;
        var results = new List<ReminderRunResult>();
        if (!ReminderSchedule.IsTimeToSend(now, settings.DailyAt))
        {
            return results;
        }

        var calendar = await bankHolidays.GetAsync(ct);
        if (ReminderSchedule.IsDigestDay(today, calendar) && !await IsSettledAsync(ReminderKind.DailyDigest, today, ct))
        {
            results.Add(await SendDailyDigestAsync(today, ct));
        }

        if (ReminderSchedule.IsSummaryDay(today, settings.WeeklyOn, calendar) && !await IsSettledAsync(ReminderKind.WeeklySummary, today, ct))
        {
            results.Add(await SendWeeklySummaryAsync(today, ct));
        }

        if (ReminderSchedule.IsDigestDay(today, calendar) && !await IsSettledAsync(ReminderKind.SelfAssessmentDeadline, today, ct))
        {
            results.Add(await SendSelfAssessmentRemindersAsync(today, ct));
        }

        return results;
    }

    public Task<ReminderRunResult> SendSelfAssessmentRemindersAsync(DateOnly date, CancellationToken ct = default) =>
        RunAsync(ReminderKind.SelfAssessmentDeadline, date, SelfAssessmentRemindersAsync, ct);

    /// <summary>
    /// The team's "send a reminder now" for one return not yet submitted: at most once a day per return (the occasion's
    /// unique row), recorded before it is sent and taken back if sending fails.
    /// </summary>
    public async Task<ManualReminderOutcome> SendSelfAssessmentReminderNowAsync(int returnId, string? by, CancellationToken ct = default)
    {
        var today = UkTime.Today(clock);
        var calendar = await bankHolidays.GetAsync(ct);
        var found = await db.SelfAssessmentReturns.AsNoTracking()
            .Where(x => x.Id == returnId && x.IsLive() && x.Round!.IsLive() && x.Status != ReturnStatus.Submitted)
            .Select(x => new
            {
                x.Id, x.LeadPersonId, Lead = x.LeadPerson!.FullName, x.LeadPerson.Email, x.Status, Organisation = x.Organisation!.Name,
                RoundTitle = x.Round!.Title, x.Round.Deadline,
            })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return ManualReminderOutcome.NotDue;
        }

        if (string.IsNullOrWhiteSpace(found.Email))
        {
            return ManualReminderOutcome.NoEmail;
        }

        var mark = new SelfAssessmentReminder
        {
            ReturnId = found.Id, Occasion = SelfAssessmentRules.ManualOccasion(today), PersonId = found.LeadPersonId,
            SentAt = clock.GetUtcNow().UtcDateTime, SentBy = by,
        };
        db.SelfAssessmentReminders.Add(mark);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            db.Entry(mark).State = EntityState.Detached;
            return ManualReminderOutcome.AlreadyToday;
        }

        var model = new SelfAssessmentReminderEmail(found.Lead, today,
            [new DueReturn(found.RoundTitle, found.Organisation, found.Deadline, DaysLeft(today, found.Deadline, calendar), found.Status, Absolute($"/section11/returns/{found.Id}"))],
            portal.Value.Name, Absolute("/section11"));
        try
        {
            await email.SendAsync(await RenderAsync(found.Email, SelfAssessmentSubject(model), "SelfAssessment", model), ct);
            return ManualReminderOutcome.Sent;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Self-assessment reminder for return {ReturnId} failed", returnId);
            db.SelfAssessmentReminders.Remove(mark);
            await db.SaveChangesAsync(ct);
            return ManualReminderOutcome.Failed;
        }
    }

    public Task<ReminderRunResult> SendDailyDigestAsync(DateOnly date, CancellationToken ct = default) =>
        RunAsync(ReminderKind.DailyDigest, date, DigestsAsync, ct);

    public Task<ReminderRunResult> SendWeeklySummaryAsync(DateOnly date, CancellationToken ct = default) =>
        RunAsync(ReminderKind.WeeklySummary, date, SummariesAsync, ct);

    /// <summary>An email to send; <paramref name="Marks"/> are the per-return reminders it makes, recorded with its delivery.</summary>
    private sealed record Outgoing(int PersonId, string Email, int ItemCount, Func<Task<EmailMessage>> Render, IReadOnlyList<SelfAssessmentReminder>? Marks = null);

    private async Task<ReminderRunResult> RunAsync(
        ReminderKind kind, DateOnly date, Func<DateOnly, CancellationToken, Task<IReadOnlyList<Outgoing>>> build, CancellationToken ct)
    {
        var run = await ClaimAsync(kind, date, ct);
        if (run is null)
        {
            logger.LogInformation("{Kind} for {Date} is claimed by another runner; nothing sent here", kind, date);
            return new ReminderRunResult(kind, date, ReminderOutcome.AlreadyClaimed, 0, 0, 0);
        }

        var outgoing = await build(date, ct);
        int sent = 0, skipped = 0, failed = 0;
        foreach (var mail in outgoing)
        {
            var delivery = await RecordDeliveryAsync(kind, date, mail, ct);
            if (delivery is null)
            {
                skipped++;
                continue;
            }

            try
            {
                await email.SendAsync(await mail.Render(), ct);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Person ids only: the log never carries names or addresses.
                logger.LogError(ex, "{Kind} for {Date} to person {PersonId} failed; it will be retried after the lease", kind, date, mail.PersonId);
                db.ReminderDeliveries.Remove(delivery);
                db.SelfAssessmentReminders.RemoveRange(mail.Marks ?? []);
                await db.SaveChangesAsync(ct);
                failed++;
            }
        }

        run.Sent += sent;
        run.CompletedAt = failed == 0 ? clock.GetUtcNow().UtcDateTime : null;
        run.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another runner took the run over after our lease ran out; the deliveries still kept anyone from a second email.
            logger.LogWarning("{Kind} for {Date} was taken over by another runner before this one finished", kind, date);
        }

        logger.LogInformation("{Kind} for {Date}: {Sent} sent, {Skipped} already sent, {Failed} failed", kind, date, sent, skipped, failed);
        return new ReminderRunResult(kind, date, ReminderOutcome.Sent, sent, skipped, failed);
    }

    /// <summary>Whether the run is completed or held by a live claim, so a tick need not try to claim it.</summary>
    private async Task<bool> IsSettledAsync(ReminderKind kind, DateOnly date, CancellationToken ct)
    {
        var leaseStart = clock.GetUtcNow().UtcDateTime.AddMinutes(-options.Value.LeaseMinutes);
        return await db.ReminderRuns.AsNoTracking()
            .AnyAsync(r => r.Kind == kind && r.ForDate == date && (r.CompletedAt != null || r.ClaimedAt > leaseStart), ct);
    }

    private async Task<ReminderRun?> ClaimAsync(ReminderKind kind, DateOnly date, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.ReminderRuns.FirstOrDefaultAsync(r => r.Kind == kind && r.ForDate == date, ct);
        if (existing is null)
        {
            var run = new ReminderRun { Kind = kind, ForDate = date, ClaimedAt = now, ClaimedBy = runner };
            db.ReminderRuns.Add(run);
            try
            {
                await db.SaveChangesAsync(ct);
                return run;
            }
            catch (DbUpdateException ex) when (IsUniqueViolation(ex))
            {
                db.Entry(run).State = EntityState.Detached;
                return null;
            }
        }

        if (existing.CompletedAt is not null || existing.ClaimedAt > now.AddMinutes(-options.Value.LeaseMinutes))
        {
            return null;
        }

        logger.LogWarning("{Kind} for {Date} claimed by {Runner} at {ClaimedAt} never completed; taking it over", kind, date, existing.ClaimedBy, existing.ClaimedAt);
        existing.ClaimedAt = now;
        existing.ClaimedBy = runner;
        existing.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
            return existing;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.Entry(existing).State = EntityState.Detached;
            return null;
        }
    }

    private async Task<ReminderDelivery?> RecordDeliveryAsync(ReminderKind kind, DateOnly date, Outgoing mail, CancellationToken ct)
    {
        var delivery = new ReminderDelivery
        {
            Kind = kind, ForDate = date, PersonId = mail.PersonId, Email = mail.Email, ItemCount = mail.ItemCount,
            SentAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ReminderDeliveries.Add(delivery);
        var marks = mail.Marks ?? [];
        db.SelfAssessmentReminders.AddRange(marks);
        try
        {
            await db.SaveChangesAsync(ct);
            return delivery;
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            db.Entry(delivery).State = EntityState.Detached;
            foreach (var mark in marks)
            {
                db.Entry(mark).State = EntityState.Detached;
            }

            return null;
        }
    }

    private static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        // Cannot insert duplicate key row (unique index) / violation of a unique constraint.
        Microsoft.Data.SqlClient.SqlException sql => sql.Number is 2601 or 2627,
        _ => false,
    };

    private async Task<IReadOnlyList<Outgoing>> DigestsAsync(DateOnly date, CancellationToken ct)
    {
        var overdue = await ActionRows(db.Actions.Where(ActionRag.Overdue(date)), date, ct);
        var dueSoon = await ActionRows(db.Actions.Where(ActionRag.DueWithin(date, ActionRag.DueSoonDays)), date, ct);
        var ownerIds = overdue.Concat(dueSoon).Select(a => a.OwnerPersonId).Distinct().ToList();
        var people = await db.People.AsNoTracking()
            .Where(p => ownerIds.Contains(p.Id) && p.IsLive() && p.Email != null && p.Email != "" && !p.DailyDigestOptOut)
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.FullName, Email = p.Email! })
            .ToListAsync(ct);

        return people.Select(p =>
        {
            var model = new DigestEmail(
                p.FullName,
                date,
                overdue.Where(a => a.OwnerPersonId == p.Id).Select(a => a.Action).ToList(),
                dueSoon.Where(a => a.OwnerPersonId == p.Id).Select(a => a.Action).ToList(),
                Links(p.Id, ReminderKind.DailyDigest));
            var subject = $"Your actions on {Format.Date(date)}: {model.Overdue.Count} overdue, {model.DueSoon.Count} due soon";
            return new Outgoing(p.Id, p.Email, model.Count, () => RenderAsync(p.Email, subject, "Digest", model));
        }).ToList();
    }

    private async Task<IReadOnlyList<Outgoing>> SummariesAsync(DateOnly date, CancellationToken ct)
    {
        var chairs = await db.GroupMemberships.AsNoTracking()
            .Where(m => m.IsLive() && (m.Role == MembershipRole.Chair || m.Role == MembershipRole.ViceChair)
                && m.IsCurrentOn(date)
                && m.Group!.IsLive() && m.Group.Status == GroupStatus.Active
                && m.Person!.IsLive() && m.Person.Email != null && m.Person.Email != "" && !m.Person.WeeklySummaryOptOut)
            .Select(m => new { m.PersonId, m.Person!.FullName, Email = m.Person.Email!, m.GroupId, GroupName = m.Group!.Name })
            .ToListAsync(ct);
        var groupIds = chairs.Select(c => c.GroupId).Distinct().ToList();
        var actions = await ActionRows(db.Actions.Where(a => groupIds.Contains(a.GroupId)), date, ct);

        // Updates from the start of the UK day a week ago.
        var since = TimeZoneInfo.ConvertTimeToUtc(date.AddDays(-7).ToDateTime(TimeOnly.MinValue), UkTime.Zone);
        var updates = await db.ActionUpdates.AsNoTracking()
            .Where(u => groupIds.Contains(u.ActionItem!.GroupId) && u.ActionItem.IsLive() && u.At >= since)
            .OrderByDescending(u => u.At)
            .Select(u => new { u.ActionItem!.GroupId, u.ActionItemId, u.ActionItem.Title, u.At, u.ByName, u.StatusAfter, u.Note })
            .ToListAsync(ct);

        // The week runs to the day before the next week starts.
        var weekEnds = date.AddDays(6 - (((int)date.DayOfWeek - (int)options.Value.WeeklyOn + 7) % 7));
        var summaries = groupIds.ToDictionary(id => id, id =>
        {
            var mine = actions.Where(a => a.GroupId == id).Select(a => a.Action).ToList();
            return new GroupSummary(
                chairs.First(c => c.GroupId == id).GroupName,
                Absolute($"/groups/{id}"),
                mine.GroupBy(a => a.Rag).ToDictionary(g => g.Key, g => g.Count()),
                mine.Where(a => ActionRag.IsOverdue(a.Status, a.DueDate, date)).ToList(),
                mine.Where(a => ActionRag.IsOpen(a.Status) && a.DueDate >= date && a.DueDate <= weekEnds).ToList(),
                updates.Where(u => u.GroupId == id)
                    .Select(u => new RecentUpdate(u.Title, Absolute($"/actions/{u.ActionItemId}"), u.At, u.ByName, u.StatusAfter, u.Note))
                    .ToList());
        });

        return chairs.GroupBy(c => c.PersonId).OrderBy(g => g.Key).Select(g =>
        {
            var person = g.First();
            var groups = g.Select(c => c.GroupId).Distinct().Select(id => summaries[id]).Where(s => !s.IsEmpty).OrderBy(s => s.GroupName).ToList();
            var model = new WeeklySummaryEmail(person.FullName, date, weekEnds, groups, Links(person.PersonId, ReminderKind.WeeklySummary));
            var subject = $"Weekly action plan summary, {Format.Date(date)}" + (groups.Count == 1 ? $": {groups[0].GroupName}" : "");
            return new Outgoing(person.PersonId, person.Email, groups.Sum(s => s.Counts.Values.Sum()), () => RenderAsync(person.Email, subject, "WeeklySummary", model));
        })
        .Where(o => o.ItemCount > 0)
        .ToList();
    }

    private async Task<IReadOnlyList<Outgoing>> SelfAssessmentRemindersAsync(DateOnly date, CancellationToken ct)
    {
        var calendar = await bankHolidays.GetAsync(ct);
        var thresholds = options.Value.SelfAssessmentThresholds;
        var open = await db.SelfAssessmentReturns.AsNoTracking()
            .Where(x => x.IsLive() && x.Round!.IsLive() && x.Status != ReturnStatus.Submitted && x.Round.OpensOn <= date
                && x.LeadPerson!.IsLive() && x.LeadPerson.Email != null && x.LeadPerson.Email != "")
            .OrderBy(x => x.Round!.Deadline).ThenBy(x => x.Organisation!.Name)
            .Select(x => new
            {
                x.Id, x.LeadPersonId, Lead = x.LeadPerson!.FullName, Email = x.LeadPerson.Email!, x.Status, Organisation = x.Organisation!.Name,
                RoundTitle = x.Round!.Title, x.Round.Deadline,
                Sent = db.SelfAssessmentReminders.Where(r => r.ReturnId == x.Id).Select(r => r.Occasion).ToList(),
            })
            .ToListAsync(ct);
        var due = open
            .Select(x => (Return: x, Occasion: SelfAssessmentRules.ReminderOccasion(date, x.Deadline, thresholds, calendar)))
            .Where(x => x.Occasion is not null && !x.Return.Sent.Contains(x.Occasion))
            .ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        return due.GroupBy(x => x.Return.LeadPersonId).OrderBy(g => g.Key).Select(g =>
        {
            var lead = g.First().Return;
            var model = new SelfAssessmentReminderEmail(lead.Lead, date,
                g.Select(x => new DueReturn(x.Return.RoundTitle, x.Return.Organisation, x.Return.Deadline, DaysLeft(date, x.Return.Deadline, calendar),
                    x.Return.Status, Absolute($"/section11/returns/{x.Return.Id}"))).ToList(),
                portal.Value.Name, Absolute("/section11"));
            var marks = g.Select(x => new SelfAssessmentReminder { ReturnId = x.Return.Id, Occasion = x.Occasion!, PersonId = g.Key, SentAt = now }).ToList();
            return new Outgoing(g.Key, lead.Email, marks.Count, () => RenderAsync(lead.Email, SelfAssessmentSubject(model), "SelfAssessment", model), marks);
        }).ToList();
    }

    private static int DaysLeft(DateOnly date, DateOnly deadline, WorkingDayCalendar calendar) =>
        deadline >= date ? calendar.WorkingDaysBetween(date, deadline) : Math.Min(-1, calendar.WorkingDaysBetween(date, deadline));

    private static string SelfAssessmentSubject(SelfAssessmentReminderEmail model) =>
        $"Self-assessment reminder, {Format.Date(model.Date)}: "
        + (model.Returns.Any(r => r.Missed) ? "your return is overdue" : $"your return is due by {Format.Date(model.Returns.Min(r => r.Deadline))}");

    private sealed record ActionRow(int GroupId, int OwnerPersonId, ReminderAction Action);

    private async Task<List<ActionRow>> ActionRows(IQueryable<ActionItem> actions, DateOnly date, CancellationToken ct)
    {
        var rows = await actions.AsNoTracking()
            .Where(a => a.IsLive())
            .OrderBy(a => a.DueDate).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Title, a.GroupId, GroupName = a.Group!.Name, a.OwnerPersonId, OwnerName = a.OwnerPerson!.FullName, a.DueDate, a.Status })
            .ToListAsync(ct);
        return rows.Select(a => new ActionRow(a.GroupId, a.OwnerPersonId, new ReminderAction(
            a.Id, a.Title, a.GroupName, a.OwnerName, a.DueDate, a.Status, ActionRag.Of(a.Status, a.DueDate, date), Absolute($"/actions/{a.Id}"))))
            .ToList();
    }

    private ReminderLinks Links(int personId, ReminderKind kind) => new(
        portal.Value.Name,
        Absolute("/actions/mine"),
        Absolute("/account"),
        Absolute($"/reminders/unsubscribe?token={Uri.EscapeDataString(tokens.Create(personId, kind))}"));

    private string Absolute(string path) => links.Absolute(path);

    private async Task<EmailMessage> RenderAsync<TModel>(string to, string subject, string view, TModel model)
    {
        var html = await renderer.RenderAsync($"/Features/Reminders/{view}Email.cshtml", model);
        var text = await renderer.RenderAsync($"/Features/Reminders/{view}Text.cshtml", model);
        return new EmailMessage(to, subject, text, html);
    }
}
