using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HscpPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The portal with its clock stopped on one day, for pages whose content depends on the date (a year just started).
/// The demo data is seeded against the same clock, so it is as the portal would hold it on that day.
/// </summary>
public abstract class FixedDatePortalFactory(DateTimeOffset now) : PortalFactory
{
    public FakeTimeProvider Clock { get; } = new(now);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>20 April 2026, in the third week of 2026-27.</summary>
public sealed class EarlyInYearPortalFactory() : FixedDatePortalFactory(new DateTimeOffset(2026, 4, 20, 9, 0, 0, TimeSpan.Zero));

/// <summary>10 November 2026, well into 2026-27.</summary>
public sealed class LateInYearPortalFactory() : FixedDatePortalFactory(new DateTimeOffset(2026, 11, 10, 10, 0, 0, TimeSpan.Zero));
