using System.Security.Claims;
using System.Text;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.IntegrationTests.Infrastructure;

/// <summary>Meetings written straight to the database, for tests of what hangs off a meeting (decisions, actions).</summary>
public static class MeetingFixtures
{
    public const string PoliceNotRepresented = "Not quorate: Police not represented";

    /// <summary>Adds a meeting of the named group with numbered agenda items; returns its id and its items' ids in order.</summary>
    public static (int Id, IReadOnlyList<int> Items) AddMeeting(
        this PortalFactory factory, string group, DateOnly date, bool quorate, MeetingStatus status = MeetingStatus.Held, string? title = null, params string[] items)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var meeting = new Meeting
        {
            GroupId = db.Groups.Where(g => g.Name == group).Select(g => g.Id).Single(),
            Title = title,
            Date = date,
            Start = new TimeOnly(10, 0),
            End = new TimeOnly(12, 0),
            Status = status,
            CancellationReason = status == MeetingStatus.Cancelled ? "Chair unwell" : null,
            IsQuorate = quorate,
            QuorumStatement = quorate ? "Quorate: all three statutory partners represented" : PoliceNotRepresented,
            AgendaItems = (items.Length == 0 ? ["Welcome and apologies", "Business"] : items)
                .Select((t, i) => new AgendaItem { Order = i + 1, Title = t }).ToList(),
        };
        db.Meetings.Add(meeting);
        db.SaveChanges();
        return (meeting.Id, meeting.AgendaItems.OrderBy(a => a.Order).Select(a => a.Id).ToList());
    }

    public static int AddDecision(this PortalFactory factory, int meetingId, int? agendaItemId, string title, bool isKey)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var decision = new Decision { MeetingId = meetingId, AgendaItemId = agendaItemId, Title = title, IsKey = isKey };
        db.Decisions.Add(decision);
        db.SaveChanges();
        return decision.Id;
    }

    public static int AddAction(this PortalFactory factory, int meetingId, int? agendaItemId, string title, string owner, DateOnly due)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var person = db.People.Single(p => p.FullName == owner);
        var action = new ActionItem
        {
            Title = title, GroupId = db.Meetings.Where(m => m.Id == meetingId).Select(m => m.GroupId).Single(),
            OwnerPersonId = person.Id, OwnerOrganisationId = person.OrganisationId, DueDate = due,
            Source = ActionSource.Meeting, MeetingId = meetingId, AgendaItemId = agendaItemId,
        };
        db.Actions.Add(action);
        db.SaveChanges();
        return action.Id;
    }

    public static ClaimsPrincipal Principal(string role, string? userId = null) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Role, role), new Claim(ClaimTypes.Name, role), .. userId is null ? Array.Empty<Claim>() : [new Claim(ClaimTypes.NameIdentifier, userId)]],
            "Test"));

    public static ClaimsPrincipal Team => Principal(Roles.PartnershipTeam);

    /// <summary>
    /// Renders a view component as the meeting page would, through MVC's own executor, so its query, its
    /// authorization and its Razor view all run.
    /// </summary>
    public static async Task<string> RenderViewComponentAsync(this PortalFactory factory, string name, object arguments, ClaimsPrincipal user)
    {
        using var scope = factory.Services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = user };
        using var body = new MemoryStream();
        http.Response.Body = body;
        var context = new ActionContext(http, new RouteData(), new ActionDescriptor());
        await new ViewComponentResult { ViewComponentName = name, Arguments = arguments }.ExecuteResultAsync(context);
        return Encoding.UTF8.GetString(body.ToArray());
    }
}
