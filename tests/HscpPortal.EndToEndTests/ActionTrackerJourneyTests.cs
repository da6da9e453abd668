using System.Text;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HscpPortal.EndToEndTests;

/// <summary>Filtering the action tracker and downloading the list, and an import preview that finds a bad row, with axe on each page.</summary>
[Collection(PortalCollection.Name)]
public class ActionTrackerJourneyTests(PortalServer server)
{
    private const string QualityAndEffectiveness = "Quality and Effectiveness Group";

    private (int Group, int Action) AddAction(string title, ActionStatus status, int dueInDays)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var person = db.People.Single(p => p.FullName == "Ian Fairbairn");
        var action = new ActionItem
        {
            Title = title, GroupId = db.Groups.Where(g => g.Name == QualityAndEffectiveness).Select(g => g.Id).Single(),
            OwnerPersonId = person.Id, OwnerOrganisationId = person.OrganisationId,
            DueDate = UkTime.Today(TimeProvider.System).AddDays(dueInDays), Status = status, Source = ActionSource.BusinessPlan,
        };
        db.Actions.Add(action);
        db.SaveChanges();
        return (action.GroupId, action.Id);
    }

    [Fact]
    public async Task Tracker_FilteredAndDownloaded_ThenImportPreviewNamesBadRow_EachPagePassesAxe()
    {
        var marker = "e2e" + Guid.NewGuid().ToString("N")[..8];
        var (group, _) = AddAction($"{marker} refresh the neglect toolkit", ActionStatus.OnTrack, 20);
        AddAction($"{marker} late audit report", ActionStatus.AtRisk, -5);
        var page = await server.SignInAsync("team");
        var problems = new List<string>();

        await page.GotoAsync($"{server.BaseUrl}/actions");
        problems.AddRange(await Accessibility.ViolationsAsync(page));
        await page.FillAsync("#filter-q", marker);
        await page.CheckAsync("#filter-status-OnTrack");
        await page.ClickAsync("button:has-text('Apply filters')");
        await page.WaitForURLAsync(url => url.Contains("q=" + marker, StringComparison.Ordinal) && url.Contains("status=OnTrack", StringComparison.Ordinal));
        var table = await page.InnerTextAsync("table");
        Assert.Contains("refresh the neglect toolkit", table, StringComparison.Ordinal);
        Assert.DoesNotContain("late audit report", table, StringComparison.Ordinal);
        Assert.Contains("1 action, 0 overdue", await page.InnerTextAsync("#action-counts"), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(page));

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a:has-text('Download CSV')"));
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains($"{marker} refresh the neglect toolkit", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("late audit report", csv, StringComparison.Ordinal);

        await page.GotoAsync($"{server.BaseUrl}/actions/overdue?q={marker}");
        Assert.Contains("late audit report", await page.InnerTextAsync("table"), StringComparison.Ordinal);
        problems.AddRange(await Accessibility.ViolationsAsync(page));

        await page.GotoAsync($"{server.BaseUrl}/groups/{group}/actions");
        problems.AddRange(await Accessibility.ViolationsAsync(page));

        await page.GotoAsync($"{server.BaseUrl}/actions/import");
        problems.AddRange(await Accessibility.ViolationsAsync(page));
        var file = string.Join("\r\n",
            "Title,Group,Owner,Due date",
            $"{marker} import one,{QualityAndEffectiveness},Ian Fairbairn,31/03/2027",
            $"{marker} import two,{QualityAndEffectiveness},J Smith,31/03/2027");
        await page.SetInputFilesAsync("#File", new FilePayload { Name = "plan.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(file) });
        await page.ClickAsync("button:has-text('Preview the import')");
        Assert.Contains("Row 3: the owner ‘J Smith’ is not a person in the portal", await page.InnerTextAsync(".govuk-error-summary"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("button:has-text('Import')").CountAsync());
        problems.AddRange(await Accessibility.ViolationsAsync(page));

        Assert.Empty(problems);
    }
    [Fact]
    public async Task ActionPlan_OnAPhone_ChairFiltersItAndReadsEveryColumn()
    {
        var marker = "e2e" + Guid.NewGuid().ToString("N")[..8];
        var (group, _) = AddAction($"{marker} phone-sized plan check", ActionStatus.OnTrack, 12);
        AddAction($"{marker} not on track", ActionStatus.AtRisk, 12);
        var phone = await server.PhoneLikeAsync(await server.SignInAsync("qe.chair"));
        var problems = new List<string>();

        await phone.GotoAsync($"{server.BaseUrl}/groups/{group}/actions");
        // The filter is folded away behind its button, so the plan is what a phone shows first.
        Assert.False(await phone.IsVisibleAsync("#filter-q"));
        problems.AddRange(await Accessibility.SidewaysScrollingAsync(phone));
        await phone.ClickAsync("button:has-text('Show filter')");
        await phone.FillAsync("#filter-q", marker);
        await phone.CheckAsync("#filter-status-OnTrack");
        problems.AddRange(await Accessibility.ViolationsAsync(phone));
        await phone.ClickAsync("button:has-text('Apply filters')");
        await phone.WaitForURLAsync(url => url.Contains("status=OnTrack", StringComparison.Ordinal));

        Assert.Contains("phone-sized plan check", await phone.InnerTextAsync("table:has(th:has-text('Status'))"), StringComparison.Ordinal);
        Assert.DoesNotContain("not on track", await phone.InnerTextAsync("main"), StringComparison.Ordinal);
        // Every column can be read: the table scrolls in its own region and brings the last column on screen.
        var status = phone.Locator("th:has-text('Status')");
        await status.ScrollIntoViewIfNeededAsync();
        var box = await status.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.InRange(box.X + box.Width, 0, PortalServer.PhoneWidth + 1);
        Assert.Equal(PortalServer.PhoneWidth, await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
        problems.AddRange(await Accessibility.SidewaysScrollingAsync(phone));
        problems.AddRange(await Accessibility.ViolationsAsync(phone));
        Assert.Empty(problems);
    }
}
