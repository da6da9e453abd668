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
}
