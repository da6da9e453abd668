using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using Microsoft.Extensions.Time.Testing;

namespace HscpPortal.UnitTests;

public class GroupTests
{
    [Theory]
    [InlineData("2019-09-29", null, "2024-01-01", true)]
    [InlineData("2019-09-29", "2023-06-30", "2023-06-29", true)]
    [InlineData("2019-09-29", "2023-06-30", "2023-06-30", false)]
    [InlineData("2025-01-01", null, "2024-01-01", false)]
    public void IsActiveOn_DissolvedGroup_StopsOnItsDissolutionDate(string established, string? dissolved, string date, bool expected)
    {
        var group = new Group { Name = "Q&E", EstablishedOn = DateOnly.Parse(established), DissolvedOn = dissolved is null ? null : DateOnly.Parse(dissolved) };

        Assert.Equal(expected, group.IsActiveOn(DateOnly.Parse(date)));
    }

    [Fact]
    public void Archive_ThenRestore_SetsAndClearsWhoAndWhen()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        var organisation = new Organisation { Name = "Wye Valley NHS Trust" };

        organisation.Archive(true, "team@demo.hscp.example", clock);
        Assert.Equal(new DateTime(2026, 11, 24, 10, 0, 0), organisation.ArchivedAt);
        Assert.Equal("team@demo.hscp.example", organisation.ArchivedBy);

        organisation.Archive(false, "team@demo.hscp.example", clock);
        Assert.Null(organisation.ArchivedAt);
        Assert.Null(organisation.ArchivedBy);
    }
}

public class UkTimeTests
{
    [Theory]
    [InlineData("2024-06-30T23:30:00Z", "2024-07-01")] // BST: 00:30 the next day
    [InlineData("2024-12-31T23:30:00Z", "2024-12-31")] // GMT
    public void Today_UsesEuropeLondon(string utc, string expected)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expected), UkTime.Today(clock));
    }
}

public class FormatTests
{
    [Fact]
    public void Date_IsLongEnGb() => Assert.Equal("5 March 2024", Format.Date(new DateOnly(2024, 3, 5)));

    [Fact]
    public void Money_IsPoundsWithoutPence() => Assert.Equal("£471,919", Format.Money(471919m));

    [Theory]
    [InlineData("2025-02-06", "6 February 2025")]
    [InlineData("2025-02-30", "2025-02-30")]
    [InlineData("2025-02-06 14:00:00", "2025-02-06 14:00:00")]
    [InlineData("Quarterly", "Quarterly")]
    [InlineData("", "")]
    public void Recorded_AuditValue_DatesReadAsEnGbOtherValuesAsRecorded(string recorded, string shown) =>
        Assert.Equal(shown, Format.Recorded(recorded));

    [Theory]
    [InlineData(StatutoryPartner.IntegratedCareBoard, "Integrated care board")]
    [InlineData(Sector.VoluntaryAndCommunity, "Voluntary and community")]
    [InlineData(MembershipRole.ViceChair, "Vice-chair")]
    [InlineData(GroupKind.Subgroup, "Subgroup")]
    [InlineData(Sector.FireAndRescue, "Fire and rescue")]
    public void Humanise_ReadsAsPlainEnglish(object value, string expected) => Assert.Equal(expected, Format.Humanise((Enum)value));
}
