using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Dashboard;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure;
using HscpPortal.Web.Infrastructure.Email;
using HscpPortal.Web.Infrastructure.Govuk;
using HscpPortal.Web.Security;
using HscpPortal.Web.Security.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QRCoder;

namespace HscpPortal.Web.Features.Account;

[Route("account")]
public sealed class AccountController(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    PortalDbContext db,
    IEmailSender email,
    IOptions<AccountOptions> accountOptions,
    IOptions<PortalOptions> portal,
    PublicLinks links,
    AccountAudit audit,
    SignInThrottle throttle,
    PasswordTiming timing,
    IAuthorizationService authz,
    TimeProvider clock,
    ILogger<AccountController> logger) : Controller
{
    // One message for every failure (a wrong password, an unknown, deactivated or locked account), so that the page
    // never tells an outsider whether an account exists. The owner of a locked account is told by email.
    private const string FailedSignIn = "Enter a correct email address and password";

    [AllowAnonymous]
    [HttpGet("login")]
    public async Task<IActionResult> Login(string? returnUrl) =>
        User.Identity?.IsAuthenticated == true
            ? LocalRedirect(await LandingAsync(returnUrl, User))
            : View(new LoginForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("login")]
    public async Task<IActionResult> Login(LoginForm form, [FromServices] IValidator<LoginForm> validator)
    {
        ModelState.AddErrors(await validator.ValidateAsync(form));
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        if (!throttle.TryAttempt(ThrottledAction.SignIn, form.Email, HttpContext.Connection.RemoteIpAddress))
        {
            return Throttled(form, nameof(form.Email), ThrottledAction.SignIn, "Too many attempts to sign in");
        }

        var user = await users.FindByEmailAsync(form.Email!.Trim());
        if (user is null || user.DeactivatedAt is not null)
        {
            timing.Spend(form.Password);
            ModelState.AddModelError(nameof(form.Email), FailedSignIn);
            return View(form);
        }

        var wasLocked = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, form.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await RecordSignInAsync(user);
            return LocalRedirect(await LandingAsync(form.ReturnUrl, user));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(LoginWithTwoFactor), new { returnUrl = form.ReturnUrl });
        }

        if (result.IsLockedOut)
        {
            if (wasLocked)
            {
                // Identity refuses a locked account before checking the password: spend the same time anyway.
                timing.Spend(form.Password);
            }
            else
            {
                await AccountLockedAsync(user);
            }
        }

        ModelState.AddModelError(nameof(form.Email), FailedSignIn);
        return View(form);
    }

    [AllowAnonymous]
    [HttpGet("login/two-factor")]
    public async Task<IActionResult> LoginWithTwoFactor(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(Login))
            : View(new TwoFactorLoginForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("login/two-factor")]
    public async Task<IActionResult> LoginWithTwoFactor(TwoFactorLoginForm form, [FromServices] IValidator<TwoFactorLoginForm> validator)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(Login));
        }

        ModelState.AddErrors(await validator.ValidateAsync(form));
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var code = form.Code!.Replace(" ", "", StringComparison.Ordinal).Trim();
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, false, form.RememberMachine);
        if (result.Succeeded)
        {
            await RecordSignInAsync(user);
            return LocalRedirect(await LandingAsync(form.ReturnUrl, user));
        }

        ModelState.AddModelError(nameof(form.Code), result.IsLockedOut
            ? "This account has been locked after too many attempts. Try again later."
            : "The code is not correct or has expired. Enter the current code from your app.");
        return View(form);
    }

    [AllowAnonymous]
    [HttpGet("login/recovery-code")]
    public async Task<IActionResult> LoginWithRecoveryCode(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(Login))
            : View(new RecoveryCodeForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("login/recovery-code")]
    public async Task<IActionResult> LoginWithRecoveryCode(RecoveryCodeForm form, [FromServices] IValidator<RecoveryCodeForm> validator)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(Login));
        }

        ModelState.AddErrors(await validator.ValidateAsync(form));
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(form.RecoveryCode!.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            await RecordSignInAsync(user);
            return LocalRedirect(await LandingAsync(form.ReturnUrl, user));
        }

        ModelState.AddModelError(nameof(form.RecoveryCode), "That recovery code is not correct or has already been used");
        return View(form);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    [AllowAnonymous]
    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View(new ForgotPasswordForm());

    [AllowAnonymous]
    [HttpPost("forgot-password")]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordForm form, [FromServices] IValidator<ForgotPasswordForm> validator)
    {
        ModelState.AddErrors(await validator.ValidateAsync(form));
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        if (!throttle.TryAttempt(ThrottledAction.PasswordReset, form.Email, HttpContext.Connection.RemoteIpAddress))
        {
            return Throttled(form, nameof(form.Email), ThrottledAction.PasswordReset, "Too many requests for a password link");
        }

        // The same answer whether or not the account exists, so the page cannot be used to find accounts.
        var user = await users.FindByEmailAsync(form.Email!.Trim());
        if (user is not null && user.DeactivatedAt is null)
        {
            var link = await PasswordLinkAsync(users, links, user);
            await email.SendAsync(new EmailMessage(
                user.Email!,
                $"Reset your password for the {portal.Value.Name} portal",
                $"Hello {user.DisplayName},\n\nUse this link to choose a new password. It works once and expires in a day:\n\n{link}\n\n" +
                "If you did not ask to reset your password, you can ignore this email: your password has not changed.\n",
                $"<p>Hello {HtmlEncoder.Default.Encode(user.DisplayName)},</p><p><a href=\"{HtmlEncoder.Default.Encode(link)}\">Choose a new password</a>. The link works once and expires in a day.</p>" +
                "<p>If you did not ask to reset your password, you can ignore this email: your password has not changed.</p>"));
        }

        return View("ForgotPasswordSent", form.Email);
    }

    [AllowAnonymous]
    [HttpGet("reset-password")]
    public IActionResult ResetPassword(string? email, string? token) => View(new ResetPasswordForm { Email = email, Token = token });

    [AllowAnonymous]
    [HttpPost("reset-password")]
    public async Task<IActionResult> ResetPassword(ResetPasswordForm form, [FromServices] IValidator<ResetPasswordForm> validator)
    {
        ModelState.AddErrors(await validator.ValidateAsync(form));
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.FindByEmailAsync(form.Email!.Trim());
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(form.Token!));
        }
        catch (FormatException)
        {
            token = "";
        }

        if (user is null)
        {
            ModelState.AddModelError(nameof(form.Password), "The reset link is not valid or has expired. Ask for a new one.");
            return View(form);
        }

        var result = await users.ResetPasswordAsync(user, token, form.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(form.Password), error.Code == "InvalidToken"
                    ? "The reset link is not valid or has expired. Ask for a new one."
                    : PasswordMessage(error));
            }

            return View(form);
        }

        await users.SetLockoutEndDateAsync(user, null);
        await audit.RecordAsync(user.Id, AuditAction.Updated, [AccountAudit.Change("Password", null, "Reset with an emailed link")],
            byUserId: user.Id, byName: user.UserName, HttpContext.RequestAborted);
        return View("ResetPasswordDone");
    }

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] UserSessions sessions)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToAction(nameof(Login));
        }

        var roles = await users.GetRolesAsync(user);
        var person = await db.People.AsNoTracking().Where(p => p.UserId == user.Id)
            .Select(p => new { p.Id, p.FullName, p.DailyDigestOptOut, p.WeeklySummaryOptOut, p.Version }).FirstOrDefaultAsync();
        return View(new AccountSummary
        {
            Email = user.Email ?? "",
            DisplayName = user.DisplayName,
            Roles = roles.ToList(),
            TwoFactorEnabled = user.TwoFactorEnabled,
            TwoFactorRequired = IsTwoFactorRequired(user, roles),
            RecoveryCodesLeft = user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0,
            PersonId = person?.Id,
            PersonName = person?.FullName,
            Sessions = (await sessions.OpenAsync(user.Id, HttpContext.RequestAborted))
                .Select(x => new SessionRow(BrowserName.Describe(x.UserAgent), x.CreatedAt, x.RenewedAt)).ToList(),
            Reminders = person is null ? null : new ReminderPreferencesForm
            {
                DailyDigest = !person.DailyDigestOptOut,
                WeeklySummary = !person.WeeklySummaryOptOut,
                Version = person.Version,
            },
        });
    }

    /// <summary>The signed-in person's own email reminders; the change is audited like any edit to their record.</summary>
    [HttpPost("reminders")]
    public async Task<IActionResult> Reminders([Bind(Prefix = nameof(AccountSummary.Reminders))] ReminderPreferencesForm form, CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        var person = await db.People.FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (person is null)
        {
            return NotFound();
        }

        person.DailyDigestOptOut = !form.DailyDigest;
        person.WeeklySummaryOptOut = !form.WeeklySummary;
        if (!await db.SaveEditAsync(person, form.Version, ModelState, ct))
        {
            return Redirect("/account?notice=stale");
        }

        return Redirect("/account?notice=saved");
    }

    [HttpGet("change-password")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost("change-password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form, [FromServices] IValidator<ChangePasswordForm> validator)
    {
        ModelState.AddErrors(await validator.ValidateAsync(form));
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToAction(nameof(Login));
        }

        var result = await users.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == "PasswordMismatch" ? nameof(form.CurrentPassword) : nameof(form.NewPassword);
                ModelState.AddModelError(field, error.Code == "PasswordMismatch" ? "Your current password is not correct" : PasswordMessage(error));
            }

            return View(form);
        }

        // The new security stamp has ended the user's other sessions; this one carries on with the new stamp.
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(user.Id, AuditAction.Updated, [AccountAudit.Change("Password", null, "Changed by its owner; other sessions ended")]);
        return Redirect("/account?notice=saved");
    }

    /// <summary>Ends every session of this account, this one included, for a lost laptop or a shared computer.</summary>
    [HttpPost("sign-out-everywhere")]
    public async Task<IActionResult> SignOutEverywhere([FromServices] UserSessions sessions, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToAction(nameof(Login));
        }

        await sessions.EndAllAsync(user, "Signed out everywhere by the user", ct);
        await audit.RecordAsync(user.Id, AuditAction.Updated, [AccountAudit.Change("Sessions", null, "All ended by the user")], ct);
        await signIn.SignOutAsync();
        return Redirect($"/account/login?notice={Notices.SignedOutEverywhere}");
    }

    /// <summary>A new secret in every calendar address the user was given, so the old addresses stop working.</summary>
    [HttpPost("calendar-links/reset")]
    public async Task<IActionResult> ResetCalendarLinks(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToAction(nameof(Login));
        }

        user.CalendarFeedVersion++;
        await users.UpdateAsync(user);
        await audit.RecordAsync(user.Id, AuditAction.Updated, [AccountAudit.Change("Calendar addresses", null, "Reset; earlier addresses stopped")], ct);
        return Redirect($"/account?notice={Notices.CalendarLinksReset}#calendar");
    }

    [HttpGet("two-factor")]
    public async Task<IActionResult> TwoFactor(bool required = false)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToAction(nameof(Login));
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)) && !await MakeAuthenticatorKeyAsync(user))
        {
            // The page was opened twice at once (two tabs) and the other made the key first: show that one.
            return Redirect($"/account/two-factor{(required ? "?required=true" : "")}");
        }

        return View(await BuildSetupAsync(user, required, new EnableAuthenticatorForm()));
    }

    [HttpPost("two-factor")]
    public async Task<IActionResult> TwoFactor(EnableAuthenticatorForm form, [FromServices] IValidator<EnableAuthenticatorForm> validator)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToAction(nameof(Login));
        }

        ModelState.AddErrors(await validator.ValidateAsync(form));
        if (ModelState.IsValid)
        {
            var code = form.Code!.Replace(" ", "", StringComparison.Ordinal).Trim();
            var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
            if (valid)
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
                await signIn.RefreshSignInAsync(user);
                await audit.RecordAsync(user.Id, AuditAction.Updated, [AccountAudit.Change("Two-factor authentication", "Off", "On (authenticator app enrolled)")]);
                return View("RecoveryCodes", codes?.ToList() ?? []);
            }

            ModelState.AddModelError(nameof(form.Code), "The code is not correct. Check your app shows this account and enter its current code.");
        }

        return View(await BuildSetupAsync(user, false, form));
    }

    [HttpPost("two-factor/disable")]
    public async Task<IActionResult> DisableTwoFactor()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToAction(nameof(Login));
        }

        var roles = await users.GetRolesAsync(user);
        if (IsTwoFactorRequired(user, roles))
        {
            return Redirect("/account");
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(user.Id, AuditAction.Updated, [AccountAudit.Change("Two-factor authentication", "On", "Off (turned off by its owner)")]);
        return Redirect("/account?notice=saved");
    }

    private bool IsTwoFactorRequired(ApplicationUser user, IList<string> roles) =>
        !user.TwoFactorExempt && accountOptions.Value.RequireTwoFactorForRoles.Any(roles.Contains);

    /// <summary>
    /// Makes the user's authenticator key. A new key changes the security stamp, which would end this session too, so
    /// the session carries on with the new stamp. False when another request made one at the same moment.
    /// </summary>
    private async Task<bool> MakeAuthenticatorKeyAsync(ApplicationUser user)
    {
        IdentityResult made;
        try
        {
            made = await users.ResetAuthenticatorKeyAsync(user);
        }
        catch (DbUpdateException)
        {
            // The other request's key was saved first (the token's unique key, or the user's stamp, clashed).
            made = IdentityResult.Failed();
        }

        if (made.Succeeded)
        {
            await signIn.RefreshSignInAsync(user);
        }

        return made.Succeeded;
    }

    private async Task<AuthenticatorSetup> BuildSetupAsync(ApplicationUser user, bool required, EnableAuthenticatorForm form)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) && await MakeAuthenticatorKeyAsync(user))
        {
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        var issuer = Uri.EscapeDataString(portal.Value.Name);
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={issuer}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new AuthenticatorSetup
        {
            SharedKey = FormatKey(key!),
            QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(png),
            Required = required,
            Form = form,
        };
    }

    private static string FormatKey(string key)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return builder.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>A single-use link to choose a password, for a reset or an invitation: always on the portal's public address.</summary>
    internal static async Task<string> PasswordLinkAsync(UserManager<ApplicationUser> users, PublicLinks links, ApplicationUser user)
    {
        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        return links.Absolute($"/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&token={Uri.EscapeDataString(token)}");
    }

    private ViewResult Throttled<TForm>(TForm form, string field, ThrottledAction action, string what)
    {
        logger.LogWarning("{Action} throttled for a client", action);
        ModelState.AddModelError(field, $"{what}. Wait {throttle.WindowMinutes(action)} minutes and try again");
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return View(form);
    }

    /// <summary>
    /// The attempt that locked the account: recorded, and its owner told by email, since the sign-in page says nothing
    /// an outsider could use.
    /// </summary>
    private async Task AccountLockedAsync(ApplicationUser user)
    {
        logger.LogWarning("Account {UserId} locked out after failed sign-ins", user.Id);
        var until = await users.GetLockoutEndDateAsync(user);
        await audit.RecordAsync(user.Id, AuditAction.Updated,
            [AccountAudit.Change("Locked until", null, until is null ? null : Format.DateTime(until.Value.UtcDateTime))],
            byUserId: null, byName: "system (failed sign-ins)", HttpContext.RequestAborted);
        var minutes = accountOptions.Value.LockoutMinutes;
        var reset = links.Absolute("/account/forgot-password");
        try
        {
            await email.SendAsync(new EmailMessage(
                user.Email!,
                $"Your {portal.Value.Name} portal account has been locked",
                $"Hello {user.DisplayName},\n\nSomeone tried to sign in to your account with the wrong password {accountOptions.Value.MaxFailedAccessAttempts} times, " +
                $"so it has been locked for {minutes} minutes.\n\nIf it was you, wait and try again, or choose a new password: {reset}\n\n" +
                "If it was not you, choose a new password now and tell the partnership team.\n",
                $"<p>Hello {HtmlEncoder.Default.Encode(user.DisplayName)},</p><p>Someone tried to sign in to your account with the wrong password " +
                $"{accountOptions.Value.MaxFailedAccessAttempts} times, so it has been locked for {minutes} minutes.</p>" +
                $"<p>If it was you, wait and try again, or <a href=\"{HtmlEncoder.Default.Encode(reset)}\">choose a new password</a>.</p>" +
                "<p>If it was not you, choose a new password now and tell the partnership team.</p>"), HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not email the owner of locked account {UserId}", user.Id);
        }
    }

    private async Task RecordSignInAsync(ApplicationUser user)
    {
        user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
    }

    /// <summary>
    /// After signing in: the page asked for, if any and local; otherwise the user's dashboard, or "my work" for
    /// those without one.
    /// </summary>
    private async Task<string> LandingAsync(string? returnUrl, ApplicationUser user)
    {
        if (!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl))
        {
            return returnUrl;
        }

        // Just signed in: the request still carries the anonymous user, so the policies are asked of the principal
        // the sign-in cookie holds.
        return await LandingAsync(null, await signIn.CreateUserPrincipalAsync(user));
    }

    private async Task<string> LandingAsync(string? returnUrl, ClaimsPrincipal user) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl)
            ? returnUrl
            : await Landing.UrlAsync(db, authz, user, UkTime.Today(clock), HttpContext.RequestAborted);

    internal static string PasswordMessage(IdentityError error) => error.Code switch
    {
        "PasswordTooShort" => error.Description.Replace("Passwords must be at least", "Password must be at least", StringComparison.Ordinal),
        "PasswordRequiresUniqueChars" => "Password must use at least 4 different characters",
        _ => error.Description,
    };
}
