namespace HscpPortal.Web.Security.Sessions;

/// <summary>
/// One signed-in browser. The cookie carries only a random key; the ticket lives here, so a session can be ended
/// from the server: signing out revokes this row, and a change of the user's security stamp (password, two-factor,
/// roles, deactivation, "sign out everywhere") ends every row that holds the old stamp.
/// </summary>
public class UserSession
{
    /// <summary>SHA-256 of the key in the cookie: the table alone is not enough to take over a session.</summary>
    public required string Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>The user's security stamp when the ticket was issued or last renewed.</summary>
    public required string SecurityStamp { get; set; }

    /// <summary>The authentication ticket, serialised and encrypted with the portal's data-protection keys.</summary>
    public required byte[] Ticket { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime RenewedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }

    /// <summary>The browser, shortened, so that the account page can tell one session from another.</summary>
    public string? UserAgent { get; set; }
}
