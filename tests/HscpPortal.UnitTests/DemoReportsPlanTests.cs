using HscpPortal.Web.Data.Demo;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Reporting;

namespace HscpPortal.UnitTests;

/// <summary>
/// Which demo reports are published on the day the demo is seeded (issue 22): every finished year past its deadline,
/// and only the report the team is working on left as a draft, so none is ever overdue.
/// </summary>
public class DemoReportsPlanTests
{
    [Theory]
    // December: 2024-25 and 2025-26 are past their September deadlines; the year in progress is the draft.
    [InlineData("2026-12-04", "2024,2025", 2026)]
    // May: 2025-26 has ended but is due by 30 September, so it is the report being written.
    [InlineData("2026-05-10", "2024", 2025)]
    // On the deadline itself the report may still be published that day.
    [InlineData("2025-09-30", "", 2024)]
    [InlineData("2025-10-01", "2024", 2025)]
    // The first day of a reporting year.
    [InlineData("2027-04-01", "2024,2025", 2026)]
    // A clock inside the hand-written story: 2024-25 is the draft and nothing more is published.
    [InlineData("2024-11-01", "", 2024)]
    [InlineData("2023-06-01", "", 2024)]
    public void Plan_Day_PublishesFinishedYearsPastTheirDeadlineAndDraftsOne(string day, string published, int working)
    {
        var (publish, draft) = DemoReports.Plan(new ReportOptions(), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(published, string.Join(",", publish.Select(y => y.StartYear)));
        Assert.Equal(new ReportingYear(working), draft);
    }

    [Fact]
    public void Plan_LaterDeadlineSetting_KeepsTheLastFinishedYearAsTheDraftLonger()
    {
        var options = new ReportOptions { PublicationMonth = 12 };

        var (publish, draft) = DemoReports.Plan(options, new DateOnly(2026, 11, 15));

        Assert.Equal([new ReportingYear(2024)], publish);
        Assert.Equal(new ReportingYear(2025), draft);
    }
}
