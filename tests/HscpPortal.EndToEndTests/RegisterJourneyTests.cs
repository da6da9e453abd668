using System.Text.RegularExpressions;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HscpPortal.EndToEndTests;

/// <summary>A whole register taken in the browser: everyone marked present, guests added in place, one save.</summary>
[Collection(PortalCollection.Name)]
public class RegisterJourneyTests(PortalServer server)
{
    private const int Guests = 7;

    /// <summary>A held board meeting of its own with no register yet, and people who are not on the board to add as guests.</summary>
    private (int Meeting, List<int> Guests) CreateMeeting()
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var board = db.Groups.Single(g => g.Name == "Strategic Partners Board").Id;
        var date = new DateOnly(2024, 2, 20);
        var meeting = new Meeting
        {
            GroupId = board, Date = date, Start = new TimeOnly(10, 0), End = new TimeOnly(12, 0), Location = "Plough Lane, Hereford",
            Status = MeetingStatus.Held, QuorumStatement = "No attendance recorded yet",
        };
        db.Meetings.Add(meeting);
        db.SaveChanges();
        var members = db.GroupMemberships.AsNoTracking().Where(m => m.GroupId == board).Select(m => m.PersonId).ToHashSet();
        var guests = db.People.AsNoTracking().OrderBy(p => p.Id).ToList()
            .Where(p => p.IsLive() && !members.Contains(p.Id)).Select(p => p.Id).Take(Guests).ToList();
        return (meeting.Id, guests);
    }

    [Fact]
    public async Task Register_EveryoneMarkedPresentAndGuestsAddedInPlace_SavedOnceAndPassesAxe()
    {
        var (meeting, guests) = CreateMeeting();
        var page = await server.SignInAsync("team");
        var url = $"{server.BaseUrl}/meetings/{meeting}/attendance";
        await page.GotoAsync(url);
        Assert.Empty(await Accessibility.ViolationsAsync(page));
        var lines = await page.Locator("tr[data-register-line]").CountAsync();

        await page.ClickAsync("button:has-text('Mark everyone present')");
        await Assertions.Expect(page.Locator("#register-status")).ToContainTextAsync($"{lines} people marked present");
        Assert.Equal(lines, await page.Locator("tr[data-register-line] input[type=radio][value=Present]:checked").CountAsync());

        // The blank rows are on the page already; the script adds the rest without a reload.
        var blank = await page.Locator("tr[data-register-addition]").CountAsync();
        for (var i = blank; i < Guests; i++)
        {
            await page.ClickAsync("button:has-text('Add another person')");
        }

        Assert.Equal(Math.Max(blank, Guests), await page.Locator("tr[data-register-addition]").CountAsync());
        await Assertions.Expect(page.Locator($"#Additions-{Guests - 1}-PersonId")).ToBeFocusedAsync();
        for (var i = 0; i < Guests; i++)
        {
            await page.SelectOptionAsync($"#Additions-{i}-PersonId", guests[i].ToString());
        }

        await page.SelectOptionAsync("#Additions-0-Kind", nameof(AttendeeKind.Presenter));
        Assert.Equal(url, page.Url);
        Assert.Empty(await Accessibility.ViolationsAsync(page));

        // Leaving now would lose the entries, so the page asks first.
        Assert.True(await page.EvaluateAsync<bool>("() => { const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented }"));

        await page.Locator("button:has-text('Save attendance')").First.ClickAsync();
        await page.WaitForURLAsync(new Regex($@"/meetings/{meeting}\?notice=attendance-saved"));
        Assert.Contains($"{lines + Guests} attended", await page.InnerTextAsync(".govuk-notification-banner--success"), StringComparison.Ordinal);
        Assert.Empty(await Accessibility.ViolationsAsync(page));

        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var saved = db.Attendance.AsNoTracking().Where(a => a.MeetingId == meeting).ToList();
        Assert.Equal(lines + Guests, saved.Count);
        Assert.All(saved, a => Assert.Equal(AttendanceStatus.Present, a.Status));
        Assert.Equal(Guests - 1, saved.Count(a => a.Kind == AttendeeKind.Guest));
        Assert.Equal(1, saved.Count(a => a.Kind == AttendeeKind.Presenter));
    }
}
