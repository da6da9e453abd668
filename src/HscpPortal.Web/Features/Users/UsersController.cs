using System.Text.Encodings.Web;
using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Account;
using HscpPortal.Web.Features.AuditTrail;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure;
using HscpPortal.Web.Infrastructure.Email;
using HscpPortal.Web.Infrastructure.Govuk;
using HscpPortal.Web.Security;
using HscpPortal.Web.Security.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Features.Users;

public sealed record UserRow(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool TwoFactor, bool LockedOut, bool Deactivated, DateTime? LastSignInAt, int? PersonId, string? PersonName);

public sealed class UserList
{
    public string? Q { get; init; }
    public required Page<UserRow> Results { get; init; }
}

public sealed class UserForm
{
    public string? Id { get; set; }
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public List<string> Roles { get; set; } = [];
    public int? PersonId { get; set; }

    public IReadOnlyList<SelectListItem> People { get; set; } = [];
}

public sealed class UserFormValidator : AbstractValidator<UserForm>
{
    public UserFormValidator(PortalDbContext db)
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter the user's email address")
            .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.org").MaximumLength(256).WithMessage("Email address must be 256 characters or fewer");
        RuleFor(f => f.Email)
            .MustAsync(async (form, email, ct) =>
            {
                if (email is null)
                {
                    return true;
                }

                var normalized = email.Trim().ToUpperInvariant();
                return !await db.Users.AnyAsync(u => u.NormalizedEmail == normalized && u.Id != form.Id, ct);
            })
            .WithMessage("An account with this email address already exists");
        RuleFor(f => f.DisplayName).NotEmpty().WithMessage("Enter the user's name").MaximumLength(200).WithMessage("Name must be 200 characters or fewer");
        RuleFor(f => f.Roles).NotEmpty().WithMessage("Select at least one role");
        RuleForEach(f => f.Roles).Must(r => Security.Roles.All.Contains(r)).WithMessage("Select a role from the list");
        RuleFor(f => f.PersonId)
            .MustAsync(async (personId, ct) => personId is null || await db.People.AnyAsync(p => p.Id == personId, ct))
            .WithMessage("Select a person from the list, or none");
        RuleFor(f => f.PersonId)
            .MustAsync(async (form, personId, ct) => personId is null
                || !await db.People.AnyAsync(p => p.Id == personId && p.UserId != null && p.UserId != form.Id, ct))
            .WithMessage("That person is already linked to another account");
    }
}

[Route("users")]
[Authorize(Policy = Policies.ManageUsers)]
public sealed class UsersController(
    PortalDbContext db,
    UserManager<ApplicationUser> users,
    IValidator<UserForm> validator,
    IEmailSender email,
    IOptions<PortalOptions> portal,
    PublicLinks links,
    AccountAudit audit,
    UserSessions sessions,
    TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int page = 1, CancellationToken ct = default)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(u => u.Email!.Contains(term) || u.DisplayName.Contains(term));
        }

        var now = clock.GetUtcNow();
        var found = await query.OrderBy(u => u.DisplayName).ToPageAsync(page, cancellationToken: ct);
        var ids = found.Items.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var people = await db.People.AsNoTracking().Where(p => p.UserId != null && ids.Contains(p.UserId))
            .Select(p => new { p.UserId, p.Id, p.FullName }).ToListAsync(ct);
        var rows = found.Items.Select(u => new UserRow(
            u.Id, u.Email ?? "", u.DisplayName,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(),
            u.TwoFactorEnabled, u.LockoutEnd > now, u.DeactivatedAt is not null, u.LastSignInAt,
            people.FirstOrDefault(p => p.UserId == u.Id)?.Id, people.FirstOrDefault(p => p.UserId == u.Id)?.FullName)).ToList();
        return View(new UserList { Q = q, Results = new Page<UserRow>(rows, found.PageNumber, found.PageSize, found.Total) });
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken ct) => View("Edit", await WithOptionsAsync(new UserForm(), ct));

    [HttpPost("new")]
    public async Task<IActionResult> Create(UserForm form, CancellationToken ct)
    {
        form.Id = null;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!ModelState.IsValid)
        {
            return View("Edit", await WithOptionsAsync(form, ct));
        }

        var user = new ApplicationUser
        {
            UserName = form.Email!.Trim(),
            Email = form.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = form.DisplayName!.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var roles = form.Roles.Distinct().ToList();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors)
                {
                    ModelState.AddModelError(nameof(form.Email), error.Description);
                }

                return View("Edit", await WithOptionsAsync(form, ct));
            }

            await users.AddToRolesAsync(user, roles);
            var person = await LinkPersonAsync(user.Id, form.PersonId, ct);
            await audit.RecordAsync(user.Id, AuditAction.Created, AccountAudit.Differences(
                ("Email", null, user.Email), ("Name", null, user.DisplayName), ("Roles", null, AccountAudit.Roles(roles)), ("Person", null, person)), ct);
            await transaction.CommitAsync(ct);
        }

        await SendInvitationAsync(user, ct);
        return Redirect($"/users?notice={Notices.Created}");
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var form = new UserForm
        {
            Id = user.Id,
            Email = user.Email,
            DisplayName = user.DisplayName,
            Roles = (await users.GetRolesAsync(user)).ToList(),
            PersonId = await db.People.Where(p => p.UserId == user.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct),
        };
        ViewBag.User = user;
        return View(await WithOptionsAsync(form, ct));
    }

    [HttpPost("{id}")]
    public async Task<IActionResult> Edit(string id, UserForm form, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        form.Id = id;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!ModelState.IsValid)
        {
            ViewBag.User = user;
            return View(await WithOptionsAsync(form, ct));
        }

        var before = (Name: user.DisplayName, Email: user.Email, Roles: await users.GetRolesAsync(user),
            Person: await db.People.Where(p => p.UserId == user.Id).Select(p => p.FullName).FirstOrDefaultAsync(ct));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.DisplayName = form.DisplayName!.Trim();
        var emailChanged = !string.Equals(user.Email, form.Email!.Trim(), StringComparison.OrdinalIgnoreCase);
        if (emailChanged)
        {
            await users.SetEmailAsync(user, form.Email.Trim());
            await users.SetUserNameAsync(user, form.Email.Trim());
        }

        await users.UpdateAsync(user);
        var roles = form.Roles.Distinct().ToList();
        await users.RemoveFromRolesAsync(user, before.Roles.Except(roles));
        await users.AddToRolesAsync(user, roles.Except(before.Roles));
        var person = await LinkPersonAsync(user.Id, form.PersonId, ct);
        var rolesChanged = !before.Roles.Order().SequenceEqual(roles.Order());
        if (rolesChanged || emailChanged)
        {
            // New rights or a new sign-in name take effect at once: every session of the user ends.
            await sessions.EndAllAsync(user, rolesChanged ? "Roles changed" : "Email changed", ct);
        }

        await audit.RecordAsync(user.Id, AuditAction.Updated, AccountAudit.Differences(
            ("Name", before.Name, user.DisplayName), ("Email", before.Email, user.Email),
            ("Roles", AccountAudit.Roles(before.Roles), AccountAudit.Roles(roles)), ("Person", before.Person, person)), ct);
        await transaction.CommitAsync(ct);
        return Redirect($"/users?notice={Notices.Saved}");
    }

    /// <summary>Everything done to the account: by administrators, by its owner, and by the system after failed sign-ins.</summary>
    [HttpGet("{id}/history")]
    public async Task<IActionResult> History(string id, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.DisplayName }).FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return NotFound();
        }

        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == AccountAudit.EntityType && e.EntityKey == id)
            .OrderByDescending(e => e.Id)
            .ToListAsync(ct);
        return View("~/Features/AuditTrail/Record.cshtml", new RecordHistory
        {
            EntityType = AccountAudit.EntityType,
            EntityId = 0,
            Title = $"History of {user.DisplayName}'s account",
            RecordUrl = $"/users/{id}",
            Parent = ("Users", "/users"),
            Entries = entries.Select(AuditTrailController.ToRow).ToList(),
        });
    }

    /// <summary>For a user who lost their phone: their authenticator is forgotten, and they enrol again at next sign-in if their role needs it.</summary>
    [HttpPost("{id}/reset-two-factor")]
    public async Task<IActionResult> ResetTwoFactor(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (user.TwoFactorEnabled)
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
            await sessions.RevokeRowsAsync(user.Id, "Two-factor authentication reset", ct);
            await audit.RecordAsync(user.Id, AuditAction.Updated, [AccountAudit.Change("Two-factor authentication", "On", "Reset by an administrator")], ct);
        }

        return Redirect($"/users/{id}?notice={Notices.Saved}");
    }

    [HttpPost("{id}/unlock")]
    public async Task<IActionResult> Unlock(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var lockedUntil = user.LockoutEnd;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(user.Id, AuditAction.Updated,
            [AccountAudit.Change("Locked until", lockedUntil is null ? null : Format.DateTime(lockedUntil.Value.UtcDateTime), "Unlocked by an administrator")]);
        return Redirect($"/users/{id}?notice={Notices.Saved}");
    }

    [HttpPost("{id}/deactivate")]
    public Task<IActionResult> Deactivate(string id) => SetActive(id, false);

    [HttpPost("{id}/reactivate")]
    public Task<IActionResult> Reactivate(string id) => SetActive(id, true);

    [HttpPost("{id}/invite")]
    public async Task<IActionResult> Invite(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await SendInvitationAsync(user, HttpContext.RequestAborted);
        await audit.RecordAsync(user.Id, AuditAction.Updated, [AccountAudit.Change("Password link", null, "Sent by an administrator")]);
        return Redirect($"/users/{id}?notice={Notices.Saved}");
    }

    private async Task<IActionResult> SetActive(string id, bool active)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == User.UserId())
        {
            return Redirect($"/users/{id}?notice={Notices.Stale}");
        }

        if ((user.DeactivatedAt is null) == active)
        {
            return Redirect($"/users/{id}");
        }

        user.DeactivatedAt = active ? null : clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, active ? null : DateTimeOffset.MaxValue);
        // Deactivation ends every session at once; the calendar addresses the user was given stop with it.
        await sessions.EndAllAsync(user, active ? "Reactivated" : "Deactivated");
        await audit.RecordAsync(user.Id, active ? AuditAction.Restored : AuditAction.Archived,
            [AccountAudit.Change("Status", active ? "Deactivated" : "Active", active ? "Active" : "Deactivated")]);
        return Redirect($"/users/{id}?notice={Notices.Saved}");
    }

    /// <summary>Links the account to the person (and unlinks any other); returns the linked person's name.</summary>
    private async Task<string?> LinkPersonAsync(string userId, int? personId, CancellationToken ct)
    {
        var linked = await db.People.Where(p => p.UserId == userId || p.Id == personId).ToListAsync(ct);
        foreach (var person in linked)
        {
            person.UserId = person.Id == personId ? userId : null;
        }

        await db.SaveChangesAsync(ct);
        return linked.FirstOrDefault(p => p.Id == personId)?.FullName;
    }

    private async Task SendInvitationAsync(ApplicationUser user, CancellationToken ct)
    {
        var link = await AccountController.PasswordLinkAsync(users, links, user);
        var name = portal.Value.Name;
        await email.SendAsync(new EmailMessage(
            user.Email!,
            $"Your account for the {name} portal",
            $"Hello {user.DisplayName},\n\nAn account has been set up for you on the {name} governance portal.\n\n" +
            $"Choose your password here (the link works once and expires in a day):\n\n{link}\n",
            $"<p>Hello {HtmlEncoder.Default.Encode(user.DisplayName)},</p><p>An account has been set up for you on the {HtmlEncoder.Default.Encode(name)} governance portal.</p>" +
            $"<p><a href=\"{HtmlEncoder.Default.Encode(link)}\">Choose your password</a>. The link works once and expires in a day.</p>"), ct);
    }

    private async Task<UserForm> WithOptionsAsync(UserForm form, CancellationToken ct)
    {
        form.People = await db.PersonOptionsAsync(ct, form.PersonId);
        return form;
    }
}
