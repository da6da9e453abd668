using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Data.Demo;

/// <summary>
/// The three multi-agency audits the Quality and Effectiveness Group completed in 2023-24, as the partnership's yearly
/// report for that year describes them: strategy meetings (a dip sample of 30), child sexual abuse (6 cases, JTAI
/// tool) and child-on-child abuse (10 children's files). Facts and figures are the report's; the wording is ours.
/// The report gives no dates, no reason for the child-on-child audit and no count of people the learning reached, so
/// the dates are placed in the quarter the report's order suggests, that audit's reason is recorded as a priority with
/// no note, and the number reached is left blank; it says the learning was taken out to practitioners, and the MASH
/// Group's audits are followed by learning circles.
/// </summary>
/// <remarks>
/// The action plans were in place by the year's end and are worked through in 2024-25, beside the group's other
/// actions in <see cref="DemoActions"/>, so as at 31 March 2024 none of them is complete yet.
/// </remarks>
public static class DemoAudits
{
    private const string QualityAndEffectiveness = "Quality and Effectiveness Group";
    private const string Team = "Partnership Team";

    public static async Task SeedAsync(PortalDbContext db, CancellationToken ct)
    {
        var group = await db.Groups.AsNoTracking().FirstAsync(g => g.Name == QualityAndEffectiveness, ct);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Name, o => o.Id, StringComparer.Ordinal, ct);
        var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.FullName, StringComparer.Ordinal, ct);
        List<AuditAgency> Agencies(params string[] names) => names.Select(n => new AuditAgency { OrganisationId = organisations[n] }).ToList();
        const string council = "Herefordshire Council";
        const string police = "West Mercia Police";
        const string icb = "NHS Herefordshire and Worcestershire Integrated Care Board";
        const string wvt = "Wye Valley NHS Trust";
        const string hwhct = "Herefordshire and Worcestershire Health and Care NHS Trust";

        var strategy = new Audit
        {
            Title = "Strategy meetings multi-agency audit",
            Theme = "Strategy meetings",
            ProgrammeYear = 2023,
            PlannedQuarter = 2,
            Reason = AuditReason.Data,
            ReasonNote = "The performance figures showed many strategy meetings as not quorate, and the group doubted how accurately agency attendance was being recorded.",
            Method = AuditMethod.DipSample,
            CasesSampled = 30,
            SampleDescription = "Thirty strategy meetings recorded as not quorate, picked at random. Each was checked for quoracy (children's social care, police and health as the minimum), the quality of its minutes, whether decisions and actions were recorded, and safety planning.",
            GroupId = group.Id,
            Status = AuditStatus.ActionsMonitored,
            StartedOn = new DateOnly(2023, 9, 4),
            ReportedOn = new DateOnly(2023, 11, 14),
            LearningShared = "The agencies that took part passed it on to their practitioners",
            Agencies = Agencies(council, police, icb, wvt),
            Findings =
            [
                Finding(FindingKind.Strength, "Looked at closely, most of the meetings recorded as not quorate did have social care, police and health present."),
                Finding(FindingKind.AreaForImprovement, "Attendance at strategy discussions is not recorded accurately, so the quoracy figures understate how often meetings are quorate."),
                Finding(FindingKind.AreaForImprovement, "Safety planning is not consistently evidenced in the record of the discussion."),
                Finding(FindingKind.AreaForImprovement, "Minutes vary in quality and do not always reach every agency that took part."),
            ],
        };

        var sexualAbuse = new Audit
        {
            Title = "Child sexual abuse multi-agency audit",
            Theme = "Child sexual abuse",
            ProgrammeYear = 2023,
            PlannedQuarter = 3,
            Reason = AuditReason.PractitionerConcern,
            ReasonNote = "Children's social care had identified cases where multi-agency involvement and follow-up needed to be better.",
            Method = AuditMethod.JtaiTool,
            CasesSampled = 6,
            SampleDescription = "Six cases identified by children's social care, audited with the Joint Targeted Area Inspection (JTAI) tool.",
            GroupId = group.Id,
            Status = AuditStatus.ActionsMonitored,
            StartedOn = new DateOnly(2023, 10, 2),
            ReportedOn = new DateOnly(2024, 1, 16),
            LearningShared = "The agencies that took part passed it on to their practitioners",
            Agencies = Agencies(council, police, wvt, hwhct),
            Findings =
            [
                Finding(FindingKind.Strength, "Communication inside each agency was often a strength."),
                Finding(FindingKind.Strength, "Several assessments were written to the child and took clear account of their voice and needs."),
                Finding(FindingKind.Strength, "Practitioners spoke well of the sexual abuse training delivered through Wye Valley NHS Trust."),
                Finding(FindingKind.Strength, "Where CAMHS were involved their input was positive, with the child's voice at the centre of care planning."),
                Finding(FindingKind.AreaForImprovement, "Strategy meetings were not always called when they should have been."),
                Finding(FindingKind.AreaForImprovement, "Assessments did not consider the ethnic and cultural identity of the child or their family."),
                Finding(FindingKind.AreaForImprovement, "Actions agreed between agencies were delayed."),
                Finding(FindingKind.AreaForImprovement, "Management oversight of the cases needs to be stronger."),
            ],
        };

        var childOnChild = new Audit
        {
            Title = "Child-on-child abuse multi-agency audit",
            Theme = "Child-on-child abuse",
            ProgrammeYear = 2023,
            PlannedQuarter = 4,
            Reason = AuditReason.Priority,
            ReasonNote = null,
            Method = AuditMethod.CaseFileAudit,
            CasesSampled = 10,
            SampleDescription = "Ten children's files from referrals to the MASH between June and November 2023 screened at levels 3 and 4 of Right Help, Right Time: seven children said to have been harmed and three said to have caused harm.",
            GroupId = group.Id,
            Status = AuditStatus.ActionsMonitored,
            StartedOn = new DateOnly(2024, 1, 8),
            ReportedOn = new DateOnly(2024, 3, 12),
            LearningShared = "Learning circles with the MASH agencies",
            Agencies = Agencies(council, police, hwhct),
            Findings =
            [
                Finding(FindingKind.Strength, "MASH screening works well: referrals were screened at the right level."),
                Finding(FindingKind.Strength, "Agencies worked well together and knew the children and families well, so each could contribute."),
                Finding(FindingKind.Strength, "Strategy meetings were generally quorate."),
                Finding(FindingKind.AreaForImprovement, "The child's voice is present but could come through more strongly and meaningfully."),
                Finding(FindingKind.AreaForImprovement, "Not every strategy meeting took place within timescales or was held jointly for both children involved."),
                Finding(FindingKind.AreaForImprovement, "The chair's summary should show the reasoning for the threshold decision, and record any disagreement between professionals."),
                Finding(FindingKind.AreaForImprovement, "Referring agencies are not always told the outcome of their referral."),
            ],
        };

        db.Audits.AddRange(strategy, sexualAbuse, childOnChild);
        await db.SaveChangesAsync(ct);

        // The action plans agreed at the start of 2024-25 for the areas for improvement; the rest are taken up in the
        // agencies' own plans, which the partnership does not track.
        var plans = new (AuditFinding Finding, string Title, string Owner, DateOnly Due, DateOnly? Done)[]
        {
            (strategy.Findings[1], "Correct how agency attendance at strategy discussions is recorded, so the quoracy figures are accurate", "Priya Chandran", new(2024, 6, 30), new(2024, 6, 18)),
            (strategy.Findings[3], "Agree one template for strategy meeting minutes, with the safety plan, and send the minutes to every agency present", "Graham Lister", new(2024, 9, 30), new(2024, 9, 24)),
            (sexualAbuse.Findings[4], "Deliver multi-agency training on responding to child sexual abuse, including when to call a strategy meeting", "Elaine Whitfield", new(2025, 3, 31), null),
            (sexualAbuse.Findings[5], "Add a prompt on the child's and family's ethnic and cultural identity to the assessment template", "Graham Lister", new(2024, 12, 31), new(2024, 12, 10)),
            (childOnChild.Findings[5], "Include the threshold reasoning, and any disagreement between professionals, in the strategy chair's summary", "Fiona Greaves", new(2024, 10, 31), new(2024, 11, 6)),
            (childOnChild.Findings[6], "Tell every referring agency the outcome of its referral", "Priya Chandran", new(2024, 7, 31), new(2024, 7, 29)),
        };
        foreach (var (finding, title, ownerName, due, done) in plans)
        {
            var owner = people[ownerName];
            var raised = new DateOnly(2024, 4, 16);
            var action = new ActionItem
            {
                Title = title,
                GroupId = group.Id,
                OwnerPersonId = owner.Id,
                OwnerOrganisationId = owner.OrganisationId,
                DueDate = due,
                Source = ActionSource.Audit,
                AuditFindingId = finding.Id,
                SourceReference = finding.Audit!.Title,
                Status = done is null ? ActionStatus.OnTrack : ActionStatus.Completed,
                CompletedOn = done,
                CompletionEvidence = done is null ? null : "Checked by the Quality and Effectiveness Group against a sample of recent cases.",
                CompletionRequestedAt = done is { } d ? d.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc) : null,
                CompletionRequestedBy = done is null ? null : owner.FullName,
                SignedOffAt = done is { } s ? s.AddDays(2).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc) : null,
                SignedOffBy = done is null ? null : Team,
            };
            db.Actions.Add(action);
            db.ActionUpdates.Add(new ActionUpdate
            {
                ActionItem = action,
                At = raised.AddDays(30).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
                ByName = owner.FullName,
                Note = "Plan agreed with the agencies and work under way.",
                StatusBefore = ActionStatus.NotStarted,
                StatusAfter = ActionStatus.OnTrack,
            });
            if (done is { } completed)
            {
                db.ActionUpdates.Add(new ActionUpdate
                {
                    ActionItem = action,
                    At = completed.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
                    ByName = owner.FullName,
                    Note = "Done; the change is in place.",
                    StatusBefore = ActionStatus.OnTrack,
                    StatusAfter = ActionStatus.Completed,
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static AuditFinding Finding(FindingKind kind, string text) => new() { Kind = kind, Text = text, CreatedBy = Team };
}
