using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using HscpPortal.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Security.Sessions;

/// <summary>
/// Keeps sign-in tickets in the database so that the server decides whether a cookie still opens anything. A
/// ticket is honoured only while its row is not revoked or expired, the user is not deactivated, and the user's
/// security stamp is the one the ticket was issued with: one indexed read per request, no cache, so an ended
/// session ends on every instance at once.
/// </summary>
public sealed class DatabaseTicketStore(
    IServiceScopeFactory scopes,
    IDataProtectionProvider protection,
    IOptions<IdentityOptions> identity,
    TimeProvider clock) : ITicketStore, IDisposable
{
    /// <summary>What the request's session lookup found about its user, for middleware that would otherwise ask again.</summary>
    public const string AccountItem = "hscp.session.account";

    /// <summary>A database outage met while looking the session up, to be raised once authentication is over.</summary>
    public const string FailureItem = "hscp.session.failure";

    private readonly IDataProtector protector = protection.CreateProtector("HscpPortal.UserSessions.v1");

    // The last ticket each session was seen with, used only while the database is away, so that the "service
    // unavailable" page still knows who is asking (its menu). Nothing else is served during an outage, and nothing
    // can be revoked then either.
    private readonly MemoryCache lastSeen = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, null!, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var userId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("A sign-in ticket without a user id cannot be stored.");
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var agent = httpContext?.Request.Headers.UserAgent.ToString();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.UserSessions.Add(new UserSession
        {
            Id = Hash(key),
            UserId = userId,
            SecurityStamp = Stamp(ticket),
            Ticket = Protect(ticket),
            CreatedAt = now,
            RenewedAt = now,
            ExpiresAt = ticket.Properties.ExpiresUtc?.UtcDateTime,
            UserAgent = string.IsNullOrWhiteSpace(agent) ? null : agent[..Math.Min(agent.Length, 200)],
        });
        await db.SaveChangesAsync(cancellationToken);

        // Sessions that ended long ago are of no use to anyone; keep the table small.
        var old = now.AddDays(-30);
        await db.UserSessions.Where(s => s.UserId == userId && ((s.RevokedAt != null && s.RevokedAt < old) || (s.ExpiresAt != null && s.ExpiresAt < old)))
            .ExecuteDeleteAsync(cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => RenewAsync(key, ticket, null!, cancellationToken);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var id = Hash(key);
        var ticketBytes = Protect(ticket);
        var stamp = Stamp(ticket);
        var expires = ticket.Properties.ExpiresUtc?.UtcDateTime;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        // A revoked session is never brought back by a renewal racing its revocation.
        await db.UserSessions.Where(s => s.Id == id && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Ticket, ticketBytes)
                .SetProperty(s => s.SecurityStamp, stamp)
                .SetProperty(s => s.ExpiresAt, expires)
                .SetProperty(s => s.RenewedAt, now), cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, null!, cancellationToken);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var id = Hash(key);
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var found = await (
                    from s in db.UserSessions.AsNoTracking()
                    join u in db.Users on s.UserId equals u.Id
                    where s.Id == id && s.RevokedAt == null && (s.ExpiresAt == null || s.ExpiresAt > now)
                        && u.SecurityStamp == s.SecurityStamp && u.DeactivatedAt == null
                    select new { s.Ticket, Account = new SessionAccount(u.Id, u.TwoFactorEnabled, u.TwoFactorExempt) })
                .FirstOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return null;
            }

            httpContext?.Items[AccountItem] = found.Account;
            lastSeen.Set(id, found.Ticket, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
            return Unprotect(found.Ticket);
        }
        catch (Exception e) when (httpContext is not null && DatabaseFailure.IsUnavailable(e))
        {
            // The cookie handler keeps this result for the rest of the request, error page included: a throw here
            // would fail the error page too. The request is failed after authentication instead (see
            // UseServerSideSessions), and the "unavailable" page is then shown signed out.
            httpContext.Items[FailureItem] = e;
            return lastSeen.TryGetValue(id, out byte[]? known) && known is not null ? Unprotect(known) : null;
        }
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null!, cancellationToken);

    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var id = Hash(key);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        lastSeen.Remove(id);
        await db.UserSessions.Where(s => s.Id == id && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now).SetProperty(s => s.RevokedReason, "Signed out"), cancellationToken);
    }

    private string Stamp(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) ?? "";

    private byte[] Protect(AuthenticationTicket ticket) => protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private AuthenticationTicket? Unprotect(byte[] stored)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(protector.Unprotect(stored));
        }
        catch (CryptographicException)
        {
            // The key ring was replaced: the session cannot be read, so it is over.
            return null;
        }
    }

    public void Dispose() => lastSeen.Dispose();

    internal static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

/// <summary>The signed-in user's two-factor state, read with the session so the enrolment check needs no query of its own.</summary>
public sealed record SessionAccount(string UserId, bool TwoFactorEnabled, bool TwoFactorExempt);

/// <summary>Ends sessions from the server: the user's own "sign out everywhere", and an administrator's changes.</summary>
public sealed class UserSessions(PortalDbContext db, UserManager<ApplicationUser> users, TimeProvider clock)
{
    /// <summary>
    /// Ends every session the user has, on every device, at once: the new security stamp no longer matches any stored
    /// ticket, and the rows are marked with why.
    /// </summary>
    public async Task EndAllAsync(ApplicationUser user, string reason, CancellationToken ct = default)
    {
        await users.UpdateSecurityStampAsync(user);
        await RevokeRowsAsync(user.Id, reason, ct);
    }

    /// <summary>Marks the rows of sessions a stamp change has already ended, so that the account page tells the truth.</summary>
    public Task RevokeRowsAsync(string userId, string reason, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now).SetProperty(s => s.RevokedReason, reason), ct);
    }

    /// <summary>The user's sessions that are still open, newest first.</summary>
    public async Task<IReadOnlyList<UserSession>> OpenAsync(string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stamp = await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(ct);
        return await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null && (s.ExpiresAt == null || s.ExpiresAt > now) && s.SecurityStamp == stamp)
            .OrderByDescending(s => s.RenewedAt)
            .ToListAsync(ct);
    }
}

public static class SessionRegistration
{
    public static IServiceCollection AddServerSideSessions(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseTicketStore>();
        services.AddScoped<UserSessions>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore>((o, store) => o.SessionStore = store);
        return services;
    }

    /// <summary>
    /// After authentication: a session that could not be looked up because the database is away fails the request
    /// (the error page says the service is unavailable) rather than letting it carry on as if signed out.
    /// </summary>
    public static IApplicationBuilder UseServerSideSessions(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Items[DatabaseTicketStore.FailureItem] is Exception failure && !context.Request.Path.StartsWithSegments("/error"))
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }

            await next();
        });
}
