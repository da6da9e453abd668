using HscpPortal.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace HscpPortal.Web.Security;

/// <summary>
/// NCSC advice: no composition rules, but refuse passwords that are commonly used or contain the service's
/// own name or the user's email.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    private static readonly string[] Denied =
    [
        "password", "123456", "qwerty", "letmein", "welcome", "iloveyou", "admin", "abc123", "monkey",
        "football", "dragon", "sunshine", "princess", "trustno1", "baseball", "passw0rd", "safeguarding",
        "partnership", "changeme", "111111", "000000",
    ];

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var lower = password.ToLowerInvariant();
        var distinct = lower.Distinct().Count();
        var localPart = user.Email?.Split('@')[0].ToLowerInvariant();
        if (Denied.Any(d => lower == d || (lower.Replace(d, "", StringComparison.Ordinal).Trim('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '!').Length == 0))
            || distinct < 4
            || (!string.IsNullOrEmpty(localPart) && localPart.Length >= 4 && lower.Contains(localPart, StringComparison.Ordinal)))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "Choose a password that is harder to guess: avoid common words, repeated characters and your email address. Three random words work well.",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }
}
