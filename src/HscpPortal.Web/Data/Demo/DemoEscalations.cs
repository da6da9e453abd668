using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure.BankHolidays;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Data.Demo;

/// <summary>
/// The demo partnership's escalations (professional differences) from 2020-21 to 2024-25, with their stages,
/// and the actions that came from what was learnt.
/// </summary>
/// <remarks>
/// The pattern follows the facts the 2023-24 yearly report gives about its review of escalations: 11 notified in
/// 2023-24, more since the policy was relaunched in September 2022, most escalations that reached stage 2
/// resolved there, the higher stages reached mostly because the responding agency did not answer in time, schools
/// and health raising most and children's services receiving most. Every case, reference and sentence is invented.
/// Each stage's due date comes from <see cref="EscalationProtocol.DueOn"/> over the shipped bank holidays; a stage
/// that ran past its due date moved up for no timely response, otherwise because the disagreement remained.
/// Nothing depends on the clock or on random numbers.
/// </remarks>
public static class DemoEscalations
{
    private const string Council = "Herefordshire Council";
    private const string WyeValley = "Wye Valley NHS Trust";
    private const string HealthAndCare = "Herefordshire and Worcestershire Health and Care NHS Trust";
    private const string GeneralPractice = "Herefordshire General Practice and Primary Care";
    private const string Police = "West Mercia Police";
    private const string Primary = "Herefordshire Primary Schools";
    private const string Secondary = "Herefordshire Secondary Schools and Academies";
    private const string Special = "Herefordshire Special Schools";
    private const string EarlyYears = "Herefordshire Early Years and Children's Centre Providers";
    private const string YouthJustice = "West Mercia Youth Justice Service";
    private const string WomensAid = "West Mercia Women's Aid";

    private const string QualityAndEffectiveness = "Quality and Effectiveness Group";
    private const string RecordedBy = "Partnership Team";

    private const string Dsl = "Designated safeguarding lead";
    private const string NamedNurse = "Named nurse for safeguarding children";

    /// <summary>Open means the last stage has no end: the escalation is still at that stage.</summary>
    private const int Open = -1;

    public static async Task SeedAsync(PortalDbContext db, EscalationProtocol protocol, CancellationToken ct)
    {
        var calendar = new WorkingDayCalendar(BankHolidayFeed.Shipped().Select(h => h.Date));
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Name, o => o.Id, StringComparer.Ordinal, ct);
        var people = await db.People.AsNoTracking()
            .Select(p => new { p.Id, p.FullName, p.OrganisationId })
            .ToDictionaryAsync(p => p.FullName, StringComparer.Ordinal, ct);
        var qualityGroup = await db.Groups.AsNoTracking().Where(g => g.Name == QualityAndEffectiveness).Select(g => g.Id).SingleAsync(ct);

        var plans = Plans();
        var escalations = new List<Escalation>();
        foreach (var year in plans.GroupBy(p => ReportingYear.Containing(p.RaisedOn)).OrderBy(g => g.Key.StartYear))
        {
            var number = 0;
            foreach (var plan in year.OrderBy(p => p.RaisedOn))
            {
                number++;
                escalations.Add(Build(plan, $"ESC-{year.Key.StartYear}-{number:000}", organisations, protocol, calendar));
            }
        }

        await using var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(ct)
            : null;

        db.Escalations.AddRange(escalations);
        await db.SaveChangesAsync(ct);

        var byReference = escalations.ToDictionary(e => e.Reference, StringComparer.Ordinal);
        foreach (var action in Actions())
        {
            var owner = people.TryGetValue(action.Owner, out var person)
                ? person
                : throw new InvalidOperationException($"Demo escalations refer to an unknown person '{action.Owner}'.");
            var entity = new ActionItem
            {
                Title = action.Title,
                Description = action.Description,
                GroupId = qualityGroup,
                OwnerPersonId = owner.Id,
                OwnerOrganisationId = owner.OrganisationId,
                DueDate = action.Due,
                Status = action.Status,
                Source = ActionSource.Escalation,
                EscalationId = byReference[action.Escalation].Id,
            };
            if (action.Status == ActionStatus.Completed)
            {
                entity.CompletionEvidence = action.Evidence;
                entity.CompletionRequestedAt = action.Due.AddDays(-7).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
                entity.CompletionRequestedBy = owner.FullName;
                entity.CompletedOn = action.Due;
                entity.SignedOffAt = action.Due.ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc);
                entity.SignedOffBy = "Claire Ashdown";
            }

            db.Actions.Add(entity);
        }

        await db.SaveChangesAsync(ct);

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
    }

    private static Escalation Build(
        EscalationPlan plan, string reference, Dictionary<string, int> organisations, EscalationProtocol protocol, WorkingDayCalendar calendar)
    {
        int Organisation(string name) => organisations.TryGetValue(name, out var id)
            ? id
            : throw new InvalidOperationException($"Demo escalations refer to an unknown organisation '{name}'.");

        var raisedOn = calendar.OnOrAfter(plan.RaisedOn);
        var escalation = new Escalation
        {
            Reference = reference,
            RaisedOn = raisedOn,
            RaisingOrganisationId = Organisation(plan.Raising),
            RaiserRole = plan.RaiserRole,
            ConcernedOrganisationId = Organisation(plan.Concerned),
            Category = plan.Category,
            CaseReference = plan.CaseReference,
            Summary = plan.Summary,
        };

        var start = raisedOn;
        StageMoveReason? reason = null;
        for (var i = 0; i < plan.Days.Length; i++)
        {
            var number = i + 1;
            var due = protocol.DueOn(number, start, calendar);
            DateOnly? ended = plan.Days[i] == Open ? null : calendar.AddWorkingDays(start, plan.Days[i]);
            var stage = new EscalationStage
            {
                Stage = number,
                StartedOn = start,
                DueOn = due,
                EndedOn = ended,
                Reason = reason,
                Note = reason switch
                {
                    StageMoveReason.NoTimelyResponse => "No response from the responding agency within the stage's timescale.",
                    StageMoveReason.StillDisagree => "Discussed at the previous stage; the professional difference remained.",
                    _ => null,
                },
                RecordedAt = start.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
                RecordedBy = RecordedBy,
            };
            escalation.Stages.Add(stage);
            if (ended is { } end)
            {
                start = end;
                reason = end > due ? StageMoveReason.NoTimelyResponse : StageMoveReason.StillDisagree;
            }
        }

        escalation.CurrentStage = plan.Days.Length;
        if (plan.Days[^1] != Open)
        {
            escalation.ResolvedOn = escalation.Stages[^1].EndedOn;
            escalation.ResolvedAtStage = plan.Days.Length;
            escalation.Outcome = plan.Outcome;
            escalation.ImpactForChild = plan.Impact;
            escalation.Learning = plan.Learning;
        }

        return escalation;
    }

    private static DateOnly On(int year, int month, int day) => new(year, month, day);

    private sealed record EscalationPlan(
        DateOnly RaisedOn,
        string Raising,
        string RaiserRole,
        string Concerned,
        EscalationCategory Category,
        string CaseReference,
        string Summary,
        int[] Days,
        string? Outcome = null,
        string? Impact = null,
        string? Learning = null);

    private sealed record ActionPlan(string Escalation, string Title, string Description, string Owner, DateOnly Due, ActionStatus Status, string? Evidence = null);

    // Days: working days spent at each stage in turn; the last stage ends with the resolution, or is Open.
    // Timescales by default: 2, 5, 5 and 10 working days, so [4, 3] drifted at stage 1 and was resolved at stage 2.
    private static List<EscalationPlan> Plans() =>
    [
        // 2020-21: before the policy relaunch, few escalations reached the partnership.
        new(On(2020, 6, 16), Secondary, Dsl, Council, EscalationCategory.ThresholdDecision, "HSCP-C-0107",
            "School disagreed with a decision to close a referral after one home visit.", [2, 4],
            "Referral reopened and a single assessment completed.", "The child and family were offered early help support."),
        new(On(2020, 11, 3), WyeValley, NamedNurse, Council, EscalationCategory.InformationSharing, "HSCP-C-0133",
            "Hospital team had not been told the outcome of a referral they made.", [2],
            "Outcome shared and a named contact agreed.", "Discharge planning included the social worker."),
        new(On(2021, 2, 9), Primary, Dsl, Police, EscalationCategory.PlanNotFollowed, "HSCP-C-0158",
            "Agreed joint visit did not take place.", [2, 6, 5],
            "Joint visit rearranged and the plan reviewed.", "The child's account was heard with the school present."),

        // 2021-22.
        new(On(2021, 5, 11), HealthAndCare, "CAMHS team manager", Council, EscalationCategory.ThresholdDecision, "HSCP-C-0171",
            "Service disagreed with a step-down to early help.", [1, 5],
            "Child in need plan kept for a further three months.", "The plan continued with health attending reviews."),
        new(On(2021, 9, 21), Primary, Dsl, Council, EscalationCategory.ResponseDelay, "HSCP-C-0196",
            "No response to a request for a network meeting.", [4, 4],
            "Network meeting held.", "Attendance support agreed between school and family."),
        new(On(2021, 12, 7), WomensAid, "Children's service manager", Police, EscalationCategory.InformationSharing, "HSCP-C-0214",
            "Domestic abuse notification not shared with the service working with the family.", [2],
            "Notification process clarified.", "Safety planning with the parent updated."),
        new(On(2022, 3, 1), GeneralPractice, "GP safeguarding lead", Council, EscalationCategory.PlanNotFollowed, "HSCP-C-0229",
            "GP not invited to a child protection review conference.", [2, 3],
            "Invitation lists checked and corrected.", "Health information was available at the next review."),

        // 2022-23: more escalations after the relaunch of the professional differences policy in September 2022.
        new(On(2022, 5, 17), Secondary, Dsl, Council, EscalationCategory.ThresholdDecision, "HSCP-C-0251",
            "School disagreed with a no-further-action decision after a disclosure.", [2, 4],
            "Strategy discussion held.", "Section 47 enquiry completed and support put in place."),
        new(On(2022, 7, 5), WyeValley, NamedNurse, Council, EscalationCategory.ResponseDelay, "HSCP-C-0266",
            "Delay in arranging a strategy discussion for a child admitted to hospital.", [3, 5],
            "Strategy discussion held before discharge.", "A safety plan was in place when the child went home."),
        new(On(2022, 9, 27), Primary, Dsl, Council, EscalationCategory.PlanNotFollowed, "HSCP-C-0283",
            "Actions from a core group were not carried out.", [2, 5],
            "Core group reconvened with named owners for each action.", "The plan's actions were completed within a month."),
        new(On(2022, 10, 18), EarlyYears, "Nursery manager", Council, EscalationCategory.ThresholdDecision, "HSCP-C-0291",
            "Nursery disagreed with the level of need given to a referral.", [1],
            "Threshold discussed and the referral accepted for assessment.", "The family received a family support worker."),
        new(On(2022, 11, 22), HealthAndCare, "Health visitor", Council, EscalationCategory.InformationSharing, "HSCP-C-0304",
            "Health visitor not told of a change of address of a child on a plan.", [2, 7, 4],
            "Information-sharing agreement between teams restated.", "Health visits resumed at the new address."),
        new(On(2023, 1, 24), Special, Dsl, WyeValley, EscalationCategory.InformationSharing, "HSCP-C-0317",
            "School not told of hospital appointments affecting a care plan.", [2, 2],
            "Appointment information shared with consent.", "The school adjusted the child's timetable around treatment."),
        new(On(2023, 3, 7), YouthJustice, "Youth justice case manager", Council, EscalationCategory.PlanNotFollowed, "HSCP-C-0329",
            "Exploitation risk assessment not reviewed as agreed.", [2, 3],
            "Risk assessment reviewed at a multi-agency meeting.", "Disruption activity agreed with the police."),

        // 2023-24: 11 escalations, all resolved.
        new(On(2023, 4, 18), Primary, Dsl, Council, EscalationCategory.PlanNotFollowed, "HSCP-C-0388",
            "School concerned that agreed home visits under a child in need plan had stopped.", [2],
            "Visits restarted and the plan's review date brought forward.", "The child's attendance improved over the following term."),
        new(On(2023, 5, 10), WyeValley, NamedNurse, Council, EscalationCategory.ResponseDelay, "HSCP-C-0396",
            "Hospital requested a strategy discussion for a child admitted after self-harm; scheduling was delayed.", [4, 3],
            "Strategy meeting held; section 47 enquiries started with a plan towards an initial child protection conference.",
            "The child was discharged with a safety plan agreed by the family, the ward and children's services.",
            "Requests for strategy discussions from health need a tracked response time in the MASH."),
        new(On(2023, 6, 6), Secondary, Dsl, Council, EscalationCategory.ThresholdDecision, "HSCP-C-0401",
            "School disagreed with a decision that a referral did not meet the threshold for assessment.", [2, 4],
            "Managers agreed an assessment was needed.", "The young person was allocated a social worker and a mentor at school."),
        new(On(2023, 6, 21), HealthAndCare, "CAMHS team manager", Council, EscalationCategory.InformationSharing, "HSCP-C-0409",
            "Mental health service not told of a change in a child's plan.", [1],
            "Practitioners agreed a single contact point.", "Therapy appointments were kept during the change of placement."),
        new(On(2023, 7, 11), Special, Dsl, Council, EscalationCategory.PlanNotFollowed, "HSCP-C-0412",
            "Agreed transport and respite arrangements in a child's plan had not started.", [2, 8, 4],
            "Heads of service agreed interim arrangements and a date for the full package.",
            "The child's respite began before the summer holiday."),
        new(On(2023, 9, 19), GeneralPractice, "GP safeguarding lead", Council, EscalationCategory.ThresholdDecision, "HSCP-C-0427",
            "Practice disagreed with closing a case while concerns about neglect continued.", [2, 5],
            "Case kept open for a neglect assessment using the partnership's toolkit.", "The family accepted a support plan for the younger children."),
        new(On(2023, 10, 10), Primary, Dsl, Council, EscalationCategory.PlanNotFollowed, "HSCP-C-0433",
            "School concerned that the agreed plan was not followed and calls to the social worker and manager went unanswered.", [5, 9, 8, 6],
            "A meeting of the family, school, education safeguarding and the social worker agreed the plan, with regular network meetings.",
            "The school reported the situation had improved; weekly safe and well checks continue and the child is returning to school gradually.",
            "Stage timescales were not known to every team manager; responses drifted at each stage before reaching the partnership."),
        new(On(2023, 11, 14), EarlyYears, "Nursery manager", HealthAndCare, EscalationCategory.InformationSharing, "HSCP-C-0448",
            "Nursery not included in health visiting reviews for a child with developmental delay.", [2, 3],
            "Nursery invited to the next review.", "A shared plan for speech and language support was agreed."),
        new(On(2023, 12, 5), WyeValley, "Safeguarding nurse", Police, EscalationCategory.InformationSharing, "HSCP-C-0452",
            "Emergency department not told of a police protection decision affecting a child in its care.", [1, 4, 5],
            "Senior managers agreed how such decisions reach the hospital out of hours.",
            "Staff knew who could collect the child and the discharge was safe.",
            "Out-of-hours police decisions need a route to hospital teams."),
        new(On(2024, 1, 16), Secondary, Dsl, Council, EscalationCategory.ResponseDelay, "HSCP-C-0467",
            "No response to the school's request to review a plan after new exploitation concerns.", [2, 7, 3],
            "Plan reviewed with the exploitation team; a Get Safe screening completed.", "The young person was offered a trusted adult and a safety plan."),
        new(On(2024, 2, 27), Police, "Detective sergeant", Council, EscalationCategory.ThresholdDecision, "HSCP-C-0474",
            "Police disagreed with a decision not to hold a strategy discussion.", [2, 2],
            "Strategy discussion held.", "Joint enquiries went ahead and the child's siblings were seen."),

        // 2024-25: still open.
        new(On(2024, 6, 11), Primary, Dsl, Council, EscalationCategory.PlanNotFollowed, "HSCP-C-0502",
            "Agreed family group conference not arranged.", [2, Open]),
        new(On(2024, 9, 17), WyeValley, NamedNurse, Council, EscalationCategory.ResponseDelay, "HSCP-C-0519",
            "Delay in a response to a referral about an unborn baby.", [5, 9, Open]),
        new(On(2024, 11, 5), Secondary, Dsl, HealthAndCare, EscalationCategory.InformationSharing, "HSCP-C-0527",
            "School not told of a change to a pupil's mental health support.", [Open]),
        new(On(2025, 1, 21), Police, "Detective sergeant", Council, EscalationCategory.ThresholdDecision, "HSCP-C-0534",
            "Police disagreed with a step-down of a case after a missing episode.", [2, Open]),
    ];

    private static List<ActionPlan> Actions() =>
    [
        new("ESC-2023-007", "Brief team managers on the professional differences timescales",
            "Learning from an escalation that drifted at every stage: every children's services team manager to know the stage timescales and who to go to next.",
            "Tom Brereton", On(2024, 5, 31), ActionStatus.Completed,
            "Briefing given at the managers' forum in May 2024; the timescales are now in the team manager induction pack."),
        new("ESC-2023-002", "Track health requests for strategy discussions in the MASH",
            "Each request from health to be logged with the date asked and the date the discussion was held, reported monthly to the MASH Group.",
            "Priya Chandran", On(2024, 7, 31), ActionStatus.Completed,
            "Tracker in use from June 2024; the MASH Group receives the monthly figures."),
        new("ESC-2023-009", "Agree an out-of-hours route for police protection decisions to reach hospital teams",
            "Police and the acute trust to agree who tells the emergency department, and how, when a child in hospital is subject to a police protection decision.",
            "Sarah Kemble", On(2024, 12, 31), ActionStatus.OnTrack),
    ];
}
