using HscpPortal.Web.Data;
using HscpPortal.Web.Data.Demo;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace HscpPortal.Web.Infrastructure;

/// <summary>
/// Verbs of the same executable, run against the configured database without starting the web server:
/// <c>migrate</c>, <c>seed-demo</c>, <c>create-admin --email E [--name N]</c>.
/// </summary>
public static class Cli
{
    public static readonly IReadOnlyList<string> Verbs = ["migrate", "seed-demo", "create-admin"];

    public sealed record Invocation(string Verb, IReadOnlyDictionary<string, string> Options);

    public static (Invocation? Verb, string[] HostArgs) Split(string[] args)
    {
        if (args.Length == 0 || !Verbs.Contains(args[0]))
        {
            return (null, args);
        }

        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            if (name.StartsWith("--", StringComparison.Ordinal) && !name.Contains('=', StringComparison.Ordinal)
                && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options[name[2..]] = args[++i];
            }
            else
            {
                rest.Add(name);
            }
        }

        return (new Invocation(args[0], options), rest.ToArray());
    }

    public static async Task<int> RunAsync(WebApplication app, Invocation invocation)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var startup = services.GetRequiredService<StartupTasks>();
        try
        {
            switch (invocation.Verb)
            {
                case "migrate":
                    await startup.MigrateAsync(CancellationToken.None);
                    Console.WriteLine("Database is up to date.");
                    return 0;
                case "seed-demo":
                    if (app.Environment.IsProduction())
                    {
                        Console.Error.WriteLine("seed-demo refuses to run in Production: demo people and accounts must never reach a live database. Set ASPNETCORE_ENVIRONMENT to another value for a demo or training copy.");
                        return 2;
                    }

                    await startup.MigrateAsync(CancellationToken.None);
                    var seeded = await services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(CancellationToken.None);
                    Console.WriteLine(seeded ? "Demo partnership seeded." : "The database already holds data; nothing seeded.");
                    return 0;
                case "create-admin":
                    return await CreateAdminAsync(services, invocation);
                default:
                    Console.Error.WriteLine($"Unknown verb {invocation.Verb}.");
                    return 2;
            }
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"{invocation.Verb} failed: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, Invocation invocation)
    {
        if (!invocation.Options.TryGetValue("email", out var email))
        {
            Console.Error.WriteLine("Usage: create-admin --email someone@example.org [--name \"Full Name\"] (password from HSCP_ADMIN_PASSWORD or prompted)");
            return 2;
        }

        await services.GetRequiredService<StartupTasks>().MigrateAsync(CancellationToken.None);
        await DemoSeeder.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        var password = Environment.GetEnvironmentVariable("HSCP_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Write("Password: ");
            password = Console.ReadLine();
        }

        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = invocation.Options.GetValueOrDefault("name") ?? email,
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, password ?? "");
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine(error.Description);
            }

            return 1;
        }

        await users.AddToRoleAsync(user, Roles.Administrator);
        Console.WriteLine($"Administrator {email} created. They will be asked to set up two-factor authentication at first sign-in.");
        return 0;
    }
}
