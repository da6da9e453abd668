namespace HscpPortal.Web.Domain;

/// <summary>
/// A priority of the partnership's business plan ("Child neglect", "Right help, right time"), live for one or
/// more reporting years. Actions link to it; later capabilities add progress ratings and impact statements.
/// </summary>
public class Priority : ArchivableEntity
{
    public required string Title { get; set; }
    public string? Description { get; set; }

    /// <summary>First reporting year, e.g. "2023-24".</summary>
    public required string FromYear { get; set; }

    /// <summary>Last reporting year, or null while it remains a priority.</summary>
    public string? ToYear { get; set; }

    /// <summary>The group that leads the priority, if any.</summary>
    public int? LeadGroupId { get; set; }
    public Group? LeadGroup { get; set; }

    public int Order { get; set; }
}
