using HscpPortal.Web.Domain;

namespace HscpPortal.Web.Data.Demo;

/// <summary>The demo people that demo user accounts are linked to.</summary>
public sealed record DemoPeople(
    Person CouncilDsp,
    Person IcbDsp,
    Person PoliceDsp,
    Person Scrutineer,
    Person PartnershipManager,
    Person QeChair,
    Person Member,
    Person Admin);

/// <summary>
/// The demo partnership's structure, modelled on Herefordshire's published arrangements (2023) and its yearly
/// reports (2021-22, 2023-24): organisations, people, who represented each statutory partner and when, groups
/// (including dissolved ones and where their work went) and dated seats on them.
/// </summary>
/// <remarks>
/// Organisation names and job titles follow the public documents; every person is invented. Nothing depends on
/// the clock or on random numbers, so every seeded database holds the same data.
/// <para>
/// The Independent Scrutineer and the Partnership Team belong to an organisation of their own, "Herefordshire
/// Safeguarding Children Partnership" (sector Other). Herefordshire Council hosts and employs them, but they serve
/// the three partners equally and the scrutineer must be independent, so their seats never count as the
/// council's attendance or towards the council's part of a quorum.
/// </para>
/// <para>
/// Key dates: the first arrangements started on 29 September 2019; history is recorded from 1 April 2022; the
/// 2023 governance review took effect on 1 October 2023 (the arrangements date the new Quality and Effectiveness
/// chair from October 2023), when the Executive Support, Audit, Child Neglect and the two MASH groups closed.
/// </para>
/// </remarks>
public static class DemoStructure
{
    private static readonly DateOnly ArrangementsStarted = new(2019, 9, 29);
    private static readonly DateOnly HistoryStart = new(2022, 4, 1);
    private static readonly DateOnly NewStructure = new(2023, 10, 1);
    private static readonly DateOnly OldStructureEnded = new(2023, 9, 30);

    // Inserts organisations, people, partner representation history, groups, memberships and successions.
    // Returns the people keyed by a stable key so the caller can link demo user accounts to them.
    public static async Task<DemoPeople> SeedAsync(PortalDbContext db, CancellationToken ct)
    {
        var b = new Builder();
        AddOrganisations(b);
        AddPartnerPeople(b);
        AddAgencyPeople(b);
        AddRepresentation(b);
        AddGroups(b);
        AddBoardSeats(b);
        AddQualityAndCaseReviewSeats(b);
        AddPracticeExploitationAndMashSeats(b);
        AddSummitAndForumSeats(b);
        AddOldStructureSeats(b);
        AddSuccessions(b);

        // Saved in dependency order so that every audit entry records real ids, never temporary ones.
        await using var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(ct)
            : null;

        db.Organisations.AddRange(b.Organisations);
        await db.SaveChangesAsync(ct);
        db.People.AddRange(b.People);
        await db.SaveChangesAsync(ct);
        db.PartnerRepresentatives.AddRange(b.Representatives);
        await db.SaveChangesAsync(ct);
        foreach (var level in b.Groups.GroupBy(Depth).OrderBy(l => l.Key))
        {
            db.Groups.AddRange(level);
            await db.SaveChangesAsync(ct);
        }

        // Successions are keyed by the two group ids, which exist now that the groups are saved.
        db.GroupMemberships.AddRange(b.Memberships);
        db.GroupSuccessions.AddRange(b.Successions.Select(s => new GroupSuccession { FromGroupId = s.From.Id, ToGroupId = s.To.Id }));
        await db.SaveChangesAsync(ct);

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return new DemoPeople(
            CouncilDsp: b.PersonFor("council.dcs"),
            IcbDsp: b.PersonFor("icb.cno"),
            PoliceDsp: b.PersonFor("police.supt"),
            Scrutineer: b.PersonFor("hscp.scrutineer"),
            PartnershipManager: b.PersonFor("hscp.manager"),
            QeChair: b.PersonFor("council.sd.sqa"),
            Member: b.PersonFor("wvt.nn"),
            Admin: b.PersonFor("hscp.systems"));
    }

    private static int Depth(Group group) => group.ReportsTo is null ? 0 : 1 + Depth(group.ReportsTo);

    private static DateOnly On(int year, int month, int day) => new(year, month, day);

    private static void AddOrganisations(Builder b)
    {
        // The three statutory safeguarding partners.
        b.AddOrganisation("council", "Herefordshire Council", null, Sector.LocalAuthority, "council",
            StatutoryPartner.LocalAuthority, "https://www.herefordshire.gov.uk",
            "Statutory safeguarding partner. Hosts the Partnership Team and the Independent Scrutineer post, and is the "
            + "accountable body for the partners' contributions.");
        b.AddOrganisation("icb", "NHS Herefordshire and Worcestershire Integrated Care Board", "HW ICB", Sector.Health, "icb",
            StatutoryPartner.IntegratedCareBoard, null,
            "Statutory safeguarding partner. Took over from NHS Herefordshire and Worcestershire Clinical Commissioning Group on 1 July 2022.");
        b.AddOrganisation("police", "West Mercia Police", "WMP", Sector.Police, "police",
            StatutoryPartner.Police, "https://www.westmercia.police.uk",
            "Statutory safeguarding partner. Herefordshire is one of the force's local policing areas.");

        // The partnership's own business unit (see the remarks on this class).
        b.AddOrganisation("hscp", "Herefordshire Safeguarding Children Partnership", "HSCP", Sector.Other, "hscp",
            null, "https://herefordshiresafeguardingboards.org.uk",
            "The Independent Scrutineer and the Partnership Team. Employed through Herefordshire Council as host, but working "
            + "for all three statutory partners equally; the team also supports the Safeguarding Adults Board.");

        // Relevant agencies named in the arrangements and the yearly reports.
        b.AddOrganisation("wvt", "Wye Valley NHS Trust", "WVT", Sector.Health, "wvt", null, "https://www.wyevalley.nhs.uk");
        b.AddOrganisation("hwhct", "Herefordshire and Worcestershire Health and Care NHS Trust", "HWHCT", Sector.Health, "hwhct", null, "https://www.hacw.nhs.uk");
        b.AddOrganisation("wmas", "West Midlands Ambulance Service University NHS Foundation Trust", "WMAS", Sector.Health, "wmas", null, "https://wmas.nhs.uk");
        b.AddOrganisation("gp", "Herefordshire General Practice and Primary Care", null, Sector.Health, "gp", null, null,
            "GP practices and other primary care professionals across the county, represented on subgroups by the Named GP for safeguarding children.");
        b.AddOrganisation("nhse", "NHS England", "NHSE", Sector.Health, "nhse", null, "https://www.england.nhs.uk");
        b.AddOrganisation("ukhsa", "UK Health Security Agency", "UKHSA", Sector.Health, "ukhsa");
        b.AddOrganisation("ohid", "Office for Health Improvement and Disparities", "OHID", Sector.Health, "ohid");
        b.AddOrganisation("substance", "Herefordshire Substance Misuse Services", null, Sector.Health, "substancemisuse");
        b.AddOrganisation("sexualhealth", "Herefordshire Sexual Health Services", null, Sector.Health, "sexualhealth");
        b.AddOrganisation("earlyyears", "Herefordshire Early Years and Children's Centre Providers", null, Sector.EarlyYears, "earlyyears", null, null,
            "Nurseries, pre-schools and children's centres taking early education funding; the council's directory lists them.");
        b.AddOrganisation("primary", "Herefordshire Primary Schools", null, Sector.Education, "primary", null, null,
            "Each school counts as a relevant agency in its own right; phase representatives pass information both ways but cannot commit other schools.");
        b.AddOrganisation("secondary", "Herefordshire Secondary Schools and Academies", null, Sector.Education, "secondary");
        b.AddOrganisation("special", "Herefordshire Special Schools", null, Sector.Education, "special");
        b.AddOrganisation("prs", "Herefordshire Pupil Referral Service", "PRS", Sector.Education, "prs");
        b.AddOrganisation("hlnsc", "Herefordshire, Ludlow and North Shropshire College", "HLNSC", Sector.Education, "hlnsc", null, null,
            "Further education; stands for colleges, post-16 settings and training providers.");
        b.AddOrganisation("hvoss", "Herefordshire Voluntary Organisations Support Service", "HVOSS", Sector.VoluntaryAndCommunity, "hvoss");
        b.AddOrganisation("wmrsasc", "West Mercia Rape and Sexual Abuse Support Centre", "WMRSASC", Sector.VoluntaryAndCommunity, "wmrsasc");
        b.AddOrganisation("wmwa", "West Mercia Women's Aid", "WMWA", Sector.DomesticAbuse, "wmwa");
        b.AddOrganisation("diocese", "Diocese of Hereford", null, Sector.Faith, "diocese");
        b.AddOrganisation("yjs", "West Mercia Youth Justice Service", "WMYJS", Sector.YouthJustice, "yjs", null, null,
            "Named in the arrangements as the Herefordshire and Worcestershire Youth Offending Service.");
        b.AddOrganisation("probation", "The Probation Service", null, Sector.Probation, "probation", null, null,
            "Named in the arrangements as the National Probation Service.");
        b.AddOrganisation("fire", "Hereford & Worcester Fire and Rescue Service", "HWFRS", Sector.FireAndRescue, "hwfire", null, "https://www.hwfire.org.uk");
        b.AddOrganisation("housing", "Herefordshire Registered Housing Providers", null, Sector.Housing, "housing");
        b.AddOrganisation("residential", "Herefordshire Children's Residential Home Providers", null, Sector.ResidentialCare, "childrenshomes", null, null,
            "Independent providers of children's homes in the county; the council's commissioning team keeps the list.");
        b.AddOrganisation("cafcass", "Children and Family Court Advisory and Support Service", "Cafcass", Sector.Other, "cafcass", null, "https://www.cafcass.gov.uk");
        b.AddOrganisation("btp", "British Transport Police", "BTP", Sector.Police, "btp", null, "https://www.btp.police.uk");
        b.AddOrganisation("border", "Border Force and Immigration Services", null, Sector.Other, "border");
    }

    private static void AddPartnerPeople(Builder b)
    {
        // Herefordshire Council.
        b.AddPerson("council.ceo", "Gareth Ellwood", "Chief Executive", "council");
        b.AddPerson("council.dcs.2022", "Joanna Fairclough", "Director of Children's Services", "council");
        b.AddPerson("council.dcs", "Nadia Okafor", "Director of Children's Services", "council");
        b.AddPerson("council.sd.sfs", "Tom Brereton", "Service Director, Safeguarding and Family Support", "council");
        b.AddPerson("council.sd.sqa", "Claire Ashdown", "Service Director, Safeguarding and Quality Assurance", "council");
        b.AddPerson("council.hos.mash", "Priya Chandran", "Head of Service, MASH and Assessment", "council");
        b.AddPerson("council.hos.review", "Fiona Greaves", "Head of Service, Safeguarding and Review", "council");
        b.AddPerson("council.hoqa", "Graham Lister", "Head of Quality Assurance, Children's Services", "council");
        b.AddPerson("council.psw.2022", "Ruth Calloway", "Principal Social Worker", "council");
        b.AddPerson("council.hos.practice", "Daniel Whitlock", "Head of Service, Practice Development and Principal Social Worker", "council");
        b.AddPerson("council.education", "Rebecca Thorne", "Lead Officer, Education Safeguarding", "council");
        b.AddPerson("council.adults", "Martin Kettle", "Head of Adult Safeguarding, Community Wellbeing", "council");
        b.AddPerson("council.earlyhelp", "Sophie Marlow", "Head of Service, Early Help", "council");
        b.AddPerson("council.eyfs", "Lucy Partridge", "Early Years Foundation Stage Lead", "council");
        b.AddPerson("council.publichealth", "Dr Anil Rao", "Consultant in Public Health", "council");
        b.AddPerson("council.getsafe", "Kerry Baines", "Get Safe Project Manager", "council");
        b.AddPerson("council.analyst", "Owen Pryce", "Senior Performance Analyst, Children's Services", "council");

        // The partnership's scrutineers and team.
        b.AddPerson("hscp.scrutineer", "Geoffrey Hartland", "Independent Scrutineer", "hscp");
        b.AddPerson("hscp.scrutineer.2019", "Margaret Ovens", "Independent Scrutineer", "hscp");
        b.AddPerson("hscp.manager", "Elaine Whitfield", "Partnership Manager", "hscp");
        b.AddPerson("hscp.deputy", "Jamie Corbett", "Deputy Partnership Manager", "hscp");
        b.AddPerson("hscp.officer1", "Aisha Rahman", "Partnership Officer", "hscp");
        b.AddPerson("hscp.officer2", "Ben Hollis", "Partnership Officer", "hscp");
        b.AddPerson("hscp.support", "Megan Price", "Partnership Support Officer", "hscp");
        b.AddPerson("hscp.systems", "Chris Dalby", "Partnership Systems and Information Officer", "hscp");

        // NHS Herefordshire and Worcestershire Integrated Care Board.
        b.AddPerson("icb.ceo", "Stephen Marwood", "Chief Executive and Accountable Officer", "icb");
        b.AddPerson("icb.cno", "Linda Ashworth", "Chief Nursing Officer", "icb");
        b.AddPerson("icb.hos", "Karen Mellor",
            "Head of Safeguarding and Designated Nurse for Safeguarding Adults, Children and Children Looked After", "icb");
        b.AddPerson("icb.desdoc", "Dr Imran Qureshi", "Designated Doctor for Safeguarding Children", "icb");
        b.AddPerson("icb.ddn", "Natalie Brooks", "Deputy Designated Nurse for Safeguarding Children", "icb");

        // West Mercia Police.
        b.AddPerson("police.cc.2022", "Richard Hallam", "Chief Constable", "police");
        b.AddPerson("police.cc", "Mark Denholm", "Chief Constable", "police");
        b.AddPerson("police.supt.2022", "Julia Brennan", "Superintendent, Local Policing Commander for Herefordshire", "police");
        b.AddPerson("police.supt", "Ian Fairbairn", "Superintendent, Local Policing Commander for Herefordshire", "police");
        b.AddPerson("police.dci", "Sarah Kemble", "Detective Chief Inspector, Herefordshire Local Policing Area", "police");
        b.AddPerson("police.di", "Gavin Rudd", "Detective Inspector, Public Protection", "police");
        b.AddPerson("police.ds", "Hannah Pike", "Detective Sergeant, Child Exploitation Team", "police");
    }

    private static void AddAgencyPeople(Builder b)
    {
        b.AddPerson("wvt.nn", "Joanne Tilley", "Named Nurse for Safeguarding Children", "wvt");
        b.AddPerson("wvt.midwife", "Gemma Arkwright", "Named Midwife for Safeguarding", "wvt");
        b.AddPerson("wvt.mash", "Emma Clifford", "Safeguarding Nurse, MASH", "wvt");
        b.AddPerson("hwhct.hos", "Deborah Yates", "Head of Safeguarding", "hwhct");
        b.AddPerson("hwhct.camhs", "Lewis Gardner", "CAMHS Team Manager", "hwhct");
        b.AddPerson("wmas.lead", "Paula Ainsworth", "Safeguarding Lead, Herefordshire and Worcestershire", "wmas");
        b.AddPerson("gp.named", "Dr Peter Lyall", "Named GP for Safeguarding Children", "gp");
        b.AddPerson("substance.lead", "Hayley Norris", "Young People's Service Lead", "substance");
        b.AddPerson("earlyyears.rep", "Kirsty Yelland", "Nursery Manager and Early Years Network Representative", "earlyyears");
        b.AddPerson("primary.head", "Stuart Penrose", "Headteacher and Primary Phase Representative", "primary");
        b.AddPerson("secondary.head", "Rachel Dunmore", "Headteacher and Secondary Phase Representative", "secondary");
        b.AddPerson("prs.head", "Andrea Whitcombe", "Headteacher", "prs");
        b.AddPerson("hlnsc.dsl", "Mike Oakden", "Designated Safeguarding Lead", "hlnsc");
        b.AddPerson("hvoss.ceo", "Jo Harker", "Chief Executive", "hvoss");
        b.AddPerson("wmrsasc.manager", "Laura Benning", "Children and Young People's ISVA Service Manager", "wmrsasc");
        b.AddPerson("wmwa.manager", "Tamsin Hale", "Children and Young People's Service Manager", "wmwa");
        b.AddPerson("diocese.dsa", "Philip Greenway", "Diocesan Safeguarding Adviser", "diocese");
        b.AddPerson("yjs.manager", "Craig Mansell", "Service Manager, Herefordshire", "yjs");
        b.AddPerson("probation.head", "Angela Rowe", "Head of Herefordshire Probation Delivery Unit", "probation");
        b.AddPerson("fire.lead", "Neil Stanton", "Group Commander and Safeguarding Lead", "fire");
        b.AddPerson("housing.lead", "Dawn Meadows", "Tenancy Sustainment and Safeguarding Lead", "housing");
        b.AddPerson("residential.manager", "Oliver Strand", "Registered Manager", "residential");
        b.AddPerson("cafcass.manager", "Yvonne Latham", "Service Manager", "cafcass");
        b.AddPerson("btp.inspector", "Kieran Walsh", "Inspector, Safeguarding", "btp");
    }

    private static void AddRepresentation(Builder b)
    {
        // Council: the Director of Children's Services changed at the start of February 2024.
        b.Represent("council.ceo", RepresentationRole.LeadPartner, HistoryStart);
        b.Represent("council.dcs.2022", RepresentationRole.DelegatedPartner, HistoryStart, On(2024, 1, 31));
        b.Represent("council.dcs", RepresentationRole.DelegatedPartner, On(2024, 2, 1));
        b.Represent("council.sd.sfs", RepresentationRole.Deputy, HistoryStart);

        // ICB: the same three people throughout.
        b.Represent("icb.ceo", RepresentationRole.LeadPartner, HistoryStart);
        b.Represent("icb.cno", RepresentationRole.DelegatedPartner, HistoryStart);
        b.Represent("icb.hos", RepresentationRole.Deputy, HistoryStart);

        // Police: a new Chief Constable from April 2023 and a new local commander from October 2023.
        b.Represent("police.cc.2022", RepresentationRole.LeadPartner, HistoryStart, On(2023, 3, 31));
        b.Represent("police.cc", RepresentationRole.LeadPartner, On(2023, 4, 1));
        b.Represent("police.supt.2022", RepresentationRole.DelegatedPartner, HistoryStart, OldStructureEnded);
        b.Represent("police.supt", RepresentationRole.DelegatedPartner, NewStructure);
        b.Represent("police.dci", RepresentationRole.Deputy, HistoryStart);
    }

    private static void AddGroups(Builder b)
    {
        b.AddGroup("spb", "Strategic Partners Board", "SPB", GroupKind.Board, MeetingFrequency.Quarterly, null, ArrangementsStarted, 10,
            "The partnership's strategic leadership. The delegated safeguarding partners set and review the priorities and the "
            + "business plan, hold every agency to account for how safely children are protected, agree the budget and each partner's "
            + "contribution, make sure independent scrutiny happens and is acted on, and take the partnership's key decisions, which "
            + "need all three statutory partners. Assurance and challenge sessions invite senior officers to evidence their agency's "
            + "safeguarding.");
        b.AddGroup("qe", "Quality and Effectiveness Group", "Q&E", GroupKind.Subgroup, MeetingFrequency.Quarterly, "spb", ArrangementsStarted, 20,
            "Tests whether multi-agency practice is making children safer. Keeps the multi-agency performance scorecard and "
            + "challenges partners on it, runs a yearly programme of multi-agency audits chosen from data, priorities and case "
            + "reviews, follows each audit's action plan to completion and re-audits where needed, oversees Section 11 and "
            + "Section 175 self-assessments and walk-the-floor visits, and takes the MASH Group's assurance on the front door. "
            + "Sends a highlight report to the board every quarter.");
        b.AddGroup("mash", "MASH Group", "MASH", GroupKind.Subgroup, MeetingFrequency.Quarterly, "qe", NewStructure, 25,
            "Oversees the Multi-Agency Safeguarding Hub, the front door for concerns about children. Watches contact, referral "
            + "and strategy discussion data for trends and delays, audits front-door decisions and shares the learning, clears "
            + "obstacles between agencies, keeps MASH procedures and the Right Help, Right Time levels of need current, and raises "
            + "risks it cannot resolve. Accountable to the Quality and Effectiveness Group rather than to the board.");
        b.AddGroup("jcr", "Joint Case Review Group", "JCR", GroupKind.Subgroup, MeetingFrequency.Quarterly, "spb", ArrangementsStarted, 30,
            "A learning group shared with the Safeguarding Adults Board and the Community Safety Partnership. Considers serious "
            + "incidents and carries out rapid reviews, recommends whether a local child safeguarding practice review is needed, "
            + "steers the reviews the partners commission, and does the same for safeguarding adults reviews and domestic homicide "
            + "reviews. Tracks every recommendation and checks that the learning has changed practice.");
        b.AddGroup("dp", "Development and Practice Group", "D&P", GroupKind.Subgroup, MeetingFrequency.Quarterly, "spb", ArrangementsStarted, 40,
            "Owns the multi-agency learning offer: plans the training programme against the learning and development strategy, "
            + "looks after the pool of trainers, evaluates courses for their effect on practice, and turns learning from reviews "
            + "and audits into briefings and events. Also keeps multi-agency policies and procedures up to date, leads engagement "
            + "with children, young people and families, and runs the partnership's communications and website. Reports on "
            + "training to the board once a year.");
        b.AddGroup("cem", "Child Exploitation and Missing Group", "CE&M", GroupKind.Subgroup, MeetingFrequency.Quarterly, "spb", NewStructure, 50,
            "Strategic oversight of how agencies respond to harm outside the family: criminal and sexual exploitation, county "
            + "lines, trafficking and children who go missing. Reviews exploitation and missing-episode data, including return "
            + "home interviews, tests whether the strategy, pathways and interventions work, keeps local practice in line with "
            + "national developments, and oversees the Get Safe model. Brought child exploitation governance into the partnership "
            + "from the Community Safety Partnership.");

        // Task-and-finish groups.
        b.AddGroup("getsafe", "Get Safe Implementation Task and Finish Group", "Get Safe T&F", GroupKind.TaskAndFinish,
            MeetingFrequency.Fortnightly, "cem", On(2022, 11, 1), 55,
            "Time-limited group that planned and delivered the move to the Get Safe approach to exploitation and contextual "
            + "safeguarding: the multi-agency triage and risk assessment pathway, revised tools and guidance, training, and the "
            + "launch event.",
            On(2024, 2, 1),
            "Closed once Get Safe was fully adopted after the January 2024 launch; ongoing oversight sits with the Child "
            + "Exploitation and Missing Group.");

        // Wider engagement.
        b.AddGroup("summit", "HSCP Summit", null, GroupKind.Summit, MeetingFrequency.TwiceYearly, "spb", ArrangementsStarted, 60,
            "Brings the safeguarding partners together with senior leaders of all relevant agencies: progress on the strategic "
            + "plan, how well the safeguarding system is working, gaps where more support or engagement is needed, and each "
            + "agency's account of what it has contributed.");
        b.AddGroup("forum", "Practitioner Forum", null, GroupKind.PractitionerForum, MeetingFrequency.TwiceYearly, "dp", ArrangementsStarted, 70,
            "Open event for anyone working with children or adults, run jointly with the Safeguarding Adults Board and the "
            + "Community Safety Partnership: updates on partnership work, good practice, workshops and consultations, and a route "
            + "for frontline views to reach the partnership. The aim is two a year.");

        // The structure before the 2023 review.
        b.AddGroup("esg", "Executive Support Group", "ESG", GroupKind.Subgroup, MeetingFrequency.BiMonthly, "spb", ArrangementsStarted, 100,
            "Multi-agency group between the board and the subgroups: every subgroup reported to it, and it coordinated their work "
            + "plans and prepared business for the board.",
            NewStructure,
            "Closed in the 2023 governance review. The Strategic Partners Board took on its responsibilities, and the subgroups "
            + "now report to the board directly.");
        b.AddGroup("audit", "Audit Group", null, GroupKind.Subgroup, MeetingFrequency.Quarterly, "esg", ArrangementsStarted, 110,
            "Planned and carried out multi-agency case audits and reported what they found.",
            NewStructure,
            "Closed in the 2023 governance review; multi-agency auditing moved to the Quality and Effectiveness Group.");
        b.AddGroup("neglect", "Child Neglect Group", null, GroupKind.Subgroup, MeetingFrequency.Quarterly, "esg", ArrangementsStarted, 120,
            "Led the neglect priority: the neglect strategy and toolkit, training on recognising neglect, and assurance that "
            + "agencies spot and act on neglect early.",
            NewStructure,
            "Closed in the 2023 governance review to cut the number of meetings members attended. Its work plan was split: "
            + "assurance to the Quality and Effectiveness Group, learning and practice to the Development and Practice Group.");
        b.AddGroup("mash.strategic", "MASH Strategic Group", null, GroupKind.Subgroup, MeetingFrequency.Quarterly, "esg", ArrangementsStarted, 130,
            "Strategic direction, resourcing and governance of the Multi-Agency Safeguarding Hub partnership.",
            NewStructure,
            "Merged with the MASH Operational Group in the 2023 governance review into one MASH Group, which reports to the "
            + "Quality and Effectiveness Group.");
        b.AddGroup("mash.operational", "MASH Operational Group", null, GroupKind.Subgroup, MeetingFrequency.Monthly, "mash.strategic",
            ArrangementsStarted, 140,
            "Day-to-day running of the Multi-Agency Safeguarding Hub: performance, staffing across agencies, information sharing "
            + "and front-door audits.",
            NewStructure,
            "Merged with the MASH Strategic Group in the 2023 governance review into one MASH Group, which reports to the "
            + "Quality and Effectiveness Group.");
    }

    private static void AddBoardSeats(Builder b)
    {
        // Chair: the previous scrutineer until they left, briefly the police, then the council, then the new
        // Independent Scrutineer (March 2023 to March 2024), then the council's DSP in line with Working Together 2023.
        b.Seat("spb", "hscp.scrutineer.2019", MembershipRole.Chair, HistoryStart, On(2022, 5, 31));

        b.Seat("spb", "police.supt.2022", MembershipRole.Member, HistoryStart, On(2022, 5, 31));
        b.Seat("spb", "police.supt.2022", MembershipRole.Chair, On(2022, 6, 1), On(2022, 9, 30));
        b.Seat("spb", "police.supt.2022", MembershipRole.Member, On(2022, 10, 1), OldStructureEnded);
        b.Seat("spb", "police.supt", MembershipRole.Member, NewStructure);

        b.Seat("spb", "council.dcs.2022", MembershipRole.Member, HistoryStart, On(2022, 9, 30));
        b.Seat("spb", "council.dcs.2022", MembershipRole.Chair, On(2022, 10, 1), On(2023, 2, 28));
        b.Seat("spb", "council.dcs.2022", MembershipRole.Member, On(2023, 3, 1), On(2024, 1, 31));

        b.Seat("spb", "hscp.scrutineer", MembershipRole.Adviser, On(2022, 10, 1), On(2023, 2, 28));
        b.Seat("spb", "hscp.scrutineer", MembershipRole.Chair, On(2023, 3, 1), On(2024, 3, 31));
        b.Seat("spb", "hscp.scrutineer", MembershipRole.Adviser, On(2024, 4, 1));

        b.Seat("spb", "council.dcs", MembershipRole.Member, On(2024, 2, 1), On(2024, 3, 31));
        b.Seat("spb", "council.dcs", MembershipRole.Chair, On(2024, 4, 1));

        b.Seat("spb", "icb.cno", MembershipRole.Member, HistoryStart);

        // The arrangements make the deputies members too: they attend when needed and stand in for their DSP.
        b.Seat("spb", "council.sd.sfs", MembershipRole.Member, HistoryStart);
        b.Seat("spb", "icb.hos", MembershipRole.Member, HistoryStart);
        b.Seat("spb", "police.dci", MembershipRole.Member, HistoryStart);

        b.Seat("spb", "hscp.manager", MembershipRole.Secretariat, HistoryStart);
    }

    private static void AddQualityAndCaseReviewSeats(Builder b)
    {
        // Quality and Effectiveness: new chair and vice-chair with the new structure in October 2023.
        b.Seat("qe", "council.hoqa", MembershipRole.Chair, HistoryStart, OldStructureEnded);
        b.Seat("qe", "police.dci", MembershipRole.ViceChair, HistoryStart, OldStructureEnded);
        b.Seat("qe", "police.dci", MembershipRole.Member, NewStructure);
        b.Seat("qe", "council.sd.sqa", MembershipRole.Member, HistoryStart, OldStructureEnded);
        b.Seat("qe", "council.sd.sqa", MembershipRole.Chair, NewStructure);
        b.Seat("qe", "icb.desdoc", MembershipRole.ViceChair, NewStructure);
        b.Seat("qe", "wvt.nn", MembershipRole.Member, HistoryStart);
        b.Seat("qe", "hwhct.hos", MembershipRole.Member, HistoryStart);
        b.Seat("qe", "council.earlyhelp", MembershipRole.Member, HistoryStart);
        b.Seat("qe", "council.education", MembershipRole.Member, HistoryStart);
        b.Seat("qe", "council.analyst", MembershipRole.Adviser, HistoryStart);
        b.Seat("qe", "wmwa.manager", MembershipRole.Member, NewStructure);
        b.Seat("qe", "yjs.manager", MembershipRole.Member, NewStructure);
        b.Seat("qe", "council.publichealth", MembershipRole.Member, NewStructure);
        b.Seat("qe", "council.hos.review", MembershipRole.Member, NewStructure);
        b.Seat("qe", "hscp.officer1", MembershipRole.Secretariat, HistoryStart);

        // Joint Case Review (shared with the adults board and community safety partnership).
        b.Seat("jcr", "icb.hos", MembershipRole.Chair, HistoryStart);
        b.Seat("jcr", "council.adults", MembershipRole.ViceChair, HistoryStart);
        b.Seat("jcr", "gp.named", MembershipRole.Member, HistoryStart);
        b.Seat("jcr", "hwhct.hos", MembershipRole.Member, HistoryStart);
        b.Seat("jcr", "wmas.lead", MembershipRole.Member, HistoryStart);
        b.Seat("jcr", "probation.head", MembershipRole.Member, HistoryStart);
        b.Seat("jcr", "police.di", MembershipRole.Member, HistoryStart);
        b.Seat("jcr", "council.hos.review", MembershipRole.Member, HistoryStart);
        b.Seat("jcr", "wmwa.manager", MembershipRole.Member, HistoryStart);
        b.Seat("jcr", "hscp.deputy", MembershipRole.Secretariat, HistoryStart);
    }

    private static void AddPracticeExploitationAndMashSeats(Builder b)
    {
        // Development and Practice: the Principal Social Worker post fell vacant and the ICB vice-chair stepped up
        // until a council Head of Service took the chair.
        b.Seat("dp", "council.psw.2022", MembershipRole.Chair, HistoryStart, On(2023, 5, 31));
        b.Seat("dp", "icb.ddn", MembershipRole.ViceChair, HistoryStart, On(2023, 5, 31));
        b.Seat("dp", "icb.ddn", MembershipRole.Chair, On(2023, 6, 1), On(2024, 2, 29));
        b.Seat("dp", "council.hos.practice", MembershipRole.Chair, On(2024, 3, 1));
        b.Seat("dp", "icb.ddn", MembershipRole.ViceChair, On(2024, 3, 1));
        b.Seat("dp", "wvt.nn", MembershipRole.Member, HistoryStart);
        b.Seat("dp", "council.eyfs", MembershipRole.Member, HistoryStart);
        b.Seat("dp", "hlnsc.dsl", MembershipRole.Member, HistoryStart);
        b.Seat("dp", "secondary.head", MembershipRole.Member, HistoryStart);
        b.Seat("dp", "fire.lead", MembershipRole.Member, HistoryStart);
        b.Seat("dp", "council.education", MembershipRole.Member, HistoryStart);
        b.Seat("dp", "wvt.midwife", MembershipRole.Member, NewStructure);
        b.Seat("dp", "council.earlyhelp", MembershipRole.Member, NewStructure);
        b.Seat("dp", "hscp.officer2", MembershipRole.Secretariat, HistoryStart);

        // Child Exploitation and Missing.
        b.Seat("cem", "council.sd.sfs", MembershipRole.Chair, NewStructure);
        b.Seat("cem", "police.dci", MembershipRole.ViceChair, NewStructure);
        b.Seat("cem", "police.ds", MembershipRole.Member, NewStructure);
        b.Seat("cem", "yjs.manager", MembershipRole.Member, NewStructure);
        b.Seat("cem", "hwhct.camhs", MembershipRole.Member, NewStructure);
        b.Seat("cem", "wmrsasc.manager", MembershipRole.Member, NewStructure);
        b.Seat("cem", "prs.head", MembershipRole.Member, NewStructure);
        b.Seat("cem", "btp.inspector", MembershipRole.Member, NewStructure);
        b.Seat("cem", "substance.lead", MembershipRole.Member, NewStructure);
        b.Seat("cem", "council.getsafe", MembershipRole.Member, NewStructure);
        b.Seat("cem", "hlnsc.dsl", MembershipRole.Member, NewStructure);
        b.Seat("cem", "hscp.support", MembershipRole.Secretariat, NewStructure);

        // MASH Group: co-chaired by the council and the police (the police co-chair is recorded as vice-chair).
        b.Seat("mash", "council.hos.mash", MembershipRole.Chair, NewStructure);
        b.Seat("mash", "police.di", MembershipRole.ViceChair, NewStructure);
        b.Seat("mash", "wvt.mash", MembershipRole.Member, NewStructure);
        b.Seat("mash", "council.earlyhelp", MembershipRole.Member, NewStructure);
        b.Seat("mash", "council.education", MembershipRole.Member, NewStructure);
        b.Seat("mash", "wmwa.manager", MembershipRole.Member, NewStructure);
        b.Seat("mash", "hwhct.hos", MembershipRole.Member, NewStructure);
        b.Seat("mash", "icb.ddn", MembershipRole.Member, NewStructure);
        b.Seat("mash", "hscp.officer1", MembershipRole.Secretariat, NewStructure);
    }

    private static void AddSummitAndForumSeats(Builder b)
    {
        // The Summit follows the board chair until the Independent Scrutineer arrives, then stays with the scrutineer.
        b.Seat("summit", "hscp.scrutineer.2019", MembershipRole.Chair, HistoryStart, On(2022, 5, 31));
        b.Seat("summit", "police.supt.2022", MembershipRole.Chair, On(2022, 6, 1), On(2022, 9, 30));
        b.Seat("summit", "hscp.scrutineer", MembershipRole.Chair, On(2022, 10, 1));
        b.Seat("summit", "icb.cno", MembershipRole.ViceChair, HistoryStart);
        b.Seat("summit", "hvoss.ceo", MembershipRole.Member, HistoryStart);
        b.Seat("summit", "fire.lead", MembershipRole.Member, HistoryStart);
        b.Seat("summit", "cafcass.manager", MembershipRole.Member, HistoryStart);
        b.Seat("summit", "diocese.dsa", MembershipRole.Member, HistoryStart);
        b.Seat("summit", "housing.lead", MembershipRole.Member, HistoryStart);
        b.Seat("summit", "residential.manager", MembershipRole.Member, HistoryStart);
        b.Seat("summit", "primary.head", MembershipRole.Member, HistoryStart);
        b.Seat("summit", "secondary.head", MembershipRole.Member, HistoryStart);
        b.Seat("summit", "probation.head", MembershipRole.Member, HistoryStart);
        b.Seat("summit", "wmas.lead", MembershipRole.Member, HistoryStart);
        b.Seat("summit", "yjs.manager", MembershipRole.Member, HistoryStart);
        b.Seat("summit", "hscp.manager", MembershipRole.Secretariat, HistoryStart);

        b.Seat("forum", "hscp.manager", MembershipRole.Chair, HistoryStart);
        b.Seat("forum", "hscp.deputy", MembershipRole.ViceChair, HistoryStart);
        b.Seat("forum", "earlyyears.rep", MembershipRole.Member, HistoryStart);
        b.Seat("forum", "wvt.mash", MembershipRole.Member, HistoryStart);
        b.Seat("forum", "hwhct.camhs", MembershipRole.Member, HistoryStart);
        b.Seat("forum", "police.ds", MembershipRole.Member, HistoryStart);
        b.Seat("forum", "hvoss.ceo", MembershipRole.Member, HistoryStart);
        b.Seat("forum", "primary.head", MembershipRole.Member, HistoryStart);
        b.Seat("forum", "wvt.midwife", MembershipRole.Member, HistoryStart);
        b.Seat("forum", "hscp.support", MembershipRole.Secretariat, HistoryStart);
    }

    private static void AddOldStructureSeats(Builder b)
    {
        b.Seat("esg", "council.sd.sqa", MembershipRole.Chair, HistoryStart, OldStructureEnded);
        b.Seat("esg", "icb.hos", MembershipRole.ViceChair, HistoryStart, OldStructureEnded);
        b.Seat("esg", "police.dci", MembershipRole.Member, HistoryStart, OldStructureEnded);
        b.Seat("esg", "council.hoqa", MembershipRole.Member, HistoryStart, OldStructureEnded);
        b.Seat("esg", "council.psw.2022", MembershipRole.Member, HistoryStart, On(2023, 5, 31));
        b.Seat("esg", "council.sd.sfs", MembershipRole.Member, HistoryStart, OldStructureEnded);
        b.Seat("esg", "hwhct.hos", MembershipRole.Member, HistoryStart, OldStructureEnded);
        b.Seat("esg", "yjs.manager", MembershipRole.Member, HistoryStart, OldStructureEnded);
        b.Seat("esg", "hscp.manager", MembershipRole.Secretariat, HistoryStart, OldStructureEnded);

        b.Seat("audit", "hwhct.hos", MembershipRole.Chair, HistoryStart, OldStructureEnded);
        b.Seat("audit", "council.hos.review", MembershipRole.ViceChair, HistoryStart, OldStructureEnded);
        b.Seat("audit", "wvt.nn", MembershipRole.Member, HistoryStart, OldStructureEnded);
        b.Seat("audit", "wvt.mash", MembershipRole.Member, HistoryStart, OldStructureEnded);
        b.Seat("audit", "council.education", MembershipRole.Member, HistoryStart, OldStructureEnded);
        b.Seat("audit", "police.ds", MembershipRole.Member, HistoryStart, OldStructureEnded);
        b.Seat("audit", "council.analyst", MembershipRole.Adviser, HistoryStart, OldStructureEnded);
        b.Seat("audit", "hscp.officer1", MembershipRole.Secretariat, HistoryStart, OldStructureEnded);

        b.Seat("neglect", "council.hos.review", MembershipRole.Chair, HistoryStart, OldStructureEnded);
        b.Seat("neglect", "icb.ddn", MembershipRole.ViceChair, HistoryStart, OldStructureEnded);
        b.Seat("neglect", "wvt.midwife", MembershipRole.Member, HistoryStart, OldStructureEnded);
        b.Seat("neglect", "earlyyears.rep", MembershipRole.Member, HistoryStart, OldStructureEnded);
        b.Seat("neglect", "primary.head", MembershipRole.Member, HistoryStart, OldStructureEnded);
        b.Seat("neglect", "council.publichealth", MembershipRole.Member, HistoryStart, OldStructureEnded);
        b.Seat("neglect", "wmwa.manager", MembershipRole.Member, HistoryStart, OldStructureEnded);
        b.Seat("neglect", "council.eyfs", MembershipRole.Member, HistoryStart, OldStructureEnded);
        b.Seat("neglect", "council.earlyhelp", MembershipRole.Member, HistoryStart, OldStructureEnded);
        b.Seat("neglect", "hscp.support", MembershipRole.Secretariat, HistoryStart, OldStructureEnded);

        b.Seat("mash.strategic", "council.sd.sfs", MembershipRole.Chair, HistoryStart, OldStructureEnded);
        b.Seat("mash.strategic", "police.dci", MembershipRole.ViceChair, HistoryStart, OldStructureEnded);
        b.Seat("mash.strategic", "council.hos.mash", MembershipRole.Member, HistoryStart, OldStructureEnded);
        b.Seat("mash.strategic", "hwhct.hos", MembershipRole.Member, HistoryStart, OldStructureEnded);
        b.Seat("mash.strategic", "icb.hos", MembershipRole.Member, HistoryStart, OldStructureEnded);
        b.Seat("mash.strategic", "council.education", MembershipRole.Member, HistoryStart, OldStructureEnded);
        b.Seat("mash.strategic", "hscp.deputy", MembershipRole.Secretariat, HistoryStart, OldStructureEnded);

        b.Seat("mash.operational", "council.hos.mash", MembershipRole.Chair, HistoryStart, OldStructureEnded);
        b.Seat("mash.operational", "police.di", MembershipRole.ViceChair, HistoryStart, OldStructureEnded);
        b.Seat("mash.operational", "wvt.mash", MembershipRole.Member, HistoryStart, OldStructureEnded);
        b.Seat("mash.operational", "council.earlyhelp", MembershipRole.Member, HistoryStart, OldStructureEnded);
        b.Seat("mash.operational", "wmwa.manager", MembershipRole.Member, HistoryStart, OldStructureEnded);
        b.Seat("mash.operational", "yjs.manager", MembershipRole.Member, HistoryStart, OldStructureEnded);
        b.Seat("mash.operational", "hscp.officer1", MembershipRole.Secretariat, HistoryStart, OldStructureEnded);

        var getSafeStart = On(2022, 11, 1);
        var getSafeEnd = On(2024, 1, 31);
        b.Seat("getsafe", "council.getsafe", MembershipRole.Chair, getSafeStart, getSafeEnd);
        b.Seat("getsafe", "police.ds", MembershipRole.ViceChair, getSafeStart, getSafeEnd);
        b.Seat("getsafe", "yjs.manager", MembershipRole.Member, getSafeStart, getSafeEnd);
        b.Seat("getsafe", "hwhct.camhs", MembershipRole.Member, getSafeStart, getSafeEnd);
        b.Seat("getsafe", "wmrsasc.manager", MembershipRole.Member, getSafeStart, getSafeEnd);
        b.Seat("getsafe", "prs.head", MembershipRole.Member, getSafeStart, getSafeEnd);
        b.Seat("getsafe", "substance.lead", MembershipRole.Member, getSafeStart, getSafeEnd);
        b.Seat("getsafe", "btp.inspector", MembershipRole.Member, getSafeStart, getSafeEnd);
    }

    private static void AddSuccessions(Builder b)
    {
        b.PassWork("esg", "spb");
        b.PassWork("audit", "qe");
        b.PassWork("neglect", "qe");
        b.PassWork("neglect", "dp");
        b.PassWork("mash.strategic", "mash");
        b.PassWork("mash.operational", "mash");
        b.PassWork("getsafe", "cem");
    }

    /// <summary>Holds the demo records by key while they are built, and refuses inconsistent ones.</summary>
    private sealed class Builder
    {
        public List<Organisation> Organisations { get; } = [];
        public List<Person> People { get; } = [];
        public List<PartnerRepresentative> Representatives { get; } = [];
        public List<Group> Groups { get; } = [];
        public List<GroupMembership> Memberships { get; } = [];
        public List<(Group From, Group To)> Successions { get; } = [];

        private Dictionary<string, Organisation> OrganisationsByKey { get; } = new(StringComparer.Ordinal);
        private Dictionary<string, string> EmailHosts { get; } = new(StringComparer.Ordinal);
        private Dictionary<string, Person> PeopleByKey { get; } = new(StringComparer.Ordinal);
        private Dictionary<string, Group> GroupsByKey { get; } = new(StringComparer.Ordinal);

        public Person PersonFor(string key) => Find(PeopleByKey, key, "person");

        public void AddOrganisation(
            string key,
            string name,
            string? shortName,
            Sector sector,
            string emailHost,
            StatutoryPartner? partner = null,
            string? website = null,
            string? notes = null)
        {
            var organisation = new Organisation
            {
                Name = name,
                ShortName = shortName,
                Sector = sector,
                StatutoryPartner = partner,
                Website = website,
                Notes = notes,
            };
            Register(OrganisationsByKey, key, organisation);
            EmailHosts.Add(key, emailHost);
            Organisations.Add(organisation);
        }

        public void AddPerson(string key, string fullName, string jobTitle, string organisationKey)
        {
            var person = new Person
            {
                FullName = fullName,
                JobTitle = jobTitle,
                Organisation = Find(OrganisationsByKey, organisationKey, "organisation"),
                Email = EmailFor(fullName, EmailHosts[organisationKey]),
            };
            Register(PeopleByKey, key, person);
            People.Add(person);
        }

        public void Represent(string personKey, RepresentationRole role, DateOnly from, DateOnly? to = null)
        {
            var person = PersonFor(personKey);
            var organisation = OrganisationOf(person);
            if (organisation.StatutoryPartner is null)
            {
                throw new InvalidOperationException($"Demo data: {person.FullName} does not belong to a statutory partner.");
            }

            CheckPeriod(from, to, person.FullName);

            // Several deputies may serve at once; there is one lead and one DSP at a time.
            if (role != RepresentationRole.Deputy && Representatives.Exists(r =>
                    ReferenceEquals(r.Organisation, organisation) && r.Role == role && Period.Overlaps(r.From, r.To, from, to)))
            {
                throw new InvalidOperationException($"Demo data: two holders of {role} for {organisation.Name} overlap.");
            }

            Representatives.Add(new PartnerRepresentative
            {
                Organisation = organisation,
                Person = person,
                Role = role,
                From = from,
                To = to,
            });
        }

        public void AddGroup(
            string key,
            string name,
            string? shortName,
            GroupKind kind,
            MeetingFrequency frequency,
            string? reportsToKey,
            DateOnly establishedOn,
            int sortOrder,
            string remit,
            DateOnly? dissolvedOn = null,
            string? dissolutionNote = null)
        {
            var group = new Group
            {
                Name = name,
                ShortName = shortName,
                Kind = kind,
                Frequency = frequency,
                ReportsTo = reportsToKey is null ? null : Find(GroupsByKey, reportsToKey, "group"),
                Remit = remit,
                Status = dissolvedOn is null ? GroupStatus.Active : GroupStatus.Dissolved,
                EstablishedOn = establishedOn,
                DissolvedOn = dissolvedOn,
                DissolutionNote = dissolutionNote,
                SortOrder = sortOrder,
                // The board needs each partner's lead, DSP or deputy; subgroup seats are held by service leads, so
                // anyone attending for a partner counts there; summits and forums need enough people in the room.
                QuorumRule = kind switch
                {
                    GroupKind.Board => QuorumRule.StatutoryPartners,
                    GroupKind.Summit or GroupKind.PractitionerForum => QuorumRule.MinimumPresent,
                    _ => QuorumRule.PartnerOrganisationsPresent,
                },
                QuorumCount = kind is GroupKind.Summit or GroupKind.PractitionerForum ? 5 : 0,
            };
            Register(GroupsByKey, key, group);
            Groups.Add(group);
        }

        public void Seat(string groupKey, string personKey, MembershipRole role, DateOnly from, DateOnly? to = null)
        {
            var group = Find(GroupsByKey, groupKey, "group");
            var person = PersonFor(personKey);
            CheckPeriod(from, to, $"{person.FullName} on {group.Name}");
            if (group.EstablishedOn is { } established && from < established)
            {
                throw new InvalidOperationException($"Demo data: {person.FullName}'s seat on {group.Name} starts before the group.");
            }

            // DissolvedOn is the first day the group no longer exists.
            if (group.DissolvedOn is { } dissolved && (to is null || to >= dissolved))
            {
                throw new InvalidOperationException($"Demo data: {person.FullName}'s seat on {group.Name} outlives the group.");
            }

            if (Memberships.Exists(m => ReferenceEquals(m.Group, group) && ReferenceEquals(m.Person, person)
                    && Period.Overlaps(m.From, m.To, from, to)))
            {
                throw new InvalidOperationException($"Demo data: {person.FullName} has overlapping seats on {group.Name}.");
            }

            var presides = role is MembershipRole.Chair or MembershipRole.ViceChair;
            if (presides && Memberships.Exists(m =>
                    ReferenceEquals(m.Group, group) && m.Role == role && Period.Overlaps(m.From, m.To, from, to)))
            {
                throw new InvalidOperationException($"Demo data: two people hold {role} of {group.Name} at once.");
            }

            Memberships.Add(new GroupMembership
            {
                Group = group,
                Person = person,
                Organisation = OrganisationOf(person),
                Role = role,
                From = from,
                To = to,
            });
        }

        public void PassWork(string fromKey, string toKey)
        {
            var from = Find(GroupsByKey, fromKey, "group");
            var to = Find(GroupsByKey, toKey, "group");
            if (from.Status != GroupStatus.Dissolved)
            {
                throw new InvalidOperationException($"Demo data: {from.Name} passes on its work but is not dissolved.");
            }

            Successions.Add((from, to));
        }

        private static Organisation OrganisationOf(Person person) =>
            person.Organisation ?? throw new InvalidOperationException($"Demo data: {person.FullName} has no organisation.");

        private static void CheckPeriod(DateOnly from, DateOnly? to, string what)
        {
            if (to is { } end && end < from)
            {
                throw new InvalidOperationException($"Demo data: the period for {what} ends before it starts.");
            }
        }

        private static string EmailFor(string fullName, string host)
        {
            var names = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(n => n is not ("Dr" or "Revd"));
            var localPart = new string(string.Join('.', names).Select(char.ToLowerInvariant).ToArray());
            return $"{localPart}@{host}.{DemoSeeder.Domain}";
        }

        private static T Find<T>(Dictionary<string, T> map, string key, string what)
            where T : class =>
            map.TryGetValue(key, out var value)
                ? value
                : throw new InvalidOperationException($"Demo data refers to an unknown {what} '{key}'.");

        private static void Register<T>(Dictionary<string, T> map, string key, T value)
            where T : class
        {
            if (!map.TryAdd(key, value))
            {
                throw new InvalidOperationException($"Demo data uses the key '{key}' twice.");
            }
        }
    }
}
