using HscpPortal.Web.Domain;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Data.Demo;

/// <summary>Seeds the demo partnership (modelled on Herefordshire's) and one account per role into an empty database.</summary>
public sealed class DemoSeeder(
    PortalDbContext db,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    TimeProvider clock,
    EscalationProtocol protocol,
    IServiceProvider services,
    Microsoft.Extensions.Options.IOptions<HscpPortal.Web.Infrastructure.DemoOptions> demo,
    ILogger<DemoSeeder> logger)
{
    public const string Password = "Partnership-Demo-2026";
    public const string Domain = "demo.hscp.example";

    /// <summary>The seed of the generated years after the hand-written story: fixed, so a day's demo is always the same.</summary>
    public const int HistorySeed = 2025;

    /// <param name="fillToToday">
    /// Generate the years after the hand-written story up to today (when Demo:FillToToday allows); off when the caller
    /// generates its own years (<c>seed-demo --scale</c>), so they are not generated twice.
    /// </param>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken, bool fillToToday = true)
    {
        await EnsureRolesAsync(roles);
        if (await db.Organisations.AnyAsync(cancellationToken))
        {
            return false;
        }

        logger.LogInformation("Seeding the demo partnership");
        var people = await DemoStructure.SeedAsync(db, cancellationToken);
        await DemoMeetings.SeedAsync(db, UkTime.Today(clock), cancellationToken);
        await DemoActions.SeedAsync(db, UkTime.Today(clock), cancellationToken);
        await DemoEscalations.SeedAsync(db, protocol, cancellationToken);
        await DemoAudits.SeedAsync(db, cancellationToken);
        await DemoSelfAssessments.SeedAsync(db, cancellationToken);
        await DemoScrutiny.SeedAsync(db, cancellationToken);
        await DemoPerformance.SeedAsync(db, UkTime.Today(clock), cancellationToken);
        await AddUserAsync("admin", "Portal administrator", [Roles.Administrator], people.Admin);
        await AddUserAsync("team", people.PartnershipManager.FullName, [Roles.PartnershipTeam], people.PartnershipManager);
        await AddUserAsync("scrutineer", people.Scrutineer.FullName, [Roles.Scrutineer], people.Scrutineer);
        await AddUserAsync("council.partner", people.CouncilDsp.FullName, [Roles.SafeguardingPartner], people.CouncilDsp);
        await AddUserAsync("icb.partner", people.IcbDsp.FullName, [Roles.SafeguardingPartner], people.IcbDsp);
        await AddUserAsync("police.partner", people.PoliceDsp.FullName, [Roles.SafeguardingPartner], people.PoliceDsp);
        await AddUserAsync("qe.chair", people.QeChair.FullName, [Roles.Member], people.QeChair);
        await AddUserAsync("member", people.Member.FullName, [Roles.Member], people.Member);
        await db.SaveChangesAsync(cancellationToken);
        // After the accounts: the partners who sign the report are the people the partner logins belong to.
        await DemoReports.SeedAsync(db, people, services, demo.Value.PublishReports, logger, cancellationToken);

        // From the end of the hand-written story to the day of seeding, the years are generated, so the demo is alive
        // on whatever day it starts; the same day always gives the same records.
        if (!(fillToToday && demo.Value.FillToToday))
        {
            return true;
        }

        var today = UkTime.Today(clock);
        var filled = await DemoHistory.FillToTodayAsync(db, protocol, DemoReports.Draft.Next, HistorySeed, today, cancellationToken);
        if (filled is not null)
        {
            logger.LogInformation("Demo years generated to today: {History}", filled);
        }

        // Then the reports of the years now finished are written from those records, signed and published.
        await DemoReports.BringUpToDateAsync(db, people, services, demo.Value.PublishReports, today, logger, cancellationToken);

        return true;
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    private async Task AddUserAsync(string localPart, string displayName, string[] userRoles, Person person)
    {
        var user = new ApplicationUser
        {
            UserName = $"{localPart}@{Domain}",
            Email = $"{localPart}@{Domain}",
            EmailConfirmed = true,
            DisplayName = displayName,
            TwoFactorExempt = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {user.Email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }

        await users.AddToRolesAsync(user, userRoles);
        person.UserId = user.Id;
    }
}
