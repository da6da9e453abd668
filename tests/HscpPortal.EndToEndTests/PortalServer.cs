using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace HscpPortal.EndToEndTests;

/// <summary>
/// The real portal on Kestrel (loopback, a free port) over a fresh demo database, and Debian's Chromium
/// driven by Playwright. Playwright never downloads a browser here.
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Partnership-Demo-2026";
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "hscp-e2e", Guid.NewGuid().ToString("N"));
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Portal:DataDirectory", dataDirectory);
        builder.UseSetting("Demo:Enabled", "true");
        // The journeys read the hand-written story (2024-25 is the draft report they edit); the integration tests'
        // DemoAliveTests cover the years generated from its end to today, which would add to every run's seeding.
        builder.UseSetting("Demo:FillToToday", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Browser journeys never wait for the morning's reminders; the sender would only add mail and noise.
        builder.UseSetting("Reminders:Enabled", "false");
        // Every browser test signs in from one address.
        builder.UseSetting("Accounts:SignInLimits:PerAccount", "100000");
        builder.UseSetting("Accounts:SignInLimits:PerAddress", "100000");
    }

    public async Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> SignInAsync(string who)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", TimezoneId = "Europe/London" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/account/login");
        await page.FillAsync("#Email", $"{who}@demo.hscp.example");
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("button[type=submit]");
        // Each role lands on its own dashboard, or "my work" (Features/Dashboard/Landing.cs).
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }

    /// <summary>A desktop page in a new context signed in as the same user as <paramref name="page"/> (the same session).</summary>
    public async Task<IPage> SameUserAsync(IPage page)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-GB", TimezoneId = "Europe/London", StorageState = await page.Context.StorageStateAsync(),
        });
        return await context.NewPageAsync();
    }

    /// <summary>A phone-sized (375 px) page in a new context signed in as the same user as <paramref name="page"/>.</summary>
    public async Task<IPage> PhoneLikeAsync(IPage page)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-GB", TimezoneId = "Europe/London", ViewportSize = new ViewportSize { Width = PhoneWidth, Height = 800 },
            StorageState = await page.Context.StorageStateAsync(),
        });
        return await context.NewPageAsync();
    }

    public const int PhoneWidth = 375;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        await DisposeAsync();
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalServer>
{
    public const string Name = "Portal";
}
