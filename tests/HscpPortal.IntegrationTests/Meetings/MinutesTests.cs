using System.Net;
using System.Text;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.IntegrationTests;

/// <summary>Minutes: drafting, the circulate and approve lifecycle, changes after approval, printing and the PDF.</summary>
public class MinutesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private sealed record Meetings(int Earlier, int Meeting, int Later, int FirstItem, int SecondItem);

    private static int nextDay;

    /// <summary>
    /// A held Quality and Effectiveness meeting with a register, a key decision and an action, plus held meetings
    /// of the same group a month before and a month after. Each test gets its own dates.
    /// </summary>
    private Meetings CreateMeetings()
    {
        var date = new DateOnly(2030, 1, 1).AddDays(Interlocked.Add(ref nextDay, 100));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var group = db.Groups.Single(g => g.Name == Demo.QualityAndEffectiveness).Id;
        var people = db.People.AsNoTracking().OrderBy(p => p.Id).Take(5).ToList();

        Meeting Held(DateOnly on) => new()
        {
            GroupId = group, Date = on, Start = new TimeOnly(10, 0), End = new TimeOnly(12, 30), Location = "Plough Lane, Hereford",
            Status = MeetingStatus.Held, IsQuorate = true, QuorumStatement = "All three statutory partners were represented.",
        };

        var earlier = Held(date.AddMonths(-1));
        var later = Held(date.AddMonths(1));
        var meeting = Held(date);
        meeting.IsQuorate = false;
        meeting.QuorumStatement = "Not quorate: police not represented.";
        meeting.AgendaItems =
        [
            new AgendaItem { Order = 1, Title = "Welcome and apologies", Purpose = AgendaPurpose.Information },
            new AgendaItem { Order = 2, Title = "Multi-agency audit of neglect", Presenter = "Graham Lister", Purpose = AgendaPurpose.Decision },
        ];
        meeting.Attendance =
        [
            new Attendance { PersonId = people[0].Id, OrganisationId = people[0].OrganisationId, Status = AttendanceStatus.Present },
            new Attendance { PersonId = people[1].Id, OrganisationId = people[1].OrganisationId, Status = AttendanceStatus.Deputised, DeputyPersonId = people[2].Id },
            new Attendance { PersonId = people[3].Id, OrganisationId = people[3].OrganisationId, Status = AttendanceStatus.Apologies, ApologyReason = "Annual leave" },
            new Attendance { PersonId = people[4].Id, OrganisationId = people[4].OrganisationId, Status = AttendanceStatus.Present, Kind = AttendeeKind.Guest },
        ];
        db.Meetings.AddRange(earlier, meeting, later);
        db.SaveChanges();

        var audit = meeting.AgendaItems[1];
        db.Decisions.Add(new Decision { MeetingId = meeting.Id, AgendaItemId = audit.Id, Title = "Adopt the neglect audit's recommendations", IsKey = true });
        db.Actions.Add(new ActionItem
        {
            Title = "Share the audit findings with schools", GroupId = group, OwnerPersonId = people[0].Id, OwnerOrganisationId = people[0].OrganisationId,
            DueDate = date.AddMonths(2), MeetingId = meeting.Id, AgendaItemId = audit.Id,
        });
        db.SaveChanges();
        return new Meetings(earlier.Id, meeting.Id, later.Id, meeting.AgendaItems[0].Id, audit.Id);
    }

    private Meeting Meeting(int id) => factory.Query(db => db.Meetings.AsNoTracking().Single(m => m.Id == id));

    private string Version(int id) => Meeting(id).Version.ToString();

    private Task<HttpResponseMessage> SaveMinutesAsync(HttpClient client, Meetings m, string first, string second, string? reason = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Version"] = Version(m.Meeting),
            ["Items[0].AgendaItemId"] = m.FirstItem.ToString(),
            ["Items[0].Minutes"] = first,
            ["Items[1].AgendaItemId"] = m.SecondItem.ToString(),
            ["Items[1].Minutes"] = second,
        };
        if (reason is not null)
        {
            fields["Reason"] = reason;
        }

        return client.PostFormAsync($"/meetings/{m.Meeting}/minutes", fields);
    }

    private async Task CirculateAsync(HttpClient client, int meeting, bool notify = false)
    {
        var response = await client.PostFormAsync($"/meetings/{meeting}/minutes/circulate", new()
        {
            ["Version"] = Version(meeting), ["Notify"] = notify ? "true" : "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task ApproveAsync(HttpClient client, int meeting, int at)
    {
        var response = await client.PostFormAsync($"/meetings/{meeting}/minutes/approve", new()
        {
            ["Version"] = Version(meeting), ["ApprovedAtMeetingId"] = at.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Lifecycle_DraftCirculatedThenApprovedAtLaterMeeting_RecordsEachStep()
    {
        var m = CreateMeetings();
        var client = await factory.ClientAsync("team");
        Assert.Equal(MinutesStatus.Draft, Meeting(m.Meeting).MinutesStatus);

        var saved = await SaveMinutesAsync(client, m, "Apologies were noted.", "The group **agreed** the audit's findings.");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/meetings/{m.Meeting}/minutes", saved.RedirectPath());
        var mailBefore = Directory.Exists(factory.MailDirectory) ? Directory.GetFiles(factory.MailDirectory).Length : 0;

        await CirculateAsync(client, m.Meeting, notify: true);
        var circulated = Meeting(m.Meeting);
        Assert.Equal(MinutesStatus.Circulated, circulated.MinutesStatus);
        Assert.NotNull(circulated.MinutesCirculatedOn);
        Assert.True(Directory.GetFiles(factory.MailDirectory).Length > mailBefore, "the group's members were emailed");

        var approvePage = await client.GetDocumentAsync($"/meetings/{m.Meeting}/minutes/approve");
        var choices = approvePage.QuerySelectorAll("#ApprovedAtMeetingId option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(m.Later.ToString(), choices);
        Assert.DoesNotContain(m.Earlier.ToString(), choices);

        await ApproveAsync(client, m.Meeting, m.Later);
        var approved = Meeting(m.Meeting);
        Assert.Equal(MinutesStatus.Approved, approved.MinutesStatus);
        Assert.Equal(m.Later, approved.MinutesApprovedAtMeetingId);
        Assert.Equal("The group **agreed** the audit's findings.", factory.Query(db => db.AgendaItems.Single(a => a.Id == m.SecondItem).Minutes));
    }

    [Fact]
    public async Task Circulate_NobodyRecordedPresent_RefusedWithWhatToDoFirst()
    {
        var m = CreateMeetings();
        var client = await factory.ClientAsync("team");

        // The earlier meeting is held but has no register.
        var page = await client.GetDocumentAsync($"/meetings/{m.Earlier}/minutes/circulate");
        Assert.Contains("nobody is recorded as present", page.QuerySelector(".govuk-notification-banner").Text(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action$='/minutes/circulate']"));
        var minutes = await client.GetDocumentAsync($"/meetings/{m.Earlier}/minutes");
        Assert.Contains("Circulate the minutes is offered once the attendance is recorded", minutes.QuerySelector("#next-step").Text(), StringComparison.Ordinal);
        Assert.Null(minutes.QuerySelector("a[href$='/minutes/circulate']"));

        var response = await client.PostFormAsync($"/meetings/{m.Earlier}/minutes/circulate", new() { ["Version"] = Version(m.Earlier), ["Notify"] = "false" });

        await response.AssertErrorsAsync("Minutes can be circulated only once the attendance is recorded: nobody is recorded as present at this meeting. Record attendance first.");
        Assert.Equal(MinutesStatus.Draft, Meeting(m.Earlier).MinutesStatus);
    }

    [Fact]
    public async Task CirculateAndApprove_SuccessMessagesSayWhatHappened()
    {
        var m = CreateMeetings();
        var client = await factory.ClientAsync("team");
        static string Date(DateOnly d) => d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
        string Banner(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector(".govuk-notification-banner--success .govuk-notification-banner__heading").Text()!;

        var circulated = await client.PostFormAsync($"/meetings/{m.Meeting}/minutes/circulate", new() { ["Version"] = Version(m.Meeting), ["Notify"] = "false" });
        var afterCirculating = await client.GetDocumentAsync(circulated.Headers.Location!.OriginalString);
        Assert.Equal($"Minutes of the meeting on {Date(Meeting(m.Meeting).Date)} circulated on {Date(Meeting(m.Meeting).MinutesCirculatedOn!.Value)}.", Banner(afterCirculating));

        var approved = await client.PostFormAsync($"/meetings/{m.Meeting}/minutes/approve", new() { ["Version"] = Version(m.Meeting), ["ApprovedAtMeetingId"] = m.Later.ToString() });
        var afterApproving = await client.GetDocumentAsync(approved.Headers.Location!.OriginalString);
        Assert.Equal($"Minutes approved at the meeting of {Date(Meeting(m.Later).Date)}.", Banner(afterApproving));
    }

    [Fact]
    public async Task MinutesPage_Approved_OpensAsReadViewWithChangeNeedingAReason()
    {
        var m = CreateMeetings();
        var client = await factory.ClientAsync("team");
        await SaveMinutesAsync(client, m, "Apologies were noted.", "Findings agreed.");
        await CirculateAsync(client, m.Meeting);
        await ApproveAsync(client, m.Meeting, m.Later);

        var read = await client.GetDocumentAsync($"/meetings/{m.Meeting}/minutes");

        Assert.Empty(read.QuerySelectorAll("textarea"));
        Assert.Contains("Findings agreed.", read.Body!.TextContent, StringComparison.Ordinal);
        var change = read.QuerySelector($"#next-step a[href='/meetings/{m.Meeting}/minutes/change']");
        Assert.Equal("Change the minutes (needs a reason)", change.Text());

        var changing = await client.GetDocumentAsync($"/meetings/{m.Meeting}/minutes/change");
        Assert.Equal(2, changing.QuerySelectorAll("textarea[name$='.Minutes']").Length);
        Assert.NotNull(changing.QuerySelector("textarea[name=Reason]"));
    }

    [Fact]
    public async Task Approve_AtEarlierMeeting_IsRefused()
    {
        var m = CreateMeetings();
        var client = await factory.ClientAsync("team");
        await CirculateAsync(client, m.Meeting);

        var response = await client.PostFormAsync($"/meetings/{m.Meeting}/minutes/approve", new()
        {
            ["Version"] = Version(m.Meeting), ["ApprovedAtMeetingId"] = m.Earlier.ToString(),
        });

        await response.AssertErrorsAsync("Select a later meeting of the same group that has been held");
        Assert.Equal(MinutesStatus.Circulated, Meeting(m.Meeting).MinutesStatus);
        Assert.Null(Meeting(m.Meeting).MinutesApprovedAtMeetingId);
    }

    [Fact]
    public async Task Approve_DraftNotYetCirculated_IsRefused()
    {
        var m = CreateMeetings();
        var client = await factory.ClientAsync("team");

        var response = await client.PostFormAsync($"/meetings/{m.Meeting}/minutes/approve", new()
        {
            ["Version"] = Version(m.Meeting), ["ApprovedAtMeetingId"] = m.Later.ToString(),
        });

        await response.AssertErrorsAsync("Circulate the minutes before they are approved.");
        Assert.Equal(MinutesStatus.Draft, Meeting(m.Meeting).MinutesStatus);
    }

    [Fact]
    public async Task EditApproved_WithoutReason_IsRefusedAndNothingChanges()
    {
        var m = CreateMeetings();
        var client = await factory.ClientAsync("team");
        await SaveMinutesAsync(client, m, "Apologies were noted.", "Findings agreed.");
        await CirculateAsync(client, m.Meeting);
        await ApproveAsync(client, m.Meeting, m.Later);

        var response = await SaveMinutesAsync(client, m, "Apologies were noted.", "Findings agreed, with one change.", reason: "");

        await response.AssertErrorsAsync("Enter why the approved minutes are being changed");
        Assert.Equal("Findings agreed.", factory.Query(db => db.AgendaItems.Single(a => a.Id == m.SecondItem).Minutes));
        Assert.Equal(1, Meeting(m.Meeting).MinutesVersion);
        Assert.Equal(0, factory.Query(db => db.MinutesRevisions.Count(r => r.MeetingId == m.Meeting)));
    }

    [Fact]
    public async Task EditApproved_WithReason_KeepsEarlierVersionReadable()
    {
        var m = CreateMeetings();
        var client = await factory.ClientAsync("team");
        await SaveMinutesAsync(client, m, "Apologies were noted.", "The group agreed the findings.");
        await CirculateAsync(client, m.Meeting);
        await ApproveAsync(client, m.Meeting, m.Later);

        var response = await SaveMinutesAsync(client, m, "Apologies were noted.", "The group agreed the findings and asked for a re-audit in June.",
            reason: "The re-audit request was missed from the approved text.");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var meeting = Meeting(m.Meeting);
        Assert.Equal(2, meeting.MinutesVersion);
        Assert.Equal(MinutesStatus.Approved, meeting.MinutesStatus);
        var revision = factory.Query(db => db.MinutesRevisions.AsNoTracking().Single(r => r.MeetingId == m.Meeting));
        Assert.Equal(1, revision.Version);
        Assert.Equal("team@demo.hscp.example", revision.By);
        Assert.Contains("\"minutes\":\"The group agreed the findings.\"", revision.Snapshot, StringComparison.Ordinal);

        var page = await client.GetDocumentAsync($"/meetings/{m.Meeting}/minutes/revisions");
        var version1 = page.QuerySelector("#version-1")!.ParentElement!.TextContent;
        Assert.Contains("The group agreed the findings.", version1, StringComparison.Ordinal);
        Assert.DoesNotContain("re-audit in June", version1, StringComparison.Ordinal);
        Assert.Contains("The re-audit request was missed from the approved text.", version1, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revisions_ReadByMember()
    {
        var m = CreateMeetings();
        var member = await factory.ClientAsync("member");

        var response = await member.GetAsync($"/meetings/{m.Meeting}/minutes/revisions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PrintPage_ShowsAttendanceQuorumDecisionsAndActions()
    {
        var m = CreateMeetings();
        var client = await factory.ClientAsync("member");

        var page = await client.GetDocumentAsync($"/meetings/{m.Meeting}/minutes/print");

        var text = page.Body!.TextContent;
        Assert.Contains("Minutes of the Quality and Effectiveness Group", text, StringComparison.Ordinal);
        Assert.Contains("represented by", text, StringComparison.Ordinal);
        Assert.Contains("(Annual leave)", text, StringComparison.Ordinal);
        Assert.Contains("Also in attendance", text, StringComparison.Ordinal);
        Assert.Contains("Not quorate: police not represented.", text, StringComparison.Ordinal);
        Assert.Contains("Key decision", text, StringComparison.Ordinal);
        Assert.Contains("Needs ratification", text, StringComparison.Ordinal);
        Assert.Contains("Share the audit findings with schools", text, StringComparison.Ordinal);
        Assert.Contains("Draft: these minutes have not yet been approved.", text, StringComparison.Ordinal);
        Assert.Equal("en-GB", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task PrintPage_MarkdownWithScript_IsEscaped()
    {
        var m = CreateMeetings();
        var client = await factory.ClientAsync("team");
        await SaveMinutesAsync(client, m,
            "<script>alert('minutes')</script> **Noted** <img src=x onerror=alert(1)>",
            "[agenda](javascript:alert(1)) and [report](https://example.org/report)");

        var response = await client.GetAsync($"/meetings/{m.Meeting}/minutes/print");
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Noted</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/report\">report</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditPost_Member_IsDeniedAndNothingChanges()
    {
        var m = CreateMeetings();
        var member = await factory.ClientAsync("member");

        var response = await SaveMinutesAsync(member, m, "Written by a member.", "");

        Assert.True(response.IsDenied(), $"got {(int)response.StatusCode}");
        Assert.Null(factory.Query(db => db.AgendaItems.Single(a => a.Id == m.FirstItem).Minutes));
    }

    [Fact]
    public async Task MinutesPage_Member_ReadsWithoutForm()
    {
        var m = CreateMeetings();
        var member = await factory.ClientAsync("member");

        var page = await member.GetDocumentAsync($"/meetings/{m.Meeting}/minutes");

        Assert.Null(page.QuerySelector("textarea"));
        Assert.Contains("Multi-agency audit of neglect", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditPost_ChairOfTheGroup_Saves()
    {
        var m = CreateMeetings();
        var chair = await factory.ClientAsync("qe.chair");

        var response = await SaveMinutesAsync(chair, m, "Minuted by the chair.", "");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Minuted by the chair.", factory.Query(db => db.AgendaItems.Single(a => a.Id == m.FirstItem).Minutes));
    }

    [Fact]
    public async Task EditPost_StaleVersion_IsRefused()
    {
        var m = CreateMeetings();
        var client = await factory.ClientAsync("team");
        var stale = Version(m.Meeting);
        await SaveMinutesAsync(client, m, "First edit.", "");

        var response = await client.PostFormAsync($"/meetings/{m.Meeting}/minutes", new()
        {
            ["Version"] = stale, ["Items[0].AgendaItemId"] = m.FirstItem.ToString(), ["Items[0].Minutes"] = "Second edit.",
        });

        await response.AssertErrorsAsync(Web.Features.Shared.Concurrency.StaleMessage);
        Assert.Equal("First edit.", factory.Query(db => db.AgendaItems.Single(a => a.Id == m.FirstItem).Minutes));
    }

    [Fact]
    public async Task Pdf_ReturnsTaggedPdfWithOutline()
    {
        var m = CreateMeetings();
        var client = await factory.ClientAsync("team");
        await SaveMinutesAsync(client, m, "Apologies were noted from the police DSP.\n\nThe chair welcomed **Dr Kaur** as the new designated doctor.", "Graham presented the audit of neglect cases:\n\n- 12 cases audited\n- 8 rated good\n\nSee [the audit report](https://example.org/audit).");

        var response = await client.GetAsync($"/meetings/{m.Meeting}/minutes.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = Encoding.Latin1.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("%PDF-", pdf, StringComparison.Ordinal);
        Assert.Contains("/StructTreeRoot", pdf, StringComparison.Ordinal);
        Assert.Contains("/Outlines", pdf, StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie");
    }

    [Fact]
    public async Task Pdf_BrowserMissing_Returns503PageLinkingToPrintVersion()
    {
        var m = CreateMeetings();
        using var broken = factory.WithWebHostBuilder(b => b.UseSetting("Pdf:ChromiumPath", "/nowhere/chromium"));
        var client = broken.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.PostFormAsync("/account/login", new() { ["Email"] = Demo.Email("member"), ["Password"] = PortalFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var response = await client.GetAsync($"/meetings/{m.Meeting}/minutes.pdf");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("The PDF could not be prepared", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"a[href='/meetings/{m.Meeting}/minutes/print']"));
    }

    [Fact]
    public async Task Pages_UnknownMeeting_Return404()
    {
        var client = await factory.ClientAsync("team");

        foreach (var url in new[] { "/meetings/999999/minutes", "/meetings/999999/minutes/print", "/meetings/999999/minutes.pdf", "/meetings/999999/minutes/revisions" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        }
    }
}
