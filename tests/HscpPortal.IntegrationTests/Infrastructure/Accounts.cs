using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MimeKit;

namespace HscpPortal.IntegrationTests.Infrastructure;

/// <summary>Accounts made for one test through the admin pages, and the emails the portal writes for them.</summary>
public static partial class Accounts
{
    /// <summary>Invites a user as the demo administrator (which emails them a link to choose a password).</summary>
    public static async Task InviteAsync(this PortalFactory factory, string email, string role, string? name = null)
    {
        var admin = await factory.ClientAsync("admin");
        var response = await admin.PostFormAsync("/users/new", new()
        {
            ["DisplayName"] = name ?? email.Split('@')[0], ["Email"] = email, ["Roles"] = role, ["PersonId"] = "",
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Inviting {email} failed: {(int)response.StatusCode} {string.Join("; ", (await response.ReadDocumentAsync()).ErrorSummary())}");
        }
    }

    /// <summary>Invites a user and chooses their password through the link in the invitation, as they would.</summary>
    public static async Task CreateUserAsync(this PortalFactory factory, string email, string role, string password)
    {
        await factory.InviteAsync(email, role);
        var invitation = factory.EmailsTo(email).Single();
        var done = await factory.Anonymous().ChoosePasswordAsync(ResetLink(invitation), password);
        if (!(await done.Content.ReadAsStringAsync()).Contains("Your password has been changed", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Choosing a password for {email} failed: {(int)done.StatusCode} {string.Join("; ", (await done.ReadDocumentAsync()).ErrorSummary())}");
        }
    }

    public static IReadOnlyList<MimeMessage> EmailsTo(this PortalFactory factory, string address) =>
        !Directory.Exists(factory.MailDirectory)
            ? []
            : Directory.GetFiles(factory.MailDirectory, "*.eml")
                .Order(StringComparer.Ordinal)
                .Select(file => MimeMessage.Load(file))
                .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
                .ToList();

    public static Uri ResetLink(MimeMessage message)
    {
        var match = ResetLinkPattern().Match(message.TextBody ?? "");
        return match.Success ? new Uri(match.Value) : throw new InvalidOperationException($"No reset link in \"{message.Subject}\"");
    }

    /// <summary>Follows a password link from an email and submits the new password on the page it opens.</summary>
    public static async Task<HttpResponseMessage> ChoosePasswordAsync(this HttpClient client, Uri link, string password, string? confirm = null)
    {
        var page = await client.GetDocumentAsync(link.PathAndQuery);
        return await client.PostFormAsync("/account/reset-password", new()
        {
            ["Email"] = page.InputValue("Email"),
            ["Token"] = page.InputValue("Token"),
            ["Password"] = password,
            ["ConfirmPassword"] = confirm ?? password,
        }, formPage: link.PathAndQuery);
    }

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = password });

    /// <summary>RFC 6238 time-based one-time password: HMAC-SHA1, 30-second steps, 6 digits.</summary>
    public static string Totp(string base32Key, DateTimeOffset at)
    {
        var key = Base32Decode(base32Key);
        var counter = at.ToUnixTimeSeconds() / 30;
        var message = new byte[8];
        for (var i = 7; i >= 0; i--)
        {
            message[i] = (byte)(counter & 0xff);
            counter >>= 8;
        }

#pragma warning disable CA5350 // RFC 6238 authenticator codes are defined over HMAC-SHA1.
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32, as authenticator apps read the shared key (spaces and case ignored).</summary>
    public static byte[] Base32Decode(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a base32 character");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)((buffer >> bits) & 0xff));
            }
        }

        return bytes.ToArray();
    }

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLinkPattern();
}
