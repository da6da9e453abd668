using HscpPortal.Web.Domain;

namespace HscpPortal.UnitTests;

public class AgencyAttendanceTests
{
    private const int Diocese = 7;
    private const int Trust = 8;

    private static Attendance Line(int meeting, int organisation, int person, AttendanceStatus status, int? deputy = null, AttendeeKind kind = AttendeeKind.Invitee) =>
        new() { MeetingId = meeting, OrganisationId = organisation, PersonId = person, Status = status, DeputyPersonId = deputy, Kind = kind };

    [Theory]
    [InlineData(AttendanceStatus.Present, AgencyOutcome.Attended)]
    [InlineData(AttendanceStatus.LeftEarly, AgencyOutcome.Attended)]
    [InlineData(AttendanceStatus.Apologies, AgencyOutcome.Apologies)]
    [InlineData(AttendanceStatus.Absent, AgencyOutcome.AbsentWithoutReason)]
    [InlineData(AttendanceStatus.NotRecorded, AgencyOutcome.AbsentWithoutReason)]
    public void Outcome_SingleInvitee_FollowsTheirStatus(AttendanceStatus status, AgencyOutcome expected)
    {
        Assert.Equal(expected, AgencyAttendance.Outcome([Line(1, Diocese, 1, status)]));
    }

    [Fact]
    public void Outcome_DeputyNamed_CountsAsAttended()
    {
        Assert.Equal(AgencyOutcome.Attended, AgencyAttendance.Outcome([Line(1, Diocese, 1, AttendanceStatus.Deputised, deputy: 2)]));
    }

    [Fact]
    public void Outcome_DeputisedWithoutADeputyNamed_IsNotAttendance()
    {
        Assert.Equal(AgencyOutcome.AbsentWithoutReason, AgencyAttendance.Outcome([Line(1, Diocese, 1, AttendanceStatus.Deputised)]));
    }

    [Fact]
    public void Outcome_OneOfTwoInviteesPresent_IsAttended()
    {
        Assert.Equal(AgencyOutcome.Attended, AgencyAttendance.Outcome([Line(1, Trust, 1, AttendanceStatus.Absent), Line(1, Trust, 2, AttendanceStatus.Present)]));
    }

    [Fact]
    public void Outcome_OneAbsentOneApologised_IsApologies()
    {
        Assert.Equal(AgencyOutcome.Apologies, AgencyAttendance.Outcome([Line(1, Trust, 1, AttendanceStatus.Absent), Line(1, Trust, 2, AttendanceStatus.Apologies)]));
    }

    [Fact]
    public void Summarise_AYearOfLines_CountsEachMeetingOncePerAgency()
    {
        var lines = new[]
        {
            Line(1, Diocese, 1, AttendanceStatus.Present),
            Line(2, Diocese, 1, AttendanceStatus.Apologies),
            Line(3, Diocese, 1, AttendanceStatus.Absent),
            Line(4, Diocese, 1, AttendanceStatus.NotRecorded),
            Line(1, Trust, 2, AttendanceStatus.Present),
            Line(1, Trust, 3, AttendanceStatus.Absent),
            Line(2, Trust, 2, AttendanceStatus.Deputised, deputy: 4),
            Line(3, Trust, 5, AttendanceStatus.Present, kind: AttendeeKind.Guest),
        };

        var summary = AgencyAttendance.Summarise(AgencyAttendance.Outcomes(lines));

        Assert.Equal(
            [new AgencyAttendanceSummary(Diocese, 4, 1, 1, 2), new AgencyAttendanceSummary(Trust, 2, 2, 0, 0)],
            summary);
        Assert.Equal(25, summary[0].AttendedPercent);
        Assert.Equal(100, summary[1].AttendedPercent);
    }
}
