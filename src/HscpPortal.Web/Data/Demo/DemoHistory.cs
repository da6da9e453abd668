using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Meetings;
using HscpPortal.Web.Infrastructure.BankHolidays;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Data.Demo;

/// <summary>What <see cref="DemoHistory"/> added, for the command line and the benchmark.</summary>
public sealed record GeneratedHistory(
    ReportingYear First,
    ReportingYear Last,
    int Meetings,
    int Attendance,
    int AgendaItems,
    int Decisions,
    int Actions,
    int ActionUpdates,
    int Escalations,
    int Audits,
    int SelfAssessmentRounds,
    int ScrutinyActivities = 0,
    int ScrutinyChallenges = 0,
    int IndicatorValues = 0)
{
    public override string ToString() =>
        $"{First} to {Last} (and the current year to date): {Meetings:N0} meetings, {Attendance:N0} attendance rows, "
        + $"{AgendaItems:N0} agenda items, {Decisions:N0} decisions, {Actions:N0} actions with {ActionUpdates:N0} updates, "
        + $"{Escalations:N0} escalations, {Audits:N0} multi-agency audits, {SelfAssessmentRounds:N0} Section 11 rounds, "
        + $"{ScrutinyActivities:N0} scrutiny activities, {ScrutinyChallenges:N0} scrutiny challenges and {IndicatorValues:N0} indicator values";
}

/// <summary>
/// Years of generated activity on top of the demo partnership (<c>seed-demo --scale N</c>): the large dataset the
/// benchmark and the load test run on. It adds, for the <c>N</c> complete reporting years up to the last one and
/// the current year to date, each group's meetings at its frequency with full registers and quorum, agendas,
/// decisions (key ones ratified when taken while inquorate), actions arising with their update trails and
/// sign-offs, and escalations through the protocol's stages.
/// </summary>
/// <remarks>
/// Everything comes from the structure already in the database, so it works for any partnership's data: each
/// meeting's register is the group's seats on that day, its quorum is worked out by the rule the meeting pages use,
/// deputies are the partners' named deputies or a colleague from the same agency. Group-years that already have
/// meetings (the hand-written demo years) are left as they are. Where the structure's recorded history starts
/// after the generated years begin, the seats, representation and groups in place on its first day are taken to
/// have been in place since the first generated year, so that older meetings have people to hold them.
/// The output depends only on the structure, the number of years, the seed and the day it runs: the same inputs
/// give the same records (System.Random with a seed is stable within a .NET version).
/// </remarks>
public static partial class DemoHistory
{
    private const string TeamName = "Partnership Team";

    public static async Task<GeneratedHistory> SeedAsync(
        PortalDbContext db, EscalationProtocol protocol, int years, int seed, DateOnly today, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(years, 50);
        var current = ReportingYear.Containing(today);
        return await GenerateAsync(db, protocol, new ReportingYear(current.StartYear - years), seed, today, extendBack: true, ct);
    }

    /// <summary>
    /// Brings the default demo up to the day it is seeded: every reporting year from <paramref name="from"/> to the
    /// current one (to date) is generated as <see cref="SeedAsync"/> does, and the hand-written meetings still
    /// "Scheduled" on a day now past are held, with registers and quorum, so no past meeting is left waiting.
    /// The same seed and day give the same records.
    /// </summary>
    public static async Task<GeneratedHistory?> FillToTodayAsync(
        PortalDbContext db, EscalationProtocol protocol, ReportingYear from, int seed, DateOnly today, CancellationToken ct)
    {
        if (from.Start < today)
        {
            await FinishStoryAsync(db, from.Start, today, new Random(seed), ct);
        }

        if (ReportingYear.Containing(today).StartYear >= from.StartYear)
        {
            return await GenerateAsync(db, protocol, from, seed, today, extendBack: false, ct);
        }

        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await HoldPastScheduledAsync(db, await World.LoadAsync(db, ct), today, new Random(seed), ct);
            return null;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }
    }

    private static async Task<GeneratedHistory> GenerateAsync(
        PortalDbContext db, EscalationProtocol protocol, ReportingYear first, int seed, DateOnly today, bool extendBack, CancellationToken ct)
    {
        var random = new Random(seed);
        var current = ReportingYear.Containing(today);
        var last = current.Previous;

        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            if (extendBack)
            {
                await ExtendHistoryBackAsync(db, first.Start, ct);
            }

            await HoldPastScheduledAsync(db, await World.LoadAsync(db, ct), today, random, ct);
            var world = await World.LoadAsync(db, ct);
            var counts = new Counter();
            for (var year = first; year.StartYear <= current.StartYear; year = new ReportingYear(year.StartYear + 1))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await SeedMeetingsAsync(db, world, year, today, random, counts, ct);
                await SeedEscalationsAsync(db, world, protocol, year, today, random, counts, ct);
                await SeedAuditsAsync(db, world, year, today, random, counts, ct);
                await SeedSelfAssessmentsAsync(db, world, year, today, counts, ct);
                await SeedScrutinyAsync(db, world, year, today, new Random(unchecked((seed * 31) + year.StartYear)), counts, ct);
                await SeedScrutinyPlanAsync(db, world, year, today, new Random(unchecked((seed * 37) + year.StartYear)), ct);
                await SeedRecommendationsAsync(db, world, year, today, new Random(unchecked((seed * 41) + year.StartYear)), counts, ct);
                counts.IndicatorValues += await DemoPerformance.FillAsync(db, year, today, new Random(unchecked((seed * 43) + year.StartYear)), ct);
                await transaction.CommitAsync(ct);
                db.ChangeTracker.Clear();
            }

            return new GeneratedHistory(first, last, counts.Meetings, counts.Attendance, counts.AgendaItems, counts.Decisions,
                counts.Actions, counts.Updates, counts.Escalations, counts.Audits, counts.SelfAssessmentRounds,
                counts.ScrutinyActivities, counts.ScrutinyChallenges, counts.IndicatorValues);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }
    }

    // The seats and representation in place on the first day of recorded history have been there since `start`.
    private static async Task ExtendHistoryBackAsync(PortalDbContext db, DateOnly start, CancellationToken ct)
    {
        var seats = await db.GroupMemberships.ToListAsync(ct);
        var representation = await db.PartnerRepresentatives.ToListAsync(ct);
        if (seats.Count == 0)
        {
            return;
        }

        var earliest = seats.Select(s => s.From).Concat(representation.Select(r => r.From)).Min();
        if (earliest <= start)
        {
            return;
        }

        foreach (var seat in seats.Where(s => s.From == earliest))
        {
            seat.From = start;
        }

        foreach (var line in representation.Where(r => r.From == earliest))
        {
            line.From = start;
        }

        var groups = await db.Groups.Where(g => g.IsLive()).OrderBy(g => g.Id).ToListAsync(ct);
        foreach (var group in groups.Where(g => g.EstablishedOn > start && g.IsActiveOn(earliest)))
        {
            group.EstablishedOn = start;
        }

        // Before the recorded history the groups were larger, as most partnerships' were: each takes more agencies'
        // people as members until then, so older registers are as long as a real board's or subgroup's.
        var people = await db.People.AsNoTracking().Where(p => p.IsLive()).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.OrganisationId }).ToListAsync(ct);
        var secretariat = seats.Where(s => s.Role == MembershipRole.Secretariat).Select(s => s.OrganisationId).ToHashSet();
        var until = earliest.AddDays(-1);
        foreach (var group in groups.Where(g => g.IsActiveOn(until)))
        {
            var seated = seats.Where(s => s.GroupId == group.Id).Select(s => s.PersonId).ToHashSet();
            var sitting = seats.Count(s => s.GroupId == group.Id && s.From == start);
            var wanted = (group.Kind == GroupKind.Board ? 18 : 14) - sitting;
            var organisations = seats.Where(s => s.GroupId == group.Id).Select(s => s.OrganisationId).ToHashSet();
            foreach (var person in people
                .Where(p => !seated.Contains(p.Id) && !secretariat.Contains(p.OrganisationId))
                .OrderBy(p => organisations.Contains(p.OrganisationId) ? 1 : 0).ThenBy(p => (p.Id * 7919) % 101)
                .Take(Math.Max(0, wanted)))
            {
                db.GroupMemberships.Add(new GroupMembership
                {
                    GroupId = group.Id,
                    PersonId = person.Id,
                    OrganisationId = person.OrganisationId,
                    Role = MembershipRole.Member,
                    From = start,
                    To = until,
                    CreatedAt = Noon(start),
                    CreatedBy = TeamName,
                });
                organisations.Add(person.OrganisationId);
            }
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    // The hand-written story's actions still open at its end and due before it ended were, by now, mostly done: each
    // is completed a few weeks after its date (a few were dropped), with the update and sign-off that go with it, so the
    // tracker shows what is late now rather than two-year-old leftovers; and its open disagreements were settled.
    private static async Task FinishStoryAsync(PortalDbContext db, DateOnly storyEnd, DateOnly today, Random random, CancellationToken ct)
    {
        var open = new[] { ActionStatus.NotStarted, ActionStatus.OnTrack, ActionStatus.AtRisk, ActionStatus.OffTrack };
        var old = await db.Actions.Include(a => a.OwnerPerson)
            .Where(a => open.Contains(a.Status) && a.DueDate < storyEnd && a.IsLive())
            .OrderBy(a => a.Id).ToListAsync(ct);
        var horizon = today.AddDays(-1);
        foreach (var action in old)
        {
            var on = action.DueDate.AddDays(random.Next(7, 60));
            on = on < horizon ? on : horizon;
            var by = action.OwnerPerson?.FullName ?? TeamName;
            var dropped = random.Next(10) == 0;
            var note = dropped ? Pick(random, Text.CancelledNotes) : Pick(random, Text.CompletionNotes);
            db.ActionUpdates.Add(new ActionUpdate
            {
                ActionItemId = action.Id,
                At = Noon(on),
                ByName = by,
                Note = note,
                StatusBefore = action.Status,
                StatusAfter = dropped ? ActionStatus.Cancelled : ActionStatus.Completed,
            });
            if (dropped)
            {
                action.Status = ActionStatus.Cancelled;
                action.ClosureReason = note;
                continue;
            }

            action.Status = ActionStatus.Completed;
            action.CompletionEvidence = Pick(random, Text.Evidence);
            action.CompletionRequestedAt = Noon(on);
            action.CompletionRequestedBy = by;
            action.CompletedOn = on;
            var signedOff = on.AddDays(random.Next(1, 15));
            action.SignedOffAt = Noon(signedOff < horizon ? signedOff : on);
            action.SignedOffBy = TeamName;
        }

        // Its disagreements still open were settled at the stage they had reached, within a few weeks.
        var escalations = await db.Escalations.Include(e => e.Stages)
            .Where(e => e.ResolvedOn == null && e.RaisedOn < storyEnd && e.IsLive())
            .OrderBy(e => e.Id).ToListAsync(ct);
        foreach (var escalation in escalations)
        {
            var stage = escalation.Stages.Where(st => st.EndedOn == null).MaxBy(st => st.Stage);
            var from = stage is null ? escalation.RaisedOn : (stage.DueOn > stage.StartedOn ? stage.DueOn : stage.StartedOn);
            var settled = from.AddDays(random.Next(1, 21));
            settled = settled < horizon ? settled : horizon;
            if (stage is not null)
            {
                stage.EndedOn = settled;
            }

            escalation.ResolvedOn = settled;
            escalation.ResolvedAtStage = escalation.CurrentStage;
            escalation.Outcome = Pick(random, Text.Outcomes);
            escalation.ImpactForChild = Pick(random, Text.Impacts);
        }

        await SettleStoryRoundsAsync(db, today, random, ct);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// The story's Section 11 rounds whose deadline has passed: the agencies that had not returned did so within a few
    /// weeks of it, from their last round's answers, except one statutory partner whose return is still a late draft,
    /// so a partner trying the demo can finish and submit a return as its lead would.
    /// </summary>
    private static async Task SettleStoryRoundsAsync(PortalDbContext db, DateOnly today, Random random, CancellationToken ct)
    {
        var rounds = await db.SelfAssessmentRounds
            .Include(r => r.Returns).ThenInclude(x => x.Answers)
            .Include(r => r.Returns).ThenInclude(x => x.Organisation)
            .Where(r => r.IsLive() && r.Deadline < today && r.Returns.Any(x => x.IsLive() && x.Status != ReturnStatus.Submitted))
            .OrderBy(r => r.Id).ToListAsync(ct);
        foreach (var round in rounds)
        {
            var standards = SelfAssessmentRules.Lines(round.Standards).Count;
            var waiting = round.Returns.Where(x => x.IsLive() && x.Status != ReturnStatus.Submitted).OrderBy(x => x.Organisation!.Name, StringComparer.Ordinal).ToList();
            var late = waiting.FirstOrDefault(x => x.Organisation!.StatutoryPartner is not null);
            foreach (var entry in waiting)
            {
                // Last round's answers are where every return starts, as the lead's page offers them.
                var previous = await db.SelfAssessmentAnswers.AsNoTracking()
                    .Where(a => a.Return!.OrganisationId == entry.OrganisationId && a.Return.Status == ReturnStatus.Submitted
                        && a.Return.Round!.Kind == round.Kind && a.Return.Round.CycleYear < round.CycleYear)
                    .OrderByDescending(a => a.Return!.Round!.CycleYear)
                    .Select(a => new { a.Return!.RoundId, a.StandardNumber, a.Rating })
                    .ToListAsync(ct);
                var last = previous.Where(a => a.RoundId == previous.FirstOrDefault()?.RoundId).ToDictionary(a => a.StandardNumber, a => a.Rating);
                for (var n = 1; n <= standards; n++)
                {
                    // A draft may hold a standard left unrated; a submitted return never does.
                    var answer = entry.Answers.FirstOrDefault(a => a.StandardNumber == n);
                    if (answer is null)
                    {
                        entry.Answers.Add(answer = new SelfAssessmentAnswer { StandardNumber = n });
                    }

                    answer.Rating ??= last.GetValueOrDefault(n) ?? random.Next(1, 3);
                }

                if (entry == late)
                {
                    entry.Status = ReturnStatus.InProgress;
                    continue;
                }

                // Most improved a little on last time: one standard in three moves up a level.
                foreach (var answer in entry.Answers.Where(a => a.Rating is > 1 && random.Next(3) == 0))
                {
                    answer.Rating--;
                }

                var submitted = round.Deadline.AddDays(random.Next(1, 28));
                entry.Status = ReturnStatus.Submitted;
                entry.SubmittedOn = submitted < today ? submitted : today.AddDays(-1);
            }
        }
    }

    // A meeting the hand-written demo scheduled for a day now past took place: its register is the group's seats on
    // the day, its quorum worked out as the meeting pages do, and its minutes circulated (or still in draft if recent).
    private static async Task HoldPastScheduledAsync(PortalDbContext db, World world, DateOnly today, Random random, CancellationToken ct)
    {
        var past = await db.Meetings.Where(m => m.Status == MeetingStatus.Scheduled && m.Date < today && m.IsLive())
            .OrderBy(m => m.Date).ThenBy(m => m.Id).ToListAsync(ct);
        foreach (var meeting in past)
        {
            var group = world.Groups.FirstOrDefault(g => g.Id == meeting.GroupId);
            var register = group is null ? [] : Register(world, group, meeting.Date, random);
            if (group is null || register.Count == 0)
            {
                meeting.Status = MeetingStatus.Cancelled;
                meeting.CancellationReason = Text.CancellationReasons[0];
                continue;
            }

            // Anyone already on its register (invited, or apologies sent ahead) keeps their line, with what happened filled in.
            var existing = await db.Attendance.Where(a => a.MeetingId == meeting.Id).ToListAsync(ct);
            foreach (var line in existing.Where(a => a.Status == AttendanceStatus.NotRecorded))
            {
                var generated = register.FirstOrDefault(a => a.PersonId == line.PersonId);
                line.Status = generated?.Status ?? AttendanceStatus.Present;
                line.DeputyPersonId = generated?.DeputyPersonId;
                line.ApologyReason = generated?.ApologyReason;
            }

            var onRegister = existing.Select(a => a.PersonId).ToHashSet();
            register.RemoveAll(a => onRegister.Contains(a.PersonId));
            register.ForEach(a => a.MeetingId = meeting.Id);
            db.Attendance.AddRange(register);
            register.AddRange(existing);
            meeting.Status = MeetingStatus.Held;
            var quorum = Quorum.Evaluate(group.QuorumRule, group.QuorumCount, meeting.Date, Quorum.PresentFrom(register), world.PartnersOn(meeting.Date), world.Representation);
            meeting.ApplyQuorum(quorum);
            SetMinutes(meeting, world, today);
        }

        await SaveAsync(db, ct);
        db.ChangeTracker.Clear();
    }

    // Minutes are circulated ten working days after the meeting; until then they are a draft.
    private static void SetMinutes(Meeting meeting, World world, DateOnly today)
    {
        var circulated = world.Calendar.AddWorkingDays(meeting.Date, 10);
        meeting.MinutesStatus = circulated < today ? MinutesStatus.Circulated : MinutesStatus.Draft;
        meeting.MinutesCirculatedOn = circulated < today ? circulated : null;
    }

    private static async Task SeedMeetingsAsync(
        PortalDbContext db, World world, ReportingYear year, DateOnly today, Random random, Counter counts, CancellationToken ct)
    {
        var planned = new List<(Group Group, Meeting Meeting, List<Attendance> Register)>();
        foreach (var group in world.Groups)
        {
            if (world.HeldMeetingIn.Contains((group.Id, year.StartYear)))
            {
                continue;
            }

            foreach (var date in MeetingDates(group, year, random))
            {
                if (date >= today || !group.IsActiveOn(date))
                {
                    continue;
                }

                var register = Register(world, group, date, random);
                if (register.Count == 0)
                {
                    continue;
                }

                var meeting = new Meeting
                {
                    GroupId = group.Id,
                    Date = date,
                    Start = group.Kind == GroupKind.Board ? new TimeOnly(10, 0) : new TimeOnly(14, 0),
                    End = group.Kind == GroupKind.Board ? new TimeOnly(12, 30) : new TimeOnly(16, 0),
                    Location = world.Locations.Count == 0 || random.Next(4) == 0 ? null : Pick(random, world.Locations),
                    OnlineLink = null,
                    CreatedAt = Noon(date.AddDays(-42)),
                    CreatedBy = TeamName,
                };
                if (random.Next(25) == 0)
                {
                    meeting.Status = MeetingStatus.Cancelled;
                    meeting.CancellationReason = Pick(random, Text.CancellationReasons);
                    register.Clear();
                }
                else
                {
                    meeting.Status = MeetingStatus.Held;
                    var quorum = Quorum.Evaluate(group.QuorumRule, group.QuorumCount, date, Quorum.PresentFrom(register), world.PartnersOn(date), world.Representation);
                    meeting.ApplyQuorum(quorum);
                    SetMinutes(meeting, world, today);
                }

                planned.Add((group, meeting, register));
            }
        }

        // Saved in dependency order, as the hand-written demo is, so every audit entry records real ids.
        db.Meetings.AddRange(planned.Select(p => p.Meeting));
        await SaveAsync(db, ct);
        counts.Meetings += planned.Count;

        var items = new List<(Group Group, Meeting Meeting, List<Attendance> Register, List<AgendaItem> Items)>();
        foreach (var (group, meeting, register) in planned)
        {
            register.ForEach(a => a.MeetingId = meeting.Id);
            db.Attendance.AddRange(register);
            counts.Attendance += register.Count;
            var agenda = meeting.Status == MeetingStatus.Held ? Agenda(meeting, random) : [];
            db.AgendaItems.AddRange(agenda);
            counts.AgendaItems += agenda.Count;
            items.Add((group, meeting, register, agenda));
        }

        await SaveAsync(db, ct);

        var actions = new List<(ActionItem Action, List<ActionUpdate> Trail)>();
        var titles = new DemoTitles();
        foreach (var (group, meeting, register, agenda) in items.Where(i => i.Meeting.Status == MeetingStatus.Held))
        {
            var present = register.Where(a => a.AttendedBy is not null && a.Kind != AttendeeKind.Guest).ToList();
            foreach (var item in agenda.Where(i => i.Purpose == AgendaPurpose.Decision))
            {
                for (var n = random.Next(1, 4); n > 0 && titles.Decision(group, meeting.Date, random) is { } title; n--)
                {
                    db.Decisions.Add(new Decision
                    {
                        MeetingId = meeting.Id,
                        AgendaItemId = item.Id,
                        Title = title,
                        Detail = Pick(random, Text.DecisionDetails),
                        IsKey = group.Kind == GroupKind.Board && random.Next(4) == 0,
                        CreatedAt = Noon(meeting.Date),
                        CreatedBy = TeamName,
                    });
                    counts.Decisions++;
                }
            }

            var arising = group.Kind == GroupKind.Board ? random.Next(5, 10) : random.Next(10, 21);
            for (var n = 0; n < arising && present.Count > 0 && titles.Action(group, meeting.Date, random) is { } title; n++)
            {
                var owner = present[random.Next(present.Count)];
                var ownerId = owner.AttendedBy!.Value;
                actions.Add(Action(world, group, meeting, Pick(random, agenda), title, ownerId, today, random));
            }
        }

        db.Actions.AddRange(actions.Select(a => a.Action));
        await SaveAsync(db, ct);
        foreach (var (action, trail) in actions)
        {
            trail.ForEach(u => u.ActionItemId = action.Id);
            db.ActionUpdates.AddRange(trail);
            counts.Updates += trail.Count;
        }

        counts.Actions += actions.Count;
        await SaveAsync(db, ct);

        // Minutes are approved at the group's next held meeting; key decisions taken while inquorate are ratified there.
        var held = items.Where(i => i.Meeting.Status == MeetingStatus.Held).Select(i => i.Meeting).ToList();
        foreach (var byGroup in held.GroupBy(m => m.GroupId))
        {
            var ordered = byGroup.OrderBy(m => m.Date).ToList();
            for (var i = 0; i < ordered.Count - 1; i++)
            {
                ordered[i].MinutesStatus = MinutesStatus.Approved;
                ordered[i].MinutesApprovedAtMeetingId = ordered[i + 1].Id;
                if (!ordered[i].IsQuorate)
                {
                    var next = ordered[i + 1].Id;
                    var meetingId = ordered[i].Id;
                    foreach (var decision in db.ChangeTracker.Entries<Decision>().Select(e => e.Entity).Where(d => d.MeetingId == meetingId && d.IsKey))
                    {
                        decision.RatifiedAtMeetingId = next;
                    }
                }
            }
        }

        await SaveAsync(db, ct);
    }

    private static async Task SeedEscalationsAsync(
        PortalDbContext db, World world, EscalationProtocol protocol, ReportingYear year, DateOnly today,
        Random random, Counter counts, CancellationToken ct)
    {
        var calendar = world.Calendar;
        if (world.Agencies.Count < 2)
        {
            return;
        }

        var number = world.EscalationNumbers.GetValueOrDefault(year.StartYear);
        var raised = new List<DateOnly>();
        for (var n = random.Next(12, 19); n > 0; n--)
        {
            var on = calendar.OnOrAfter(year.Start.AddDays(random.Next(0, 365)));
            if (on < today)
            {
                raised.Add(on);
            }
        }

        // In the year in progress a few disagreements raised in the last fortnight are still being worked through.
        var recent = new HashSet<DateOnly>();
        for (var n = year.Contains(today) && today.AddDays(-14) >= year.Start ? random.Next(2, 4) : 0; n > 0; n--)
        {
            var on = calendar.OnOrAfter(today.AddDays(-random.Next(2, 15)));
            if (on < today && recent.Add(on))
            {
                raised.Add(on);
            }
        }

        foreach (var raisedOn in raised.Order())
        {
            number++;
            var raising = Pick(random, world.Agencies);
            var concerned = random.Next(3) == 0 ? Pick(random, world.Agencies) : world.Agencies[0];
            if (concerned.Id == raising.Id)
            {
                concerned = world.Agencies.First(a => a.Id != raising.Id);
            }

            var escalation = new Escalation
            {
                Reference = $"ESC-{year.StartYear}-{number:000}",
                RaisedOn = raisedOn,
                RaisingOrganisationId = raising.Id,
                RaiserRole = Pick(random, Text.RaiserRoles),
                ConcernedOrganisationId = concerned.Id,
                Category = (EscalationCategory)random.Next(1, 6),
                CaseReference = $"C-{random.Next(100000, 999999)}",
                Summary = Pick(random, Text.EscalationSummaries),
                CreatedAt = Noon(raisedOn),
                CreatedBy = TeamName,
            };

            // Most are resolved at the first or second stage; a few go higher, mostly for want of a timely response.
            var stages = Math.Min(protocol.StageCount, random.Next(10) switch
            {
                < 5 => 1,
                < 8 => 2,
                < 9 => 3,
                _ => 4,
            });
            var start = raisedOn;
            StageMoveReason? reason = null;
            for (var stage = 1; stage <= stages; stage++)
            {
                var due = protocol.DueOn(stage, start, calendar);
                var allowed = calendar.WorkingDaysBetween(start, due);
                var end = calendar.AddWorkingDays(start, Math.Max(1, allowed + random.Next(-1, 4)));
                var open = end >= today || (stage == stages && recent.Contains(raisedOn));
                escalation.Stages.Add(new EscalationStage
                {
                    Stage = stage,
                    StartedOn = start,
                    DueOn = due,
                    EndedOn = open ? null : end,
                    Reason = reason,
                    Note = reason is null ? null : Pick(random, Text.StageNotes),
                    RecordedAt = Noon(start),
                    RecordedBy = TeamName,
                });
                escalation.CurrentStage = stage;
                if (open)
                {
                    break;
                }

                reason = end > due ? StageMoveReason.NoTimelyResponse : StageMoveReason.StillDisagree;
                start = end;
            }

            var lastStage = escalation.Stages[^1];
            if (lastStage.EndedOn is { } resolved && escalation.CurrentStage == stages)
            {
                escalation.ResolvedOn = resolved;
                escalation.ResolvedAtStage = stages;
                escalation.Outcome = Pick(random, Text.Outcomes);
                escalation.ImpactForChild = Pick(random, Text.Impacts);
                escalation.Learning = random.Next(3) == 0 ? Pick(random, Text.Learning) : null;
            }

            db.Escalations.Add(escalation);
            counts.Escalations++;
        }

        await SaveAsync(db, ct);
    }

    /// <summary>
    /// The independent scrutineer's year: an activity every six weeks or so (check-and-challenge sessions, walk-the-floor
    /// visits, meetings observed, audits and case files reviewed) and two or three challenges to the statutory partners
    /// and, now and then, another agency, most answered in time and most answers accepted. It draws on a random stream
    /// of its own (from the seed and the year), so the other records of each year are those generated before it was
    /// added. A year that already has scrutiny records (the hand-written 2023-24) is left as it is.
    /// </summary>
    private static async Task SeedScrutinyAsync(
        PortalDbContext db, World world, ReportingYear year, DateOnly today, Random random, Counter counts, CancellationToken ct)
    {
        if (world.Agencies.Count == 0
            || await db.ScrutinyActivities.AnyAsync(a => a.HeldOn >= year.Start && a.HeldOn <= year.End, ct)
            || await db.ScrutinyChallenges.AnyAsync(c => c.RaisedOn >= year.Start && c.RaisedOn <= year.End, ct))
        {
            return;
        }

        for (var day = year.Start.AddDays(random.Next(10, 30)); ; day = day.AddDays(random.Next(35, 56)))
        {
            var held = world.Calendar.OnOrAfter(day);
            if (held > year.End || held >= today)
            {
                break;
            }

            var (kind, subject, findings) = Pick(random, ScrutinyActivityTexts);
            var agency = kind is ScrutinyActivityKind.WalkTheFloor or ScrutinyActivityKind.CaseFileReview ? Pick(random, world.Agencies) : null;
            db.ScrutinyActivities.Add(new ScrutinyActivity
            {
                Kind = kind,
                HeldOn = held,
                Subject = subject,
                Findings = findings,
                OrganisationId = agency?.Id,
                CreatedAt = Noon(held),
                CreatedBy = ScrutineerName,
            });
            counts.ScrutinyActivities++;
        }

        var challenges = random.Next(2, 4);
        for (var i = 0; i < challenges; i++)
        {
            var raised = world.Calendar.OnOrAfter(year.Start.AddDays(random.Next(20, 330)));
            if (raised > year.End || raised >= today)
            {
                continue;
            }

            var to = world.Partners.Count > 0 && random.Next(4) > 0 ? Pick(random, world.Partners) : Pick(random, world.Agencies);
            var (title, detail, response) = Pick(random, ScrutinyChallengeTexts);
            var challenge = new ScrutinyChallenge
            {
                Title = title,
                Detail = detail,
                OrganisationId = to.Id,
                RaisedOn = raised,
                ResponseDueOn = raised.AddDays(28),
                CreatedAt = Noon(raised),
                CreatedBy = ScrutineerName,
            };
            var received = world.Calendar.OnOrAfter(raised.AddDays(random.Next(10, 40)));
            if (received < today)
            {
                challenge.Response = response;
                challenge.ResponseReceivedOn = received;
                challenge.RespondedBy = world.People.FirstOrDefault(p => p.OrganisationId == to.Id && p.IsLive())?.FullName;
                var decided = world.Calendar.OnOrAfter(received.AddDays(random.Next(3, 21)));
                if (decided < today)
                {
                    challenge.Verdict = random.Next(5) > 0 ? ChallengeVerdict.Accepted : ChallengeVerdict.NotAccepted;
                    challenge.VerdictOn = decided;
                    challenge.VerdictNote = challenge.Verdict == ChallengeVerdict.Accepted
                        ? "Accepted; the evidence answers the challenge."
                        : "Not accepted: the response describes intentions, not evidence of change. A fuller answer is expected.";
                }
            }

            db.ScrutinyChallenges.Add(challenge);
            counts.ScrutinyChallenges++;
        }

        await SaveAsync(db, ct);
    }

    private const string ScrutineerName = "Independent Scrutineer";

    private static readonly (ScrutinyActivityKind Kind, string Subject, string Findings)[] ScrutinyActivityTexts =
    [
        (ScrutinyActivityKind.CheckAndChallenge, "Section 11 check and challenge session with the agencies' safeguarding leads",
            "Agencies were candid about their weaker areas; action plans were specific for most, but two relied on training alone."),
        (ScrutinyActivityKind.WalkTheFloor, "Walk the floor with front-line practitioners",
            "Practitioners knew how to escalate a concern. Fewer knew the partnership's learning briefings or where to find them."),
        (ScrutinyActivityKind.MeetingObservation, "Observation of a subgroup meeting",
            "Well chaired and to time; the data was discussed but the group did not always agree what it would do about it."),
        (ScrutinyActivityKind.CaseFileReview, "Review of a sample of case files on the agency's response to neglect",
            "Chronologies were up to date. The child's own words were rarely recorded."),
        (ScrutinyActivityKind.AuditReview, "Review of a multi-agency audit's findings and action plan",
            "The findings were well evidenced; the action plan needs measures that show whether practice changed."),
        (ScrutinyActivityKind.MeetingObservation, "Observation of the strategic partners board",
            "Partners challenged each other constructively; decisions were recorded with owners and dates."),
    ];

    private static readonly (string Title, string Detail, string Response)[] ScrutinyChallengeTexts =
    [
        ("Attendance at review child protection conferences",
            "The dataset shows review conferences without the agency present. Show how attendance is planned and covered.",
            "Attendance is now planned a month ahead with named cover, and the figures are reviewed monthly."),
        ("Learning from complaints",
            "Show how complaints from families are analysed for learning and how that learning is acted on.",
            "Complaints are themed each quarter and the themes go to the agency's practice board."),
        ("Evidence of impact of training",
            "The agency reports the numbers trained but not what changed. Show the evidence that practice changed.",
            "A follow-up survey three months after each course now asks what practitioners do differently."),
        ("Sharing performance data with the partnership",
            "The agency's figures have not reached the multi-agency dataset for two quarters. Explain why and when they will.",
            "The data-sharing agreement has been signed and the next quarter's figures have been sent."),
        ("Actions overdue on the partnership's plan",
            "Several of the agency's actions on the partnership's plan are overdue. Set out a realistic plan to complete them.",
            "Each overdue action has a new date agreed with its owner, reviewed at the agency's safeguarding committee."),
    ];

    /// <summary>
    /// The year's multi-agency audit programme, about six audits owned by Quality and Effectiveness (or, in a partnership
    /// without it, its first subgroup), a quarter apart: those whose dates have passed are reported with their findings,
    /// most areas for improvement become actions, and most of those are complete once due. A year that already has audits
    /// (the hand-written 2023-24) is left as it is.
    /// </summary>
    /// <summary>
    /// A Section 11 round every other year (odd years, as the story's 2023 and 2025 rounds), opening in May, for the
    /// partners and agencies that have someone to lead the return. Its own random numbers, seeded by the year, so adding
    /// it left the rest of the generated history as it was. Returns are in once the deadline has passed; a round still
    /// open has some returns in, some drafts and some not started.
    /// </summary>
    private static async Task SeedSelfAssessmentsAsync(
        PortalDbContext db, World world, ReportingYear year, DateOnly today, Counter counts, CancellationToken ct)
    {
        var cycle = year.StartYear;
        var opens = world.Calendar.OnOrAfter(new DateOnly(cycle, 5, 1));
        var owner = world.Groups.FirstOrDefault(g => g.Name.Contains("Quality", StringComparison.OrdinalIgnoreCase) && g.Status == GroupStatus.Active)
            ?? world.Groups.FirstOrDefault(g => g.Kind == GroupKind.Subgroup && g.Status == GroupStatus.Active);
        if (cycle % 2 == 0 || opens > today || owner is null
            || await db.SelfAssessmentRounds.AnyAsync(r => r.Kind == SelfAssessmentKind.Section11 && r.CycleYear == cycle, ct))
        {
            return;
        }

        var random = new Random(cycle * 7919);
        var deadline = world.Calendar.OnOrAfter(opens.AddDays(56));
        var scale = SelfAssessmentRules.DefaultScale;
        var standards = SelfAssessmentRules.DefaultSection11Standards;
        var leads = world.Partners.Concat(world.Agencies).DistinctBy(o => o.Id)
            .Select(o => world.People.Where(p => p.OrganisationId == o.Id).OrderBy(p => p.Id).FirstOrDefault())
            .OfType<Person>().Take(12).ToList();
        var round = new SelfAssessmentRound
        {
            Title = $"Section 11 self-assessment {cycle}",
            Kind = SelfAssessmentKind.Section11,
            CycleYear = cycle,
            Standards = string.Join('\n', standards),
            RatingScale = string.Join('\n', scale),
            OpensOn = opens,
            Deadline = deadline,
            GroupId = owner.Id,
            CreatedAt = Noon(opens),
            CreatedBy = TeamName,
            Returns = leads.Select(lead =>
            {
                var closed = deadline < today;
                var roll = random.Next(10);
                var status = closed || roll < 4 ? ReturnStatus.Submitted : roll < 7 ? ReturnStatus.InProgress : ReturnStatus.NotStarted;
                var submitted = closed ? deadline.AddDays(-random.Next(0, 20)) : today.AddDays(-random.Next(0, Math.Max(1, today.DayNumber - opens.DayNumber)));
                return new SelfAssessmentReturn
                {
                    OrganisationId = lead.OrganisationId,
                    LeadPersonId = lead.Id,
                    Status = status,
                    SubmittedOn = status == ReturnStatus.Submitted ? submitted : null,
                    Answers = status == ReturnStatus.NotStarted ? [] : standards.Select((_, n) => new SelfAssessmentAnswer
                    {
                        StandardNumber = n + 1,
                        // Mostly fully or mostly met, as the story's returns were; now and then partially met.
                        Rating = random.Next(10) switch { < 5 => 1, < 9 => 2, _ => 3 },
                    }).ToList(),
                };
            }).ToList(),
        };
        db.SelfAssessmentRounds.Add(round);
        await db.SaveChangesAsync(ct);
        counts.SelfAssessmentRounds++;
    }

    private static async Task SeedAuditsAsync(
        PortalDbContext db, World world, ReportingYear year, DateOnly today, Random random, Counter counts, CancellationToken ct)
    {
        bool ActiveIn(Group g) => g.Status == GroupStatus.Active || (g.DissolvedOn is { } d && d >= year.Start);
        bool Running(Group g) => (g.EstablishedOn ?? DateOnly.MinValue) <= year.End && (g.DissolvedOn ?? DateOnly.MaxValue) >= year.Start && ActiveIn(g);
        var owners = world.Groups.Where(g => Running(g) && g.Name.Contains("Quality", StringComparison.OrdinalIgnoreCase)).ToList();
        if (owners.Count == 0)
        {
            owners = world.Groups.Where(g => Running(g) && g.Kind == GroupKind.Subgroup).Take(1).ToList();
        }

        if (owners.Count == 0 || world.Agencies.Count == 0 || await db.Audits.AnyAsync(a => a.ProgrammeYear == year.StartYear, ct))
        {
            return;
        }

        var owner = owners[0];
        var themes = AuditThemes.OrderBy(_ => random.Next()).Take(random.Next(5, 8)).ToList();
        for (var i = 0; i < themes.Count; i++)
        {
            var (theme, method) = themes[i];
            var quarter = Math.Min(4, 1 + (i * 4 / themes.Count));
            var started = world.Calendar.OnOrAfter(year.Start.AddDays(((quarter - 1) * 91) + random.Next(5, 50)));
            var reported = world.Calendar.OnOrAfter(started.AddDays(random.Next(35, 70)));
            var agencies = world.Agencies.Take(1).Concat(world.Agencies.Skip(1).OrderBy(_ => random.Next()).Take(random.Next(1, 4))).ToList();
            var audit = new Audit
            {
                Title = $"{theme} multi-agency audit",
                Theme = theme,
                ProgrammeYear = year.StartYear,
                PlannedQuarter = quarter,
                Reason = (AuditReason)random.Next(1, 6),
                Method = method,
                GroupId = owner.Id,
                CreatedAt = Noon(year.Start.AddDays(-20)),
                CreatedBy = TeamName,
                Agencies = agencies.Select(a => new AuditAgency { OrganisationId = a.Id }).ToList(),
            };
            if (started < today)
            {
                audit.StartedOn = started;
                audit.Status = AuditStatus.InProgress;
            }

            if (reported < today)
            {
                audit.ReportedOn = reported;
                audit.CasesSampled = method == AuditMethod.PractitionerSurvey ? random.Next(20, 90) : random.Next(6, 31);
                audit.LearningShared = Pick(random, AuditLearningShared);
                audit.PeopleReached = random.Next(12, 120);
                audit.Status = reported.AddDays(240) < today ? AuditStatus.Closed : AuditStatus.ActionsMonitored;
                foreach (var text in AuditStrengths.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
                {
                    audit.Findings.Add(new AuditFinding { Kind = FindingKind.Strength, Text = text, CreatedAt = Noon(reported), CreatedBy = TeamName });
                }

                foreach (var text in AuditImprovements.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
                {
                    audit.Findings.Add(new AuditFinding { Kind = FindingKind.AreaForImprovement, Text = text, CreatedAt = Noon(reported), CreatedBy = TeamName });
                }
            }

            db.Audits.Add(audit);
            await SaveAsync(db, ct);
            counts.Audits++;

            // Two in three areas for improvement become actions for one of the agencies that took part.
            foreach (var finding in audit.Findings.Where(f => f.Kind == FindingKind.AreaForImprovement && random.Next(3) > 0))
            {
                var agency = Pick(random, agencies);
                var person = world.People.FirstOrDefault(p => p.OrganisationId == agency.Id && p.IsLive()) ?? world.People[0];
                var due = reported.AddDays(random.Next(60, 150));
                var action = new ActionItem
                {
                    Title = "Respond to the audit: " + char.ToLowerInvariant(finding.Text[0]) + finding.Text[1..],
                    GroupId = owner.Id,
                    OwnerPersonId = person.Id,
                    OwnerOrganisationId = person.OrganisationId,
                    DueDate = due,
                    Source = ActionSource.Audit,
                    AuditFindingId = finding.Id,
                    SourceReference = audit.Title,
                    CreatedAt = Noon(reported),
                    CreatedBy = TeamName,
                };
                var done = due.AddDays(random.Next(-20, 10));
                if (done < today.AddDays(-1) && random.Next(10) < 9)
                {
                    action.Status = ActionStatus.Completed;
                    action.CompletedOn = done;
                    action.CompletionEvidence = "The agencies' re-checks of a sample of cases show the change in place.";
                    action.CompletionRequestedAt = Noon(done);
                    action.CompletionRequestedBy = person.FullName;
                    action.SignedOffAt = Noon(done);
                    action.SignedOffBy = TeamName;
                    db.ActionUpdates.Add(new ActionUpdate
                    {
                        ActionItem = action, At = Noon(done), ByName = person.FullName, Note = "Done, and checked against a sample of cases.",
                        StatusBefore = ActionStatus.NotStarted, StatusAfter = ActionStatus.Completed,
                    });
                    counts.Updates++;
                }
                else
                {
                    action.Status = ActionStatus.OnTrack;
                }

                db.Actions.Add(action);
                counts.Actions++;
            }
        }

        await SaveAsync(db, ct);
        await SeedReAuditAsync(db, owner, year, today, world.Calendar, counts, ct);
    }

    /// <summary>
    /// A re-audit on the year's programme of an earlier audit that reported between nine months and two years before the
    /// year began (its actions monitored or closed) and had areas for improvement: it revisits each of them (most
    /// improved, some not), so the audits section's "re-audit result" has something to say. Its own random stream, so
    /// the rest of the year is unchanged.
    /// </summary>
    private static async Task SeedReAuditAsync(
        PortalDbContext db, Group owner, ReportingYear year, DateOnly today, WorkingDayCalendar calendar, Counter counts, CancellationToken ct)
    {
        var random = new Random(year.StartYear);
        var original = await db.Audits
            .Where(a => a.IsLive() && a.GroupId == owner.Id && (a.Status == AuditStatus.Closed || a.Status == AuditStatus.ActionsMonitored) && a.ReAuditOfId == null
                && a.ReportedOn >= year.Start.AddMonths(-24) && a.ReportedOn <= year.Start.AddMonths(-9)
                && !db.Audits.Any(r => r.ReAuditOfId == a.Id)
                && a.Findings.Any(f => f.IsLive() && f.Kind == FindingKind.AreaForImprovement))
            .Include(a => a.Findings).Include(a => a.Agencies)
            .OrderBy(a => a.ReportedOn)
            .FirstOrDefaultAsync(ct);
        var started = calendar.OnOrAfter(year.Start.AddDays(random.Next(100, 200)));
        if (original is null || started >= today)
        {
            return;
        }

        var reported = calendar.OnOrAfter(started.AddDays(random.Next(30, 60)));
        var reAudit = new Audit
        {
            Title = $"Re-audit: {original.Theme}",
            Theme = original.Theme,
            ProgrammeYear = year.StartYear,
            PlannedQuarter = Math.Min(4, ((started.DayNumber - year.Start.DayNumber) / 91) + 1),
            Reason = original.Reason,
            ReasonNote = "to see whether the earlier audit's areas for improvement have changed practice.",
            Method = original.Method,
            GroupId = owner.Id,
            ReAuditOfId = original.Id,
            StartedOn = started,
            Status = AuditStatus.InProgress,
            CreatedAt = Noon(year.Start.AddDays(-20)),
            CreatedBy = TeamName,
            Agencies = original.Agencies.Select(a => new AuditAgency { OrganisationId = a.OrganisationId }).ToList(),
        };
        if (reported < today)
        {
            reAudit.ReportedOn = reported;
            reAudit.CasesSampled = original.CasesSampled;
            reAudit.Status = AuditStatus.Closed;
            foreach (var finding in original.Findings.Where(f => f.IsLive() && f.Kind == FindingKind.AreaForImprovement))
            {
                var comparison = random.Next(10) switch
                {
                    < 6 => FindingComparison.Improved,
                    < 9 => FindingComparison.NoChange,
                    _ => FindingComparison.Worse,
                };
                reAudit.Findings.Add(new AuditFinding
                {
                    Kind = comparison == FindingComparison.Improved ? FindingKind.Strength : FindingKind.AreaForImprovement,
                    Text = comparison switch
                    {
                        FindingComparison.Improved => "Now in place in most of the cases sampled: " + char.ToLowerInvariant(finding.Text[0]) + finding.Text[1..],
                        FindingComparison.NoChange => "Still seen: " + char.ToLowerInvariant(finding.Text[0]) + finding.Text[1..],
                        _ => "Seen more often than at the first audit: " + char.ToLowerInvariant(finding.Text[0]) + finding.Text[1..],
                    },
                    RevisitsFindingId = finding.Id,
                    Comparison = comparison,
                    CreatedAt = Noon(reported),
                    CreatedBy = TeamName,
                });
            }
        }

        db.Audits.Add(reAudit);
        await SaveAsync(db, ct);
        counts.Audits++;
    }

    private static readonly (string Theme, AuditMethod Method)[] AuditThemes =
    [
        ("Neglect", AuditMethod.CaseFileAudit),
        ("Strategy discussions and section 47 enquiries", AuditMethod.DipSample),
        ("Child sexual abuse", AuditMethod.JtaiTool),
        ("Child-on-child abuse", AuditMethod.CaseFileAudit),
        ("Return home interviews", AuditMethod.DipSample),
        ("Domestic abuse and children", AuditMethod.JtaiTool),
        ("Children missing education", AuditMethod.CaseFileAudit),
        ("Understanding of thresholds", AuditMethod.PractitionerSurvey),
        ("Voice of the child in assessments", AuditMethod.CaseFileAudit),
        ("Child exploitation", AuditMethod.JtaiTool),
        ("Pre-birth assessments", AuditMethod.DipSample),
        ("Early help referrals", AuditMethod.DipSample),
    ];

    private static readonly string[] AuditStrengths =
    [
        "Agencies knew the children and families well and worked together closely",
        "Referrals were screened at the right level of need",
        "Assessments recorded what the children said and how they felt",
        "Information was shared promptly between agencies",
        "Practitioners had good supervision and support",
        "Safety plans were clear and reviewed",
    ];

    private static readonly string[] AuditImprovements =
    [
        "Strategy discussions were not always held within timescales",
        "The outcome of a referral was not always fed back to the referring agency",
        "Assessments did not always consider a child's culture and identity",
        "Where professionals disagreed, the disagreement was not always recorded",
        "Management oversight was not always evident on the file",
        "Agreed actions were not always completed on time",
        "Attendance at strategy meetings was not always recorded accurately",
    ];

    private static readonly string[] AuditLearningShared =
    [
        "Learning circles with the agencies that took part",
        "A 7-minute briefing and the practitioner forum",
        "Team briefings in each agency",
        "The partnership newsletter and a learning event",
    ];

    private static IEnumerable<DateOnly> MeetingDates(Group group, ReportingYear year, Random random)
    {
        var perYear = group.Frequency switch
        {
            MeetingFrequency.Weekly => 48,
            MeetingFrequency.Fortnightly => 24,
            MeetingFrequency.Monthly => 11,
            MeetingFrequency.SixWeekly => 8,
            MeetingFrequency.BiMonthly => 6,
            MeetingFrequency.Quarterly => 4,
            MeetingFrequency.TwiceYearly => 2,
            MeetingFrequency.Annually => 1,
            _ => 2,
        };
        var spacing = 364 / perYear;
        var offset = random.Next(7, Math.Max(8, spacing - 7));
        for (var i = 0; i < perYear; i++)
        {
            yield return Weekday(year.Start.AddDays(offset + (i * spacing)), group.Id);
        }
    }

    // Each group keeps its own weekday (Tuesday to Thursday), away from the Christmas and New Year break.
    private static DateOnly Weekday(DateOnly near, int groupId)
    {
        var day = (DayOfWeek)(2 + (groupId % 3));
        var date = near.AddDays(((int)day - (int)near.DayOfWeek + 7) % 7);
        return (date.Month == 12 && date.Day >= 20) || (date.Month == 1 && date.Day <= 3) ? date.AddDays(21) : date;
    }

    private static List<Attendance> Register(World world, Group group, DateOnly date, Random random)
    {
        var register = new List<Attendance>();
        foreach (var seat in world.SeatsOf(group.Id, date))
        {
            var line = new Attendance
            {
                PersonId = seat.PersonId,
                OrganisationId = seat.OrganisationId,
                Kind = seat.Role == MembershipRole.Secretariat ? AttendeeKind.PartnershipTeam : AttendeeKind.Invitee,
                CreatedAt = Noon(date),
                CreatedBy = TeamName,
            };
            // Statutory partners' people rarely miss a meeting without sending a deputy: quorum depends on them.
            var roll = random.Next(100);
            if (world.IsPartner(seat.OrganisationId) && roll >= 74)
            {
                roll = roll switch { < 90 => 0, < 96 => 74, _ => roll };
            }

            if (roll < 74 || seat.Role is MembershipRole.Chair or MembershipRole.Secretariat)
            {
                line.Status = AttendanceStatus.Present;
            }
            else if (roll < 79 && world.DeputyFor(seat.PersonId, seat.OrganisationId, date) is { } deputy)
            {
                line.Status = AttendanceStatus.Deputised;
                line.DeputyPersonId = deputy;
            }
            else if (roll < 93)
            {
                line.Status = AttendanceStatus.Apologies;
                line.ApologyReason = Pick(random, Text.ApologyReasons);
            }
            else if (roll < 97)
            {
                line.Status = AttendanceStatus.Absent;
            }
            else
            {
                line.Status = AttendanceStatus.LeftEarly;
            }

            register.Add(line);
        }

        // A guest or a presenter now and then, from outside the group.
        if (register.Count > 0 && random.Next(3) == 0)
        {
            var seated = register.Select(a => a.PersonId).ToHashSet();
            var guest = world.People[random.Next(world.People.Count)];
            if (!seated.Contains(guest.Id))
            {
                register.Add(new Attendance
                {
                    PersonId = guest.Id,
                    OrganisationId = guest.OrganisationId,
                    Kind = random.Next(2) == 0 ? AttendeeKind.Guest : AttendeeKind.Presenter,
                    Status = AttendanceStatus.Present,
                    CreatedAt = Noon(date),
                    CreatedBy = TeamName,
                });
            }
        }

        return register;
    }

    private static List<AgendaItem> Agenda(Meeting meeting, Random random)
    {
        var agenda = new List<AgendaItem>
        {
            new()
            {
                MeetingId = meeting.Id, Order = 1, Title = "Welcome, apologies and the minutes of the last meeting", Purpose = AgendaPurpose.Information,
                Minutes = "The minutes of the last meeting were agreed as accurate.", CreatedAt = Noon(meeting.Date), CreatedBy = TeamName,
            },
        };
        var count = random.Next(3, 6);
        for (var i = 0; i < count; i++)
        {
            var purpose = i < 2 ? AgendaPurpose.Decision : (AgendaPurpose)random.Next(1, 5);
            agenda.Add(new AgendaItem
            {
                MeetingId = meeting.Id,
                Order = i + 2,
                Title = Pick(random, Text.AgendaTitles),
                Purpose = purpose,
                Minutes = Pick(random, Text.ItemMinutes),
                CreatedAt = Noon(meeting.Date),
                CreatedBy = TeamName,
            });
        }

        return agenda;
    }

    private static (ActionItem, List<ActionUpdate>) Action(
        World world, Group group, Meeting meeting, AgendaItem item, string title, int ownerId, DateOnly today, Random random)
    {
        var owner = world.PersonById[ownerId];
        var due = meeting.Date.AddDays(random.Next(28, 150));
        var action = new ActionItem
        {
            Title = title,
            Description = random.Next(3) == 0 ? Pick(random, Text.ActionDescriptions) : null,
            GroupId = group.Id,
            OwnerPersonId = owner.Id,
            OwnerOrganisationId = owner.OrganisationId,
            DueDate = due,
            Source = ActionSource.Meeting,
            MeetingId = meeting.Id,
            AgendaItemId = item.Id,
            CreatedAt = Noon(meeting.Date),
            CreatedBy = TeamName,
        };

        // What became of it: most actions whose date has long passed were done; some drifted and a few were dropped.
        var trail = new List<ActionUpdate>();
        var status = ActionStatus.NotStarted;
        var dueNow = due;
        var on = meeting.Date;
        void Update(DateOnly date, ActionStatus to, string note, DateOnly? newDue = null)
        {
            trail.Add(new ActionUpdate
            {
                At = Noon(date),
                ByName = owner.FullName,
                Note = note,
                StatusBefore = status,
                StatusAfter = to,
                DueDateBefore = newDue is null ? null : dueNow,
                DueDateAfter = newDue,
            });
            status = to;
            dueNow = newDue ?? dueNow;
        }

        // Updates fall between the meeting and the due date; a slipped action gets a later date on the way.
        var updates = random.Next(2, 8);
        var horizon = today.AddDays(-1);
        for (var i = 0; i < updates; i++)
        {
            var step = Math.Max(3, (dueNow.DayNumber - on.DayNumber) / (updates - i + 1));
            on = on.AddDays(random.Next(step / 2, step + 1) + 1);
            if (on > horizon)
            {
                break;
            }

            var roll = random.Next(12);
            if (roll == 0 && i > 0)
            {
                Update(on, ActionStatus.AtRisk, Pick(random, Text.SlippingNotes), dueNow.AddDays(random.Next(14, 60)));
            }
            else
            {
                Update(on, roll < 10 ? ActionStatus.OnTrack : ActionStatus.AtRisk, Pick(random, Text.ProgressNotes));
            }
        }

        // Most were done about their due date; a few were dropped and a few drifted and are still open.
        var fate = random.Next(100);
        var finishedOn = dueNow.AddDays(random.Next(-14, 15));
        if (finishedOn <= on)
        {
            finishedOn = on.AddDays(random.Next(1, 10));
        }

        if (finishedOn < horizon && fate < 93)
        {
            Update(finishedOn, ActionStatus.Completed, Pick(random, Text.CompletionNotes));
            action.CompletionEvidence = Pick(random, Text.Evidence);
            action.CompletionRequestedAt = Noon(finishedOn);
            action.CompletionRequestedBy = owner.FullName;
            action.CompletedOn = finishedOn;
            var signedOff = finishedOn.AddDays(random.Next(1, 15));
            action.SignedOffAt = Noon(signedOff < horizon ? signedOff : finishedOn);
            action.SignedOffBy = TeamName;
        }
        else if (finishedOn < horizon && fate < 97)
        {
            var reason = Pick(random, Text.CancelledNotes);
            Update(finishedOn, ActionStatus.Cancelled, reason);
            action.ClosureReason = reason;
        }
        else if (status == ActionStatus.AtRisk && dueNow < horizon && on < horizon)
        {
            Update(on.AddDays(1), ActionStatus.OffTrack, Pick(random, Text.SlippingNotes));
        }

        action.Status = status;
        action.DueDate = dueNow;
        action.OriginalDueDate = due;
        return (action, trail);
    }

    private static async Task SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> list) => list[random.Next(list.Count)];

    private static DateTime Noon(DateOnly date) => date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);

    private sealed class Counter
    {
        public int Meetings { get; set; }
        public int Attendance { get; set; }
        public int AgendaItems { get; set; }
        public int Decisions { get; set; }
        public int Actions { get; set; }
        public int Updates { get; set; }
        public int Escalations { get; set; }
        public int Audits { get; set; }
        public int SelfAssessmentRounds { get; set; }
        public int ScrutinyActivities { get; set; }
        public int ScrutinyChallenges { get; set; }
        public int IndicatorValues { get; set; }
    }

    /// <summary>The structure the activity hangs on, read once.</summary>
    private sealed class World
    {
        private readonly ILookup<int, GroupMembership> seats;
        private readonly ILookup<int, Person> colleagues;

        private World(
            List<Group> groups,
            List<GroupMembership> memberships,
            List<Person> people,
            List<Organisation> agencies,
            List<Organisation> partners,
            List<PartnerRepresentative> representation,
            HashSet<(int, int)> heldMeetingIn,
            Dictionary<int, int> escalationNumbers,
            List<string> locations)
        {
            Groups = groups;
            seats = memberships.ToLookup(m => m.GroupId);
            People = people;
            PersonById = people.ToDictionary(p => p.Id);
            colleagues = people.ToLookup(p => p.OrganisationId);
            Agencies = agencies;
            Partners = partners;
            Representation = representation;
            HeldMeetingIn = heldMeetingIn;
            EscalationNumbers = escalationNumbers;
            Locations = locations;
            Calendar = new WorkingDayCalendar(BankHolidayFeed.Shipped().Select(h => h.Date));
        }

        public List<Group> Groups { get; }
        public List<Person> People { get; }
        public Dictionary<int, Person> PersonById { get; }

        /// <summary>Agencies that raise and receive escalations, the local authority first (it receives most).</summary>
        public List<Organisation> Agencies { get; }
        /// <summary>Every organisation that has been a statutory partner, with its dates.</summary>
        public List<Organisation> Partners { get; }
        public List<PartnerRepresentative> Representation { get; }

        /// <summary>The statutory partners on the date, as the quorum rule sees them.</summary>
        public List<PartnerOrganisation> PartnersOn(DateOnly date) => Partners.Where(o => o.IsPartnerOn(date)).Select(o => o.AsPartner()).ToList();
        public HashSet<(int GroupId, int StartYear)> HeldMeetingIn { get; }
        public Dictionary<int, int> EscalationNumbers { get; }
        public List<string> Locations { get; }
        public WorkingDayCalendar Calendar { get; }

        public bool IsPartner(int organisationId) => Partners.Any(p => p.Id == organisationId);

        public IEnumerable<GroupMembership> SeatsOf(int groupId, DateOnly date) =>
            seats[groupId].Where(s => s.IsCurrentOn(date)).GroupBy(s => s.PersonId).Select(g => g.First());

        /// <summary>The partner's named deputy on the day, or else a colleague from the same agency.</summary>
        public int? DeputyFor(int personId, int organisationId, DateOnly date)
        {
            var named = Representation.FirstOrDefault(r => r.OrganisationId == organisationId && r.Role == RepresentationRole.Deputy
                && r.PersonId != personId && Period.Contains(r.From, r.To, date));
            if (named is not null)
            {
                return named.PersonId;
            }

            return colleagues[organisationId].Where(p => p.Id != personId).Select(p => (int?)p.Id).FirstOrDefault();
        }

        public static async Task<World> LoadAsync(PortalDbContext db, CancellationToken ct)
        {
            var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Id).ToListAsync(ct);
            var partners = organisations.Where(o => o.StatutoryPartner != null && o.IsLive()).ToList();
            var people = await db.People.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);
            var memberships = await db.GroupMemberships.AsNoTracking().Where(m => m.IsLive()).OrderBy(m => m.Id).ToListAsync(ct);
            var withPeople = people.Select(p => p.OrganisationId).ToHashSet();

            // The partnership's own staff (the groups' secretariat) do not escalate concerns about children.
            var secretariat = memberships.Where(m => m.Role == MembershipRole.Secretariat).Select(m => m.OrganisationId).ToHashSet();
            var agencies = organisations
                .Where(o => withPeople.Contains(o.Id) && !secretariat.Contains(o.Id))
                .OrderBy(o => o.StatutoryPartner == StatutoryPartner.LocalAuthority ? 0 : 1).ThenBy(o => o.Id)
                .ToList();
            // Years the hand-written demo holds meetings in; its upcoming (scheduled) meetings leave this year to date open.
            var held = await db.Meetings.AsNoTracking().Where(m => m.Status != MeetingStatus.Scheduled)
                .Select(m => new { m.GroupId, m.Date }).ToListAsync(ct);
            var references = await db.Escalations.AsNoTracking().Select(e => new { e.RaisedOn, e.Reference }).ToListAsync(ct);
            return new World(
                await db.Groups.AsNoTracking().Where(g => g.IsLive()).OrderBy(g => g.Id).ToListAsync(ct),
                memberships,
                people,
                agencies,
                partners,
                await db.PartnerRepresentatives.AsNoTracking().Where(r => r.IsLive()).OrderBy(r => r.Id).ToListAsync(ct),
                held.Select(m => (m.GroupId, ReportingYear.Containing(m.Date).StartYear)).ToHashSet(),
                references.GroupBy(r => ReportingYear.Containing(r.RaisedOn).StartYear).ToDictionary(g => g.Key, g => g.Count()),
                await db.Meetings.AsNoTracking().Where(m => m.Location != null).Select(m => m.Location!).Distinct().OrderBy(l => l).ToListAsync(ct));
        }
    }

    /// <summary>Phrases the generated records are written from: plain, invented, and the same for any partnership.</summary>
    private static class Text
    {
        public static readonly string[] CancellationReasons =
        [
            "Not enough members could attend to make the meeting worthwhile.",
            "Moved to allow the group to consider an urgent review at its next meeting.",
            "The chair was unavailable and there was no vice-chair in post.",
        ];

        public static readonly string[] ApologyReasons =
        [
            "Annual leave", "Clashing commitment in their own agency", "Unwell", "Attending court", "Training day",
            "Covering a colleague's caseload", "Inspection activity in their agency",
        ];

        public static readonly string[] AgendaTitles =
        [
            "Action plan review", "Performance data: quarterly report", "Multi-agency audit findings", "Learning from a rapid review",
            "Risk register", "Section 11 self-assessments: progress", "Training programme: evaluation", "Updates from partner agencies",
            "Escalations received this quarter", "Policy and procedure updates", "Voice of the child: engagement report",
            "Highlight report to the board", "Budget and partner contributions", "Business plan priorities: progress",
            "Front door data and thresholds", "Missing episodes and return interviews", "Neglect strategy: implementation",
        ];

        public static readonly string[] ItemMinutes =
        [
            "Members discussed the report and asked for the next one to show the trend over the year.",
            "The group noted the findings and agreed where the learning should go.",
            "Partners gave their agencies' updates; no new risks were raised.",
            "The chair asked for assurance that the changes were embedded and not only agreed.",
            "Members challenged the data where it differed from their own agency's records and agreed to reconcile it.",
            "The group agreed the report should go to the board with its recommendations.",
        ];

        public static readonly string[] DecisionDetails =
        [
            "Agreed by the members present; the partnership team will publish the change and tell practitioners.",
            "Agreed, with a review in six months to check it has made a difference.",
            "Agreed subject to the comments made in the meeting being reflected in the final version.",
        ];

        public static readonly string[] ActionDescriptions =
        [
            "The group asked for evidence of the difference it makes for children, not only that it was done.",
            "To be done with the agencies named in the discussion.",
            "Links to the partnership's priority for this year.",
        ];

        public static readonly string[] ProgressNotes =
        [
            "Under way; on course for the due date.", "First draft shared with the group for comment.", "Meeting arranged with the agencies involved.",
            "Data requested from partner agencies.", "Progress reported to the group at its meeting.", "Waiting for one agency's return; chased.",
        ];

        public static readonly string[] SlippingNotes =
        [
            "Delayed by staffing pressures; new date agreed with the chair.", "Depends on another agency's work that has slipped.",
            "Needs more time to reach all practitioners.",
        ];

        public static readonly string[] CompletionNotes =
        [
            "Done; evidence sent to the partnership team.", "Completed and reported to the group.", "Finished; the chair agreed it can close.",
        ];

        public static readonly string[] CancelledNotes =
        [
            "Overtaken by the new procedure, which covers it.", "No longer needed after the group's review.", "Merged into a wider action on the plan.",
        ];

        public static readonly string[] Evidence =
        [
            "Briefing circulated and attendance at the learning event recorded.", "Revised procedure published; version history kept.",
            "Re-audit showed the change in practice.", "Data provided and discussed at the meeting.",
        ];

        public static readonly string[] RaiserRoles =
        [
            "Social worker", "Designated safeguarding lead", "Named nurse for safeguarding children", "Health visitor",
            "Police officer", "Team manager", "School nurse", "Early help practitioner",
        ];

        public static readonly string[] EscalationSummaries =
        [
            "Disagreement about whether the referral met the threshold for a statutory assessment.",
            "Concern that the agreed plan was not being followed by the agency responsible.",
            "Information needed for a strategy discussion was not shared in time.",
            "Repeated delay in responding to requests for a multi-agency meeting.",
            "Different views on whether a child protection conference was needed.",
        ];

        public static readonly string[] StageNotes =
        [
            "Discussed between the managers; the difference remained.", "No response within the stage's timescale.",
            "Passed to senior managers after the meeting did not resolve it.",
        ];

        public static readonly string[] Outcomes =
        [
            "Agreed after discussion; the case was reconsidered.", "The original decision was upheld with reasons given.",
            "A multi-agency meeting was held and a plan agreed.",
        ];

        public static readonly string[] Impacts =
        [
            "The child was seen sooner and the family got help.", "The plan was clarified and the risks were shared.",
            "Little change for the child, but the agencies now talk earlier.",
        ];

        public static readonly string[] Learning =
        [
            "Share threshold guidance with the agency's front-line staff.", "Managers to talk earlier when views differ.",
            "Check consent and information-sharing rules are understood.",
        ];
    }
}
