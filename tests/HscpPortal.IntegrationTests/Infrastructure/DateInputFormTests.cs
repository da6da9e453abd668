using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// Dates as the GOV.UK date input posts them (day, month, year) and times on the 24-hour clock, through real forms
/// and filters: saved when real, and, when not, the form again with the field's message and what was typed.
/// </summary>
public class DateInputFormTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly DateOnly Today = UkTime.Today(TimeProvider.System);

    private static string Unique(string what) => $"{what} {Guid.NewGuid():N}";

    private Dictionary<string, string> NewAction(string title, string day, string month, string year) => new()
    {
        ["GroupId"] = factory.GroupId(Demo.QualityAndEffectiveness).ToString(), ["Source"] = "Section11", ["EscalationId"] = "",
        ["SourceReference"] = "Section 11 return 2023", ["PriorityId"] = "", ["Title"] = title, ["Description"] = "",
        ["OwnerPersonId"] = factory.PersonId("Joanne Tilley").ToString(), ["OwnerOrganisationId"] = "",
        ["DueDate.Day"] = day, ["DueDate.Month"] = month, ["DueDate.Year"] = year,
    };

    private static Dictionary<string, string> NewMeeting(string location, string start, string end) => new()
    {
        ["Title"] = "", ["Date.Day"] = "9", ["Date.Month"] = "1", ["Date.Year"] = "2025", ["Start"] = start, ["End"] = end,
        ["Location"] = location, ["OnlineLink"] = "", ["Status"] = "Scheduled",
    };

    [Fact]
    public async Task NewAction_DueDateAsDayMonthYear_SavedAsThatDate()
    {
        var client = await factory.ClientAsync("team");
        var due = Today.AddDays(40);
        var title = Unique("Date parts");

        var response = await client.PostFormAsync("/actions/new", NewAction(title, due.Day.ToString(), due.Month.ToString("00"), due.Year.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(due, factory.Query(db => db.Actions.Single(a => a.Title == title).DueDate));
    }

    [Theory]
    [InlineData("31", "2", "2030", "Due date must be a real date")]
    [InlineData("12", "", "2030", "Due date must include a month")]
    [InlineData("12", "3", "30", "Year must include 4 numbers")]
    [InlineData("<b>", "x", "20x0", "Due date must be a real date")]
    public async Task NewAction_DueDateNotARealDate_FieldsMessageWithWhatWasTyped(string day, string month, string year, string message)
    {
        var client = await factory.ClientAsync("team");
        var title = Unique("Impossible");

        var response = await client.PostFormAsync("/actions/new", NewAction(title, day, month, year));

        await response.AssertErrorsAsync(message);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("#DueDate", page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Equal(day, page.QuerySelector("#DueDate")!.GetAttribute("value"));
        Assert.Equal(month, page.QuerySelector("#DueDate-month")!.GetAttribute("value"));
        Assert.Equal(year, page.QuerySelector("#DueDate-year")!.GetAttribute("value"));
        Assert.Contains(message, page.QuerySelector("#DueDate-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(factory.Query(db => db.Actions.Any(a => a.Title == title)));
    }

    [Fact]
    public async Task CreateMeeting_DateAsPartsAndTimesAsTyped_Saved()
    {
        var client = await factory.ClientAsync("team");
        var location = Unique("Plough Lane");

        var response = await client.PostFormAsync($"/groups/{factory.GroupId(Demo.Board)}/meetings/new", NewMeeting(location, "1500", "16.30"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var meeting = factory.Query(db => db.Meetings.Single(m => m.Location == location));
        Assert.Equal((new DateOnly(2025, 1, 9), new TimeOnly(15, 0), new TimeOnly(16, 30)), (meeting.Date, meeting.Start, meeting.End));

        // The edit form shows the times on the 24-hour clock and the date in its three fields.
        var edit = await client.GetDocumentAsync($"/meetings/{meeting.Id}/edit");
        Assert.Equal("15:00", edit.QuerySelector("#Start")!.GetAttribute("value"));
        Assert.Equal("16:30", edit.QuerySelector("#End")!.GetAttribute("value"));
        Assert.Equal(new[] { "9", "1", "2025" }, new[] { "#Date", "#Date-month", "#Date-year" }.Select(id => edit.QuerySelector(id)!.GetAttribute("value")).ToArray());
    }

    [Fact]
    public async Task CreateMeeting_StartNotATime_24HourMessageAndTypedValueKept()
    {
        var client = await factory.ClientAsync("team");
        var location = Unique("Plough Lane");

        var response = await client.PostFormAsync($"/groups/{factory.GroupId(Demo.Board)}/meetings/new", NewMeeting(location, "25:61", "16:00"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Enter the start time in 24-hour format, for example 15:00", Assert.Single(page.ErrorSummary()));
        Assert.Equal("25:61", page.QuerySelector("#Start")!.GetAttribute("value"));
        Assert.False(factory.Query(db => db.Meetings.Any(m => m.Location == location)));
    }

    [Fact]
    public async Task ActionTracker_DueFromAsPartsOrIso_SameFilterAndTagLinksKeepWorking()
    {
        var client = await factory.ClientAsync("team");

        var parts = await client.GetDocumentAsync("/actions?from.Day=1&from.Month=1&from.Year=2020");
        var iso = await client.GetDocumentAsync("/actions?from=2020-01-01");

        Assert.Equal(iso.QuerySelector("#action-counts")!.TextContent, parts.QuerySelector("#action-counts")!.TextContent);
        Assert.Equal(new[] { "1", "1", "2020" }, new[] { "#from", "#from-month", "#from-year" }.Select(id => parts.QuerySelector(id)!.GetAttribute("value")).ToArray());
        var tag = parts.QuerySelectorAll(".moj-filter__tag").Single(a => a.TextContent.Contains("from 1 January 2020", StringComparison.Ordinal));
        Assert.Equal("/actions", tag.GetAttribute("href"));
        var sort = parts.QuerySelectorAll("a[href*='sort=']")[0].GetAttribute("href")!;
        Assert.Contains("from=2020-01-01", sort, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionTracker_DueFromNotARealDate_MessageInTheFilterNotAnErrorPage()
    {
        var client = await factory.ClientAsync("team");

        var response = await client.GetAsync("/actions?from.Day=30&from.Month=2&from.Year=2024");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("Due from date must be a real date", page.QuerySelector("#from-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("30", page.QuerySelector("#from")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("/structure?date.Day=1&date.Month=4&date.Year=2023", "1 April 2023")]
    [InlineData("/structure?date=2023-04-01", "1 April 2023")]
    [InlineData("/representation?date.Day=30&date.Month=9&date.Year=2023", "30 September 2023")]
    public async Task AsAtFilters_DateAsPartsOrIso_ShowThatDay(string url, string shown)
    {
        var client = await factory.ClientAsync("team");

        var page = await client.GetDocumentAsync(url);

        Assert.Contains($"on {shown}", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
