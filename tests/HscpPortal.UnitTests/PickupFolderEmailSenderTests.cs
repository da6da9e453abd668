using HscpPortal.Web.Infrastructure;
using HscpPortal.Web.Infrastructure.Email;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace HscpPortal.UnitTests;

public sealed class PickupFolderEmailSenderTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "hscp-pickup-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task SendAsync_ClockSet_FileNameAndDateHeaderFollowThePortalsClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 30, 15, 250, TimeSpan.Zero));
        var sender = new PickupFolderEmailSender(
            Options.Create(new EmailOptions { PickupDirectory = "mail" }), new DataPaths(directory), clock, NullLogger<PickupFolderEmailSender>.Instance);

        await sender.SendAsync(new EmailMessage("someone@example.org", "Subject", "Body"));

        var file = Assert.Single(Directory.GetFiles(Path.Combine(directory, "mail"), "*.eml"));
        Assert.StartsWith("20261124093015250-", Path.GetFileName(file), StringComparison.Ordinal);
        // The Date header keeps whole seconds.
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 30, 15, TimeSpan.Zero), (await MimeMessage.LoadAsync(file)).Date);
    }
}
