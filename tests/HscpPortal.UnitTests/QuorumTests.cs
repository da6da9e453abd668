using HscpPortal.Web.Domain;

namespace HscpPortal.UnitTests;

public class QuorumTests
{
    // Organisations: 1 council, 2 ICB, 3 police, 10 and 11 relevant agencies.
    private static readonly PartnerOrganisation[] Partners =
    [
        new(1, "Herefordshire Council", StatutoryPartner.LocalAuthority),
        new(2, "NHS Herefordshire and Worcestershire ICB", StatutoryPartner.IntegratedCareBoard),
        new(3, "West Mercia Police", StatutoryPartner.Police),
    ];

    // People: 100 council DSP, 101 council deputy, 200 ICB DSP, 201 ICB deputy,
    // 300 police DSP until 30 Sep 2023, 301 police DSP from 1 Oct 2023, 302 police deputy, 303 police officer with no role.
    private static readonly PartnerRepresentative[] History =
    [
        new() { OrganisationId = 1, PersonId = 100, Role = RepresentationRole.DelegatedPartner, From = new(2022, 4, 1) },
        new() { OrganisationId = 1, PersonId = 101, Role = RepresentationRole.Deputy, From = new(2022, 4, 1) },
        new() { OrganisationId = 2, PersonId = 200, Role = RepresentationRole.DelegatedPartner, From = new(2022, 4, 1) },
        new() { OrganisationId = 2, PersonId = 201, Role = RepresentationRole.Deputy, From = new(2022, 4, 1), To = new(2023, 12, 31) },
        new() { OrganisationId = 3, PersonId = 300, Role = RepresentationRole.DelegatedPartner, From = new(2022, 4, 1), To = new(2023, 9, 30) },
        new() { OrganisationId = 3, PersonId = 301, Role = RepresentationRole.DelegatedPartner, From = new(2023, 10, 1) },
        new() { OrganisationId = 3, PersonId = 302, Role = RepresentationRole.Deputy, From = new(2022, 4, 1) },
    ];

    private static readonly DateOnly Day = new(2024, 3, 5);

    private static QuorumResult Evaluate(DateOnly date, params (int Person, int Org)[] present) =>
        Quorum.Evaluate(QuorumRule.StatutoryPartners, 0, date, present.Select(p => new PresentPerson(p.Person, p.Org)).ToList(), Partners, History);

    [Fact]
    public void Evaluate_AllThreeDsps_IsQuorate()
    {
        var result = Evaluate(Day, (100, 1), (200, 2), (301, 3));

        Assert.True(result.IsQuorate);
        Assert.Equal("Quorate: all three statutory partners represented", result.Statement);
    }

    [Fact]
    public void Evaluate_DspAbsentDeputyPresent_IsQuorate()
    {
        Assert.True(Evaluate(Day, (101, 1), (200, 2), (302, 3)).IsQuorate);
    }

    [Fact]
    public void Evaluate_PoliceDspAndDeputyAbsent_NamesThePolice()
    {
        var result = Evaluate(Day, (100, 1), (200, 2));

        Assert.False(result.IsQuorate);
        Assert.Equal(["Police not represented"], result.Reasons);
        Assert.Equal("Not quorate: Police not represented", result.Statement);
    }

    [Fact]
    public void Evaluate_PoliceOfficerWithoutDelegatedAuthority_DoesNotCount()
    {
        var result = Evaluate(Day, (100, 1), (200, 2), (303, 3));

        Assert.False(result.IsQuorate);
        Assert.Contains("Police not represented", result.Reasons);
    }

    [Theory]
    [InlineData(2023, 9, 30, 300, true)] // the old DSP on their last day
    [InlineData(2023, 10, 1, 300, false)] // the old DSP the day after they stood down
    [InlineData(2023, 10, 1, 301, true)]
    [InlineData(2023, 9, 30, 301, false)] // the new DSP before their appointment
    public void Evaluate_DspValidOnlyOnTheirDates(int y, int m, int d, int policePerson, bool quorate)
    {
        Assert.Equal(quorate, Evaluate(new DateOnly(y, m, d), (100, 1), (200, 2), (policePerson, 3)).IsQuorate);
    }

    [Theory]
    [InlineData(2023, 12, 31, true)]
    [InlineData(2024, 1, 1, false)] // the ICB deputy's delegation ended
    public void Evaluate_DeputyValidOnlyOnTheirDates(int y, int m, int d, bool quorate)
    {
        Assert.Equal(quorate, Evaluate(new DateOnly(y, m, d), (100, 1), (201, 2), (301, 3)).IsQuorate);
    }

    [Fact]
    public void Evaluate_NobodyPresent_NamesEveryPartner()
    {
        var result = Evaluate(Day);

        Assert.Equal(["Local authority not represented", "Integrated care board not represented", "Police not represented"], result.Reasons);
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void Evaluate_PartnersPlusAgencies_CountsDistinctAgencies(int needed, bool quorate)
    {
        var present = new[] { new PresentPerson(100, 1), new PresentPerson(200, 2), new PresentPerson(301, 3), new PresentPerson(500, 10), new PresentPerson(501, 10), new PresentPerson(502, 11) };

        var result = Quorum.Evaluate(QuorumRule.StatutoryPartnersPlusAgencies, needed, Day, present, Partners, History);

        Assert.Equal(quorate, result.IsQuorate);
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void Evaluate_MinimumPresent_CountsPeople(int needed, bool quorate)
    {
        var present = new[] { new PresentPerson(500, 10), new PresentPerson(501, 10), new PresentPerson(502, 11) };

        var result = Quorum.Evaluate(QuorumRule.MinimumPresent, needed, Day, present, Partners, History);

        Assert.Equal(quorate, result.IsQuorate);
        Assert.Equal(quorate ? [] : ["3 present, 4 needed"], result.Reasons);
    }

    [Fact]
    public void PresentFrom_Register_CountsOnlyPeopleInTheRoom()
    {
        var register = new[]
        {
            new Attendance { PersonId = 100, OrganisationId = 1, Status = AttendanceStatus.Present },
            new Attendance { PersonId = 200, OrganisationId = 2, Status = AttendanceStatus.Deputised, DeputyPersonId = 201 },
            new Attendance { PersonId = 301, OrganisationId = 3, Status = AttendanceStatus.Apologies, ApologyReason = "Leave" },
            new Attendance { PersonId = 302, OrganisationId = 3, Status = AttendanceStatus.LeftEarly },
            new Attendance { PersonId = 500, OrganisationId = 10, Status = AttendanceStatus.Absent },
            new Attendance { PersonId = 501, OrganisationId = 10, Status = AttendanceStatus.NotRecorded },
        };

        var present = Quorum.PresentFrom(register);

        Assert.Equal([100, 201, 302], present.Select(p => p.PersonId).Order());
        Assert.True(Quorum.Evaluate(QuorumRule.StatutoryPartners, 0, new DateOnly(2023, 6, 1), present, Partners, History).IsQuorate);
    }
}

/// <summary>A partnership that is not "one of each": two councils in a joint arrangement, and a partner that joins mid-year.</summary>
public class PartnersAsDataTests
{
    // 1 Shire Council, 4 City Council (a second council, partner from 1 October 2023), 2 the ICB, 3 the police.
    private static readonly PartnerOrganisation[] Partners =
    [
        new(1, "Shire Council", StatutoryPartner.LocalAuthority),
        new(4, "City Council", StatutoryPartner.LocalAuthority),
        new(2, "The ICB", StatutoryPartner.IntegratedCareBoard),
        new(3, "The Police", StatutoryPartner.Police),
    ];

    private static readonly PartnerRepresentative[] History =
    [
        new() { OrganisationId = 1, PersonId = 100, Role = RepresentationRole.DelegatedPartner, From = new(2022, 4, 1) },
        new() { OrganisationId = 4, PersonId = 400, Role = RepresentationRole.DelegatedPartner, From = new(2023, 10, 1) },
        new() { OrganisationId = 2, PersonId = 200, Role = RepresentationRole.DelegatedPartner, From = new(2022, 4, 1) },
        new() { OrganisationId = 3, PersonId = 300, Role = RepresentationRole.DelegatedPartner, From = new(2022, 4, 1) },
    ];

    private static QuorumResult Evaluate(IReadOnlyCollection<PartnerOrganisation> partners, params (int Person, int Org)[] present) =>
        Quorum.Evaluate(QuorumRule.StatutoryPartners, 0, new DateOnly(2024, 1, 10), present.Select(p => new PresentPerson(p.Person, p.Org)).ToList(), partners, History);

    [Fact]
    public void Evaluate_TwoCouncilsOnlyOneRepresented_NotQuorateAndNamesTheCouncil()
    {
        var result = Evaluate(Partners, (100, 1), (200, 2), (300, 3));

        Assert.False(result.IsQuorate);
        Assert.Equal(["City Council not represented"], result.Reasons);
    }

    [Fact]
    public void Evaluate_FourPartnersAllRepresented_SaysFourNotThree()
    {
        var result = Evaluate(Partners, (100, 1), (400, 4), (200, 2), (300, 3));

        Assert.True(result.IsQuorate);
        Assert.Equal("Quorate: all four statutory partners represented", result.Statement);
        Assert.Equal([4, 1, 2, 3], result.PartnersRepresented);
    }

    [Fact]
    public void Evaluate_NoPartnersRecorded_NotQuorate()
    {
        var result = Evaluate([], (100, 1));

        Assert.False(result.IsQuorate);
        Assert.Equal(["no statutory partners are recorded for this date"], result.Reasons);
    }

    [Fact]
    public void IsPartnerOn_PartnerFromAndTo_InclusiveAndOpenEnded()
    {
        var city = new Organisation { Name = "City Council", StatutoryPartner = StatutoryPartner.LocalAuthority, PartnerFrom = new(2023, 10, 1), PartnerTo = new(2025, 3, 31) };
        var shire = new Organisation { Name = "Shire Council", StatutoryPartner = StatutoryPartner.LocalAuthority };
        var agency = new Organisation { Name = "A school", Designation = AgencyDesignation.Education, DesignatedFrom = new(2026, 9, 1) };

        Assert.Equal([false, true, true, false], new DateOnly[] { new(2023, 9, 30), new(2023, 10, 1), new(2025, 3, 31), new(2025, 4, 1) }.Select(city.IsPartnerOn));
        Assert.True(shire.IsPartnerOn(new DateOnly(1990, 1, 1)));
        Assert.False(agency.IsPartnerOn(new DateOnly(2026, 10, 1)));
        Assert.Equal([false, true], new DateOnly[] { new(2026, 8, 31), new(2026, 9, 1) }.Select(agency.IsDesignatedOn));
        Assert.True(city.IsPartnerDuring(new DateOnly(2023, 4, 1), new DateOnly(2024, 3, 31)));
        Assert.False(city.IsPartnerDuring(new DateOnly(2022, 4, 1), new DateOnly(2023, 3, 31)));
    }

    [Fact]
    public void ForPartners_PartnerJoinedMidYear_CountedOnlyOverMeetingsWhileAPartner()
    {
        var meetings = new[]
        {
            new HeldMeeting(1, new(2023, 6, 15), [new(100, 1), new(200, 2), new(300, 3)]),
            new HeldMeeting(2, new(2023, 9, 21), [new(100, 1), new(200, 2), new(300, 3)]),
            new HeldMeeting(3, new(2023, 12, 14), [new(100, 1), new(400, 4), new(200, 2), new(300, 3)]),
            new HeldMeeting(4, new(2024, 3, 14), [new(100, 1), new(200, 2)]),
        };
        var cityFrom = new DateOnly(2023, 10, 1);

        var rows = AttendanceStatistics.ForPartners(meetings, Partners, History, (organisation, date) => organisation != 4 || date >= cityFrom);

        var city = rows.Single(r => r.OrganisationId == 4);
        Assert.Equal((2, 1, 50), (city.Held, city.DspAttended, city.DspPercent));
        Assert.Equal(4, rows.Single(r => r.OrganisationId == 1).Held);
        Assert.Equal(["City Council", "Shire Council", "The ICB", "The Police"], rows.Select(r => r.Name));
    }

    [Fact]
    public void AllSigned_EveryPartnerOfTheDay_NeedsBothCouncils()
    {
        Assert.False(ReportWorkflow.AllSigned([(1, true), (4, false), (2, true), (3, true)]));
        Assert.True(ReportWorkflow.AllSigned([(1, true), (4, true), (2, true), (3, true)]));
        Assert.False(ReportWorkflow.AllSigned([]));
    }

    [Theory]
    [InlineData(ReportStatus.Draft, ReportMove.ToReview, ReportStatus.InReview, null)]
    [InlineData(ReportStatus.InReview, ReportMove.ToReview, ReportStatus.InReview, "Only a draft can be sent for review.")]
    [InlineData(ReportStatus.InReview, ReportMove.ToSignOff, ReportStatus.SignOff, null)]
    [InlineData(ReportStatus.Draft, ReportMove.ToSignOff, ReportStatus.Draft, "The report goes to sign-off once it has been reviewed.")]
    [InlineData(ReportStatus.SignOff, ReportMove.BackToDraft, ReportStatus.Draft, null)]
    [InlineData(ReportStatus.Published, ReportMove.BackToDraft, ReportStatus.Published, "The report has been published, so its status can no longer change.")]
    public void Move_FromEachStatus_AllowedOrRefusedWithReason(ReportStatus from, ReportMove move, ReportStatus to, string? refusal)
    {
        var report = new YearlyReport { StartYear = 2023, Status = from };

        Assert.Equal(refusal, ReportWorkflow.Move(report, move));
        Assert.Equal(to, report.Status);
    }

    [Theory]
    [InlineData("2024-09-01", "2024-03-31")]
    [InlineData("2024-01-10", "2024-01-10")]
    public void PartnersAsAt_PastYearItsEnd_CurrentYearToday(string today, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            ReportWorkflow.PartnersAsAt(new ReportingYear(2023), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }
}

public class AttendanceStatisticsTests
{
    private static readonly PartnerOrganisation[] Partners = [new(2, "NHS Herefordshire and Worcestershire ICB", StatutoryPartner.IntegratedCareBoard)];

    private static readonly PartnerRepresentative[] History =
    [
        new() { OrganisationId = 2, PersonId = 200, Role = RepresentationRole.DelegatedPartner, From = new(2022, 4, 1) },
        new() { OrganisationId = 2, PersonId = 201, Role = RepresentationRole.Deputy, From = new(2022, 4, 1) },
    ];

    // DSP at meetings 1 and 3; deputy at 2, 3 and 4: the 2023-24 report's ICB figures.
    private static readonly HeldMeeting[] SeedsIcbBoard =
    [
        new(1, new(2023, 6, 15), [new(200, 2)]),
        new(2, new(2023, 9, 21), [new(201, 2)]),
        new(3, new(2023, 12, 14), [new(200, 2), new(201, 2)]),
        new(4, new(2024, 3, 14), [new(201, 2)]),
    ];

    [Fact]
    public void ForPartners_SeedsIcbPattern_Gives50And75()
    {
        var icb = AttendanceStatistics.ForPartners(SeedsIcbBoard, Partners, History).Single();

        Assert.Equal((4, 2, 3, 0), (icb.Held, icb.DspAttended, icb.RepresentativeAttended, icb.Nobody));
        Assert.Equal((50, 75, 0), (icb.DspPercent, icb.RepresentativePercent, icb.NobodyPercent));
    }

    [Fact]
    public void ForPartners_NobodyForThePartner_CountsTheGap()
    {
        var meetings = new[] { new HeldMeeting(1, new(2023, 6, 15), [new(999, 7)]) };

        var icb = AttendanceStatistics.ForPartners(meetings, Partners, History).Single();

        Assert.Equal((0, 0, 1, 100), (icb.DspAttended, icb.RepresentativeAttended, icb.Nobody, icb.NobodyPercent));
    }

    [Theory]
    // The seeds' 2023-24 board: 4 meetings, every one represented for each partner.
    // partner: held, DSP attended, nobody -> DSP %, DSP or deputy % (the report's deputy-or-other column was 75 and 50)
    [InlineData(4, 2, 0, 50, 100)] // ICB: DSP at 2, deputy at 3 (one with the DSP); police likewise: DSP at 2, deputy at the other 2
    [InlineData(4, 4, 0, 100, 100)] // council
    [InlineData(4, 1, 1, 25, 75)]
    [InlineData(8, 8, 1, 100, 88)] // impossible: the DSP came to all eight, so no meeting lacked someone for the partner
    public void BoardAttendanceFigures_SeedsBoard_DspOrDeputyNeverBelowDsp(int held, int dsp, int nobody, int dspPercent, int anyPercent)
    {
        if (dsp + nobody > held)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => BoardAttendanceFigures.Of(held, dsp, nobody));
            return;
        }

        var figures = BoardAttendanceFigures.Of(held, dsp, nobody);

        Assert.Equal((dspPercent, anyPercent), (figures.DspPercent, figures.DspOrDeputyPercent));
        Assert.True(figures.DspOrDeputyAttended >= figures.DspAttended);
    }

    [Fact]
    public void BoardAttendanceFigures_EveryPossibleCount_DspOrDeputyAtLeastDsp()
    {
        for (var held = 0; held <= 60; held++)
        {
            for (var dsp = 0; dsp <= held; dsp++)
            {
                for (var nobody = 0; dsp + nobody <= held; nobody++)
                {
                    var figures = BoardAttendanceFigures.Of(held, dsp, nobody);
                    Assert.True(figures.DspOrDeputyPercent >= figures.DspPercent, $"{held}/{dsp}/{nobody}");
                    Assert.InRange(figures.DspOrDeputyPercent, 0, 100);
                }
            }
        }
    }

    [Fact]
    public void ForPartners_SeedsIcbPattern_DspOrDeputyIsEveryMeeting()
    {
        var icb = AttendanceStatistics.ForPartners(SeedsIcbBoard, Partners, History).Single();

        Assert.Equal((4, 2, 4), (icb.Figures.Held, icb.Figures.DspAttended, icb.Figures.DspOrDeputyAttended));
        Assert.Equal((50, 100), (icb.DspPercent, icb.DspOrDeputyPercent));
    }

    [Fact]
    public void ForPartners_NoMeetings_GivesZeroPercentNotAnError()
    {
        var icb = AttendanceStatistics.ForPartners([], Partners, History).Single();

        Assert.Equal(0, icb.DspPercent);
    }
}

public class ReportingYearTests
{
    [Theory]
    [InlineData("2023-24", true, 2023)]
    [InlineData(" 2024-25 ", true, 2024)]
    [InlineData("1999-00", true, 1999)]
    [InlineData("2023-25", false, 0)]
    [InlineData("2023/24", false, 0)]
    [InlineData("", false, 0)]
    [InlineData(null, false, 0)]
    public void TryParse_Text_AcceptsOnlyConsecutiveYears(string? text, bool ok, int start)
    {
        Assert.Equal(ok, ReportingYear.TryParse(text, out var year));
        if (ok)
        {
            Assert.Equal(start, year.StartYear);
        }
    }

    [Theory]
    [InlineData(2024, 3, 31, "2023-24")]
    [InlineData(2024, 4, 1, "2024-25")]
    [InlineData(2000, 1, 1, "1999-00")]
    public void Containing_Date_IsAprilToMarch(int y, int m, int d, string expected) =>
        Assert.Equal(expected, ReportingYear.Containing(new DateOnly(y, m, d)).ToString());
}

public class MeetingScheduleTests
{
    [Fact]
    public void Dates_Quarterly_KeepsTheSecondThursday()
    {
        var dates = MeetingSchedule.Dates(new DateOnly(2024, 4, 11), MeetingFrequency.Quarterly, 4);

        Assert.Equal([new(2024, 4, 11), new(2024, 7, 11), new(2024, 10, 10), new(2025, 1, 9)], dates);
        Assert.All(dates, d => Assert.Equal(DayOfWeek.Thursday, d.DayOfWeek));
    }

    [Fact]
    public void Dates_FifthWeekdayMissingInAMonth_FallsBackToTheLast()
    {
        var dates = MeetingSchedule.Dates(new DateOnly(2024, 5, 30), MeetingFrequency.Monthly, 2); // fifth Thursday

        Assert.Equal(new DateOnly(2024, 6, 27), dates[1]);
    }

    [Fact]
    public void Dates_SixWeekly_Every42Days()
    {
        var dates = MeetingSchedule.Dates(new DateOnly(2024, 4, 4), MeetingFrequency.SixWeekly, 3);

        Assert.Equal([new(2024, 4, 4), new(2024, 5, 16), new(2024, 6, 27)], dates);
    }

    [Fact]
    public void PerYear_Frequencies_MatchTheirRhythm()
    {
        Assert.Equal(4, MeetingSchedule.PerYear(MeetingFrequency.Quarterly));
        Assert.Equal(8, MeetingSchedule.PerYear(MeetingFrequency.SixWeekly));
        Assert.Equal(0, MeetingSchedule.PerYear(MeetingFrequency.AsRequired));
    }
}

public class RegisterAndRatificationRulesTests
{
    [Fact]
    public void DeputiesAlsoAttending_DeputyPresentInOwnRight_NamesWhoseDeputyIsCountedTwice()
    {
        var lines = new RegisterEntry[]
        {
            new(1, "Ann Lead", AttendanceStatus.Deputised, 2),
            new(2, "Bob Deputy", AttendanceStatus.Present, null),
            new(3, "Cat Other", AttendanceStatus.Deputised, 4),
            new(4, "Dan Apologies", AttendanceStatus.Apologies, null),
            new(5, "Eve Left", AttendanceStatus.Deputised, 6),
            new(6, "Fay Early", AttendanceStatus.LeftEarly, null),
        };

        Assert.Equal(["Ann Lead", "Eve Left"], RegisterRules.DeputiesAlsoAttending(lines));
    }

    [Theory]
    [InlineData(true, false, null, false, true)]
    [InlineData(true, true, null, false, false)]
    [InlineData(false, false, null, false, false)]
    [InlineData(true, false, 12, false, false)]
    [InlineData(true, false, null, true, false)]
    public void NeedsRatification_KeyDecisionAtInquorateMeeting_UntilRatifiedOrArchived(bool isKey, bool quorate, int? ratifiedAt, bool archived, bool expected)
    {
        Assert.Equal(expected, Ratification.NeedsRatification(isKey, quorate, ratifiedAt, archived));
    }

    [Fact]
    public void ApplyQuorum_Result_StoredWithItsStatement()
    {
        var meeting = new Meeting();

        meeting.ApplyQuorum(new QuorumResult(false, ["Police not represented"], []));

        Assert.False(meeting.IsQuorate);
        Assert.Equal("Not quorate: Police not represented", meeting.QuorumStatement);
    }
}
