using System.Globalization;
using System.Text.Json;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Meetings;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Data.Demo;

/// <summary>
/// The demo partnership's meetings for 2023-24 and 2024-25 to date: registers, agendas with minutes, decisions
/// and actions arising, drawn from the facts of the 2023-24 yearly report in the seeds.
/// </summary>
/// <remarks>
/// The four board meetings of 2023-24 have registers chosen so that the attendance statistics equal the report's
/// table (ICB 50% / 75%, council 100% / 100%, police 50% / 50%, every meeting represented). People, groups and
/// seats are looked up from what <see cref="DemoStructure"/> seeded, so registers follow the dated seats.
/// Quorum is cached with the same rule the meeting pages use. Nothing depends on the clock or on random numbers.
/// </remarks>
public static class DemoMeetings
{
    private const string StrategicPartnersBoard = "Strategic Partners Board";
    private const string QualityAndEffectiveness = "Quality and Effectiveness Group";
    private const string JointCaseReview = "Joint Case Review Group";
    private const string DevelopmentAndPractice = "Development and Practice Group";
    private const string ChildExploitation = "Child Exploitation and Missing Group";
    private const string Mash = "MASH Group";
    private const string ExecutiveSupport = "Executive Support Group";
    private const string ChildNeglect = "Child Neglect Group";

    private const string PloughLane = "Plough Lane, Hereford";

    public static async Task SeedAsync(PortalDbContext db, DateOnly today, CancellationToken ct)
    {
        var plan = new Plan();
        AddBoard2023(plan);
        AddOldStructure2023(plan);
        AddSubgroups2023(plan);
        AddBoard2024(plan);
        AddSubgroups2024(plan);
        AddUpcoming(plan, today);

        var data = await Lookup.LoadAsync(db, ct);
        var built = Build(plan, data);

        await using var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(ct)
            : null;

        // Saved in dependency order so that every audit entry records real ids, never temporary ones.
        db.Meetings.AddRange(built.Select(b => b.Meeting));
        await db.SaveChangesAsync(ct);

        foreach (var b in built)
        {
            b.Register.ForEach(a => a.MeetingId = b.Meeting.Id);
            b.Items.ForEach(i => i.MeetingId = b.Meeting.Id);
            b.Meeting.MinutesApprovedAtMeetingId = b.ApprovedAt?.Meeting.Id;
            db.Attendance.AddRange(b.Register);
            db.AgendaItems.AddRange(b.Items);
        }

        await db.SaveChangesAsync(ct);

        foreach (var b in built)
        {
            db.Decisions.AddRange(b.Decisions.Select(d => d.ToEntity()));
            db.Actions.AddRange(b.Actions.Select(a => a.ToEntity()));
            if (b.Plan.Revision is { } revision)
            {
                db.MinutesRevisions.Add(revision.ToEntity(b));
            }
        }

        await db.SaveChangesAsync(ct);
        db.ActionUpdates.AddRange(built.SelectMany(b => b.Actions).SelectMany(a => a.Trail()));
        await db.SaveChangesAsync(ct);

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
    }

    private static DateOnly On(int year, int month, int day) => new(year, month, day);

    // The first Thursday on or after the date, outside the Christmas and New Year break, when nobody meets.
    private static DateOnly NextThursday(DateOnly from)
    {
        var thursday = from.AddDays(((int)DayOfWeek.Thursday - (int)from.DayOfWeek + 7) % 7);
        var inBreak = (thursday.Month == 12 && thursday.Day >= 20) || (thursday.Month == 1 && thursday.Day <= 3);
        return inBreak ? NextThursday(new DateOnly(thursday.Month == 12 ? thursday.Year + 1 : thursday.Year, 1, 4)) : thursday;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The next meetings, dated from the day the demo is seeded (as DemoActions' live actions are): without them
    // a chair's dashboard opened today would have no meeting to prepare. Their papers are not in yet.
    // ---------------------------------------------------------------------------------------------------------
    private static void AddUpcoming(Plan plan, DateOnly today)
    {
        plan.Subgroup(QualityAndEffectiveness, NextThursday(today.AddDays(24)))
            .Scheduled()
            .Opening("Claire Ashdown")
            .Item("Multi-agency audit of strategy meetings: findings", "Claire Ashdown", AgendaPurpose.Assurance, null)
            .Item("Re-audit plan", "Claire Ashdown", AgendaPurpose.Decision, null)
            .Item("Action plan review", "Claire Ashdown", AgendaPurpose.Discussion, null);

        plan.Board(NextThursday(today.AddDays(38)))
            .Scheduled()
            .Opening("Nadia Okafor")
            .Item("Subgroup highlight reports", "Elaine Whitfield", AgendaPurpose.Information, null)
            .Item("Escalations: the partnership's analysis", "Elaine Whitfield", AgendaPurpose.Assurance, null);
    }

    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------------------------------------------------
    // 2023-24: the Strategic Partners Board.
    // DSPs present at: council 4 of 4 (Fairclough, then Okafor), ICB 2 of 4 (meetings 1 and 3), police 2 of 4
    // (Brennan at 1, Fairbairn at 3). Deputies present: Brereton 4 of 4, Mellor 3 of 4 (2, 3, 4), Kemble 2 of 4
    // (2 and 4). No other ICB or police staff attend, so "deputy or representative" is exactly the deputies.
    // ---------------------------------------------------------------------------------------------------------
    private static void AddBoard2023(Plan plan)
    {
        plan.Board(On(2023, 6, 15))
            .Apologies("Karen Mellor", "Leading the ICB's response to a national NHS safeguarding return due that day")
            .Apologies("Sarah Kemble", "Court commitment; the Superintendent attending for West Mercia Police")
            .With("Jamie Corbett", AttendeeKind.PartnershipTeam)
            .With("Graham Lister", AttendeeKind.Presenter)
            .Opening("Geoffrey Hartland", "The minutes of the March meeting were agreed.")
            .Item("Report of the Independent Commission to Consider Families' Experiences of Children's Services", "Geoffrey Hartland", AgendaPurpose.Decision,
                "The commission's report was published this month. The Independent Scrutineer, who sat on the commission as an observer, "
                + "summarised what the twenty people who gave evidence had told the panel. Four recommendations are addressed to the partnership.\n\n"
                + "Partners agreed the partnership should lead the multi-agency response rather than leave it to each agency.")
            .KeyDecision("Lead the partnership's response to the Independent Commission's report",
                "The partnership will own the four recommendations addressed to it and produce one action plan covering: stronger quality "
                + "assurance; assurance from the Community Safety Partnership on domestic abuse; a learning offer on trauma-informed, restorative "
                + "and Think Family practice; and assurance on each agency's complaints, whistleblowing and allegations procedures.")
            .Action("Draft the partnership action plan on the commission's four recommendations", "Elaine Whitfield", On(2023, 8, 31), ActionStatus.Completed)
            .Item("Business plan 2023-24 and strategic priorities", "Elaine Whitfield", AgendaPurpose.Decision,
                "The draft business plan has been lined up with the Children's Services Improvement Plan so that both boards report the same "
                + "work once. Members discussed whether four priorities were realistic given partners' capacity and agreed they were, provided "
                + "each has a lead subgroup.")
            .KeyDecision("Adopt the 2023-24 business plan and its four priorities",
                "Priorities for the year: review and implement a neglect strategy; keep improving the MASH; adopt the Get Safe model for child "
                + "exploitation; and bring a trauma-informed approach into practice across the partnership. Each priority is aligned with the "
                + "Children's Services Improvement Programme.")
            .Item("Back to Basics governance workshop", "Elaine Whitfield", AgendaPurpose.Discussion,
                "Feedback from the joint workshop with the Safeguarding Adults Board earlier this month. The message was that the structure has "
                + "too many layers and too many meetings for the same few people, and that the board cannot see the subgroups' work directly.\n\n"
                + "The Executive Support Group will work up options for the September meeting.")
            .Action("Bring options for a simpler subgroup structure to the September board", "Elaine Whitfield", On(2023, 9, 14), ActionStatus.Completed)
            .Item("Section 11 self-assessment 2023: first look at returns", "Geoffrey Hartland", AgendaPurpose.Assurance,
                "The May exercise used the new West Midlands regional tool. Early returns average green; the weaker areas are about the voice "
                + "of the child rather than policy or systems.")
            .Decision("Hold check and challenge sessions on the Section 11 returns",
                "Two sessions in the autumn, chaired by the Independent Scrutineer, at which each agency presents its return and its actions on "
                + "anything rated as requiring improvement.")
            .Item("Multi-agency dataset", "Graham Lister", AgendaPurpose.Decision,
                "The Quality and Effectiveness chair proposed starting small: a short dataset using reports partners already produce, "
                + "to be widened once it is working.")
            .Decision("Build a first, short multi-agency dataset from reports partners already hold",
                "Children's social care data first, with Wye Valley NHS Trust and West Mercia Police data to follow. The Quality and "
                + "Effectiveness Group owns the dataset.");

        plan.Board(On(2023, 9, 14))
            .Apologies("Linda Ashworth", "ICB board meeting; Karen Mellor attending as deputy")
            .Apologies("Julia Brennan", "Annual leave; Sarah Kemble attending as deputy")
            .With("Jamie Corbett", AttendeeKind.PartnershipTeam)
            .With("Kerry Baines", AttendeeKind.Presenter)
            .Opening("Geoffrey Hartland", "Matters arising: the draft action plan on the Independent Commission's recommendations has been circulated to partners.")
            .Item("Governance review: a new structure from 1 October 2023", "Elaine Whitfield", AgendaPurpose.Decision,
                "The Executive Support Group's proposals following the June workshop were presented. Members supported taking a layer out "
                + "so the partners see the subgroups' work first hand, and accepted that the board agenda will grow as a result.")
            .KeyDecision("Approve the new partnership structure from 1 October 2023",
                "Close the Executive Support Group, with the board taking on its work and every subgroup reporting to the board; merge the MASH "
                + "Strategic and Operational groups into one MASH Group reporting to Quality and Effectiveness; close the Child Neglect Group and "
                + "split its work plan between Quality and Effectiveness (assurance) and Development and Practice (learning); and set up a Child "
                + "Exploitation and Missing Group, bringing exploitation governance across from the Community Safety Partnership.")
            .Action("Write terms of reference for the new and merged groups", "Elaine Whitfield", On(2023, 11, 30), ActionStatus.Completed)
            .Item("Partnership Team review and budget monitoring", "Elaine Whitfield", AgendaPurpose.Decision,
                "The team review is complete and new appointments are being made. Paying for an agency Partnership Manager leaves the budget "
                + "under pressure this year.")
            .KeyDecision("Keep the Partnership Administration Coordinator post vacant for the rest of 2023-24",
                "The saving goes towards the cost of the agency Partnership Manager. Any remaining overspend at year end to be met from the "
                + "partnership's reserves, subject to the March budget report.")
            .Item("Yearly report 2022-23", "Geoffrey Hartland", AgendaPurpose.Decision,
                "The final draft was taken as read. Partners asked for the attendance table and the section on areas with little progress to "
                + "stay as drafted, even though they are uncomfortable reading.")
            .KeyDecision("Sign off the 2022-23 yearly report for publication",
                "Signed off by the three delegated safeguarding partners for publication by the end of September.")
            .Item("Learning review: the \"M\" family", "Geoffrey Hartland", AgendaPurpose.Decision,
                "Allegations about a former foster carer, made during recent court proceedings, relate to events some years ago. Partners "
                + "want to know whether they were properly investigated at the time and whether any child is still at risk.")
            .KeyDecision("Commission a learning review for the \"M\" family, chaired by the Independent Scrutineer",
                "Scope: how well the historical allegations were investigated, whether any risk to children remains, and what can be learned about "
                + "managing allegations against carers.")
            .Action("Agree terms of reference and panel for the \"M\" family review", "Geoffrey Hartland", On(2023, 10, 31), ActionStatus.Completed)
            .Item("Get Safe implementation", "Kerry Baines", AgendaPurpose.Information,
                "The task and finish group is on plan. The new triage and risk assessment pathway is being tested, partner trainers have done "
                + "the train-the-trainer session, and the launch is planned for a contextual safeguarding conference in January.");

        plan.Board(On(2023, 12, 14))
            .Apologies("Sarah Kemble", "Leading a major investigation; the Superintendent attending")
            .With("Jamie Corbett", AttendeeKind.PartnershipTeam)
            .With("Claire Ashdown", AttendeeKind.Presenter)
            .Opening("Geoffrey Hartland", "Ian Fairbairn was welcomed to his first meeting as the police delegated safeguarding partner.")
            .Item("Working Together 2023", "Elaine Whitfield", AgendaPurpose.Decision,
                "The new statutory guidance changes the roles of lead and delegated partners and expects the chair to be a partner. The first "
                + "Health Check session with the DfE National Advisor has been held; a second follows in March.")
            .Decision("Prepare an implementation plan for Working Together 2023",
                "To cover the new lead and delegated partner roles, chairing, independent scrutiny, education's place in the arrangements and "
                + "the timetable for publishing revised arrangements.")
            .Action("Draft the Working Together 2023 implementation plan", "Elaine Whitfield", On(2024, 3, 14), ActionStatus.Completed)
            .Item("Child Neglect Strategy", "Claire Ashdown", AgendaPurpose.Decision,
                "The refreshed strategy now covers adolescent neglect and medical neglect, both prompted by the Child HN review, and has a stronger "
                + "section on local data. The Understanding Child Neglect course and practitioner tools are already live.")
            .KeyDecision("Agree the updated Herefordshire Child Neglect Strategy",
                "Quality and Effectiveness to monitor its effect on practice; Development and Practice to keep the learning offer in step.")
            .Item("Section 11 check and challenge: findings", "Geoffrey Hartland", AgendaPurpose.Assurance,
                "Both sessions have been held. Every agency could show complaints, allegations, whistleblowing and escalation procedures, but "
                + "few could show how they learn from complaints as a whole.")
            .Action("Propose how the partnership will get assurance on agencies' learning from complaints", "Geoffrey Hartland", On(2024, 6, 30), ActionStatus.AtRisk)
            .Item("Rapid review \"Toby\" and out-of-hours referrals", "Karen Mellor", AgendaPurpose.Assurance,
                "The rapid review completed in October 2023. The learning briefing has gone out; assurance on out-of-hours referral routes has been "
                + "sought from the MASH, the ambulance service and the police.")
            .Item("Independent Commission action plan: progress", "Elaine Whitfield", AgendaPurpose.Assurance,
                "Trauma-informed practice courses have started and are full. The Community Safety Partnership will report on domestic abuse "
                + "in the spring.")
            .Revised("Correction to item 5: the rapid review was completed in October 2023, not September",
                new DateTime(2024, 3, 20, 10, 15, 0, DateTimeKind.Utc), "team@demo.hscp.example",
                "Rapid review \"Toby\" and out-of-hours referrals",
                "The rapid review completed in September 2023. The learning briefing has gone out; assurance on out-of-hours referral routes has been "
                + "sought from the MASH, the ambulance service and the police.");

        plan.Board(On(2024, 3, 14))
            .Apologies("Linda Ashworth", "ICB system leadership meeting; Karen Mellor attending as deputy")
            .Apologies("Ian Fairbairn", "Operational commitment; Sarah Kemble attending as deputy")
            .With("Jamie Corbett", AttendeeKind.PartnershipTeam)
            .With("Priya Chandran", AttendeeKind.Presenter)
            .Opening("Geoffrey Hartland", "Nadia Okafor was welcomed to her first meeting as Director of Children's Services.")
            .Item("Working Together 2023: chairing and meeting pattern", "Elaine Whitfield", AgendaPurpose.Decision,
                "The second Health Check has been held and the implementation plan is ready. Members agreed that the board should be chaired "
                + "by a partner from April and that quarterly meetings are not enough to keep pace.")
            .KeyDecision("The council's delegated safeguarding partner chairs the board from April 2024",
                "The Director of Children's Services takes the chair in line with Working Together 2023. The Independent Scrutineer continues "
                + "in the scrutiny role.")
            .KeyDecision("Meet every six weeks from April 2024, with a rotating theme",
                "Themes rotate between subgroup business, budget, governance and performance, and the Children's Improvement Plan priorities.")
            .Item("Budget 2024-25 and partner contributions", "Elaine Whitfield", AgendaPurpose.Decision,
                "The 2023-24 outturn is an overspend of about £9,000 caused by the agency manager's cost. From 2024-25 the Partnership Team "
                + "stops supporting the Community Safety Partnership so that it can focus on the children's partnership and the adults board.")
            .KeyDecision("Meet the 2023-24 overspend from reserves and agree the 2024-25 budget",
                "The overspend is met from the partnership's reserves. Contributions for 2024-25 agreed by all three partners; support for the "
                + "Community Safety Partnership moves to a team outside the Partnership Team during 2024-25.")
            .Item("LCSPR \"Child HN\"", "Karen Mellor", AgendaPurpose.Decision,
                "The final report has six findings and nine recommendations. Because Worcestershire agencies were involved, Worcestershire's "
                + "partnership will be asked to consider the recommendations too.")
            .KeyDecision("Publish the Child HN local child safeguarding practice review",
                "Publication this month, with a learning briefing and a presentation at the April Practitioner Forum.")
            .Action("Send the Child HN recommendations to the Worcestershire partnership", "Karen Mellor", On(2024, 4, 30), ActionStatus.Completed)
            .Item("MASH review", "Priya Chandran", AgendaPurpose.Assurance,
                "The January multi-agency review, carried out with Leeds as improvement partner, found the front door safe and effective and "
                + "made recommendations on the traffic-light screening and Right Help, Right Time.")
            .Item("Priorities for 2024-25", "Geoffrey Hartland", AgendaPurpose.Discussion,
                "First discussion of next year's priorities. Members want Working Together alignment, restorative practice with partners "
                + "and the dataset to lead. Draft to come to the April meeting.");
    }

    // ---------------------------------------------------------------------------------------------------------
    // 2023-24: the groups closed on 1 October 2023. Their last minutes were circulated but never approved.
    // ---------------------------------------------------------------------------------------------------------
    private static void AddOldStructure2023(Plan plan)
    {
        plan.Subgroup(ExecutiveSupport, On(2023, 5, 25), PloughLane)
            .Apologies("Craig Mansell", "Youth justice inspection preparation")
            .Deputised("Karen Mellor", "Natalie Brooks")
            .Opening("Claire Ashdown", "The minutes of the March meeting were agreed.")
            .Item("Subgroup work plans 2023-24", "Claire Ashdown", AgendaPurpose.Assurance,
                "Each subgroup's plan was checked against the draft business plan. The neglect and MASH plans overlap on early help "
                + "and will be joined up.")
            .Item("Board business for June", "Elaine Whitfield", AgendaPurpose.Information,
                "Agenda agreed: the Independent Commission report, the business plan, the Back to Basics workshop and Section 11.")
            .Item("Back to Basics workshop", "Elaine Whitfield", AgendaPurpose.Decision,
                "A joint session with the Safeguarding Adults Board in June to test whether the governance works in practice.")
            .Decision("Hold a joint Back to Basics governance workshop in June", "Invitations to go to both boards' members and subgroup chairs.")
            .Action("Organise the Back to Basics workshop", "Elaine Whitfield", On(2023, 6, 30), ActionStatus.Completed);

        plan.Subgroup(ExecutiveSupport, On(2023, 7, 27), PloughLane)
            .Apologies("Tom Brereton", "Annual leave")
            .Opening("Claire Ashdown")
            .Item("Governance proposals after the workshop", "Elaine Whitfield", AgendaPurpose.Decision,
                "Options were compared. The group favoured closing itself, with subgroups reporting straight to the board, over trimming its "
                + "membership.")
            .Decision("Recommend the new structure to the September board",
                "Including the group's own closure on 30 September 2023 and a handover of its coordinating work to the board.")
            .Item("Handover of the group's work", "Claire Ashdown", AgendaPurpose.Discussion,
                "The forward plan and the subgroup highlight reports will go to the board agenda from October.")
            .Action("Move the subgroup highlight reports onto the board's forward plan", "Jamie Corbett", On(2023, 10, 31), ActionStatus.Completed)
            .Minutes(MinutesStatus.Circulated, On(2023, 8, 10));

        plan.Subgroup(ChildNeglect, On(2023, 6, 8))
            .Apologies("Tamsin Hale", "Staff shortage in the service that day")
            .Absent("Stuart Penrose")
            .Opening("Fiona Greaves", "The minutes of the March meeting were agreed.")
            .Item("Refreshing the neglect strategy", "Fiona Greaves", AgendaPurpose.Decision,
                "Learning from the Child HN rapid review points to adolescent and medical neglect as gaps in the current strategy.")
            .Decision("Widen the neglect strategy to cover adolescent and medical neglect", "A first draft to come to the September meeting.")
            .Action("Draft the refreshed neglect strategy", "Fiona Greaves", On(2023, 9, 7), ActionStatus.Completed)
            .Item("Graded Care Profile 2: impact review", "Lucy Partridge", AgendaPurpose.Decision,
                "The March review of GCP2 found the tool used once rather than throughout work with a family.")
            .Decision("Implement the GCP2 impact review's recommendations",
                "Revise the training so GCP2 is used throughout, keep a mailing list of trained practitioners and add a refresher module.")
            .Action("Design a GCP2 refresher module", "Lucy Partridge", On(2023, 12, 31), ActionStatus.Completed)
            .Action("Set up a mailing list of GCP2-trained practitioners", "Megan Price", On(2023, 8, 31), ActionStatus.Completed)
            .Action("Record GCP2 use in the children's case management system", "Fiona Greaves", On(2024, 3, 31), ActionStatus.OffTrack,
                "Blocked by capacity in the children's services performance team and changes in management.");

        plan.Subgroup(ChildNeglect, On(2023, 9, 7))
            .Apologies("Dr Anil Rao", "Public health conference")
            .Deputised("Gemma Arkwright", "Emma Clifford")
            .Opening("Fiona Greaves")
            .Item("Draft neglect strategy", "Fiona Greaves", AgendaPurpose.Discussion,
                "Members commented on the draft. It goes to the Quality and Effectiveness Group for assurance and then to the board in December.")
            .Item("Practitioner tools", "Megan Price", AgendaPurpose.Information,
                "The quick guide, screening tool, day-in-my-life templates and chronology tool will launch at the October Practitioner Forum.")
            .Item("Closing the group", "Fiona Greaves", AgendaPurpose.Decision,
                "This is the group's last meeting before the new structure.")
            .Decision("Hand the neglect work plan to Quality and Effectiveness and Development and Practice",
                "Assurance actions to Quality and Effectiveness; training and practice tools to Development and Practice.")
            .Minutes(MinutesStatus.Circulated, On(2023, 9, 21));
    }

    // ---------------------------------------------------------------------------------------------------------
    // 2023-24: the subgroups.
    // ---------------------------------------------------------------------------------------------------------
    private static void AddSubgroups2023(Plan plan)
    {
        // Quality and Effectiveness.
        plan.Subgroup(QualityAndEffectiveness, On(2023, 5, 11))
            .Apologies("Sophie Marlow", "Early help service pressures")
            .Opening("Graham Lister", "The minutes of the February meeting were agreed.")
            .Item("Multi-agency dataset: scope", "Owen Pryce", AgendaPurpose.Decision,
                "A short first dataset was proposed: contacts and referrals by source, strategy discussions, section 47 enquiries, assessments "
                + "and child protection plans, using reports that already exist.")
            .Decision("Agree the scope of the first multi-agency dataset", "Health and police data to be added once the social care reports are settled.")
            .Action("Produce the first multi-agency dataset", "Owen Pryce", On(2023, 8, 10), ActionStatus.Completed)
            .Item("Audit of strategy meetings", "Graham Lister", AgendaPurpose.Decision,
                "Performance data shows many strategy meetings as not quorate. The group doubts the data.")
            .Decision("Dip-sample 30 strategy meetings recorded as not quorate", "To test whether they were quorate, and the quality of minutes and safety plans.")
            .Item("Section 11 self-assessment", "Aisha Rahman", AgendaPurpose.Information,
                "The exercise has opened using the West Midlands regional tool; returns are due in June.");

        plan.Subgroup(QualityAndEffectiveness, On(2023, 8, 10))
            .Apologies("Rebecca Thorne", "Annual leave")
            .Deputised("Joanne Tilley", "Emma Clifford")
            .Opening("Graham Lister")
            .Item("Strategy meetings audit: findings", "Graham Lister", AgendaPurpose.Assurance,
                "Most of the 30 meetings had in fact been quorate: attendance was being recorded wrongly, so the performance data was wrong. "
                + "Learning on safety planning and on how minutes are written and shared.")
            .Action("Correct how strategy meeting attendance is recorded", "Priya Chandran", On(2023, 10, 31), ActionStatus.Completed)
            .Item("Child sexual abuse audit", "Claire Ashdown", AgendaPurpose.Decision,
                "Children's social care has asked for a multi-agency look at how sexual abuse cases are followed up.")
            .Decision("Audit six child sexual abuse cases with the JTAI tool", "Police, health and children's social care to take part.")
            .Item("Child protection conference attendance", "Owen Pryce", AgendaPurpose.Assurance,
                "Some review conferences have been cancelled because partners did not attend. Attendance data by agency will now be reported.")
            .Action("Add conference attendance by agency to the dataset", "Owen Pryce", On(2023, 11, 9), ActionStatus.Completed);

        plan.Subgroup(QualityAndEffectiveness, On(2023, 11, 9))
            .Apologies("Craig Mansell", "Court")
            .Absent("Dr Anil Rao")
            .Opening("Claire Ashdown", "Members new to the group under the new structure were welcomed.")
            .Item("Terms of reference under the new structure", "Claire Ashdown", AgendaPurpose.Decision,
                "The group now carries the audit programme, the neglect assurance work and the MASH Group's reports.")
            .Decision("Adopt the group's revised terms of reference", "Including the MASH Group reporting to this group.")
            .Item("Child sexual abuse audit: findings", "Claire Ashdown", AgendaPurpose.Assurance,
                "Strengths: communication within agencies, assessments written to the child, good CAMHS input. Gaps: strategy meetings not "
                + "always called, identity and culture missing from assessments, slow actions, thin management oversight.")
            .Action("Commission training on responding to child sexual abuse", "Claire Ashdown", On(2024, 6, 30), ActionStatus.Completed)
            .Item("Dataset: police and Wye Valley data", "Owen Pryce", AgendaPurpose.Information,
                "West Mercia Police crime data and Wye Valley NHS Trust figures on conferences, medicals and training are now in the dataset.")
            .Item("Next audit", "Claire Ashdown", AgendaPurpose.Decision, "Child on child abuse was chosen from the data and recent referrals.")
            .Decision("Audit child on child abuse referrals", "Ten children screened at levels three and four between June and November 2023.");

        plan.Subgroup(QualityAndEffectiveness, On(2024, 2, 8))
            .Apologies("Fiona Greaves", "Chairing a child protection conference")
            .Deputised("Sarah Kemble", "Gavin Rudd")
            .Opening("Claire Ashdown")
            .Item("Child on child abuse audit: findings", "Claire Ashdown", AgendaPurpose.Assurance,
                "Screening at the front door is working; agencies know the children well. Strategy discussions are not always timely or held "
                + "jointly for both children, and referrers are not always told the outcome.")
            .Action("Tell referring agencies the outcome of their referrals", "Priya Chandran", On(2024, 5, 31), ActionStatus.AtRisk)
            .Item("MASH review", "Priya Chandran", AgendaPurpose.Assurance, "The January review and its recommendations were presented; the MASH Group will track them.")
            .Item("Walk the floor visits", "Aisha Rahman", AgendaPurpose.Information,
                "Members have visited front-line teams; findings to be written up for the next meeting.")
            .Action("Write up the walk the floor findings", "Aisha Rahman", On(2024, 5, 9), ActionStatus.Completed);

        // Joint Case Review.
        plan.Subgroup(JointCaseReview, On(2023, 4, 20))
            .Apologies("Angela Rowe", "Probation leadership meeting")
            .Opening("Karen Mellor", "The minutes of the January meeting were agreed.")
            .Item("Rapid review \"Child HN\"", "Karen Mellor", AgendaPurpose.Decision,
                "The rapid review is complete. Members agreed the case meets the criteria for a local review and that learning on adolescent "
                + "and medical neglect would not come out any other way.")
            .Decision("Recommend a local child safeguarding practice review for Child HN", "For the three partners to decide.")
            .Item("Rapid review: non-accidental head injury to a baby", "Karen Mellor", AgendaPurpose.Decision,
                "Eight recommendations, on cumulative harm, engaging parents, and information sharing at closure and handover.")
            .Decision("Accept the eight recommendations of the head injury rapid review", "Each has a lead agency and will be tracked here.")
            .Action("Publish a learning briefing on the head injury rapid review", "Jamie Corbett", On(2023, 6, 30), ActionStatus.Completed)
            .Action("Review handovers between midwifery and health visiting", "Joanne Tilley", On(2023, 10, 31), ActionStatus.Completed);

        plan.Subgroup(JointCaseReview, On(2023, 7, 20))
            .Deputised("Deborah Yates", "Lewis Gardner")
            .Apologies("Dr Peter Lyall", "Surgery commitments")
            .Opening("Karen Mellor")
            .Item("Child HN review: terms of reference", "Karen Mellor", AgendaPurpose.Decision, "Terms of reference and the independent reviewer were agreed.")
            .Decision("Agree the Child HN terms of reference and reviewer", "Worcestershire agencies to be invited to contribute.")
            .Item("Guidance on child protection medicals", "Karen Mellor", AgendaPurpose.Assurance,
                "Revised guidance now asks whether brothers, sisters and other children in the home need a medical.")
            .Action("Publish the revised child protection medicals guidance", "Karen Mellor", On(2023, 9, 30), ActionStatus.Completed)
            .Item("Adult reviews with learning for children", "Martin Kettle", AgendaPurpose.Information,
                "Scoping meetings for adult and domestic homicide reviews were summarised; mental capacity and Think Family learning is relevant here.");

        plan.Subgroup(JointCaseReview, On(2023, 10, 19))
            .Apologies("Paula Ainsworth", "Regional ambulance safeguarding meeting")
            .Absent("Angela Rowe")
            .Opening("Karen Mellor")
            .Item("Rapid review \"Toby\"", "Karen Mellor", AgendaPurpose.Decision,
                "Learning on young people's access to butane gas, following out-of-hours procedures, parental conflict with substance misuse, "
                + "and speaking to children directly.")
            .Decision("Agree the Toby learning briefing and seek assurance on out-of-hours referrals", "From the MASH, the ambulance service and the police.")
            .Action("Confirm how out-of-hours safeguarding referrals are made by ambulance crews", "Paula Ainsworth", On(2023, 12, 31), ActionStatus.Completed)
            .Action("Confirm how police out-of-hours referrals reach the MASH duty line", "Gavin Rudd", On(2023, 12, 31), ActionStatus.Completed)
            .Action("Seek assurance from the local Army Cadets on butane gas", "Jamie Corbett", On(2023, 12, 31), ActionStatus.Completed)
            .Item("Recommendation tracker", "Jamie Corbett", AgendaPurpose.Assurance, "Head injury review recommendations: six complete, two in progress.");

        plan.Subgroup(JointCaseReview, On(2024, 1, 18))
            .Apologies("Martin Kettle", "Adults board business")
            .Deputised("Gavin Rudd", "Hannah Pike")
            .Opening("Karen Mellor")
            .Item("Child HN: final report", "Karen Mellor", AgendaPurpose.Decision, "Six findings, six key learning points and nine recommendations.")
            .Decision("Recommend the Child HN report to the board for publication in March", "With a learning briefing and a Practitioner Forum presentation.")
            .Action("Review elective home education procedures", "Rebecca Thorne", On(2024, 6, 30), ActionStatus.Completed)
            .Action("Revise the child in need template and plan", "Fiona Greaves", On(2024, 4, 30), ActionStatus.Completed)
            .Action("Pilot youth workers in the diabetes and epilepsy teams", "Joanne Tilley", On(2024, 9, 30), ActionStatus.OnTrack)
            .Item("Quality of rapid review scoping returns", "Jamie Corbett", AgendaPurpose.Discussion,
                "Returns are long on detail and short on analysis. An advice session for authors was proposed.")
            .Action("Run an advice session on writing rapid review scoping returns", "Jamie Corbett", On(2024, 4, 30), ActionStatus.NotStarted);

        // Development and Practice.
        plan.Subgroup(DevelopmentAndPractice, On(2023, 6, 22))
            .Apologies("Neil Stanton", "Operational duties")
            .Opening("Natalie Brooks", "Natalie Brooks chairs while the Principal Social Worker post is vacant.")
            .Item("Learning and development strategy 2023-25", "Natalie Brooks", AgendaPurpose.Decision,
                "Three priority areas proposed for the year, matching the business plan.")
            .Decision("Set neglect, exploitation and trauma-informed practice as this year's learning priorities", "Other courses continue as the core programme.")
            .Item("Trauma-informed practice training", "Ben Hollis", AgendaPurpose.Decision,
                "Public Health and the ICB have offered funding for external courses.")
            .Decision("Commission trauma-informed practice courses from SaferTogether", "Principles and foundations, and creating trauma-informed organisations.")
            .Action("Set up the trauma-informed practice course dates", "Ben Hollis", On(2023, 9, 30), ActionStatus.Completed)
            .Item("Schools' designated safeguarding leads event", "Rebecca Thorne", AgendaPurpose.Information,
                "Two Partnership Officers will speak about the partnership at this month's event.");

        plan.Subgroup(DevelopmentAndPractice, On(2023, 9, 21))
            .Apologies("Mike Oakden", "College enrolment week")
            .Absent("Rachel Dunmore")
            .Opening("Natalie Brooks")
            .Item("Understanding Child Neglect course", "Natalie Brooks", AgendaPurpose.Decision,
                "The course is written and a pool of trainers from early help, the social care academy, MASH education and the ICB is ready.")
            .Decision("Add Understanding Child Neglect to the multi-agency programme", "First dates from October.")
            .Action("Publish the neglect tools on the practitioner resources page", "Ben Hollis", On(2023, 10, 31), ActionStatus.Completed)
            .Item("Honour-based abuse resources", "Rebecca Thorne", AgendaPurpose.Information, "A seven-minute briefing and resources went out this month.");

        plan.Subgroup(DevelopmentAndPractice, On(2023, 12, 7))
            .Apologies("Gemma Arkwright", "Maternity unit cover")
            .Deputised("Joanne Tilley", "Emma Clifford")
            .Opening("Natalie Brooks")
            .Item("Working Together courses after the police withdraw", "Natalie Brooks", AgendaPurpose.Decision,
                "West Mercia Police has said it will stop delivering the Level 2 and Level 3 multi-agency safeguarding courses. Members "
                + "committed their agencies to keeping the courses going.")
            .Decision("Relaunch the Level 2 and Level 3 courses with a multi-agency trainer pool",
                "And fold the Right Help, Right Time course into Level 2.")
            .Action("Recruit trainers for the relaunched courses", "Rebecca Thorne", On(2024, 3, 31), ActionStatus.Completed)
            .Action("Revise the Level 2 and Level 3 course materials", "Ben Hollis", On(2024, 8, 31), ActionStatus.Completed)
            .Item("GCP2 refresher module", "Lucy Partridge", AgendaPurpose.Information, "The refresher is ready and first sessions are booked.");

        plan.Subgroup(DevelopmentAndPractice, On(2024, 3, 21))
            .Apologies("Sophie Marlow", "Early help inspection preparation")
            .Opening("Daniel Whitlock", "Daniel Whitlock was welcomed as chair; Natalie Brooks was thanked for chairing through the vacancy.")
            .Item("Course no-shows", "Ben Hollis", AgendaPurpose.Discussion,
                "A large share of booked places are not used and not cancelled.")
            .Action("Analyse no-show data and propose changes", "Ben Hollis", On(2024, 7, 31), ActionStatus.OnTrack)
            .Item("Practitioner Forum", "Ben Hollis", AgendaPurpose.Information,
                "The spring forum moves to April because of Easter; the Child HN learning will be presented.")
            .Item("Engagement framework", "Daniel Whitlock", AgendaPurpose.Discussion,
                "A framework for hearing from children, young people, parents and carers is being drafted.")
            .Action("Draft the engagement framework", "Daniel Whitlock", On(2024, 6, 30), ActionStatus.Completed);

        // Child Exploitation and Missing (from 1 October 2023).
        plan.Subgroup(ChildExploitation, On(2023, 11, 2))
            .Apologies("Kieran Walsh", "Rail operation")
            .Opening("Tom Brereton", "The group's first meeting. Exploitation governance has moved across from the Community Safety Partnership.")
            .Item("Terms of reference", "Tom Brereton", AgendaPurpose.Decision, "Draft terms of reference were discussed.")
            .Decision("Adopt the group's terms of reference", "Including oversight of the Get Safe model once launched.")
            .Item("Get Safe launch", "Kerry Baines", AgendaPurpose.Decision,
                "The launch will be a contextual safeguarding conference in January at Hereford Racecourse.")
            .Decision("Launch Get Safe at a contextual safeguarding conference on 30 January 2024", "Speakers to include young people with lived experience.")
            .Action("Organise the contextual safeguarding conference", "Kerry Baines", On(2024, 1, 30), ActionStatus.Completed)
            .Item("MACE 2 Prevent and Disrupt", "Hannah Pike", AgendaPurpose.Discussion,
                "The group meets monthly and has mapped hotspots and perpetrators. The name confuses people and is not used nationally.")
            .Action("Rename the Prevent and Disrupt meeting to MACE", "Hannah Pike", On(2024, 1, 31), ActionStatus.Completed);

        plan.Subgroup(ChildExploitation, On(2024, 2, 15))
            .Apologies("Andrea Whitcombe", "School governors' meeting")
            .Absent("Hayley Norris")
            .Deputised("Sarah Kemble", "Gavin Rudd")
            .Opening("Tom Brereton")
            .Item("Get Safe launch: review", "Kerry Baines", AgendaPurpose.Information,
                "160 delegates attended and 88 evaluations came back. Get Safe is now fully adopted and the task and finish group has closed; "
                + "oversight stays here.")
            .Item("Exploitation and missing data", "Hannah Pike", AgendaPurpose.Assurance,
                "Return home interviews are up. Comparisons with earlier years are unreliable because the model and recording changed.")
            .Item("National Child Exploitation Awareness Day", "Kerry Baines", AgendaPurpose.Decision, "The Safe Cadets have offered to lead an event.")
            .Decision("Hold a Child Exploitation Awareness Day event led by the Safe Cadets", "At Plough Lane on 20 March 2024.")
            .Action("Run the awareness day event", "Kerry Baines", On(2024, 3, 20), ActionStatus.Completed)
            .Item("Transition to adulthood", "Tom Brereton", AgendaPurpose.Discussion, "Young people at risk of exploitation lose support at 18.")
            .Action("Develop a transition pathway with the Safeguarding Adults Board", "Tom Brereton", On(2024, 12, 31), ActionStatus.OnTrack);

        // MASH Group (from 1 October 2023).
        plan.Subgroup(Mash, On(2023, 11, 23))
            .Apologies("Deborah Yates", "Trust safeguarding committee")
            .Opening("Priya Chandran", "The first meeting of the merged group.")
            .Item("Terms of reference", "Priya Chandran", AgendaPurpose.Decision, "Reflects the merger and reporting to Quality and Effectiveness.")
            .Decision("Adopt the MASH Group's terms of reference", "Reporting to the Quality and Effectiveness Group.")
            .Item("Referrals for children living elsewhere", "Priya Chandran", AgendaPurpose.Decision,
                "Partners discussed whether the MASH should pass referrals on to other local authorities.")
            .Decision("The MASH does not pass on referrals for children who live elsewhere",
                "Except where a child is at risk of significant harm from something that happened in Herefordshire and needs an immediate response.")
            .Item("Performance data", "Priya Chandran", AgendaPurpose.Decision, "The current report mixes in data from other services.")
            .Decision("Report MASH data only to this group", "Agreed with the performance team.")
            .Item("Education in the MASH", "Rebecca Thorne", AgendaPurpose.Information,
                "Coffee mornings for designated safeguarding leads started in September; early years is next.");

        plan.Subgroup(Mash, On(2024, 2, 22))
            .Apologies("Tamsin Hale", "Staff training day")
            .Deputised("Gavin Rudd", "Hannah Pike")
            .Opening("Priya Chandran")
            .Item("MASH review recommendations", "Priya Chandran", AgendaPurpose.Decision,
                "The review recommends a clearer traffic-light system matched to Right Help, Right Time.")
            .Decision("Send level 2 (green) contacts straight to the Children's Help and Advice Team", "The MASH concentrates on amber and red.")
            .Action("Build an online multi-agency referral form", "Priya Chandran", On(2024, 10, 31), ActionStatus.AtRisk)
            .Item("Learning from other MASHs", "Priya Chandran", AgendaPurpose.Information, "Visits to Telford and Wrekin and to Dudley are arranged.")
            .Action("Visit two other MASHs and report back", "Priya Chandran", On(2024, 5, 31), ActionStatus.Completed);
    }

    // ---------------------------------------------------------------------------------------------------------
    // 2024-25: the board meets every six weeks with a theme. One extraordinary meeting lacks the ICB (its key
    // decision is ratified later); the 1 August meeting lacks the police and its key decision awaits ratification.
    // ---------------------------------------------------------------------------------------------------------
    private static void AddBoard2024(Plan plan)
    {
        plan.Board(On(2024, 4, 18))
            .Titled("Thematic focus: subgroup business")
            .Apologies("Sarah Kemble", "Annual leave")
            .With("Jamie Corbett", AttendeeKind.PartnershipTeam)
            .With("Claire Ashdown", AttendeeKind.Presenter)
            .Opening("Nadia Okafor", "Nadia Okafor chaired for the first time. Geoffrey Hartland now attends as Independent Scrutineer.")
            .Item("Priorities for 2024-25", "Elaine Whitfield", AgendaPurpose.Decision,
                "The draft from March was refined. Several priorities are shared with the Children's Services Improvement Programme.")
            .KeyDecision("Agree the partnership's priorities for 2024-25",
                "Finish aligning with Working Together 2023; support phase 2 of the Children's Services Improvement Programme; restorative, "
                + "relational and Think Family practice with partners; the dataset and audit programme; embedding case review learning; "
                + "the neglect strategy, engagement framework, professional differences policy and levels of need; transition for young "
                + "people at risk of exploitation.")
            .Item("Independent scrutiny plan", "Geoffrey Hartland", AgendaPurpose.Discussion, "A first draft was discussed; it needs the lead partners' view.")
            .Action("Bring the independent scrutiny plan for agreement", "Geoffrey Hartland", On(2024, 10, 24), ActionStatus.Completed)
            .Item("Subgroup highlight reports", "Claire Ashdown", AgendaPurpose.Information,
                "Quality and Effectiveness, Joint Case Review, Development and Practice, Child Exploitation and Missing, and MASH reported.")
            .Item("Community Safety Partnership support", "Elaine Whitfield", AgendaPurpose.Information,
                "The move of support to a separate team is planned for the autumn.");

        plan.Board(On(2024, 5, 16), online: true)
            .Titled("Extraordinary meeting: shared dataset funding")
            .TakesNoMinutes()
            .Times(new TimeOnly(9, 30), new TimeOnly(10, 15))
            .Apologies("Linda Ashworth", "ICB board development session")
            .Apologies("Karen Mellor", "Annual leave")
            .Apologies("Sarah Kemble", "The Superintendent attending")
            .Opening("Nadia Okafor", "Called at short notice because the regional project needed an answer by the end of May.")
            .Item("Shared Herefordshire and Worcestershire dataset project", "Elaine Whitfield", AgendaPurpose.Decision,
                "The project would bring more agencies' data into the dataset and automate collection. The ICB was not represented, so the "
                + "meeting was not quorate; the decision will be put to the next quorate meeting for ratification.")
            .KeyDecision("Commit the partnership's share of funding to the shared dataset project",
                "Funded from the 2024-25 budget, subject to ratification because the ICB was not represented.",
                ratifiedAt: On(2024, 6, 6));

        plan.Board(On(2024, 6, 6))
            .Titled("Thematic focus: performance")
            .Apologies("Ian Fairbairn", "Operational commitment; Sarah Kemble attending as deputy")
            .Apologies("Tom Brereton", "Practice week visits")
            .With("Jamie Corbett", AttendeeKind.PartnershipTeam)
            .With("Owen Pryce", AttendeeKind.Presenter)
            .Opening("Nadia Okafor")
            .Item("Ratification: shared dataset funding", "Nadia Okafor", AgendaPurpose.Decision,
                "The decision taken on 16 May without the ICB was put to members. The ICB supported it.")
            .Item("Multi-agency dataset", "Owen Pryce", AgendaPurpose.Assurance,
                "Contacts are up slightly on last year but the referral rate is down to about a fifth. Strategy discussions in time ended the "
                + "year at 96%. Assessments in time (79%) remain well below target.")
            .Action("Report on call handling and response times at the front door", "Priya Chandran", On(2024, 12, 5), ActionStatus.NotStarted)
            .Item("Engagement framework", "Daniel Whitlock", AgendaPurpose.Decision, "How the partnership will listen to children and families.")
            .Decision("Approve the engagement framework for consultation", "Consultation with young people's groups over the summer.")
            .Item("Yearly report 2023-24: timetable", "Elaine Whitfield", AgendaPurpose.Information,
                "Draft in August, sign-off in September, publication by the end of September.");

        plan.Board(On(2024, 8, 1))
            .Titled("Thematic focus: budget")
            .Apologies("Ian Fairbairn", "Gold commander for a planned policing operation")
            .Absent("Sarah Kemble")
            .Apologies("Karen Mellor", "Annual leave")
            .With("Jamie Corbett", AttendeeKind.PartnershipTeam)
            .Opening("Nadia Okafor", "No one attended for West Mercia Police, so the meeting was not quorate.")
            .Item("Partner contributions from 2025-26", "Elaine Whitfield", AgendaPurpose.Decision,
                "With the Community Safety Partnership's support moving out of the team, the split of contributions no longer matches the work. "
                + "A revised split was proposed. The police were not represented, so the decision needs ratifying.")
            .KeyDecision("Revise the shares of partner contributions from 2025-26",
                "Shares to reflect a team supporting only the children's partnership and the adults board. Needs ratification at a quorate "
                + "meeting because West Mercia Police was not represented.")
            .Action("Confirm West Mercia Police's position on the revised contributions", "Ian Fairbairn", On(2024, 9, 12), ActionStatus.AtRisk)
            .Item("Professional differences policy review", "Elaine Whitfield", AgendaPurpose.Discussion,
                "The October 2023 review of escalations found most stage 2 escalations resolved at stage 2, and later stages driven by slow "
                + "responses. The policy is due for review in September.")
            .Item("Children's Improvement Plan", "Nadia Okafor", AgendaPurpose.Information, "Phase 2 of the programme starts in the autumn.");

        plan.Board(On(2024, 9, 12))
            .Titled("Thematic focus: governance")
            .Apologies("Karen Mellor", "ICB safeguarding inspection")
            .With("Jamie Corbett", AttendeeKind.PartnershipTeam)
            .Opening("Nadia Okafor",
                "Members noted that the 1 August meeting was not quorate. The police will give their view on the contributions decision once "
                + "their finance review is complete, so it was not put for ratification today.")
            .Item("Yearly report 2023-24", "Elaine Whitfield", AgendaPurpose.Decision,
                "The report sets out the year's work, its impact and the board attendance figures.")
            .KeyDecision("Sign off the 2023-24 yearly report for publication", "Signed off by the three partners for publication by the end of September.")
            .Item("Professional differences policy", "Elaine Whitfield", AgendaPurpose.Decision,
                "Revised in the light of the escalations review and partner feedback.")
            .Decision("Relaunch the multi-agency professional differences policy", "With a short briefing for practitioners.")
            .Item("Safeguarding courses relaunch", "Daniel Whitlock", AgendaPurpose.Information,
                "Level 2 and Level 3 courses restart this month with the multi-agency trainer pool.");

        plan.Board(On(2024, 10, 24))
            .Titled("Thematic focus: Working Together 2023")
            .Apologies("Linda Ashworth", "National chief nurses' meeting; Karen Mellor attending as deputy")
            .With("Jamie Corbett", AttendeeKind.PartnershipTeam)
            .With("Rebecca Thorne", AttendeeKind.Presenter)
            .Opening("Nadia Okafor")
            .Item("Revised multi-agency safeguarding arrangements", "Elaine Whitfield", AgendaPurpose.Decision,
                "The draft covers lead and delegated partner roles, chairing, independent scrutiny and education's place.")
            .KeyDecision("Approve the revised safeguarding arrangements for publication by December 2024", "To be endorsed by the lead safeguarding partners.")
            .Item("Independent scrutiny plan", "Geoffrey Hartland", AgendaPurpose.Decision, "Revised after the lead partners' comments.")
            .Decision("Agree the independent scrutiny plan for 2024-25", "Reviewed again with the yearly report.")
            .Item("Education and the partnership", "Rebecca Thorne", AgendaPurpose.Discussion,
                "Schools' forums were asked how education could be more involved; a dedicated education safeguarding group was suggested.")
            .Action("Work up a proposal for an education safeguarding subgroup", "Rebecca Thorne", On(2025, 1, 30), ActionStatus.OnTrack);

        plan.Board(On(2024, 12, 5))
            .Titled("Thematic focus: Children's Improvement Plan")
            .Apologies("Geoffrey Hartland", "Another scrutiny commitment")
            .Apologies("Sarah Kemble", "Training course")
            .With("Jamie Corbett", AttendeeKind.PartnershipTeam)
            .With("Priya Chandran", AttendeeKind.Presenter)
            .Opening("Nadia Okafor")
            .Item("Right Help, Right Time levels of need", "Priya Chandran", AgendaPurpose.Decision,
                "Fully reviewed against Working Together 2023, with clearer examples.")
            .Decision("Relaunch the Right Help, Right Time levels of need policy", "With briefings for referrers in the new year.")
            .Item("Online referral form", "Priya Chandran", AgendaPurpose.Assurance, "Testing has slipped to the new year.")
            .Item("Restorative practice with partners", "Tom Brereton", AgendaPurpose.Discussion,
                "Partners feel left behind by the roll-out in children's social care; multi-agency places will be offered.")
            .Minutes(MinutesStatus.Circulated, On(2025, 1, 28));

        plan.Board(On(2025, 1, 30))
            .Titled("Thematic focus: budget")
            .Apologies("Tom Brereton", "Annual leave")
            .Apologies("Karen Mellor", "Regional safeguarding network")
            .With("Jamie Corbett", AttendeeKind.PartnershipTeam)
            .Opening("Nadia Okafor", "Approval of the 5 December minutes was deferred to March because they were circulated only two days ago.")
            .Item("Budget 2025-26", "Elaine Whitfield", AgendaPurpose.Discussion,
                "A first look at 2025-26. The contributions decision of 1 August still awaits ratification; the police expect to confirm "
                + "their position in March.")
            .Item("Section 11 actions", "Geoffrey Hartland", AgendaPurpose.Assurance, "Most agencies have completed their 2023 actions; two are chased.")
            .Item("Subgroup highlight reports", "Elaine Whitfield", AgendaPurpose.Information, "Quality and Effectiveness and Joint Case Review reported.")
            .Minutes(MinutesStatus.Draft);

        plan.Board(On(2025, 3, 13))
            .Scheduled()
            .Titled("Thematic focus: performance")
            .Opening("Nadia Okafor")
            .Item("Ratification: partner contributions from 2025-26", "Nadia Okafor", AgendaPurpose.Decision, null)
            .Item("Multi-agency dataset: quarter 3", "Owen Pryce", AgendaPurpose.Assurance, null)
            .Item("Priorities for 2025-26", "Elaine Whitfield", AgendaPurpose.Discussion, null);
    }

    // ---------------------------------------------------------------------------------------------------------
    // 2024-25: subgroups to date, with one meeting cancelled and one still to come.
    // ---------------------------------------------------------------------------------------------------------
    private static void AddSubgroups2024(Plan plan)
    {
        plan.Subgroup(QualityAndEffectiveness, On(2024, 5, 9))
            .Apologies("Tamsin Hale", "Refuge staffing")
            .Deputised("Dr Imran Qureshi", "Natalie Brooks")
            .Opening("Claire Ashdown")
            .Item("Audit programme 2024-25", "Claire Ashdown", AgendaPurpose.Decision, "Chosen from the dataset, case reviews and the priorities.")
            .Decision("Agree the 2024-25 multi-agency audit programme", "Including return home interviews and police missing-person records, shared with CE&M.")
            .Item("Section 11 follow-up", "Aisha Rahman", AgendaPurpose.Assurance, "Agencies' progress on their 2023 actions will be checked each quarter.")
            .Action("Collect progress on Section 11 actions from every agency", "Aisha Rahman", On(2024, 9, 30), ActionStatus.Completed);

        plan.Subgroup(QualityAndEffectiveness, On(2024, 8, 8))
            .Cancelled("Too few members available in the school holidays; the business was carried forward to November.")
            .Opening("Claire Ashdown")
            .Item("Dataset: quarter 1", "Owen Pryce", AgendaPurpose.Assurance, null);

        plan.Subgroup(QualityAndEffectiveness, On(2024, 11, 7))
            .Apologies("Craig Mansell", "Court")
            .Absent("Dr Anil Rao")
            .Opening("Claire Ashdown")
            .Item("Dataset: the shared regional project", "Owen Pryce", AgendaPurpose.Information,
                "Data from more agencies will arrive through the shared project in 2025.")
            .Item("Section 175 returns", "Rebecca Thorne", AgendaPurpose.Assurance,
                "Schools' safeguarding returns were summarised; most schools fully meet the standards.")
            .Action("Follow up schools that did not return their Section 175 audit", "Rebecca Thorne", On(2025, 1, 31), ActionStatus.OnTrack)
            .Item("Sexual abuse training", "Claire Ashdown", AgendaPurpose.Information, "The commissioned programme has started.");

        plan.Subgroup(QualityAndEffectiveness, On(2025, 2, 6))
            .Apologies("Joanne Tilley", "Sickness")
            .Opening("Claire Ashdown")
            .Item("Conference attendance", "Owen Pryce", AgendaPurpose.Assurance, "Partner attendance at review conferences has improved since the letters.")
            .Item("Audit of return home interviews", "Claire Ashdown", AgendaPurpose.Decision, "The audit tool was agreed with CE&M.")
            .Decision("Use the agreed tool for the return home interview audit", "Fieldwork in March.")
            .Minutes(MinutesStatus.Draft);

        plan.Subgroup(JointCaseReview, On(2024, 4, 25))
            .Apologies("Dr Peter Lyall", "Surgery commitments")
            .Opening("Karen Mellor")
            .Item("Serious incident notifications for care leavers", "Karen Mellor", AgendaPurpose.Decision,
                "Working Together 2023 adds notifications when a care leaver dies, and the three partners must decide together which cases "
                + "meet the criteria.")
            .Decision("Update the case review procedures for serious incident notifications",
                "Covering the death of a care leaver and a joint decision by the three partners' representatives.")
            .Action("Publish the updated case review procedures", "Jamie Corbett", On(2024, 7, 31), ActionStatus.Completed)
            .Item("Child HN learning at the Practitioner Forum", "Jamie Corbett", AgendaPurpose.Information,
                "Over 90 practitioners attended the April forum; the slides and a recording are online for agencies to use.")
            .Item("Recommendation tracker", "Jamie Corbett", AgendaPurpose.Assurance,
                "Head injury review: complete. Child HN: four of nine recommendations complete, the rest on track.");

        plan.Subgroup(JointCaseReview, On(2024, 7, 25))
            .Apologies("Martin Kettle", "Adults board development day")
            .Deputised("Deborah Yates", "Lewis Gardner")
            .Opening("Karen Mellor")
            .Item("Evidence that review learning changes practice", "Karen Mellor", AgendaPurpose.Decision,
                "Completed actions do not show that practice has changed. Members proposed checking a sample of cases some months after each "
                + "learning briefing.")
            .Decision("Check the impact of review learning six months after each briefing", "Starting with the Child HN recommendations.")
            .Action("Design a six-month impact check for review learning", "Karen Mellor", On(2024, 12, 31), ActionStatus.AtRisk)
            .Item("Think Family", "Martin Kettle", AgendaPurpose.Information,
                "The adults board has commented on the draft Think Family approach; the comments go to Development and Practice.");

        plan.Subgroup(JointCaseReview, On(2024, 10, 17))
            .Apologies("Gavin Rudd", "Operational commitment")
            .Absent("Tamsin Hale")
            .Opening("Karen Mellor")
            .Item("Notifications and rapid reviews", "Karen Mellor", AgendaPurpose.Information, "No new serious incident notifications this quarter.")
            .Item("Recommendation tracker", "Jamie Corbett", AgendaPurpose.Assurance,
                "The advice session on scoping returns is still outstanding. The youth worker pilot in the diabetes and epilepsy teams continues.")
            .Action("Report on the diabetes and epilepsy youth worker pilot", "Joanne Tilley", On(2025, 1, 31), ActionStatus.NotStarted)
            .Minutes(MinutesStatus.Circulated, On(2024, 10, 31));

        plan.Subgroup(DevelopmentAndPractice, On(2024, 6, 20))
            .Apologies("Neil Stanton", "Operational duties")
            .Absent("Mike Oakden")
            .Opening("Daniel Whitlock")
            .Item("Level 2 and Level 3 relaunch", "Ben Hollis", AgendaPurpose.Information,
                "The trainers have reviewed the materials and the relaunch is set for September.")
            .Item("Restorative practice with partners", "Daniel Whitlock", AgendaPurpose.Decision,
                "Partners say the roll-out in children's social care has left them behind.")
            .Decision("Offer restorative practice training to partner agencies",
                "Places on children's social care courses opened to partners first, then a multi-agency course.")
            .Action("Open restorative practice places to partner agencies", "Daniel Whitlock", On(2024, 12, 31), ActionStatus.AtRisk)
            .Item("Course no-shows", "Ben Hollis", AgendaPurpose.Decision,
                "Most no-shows are on free courses booked a long way ahead.")
            .Decision("Send reminders and release unclaimed places a week before each course", "Effect to be checked after six months.");

        plan.Subgroup(DevelopmentAndPractice, On(2024, 9, 26))
            .Apologies("Lucy Partridge", "Nursery inspection")
            .Deputised("Joanne Tilley", "Emma Clifford")
            .Opening("Daniel Whitlock")
            .Item("Engagement framework consultation", "Daniel Whitlock", AgendaPurpose.Assurance,
                "Young people asked for plain language and to be told what changed because of what they said.")
            .Action("Add a \"you said, we did\" section to the engagement framework", "Daniel Whitlock", On(2024, 12, 31), ActionStatus.Completed)
            .Item("Think Family", "Daniel Whitlock", AgendaPurpose.Discussion,
                "Think Family will be promoted through the bulletin and built into the core courses.")
            .Action("Add Think Family content to the Level 2 course", "Ben Hollis", On(2025, 3, 31), ActionStatus.OnTrack)
            .Item("Professional differences briefing", "Ben Hollis", AgendaPurpose.Information, "A seven-minute briefing supports the relaunched policy.")
            .Minutes(MinutesStatus.Circulated, On(2024, 10, 10));

        plan.Subgroup(DevelopmentAndPractice, On(2025, 3, 20))
            .Scheduled()
            .Opening("Daniel Whitlock")
            .Item("Training evaluation 2024-25", "Ben Hollis", AgendaPurpose.Assurance, null)
            .Item("Learning and development strategy 2025-27", "Daniel Whitlock", AgendaPurpose.Decision, null);

        plan.Subgroup(ChildExploitation, On(2024, 5, 23))
            .Apologies("Laura Benning", "Commissioning meeting")
            .Absent("Hayley Norris")
            .Opening("Tom Brereton")
            .Item("Terms of reference", "Tom Brereton", AgendaPurpose.Decision, "Reviewed after the group's first six months.")
            .Decision("Adopt the group's revised terms of reference", "Adding transition to adulthood and a yearly audit plan.")
            .Item("Audit plan", "Hannah Pike", AgendaPurpose.Decision, "Agreed with Quality and Effectiveness.")
            .Decision("Audit return home interviews and police missing-person records this year", "Run jointly with Quality and Effectiveness.")
            .Action("Complete the return home interview audit", "Hannah Pike", On(2024, 10, 31), ActionStatus.AtRisk)
            .Item("Exploitation dataset", "Kerry Baines", AgendaPurpose.Discussion, "Which measures and reports are needed now that Get Safe is in place.")
            .Action("Agree the exploitation and missing dataset and reports", "Kerry Baines", On(2024, 9, 30), ActionStatus.Completed);

        plan.Subgroup(ChildExploitation, On(2024, 11, 21))
            .Apologies("Andrea Whitcombe", "Inspection at the school")
            .Opening("Tom Brereton")
            .Item("What difference Get Safe made", "Kerry Baines", AgendaPurpose.Assurance,
                "Cases closed in the last six months were reviewed; young people's feedback was mostly positive.")
            .Item("Safe Cadets", "Kerry Baines", AgendaPurpose.Decision, "The cadets want more young people to join.")
            .Decision("Recruit more young people to the Safe Cadets", "Through youth services and schools.")
            .Action("Recruit to the Safe Cadets", "Kerry Baines", On(2025, 3, 31), ActionStatus.OnTrack)
            .Item("Conference 2025", "Kerry Baines", AgendaPurpose.Decision, "Last year's evaluations shape the programme.")
            .Decision("Hold a second contextual safeguarding conference in 2025", "Alongside the national awareness day.")
            .Action("Book the venue and speakers for the 2025 conference", "Kerry Baines", On(2025, 1, 31), ActionStatus.Completed)
            .Minutes(MinutesStatus.Circulated, On(2024, 12, 5));

        plan.Subgroup(Mash, On(2024, 6, 13))
            .Apologies("Rebecca Thorne", "Schools conference")
            .Deputised("Emma Clifford", "Joanne Tilley")
            .Opening("Priya Chandran")
            .Item("MASH review: progress", "Priya Chandran", AgendaPurpose.Assurance,
                "All recommendations are in place. Contacts have progressed to referrals in time more than 90% of the time for six months.")
            .Item("Online referral form", "Priya Chandran", AgendaPurpose.Information, "Design is complete; launch planned for the autumn.")
            .Item("Call handling", "Priya Chandran", AgendaPurpose.Discussion, "There is no data on call volumes, response times or dropped calls.")
            .Action("Agree call handling measures with the performance team", "Priya Chandran", On(2024, 9, 30), ActionStatus.NotStarted);

        plan.Subgroup(Mash, On(2024, 10, 10))
            .Apologies("Natalie Brooks", "ICB training day")
            .Absent("Tamsin Hale")
            .Opening("Priya Chandran")
            .Item("Referrals by agency", "Priya Chandran", AgendaPurpose.Assurance,
                "Police contacts still turn into referrals at a low rate; the conversation with the police about thresholds continues.")
            .Action("Review police contact thresholds with the MASH", "Gavin Rudd", On(2025, 1, 31), ActionStatus.OnTrack)
            .Item("Early years", "Rebecca Thorne", AgendaPurpose.Information, "The coffee mornings now include early years settings.")
            .Minutes(MinutesStatus.Draft);
    }

    // =========================================================================================================
    // Building the records.
    // =========================================================================================================

    private static List<Built> Build(Plan plan, Lookup data)
    {
        var ordered = plan.Meetings.OrderBy(m => m.Date).ThenBy(m => m.Start).ToList();
        var built = new List<Built>();
        foreach (var p in ordered)
        {
            var group = data.Group(p.Group);
            if (!group.IsActiveOn(p.Date))
            {
                throw new InvalidOperationException($"Demo meetings: {group.Name} did not exist on {p.Date:yyyy-MM-dd}.");
            }

            built.Add(new Built(p, group));
        }

        ApproveMinutes(built);
        foreach (var b in built)
        {
            b.Register.AddRange(Register(b, data));
            if (b.Plan.Status == MeetingStatus.Held)
            {
                var result = Quorum.Evaluate(b.Group.QuorumRule, b.Group.QuorumCount, b.Plan.Date,
                    Quorum.PresentFrom(b.Register), data.PartnersOn(b.Plan.Date), data.History);
                b.Meeting.ApplyQuorum(result);
            }

            AddItems(b, built, data);
        }

        return built;
    }

    // Minutes are approved at the group's next held meeting that takes minutes, unless the plan says otherwise.
    private static void ApproveMinutes(List<Built> built)
    {
        foreach (var b in built.Where(b => b.Plan.Status == MeetingStatus.Held))
        {
            var p = b.Plan;
            if (p.MinutesOverride is { } status)
            {
                b.Meeting.MinutesStatus = status;
                b.Meeting.MinutesCirculatedOn = p.CirculatedOn;
                continue;
            }

            var approver = built.FirstOrDefault(q => q.Group.Id == b.Group.Id && q.Plan.Status == MeetingStatus.Held
                && q.Plan.Date > p.Date && q.Plan.ApprovesMinutes)
                ?? throw new InvalidOperationException($"Demo meetings: say what happened to the minutes of {p.Group} on {p.Date:yyyy-MM-dd}.");
            var circulated = p.Date.AddDays(10);
            if (circulated >= approver.Plan.Date)
            {
                throw new InvalidOperationException($"Demo meetings: minutes of {p.Group} on {p.Date:yyyy-MM-dd} circulated too late.");
            }

            b.ApprovedAt = approver;
            b.Meeting.MinutesStatus = MinutesStatus.Approved;
            b.Meeting.MinutesCirculatedOn = circulated;
        }
    }

    // The register: every seat current on the day, then others in the room. Unknown names are mistakes.
    private static IEnumerable<Attendance> Register(Built b, Lookup data)
    {
        var p = b.Plan;
        var seats = data.Memberships
            .Where(m => m.GroupId == b.Group.Id && m.IsLive() && m.IsCurrentOn(p.Date))
            .OrderBy(m => m.Role).ThenBy(m => data.PersonById[m.PersonId].FullName, StringComparer.Ordinal)
            .ToList();
        var seated = seats.Select(m => data.PersonById[m.PersonId].FullName).ToHashSet(StringComparer.Ordinal);
        foreach (var name in p.Lines.Keys.Where(n => !seated.Contains(n)))
        {
            throw new InvalidOperationException($"Demo meetings: {name} has no seat on {p.Group} on {p.Date:yyyy-MM-dd}.");
        }

        foreach (var seat in seats)
        {
            var name = data.PersonById[seat.PersonId].FullName;
            var line = p.Lines.GetValueOrDefault(name);
            var held = p.Status == MeetingStatus.Held;
            yield return new Attendance
            {
                PersonId = seat.PersonId,
                OrganisationId = seat.OrganisationId,
                Kind = seat.Role == MembershipRole.Secretariat ? AttendeeKind.PartnershipTeam : AttendeeKind.Invitee,
                Status = held ? line?.Status ?? AttendanceStatus.Present : AttendanceStatus.NotRecorded,
                ApologyReason = held ? line?.Reason : null,
                DeputyPersonId = held && line?.Deputy is { } deputy ? data.Person(deputy).Id : null,
            };
        }

        if (p.Status != MeetingStatus.Held)
        {
            yield break;
        }

        foreach (var (name, kind) in p.Others)
        {
            if (seated.Contains(name))
            {
                throw new InvalidOperationException($"Demo meetings: {name} already has a seat on {p.Group}.");
            }

            var person = data.Person(name);
            yield return new Attendance { PersonId = person.Id, OrganisationId = person.OrganisationId, Kind = kind, Status = AttendanceStatus.Present };
        }
    }

    private static void AddItems(Built b, List<Built> built, Lookup data)
    {
        var p = b.Plan;
        var held = p.Status == MeetingStatus.Held;
        var order = 0;
        foreach (var item in p.Items)
        {
            if (held && !item.IsOpening && item.Minutes is null)
            {
                throw new InvalidOperationException($"Demo meetings: item \"{item.Title}\" of a held meeting has no minutes.");
            }

            var entity = new AgendaItem
            {
                Order = ++order,
                Title = item.Title,
                Presenter = item.Presenter,
                Purpose = item.Purpose,
                Minutes = !held ? null : item.IsOpening ? OpeningMinute(b, built, item.Extra) : item.Minutes,
            };
            b.Items.Add(entity);

            foreach (var decision in item.Decisions)
            {
                var ratifiedAt = decision.RatifiedOn is { } on
                    ? built.Single(q => q.Group.Id == b.Group.Id && q.Plan.Date == on).Meeting
                    : null;
                b.Decisions.Add(new PendingDecision(decision, b.Meeting, entity, ratifiedAt));
            }

            foreach (var action in item.Actions)
            {
                b.Actions.Add(new PendingAction(action, b.Meeting, entity, data.Person(action.Owner)));
            }
        }
    }

    private static string OpeningMinute(Built b, List<Built> built, string? extra)
    {
        var approved = built.Where(q => q.ApprovedAt == b).Select(q => Long(q.Plan.Date)).ToList();
        var text = "Apologies are as recorded in the register.";
        if (approved.Count > 0)
        {
            text += approved.Count == 1
                ? $" The minutes of the meeting on {approved[0]} were agreed as a true record."
                : $" The minutes of the meetings on {string.Join(" and ", approved)} were agreed as a true record.";
        }

        return extra is null ? text : text + "\n\n" + extra;
    }

    private sealed class Built
    {
        public Built(MeetingPlan plan, Group group)
        {
            Plan = plan;
            Group = group;
            Meeting = new Meeting
            {
                GroupId = group.Id,
                Title = plan.Title,
                Date = plan.Date,
                Start = plan.Start,
                End = plan.End,
                Location = plan.Location,
                OnlineLink = plan.OnlineLink,
                Status = plan.Status,
                CancellationReason = plan.CancellationReason,
                MinutesVersion = plan.Revision is null ? 1 : 2,
            };
        }

        public MeetingPlan Plan { get; }
        public Group Group { get; }
        public Meeting Meeting { get; }
        public Built? ApprovedAt { get; set; }
        public List<Attendance> Register { get; } = [];
        public List<AgendaItem> Items { get; } = [];
        public List<PendingDecision> Decisions { get; } = [];
        public List<PendingAction> Actions { get; } = [];
    }

    private sealed record PendingDecision(DecisionPlan Plan, Meeting Meeting, AgendaItem Item, Meeting? RatifiedAt)
    {
        public Decision ToEntity() => new()
        {
            MeetingId = Meeting.Id,
            AgendaItemId = Item.Id,
            Title = Plan.Title,
            Detail = Plan.Detail,
            IsKey = Plan.IsKey,
            RatifiedAtMeetingId = RatifiedAt?.Id,
        };
    }

    private sealed record PendingAction(ActionPlan Plan, Meeting Meeting, AgendaItem Item, Person Owner)
    {
        private ActionItem? entity;

        /// <summary>
        /// A completed action was signed off by its due date (the plan's dates are the ones the minutes recorded), and
        /// so has a completion date and the trail entry that says when, as one completed in the portal would.
        /// </summary>
        public ActionItem ToEntity() => entity ??= new ActionItem
        {
            Title = Plan.Title,
            Description = Plan.Description,
            GroupId = Meeting.GroupId,
            OwnerPersonId = Owner.Id,
            OwnerOrganisationId = Owner.OrganisationId,
            DueDate = Plan.Due,
            Status = Plan.Status,
            Source = ActionSource.Meeting,
            MeetingId = Meeting.Id,
            AgendaItemId = Item.Id,
            CompletedOn = Plan.Status == ActionStatus.Completed ? Plan.Due : null,
            SignedOffAt = Plan.Status == ActionStatus.Completed ? Plan.Due.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc) : null,
            SignedOffBy = Plan.Status == ActionStatus.Completed ? "the group's chair" : null,
        };

        public IEnumerable<ActionUpdate> Trail()
        {
            if (Plan.Status == ActionStatus.Completed && entity is { } action)
            {
                yield return new ActionUpdate
                {
                    ActionItemId = action.Id,
                    At = action.SignedOffAt!.Value,
                    ByName = "the group's chair",
                    Note = "Signed off as complete.",
                    StatusBefore = ActionStatus.OnTrack,
                    StatusAfter = ActionStatus.Completed,
                };
            }
        }
    }

    // =========================================================================================================
    // The plan: what happened at each meeting, written by name so it reads like a register.
    // =========================================================================================================

    private sealed class Plan
    {
        public List<MeetingPlan> Meetings { get; } = [];

        public MeetingPlan Board(DateOnly date, bool online = false) =>
            Add(new MeetingPlan(StrategicPartnersBoard, date, new TimeOnly(10, 0), new TimeOnly(12, 30), online ? null : PloughLane));

        public MeetingPlan Subgroup(string group, DateOnly date, string? location = null) =>
            Add(new MeetingPlan(group, date, new TimeOnly(14, 0), new TimeOnly(16, 0), location));

        private MeetingPlan Add(MeetingPlan meeting)
        {
            Meetings.Add(meeting);
            return meeting;
        }
    }

    private sealed record Line(AttendanceStatus Status, string? Reason, string? Deputy);

    private sealed record DecisionPlan(string Title, string Detail, bool IsKey, DateOnly? RatifiedOn);

    private sealed record ActionPlan(string Title, string Owner, DateOnly Due, ActionStatus Status, string? Description);

    private sealed record RevisionPlan(string Reason, DateTime At, string By, string ItemTitle, string EarlierMinutes)
    {
        public MinutesRevision ToEntity(Built b)
        {
            var item = b.Items.SingleOrDefault(i => i.Title == ItemTitle)
                ?? throw new InvalidOperationException($"Demo meetings: no item \"{ItemTitle}\" to revise.");
            var snapshot = b.Items.Select(i => new
            {
                agendaItemId = i.Id,
                title = i.Title,
                minutes = ReferenceEquals(i, item) ? EarlierMinutes : i.Minutes,
            });
            return new MinutesRevision
            {
                MeetingId = b.Meeting.Id,
                Version = 1,
                At = At,
                By = By,
                Reason = Reason,
                Snapshot = JsonSerializer.Serialize(snapshot),
            };
        }
    }

    private sealed class ItemPlan(string title, string? presenter, AgendaPurpose purpose, string? minutes, bool isOpening = false, string? extra = null)
    {
        public string Title { get; } = title;
        public string? Presenter { get; } = presenter;
        public AgendaPurpose Purpose { get; } = purpose;
        public string? Minutes { get; } = minutes;
        public bool IsOpening { get; } = isOpening;
        public string? Extra { get; } = extra;
        public List<DecisionPlan> Decisions { get; } = [];
        public List<ActionPlan> Actions { get; } = [];
    }

    private sealed class MeetingPlan(string group, DateOnly date, TimeOnly start, TimeOnly end, string? location)
    {
        public string Group { get; } = group;
        public DateOnly Date { get; } = date;
        public TimeOnly Start { get; private set; } = start;
        public TimeOnly End { get; private set; } = end;
        public string Location { get; } = location ?? "Online";

        public string? OnlineLink { get; } = location is null
            ? $"https://meet.{DemoSeeder.Domain}/{Slug(group)}/{date:yyyy-MM-dd}"
            : null;

        public string? Title { get; private set; }
        public MeetingStatus Status { get; private set; } = MeetingStatus.Held;
        public string? CancellationReason { get; private set; }

        /// <summary>False for a single-business meeting that does not take the previous minutes.</summary>
        public bool ApprovesMinutes { get; private set; } = true;

        public MinutesStatus? MinutesOverride { get; private set; }
        public DateOnly? CirculatedOn { get; private set; }
        public RevisionPlan? Revision { get; private set; }
        public Dictionary<string, Line> Lines { get; } = new(StringComparer.Ordinal);
        public List<(string Name, AttendeeKind Kind)> Others { get; } = [];
        public List<ItemPlan> Items { get; } = [];

        public MeetingPlan Titled(string title)
        {
            Title = title;
            return this;
        }

        public MeetingPlan Times(TimeOnly start, TimeOnly end)
        {
            Start = start;
            End = end;
            return this;
        }

        public MeetingPlan Scheduled()
        {
            Status = MeetingStatus.Scheduled;
            return this;
        }

        public MeetingPlan Cancelled(string reason)
        {
            Status = MeetingStatus.Cancelled;
            CancellationReason = reason;
            return this;
        }

        public MeetingPlan TakesNoMinutes()
        {
            ApprovesMinutes = false;
            return this;
        }

        public MeetingPlan Apologies(string name, string reason) => Set(name, new Line(AttendanceStatus.Apologies, reason, null));

        public MeetingPlan Absent(string name) => Set(name, new Line(AttendanceStatus.Absent, null, null));

        public MeetingPlan Deputised(string name, string deputy) => Set(name, new Line(AttendanceStatus.Deputised, null, deputy));

        public MeetingPlan With(string name, AttendeeKind kind)
        {
            Others.Add((name, kind));
            return this;
        }

        /// <summary>The standing first item; its minute (apologies, minutes approved) is written from the data.</summary>
        public MeetingPlan Opening(string chair, string? extra = null)
        {
            var title = ApprovesMinutes ? "Welcome, apologies and minutes of the last meeting" : "Welcome and apologies";
            Items.Add(new ItemPlan(title, chair, AgendaPurpose.Information, null, isOpening: true, extra));
            return this;
        }

        public MeetingPlan Item(string title, string presenter, AgendaPurpose purpose, string? minutes)
        {
            Items.Add(new ItemPlan(title, presenter, purpose, minutes));
            return this;
        }

        public MeetingPlan Decision(string title, string detail)
        {
            LastItem.Decisions.Add(new DecisionPlan(title, detail, IsKey: false, RatifiedOn: null));
            return this;
        }

        public MeetingPlan KeyDecision(string title, string detail, DateOnly? ratifiedAt = null)
        {
            LastItem.Decisions.Add(new DecisionPlan(title, detail, IsKey: true, ratifiedAt));
            return this;
        }

        public MeetingPlan Action(string title, string owner, DateOnly due, ActionStatus status, string? description = null)
        {
            LastItem.Actions.Add(new ActionPlan(title, owner, due, status, description));
            return this;
        }

        public MeetingPlan Minutes(MinutesStatus status, DateOnly? circulatedOn = null)
        {
            MinutesOverride = status;
            CirculatedOn = circulatedOn;
            return this;
        }

        public MeetingPlan Revised(string reason, DateTime at, string by, string itemTitle, string earlierMinutes)
        {
            Revision = new RevisionPlan(reason, at, by, itemTitle, earlierMinutes);
            return this;
        }

        private ItemPlan LastItem => Items.Count > 0 ? Items[^1] : throw new InvalidOperationException("Demo meetings: a decision or action needs an agenda item.");

        private MeetingPlan Set(string name, Line line)
        {
            if (!Lines.TryAdd(name, line))
            {
                throw new InvalidOperationException($"Demo meetings: {name} is in the register of {Group} on {Date:yyyy-MM-dd} twice.");
            }

            return this;
        }

        private static string Slug(string name) =>
            new(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
    }

    /// <summary>The seeded structure, found by the names people would use.</summary>
    private sealed class Lookup
    {
        private Lookup(
            List<Person> people,
            List<Group> groups,
            List<GroupMembership> memberships,
            List<Organisation> partners,
            List<PartnerRepresentative> history)
        {
            People = people.ToDictionary(p => p.FullName, StringComparer.Ordinal);
            PersonById = people.ToDictionary(p => p.Id);
            Groups = groups.ToDictionary(g => g.Name, StringComparer.Ordinal);
            Memberships = memberships;
            Partners = partners;
            History = history;
        }

        public Dictionary<string, Person> People { get; }
        public Dictionary<int, Person> PersonById { get; }
        public Dictionary<string, Group> Groups { get; }
        public List<GroupMembership> Memberships { get; }
        public List<Organisation> Partners { get; }
        public List<PartnerRepresentative> History { get; }

        public List<PartnerOrganisation> PartnersOn(DateOnly date) => Partners.Where(o => o.IsPartnerOn(date)).Select(o => o.AsPartner()).ToList();

        public static async Task<Lookup> LoadAsync(PortalDbContext db, CancellationToken ct) =>
            new(
                await db.People.AsNoTracking().ToListAsync(ct),
                await db.Groups.AsNoTracking().ToListAsync(ct),
                await db.GroupMemberships.AsNoTracking().ToListAsync(ct),
                await db.Organisations.AsNoTracking()
                    .Where(o => o.StatutoryPartner != null && o.IsLive())
                    .ToListAsync(ct),
                await db.PartnerRepresentatives.AsNoTracking().Where(r => r.IsLive()).ToListAsync(ct));

        public Person Person(string name) =>
            People.TryGetValue(name, out var person) ? person : throw new InvalidOperationException($"Demo meetings refer to an unknown person '{name}'.");

        public Group Group(string name) =>
            Groups.TryGetValue(name, out var group) ? group : throw new InvalidOperationException($"Demo meetings refer to an unknown group '{name}'.");
    }
}
