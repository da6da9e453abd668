using Microsoft.AspNetCore.Identity;

namespace HscpPortal.Web.Data;

public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Set for demo accounts only, which never have to enrol in two-factor authentication.</summary>
    public bool TwoFactorExempt { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
    public DateTime? DeactivatedAt { get; set; }

    /// <summary>Part of every calendar feed address the user was given; raising it stops all of them working.</summary>
    public int CalendarFeedVersion { get; set; }
}
