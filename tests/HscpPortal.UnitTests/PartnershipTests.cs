using HscpPortal.Web.Domain;

namespace HscpPortal.UnitTests;

public class PartnershipTests
{
    private const int Police = 3;
    private const int Council = 1;

    private static readonly List<PartnerRepresentative> History =
    [
        new() { Id = 1, OrganisationId = Police, PersonId = 10, Role = RepresentationRole.DelegatedPartner, From = new(2022, 4, 1), To = new(2023, 9, 30) },
        new() { Id = 2, OrganisationId = Police, PersonId = 11, Role = RepresentationRole.DelegatedPartner, From = new(2023, 10, 1) },
        new() { Id = 3, OrganisationId = Police, PersonId = 12, Role = RepresentationRole.Deputy, From = new(2022, 4, 1) },
        new() { Id = 4, OrganisationId = Council, PersonId = 20, Role = RepresentationRole.DelegatedPartner, From = new(2022, 4, 1) },
        new() { Id = 5, OrganisationId = Police, PersonId = 13, Role = RepresentationRole.Deputy, From = new(2024, 1, 1), ArchivedAt = new DateTime(2024, 2, 1) },
    ];

    [Theory]
    [InlineData(2024, 3, 5, 11)]
    [InlineData(2023, 9, 30, 10)]
    [InlineData(2023, 10, 1, 11)]
    [InlineData(2022, 4, 1, 10)]
    public void HoldersOn_PoliceDspOnDate_ReturnsWhoHeldIt(int y, int m, int d, int expectedPerson)
    {
        var holders = Partnership.HoldersOn(History, Police, RepresentationRole.DelegatedPartner, new DateOnly(y, m, d));

        Assert.Equal([expectedPerson], holders.Select(h => h.PersonId));
    }

    [Fact]
    public void HoldersOn_BeforeAnyAppointment_ReturnsNobody()
    {
        Assert.Empty(Partnership.HoldersOn(History, Police, RepresentationRole.DelegatedPartner, new DateOnly(2022, 3, 31)));
    }

    [Fact]
    public void HoldersOn_ArchivedAppointment_IsIgnored()
    {
        var deputies = Partnership.HoldersOn(History, Police, RepresentationRole.Deputy, new DateOnly(2024, 3, 5));

        Assert.Equal([12], deputies.Select(h => h.PersonId));
    }

    [Theory]
    [InlineData(12, 2024, 3, 5, true)]
    [InlineData(10, 2024, 3, 5, false)]
    [InlineData(10, 2023, 6, 1, true)]
    [InlineData(20, 2024, 3, 5, false)]
    public void CanRepresent_PersonOnDate_FollowsTheHistory(int person, int y, int m, int d, bool expected)
    {
        Assert.Equal(expected, Partnership.CanRepresent(History, Police, person, new DateOnly(y, m, d)));
    }

    [Fact]
    public void ChairOn_EndedChair_IsNotTheChair()
    {
        var seats = new List<GroupMembership>
        {
            new() { PersonId = 1, Role = MembershipRole.Chair, From = new(2020, 1, 1), To = new(2023, 3, 31) },
            new() { PersonId = 2, Role = MembershipRole.Chair, From = new(2023, 4, 1) },
            new() { PersonId = 3, Role = MembershipRole.ViceChair, From = new(2020, 1, 1) },
        };

        Assert.Equal(2, Partnership.ChairOn(seats, MembershipRole.Chair, new DateOnly(2024, 1, 1))?.PersonId);
        Assert.Equal(1, Partnership.ChairOn(seats, MembershipRole.Chair, new DateOnly(2023, 3, 31))?.PersonId);
    }

    [Theory]
    [InlineData(Police, Police, 99, 2024, 3, 5, true)] // a colleague from the seat's organisation
    [InlineData(Police, Council, 12, 2024, 3, 5, true)] // the police's named deputy, employed elsewhere
    [InlineData(Police, Council, 11, 2024, 3, 5, true)] // the police DSP on the day
    [InlineData(Police, Council, 10, 2024, 3, 5, false)] // a former DSP, after their appointment ended
    [InlineData(Police, Council, 13, 2024, 3, 5, false)] // an archived deputy appointment
    [InlineData(Police, Council, 20, 2024, 3, 5, false)] // the council's DSP cannot sit in for the police
    [InlineData(5, 6, 12, 2024, 3, 5, false)] // someone else's named deputy, for an agency seat
    public void CanDeputise_SeatAndDeputy_FollowsTheRegistersDeputyRule(
        int seatOrganisation, int deputyOrganisation, int deputy, int y, int m, int d, bool expected)
    {
        Assert.Equal(expected, Partnership.CanDeputise(History, seatOrganisation, deputy, deputyOrganisation, new DateOnly(y, m, d)));
    }
}

public class PeriodTests
{
    [Theory]
    [InlineData("2024-01-01", null, "2024-01-01", true)]
    [InlineData("2024-01-01", null, "2023-12-31", false)]
    [InlineData("2024-01-01", "2024-01-31", "2024-01-31", true)]
    [InlineData("2024-01-01", "2024-01-31", "2024-02-01", false)]
    public void Contains_IsInclusiveAtBothEnds(string from, string? to, string date, bool expected)
    {
        Assert.Equal(expected, Period.Contains(DateOnly.Parse(from), to is null ? null : DateOnly.Parse(to), DateOnly.Parse(date)));
    }

    [Theory]
    [InlineData("2024-01-01", "2024-01-31", "2024-01-31", null, true)]
    [InlineData("2024-01-01", "2024-01-31", "2024-02-01", null, false)]
    [InlineData("2024-01-01", null, "2020-01-01", "2023-12-31", false)]
    [InlineData("2024-01-01", null, "2020-01-01", null, true)]
    public void Overlaps_OpenEndsRunForever(string fromA, string? toA, string fromB, string? toB, bool expected)
    {
        static DateOnly? D(string? s) => s is null ? null : DateOnly.Parse(s);
        Assert.Equal(expected, Period.Overlaps(DateOnly.Parse(fromA), D(toA), DateOnly.Parse(fromB), D(toB)));
    }
}
