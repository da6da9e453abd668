using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Data.Demo;

/// <summary>
/// The Section 11 self-assessment of May 2023, as the partnership's 2023-24 report describes it: agencies used the West
/// Midlands regional tool, returns averaged green, the weaker answers were about hearing children rather than policy or
/// systems, and two check and challenge sessions chaired by the independent scrutineer followed in the autumn. The
/// report gives no agency's ratings, so the ratings here are invented to fit that account; the wording is ours.
/// Then the 2025 round, open: the council and the ICB have returned, Wye Valley has a draft, the others (the police
/// among them) have not started, so someone trying the demo can complete a return from last round's answers.
/// </summary>
public static class DemoSelfAssessments
{
    private const string QualityAndEffectiveness = "Quality and Effectiveness Group";

    // Who chaired the group from October 2023 (DemoStructure's seats), and so signed its actions off.
    private const string QualityAndEffectivenessChair = "Claire Ashdown";

    // One row per agency in scope: its lead in 2023, its lead in 2025, and its ten 2023 ratings (1 Fully met .. 4 Not met).
    private static readonly (string Organisation, string Lead2023, string Lead2025, int[] Ratings)[] Agencies =
    [
        ("Herefordshire Council", "Claire Ashdown", "Claire Ashdown", [1, 1, 1, 2, 1, 1, 1, 2, 2, 2]),
        ("NHS Herefordshire and Worcestershire Integrated Care Board", "Karen Mellor", "Karen Mellor", [1, 1, 1, 2, 1, 1, 1, 1, 1, 2]),
        ("West Mercia Police", "Sarah Kemble", "Ian Fairbairn", [1, 1, 1, 2, 2, 1, 1, 2, 2, 3]),
        ("Wye Valley NHS Trust", "Joanne Tilley", "Joanne Tilley", [1, 1, 1, 2, 2, 1, 1, 1, 1, 2]),
        ("Herefordshire and Worcestershire Health and Care NHS Trust", "Deborah Yates", "Deborah Yates", [1, 1, 1, 1, 2, 1, 1, 1, 2, 2]),
        ("West Midlands Ambulance Service University NHS Foundation Trust", "Paula Ainsworth", "Paula Ainsworth", [1, 2, 1, 3, 2, 1, 2, 2, 2, 3]),
        ("Herefordshire General Practice and Primary Care", "Dr Peter Lyall", "Dr Peter Lyall", [2, 1, 2, 3, 2, 1, 2, 2, 3, 3]),
        ("West Mercia Youth Justice Service", "Craig Mansell", "Craig Mansell", [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
        ("The Probation Service", "Angela Rowe", "Angela Rowe", [1, 1, 1, 2, 1, 1, 1, 2, 1, 2]),
        ("Hereford & Worcester Fire and Rescue Service", "Neil Stanton", "Neil Stanton", [1, 2, 1, 2, 3, 1, 2, 2, 2, 3]),
    ];

    private static readonly string[] FirstSession =
    [
        "Herefordshire Council", "NHS Herefordshire and Worcestershire Integrated Care Board", "West Mercia Police", "Wye Valley NHS Trust",
        "Herefordshire and Worcestershire Health and Care NHS Trust", "West Midlands Ambulance Service University NHS Foundation Trust",
    ];

    private static readonly string[] SecondSession =
    [
        "Herefordshire General Practice and Primary Care", "West Mercia Youth Justice Service", "The Probation Service",
        "Hereford & Worcester Fire and Rescue Service",
    ];

    public static async Task SeedAsync(PortalDbContext db, CancellationToken ct)
    {
        var group = await db.Groups.AsNoTracking().FirstAsync(g => g.Name == QualityAndEffectiveness, ct);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Name, o => o.Id, StringComparer.Ordinal, ct);
        var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.FullName, p => p.Id, StringComparer.Ordinal, ct);
        var standards = string.Join('\n', SelfAssessmentRules.DefaultSection11Standards);
        var scale = string.Join('\n', SelfAssessmentRules.DefaultScale);

        var round2023 = new SelfAssessmentRound
        {
            Title = "Section 11 self-assessment 2023",
            Kind = SelfAssessmentKind.Section11,
            CycleYear = 2023,
            Standards = standards,
            RatingScale = scale,
            OpensOn = new DateOnly(2023, 5, 2),
            Deadline = new DateOnly(2023, 6, 30),
            GroupId = group.Id,
            Returns = Agencies.Select((a, i) => new SelfAssessmentReturn
            {
                OrganisationId = organisations[a.Organisation],
                LeadPersonId = people[a.Lead2023],
                Status = ReturnStatus.Submitted,
                SubmittedOn = new DateOnly(2023, 6, 12).AddDays(i * 2),
                Answers = a.Ratings.Select((r, n) => new SelfAssessmentAnswer
                {
                    StandardNumber = n + 1,
                    Rating = r,
                    Comments = Comment(n + 1, r),
                    Evidence = n == 0 ? "https://www.herefordshiresafeguardingboards.org.uk/" : null,
                }).ToList(),
            }).ToList(),
        };
        db.SelfAssessmentRounds.Add(round2023);
        await db.SaveChangesAsync(ct);

        var scrutineer = people["Geoffrey Hartland"];
        int Org(string name) => organisations[name];
        db.CheckChallengeSessions.AddRange(
            new CheckChallengeSession
            {
                RoundId = round2023.Id,
                HeldOn = new DateOnly(2023, 10, 17),
                ChairPersonId = scrutineer,
                Notes = "The statutory partners, the health trusts and the ambulance service each took the group through their return and what they rated "
                    + "below fully met. Every agency could point to procedures for complaints, allegations, whistleblowing and escalation. "
                    + "The chair challenged how agencies know that children's views change what they do, the weakest standard across the returns.",
                Organisations =
                [
                    .. FirstSession.Select(n => new CheckChallengeAttendance { OrganisationId = Org(n) }),
                ],
            },
            new CheckChallengeSession
            {
                RoundId = round2023.Id,
                HeldOn = new DateOnly(2023, 11, 21),
                ChairPersonId = scrutineer,
                Notes = "General practice, youth justice, probation and the fire service presented. Few agencies could show how they learn from "
                    + "complaints taken together rather than one at a time; the chair will propose how the partnership gets assurance on this. "
                    + "Agencies rated partially met on a standard agreed an action for the tracker.",
                Organisations =
                [
                    .. SecondSession.Select(n => new CheckChallengeAttendance { OrganisationId = Org(n) }),
                ],
            });

        // Two of the partially met ratings became tracker actions after the second session.
        var answers = await db.SelfAssessmentAnswers
            .Where(a => a.Return!.RoundId == round2023.Id && a.Rating >= 3)
            .Select(a => new { Answer = a, a.Return!.OrganisationId, a.Return.LeadPersonId })
            .ToListAsync(ct);
        foreach (var (organisation, standard, title, due, status) in new[]
        {
            ("Herefordshire General Practice and Primary Care", 10, "Add the child's voice to the practice safeguarding template and audit its use", new DateOnly(2024, 6, 30), ActionStatus.OnTrack),
            ("Hereford & Worcester Fire and Rescue Service", 5, "Bring every station's safeguarding training up to date and record it centrally", new DateOnly(2024, 3, 31), ActionStatus.Completed),
        })
        {
            var found = answers.First(a => a.OrganisationId == Org(organisation) && a.Answer.StandardNumber == standard);
            var action = new ActionItem
            {
                Title = title,
                GroupId = group.Id,
                OwnerPersonId = found.LeadPersonId,
                OwnerOrganisationId = found.OrganisationId,
                DueDate = due,
                Status = status,
                Source = ActionSource.Section11,
                SourceReference = round2023.Title,
            };
            if (status == ActionStatus.Completed)
            {
                // Completed as every plan action is: evidence from the owner, then the group chair's sign-off.
                var done = new DateOnly(2024, 3, 15);
                action.CompletedOn = done;
                action.CompletionEvidence = "Training records for every station are now held centrally and show all staff in date.";
                action.CompletionRequestedAt = done.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
                action.CompletionRequestedBy = await db.People.Where(p => p.Id == found.LeadPersonId).Select(p => p.FullName).SingleAsync(ct);
                action.SignedOffAt = done.AddDays(3).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
                action.SignedOffBy = QualityAndEffectivenessChair;
            }

            db.Actions.Add(action);
            await db.SaveChangesAsync(ct);
            found.Answer.ActionId = action.Id;
        }

        await db.SaveChangesAsync(ct);

        // The 2025 round, still open: the first returns are in, others are drafts or not started.
        var round2025 = new SelfAssessmentRound
        {
            Title = "Section 11 self-assessment 2025",
            Kind = SelfAssessmentKind.Section11,
            CycleYear = 2025,
            Standards = standards,
            RatingScale = scale,
            OpensOn = new DateOnly(2025, 10, 6),
            Deadline = new DateOnly(2026, 1, 30),
            GroupId = group.Id,
            Returns = Agencies.Select(a =>
            {
                var status = a.Organisation switch
                {
                    "Herefordshire Council" or "NHS Herefordshire and Worcestershire Integrated Care Board" => ReturnStatus.Submitted,
                    "Wye Valley NHS Trust" => ReturnStatus.InProgress,
                    _ => ReturnStatus.NotStarted,
                };
                return new SelfAssessmentReturn
                {
                    OrganisationId = organisations[a.Organisation],
                    LeadPersonId = people[a.Lead2025],
                    Status = status,
                    SubmittedOn = status == ReturnStatus.Submitted ? new DateOnly(2025, 11, 20) : null,
                    Answers = status == ReturnStatus.NotStarted ? [] : a.Ratings.Select((r, n) => new SelfAssessmentAnswer
                    {
                        StandardNumber = n + 1,
                        // Two years on, the weakest answers have moved up a level; a draft leaves the last standards unrated.
                        Rating = status == ReturnStatus.InProgress && n >= 7 ? null : Math.Max(1, r >= 2 && n == 9 ? r - 1 : r),
                        Comments = Comment(n + 1, r),
                    }).ToList(),
                };
            }).ToList(),
        };
        db.SelfAssessmentRounds.Add(round2025);
        await db.SaveChangesAsync(ct);
    }

    private static string? Comment(int standard, int rating) => (standard, rating) switch
    {
        (10, >= 3) => "Children's views are asked for in some services but we cannot yet show what changed as a result.",
        (4, >= 3) => "Feedback from families is collected, but not yet used when services are planned.",
        (5, >= 3) => "Training records are held locally and not all are up to date.",
        (_, 1) => null,
        _ => "In place; we are strengthening how we check it works in practice.",
    };
}
