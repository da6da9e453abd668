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
    }
}
