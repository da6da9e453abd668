using HscpPortal.Web.Domain;

namespace HscpPortal.UnitTests;

public class QuorumTests
{
    // Organisations: 1 council, 2 ICB, 3 police, 10 and 11 relevant agencies.
    private static readonly PartnerOrganisation[] Partners =
    [
        new(1, StatutoryPartner.LocalAuthority),
        new(2, StatutoryPartner.IntegratedCareBoard),
        new(3, StatutoryPartner.Police),
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

public class AttendanceStatisticsTests
{
    private static readonly PartnerOrganisation[] Partners = [new(2, StatutoryPartner.IntegratedCareBoard)];

    private static readonly PartnerRepresentative[] History =
    [
        new() { OrganisationId = 2, PersonId = 200, Role = RepresentationRole.DelegatedPartner, From = new(2022, 4, 1) },
        new() { OrganisationId = 2, PersonId = 201, Role = RepresentationRole.Deputy, From = new(2022, 4, 1) },
    ];

    [Fact]
    public void ForPartners_SeedsIcbPattern_Gives50And75()
    {
        // DSP at meetings 1 and 3; deputy at 2, 3 and 4: the 2023-24 report's ICB figures.
        var meetings = new[]
        {
            new HeldMeeting(1, new(2023, 6, 15), [new(200, 2)]),
            new HeldMeeting(2, new(2023, 9, 21), [new(201, 2)]),
            new HeldMeeting(3, new(2023, 12, 14), [new(200, 2), new(201, 2)]),
            new HeldMeeting(4, new(2024, 3, 14), [new(201, 2)]),
        };

        var icb = AttendanceStatistics.ForPartners(meetings, Partners, History).Single();

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
