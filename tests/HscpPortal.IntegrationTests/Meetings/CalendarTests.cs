using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using IcalCalendar = Ical.Net.Calendar;

namespace HscpPortal.IntegrationTests;

/// <summary>Calendar files per meeting, the tokened feed per group, and emailed invitations.</summary>
public class CalendarTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private int AddMeeting(string group, DateOnly date, MeetingStatus status = MeetingStatus.Scheduled, string? title = "Calendar test", bool archived = false)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var meeting = new Meeting
        {
            GroupId = db.Groups.Single(g => g.Name == group).Id, Title = title, Date = date, Start = new(10, 0), End = new(12, 30),
            Location = "Plough Lane, Hereford", OnlineLink = "https://meet.example/abc", Status = status,
            CancellationReason = status == MeetingStatus.Cancelled ? "The chair is unwell" : null,
            ArchivedAt = archived ? DateTime.UtcNow : null,
        };
        db.Meetings.Add(meeting);
        db.SaveChanges();
        return meeting.Id;
    }

    private void Change(int meetingId, Action<Meeting> change)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        change(db.Meetings.Single(m => m.Id == meetingId));
        db.SaveChanges();
    }

    private List<Person> AddInvitees(int meetingId, params (string Name, string? Email, AttendeeKind Kind)[] people)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var organisation = db.Organisations.Single(o => o.Name == Demo.WyeValley).Id;
        var added = people.Select(p => new Person { FullName = p.Name, Email = p.Email, OrganisationId = organisation }).ToList();
        db.People.AddRange(added);
        db.SaveChanges();
        db.Attendance.AddRange(added.Zip(people, (person, p) => new Attendance
        {
            MeetingId = meetingId, PersonId = person.Id, OrganisationId = organisation, Kind = p.Kind,
        }));
        db.SaveChanges();
        return added;
    }

    private static async Task<IcalCalendar> CalendarAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        return IcalCalendar.Load(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task Invite_SummerMeeting_HasLondonTimesStableUidAndRequestMethod()
    {
        var id = AddMeeting(Demo.QualityAndEffectiveness, new DateOnly(2031, 6, 12));
        var client = await factory.ClientAsync("member");

        var calendar = await CalendarAsync(await client.GetAsync($"/meetings/{id}/invite.ics"));

        Assert.Equal("REQUEST", calendar.Method);
        var item = Assert.Single(calendar.Events);
        Assert.Equal($"meeting-{id}@hscp-portal", item.Uid);
        Assert.Equal("Europe/London", item.DtStart!.TzId);
        Assert.Equal(new DateTime(2031, 6, 12, 10, 0, 0), item.DtStart.Value);
        Assert.Equal(new DateTime(2031, 6, 12, 9, 0, 0, DateTimeKind.Utc), item.DtStart.AsUtc);
        Assert.Equal(new DateTime(2031, 6, 12, 12, 30, 0), item.DtEnd!.Value);
        Assert.Equal($"{Demo.QualityAndEffectiveness}: Calendar test", item.Summary);
        Assert.Equal("Plough Lane, Hereford", item.Location);
        Assert.Contains("https://meet.example/abc", item.Description, StringComparison.Ordinal);
        Assert.Equal("CONFIRMED", item.Status);
        Assert.Equal(0, item.Sequence);
        Assert.Single(calendar.TimeZones, z => z.TzId == "Europe/London");
    }

    [Fact]
    public async Task Invite_UntitledWinterMeeting_IsCalledMeetingAndUsesGmt()
    {
        var id = AddMeeting(Demo.Board, new DateOnly(2031, 1, 14), title: null);
        var client = await factory.ClientAsync("member");

        var item = (await CalendarAsync(await client.GetAsync($"/meetings/{id}/invite.ics"))).Events.Single();

        Assert.Equal($"{Demo.Board}: Meeting", item.Summary);
        Assert.Equal(new DateTime(2031, 1, 14, 10, 0, 0, DateTimeKind.Utc), item.DtStart!.AsUtc);
    }

    [Fact]
    public async Task Invite_CancelledMeeting_IsCancelled()
    {
        var id = AddMeeting(Demo.QualityAndEffectiveness, new DateOnly(2031, 7, 3), MeetingStatus.Cancelled);
        var client = await factory.ClientAsync("member");

        var response = await client.GetAsync($"/meetings/{id}/invite.ics");
        var text = await response.Content.ReadAsStringAsync();
        var calendar = IcalCalendar.Load(text)!;

        Assert.Contains("STATUS:CANCELLED", text, StringComparison.Ordinal);
        Assert.Equal("CANCEL", calendar.Method);
        Assert.Contains("The chair is unwell", calendar.Events.Single().Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_AfterReschedule_SequenceRisesButNotForQuorumChanges()
    {
        var id = AddMeeting(Demo.QualityAndEffectiveness, new DateOnly(2031, 9, 4));
        var client = await factory.ClientAsync("member");

        Change(id, m => m.Date = new DateOnly(2031, 9, 11));
        Change(id, m => m.Location = "Online only");
        Change(id, m => m.IsQuorate = true);
        var item = (await CalendarAsync(await client.GetAsync($"/meetings/{id}/invite.ics"))).Events.Single();

        Assert.Equal(2, item.Sequence);
        Assert.Equal(new DateTime(2031, 9, 11, 10, 0, 0), item.DtStart!.Value);
    }

    [Fact]
    public async Task Invite_UnknownMeeting_IsNotFound()
    {
        var client = await factory.ClientAsync("member");

        var response = await client.GetAsync("/meetings/999999/invite.ics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<string> FeedUrlAsync(int groupId)
    {
        var client = await factory.ClientAsync("member");
        var page = await client.GetDocumentAsync($"/groups/{groupId}/calendar");
        var url = new Uri(page.QuerySelector("#feed-url")!.TextContent.Trim());
        return url.PathAndQuery;
    }

    [Fact]
    public async Task Feed_TokenFromCalendarPage_IsServedWithoutSigningIn()
    {
        var group = factory.GroupId(Demo.JointCaseReview);
        var kept = AddMeeting(Demo.JointCaseReview, new DateOnly(2031, 2, 5));
        var cancelled = AddMeeting(Demo.JointCaseReview, new DateOnly(2031, 3, 5), MeetingStatus.Cancelled);
        var archived = AddMeeting(Demo.JointCaseReview, new DateOnly(2031, 4, 2), archived: true);
        var elsewhere = AddMeeting(Demo.QualityAndEffectiveness, new DateOnly(2031, 2, 6));
        var feed = await FeedUrlAsync(group);

        var calendar = await CalendarAsync(await factory.Anonymous().GetAsync(feed));

        Assert.Equal("PUBLISH", calendar.Method);
        var uids = calendar.Events.Select(e => e.Uid).ToList();
        Assert.Contains($"meeting-{kept}@hscp-portal", uids);
        Assert.Contains($"meeting-{cancelled}@hscp-portal", uids);
        Assert.DoesNotContain($"meeting-{archived}@hscp-portal", uids);
        Assert.DoesNotContain($"meeting-{elsewhere}@hscp-portal", uids);
        Assert.Equal("CANCELLED", calendar.Events.Single(e => e.Uid == $"meeting-{cancelled}@hscp-portal").Status);
    }

    [Fact]
    public async Task Feed_BadMissingOrOtherGroupsToken_IsNotFound()
    {
        var group = factory.GroupId(Demo.JointCaseReview);
        var other = factory.GroupId(Demo.QualityAndEffectiveness);
        var otherFeed = await FeedUrlAsync(other);
        var otherToken = otherFeed[(otherFeed.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        var anonymous = factory.Anonymous();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/groups/{group}/calendar.ics?token=not-a-token")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/groups/{group}/calendar.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/groups/{group}/calendar.ics?token={otherToken}")).StatusCode);
    }

    [Fact]
    public async Task CalendarPage_Anonymous_IsSentToSignIn()
    {
        var group = factory.GroupId(Demo.JointCaseReview);

        var response = await factory.Anonymous().GetAsync($"/groups/{group}/calendar");

        Assert.True(response.IsLoginRedirect());
    }

    [Fact]
    public async Task Invite_Anonymous_IsSentToSignIn()
    {
        var id = AddMeeting(Demo.QualityAndEffectiveness, new DateOnly(2031, 10, 1));

        var response = await factory.Anonymous().GetAsync($"/meetings/{id}/invite.ics");

        Assert.True(response.IsLoginRedirect());
    }

    private static MimePart CalendarAttachment(MimeMessage message) =>
        Assert.Single(message.Attachments.OfType<MimePart>(), a => a.ContentType.MimeType == "text/calendar");

    [Fact]
    public async Task Send_Invitation_WritesOneEmailPerInviteeWithTheCalendarFile()
    {
        var id = AddMeeting(Demo.QualityAndEffectiveness, new DateOnly(2031, 11, 6));
        AddInvitees(id,
            ("Invitee One", "invitee.one@calendar.test", AttendeeKind.Invitee),
            ("Invitee Two", "invitee.two@calendar.test", AttendeeKind.Invitee),
            ("Invitee Three", "invitee.three@calendar.test", AttendeeKind.Invitee),
            ("Invitee Without Email", null, AttendeeKind.Invitee),
            ("Guest Speaker", "guest.speaker@calendar.test", AttendeeKind.Guest));
        var before = Directory.Exists(factory.MailDirectory) ? Directory.GetFiles(factory.MailDirectory, "*.eml").Length : 0;
        var client = await factory.ClientAsync("team");

        var response = await client.PostFormAsync($"/meetings/{id}/invitations/send", new() { ["Form.Kind"] = "Invitation" }, formPage: $"/meetings/{id}/invitations");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/meetings/{id}/invitations", response.RedirectPath());
        Assert.Equal(before + 3, Directory.GetFiles(factory.MailDirectory, "*.eml").Length);
        foreach (var address in new[] { "invitee.one@calendar.test", "invitee.two@calendar.test", "invitee.three@calendar.test" })
        {
            var message = Assert.Single(factory.EmailsTo(address));
            Assert.StartsWith("Invitation: ", message.Subject, StringComparison.Ordinal);
            using var content = new MemoryStream();
            await CalendarAttachment(message).Content!.DecodeToAsync(content);
            var calendar = IcalCalendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!;
            var item = calendar.Events.Single();
            Assert.Equal($"meeting-{id}@hscp-portal", item.Uid);
            Assert.Equal("mailto:" + address, Assert.Single(item.Attendees).Value?.ToString());
        }

        Assert.Empty(factory.EmailsTo("guest.speaker@calendar.test"));
        var confirmation = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Invitations sent to 3 people", confirmation.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_MeetingWithoutRegister_InvitesTheGroupsMembersOnTheDate()
    {
        var id = AddMeeting(Demo.JointCaseReview, new DateOnly(2031, 12, 4));
        var group = factory.GroupId(Demo.JointCaseReview);
        var date = new DateOnly(2031, 12, 4);
        var expected = factory.Query(db => db.GroupMemberships
            .Where(m => m.GroupId == group && m.ArchivedAt == null && m.From <= date && (m.To == null || m.To >= date) && m.Person!.Email != null)
            .Select(m => m.Person!.Email!).Distinct().ToList());
        Assert.NotEmpty(expected);
        var client = await factory.ClientAsync("team");

        var response = await client.PostFormAsync($"/meetings/{id}/invitations/send", new() { ["Form.Kind"] = "Invitation" }, formPage: $"/meetings/{id}/invitations");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        foreach (var address in expected)
        {
            Assert.Contains(factory.EmailsTo(address), m => (m.Subject ?? "").Contains($"{Demo.JointCaseReview}: Calendar test", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Send_CancellationForMeetingGoingAhead_IsRefusedAndSendsNothing()
    {
        var id = AddMeeting(Demo.QualityAndEffectiveness, new DateOnly(2032, 1, 8));
        AddInvitees(id, ("Refused Invitee", "refused.invitee@calendar.test", AttendeeKind.Invitee));
        var client = await factory.ClientAsync("team");

        var response = await client.PostFormAsync($"/meetings/{id}/invitations/send", new() { ["Form.Kind"] = "Cancellation" }, formPage: $"/meetings/{id}/invitations");

        await response.AssertErrorsAsync("This meeting is not cancelled. Cancel the meeting before sending a cancellation");
        Assert.Empty(factory.EmailsTo("refused.invitee@calendar.test"));
    }

    [Fact]
    public async Task Send_NothingChosen_AsksWhatToSend()
    {
        var id = AddMeeting(Demo.QualityAndEffectiveness, new DateOnly(2032, 1, 15));
        var client = await factory.ClientAsync("team");

        var response = await client.PostFormAsync($"/meetings/{id}/invitations/send", new() { ["Form.Kind"] = "bogus" }, formPage: $"/meetings/{id}/invitations");

        await response.AssertErrorsAsync("Select what to send");
    }

    [Fact]
    public async Task Send_CancelledMeeting_SendsACancellation()
    {
        var id = AddMeeting(Demo.QualityAndEffectiveness, new DateOnly(2032, 2, 5), MeetingStatus.Cancelled);
        AddInvitees(id, ("Cancelled Invitee", "cancelled.invitee@calendar.test", AttendeeKind.Invitee));
        var client = await factory.ClientAsync("team");

        var response = await client.PostFormAsync($"/meetings/{id}/invitations/send", new() { ["Form.Kind"] = "Cancellation" }, formPage: $"/meetings/{id}/invitations");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = Assert.Single(factory.EmailsTo("cancelled.invitee@calendar.test"));
        Assert.StartsWith("Cancelled: ", message.Subject, StringComparison.Ordinal);
        Assert.Equal("CANCEL", CalendarAttachment(message).ContentType.Parameters["method"]);
    }

    [Fact]
    public async Task Send_ChairOfTheGroup_MaySendButOtherMembersMayNot()
    {
        var qeMeeting = AddMeeting(Demo.QualityAndEffectiveness, new DateOnly(2032, 3, 4));
        var boardMeeting = AddMeeting(Demo.Board, new DateOnly(2032, 3, 5));
        var chair = await factory.ClientAsync("qe.chair");
        var member = await factory.ClientAsync("member");

        Assert.Equal(HttpStatusCode.OK, (await chair.GetAsync($"/meetings/{qeMeeting}/invitations")).StatusCode);
        Assert.True((await chair.GetAsync($"/meetings/{boardMeeting}/invitations")).IsDenied());
        Assert.True((await member.GetAsync($"/meetings/{qeMeeting}/invitations")).IsDenied());
        // Any page's sign-out form carries a valid anti-forgery token, so the refusal comes from the authorization check.
        var posted = await member.PostFormAsync($"/meetings/{qeMeeting}/invitations/send", new() { ["Form.Kind"] = "Invitation" }, formPage: "/groups");
        Assert.True(posted.IsDenied());
    }
}
