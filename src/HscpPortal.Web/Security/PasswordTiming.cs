using System.Security.Cryptography;
using HscpPortal.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace HscpPortal.Web.Security;

/// <summary>
/// Makes a sign-in that checks no password (an unknown or deactivated account, or one already locked) cost as much
/// as one that does, by checking the password against a hash of a random one. Without it, the answer's speed
/// tells an outsider which email addresses have accounts.
/// </summary>
public sealed class PasswordTiming(IPasswordHasher<ApplicationUser> hasher)
{
    private static readonly ApplicationUser Nobody = new();

    // Made once per process with the default hasher's format, which every Identity hasher verifies at full cost.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<ApplicationUser>().HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    public void Spend(string? password) => hasher.VerifyHashedPassword(Nobody, DummyHash.Value, password ?? "");
}
