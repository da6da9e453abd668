using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Data.Demo;

/// <summary>
/// The demo partnership's business-plan priorities and each subgroup's action plan for 2024-25, with dated
/// progress updates, chair sign-offs and a few cancelled or revised actions, drawn from the priorities the 2023-24
/// yearly report set for the following year.
/// </summary>
/// <remarks>
/// Everything here is fixed in 2024-25 except the "live" actions at the end, whose due dates are set relative to
/// the day the demo is seeded. Without them a demo opened today would have nothing due soon and nothing for the
/// daily digest to send, because the demo's meetings end in 2025. They are the only demo records that follow the
/// clock, and the seeding day is passed in so tests can pin it.
/// </remarks>
public static class DemoActions
{
    private const string Board = "Strategic Partners Board";
    private const string QualityAndEffectiveness = "Quality and Effectiveness Group";
    private const string JointCaseReview = "Joint Case Review Group";
    private const string DevelopmentAndPractice = "Development and Practice Group";
    private const string ChildExploitation = "Child Exploitation and Missing Group";
    private const string Mash = "MASH Group";

    public static async Task SeedAsync(PortalDbContext db, DateOnly today, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.FullName, StringComparer.Ordinal, ct);
        var groups = await db.Groups.AsNoTracking().ToDictionaryAsync(g => g.Name, StringComparer.Ordinal, ct);

        var priorities = Priorities(groups);
        db.Priorities.AddRange(priorities.Values);
        await db.SaveChangesAsync(ct);

        var plans = Plans().Concat(Live(today)).ToList();
        var actions = plans.Select(p => p.ToEntity(people, groups, priorities)).ToList();
        db.Actions.AddRange(actions);
        await db.SaveChangesAsync(ct);

        for (var i = 0; i < plans.Count; i++)
        {
            db.ActionUpdates.AddRange(plans[i].Trail(actions[i], people));
        }

        await db.SaveChangesAsync(ct);
    }

    private static Dictionary<string, Priority> Priorities(Dictionary<string, Group> groups)
    {
        Priority Make(string key, string title, string description, string from, string? to, string? lead, int order) =>
            new()
            {
                Title = title,
                Description = description,
                FromYear = from,
                ToYear = to,
                LeadGroupId = lead is null ? null : groups[lead].Id,
                Order = order,
            };

        return new Dictionary<string, Priority>(StringComparer.Ordinal)
        {
            ["rhrt"] = Make("rhrt", "Right help, right time",
                "Children get help at the level their needs call for, and the front door makes good, timely decisions.", "2023-24", null, Mash, 1),
            ["exploitation"] = Make("exploitation", "Child exploitation",
                "A shared approach to children at risk of exploitation, built on the Get Safe model, with safe transitions into adulthood.", "2023-24", null, ChildExploitation, 2),
            ["neglect"] = Make("neglect", "Child neglect",
                "Practitioners recognise and respond to neglect early, using the partnership's neglect strategy and tools.", "2023-24", null, DevelopmentAndPractice, 3),
            ["leadership"] = Make("leadership", "Leadership and accountability",
                "The partners lead the arrangements together, in line with Working Together 2023 and the children's services improvement plan.", "2023-24", null, Board, 4),
            ["assurance"] = Make("assurance", "Quality assurance and performance",
                "A multi-agency dataset, a programme of audits and the Section 11 and 175 cycle tell the partners how well children are safeguarded.", "2024-25", null, QualityAndEffectiveness, 5),
            ["reviews"] = Make("reviews", "Learning from case reviews",
                "Rapid reviews and practice reviews are timely, and their learning changes practice.", "2024-25", null, JointCaseReview, 6),
            ["trauma"] = Make("trauma", "Trauma-informed practice",
                "Practitioners across the partnership work in a trauma-informed way.", "2023-24", "2023-24", DevelopmentAndPractice, 7),
        };
    }

    private static IEnumerable<PlannedAction> Plans()
    {
        // Quality and Effectiveness: the dataset, audits and the Section 11 cycle.
        yield return new PlannedAction(QualityAndEffectiveness, "Add police and health indicators to the multi-agency dataset", "Owen Pryce",
            ActionSource.BusinessPlan, null, "assurance", On(2024, 9, 30), ActionStatus.Completed)
            .Update(On(2024, 6, 12), "Owen Pryce", "Police indicators agreed; health indicators waiting on the ICB's data sharing agreement.", ActionStatus.OnTrack)
            .Update(On(2024, 9, 20), "Owen Pryce", "Both sets of indicators are in the September dataset.", ActionStatus.OnTrack)
            .Complete(On(2024, 10, 3), "The group now sees police and health figures beside children's services data, and asked two challenge questions of health in October from them.", "Claire Ashdown");
        yield return new PlannedAction(QualityAndEffectiveness, "Run the multi-agency audit of strategy meetings", "Graham Lister",
            ActionSource.BusinessPlan, null, "assurance", On(2024, 11, 30), ActionStatus.Completed)
            .Update(On(2024, 9, 5), "Graham Lister", "Thirty cases sampled; auditors from the council, police and health confirmed.", ActionStatus.OnTrack)
            .Complete(On(2024, 12, 5), "Findings reported to the group: attendance of health at strategy meetings rose after the audit's interim feedback.", "Claire Ashdown");
        yield return new PlannedAction(QualityAndEffectiveness, "Follow up agencies' Section 11 improvement actions", "Jamie Corbett",
            ActionSource.Section11, "Section 11 self-assessment 2023", "assurance", On(2024, 12, 31), ActionStatus.AtRisk)
            .Update(On(2024, 10, 15), "Jamie Corbett", "Twelve of nineteen agencies have returned updates.", ActionStatus.OnTrack)
            .Update(On(2024, 12, 10), "Jamie Corbett", "Five agencies still to respond; reminders sent through their board members.", ActionStatus.AtRisk);
        yield return new PlannedAction(QualityAndEffectiveness, "Review the Section 175 returns from schools", "Rebecca Thorne",
            ActionSource.Section11, "Section 175 audit 2024", "assurance", On(2025, 2, 28), ActionStatus.OnTrack)
            .Update(On(2024, 12, 2), "Rebecca Thorne", "Returns received from 82% of schools.", ActionStatus.OnTrack);
        yield return new PlannedAction(QualityAndEffectiveness, "Publish the multi-agency dataset to the partnership's shared area each quarter", "Owen Pryce",
            ActionSource.Scrutiny, "Scrutineer's challenge on sharing performance data", "assurance", On(2025, 1, 31), ActionStatus.Cancelled)
            .Update(On(2024, 11, 20), "Owen Pryce", "The shared Herefordshire and Worcestershire data project will publish the dataset instead.", ActionStatus.NotStarted)
            .Cancel(On(2024, 11, 28), "Superseded: the joint data project publishes the dataset from April 2025.", "Claire Ashdown");

        // MASH Group: the front door.
        yield return new PlannedAction(Mash, "Audit the timeliness of MASH decisions on contacts from schools", "Priya Chandran",
            ActionSource.BusinessPlan, null, "rhrt", On(2024, 10, 31), ActionStatus.Completed)
            .Update(On(2024, 9, 18), "Priya Chandran", "Sample of 40 contacts reviewed.", ActionStatus.OnTrack)
            .Complete(On(2024, 11, 4), "Decisions within one working day rose from 78% to 91% once school contacts were triaged on receipt.", "Priya Chandran");
        yield return new PlannedAction(Mash, "Agree how health practitioners in the MASH record their contributions to decisions", "Emma Clifford",
            ActionSource.BusinessPlan, null, "rhrt", On(2024, 12, 31), ActionStatus.OffTrack)
            .Update(On(2024, 11, 6), "Emma Clifford", "Recording template drafted; the case management system change has not been scheduled.", ActionStatus.AtRisk)
            .Update(On(2025, 1, 8), "Emma Clifford", "System change is now planned for the next release; the due date will slip.", ActionStatus.OffTrack);
        yield return new PlannedAction(Mash, "Relaunch the Right Help, Right Time levels of need guidance", "Sophie Marlow",
            ActionSource.BusinessPlan, null, "rhrt", On(2025, 1, 31), ActionStatus.OnTrack)
            .Update(On(2024, 12, 12), "Sophie Marlow", "Draft consulted on with schools and health.", ActionStatus.OnTrack, revisedDue: On(2025, 3, 31),
                because: "Consultation extended to include early years settings.");

        // Joint Case Review Group: reviews and their learning.
        yield return new PlannedAction(JointCaseReview, "Publish a seven-minute briefing on the learning from the Child F review", "Jamie Corbett",
            ActionSource.CaseReview, "LCSPR Child F, recommendation 2", "reviews", On(2024, 8, 31), ActionStatus.Completed)
            .Complete(On(2024, 8, 28), "Briefing downloaded 240 times; used in four team meetings the group heard about.", "Karen Mellor");
        yield return new PlannedAction(JointCaseReview, "Check that midwifery and health visiting handover changes have held", "Joanne Tilley",
            ActionSource.CaseReview, "Rapid review, head injury (2023), recommendation 1", "reviews", On(2024, 11, 30), ActionStatus.OnTrack)
            .Update(On(2024, 10, 2), "Joanne Tilley", "Spot check of 20 handovers arranged for November.", ActionStatus.OnTrack);
        yield return new PlannedAction(JointCaseReview, "Agree a timetable for the thematic review of adolescent neglect", "Karen Mellor",
            ActionSource.CaseReview, "Thematic review scoping, 2024", "neglect", On(2025, 2, 28), ActionStatus.NotStarted);

        // Development and Practice: learning and policies.
        yield return new PlannedAction(DevelopmentAndPractice, "Relaunch the Level 2 and Level 3 Working Together courses", "Ben Hollis",
            ActionSource.BusinessPlan, null, "neglect", On(2024, 9, 30), ActionStatus.Completed)
            .Update(On(2024, 7, 10), "Ben Hollis", "Trainers recruited; first dates published.", ActionStatus.OnTrack)
            .Complete(On(2024, 10, 1), "Courses ran at 85% of places filled; evaluations show confidence in recognising neglect rose after the course.", "Daniel Whitlock");
        yield return new PlannedAction(DevelopmentAndPractice, "Review and relaunch the professional differences policy", "Daniel Whitlock",
            ActionSource.BusinessPlan, null, "leadership", On(2024, 9, 30), ActionStatus.OffTrack)
            .Update(On(2024, 8, 20), "Daniel Whitlock", "Waiting for the analysis of escalations before drafting.", ActionStatus.AtRisk)
            .Update(On(2024, 10, 9), "Daniel Whitlock", "Draft delayed while the regional procedures are revised.", ActionStatus.OffTrack);
        yield return new PlannedAction(DevelopmentAndPractice, "Agree the engagement framework for children, young people and families", "Daniel Whitlock",
            ActionSource.BusinessPlan, null, "leadership", On(2024, 12, 31), ActionStatus.OnTrack)
            .Update(On(2024, 11, 14), "Daniel Whitlock", "Young people's panel reviewed the draft and asked for a simpler version.", ActionStatus.OnTrack);
        yield return new PlannedAction(DevelopmentAndPractice, "Roll out restorative practice training to partner agencies", "Natalie Brooks",
            ActionSource.BusinessPlan, null, "leadership", On(2025, 3, 31), ActionStatus.NotStarted);

        // Child Exploitation and Missing: Get Safe and transitions.
        yield return new PlannedAction(ChildExploitation, "Agree a transitions pathway with the adults board for young people at risk of exploitation", "Tom Brereton",
            ActionSource.BusinessPlan, null, "exploitation", On(2024, 12, 31), ActionStatus.AtRisk)
            .Update(On(2024, 10, 22), "Tom Brereton", "Joint workshop held with the adults board; ownership of the pathway not yet agreed.", ActionStatus.AtRisk);
        yield return new PlannedAction(ChildExploitation, "Report return home interview completion to each meeting", "Kerry Baines",
            ActionSource.Meeting, "Standing item agreed by the group", "exploitation", On(2024, 7, 31), ActionStatus.Completed)
            .Complete(On(2024, 7, 25), "Completion within 72 hours is now reported each meeting and rose from 61% to 74% over the year.", "Tom Brereton");
        yield return new PlannedAction(ChildExploitation, "Map the children discussed at MACE against the missing episodes data", "Hannah Pike",
            ActionSource.BusinessPlan, null, "exploitation", On(2025, 1, 31), ActionStatus.OnTrack)
            .Update(On(2024, 12, 4), "Hannah Pike", "Data sharing agreed with the missing children team.", ActionStatus.OnTrack);
    }

    /// <summary>Actions due around the day the demo is seeded, so due-soon lists and reminders have something to show.</summary>
    private static IEnumerable<PlannedAction> Live(DateOnly today)
    {
        yield return new PlannedAction(QualityAndEffectiveness, "Check health's attendance at strategy meetings has held since the audit", "Joanne Tilley",
            ActionSource.Audit, "Multi-agency audit of strategy meetings", "assurance", today.AddDays(-12), ActionStatus.OnTrack)
            .Update(today.AddDays(-40), "Joanne Tilley", "Attendance data requested from the MASH.", ActionStatus.OnTrack);
        yield return new PlannedAction(QualityAndEffectiveness, "Present the quarter's dataset exceptions to the group", "Joanne Tilley",
            ActionSource.BusinessPlan, null, "assurance", today.AddDays(5), ActionStatus.NotStarted);
        yield return new PlannedAction(QualityAndEffectiveness, "Plan the next multi-agency audit on child sexual abuse", "Graham Lister",
            ActionSource.BusinessPlan, null, "assurance", today.AddDays(3), ActionStatus.AtRisk)
            .Update(today.AddDays(-7), "Graham Lister", "Auditors from two agencies not yet confirmed.", ActionStatus.AtRisk);
        yield return new PlannedAction(Mash, "Test the new referral form with schools", "Priya Chandran",
            ActionSource.BusinessPlan, null, "rhrt", today.AddDays(21), ActionStatus.OnTrack);
        yield return new PlannedAction(JointCaseReview, "Send the rapid review to the national panel", "Karen Mellor",
            ActionSource.CaseReview, "Rapid review, neglect (current)", "reviews", today.AddDays(-3), ActionStatus.OnTrack)
            .Update(today.AddDays(-10), "Karen Mellor", "Panel members have commented; final draft with the chair.", ActionStatus.OnTrack);
        yield return new PlannedAction(DevelopmentAndPractice, "Book venues for the spring neglect training", "Ben Hollis",
            ActionSource.BusinessPlan, null, "neglect", today.AddDays(30), ActionStatus.NotStarted);
    }

    private static DateOnly On(int year, int month, int day) => new(year, month, day);

    private static DateTime Noon(DateOnly date) => date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);

    private sealed class PlannedAction(
        string group, string title, string owner, ActionSource source, string? sourceReference, string priority, DateOnly due, ActionStatus status)
    {
        private readonly List<(DateOnly On, string By, string Note, ActionStatus After, DateOnly? RevisedDue)> updates = [];
        private (DateOnly On, string Evidence, string ChairName)? completion;
        private (DateOnly On, string Reason, string ChairName)? cancellation;

        public PlannedAction Update(DateOnly on, string by, string note, ActionStatus after, DateOnly? revisedDue = null, string? because = null)
        {
            updates.Add((on, by, because is null ? note : $"{note} {because}", after, revisedDue));
            return this;
        }

        public PlannedAction Complete(DateOnly on, string evidence, string chairName)
        {
            completion = (on, evidence, chairName);
            return this;
        }

        public PlannedAction Cancel(DateOnly on, string reason, string chairName)
        {
            cancellation = (on, reason, chairName);
            return this;
        }

        public ActionItem ToEntity(Dictionary<string, Person> people, Dictionary<string, Group> groups, Dictionary<string, Priority> priorities)
        {
            var person = people[owner];
            var action = new ActionItem
            {
                Title = title,
                GroupId = groups[group].Id,
                OwnerPersonId = person.Id,
                OwnerOrganisationId = person.OrganisationId,
                DueDate = due,
                Status = status,
                Source = source,
                SourceReference = sourceReference,
                PriorityId = priorities[priority].Id,
                // Raised before its first update or sign-off, or a quarter before it fell due: not on the day of seeding.
                CreatedAt = Noon(new[] { updates.Count > 0 ? updates.Min(u => u.On).AddDays(-14) : (DateOnly?)null, completion?.On.AddDays(-30), due.AddMonths(-3) }
                    .Where(d => d is not null).Min()!.Value),
            };
            if (updates.LastOrDefault(u => u.RevisedDue is not null).RevisedDue is { } revised)
            {
                action.DueDate = revised;
            }

            if (completion is { } done)
            {
                action.CompletionEvidence = done.Evidence;
                action.CompletionRequestedAt = Noon(done.On.AddDays(-1));
                action.CompletionRequestedBy = owner;
                action.CompletedOn = done.On;
                action.SignedOffAt = Noon(done.On);
                action.SignedOffBy = done.ChairName;
            }

            if (cancellation is { } cancelled)
            {
                action.ClosureReason = cancelled.Reason;
            }

            return action;
        }

        public IEnumerable<ActionUpdate> Trail(ActionItem action, Dictionary<string, Person> people)
        {
            var status = ActionStatus.NotStarted;
            var dueDate = action.OriginalDueDate;
            foreach (var u in updates)
            {
                yield return new ActionUpdate
                {
                    ActionItemId = action.Id,
                    At = Noon(u.On),
                    ByName = people[u.By].FullName,
                    ByUserId = people[u.By].UserId,
                    Note = u.Note,
                    StatusBefore = status,
                    StatusAfter = u.After,
                    DueDateBefore = u.RevisedDue is null ? null : dueDate,
                    DueDateAfter = u.RevisedDue,
                };
                status = u.After;
                dueDate = u.RevisedDue ?? dueDate;
            }

            if (completion is { } done)
            {
                yield return new ActionUpdate
                {
                    ActionItemId = action.Id,
                    At = Noon(done.On.AddDays(-1)),
                    ByName = owner,
                    Note = $"Asked for sign-off. Evidence of impact: {done.Evidence}",
                    StatusBefore = status,
                    StatusAfter = status,
                };
                yield return new ActionUpdate
                {
                    ActionItemId = action.Id,
                    At = Noon(done.On),
                    ByName = done.ChairName,
                    Note = "Signed off as complete.",
                    StatusBefore = status,
                    StatusAfter = ActionStatus.Completed,
                };
            }

            if (cancellation is { } cancelled)
            {
                yield return new ActionUpdate
                {
                    ActionItemId = action.Id,
                    At = Noon(cancelled.On),
                    ByName = cancelled.ChairName,
                    Note = $"Cancelled: {cancelled.Reason}",
                    StatusBefore = status,
                    StatusAfter = ActionStatus.Cancelled,
                };
            }
        }
    }
}
