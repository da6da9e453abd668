using System.Net;
using System.Threading.RateLimiting;
using HscpPortal.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Security;

public enum ThrottledAction
{
    SignIn,
    PasswordReset,
}

/// <summary>
/// Limits sign-in attempts and forgotten-password requests per account and per client address, with .NET's rate
/// limiters (a sliding window each). The account is the address typed, whether or not such an account exists, so
/// the limit itself tells an outsider nothing.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public SignInThrottle(IOptions<AccountOptions> options)
    {
        var settings = options.Value;
        limiter = PartitionedRateLimiter.Create<string, string>(key =>
        {
            var limits = key.StartsWith(nameof(ThrottledAction.SignIn), StringComparison.Ordinal) ? settings.SignInLimits : settings.PasswordResetLimits;
            var perAccount = key.Contains("|account|", StringComparison.Ordinal);
            return RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, perAccount ? limits.PerAccount : limits.PerAddress),
                Window = TimeSpan.FromMinutes(Math.Max(1, limits.WindowMinutes)),
                SegmentsPerWindow = 5,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        WindowMinutes = action => Math.Max(1, (action == ThrottledAction.SignIn ? settings.SignInLimits : settings.PasswordResetLimits).WindowMinutes);
    }

    public Func<ThrottledAction, int> WindowMinutes { get; }

    /// <summary>Takes one attempt from both the account's and the address's allowance; false when either is spent.</summary>
    public bool TryAttempt(ThrottledAction action, string? account, IPAddress? address)
    {
        var normalised = (account ?? "").Trim().ToUpperInvariant();
        normalised = normalised[..Math.Min(normalised.Length, 256)];
        using var byAccount = limiter.AttemptAcquire($"{action}|account|{normalised}");
        using var byAddress = limiter.AttemptAcquire($"{action}|address|{address?.ToString() ?? "unknown"}");
        return byAccount.IsAcquired && byAddress.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
