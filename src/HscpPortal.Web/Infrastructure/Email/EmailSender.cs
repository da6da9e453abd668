using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HscpPortal.Web.Infrastructure.Email;

public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null)
{
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];
}

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>The portal's one way out for email: a pickup folder by default, SMTP when configured.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

public enum EmailMode
{
    Pickup,
    Smtp,
}

public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailMode Mode { get; set; } = EmailMode.Pickup;
    public string From { get; set; } = "no-reply@hscp.example";
    public string FromName { get; set; } = "Safeguarding Children Partnership";

    /// <summary>Relative paths are under the data directory.</summary>
    public string PickupDirectory { get; set; } = "mail";

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 587;
    public bool UseStartTls { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
}

public static class MimeMessages
{
    public static MimeMessage Build(EmailOptions options, EmailMessage message, DateTimeOffset now)
    {
        // MimeKit would stamp the Date header from the machine clock; the portal's clock is TimeProvider, so tests
        // (and the reminders' "as of" dates) see the same time in the message as everywhere else.
        var mime = new MimeMessage { Date = now };
        mime.From.Add(new MailboxAddress(options.FromName, options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }
}

public sealed class PickupFolderEmailSender(IOptions<EmailOptions> options, DataPaths paths, TimeProvider clock, ILogger<PickupFolderEmailSender> logger)
    : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var directory = paths.Resolve(options.Value.PickupDirectory);
        Directory.CreateDirectory(directory);
        var now = clock.GetUtcNow();
        var mime = MimeMessages.Build(options.Value, message, now);
        var file = Path.Combine(directory, $"{now:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        await mime.WriteToAsync(file, cancellationToken);
        logger.LogInformation("Email {MessageId} written to the pickup folder", mime.MessageId);
    }
}

public sealed class SmtpEmailSender(IOptions<EmailOptions> options, TimeProvider clock, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var mime = MimeMessages.Build(settings, message, clock.GetUtcNow());
        using var client = new SmtpClient();
        await client.ConnectAsync(
            settings.Smtp.Host,
            settings.Smtp.Port,
            settings.Smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto,
            cancellationToken);
        if (!string.IsNullOrEmpty(settings.Smtp.UserName))
        {
            await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
        logger.LogInformation("Email {MessageId} sent by SMTP", mime.MessageId);
    }
}
