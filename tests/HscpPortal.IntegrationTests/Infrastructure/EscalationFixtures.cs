using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace HscpPortal.IntegrationTests.Infrastructure;

/// <summary>Escalations written straight to the database, for tests of who may see them.</summary>
public static class EscalationFixtures
{
    /// <summary>An open escalation at stage 2 from the school to the council, raised on the given date.</summary>
    public static int AddEscalation(this PortalFactory factory, DateOnly raisedOn)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var escalation = new Escalation
        {
            Reference = $"ESC-TEST-{Guid.NewGuid().ToString("N")[..8]}",
            RaisedOn = raisedOn,
            RaisingOrganisationId = db.Organisations.Where(o => o.Name == Demo.WyeValley).Select(o => o.Id).Single(),
            RaiserRole = "Named nurse",
            ConcernedOrganisationId = db.Organisations.Where(o => o.Name == Demo.Council).Select(o => o.Id).Single(),
            Category = EscalationCategory.ResponseDelay,
            CaseReference = "TEST-CASE",
            CurrentStage = 2,
            Stages = [new EscalationStage { Stage = 2, StartedOn = raisedOn, DueOn = raisedOn.AddDays(7), RecordedAt = DateTime.UtcNow }],
        };
        db.Escalations.Add(escalation);
        db.SaveChanges();
        return escalation.Id;
    }
}
