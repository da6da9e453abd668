using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure.Pdf;
using HscpPortal.Web.Reporting;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Data.Demo;

/// <summary>
/// The demo's yearly reports: 2023-24 written, reviewed, signed by the three partners' delegated partners and
/// published (when the setting Demo:PublishReports allows, as publishing prints with Chromium); 2024-25 a draft
/// with only a first foreword. The narrative is written for the demo from the figures in the public 2023-24
/// report; the report's facts come from the demo records.
/// </summary>
public static class DemoReports
{
    public static readonly ReportingYear Published = new(2023);
    public static readonly ReportingYear Draft = new(2024);

    private static readonly DateTime Drafted = new(2024, 6, 14, 9, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime Reviewed = new(2024, 7, 22, 14, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly PublishedOn = new(2024, 9, 26);

    public static async Task SeedAsync(
        PortalDbContext db, DemoPeople people, IServiceProvider services, bool publish, ILogger logger, CancellationToken ct)
    {
        var manager = people.PartnershipManager.FullName;
        var report = new YearlyReport { StartYear = Published.StartYear, Status = ReportStatus.InReview };
        db.YearlyReports.Add(report);
        AddNarrative(report, ReportSectionKeys.Foreword, ForewordText, people.Scrutineer.FullName, Drafted);
        // In 2023-24 the independent scrutineer also chaired the partnership, and signed the foreword as both.
        AddNarrative(report, ReportSectionKeys.ForewordSignatories,
            $"{people.Scrutineer.FullName}, Independent Scrutineer and Chair of the Strategic Partners Board", people.Scrutineer.FullName, Drafted);
        AddNarrative(report, ReportSectionKeys.Impact(ReportSectionKeys.BoardImpact), BoardImpactText, manager, Drafted.AddDays(3));
        AddNarrative(report, ReportSectionKeys.Impact(ReportSectionKeys.Escalations), EscalationsImpactText, manager, Drafted.AddDays(3));
        AddNarrative(report, ReportSectionKeys.Impact(ReportSectionKeys.ActionPlans), ActionPlansImpactText, manager, Drafted.AddDays(3));
        AddNarrative(report, ReportSectionKeys.LocalContext, LocalContextText, manager, Drafted);
        AddNarrative(report, ReportSectionKeys.Challenges, ChallengesText, manager, Drafted.AddDays(3));
        AddNarrative(report, ReportSectionKeys.PrioritiesAhead, PrioritiesAheadText, manager, Drafted.AddDays(3));
        AddNarrative(report, ReportSectionKeys.ScrutineerComment, ScrutineerText, people.Scrutineer.FullName, Reviewed);
        report.Comments.Add(new ReportReviewComment
        {
            SectionKey = ReportSectionKeys.LocalContext,
            CreatedAt = Reviewed,
            CreatedBy = people.Scrutineer.FullName,
            Text = "Say how many children were on a child protection plan at the year end, and whether that is more or fewer than the year before.",
            Response = "Added the year-end figure of 204 and the comparison with 2022-23.",
            ResolvedAt = Reviewed.AddDays(2),
            ResolvedBy = manager,
        });

        var next = new YearlyReport { StartYear = Draft.StartYear };
        db.YearlyReports.Add(next);
        AddNarrative(next, ReportSectionKeys.Foreword, NextForewordText, people.Scrutineer.FullName, new DateTime(2025, 5, 20, 11, 0, 0, DateTimeKind.Utc));
        await db.SaveChangesAsync(ct);

        await SignOffAndPublishAsync(db, report, people, services, publish, logger, PublishedOn, Reviewed.AddDays(7), ct);
    }

    /// <summary>
    /// Brings the reports up to the day of seeding, after the generated years have filled the records: every finished
    /// year whose publication deadline has passed is written, reviewed, signed by the three partners and published
    /// (2024-25's draft included); a finished year still within its deadline is the draft the team is working on;
    /// once every finished year is published, the year in progress has a first draft. So no report is overdue.
    /// </summary>
    public static async Task BringUpToDateAsync(
        PortalDbContext db, DemoPeople people, IServiceProvider services, bool publish, DateOnly today, ILogger logger, CancellationToken ct)
    {
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ReportOptions>>().Value;
        var (toPublish, working) = Plan(options, today);
        var reports = await db.YearlyReports.Include(r => r.Narratives).Where(r => r.StartYear >= Draft.StartYear).ToDictionaryAsync(r => r.StartYear, ct);
        foreach (var year in toPublish)
        {
            var deadline = options.PublicationDeadline(year);
            var report = reports.GetValueOrDefault(year.StartYear) ?? AddReport(db, year);
            var drafted = Noon(deadline.AddMonths(-3).AddDays(-15));
            WriteYear(report, year, people, drafted);
            report.Status = ReportStatus.InReview;
            await db.SaveChangesAsync(ct);
            await SignOffAndPublishAsync(db, report, people, services, publish, logger, deadline.AddDays(-14), drafted.AddDays(40), ct);
        }

        if (!reports.ContainsKey(working.StartYear))
        {
            AddFirstDraft(db, working, people, today);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Which of the years after the hand-written story are published on <paramref name="today"/>: each finished year
    /// whose deadline has passed; and the one report the team is working on, the earliest finished year still within
    /// its deadline or else the year in progress.
    /// </summary>
    public static (IReadOnlyList<ReportingYear> Publish, ReportingYear Working) Plan(ReportOptions options, DateOnly today)
    {
        var current = ReportingYear.Containing(today);
        var publish = new List<ReportingYear>();
        for (var year = Draft; year.StartYear < current.StartYear; year = year.Next)
        {
            if (options.PublicationDeadline(year) >= today)
            {
                return (publish, year);
            }

            publish.Add(year);
        }

        return (publish, current.StartYear < Draft.StartYear ? Draft : current);
    }

    private static YearlyReport AddReport(PortalDbContext db, ReportingYear year)
    {
        var report = new YearlyReport { StartYear = year.StartYear };
        db.YearlyReports.Add(report);
        return report;
    }

    // The team starts a year's report with the scrutineer's outline of the foreword.
    private static YearlyReport AddFirstDraft(PortalDbContext db, ReportingYear year, DemoPeople people, DateOnly today)
    {
        var report = AddReport(db, year);
        // A finished year's report is begun soon after the year ends; the year in progress's a couple of months in.
        var started = year.End < today ? year.End.AddDays(20) : year.Start.AddMonths(2);
        started = started < today ? started : today;
        AddNarrative(report, ReportSectionKeys.Foreword, FirstDraftForeword(year), people.Scrutineer.FullName, Noon(started));
        return report;
    }

    // A generated year's narrative, written from what the year's records hold; a later version replaces any first draft.
    private static void WriteYear(YearlyReport report, ReportingYear year, DemoPeople people, DateTime drafted)
    {
        var manager = people.PartnershipManager.FullName;
        var versions = report.Narratives.GroupBy(n => n.SectionKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(n => n.Version), StringComparer.Ordinal);
        void Write(string key, string text, string by, DateTime at) =>
            report.Narratives.Add(new ReportNarrative { SectionKey = key, Version = versions.GetValueOrDefault(key) + 1, Text = text, By = by, At = at });

        var next = year.Next;
        Write(ReportSectionKeys.Foreword, $"""
            This report covers the partnership's work from April {year.StartYear} to March {year.StartYear + 1}. The figures in it come from what the partnership recorded during the year: its meetings and who attended them, the decisions taken, the actions that followed and the professional disagreements raised.

            The partners have read the evidence as I have, and the sections that follow say plainly where the arrangements have worked and where they have not yet made the difference children need.
            """, people.Scrutineer.FullName, drafted);
        Write(ReportSectionKeys.ForewordSignatories, $"{people.Scrutineer.FullName}, Independent Scrutineer", people.Scrutineer.FullName, drafted);
        Write(ReportSectionKeys.LocalContext, $"""
            Herefordshire remains a large and sparsely populated rural county, where distance shapes how help reaches families. About one resident in five is a child.

            During {year} the partnership kept its four priorities: the right help at the right time, child exploitation, neglect, and leadership and accountability.
            """, manager, drafted);
        Write(ReportSectionKeys.Challenges, $"""
            Demand on front-line services stayed high through {year}, and turnover among senior leaders in more than one partner agency meant the board spent time re-establishing who held which responsibility. Some actions slipped as a result; the action plans section shows which.
            """, manager, drafted.AddDays(3));
        Write(ReportSectionKeys.PrioritiesAhead, $"""
            In {next} the partners will keep the same priorities, check that the learning from audits and reviews changes practice, and widen the shared performance data so that the board sees sooner where help is not reaching children.
            """, manager, drafted.AddDays(3));
        Write(ReportSectionKeys.Impact(ReportSectionKeys.BoardImpact),
            "Because the partners met regularly and their attendance was recorded, the board could hold each agency to what it had agreed, and it returned to late actions at its next meeting.",
            manager, drafted.AddDays(3));
        Write(ReportSectionKeys.Impact(ReportSectionKeys.Escalations),
            "Most professional disagreements were settled at an early stage, so children's plans moved on without waiting for senior managers.",
            manager, drafted.AddDays(3));
        Write(ReportSectionKeys.Impact(ReportSectionKeys.ActionPlans),
            "Each subgroup worked to a plan the board could see, and the actions that mattered most to children were completed within the year.",
            manager, drafted.AddDays(3));
        Write(ReportSectionKeys.ScrutineerComment, $"""
            The arrangements held steady in {year}. The next test is evidence of impact: what changed for children because of what the partners decided, not only that the decisions were taken.
            """, people.Scrutineer.FullName, drafted.AddDays(30));
    }

    private static DateTime Noon(DateOnly date) => date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);

    private static string FirstDraftForeword(ReportingYear year) => $"""
        First draft. This foreword will introduce the {year} report once the year's evidence has been gathered: the board's work, the progress of each priority, and what children and families told the partnership.
        """;

    /// <summary>
    /// The one step that needs the assembled report: the sign-offs hold its fingerprint and publishing prints it.
    /// Without a browser, the report is left signed off but unpublished.
    /// </summary>
    private static async Task SignOffAndPublishAsync(
        PortalDbContext db, YearlyReport report, DemoPeople people, IServiceProvider services, bool publish, ILogger logger,
        DateOnly published, DateTime omitted, CancellationToken ct)
    {
        report.Status = ReportStatus.SignOff;
        await db.SaveChangesAsync(ct);

        // What the records do not cover in the year is said in the report, not left for readers to notice.
        var gate = services.GetRequiredService<ReportGate>();
        foreach (var missing in (await gate.CheckAsync(report, ct)).Where(i => i.Blocks))
        {
            db.ReportOmissions.Add(new ReportOmission
            {
                ReportId = report.Id,
                ItemKey = missing.Item.Key,
                Reason = (report.StartYear == Published.StartYear ? OmissionReasons : LaterOmissionReasons).TryGetValue(missing.Item.Key, out var reason)
                    ? string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, report.Year)
                    : $"The partnership kept no shared record of this part of its {report.Year} work, so this report does not cover it.",
                CreatedAt = omitted,
                CreatedBy = people.PartnershipManager.FullName,
            });
        }

        await db.SaveChangesAsync(ct);
        var renderer = services.GetRequiredService<IYearlyReportRenderer>();
        var hash = await renderer.ContentHashAsync(report.Year, ct);
        var day = 10;
        foreach (var partner in new[] { people.CouncilDsp, people.IcbDsp, people.PoliceDsp })
        {
            db.ReportSignOffs.Add(new ReportSignOff
            {
                ReportId = report.Id,
                OrganisationId = partner.OrganisationId,
                PersonId = partner.Id,
                SignerName = partner.FullName,
                SignerRole = RepresentationRole.DelegatedPartner,
                SignedAt = Noon(published.AddDays(-day--)).AddHours(3),
                ContentHash = hash,
            });
        }

        await db.SaveChangesAsync(ct);
        if (!publish)
        {
            return;
        }

        try
        {
            var outcome = await services.GetRequiredService<ReportPublisher>().PublishAsync(
                report, people.PartnershipManager.FullName, ct, Noon(published).AddHours(-2));
            if (outcome != PublishOutcome.Published)
            {
                logger.LogWarning("The demo {Year} report was not published: {Outcome}", report.Year, outcome);
                return;
            }

            foreach (var recipient in db.ReportRecipients.Local.Where(r => r.ReportId == report.Id))
            {
                recipient.SentOn = recipient.DueOn.AddDays(-2);
                recipient.SentBy = people.PartnershipManager.FullName;
            }

            await db.SaveChangesAsync(ct);
        }
        catch (PdfPrintException e)
        {
            logger.LogWarning(e, "The demo {Year} report could not be printed, so it is left signed off but unpublished", report.Year);
        }
    }

    // Why the 2023-24 report, the first drawn from the portal, does not cover what the portal did not hold that year.
    private static readonly Dictionary<string, string> OmissionReasons = new(StringComparer.Ordinal)
    {
        [ReadinessKeys.PartnersDid] = "The Joint Case Review group kept its 2023-24 rapid reviews and practice reviews in its own case files, rather than in the partnership's shared records; their learning is published in the partnership's briefings.",
        [ReadinessKeys.Effectiveness] = "Training in 2023-24 was booked and evaluated in the council's learning system, and its figures were not gathered into the partnership's records for this year.",
        [ReadinessKeys.LittleProgress] = "The action plans section lists every action that was overdue or off track at the year end; the partnership did not rate progress on each priority this year.",
        [ReadinessKeys.ReviewRecommendations] = "Recommendations from the year's practice reviews were followed up by the Joint Case Review group in its own records, so this report does not list them one by one.",
        [ReadinessKeys.Voice] = "Each agency recorded its own work with children and families in 2023-24; the partnership kept no shared record of it that year.",
        [ReadinessKeys.Funding] = "The partners' contributions for 2023-24 were agreed and accounted for by the council's finance team and are reported in the council's accounts rather than here.",
    };

    // Why a later year's report does not cover an item: those lines of work were still kept outside the portal ({0} is the year).
    private static readonly Dictionary<string, string> LaterOmissionReasons = new(StringComparer.Ordinal)
    {
        [ReadinessKeys.PartnersDid] = "Rapid reviews and practice reviews in {0} were managed by the Joint Case Review group in its own case files; their learning was shared through the partnership's briefings rather than recorded here.",
        [ReadinessKeys.Effectiveness] = "The {0} training programme was booked and evaluated through the council's learning system, whose figures were not brought into the partnership's records.",
        [ReadinessKeys.LittleProgress] = "In {0} the partnership did not rate progress priority by priority; the action plans section lists every action that was late or off track at the year end.",
        [ReadinessKeys.ReviewRecommendations] = "The Joint Case Review group followed up the {0} review recommendations in its own tracker, so they are not listed one by one here.",
        [ReadinessKeys.Voice] = "Feedback from children and families in {0} was gathered by each agency for its own services; no shared record of it was kept by the partnership.",
        [ReadinessKeys.Funding] = "The partners' {0} contributions were agreed and accounted for by the council's finance team, and appear in the council's published accounts.",
    };

    private static void AddNarrative(YearlyReport report, string key, string text, string by, DateTime at) =>
        report.Narratives.Add(new ReportNarrative { SectionKey = key, Version = 1, Text = text, By = by, At = at });

    // Impact statements, as the team wrote them beside the figures (facts from the 2023-24 report, in our own words).
    private const string BoardImpactText =
        "The new structure let the board set four priorities and see them through: a refreshed neglect strategy was agreed in December 2023, " +
        "and the Get Safe approach to exploitation began in the same year. Practitioners now have one set of neglect tools to work from.";

    private const string EscalationsImpactText =
        "More practitioners used the professional differences policy than the year before, and most disagreements were settled at the first " +
        "or second stage. Children's plans moved on without waiting for a manager to step in.";

    private const string ActionPlansImpactText =
        "Each subgroup now works to an action plan the board can see. Where actions slipped, the board asked why at its next meeting, " +
        "and the neglect and MASH actions that mattered most were completed within the year.";

    private const string ForewordText =
        """
        This report looks back over the partnership's work from April 2023 to March 2024. It was a year in which the three statutory partners met more regularly, followed through on more of what they agreed, and began to rebuild the structure of groups beneath the board so that each one has a clear job.

        I have tried to be plain about where things have moved on and where they have not. The structure is in better shape than it was; what matters now is whether that shows up in the experience of children and families in Herefordshire. The sections that follow set out the evidence, and the gaps, as I found them.
        """;

    private const string LocalContextText =
        """
        Herefordshire is a large, rural county with a small and ageing population: about 188,700 people in 2022, of whom roughly 34,000 are children. Children now make up around 18% of residents, a smaller share than ten years ago. The county is the most sparsely populated in the West Midlands, which shapes how services reach families and how far practitioners travel.

        At the end of March 2024, 204 children were subject to a child protection plan. That is fewer than a year earlier, although the number climbed for five months from June 2023 and the rate per 10,000 children remains high. Contacts to the MASH rose by 2.7% on 2022-23, while the share that became referrals fell to about one in five. The early help advice line handled 4,957 contacts, and 72.8% were completed within timescale.

        The partnership's four priorities for the year were Right Help, Right Time; child exploitation; child neglect; and leadership and accountability.
        """;

    private const string ChallengesText =
        """
        Three difficulties stood out. First, the restorative and relational model of practice has been introduced faster in children's social care than across the wider partnership, and some partner agencies told us they felt behind. Second, changes among senior leaders across the partners put continuity at risk just as the new arrangements were settling in. Third, moving to the Working Together 2023 requirements asks more of each partner at a time of heavy demand on the front line.
        """;

    private const string PrioritiesAheadText =
        """
        In 2024-25 the partners will finish aligning the arrangements with Working Together 2023, support the second phase of the council's children's services improvement programme, and spread restorative and relational practice, with a Think Family approach, to every agency. Alongside this, the partnership will keep building its shared performance data, with Worcestershire, so that more agencies contribute and the board can see sooner where help is not reaching children.
        """;

    private const string ScrutineerText =
        """
        The partnership delivered more consistently this year than before, and the foundations of an effective partnership are now in place. Keeping that progress through leadership changes is the test for the coming year. The restorative model needs to be owned by every agency, not only by children's social care, if it is to define how Herefordshire keeps children safe.
        """;

    private const string NextForewordText =
        """
        First draft. This foreword will introduce the 2024-25 report once the year's evidence has been gathered: the move to the Working Together 2023 arrangements, progress on the improvement programme, and what children and families told us.
        """;
}
