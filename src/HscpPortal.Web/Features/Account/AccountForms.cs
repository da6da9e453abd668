using FluentValidation;

namespace HscpPortal.Web.Features.Account;

public sealed class LoginForm
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class LoginFormValidator : AbstractValidator<LoginForm>
{
    public LoginFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter your email address").MaximumLength(256).WithMessage("Email address must be 256 characters or fewer");
        RuleFor(f => f.Password).NotEmpty().WithMessage("Enter your password").MaximumLength(512).WithMessage("Password must be 512 characters or fewer");
    }
}

public sealed class TwoFactorLoginForm
{
    public string? Code { get; set; }
    public bool RememberMachine { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class TwoFactorLoginFormValidator : AbstractValidator<TwoFactorLoginForm>
{
    public TwoFactorLoginFormValidator()
    {
        RuleFor(f => f.Code).NotEmpty().WithMessage("Enter the 6-digit code from your authenticator app")
            .Matches(@"^\s*\d{3}\s?\d{3}\s*$").WithMessage("The code must be 6 digits");
    }
}

public sealed class RecoveryCodeForm
{
    public string? RecoveryCode { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class RecoveryCodeFormValidator : AbstractValidator<RecoveryCodeForm>
{
    public RecoveryCodeFormValidator()
    {
        RuleFor(f => f.RecoveryCode).NotEmpty().WithMessage("Enter one of your recovery codes").MaximumLength(64).WithMessage("Recovery code must be 64 characters or fewer");
    }
}

public sealed class ForgotPasswordForm
{
    public string? Email { get; set; }
}

public sealed class ForgotPasswordFormValidator : AbstractValidator<ForgotPasswordForm>
{
    public ForgotPasswordFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter your email address")
            .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.org").MaximumLength(256).WithMessage("Email address must be 256 characters or fewer");
    }
}

public sealed class ResetPasswordForm
{
    public string? Email { get; set; }
    public string? Token { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
}

public sealed class ResetPasswordFormValidator : AbstractValidator<ResetPasswordForm>
{
    public ResetPasswordFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter your email address").MaximumLength(256).WithMessage("Email address must be 256 characters or fewer");
        RuleFor(f => f.Token).NotEmpty().WithMessage("The reset link is incomplete: use the link from the email again");
        RuleFor(f => f.Password).NotEmpty().WithMessage("Enter a new password").MaximumLength(512).WithMessage("Password must be 512 characters or fewer");
        RuleFor(f => f.ConfirmPassword).Equal(f => f.Password).WithMessage("The passwords do not match");
    }
}

public sealed class ChangePasswordForm
{
    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
    public string? ConfirmPassword { get; set; }
}

public sealed class ChangePasswordFormValidator : AbstractValidator<ChangePasswordForm>
{
    public ChangePasswordFormValidator()
    {
        RuleFor(f => f.CurrentPassword).NotEmpty().WithMessage("Enter your current password").MaximumLength(512).WithMessage("Current password must be 512 characters or fewer");
        RuleFor(f => f.NewPassword).NotEmpty().WithMessage("Enter a new password").MaximumLength(512).WithMessage("New password must be 512 characters or fewer");
        RuleFor(f => f.ConfirmPassword).Equal(f => f.NewPassword).WithMessage("The passwords do not match");
    }
}

public sealed class EnableAuthenticatorForm
{
    public string? Code { get; set; }
}

public sealed class EnableAuthenticatorFormValidator : AbstractValidator<EnableAuthenticatorForm>
{
    public EnableAuthenticatorFormValidator()
    {
        RuleFor(f => f.Code).NotEmpty().WithMessage("Enter the 6-digit code from your authenticator app")
            .Matches(@"^\s*\d{3}\s?\d{3}\s*$").WithMessage("The code must be 6 digits");
    }
}

public sealed class AuthenticatorSetup
{
    public required string SharedKey { get; init; }
    public required string QrCodeDataUri { get; init; }
    public bool Required { get; init; }
    public EnableAuthenticatorForm Form { get; init; } = new();
}

public sealed class AccountSummary
{
    public required string Email { get; init; }
    public required string DisplayName { get; init; }
    public required IReadOnlyList<string> Roles { get; init; }
    public bool TwoFactorEnabled { get; init; }
    public bool TwoFactorRequired { get; init; }
    public int RecoveryCodesLeft { get; init; }
    public string? PersonName { get; init; }
    public int? PersonId { get; init; }

    /// <summary>Null when the account has no person record: reminders go to people, not accounts.</summary>
    public ReminderPreferencesForm? Reminders { get; init; }

    /// <summary>The browsers signed in to this account now, this one included.</summary>
    public IReadOnlyList<SessionRow> Sessions { get; init; } = [];
}

public sealed record SessionRow(string Browser, DateTime SignedInAt, DateTime LastRenewedAt);

/// <summary>A short, readable name for a browser from its User-Agent, so that a user can tell their sessions apart.</summary>
public static class BrowserName
{
    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown browser";
        }

        var browser = userAgent switch
        {
            _ when userAgent.Contains("Edg/", StringComparison.Ordinal) => "Edge",
            _ when userAgent.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
            _ when userAgent.Contains("Chrome/", StringComparison.Ordinal) || userAgent.Contains("Chromium/", StringComparison.Ordinal) => "Chrome",
            _ when userAgent.Contains("Safari/", StringComparison.Ordinal) => "Safari",
            _ => "A browser",
        };
        var system = userAgent switch
        {
            _ when userAgent.Contains("iPhone", StringComparison.Ordinal) || userAgent.Contains("iPad", StringComparison.Ordinal) => "iOS",
            _ when userAgent.Contains("Android", StringComparison.Ordinal) => "Android",
            _ when userAgent.Contains("Windows", StringComparison.Ordinal) => "Windows",
            _ when userAgent.Contains("Mac OS X", StringComparison.Ordinal) => "macOS",
            _ when userAgent.Contains("Linux", StringComparison.Ordinal) => "Linux",
            _ => null,
        };
        return system is null ? browser : $"{browser} on {system}";
    }
}

public sealed class ReminderPreferencesForm
{
    public bool DailyDigest { get; set; }
    public bool WeeklySummary { get; set; }
    public Guid Version { get; set; }
}
