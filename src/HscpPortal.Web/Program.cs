using System.Globalization;
using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Data.Demo;
using HscpPortal.Web.Features.Dashboard;
using HscpPortal.Web.Features.Meetings;
using HscpPortal.Web.Features.Navigation;
using HscpPortal.Web.Features.ReportDraft;
using HscpPortal.Web.Infrastructure;
using HscpPortal.Web.Infrastructure.Diagnostics;
using HscpPortal.Web.Infrastructure.Email;
using HscpPortal.Web.Infrastructure.Pdf;
using HscpPortal.Web.Security;
using HscpPortal.Web.Security.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Authorization;
using Microsoft.AspNetCore.Mvc.Razor;
using Serilog;

var (verb, hostArgs) = Cli.Split(args);
var builder = WebApplication.CreateBuilder(hostArgs);
var paths = DataPaths.From(builder.Configuration, builder.Environment);

if (verb is null && builder.Environment.IsProduction() && Hosting.ProductionProblems(builder.Configuration) is { Count: > 0 } problems)
{
    // Refuse to serve rather than send emails whose links a forged Host header could point elsewhere.
    await Console.Error.WriteLineAsync("The portal will not start in Production until these settings are fixed (see docs/deployment.md):");
    foreach (var problem in problems)
    {
        await Console.Error.WriteLineAsync($"  - {problem}");
    }

    return 2;
}

// preserveStaticLogger: each host keeps its own logger instead of sharing the static Log.Logger, so several
// hosts in one process (the integration tests) each log to their own data directory.
builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture)
    .WriteTo.File(
        Path.Combine(paths.Resolve(builder.Configuration["Logging:Directory"] ?? "logs"), "portal-.log"),
        rollingInterval: RollingInterval.Day,
        retainedFileCountLimit: 31,
        formatProvider: CultureInfo.InvariantCulture));

builder.Services.AddSingleton(paths);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.Section));
builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
builder.Services.Configure<AccountOptions>(builder.Configuration.GetSection(AccountOptions.Section));
builder.Services.Configure<EmailOptions>(builder.Configuration.GetSection(EmailOptions.Section));
builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.Section));
builder.Services.AddRequestLimits();
builder.Services.Configure<PdfOptions>(builder.Configuration.GetSection(PdfOptions.Section));
builder.Services.Configure<HscpPortal.Web.Reporting.ReportOptions>(builder.Configuration.GetSection(HscpPortal.Web.Reporting.ReportOptions.Section));
builder.Services.Configure<EscalationOptions>(builder.Configuration.GetSection(EscalationOptions.Section));
HscpPortal.Web.Features.Escalations.EscalationRegistration.AddEscalationLog(builder.Services);
builder.Services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<EscalationOptions>>().Value.ToProtocol());

builder.Services.AddSingleton<PublicLinks>();
builder.Services.AddReverseProxySupport(builder.Configuration);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentActor, HttpContextActor>();
builder.Services.AddPortalDatabase(builder.Configuration, paths);

// Every cookie (sign-in, two-factor, anti-forgery) is Secure whenever the public address is https, and otherwise
// whenever the request came over https (directly or through a trusted proxy's X-Forwarded-Proto).
var secureCookies = Hosting.PublicUrlIsHttps(builder.Configuration) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
builder.Services.Configure<CookiePolicyOptions>(o =>
{
    o.Secure = secureCookies;
    o.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
    o.MinimumSameSitePolicy = SameSiteMode.Lax;
});
var accountOptions = builder.Configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
builder.Services
    .AddIdentity<ApplicationUser, IdentityRole>(o =>
    {
        // NCSC: length over complexity, plus a deny list of common passwords (CommonPasswordValidator).
        o.Password.RequiredLength = accountOptions.MinimumPasswordLength;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 4;
        o.Lockout.MaxFailedAccessAttempts = accountOptions.MaxFailedAccessAttempts;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(accountOptions.LockoutMinutes);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = true;
        o.SignIn.RequireConfirmedAccount = false;
    })
    .AddEntityFrameworkStores<PortalDbContext>()
    .AddDefaultTokenProviders()
    .AddPasswordValidator<CommonPasswordValidator>();

builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/account/login";
    o.LogoutPath = "/account/logout";
    o.AccessDeniedPath = "/error/403";
    o.Cookie.Name = "hscp.auth";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
    o.Cookie.SecurePolicy = secureCookies;
    o.ExpireTimeSpan = TimeSpan.FromHours(8);
    o.SlidingExpiration = true;
});
builder.Services.AddServerSideSessions();
builder.Services.AddScoped<AccountAudit>();
builder.Services.AddSingleton<SignInThrottle>();
builder.Services.AddScoped<PasswordTiming>();
builder.Services.AddDataProtection().SetApplicationName("HscpPortal").PersistKeysToDbContext<PortalDbContext>();
builder.Services.AddAntiforgery(o =>
{
    o.Cookie.Name = "hscp.af";
    o.FormFieldName = "__RequestVerificationToken";
});

builder.Services.AddAuthorization(o =>
{
    // Deny by default: every endpoint needs a signed-in user unless it says [AllowAnonymous].
    o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    Policies.Configure(o);
});
builder.Services.AddScoped<IAuthorizationHandler, ChairOfGroupHandler>();
builder.Services.AddScoped<IAuthorizationHandler, OwnerOfActionHandler>();
builder.Services.AddScoped<IAuthorizationHandler, ChairsAGroupHandler>();
builder.Services.AddScoped<IAuthorizationHandler, EnterPerformanceValuesHandler>();
builder.Services.AddScoped<IAuthorizationHandler, LeadOfReturnHandler>();
builder.Services.AddScoped<IAuthorizationHandler, RespondToChallengeHandler>();
builder.Services.AddScoped<IAuthorizationHandler, RespondToRecommendationHandler>();

builder.Services
    .AddControllersWithViews(o =>
    {
        o.Filters.Add(new AuthorizeFilter());
        o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
        // Dates as three fields (day, month, year) or one ISO value, times on the 24-hour clock, with GOV.UK messages.
        HscpPortal.Web.Infrastructure.Govuk.DateTimeInputBinderProvider.Register(o.ModelBinderProviders);
        // The framework's own messages name C# properties; these read as GOV.UK error messages.
        var messages = o.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"“{value}” is not a valid answer: check it and try again");
        messages.SetValueIsInvalidAccessor(value => $"“{value}” is not a valid answer: check it and try again");
        messages.SetValueMustBeANumberAccessor(_ => "Enter a number");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}” is not a valid answer: check it and try again");
        messages.SetMissingBindRequiredValueAccessor(_ => "Enter an answer");
        messages.SetValueMustNotBeNullAccessor(_ => "Enter an answer");
    })
    .AddRazorOptions(o =>
    {
        o.ViewLocationFormats.Add("/Features/{1}/{0}" + RazorViewEngine.ViewExtension);
        o.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
    });
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped);

builder.Services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database", customTestQuery: DatabaseFailure.ProbeAsync);
// A database that hangs rather than fails makes /health answer "Unhealthy" (503) in 5 s, not after the 30 s command timeout.
builder.Services.Configure<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckServiceOptions>(o =>
    o.Registrations.Single(r => r.Name == "database").Timeout = TimeSpan.FromSeconds(5));
builder.Services.AddPortalEmail(builder.Configuration);
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddScoped<QuorumService>();
builder.Services.AddScoped<MenuService>();
builder.Services.AddDashboardTiles();
builder.Services.AddReportSections();
builder.Services.AddScoped<HscpPortal.Web.Reporting.YearlyReportRenderer>()
    .AddScoped<HscpPortal.Web.Reporting.IYearlyReportRenderer>(sp => sp.GetRequiredService<HscpPortal.Web.Reporting.YearlyReportRenderer>())
    .AddScoped<HscpPortal.Web.Reporting.ReportSignOffs>()
    .AddScoped<HscpPortal.Web.Reporting.ReportGate>()
    .AddScoped<HscpPortal.Web.Reporting.ReportPublisher>();
builder.Services.Configure<HscpPortal.Web.Features.Reminders.ReminderOptions>(builder.Configuration.GetSection(HscpPortal.Web.Features.Reminders.ReminderOptions.Section));
builder.Services.AddSingleton<HscpPortal.Web.Features.Reminders.UnsubscribeTokens>();
builder.Services.AddScoped<HscpPortal.Web.Features.Reminders.ReminderService>();
builder.Services.AddHostedService<HscpPortal.Web.Features.Reminders.ReminderScheduler>();
builder.Services.AddMemoryCache();
builder.Services.AddScoped<HscpPortal.Web.Infrastructure.BankHolidays.BankHolidayCalendar>();
builder.Services.AddScoped<FileStore>();
builder.Services.AddScoped<HscpPortal.Web.Features.Calendar.MeetingInvitations>();
builder.Services.AddScoped<HscpPortal.Web.Features.Actions.SignOffRequestNotifier>();
builder.Services.AddSingleton<IPdfPrinter, ChromiumPdfPrinter>();
builder.Services.AddScoped<ViewRenderer>();
builder.Services.AddScoped<StartupTasks>();
builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

var app = builder.Build();

if (verb is not null)
{
    return await Cli.RunAsync(app, verb);
}

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<StartupTasks>().RunAsync(CancellationToken.None);
}

app.UseReverseProxySupport();
app.UseServerTiming();
app.UseExceptionHandler("/error/500");
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture("en-GB"),
    SupportedCultures = [new CultureInfo("en-GB")],
    SupportedUICultures = [new CultureInfo("en-GB")],
    RequestCultureProviders = [],
});
// The host's own logger (see preserveStaticLogger above): by default request logging writes to the static one.
app.UseSerilogRequestLogging(o => o.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
app.UseStaticFiles();
app.UseCookiePolicy();
app.UseRouting();
app.UseAuthentication();
app.UseServerSideSessions();
app.UseAuthorization();
app.UseTwoFactorEnrolment();

app.MapHealthChecks("/health").AllowAnonymous();
app.MapControllers();

await app.RunAsync();
return 0;

public partial class Program;
