using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// An owner's request for sign-off reaches the chair: "Awaiting your sign-off" on the group's dashboard and My work,
/// the tracker's <c>awaiting=signoff</c> filter, and an email to the group's chair and vice-chair.
/// </summary>
public class SignOffRequestTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Q = Demo.QualityAndEffectiveness;
    private const string PublicUrl = "http://localhost:5080";

    // "member" is Joanne Tilley, who owns the actions; "qe.chair" is Claire Ashdown, who chairs Q&E.
    private const string Owner = "Joanne Tilley";
    private const string Chair = "Claire Ashdown";

    private static readonly DateOnly Today = UkTime.Today(TimeProvider.System);

    private static string Unique(string what) => $"{what} {Guid.NewGuid():N}";

    private int AddAction(string title, string owner = Owner)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var person = db.People.Single(p => p.FullName == owner);
        var action = new ActionItem
        {
            Title = title, GroupId = db.Groups.Where(g => g.Name == Q).Select(g => g.Id).Single(),
            OwnerPersonId = person.Id, OwnerOrganisationId = person.OrganisationId, DueDate = Today.AddDays(30),
            Status = ActionStatus.OnTrack, Source = ActionSource.Audit, SourceReference = "Neglect audit 2024",
        };
        db.Actions.Add(action);
        db.SaveChanges();
        return action.Id;
    }

    private async Task AskForSignOffAsync(HttpClient client, int id)
    {
        var version = factory.Query(db => db.Actions.Where(a => a.Id == id).Select(a => a.Version).Single()).ToString();
        var response = await client.PostFormAsync($"/actions/{id}/request-sign-off",
            new Dictionary<string, string> { ["Version"] = version, ["Evidence"] = "Toolkit used in 40 assessments" }, formPage: $"/actions/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Q&amp;E's chair and vice-chair today, by the same rule as the sign-off policy.</summary>
    private List<(string Name, string Email)> ChairsOfQ() => factory.Query(db =>
        Seats.ChairSeatsOf(db, db.Groups.Single(g => g.Name == Q).Id, Today)
            .Select(m => new { m.Person!.FullName, m.Person.Email }).AsEnumerable()
            .Select(p => (p.FullName, p.Email!)).ToList());

    private List<MimeMessage> MailAbout(string title) =>
        !Directory.Exists(factory.MailDirectory)
            ? []
            : Directory.GetFiles(factory.MailDirectory, "*.eml")
                .Select(f => MimeMessage.Load(f))
                .Where(m => (m.Subject ?? "").Contains(title, StringComparison.Ordinal))
                .ToList();

    [Fact]
    public async Task OwnerAsks_ChairSeesItOnTheGroupDashboardAndMyWork_AndTheLinkLeadsToSignOff()
    {
        var title = Unique("Publish the neglect toolkit");
        var id = AddAction(title);
        var group = factory.GroupId(Q);
        var chair = await factory.ClientAsync("qe.chair");
        await AskForSignOffAsync(await factory.ClientAsync("member"), id);

        foreach (var url in new[] { $"/groups/{group}/dashboard", "/my-work" })
        {
            var page = await chair.GetDocumentAsync(url);
            var tile = page.QuerySelector("#tile-awaiting-sign-off");
            Assert.NotNull(tile);
            Assert.Equal("Awaiting your sign-off", tile.QuerySelector("#tile-awaiting-sign-off-heading")!.TextContent.Trim());
            var link = tile.QuerySelector($"a[href='/actions/{id}']");
            Assert.NotNull(link);
            Assert.Equal(title, link.TextContent.Trim());
            Assert.True(int.Parse(tile.QuerySelector("#awaiting-sign-off-count")!.ChildNodes[0].TextContent.Trim()) >= 1);
            Assert.Equal($"/actions?awaiting=signoff&group={group}", tile.QuerySelector("#awaiting-sign-off-all")!.GetAttribute("href"));
        }

        var action = await chair.GetDocumentAsync($"/actions/{id}");
        Assert.NotNull(action.QuerySelector($"a[href='/actions/{id}/sign-off']"));

        // "See all" is the tracker filtered to what awaits sign-off, in the group.
        var tracker = await chair.GetStringAsync($"/actions?awaiting=signoff&group={group}");
        Assert.Contains(title, tracker, StringComparison.Ordinal);
        var other = Unique("Not asked for");
        AddAction(other);
        Assert.DoesNotContain(other, await chair.GetStringAsync("/actions?awaiting=signoff"), StringComparison.Ordinal);

        // Once signed off it leaves the queue.
        var version = factory.Query(db => db.Actions.Where(a => a.Id == id).Select(a => a.Version).Single()).ToString();
        var signOff = await chair.PostFormAsync($"/actions/{id}/sign-off",
            new Dictionary<string, string> { ["Version"] = version, ["Evidence"] = "Toolkit used in 40 assessments", ["CompletedOn"] = Today.ToString("yyyy-MM-dd") },
            formPage: $"/actions/{id}");
        Assert.Equal(HttpStatusCode.Redirect, signOff.StatusCode);
        Assert.Null((await chair.GetDocumentAsync($"/groups/{group}/dashboard")).QuerySelector($"#tile-awaiting-sign-off a[href='/actions/{id}']"));
        Assert.DoesNotContain(title, await chair.GetStringAsync("/actions?awaiting=signoff"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnerAsks_ChairAndViceChairAreEmailedWithAPublicLink()
    {
        var chairs = ChairsOfQ();
        Assert.True(chairs.Count >= 2, "the demo's Q&E has a chair and a vice-chair with email addresses");
        var title = Unique("Refresh the escalation policy");
        var id = AddAction(title);

        await AskForSignOffAsync(await factory.ClientAsync("member"), id);

        var mail = MailAbout(title);
        Assert.Equal(chairs.Select(c => c.Email).Order(), mail.Select(m => m.To.Mailboxes.Single().Address).Order());
        foreach (var message in mail)
        {
            Assert.Equal($"Sign-off requested: {title}", message.Subject);
            Assert.Contains($"href=\"{PublicUrl}/actions/{id}\"", message.HtmlBody, StringComparison.Ordinal);
            Assert.Contains($"{PublicUrl}/actions/{id}", message.TextBody, StringComparison.Ordinal);
            Assert.Contains($"{Owner} asked on", message.TextBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ChairAsksForTheirOwnAction_OnlyTheViceChairIsEmailed()
    {
        var title = Unique("Chair's own action");
        var id = AddAction(title, owner: Chair);
        var chairEmail = factory.Query(db => db.People.Where(p => p.FullName == Chair).Select(p => p.Email).Single());

        await AskForSignOffAsync(await factory.ClientAsync("qe.chair"), id);

        var mail = MailAbout(title);
        Assert.NotEmpty(mail);
        Assert.DoesNotContain(mail, m => m.To.Mailboxes.Any(a => a.Address == chairEmail));
        Assert.Equal(ChairsOfQ().Where(c => c.Name != Chair).Select(c => c.Email).Order(), mail.Select(m => m.To.Mailboxes.Single().Address).Order());
    }

    [Fact]
    public async Task MemberWhoIsNotChair_DoesNotSeeTheTile()
    {
        var id = AddAction(Unique("Audit supervision records"));
        var member = await factory.ClientAsync("member");
        await AskForSignOffAsync(member, id);

        foreach (var url in new[] { $"/groups/{factory.GroupId(Q)}/dashboard", "/my-work" })
        {
            var page = await member.GetDocumentAsync(url);
            Assert.NotNull(page.QuerySelector("main h1"));
            Assert.Null(page.QuerySelector("#tile-awaiting-sign-off"));
        }

        // Another member who does not chair Q&E: the group's dashboard has no tile for them either.
        var partner = await factory.ClientAsync("police.partner");
        Assert.Null((await partner.GetDocumentAsync($"/groups/{factory.GroupId(Q)}/dashboard")).QuerySelector("#tile-awaiting-sign-off"));
        Assert.Null((await partner.GetDocumentAsync("/my-work")).QuerySelector($"#tile-awaiting-sign-off a[href='/actions/{id}']"));
    }
}
