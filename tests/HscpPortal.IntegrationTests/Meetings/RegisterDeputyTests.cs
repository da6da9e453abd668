using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// The register's deputy rule: someone may deputise for a seat only if they are from the seat's organisation or
/// represent it as a statutory partner on the day (its named deputy, lead or DSP).
/// </summary>
public class RegisterDeputyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static int nextDay;

    private int NewBoardMeeting() =>
        factory.AddMeetingWithPaper(factory.GroupId(Demo.Board), new DateOnly(2024, 5, 1).AddDays(Interlocked.Increment(ref nextDay))).MeetingId;

    private Dictionary<string, string> Register(int meetingId, string deputy)
    {
        var linda = factory.PersonId("Linda Ashworth");
        return new Dictionary<string, string>
        {
            ["Lines[0].PersonId"] = linda.ToString(),
            ["Lines[0].OrganisationId"] = factory.Query(db => db.People.Single(p => p.Id == linda).OrganisationId).ToString(),
            ["Lines[0].Kind"] = nameof(AttendeeKind.Invitee),
            ["Lines[0].Status"] = nameof(AttendanceStatus.Deputised),
            ["Lines[0].DeputyPersonId"] = factory.PersonId(deputy).ToString(),
            ["Version"] = factory.Query(db => db.Meetings.Single(m => m.Id == meetingId).Version).ToString(),
        };
    }

    [Fact]
    public async Task Deputy_PartnershipTeamOfficerForTheIcbDsp_RefusedOnTheFieldAndNothingSaved()
    {
        var client = await factory.SignInAsync("team");
        var meeting = NewBoardMeeting();

        var response = await client.PostFormAsync($"/meetings/{meeting}/attendance", Register(meeting, "Aisha Rahman"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var error = Assert.Single(page.ErrorSummary());
        Assert.StartsWith("Choose a deputy for Linda Ashworth from ", error, StringComparison.Ordinal);
        Assert.EndsWith(" or its named deputies", error, StringComparison.Ordinal);
        Assert.Contains(error, page.QuerySelector("#Lines-0-DeputyPersonId-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, factory.Query(db => db.Attendance.Count(a => a.MeetingId == meeting)));
    }

    [Fact]
    public async Task DeputyList_ForTheIcbDsp_OffersOnlyThoseWhoMayDeputise()
    {
        var client = await factory.SignInAsync("team");
        var meeting = NewBoardMeeting();
        var linda = factory.PersonId("Linda Ashworth");

        var page = await client.GetDocumentAsync($"/meetings/{meeting}/attendance");

        var row = page.QuerySelectorAll("tr").Single(r => r.QuerySelector($"input[name$='.PersonId'][value='{linda}']") is not null);
        var offered = row.QuerySelectorAll("select[name$='.DeputyPersonId'] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(factory.PersonId("Karen Mellor").ToString(), offered);
        Assert.Contains(factory.PersonId("Natalie Brooks").ToString(), offered);
        Assert.DoesNotContain(factory.PersonId("Aisha Rahman").ToString(), offered);
    }

    [Theory]
    [InlineData("Karen Mellor")] // the ICB's named deputy
    [InlineData("Natalie Brooks")] // a colleague from the ICB
    public async Task Deputy_FromTheSeatsOrganisation_Saved(string deputy)
    {
        var client = await factory.SignInAsync("team");
        var meeting = NewBoardMeeting();

        var response = await client.PostFormAsync($"/meetings/{meeting}/attendance", Register(meeting, deputy));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(factory.PersonId(deputy), factory.Query(db => db.Attendance.Single(a => a.MeetingId == meeting).DeputyPersonId));
    }

    [Fact]
    public async Task Deputy_NamedDeputyFromAnotherOrganisation_Saved()
    {
        var client = await factory.SignInAsync("team");
        var meeting = NewBoardMeeting();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var icb = db.People.Single(p => p.FullName == "Linda Ashworth").OrganisationId;
            db.PartnerRepresentatives.Add(new PartnerRepresentative
            {
                OrganisationId = icb, PersonId = db.People.Single(p => p.FullName == "Ben Hollis").Id, Role = RepresentationRole.Deputy, From = new DateOnly(2024, 4, 1),
            });
            db.SaveChanges();
        }

        var response = await client.PostFormAsync($"/meetings/{meeting}/attendance", Register(meeting, "Ben Hollis"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
