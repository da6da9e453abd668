using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Data.Demo;

/// <summary>
/// The Independent Scrutineer's own record for 2023-24, from the facts of the arrangements and that year's report:
/// an observer's seat on the Independent Commission into families' experience of children's services, the two
/// check-and-challenge sessions on the Section 11 returns (every agency showed complaints, allegations, whistleblowing
/// and escalation procedures; how far each analyses learning from complaints varied), a review of the strategy
/// meetings audit's findings, and walk-the-floor activity. The report gives no dates and names no agency challenged,
/// so the dates are placed where the minutes put the work, and the two challenges (learning from complaints, and
/// attendance at review child protection conferences, which the group's new data showed) are ours.
/// The complaints challenge's response came late and was accepted after 31 March 2024, so the 2023-24 report shows it
/// as received and not yet decided; the wording is ours.
/// </summary>
public static class DemoScrutiny
{
    public const string ScrutineerName = "Geoffrey Hartland";

    public static async Task SeedAsync(PortalDbContext db, CancellationToken ct)
    {
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Name, o => o.Id, StringComparer.Ordinal, ct);
        const string council = "Herefordshire Council";
        const string icb = "NHS Herefordshire and Worcestershire Integrated Care Board";
        const string wvt = "Wye Valley NHS Trust";

        static DateTime Noon(DateOnly date) => date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        ScrutinyActivity Activity(ScrutinyActivityKind kind, DateOnly on, string subject, string findings, string? organisation = null) => new()
        {
            Kind = kind,
            HeldOn = on,
            Subject = subject,
            Findings = findings,
            OrganisationId = organisation is null ? null : organisations[organisation],
            CreatedAt = Noon(on),
            CreatedBy = ScrutineerName,
        };

        db.ScrutinyActivities.AddRange(
            Activity(ScrutinyActivityKind.MeetingObservation, new DateOnly(2023, 5, 24),
                "The Independent Commission to Consider Families' Experience of Children's Services, as an observer on its panel",
                "Families described services that did not listen and complaints that went nowhere. Four of the commission's recommendations are for the partnership, one of them on how every agency's complaints procedures work for families."),
            Activity(ScrutinyActivityKind.CheckAndChallenge, new DateOnly(2023, 10, 17),
                "Section 11 self-assessment: first check and challenge session, each agency presenting its return and its actions on areas rated inadequate or requiring improvement",
                "Agencies were open about their weaker areas, which were mostly about hearing the voice of the child rather than policy. Every agency could show complaints, managing allegations, whistleblowing and escalation procedures."),
            Activity(ScrutinyActivityKind.CheckAndChallenge, new DateOnly(2023, 11, 21),
                "Section 11 self-assessment: second check and challenge session, with each agency's answer to the commission's question on complaints procedures",
                "Good and outstanding practice in several agencies. The evidence that agencies analyse what complaints teach them, rather than only handle them, varied a great deal."),
            Activity(ScrutinyActivityKind.AuditReview, new DateOnly(2023, 11, 28),
                "The strategy meetings multi-agency audit's findings and action plan",
                "The audit showed that the quoracy figures were wrong rather than practice; the action plan deals with recording first, then safety planning and minutes."),
            Activity(ScrutinyActivityKind.WalkTheFloor, new DateOnly(2024, 2, 20),
                "Walk the floor with practitioners in the hospital's safeguarding and paediatric teams",
                "Practitioners knew the escalation policy and how to reach the front door. Few had heard of the partnership's learning briefings.", wvt));

        db.ScrutinyChallenges.AddRange(
            new ScrutinyChallenge
            {
                Title = "Health attendance at review child protection conferences",
                Detail = "The new conference attendance data shows review conferences where no health professional attended. Show the board how health attendance is planned and covered, and what has changed.",
                OrganisationId = organisations[icb],
                RaisedOn = new DateOnly(2023, 12, 5),
                ResponseDueOn = new DateOnly(2024, 1, 19),
                Response = "Attendance is now planned through the designated nurses, with named cover for absence, and the ICB reviews the figures monthly with its providers.",
                ResponseReceivedOn = new DateOnly(2024, 1, 17),
                RespondedBy = "Karen Mellor",
                Verdict = ChallengeVerdict.Accepted,
                VerdictOn = new DateOnly(2024, 2, 8),
                VerdictNote = "Accepted; the Quality and Effectiveness Group will watch the monthly figures.",
                CreatedAt = Noon(new DateOnly(2023, 12, 5)),
                CreatedBy = ScrutineerName,
            },
            new ScrutinyChallenge
            {
                Title = "Learning from complaints by families",
                Detail = "The check and challenge sessions showed complaints handled but little evidence that what they teach is analysed. Set out how complaints from families about children's services are analysed for learning, and how that learning is acted on.",
                OrganisationId = organisations[council],
                RaisedOn = new DateOnly(2023, 12, 12),
                ResponseDueOn = new DateOnly(2024, 2, 29),
                Response = "Complaints about children's services are now themed each quarter and the themes go to the practice improvement board; a first report will come to the partnership in the summer.",
                ResponseReceivedOn = new DateOnly(2024, 3, 20),
                RespondedBy = "Nadia Okafor",
                Verdict = ChallengeVerdict.Accepted,
                VerdictOn = new DateOnly(2024, 4, 25),
                VerdictNote = "Accepted, subject to the first quarterly report reaching the partnership.",
                CreatedAt = Noon(new DateOnly(2023, 12, 12)),
                CreatedBy = ScrutineerName,
            });
        await db.SaveChangesAsync(ct);
        await SeedFirstPlanAsync(db, ct);
    }

    /// <summary>
    /// The first scrutiny plan, for 2024-25: drafted in early 2024 and with the partners for review at the end of
    /// 2023-24 (so that year has no approved plan), then approved by each statutory partner's lead or delegated partner
    /// in the summer of 2024. Its items follow what the 2023-24 work showed; the wording is ours.
    /// </summary>
    private static async Task SeedFirstPlanAsync(PortalDbContext db, CancellationToken ct)
    {
        static DateTime Noon(DateOnly date) => date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        var drafted = new DateOnly(2024, 2, 6);
        var plan = new ScrutinyPlan
        {
            StartYear = 2024,
            Summary = "The first plan under the new arrangements: scrutiny follows the partnership's priorities and what the 2023-24 work showed, "
                + "seeing practice where it happens, reading case files and observing the partners' own meetings. Each item ends in a note to the delegated safeguarding partners.",
            Status = ScrutinyPlanStatus.ForApproval,
            SubmittedOn = new DateOnly(2024, 3, 12),
            CreatedAt = Noon(drafted),
            CreatedBy = ScrutineerName,
        };
        (ScrutinyActivityKind Kind, int Quarter, int? Month, string Subject, string Reason)[] items =
        [
            (ScrutinyActivityKind.MeetingObservation, 1, 6, "Observation of the delegated safeguarding partners meeting in its new six-weekly rhythm",
                "The partners moved to six-weekly themed meetings; the scrutineer checks that challenge between them is real."),
            (ScrutinyActivityKind.WalkTheFloor, 2, null, "Walk the floor at the front door and the multi-agency safeguarding hub",
                "About one contact in five became a referral in 2023-24; how decisions are made is worth seeing first hand."),
            (ScrutinyActivityKind.AuditReview, 2, null, "Review of the strategy meetings audit's action plan",
                "The audit found recording rather than practice at fault; the scrutineer checks the actions show that."),
            (ScrutinyActivityKind.CheckAndChallenge, 3, 11, "Follow-up on learning from complaints by families",
                "The 2023-24 challenge on complaints was accepted subject to a first quarterly report."),
            (ScrutinyActivityKind.CaseFileReview, 4, null, "Review of case files where early help contacts were not answered in 72 hours",
                "Early help contacts answered in time were well below target in 2023-24."),
        ];
        foreach (var (kind, quarter, month, subject, reason) in items)
        {
            plan.Items.Add(new ScrutinyPlanItem
            {
                Kind = kind, Quarter = quarter, PlannedMonth = month, Subject = subject, Reason = reason, CreatedAt = Noon(drafted), CreatedBy = ScrutineerName,
            });
        }

        db.ScrutinyPlans.Add(plan);
        await db.SaveChangesAsync(ct);

        var fingerprint = ScrutinyPlanRules.Fingerprint(plan.Summary, plan.Items.Select(i => (i.Id, i.Subject, i.Kind, i.Quarter, i.PlannedMonth, i.Reason, i.OrganisationId)));
        var partners = await db.Organisations.AsNoTracking().Where(o => o.StatutoryPartner != null)
            .OrderBy(o => o.StatutoryPartner).Select(o => o.Id).ToListAsync(ct);
        var approvedOn = new[] { new DateOnly(2024, 6, 18), new DateOnly(2024, 7, 2), new DateOnly(2024, 7, 9) };
        for (var i = 0; i < partners.Count; i++)
        {
            var on = approvedOn[Math.Min(i, approvedOn.Length - 1)];
            var seats = await db.PartnerRepresentatives.AsNoTracking().CurrentOn(on)
                .Where(r => r.OrganisationId == partners[i] && (r.Role == RepresentationRole.LeadPartner || r.Role == RepresentationRole.DelegatedPartner))
                .Select(r => new { r.PersonId, r.Person!.FullName, r.Role })
                .ToListAsync(ct);
            if (seats.OrderBy(r => r.Role).FirstOrDefault() is not { } seat)
            {
                continue;
            }

            db.ScrutinyPlanApprovals.Add(new ScrutinyPlanApproval
            {
                PlanId = plan.Id,
                OrganisationId = partners[i],
                PersonId = seat.PersonId,
                ApproverName = seat.FullName,
                ApproverRole = seat.Role,
                ApprovedOn = on,
                Fingerprint = fingerprint,
                CreatedAt = Noon(on),
                CreatedBy = seat.FullName,
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
