using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.AuditTrail;

public sealed record AuditRow(long Id, DateTime At, string? UserName, string EntityType, int EntityId, string? EntityKey, AuditAction Action, IReadOnlyList<FieldChange> Changes)
{
    /// <summary>The record's own history page.</summary>
    public string HistoryUrl => EntityType == AccountAudit.EntityType ? $"/users/{EntityKey}/history" : $"/audit/{EntityType}/{EntityId}";
}

public sealed class AuditListQuery
{
    public string? Type { get; set; }
    public string? User { get; set; }
    public int Page { get; set; } = 1;
}

public sealed class AuditList
{
    public required AuditListQuery Query { get; init; }
    public required Page<AuditRow> Results { get; init; }
    public required IReadOnlyList<string> Types { get; init; }
}

public sealed class RecordHistory
{
    public required string EntityType { get; init; }
    public required int EntityId { get; init; }

    /// <summary>The page's heading, when "History of organisation 4" would not do (a user account).</summary>
    public string? Title { get; init; }
    public required string? RecordUrl { get; init; }
    public required IReadOnlyList<AuditRow> Entries { get; init; }

    /// <summary>The list the history sits under in the breadcrumbs: the audit trail, or the users for an account.</summary>
    public (string Text, string? Href) Parent { get; init; } = ("Audit trail", "/audit");
}

[Route("audit")]
public sealed class AuditTrailController(PortalDbContext db, IAuthorizationService authz) : Controller
{
    [HttpGet("")]
    [Authorize(Policy = Policies.ViewAuditTrail)]
    public async Task<IActionResult> Index([FromQuery] AuditListQuery query, CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Type))
        {
            entries = entries.Where(e => e.EntityType == query.Type);
        }

        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var user = query.User.Trim();
            entries = entries.Where(e => e.UserName != null && e.UserName.Contains(user));
        }

        var page = await entries.OrderByDescending(e => e.Id).ToPageAsync(query.Page, 50, ct);
        return View(new AuditList
        {
            Query = query,
            Results = new Page<AuditRow>(page.Items.Select(ToRow).ToList(), page.PageNumber, page.PageSize, page.Total),
            Types = RecordLinks.AuditedTypes(db),
        });
    }

    // Who changed what and when is the audit trail's business: a record's own history follows the list's policy.
    [HttpGet("{type}/{id:int}")]
    [Authorize(Policy = Policies.ViewAuditTrail)]
    public async Task<IActionResult> Record(string type, int id, CancellationToken ct)
    {
        if (!RecordLinks.AuditedTypes(db).Contains(type))
        {
            return NotFound();
        }

        // An escalation's history holds its pseudonymised case data, so it is read only by those who read the log.
        if (type is nameof(Escalation) or nameof(EscalationStage)
            && !(await authz.AuthorizeAsync(User, Policies.ViewEscalations)).Succeeded)
        {
            return Forbid();
        }

        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == type && e.EntityId == id)
            .OrderByDescending(e => e.Id)
            .ToListAsync(ct);
        return View(new RecordHistory { EntityType = type, EntityId = id, RecordUrl = RecordLinks.Url(type, id), Entries = entries.Select(ToRow).ToList() });
    }

    internal static AuditRow ToRow(AuditEntry e) =>
        new(e.Id, e.At, e.UserName, e.EntityType, e.EntityId, e.EntityKey, e.Action, Data.AuditTrail.ReadChanges(e.Changes));
}

/// <summary>Where each audited record type lives in the portal, for links from its history.</summary>
public static class RecordLinks
{
    // Bank holidays are reference data written to the trail by hand when an administrator loads a feed.
    public static IReadOnlyList<string> AuditedTypes(PortalDbContext db) =>
        db.Model.GetEntityTypes().Where(t => typeof(IAudited).IsAssignableFrom(t.ClrType)).Select(t => t.ClrType.Name)
            .Append(nameof(BankHoliday)).Append(AccountAudit.EntityType).Order().ToList();

    public static string? Url(string type, int id) => type switch
    {
        nameof(Organisation) => $"/organisations/{id}",
        nameof(Person) => $"/people/{id}",
        nameof(Group) => $"/groups/{id}",
        nameof(PartnerRepresentative) => $"/representation/{id}/edit",
        nameof(Decision) => $"/decisions/{id}",
        nameof(ActionItem) => $"/actions/{id}",
        nameof(Escalation) => $"/escalations/{id}",
        nameof(Audit) => $"/audits/{id}",
        nameof(ScrutinyChallenge) => $"/scrutiny/challenges/{id}",
        nameof(ScrutinyRecommendation) => $"/scrutiny/recommendations/{id}",
        nameof(BankHoliday) => "/admin/bank-holidays",
        _ => null,
    };

    public static string Describe(string type) => type switch
    {
        nameof(Organisation) => "Organisation",
        nameof(Person) => "Person",
        nameof(Group) => "Group",
        nameof(GroupMembership) => "Group membership",
        nameof(PartnerRepresentative) => "Partner appointment",
        nameof(Decision) => "Decision",
        nameof(ActionItem) => "Action",
        nameof(Escalation) => "Escalation",
        nameof(EscalationStage) => "Escalation stage",
        nameof(Audit) => "Multi-agency audit",
        nameof(AuditAgency) => "Agency in an audit",
        nameof(AuditFinding) => "Audit finding",
        nameof(ScrutinyActivity) => "Scrutiny activity",
        nameof(ScrutinyChallenge) => "Scrutiny challenge",
        nameof(ScrutinyPlan) => "Scrutiny plan",
        nameof(ScrutinyPlanItem) => "Scrutiny plan item",
        nameof(ScrutinyPlanApproval) => "Scrutiny plan approval",
        nameof(ScrutinyRecommendation) => "Scrutiny recommendation",
        nameof(BankHoliday) => "Bank holiday",
        AccountAudit.EntityType => "User account",
        _ => type,
    };
}
