using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Data.Demo;

public static partial class DemoHistory
{
    /// <summary>
    /// The first year with a scrutiny plan: the 2023-24 report has the plan drafted and under review at its year's end,
    /// so 2023-24 had none and 2024-25's was approved by the partners in the summer of 2024.
    /// </summary>
    private const int FirstPlanYear = 2024;

    /// <summary>
    /// The scrutineer's plan for the year: drafted in the weeks before the year starts, put to the partners, and approved
    /// by each partner's lead or delegated partner early in the year (the first, 2024-25, in mid-2024). The items the
    /// year's activities delivered are linked to them. In the year running today the plan gained an item in the autumn,
    /// which withdrew the approvals; two partners have approved it again and the police's approval is awaited.
    /// </summary>
    private static async Task SeedScrutinyPlanAsync(PortalDbContext db, World world, ReportingYear year, DateOnly today, Random random, CancellationToken ct)
    {
        var drafted = year.Start.AddDays(year.StartYear == FirstPlanYear ? -60 : -random.Next(30, 50));
        if (year.StartYear < FirstPlanYear || drafted >= today || world.Partners.Count == 0
            || await db.ScrutinyPlans.AnyAsync(p => p.StartYear == year.StartYear, ct))
        {
            return;
        }

        var submitted = world.Calendar.OnOrAfter(drafted.AddDays(random.Next(14, 25)));
        var plan = new ScrutinyPlan
        {
            StartYear = year.StartYear,
            Summary = Pick(random, PlanSummaries),
            Status = submitted < today ? ScrutinyPlanStatus.ForApproval : ScrutinyPlanStatus.Draft,
            SubmittedOn = submitted < today ? submitted : null,
            CreatedAt = Noon(drafted),
            CreatedBy = ScrutineerName,
        };
        var picks = PlanItemTexts.OrderBy(_ => random.Next()).Take(random.Next(4, 7)).OrderBy(t => t.Quarter).ToList();
        foreach (var (kind, quarter, subject, reason) in picks)
        {
            plan.Items.Add(new ScrutinyPlanItem
            {
                Kind = kind, Quarter = quarter, Subject = subject, Reason = reason, CreatedAt = Noon(drafted), CreatedBy = ScrutineerName,
            });
        }

        db.ScrutinyPlans.Add(plan);
        await SaveAsync(db, ct);

        // Each activity of the year delivers the first item of its kind planned for its quarter or earlier, not yet delivered.
        var activities = await db.ScrutinyActivities.Where(a => a.HeldOn >= year.Start && a.HeldOn <= year.End && a.PlanItemId == null)
            .OrderBy(a => a.HeldOn).ThenBy(a => a.Id).ToListAsync(ct);
        var open = plan.Items.ToList();
        foreach (var activity in activities)
        {
            var quarter = ScrutinyPlanRules.QuarterOfMonth(activity.HeldOn.Month);
            if (open.FirstOrDefault(i => i.Kind == activity.Kind && i.Quarter <= quarter) is { } item)
            {
                activity.PlanItemId = item.Id;
                open.Remove(item);
            }
        }

        var fingerprint = ScrutinyPlanRules.Fingerprint(plan.Summary, plan.Items.Select(i => (i.Id, i.Subject, i.Kind, i.Quarter, i.PlannedMonth, i.Reason, i.OrganisationId)));
        var current = ReportingYear.Containing(today) == year;
        var approvalStart = year.StartYear == FirstPlanYear ? new DateOnly(2024, 6, 10) : year.Start.AddDays(random.Next(7, 20));
        var partners = world.Partners.OrderBy(p => p.StatutoryPartner).ThenBy(p => p.Id).ToList();
        var awaited = partners.FirstOrDefault(p => p.StatutoryPartner == StatutoryPartner.Police) ?? partners[^1];
        DateOnly? edited = current ? world.Calendar.OnOrAfter(new DateOnly(year.StartYear, 10, 1).AddDays(random.Next(0, 20))) : null;
        if (edited is { } on && on >= today)
        {
            edited = null;
        }

        foreach (var partner in partners)
        {
            var approvedOn = world.Calendar.OnOrAfter(approvalStart.AddDays(random.Next(0, 30)));
            if (plan.SubmittedOn is null || approvedOn >= today || Approver(world, partner.Id, approvedOn) is not { } first)
            {
                continue;
            }

            db.ScrutinyPlanApprovals.Add(NewApproval(plan, partner.Id, first, approvedOn, fingerprint, withdrawnOn: edited));
            if (edited is { } change && partner.Id != awaited.Id)
            {
                var again = world.Calendar.OnOrAfter(change.AddDays(random.Next(7, 28)));
                if (again < today && Approver(world, partner.Id, again) is { } second)
                {
                    db.ScrutinyPlanApprovals.Add(NewApproval(plan, partner.Id, second, again, "", withdrawnOn: null));
                }
            }
        }

        if (edited is { } editedOn)
        {
            var added = new ScrutinyPlanItem
            {
                PlanId = plan.Id, Kind = ScrutinyActivityKind.CaseFileReview, Quarter = 4,
                Subject = "Case files of children who went missing from home more than once",
                Reason = "The missing-children figures rose in the autumn; the partners asked for an independent look before the year's end.",
                CreatedAt = Noon(editedOn), CreatedBy = ScrutineerName,
            };
            db.ScrutinyPlanItems.Add(added);
            await SaveAsync(db, ct);

            // The approvals given after the change are of the plan with the new item.
            var items = await db.ScrutinyPlanItems.AsNoTracking().Where(i => i.PlanId == plan.Id)
                .Select(i => new { i.Id, i.Subject, i.Kind, i.Quarter, i.PlannedMonth, i.Reason, i.OrganisationId }).ToListAsync(ct);
            var now = ScrutinyPlanRules.Fingerprint(plan.Summary, items.Select(i => (i.Id, i.Subject, i.Kind, i.Quarter, i.PlannedMonth, i.Reason, i.OrganisationId)));
            foreach (var approval in db.ChangeTracker.Entries<ScrutinyPlanApproval>().Where(e => e.Entity.PlanId == plan.Id && e.Entity.Fingerprint.Length == 0))
            {
                approval.Entity.Fingerprint = now;
            }
        }

        await SaveAsync(db, ct);
    }

    private static (int PersonId, string Name, RepresentationRole Role)? Approver(World world, int organisationId, DateOnly on) =>
        world.Representation
            .Where(r => r.OrganisationId == organisationId && r.IsLive() && r.IsCurrentOn(on)
                && (r.Role == RepresentationRole.LeadPartner || r.Role == RepresentationRole.DelegatedPartner)
                && world.PersonById.ContainsKey(r.PersonId))
            .OrderBy(r => r.Role)
            .Select(r => ((int, string, RepresentationRole)?)(r.PersonId, world.PersonById[r.PersonId].FullName, r.Role))
            .FirstOrDefault();

    private static ScrutinyPlanApproval NewApproval(
        ScrutinyPlan plan, int organisationId, (int PersonId, string Name, RepresentationRole Role) by, DateOnly on, string fingerprint, DateOnly? withdrawnOn) => new()
    {
        PlanId = plan.Id,
        OrganisationId = organisationId,
        PersonId = by.PersonId,
        ApproverName = by.Name,
        ApproverRole = by.Role,
        ApprovedOn = on,
        Fingerprint = fingerprint,
        WithdrawnAt = withdrawnOn is { } w ? Noon(w) : null,
        WithdrawnReason = withdrawnOn is null ? null : ScrutinyPlanRules.EditedReason,
        CreatedAt = Noon(on),
        CreatedBy = by.Name,
    };

    /// <summary>
    /// Two to four recommendations a year from the scrutineer, to the partners jointly or to one partner or agency. Most
    /// are answered within two months, most agreed, and most of those agreed become an action on the board's plan. The
    /// year running today keeps its latest recommendation awaiting a response.
    /// </summary>
    private static async Task SeedRecommendationsAsync(
        PortalDbContext db, World world, ReportingYear year, DateOnly today, Random random, Counter counts, CancellationToken ct)
    {
        var board = world.Groups.FirstOrDefault(g => g.Kind == GroupKind.Board && g.IsLive() && g.Status == GroupStatus.Active);
        if (year.StartYear < FirstPlanYear || board is null || world.Agencies.Count == 0
            || await db.ScrutinyRecommendations.AnyAsync(r => r.MadeOn >= year.Start && r.MadeOn <= year.End, ct))
        {
            return;
        }

        var made = Enumerable.Range(0, random.Next(2, 5))
            .Select(_ => world.Calendar.OnOrAfter(year.Start.AddDays(random.Next(30, 300))))
            .Where(d => d <= year.End && d < today)
            .Order()
            .ToList();
        var texts = RecommendationTexts.OrderBy(_ => random.Next()).ToList();
        for (var i = 0; i < made.Count; i++)
        {
            var (title, detail, response) = texts[i % texts.Count];
            var to = random.Next(3) == 0 ? null : world.Partners.Count > 0 && random.Next(4) > 0 ? Pick(random, world.Partners) : Pick(random, world.Agencies);
            var recommendation = new ScrutinyRecommendation
            {
                Title = title,
                Detail = detail,
                MadeOn = made[i],
                OrganisationId = to?.Id,
                CreatedAt = Noon(made[i]),
                CreatedBy = ScrutineerName,
            };
            var respondedOn = world.Calendar.OnOrAfter(made[i].AddDays(random.Next(20, 60)));
            var lastOfRunningYear = ReportingYear.Containing(today) == year && i == made.Count - 1;
            if (respondedOn < today && !lastOfRunningYear)
            {
                var roll = random.Next(10);
                recommendation.Response = roll < 6 ? RecommendationResponse.Agreed : roll < 9 ? RecommendationResponse.PartlyAgreed : RecommendationResponse.NotAgreed;
                recommendation.ResponseText = recommendation.Response == RecommendationResponse.NotAgreed
                    ? "Not agreed: the partners consider the existing arrangements already answer this, and will report the evidence to the board."
                    : response;
                recommendation.RespondedOn = respondedOn;
                recommendation.RespondedBy = to is not null && world.People.FirstOrDefault(p => p.OrganisationId == to.Id && p.IsLive()) is { } person
                    ? person.FullName : TeamName;
            }

            db.ScrutinyRecommendations.Add(recommendation);
            await SaveAsync(db, ct);

            if (ScrutinyPlanRules.CanRaiseAction(recommendation.Response) && random.Next(4) > 0)
            {
                var owner = world.People.FirstOrDefault(p => p.OrganisationId == (to ?? Pick(random, world.Partners.Count > 0 ? world.Partners : world.Agencies)).Id && p.IsLive())
                    ?? world.People[0];
                var raised = recommendation.RespondedOn!.Value;
                var due = raised.AddDays(random.Next(60, 150));
                var action = new ActionItem
                {
                    Title = "Carry out the scrutineer's recommendation: " + char.ToLowerInvariant(title[0]) + title[1..],
                    GroupId = board.Id,
                    OwnerPersonId = owner.Id,
                    OwnerOrganisationId = owner.OrganisationId,
                    DueDate = due,
                    Source = ActionSource.Scrutiny,
                    ScrutinyRecommendationId = recommendation.Id,
                    SourceReference = title,
                    CreatedAt = Noon(raised),
                    CreatedBy = TeamName,
                };
                var done = due.AddDays(random.Next(-20, 10));
                if (done < today.AddDays(-1) && random.Next(10) < 8)
                {
                    action.Status = ActionStatus.Completed;
                    action.CompletedOn = done;
                    action.CompletionEvidence = "The board saw the change in place at its next meeting, with the figures behind it.";
                    action.CompletionRequestedAt = Noon(done);
                    action.CompletionRequestedBy = owner.FullName;
                    action.SignedOffAt = Noon(done);
                    action.SignedOffBy = TeamName;
                    db.ActionUpdates.Add(new ActionUpdate
                    {
                        ActionItem = action, At = Noon(done), ByName = owner.FullName, Note = "Done; the board has seen the evidence.",
                        StatusBefore = ActionStatus.NotStarted, StatusAfter = ActionStatus.Completed,
                    });
                    counts.Updates++;
                }

                db.Actions.Add(action);
                counts.Actions++;
                await SaveAsync(db, ct);
            }
        }
    }

    private static readonly string[] PlanSummaries =
    [
        "The year's scrutiny follows the partnership's priorities and the risks the dataset shows: what children and families experience at the front door, how well agencies work together on exploitation and neglect, and whether learning from reviews changes practice. Each item ends in a short note to the partners.",
        "Scrutiny this year looks at how the arrangements work for children, not only at process: practitioners are met where they work, case files are read, and meetings are observed. Findings go to the delegated safeguarding partners, with recommendations where something must change.",
    ];

    private static readonly (ScrutinyActivityKind Kind, int Quarter, string Subject, string Reason)[] PlanItemTexts =
    [
        (ScrutinyActivityKind.CheckAndChallenge, 3, "Section 11 check and challenge with the agencies' safeguarding leads", "The self-assessment round closes in the autumn; agencies present their returns and actions."),
        (ScrutinyActivityKind.WalkTheFloor, 1, "Walk the floor at the front door", "Contacts and referrals rose last year; how practitioners decide what happens next is worth seeing first hand."),
        (ScrutinyActivityKind.WalkTheFloor, 2, "Walk the floor with practitioners in health settings", "Health practitioners raise most escalations; the scrutineer hears what gets in their way."),
        (ScrutinyActivityKind.MeetingObservation, 1, "Observation of the delegated safeguarding partners meeting", "The meeting's new rhythm and themes began this year; is challenge between partners real?"),
        (ScrutinyActivityKind.MeetingObservation, 2, "Observation of a subgroup meeting", "Subgroups report to the board; the scrutineer checks the data leads to decisions."),
        (ScrutinyActivityKind.CaseFileReview, 3, "Review of case files on neglect", "Neglect is the most common category of child protection plan here."),
        (ScrutinyActivityKind.AuditReview, 2, "Review of a multi-agency audit's findings and action plan", "Audits show what needs to change; the scrutineer checks the actions will show whether it did."),
        (ScrutinyActivityKind.AuditReview, 4, "Review of the year's case review learning and its actions", "The partners must show that learning from reviews changed practice."),
    ];

    private static readonly (string Title, string Detail, string Response)[] RecommendationTexts =
    [
        ("Measure the impact of training",
            "Report to the board what changed in practice after the main courses, not only how many attended.",
            "Agreed: a follow-up survey three months after each course, with a summary to the board twice a year."),
        ("Hear from children directly",
            "Bring the views of children and families into each subgroup's work, and show what changed as a result.",
            "Agreed: each subgroup takes one item a year from the engagement work and reports what it changed."),
        ("Close the loop on escalations",
            "Analyse escalations that reached the later stages and tell the agencies involved what the partnership learned.",
            "Agreed: the quality and effectiveness group reviews them each quarter and sends a learning note."),
        ("Shared data on exploitation",
            "Agree one multi-agency picture of children at risk of exploitation, used by every agency.",
            "Partly agreed: police and council data are combined now; health data follows when sharing is agreed."),
        ("Attendance at child protection conferences",
            "Plan attendance at review conferences so every agency involved is there or sends a report.",
            "Agreed: attendance is planned a month ahead, with named cover, and the figures go to the board."),
    ];
}
