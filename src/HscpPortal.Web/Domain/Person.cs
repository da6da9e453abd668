namespace HscpPortal.Web.Domain;

public class Person : ArchivableEntity
{
    public required string FullName { get; set; }
    public string? JobTitle { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public string? Email { get; set; }

    /// <summary>The user account this person signs in with, if any.</summary>
    public string? UserId { get; set; }

    /// <summary>The person asked not to receive the daily digest of their overdue and due-soon actions.</summary>
    public bool DailyDigestOptOut { get; set; }

    /// <summary>The person asked not to receive the weekly action-plan summary for the groups they chair.</summary>
    public bool WeeklySummaryOptOut { get; set; }
}
