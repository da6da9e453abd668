using System.Globalization;
using System.Security.Cryptography;
using HscpPortal.Web.Domain;
using Microsoft.AspNetCore.DataProtection;

namespace HscpPortal.Web.Features.Reminders;

/// <summary>
/// The one-click unsubscribe link: a data-protected (person, kind) pair, so it works without signing in and cannot
/// be forged or pointed at someone else. It does not expire: an old email's link must still work.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("HscpPortal.Reminders.Unsubscribe.v1");

    public string Create(int personId, ReminderKind kind) =>
        protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{personId}:{(int)kind}"));

    public (int PersonId, ReminderKind Kind)? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        string plain;
        try
        {
            plain = protector.Unprotect(token);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }

        var parts = plain.Split(':');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var personId)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kind)
            // Deadline reminders for a statutory return have no opt-out, so no token names them.
            && (ReminderKind)kind is ReminderKind.DailyDigest or ReminderKind.WeeklySummary
            ? (personId, (ReminderKind)kind)
            : null;
    }
}
