using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace HscpPortal.Web.Features.Actions;

/// <summary>What a form about one action shows of it above the fields.</summary>
public sealed record ActionHeader(int Id, string Title, int GroupId, string GroupName, ActionStatus Status, DateOnly DueDate, string OwnerName, bool SignOffRequested, bool Archived)
{
    public bool IsOpen => ActionRag.IsOpen(Status);
}

public static class ProgressOptions
{
    public static IReadOnlyList<SelectListItem> Statuses() =>
        ActionProgress.ProgressStatuses.Select(s => new SelectListItem(Format.Humanise(s), s.ToString())).ToList();
}

/// <summary>A progress update: a note, the status it leaves the action in, and perhaps a revised due date.</summary>
public sealed class ProgressForm
{
    public int ActionId { get; set; }
    public Guid Version { get; set; }
    public string? Note { get; set; }
    public ActionStatus? StatusAfter { get; set; }
    [Display(Name = "Revised due date")]
    public DateOnly? DueDate { get; set; }

    /// <summary>Where to go back to after saving, such as My actions; only local paths are followed.</summary>
    public string? ReturnUrl { get; set; }

    public DateOnly Today { get; set; }
    public ActionHeader? Action { get; set; }

    public bool RevisesDueDate => DueDate is { } due && Action is not null && due != Action.DueDate;
}

public sealed class ProgressFormValidator : AbstractValidator<ProgressForm>
{
    public ProgressFormValidator()
    {
        RuleFor(f => f.Note).NotEmpty().WithMessage(f => f.RevisesDueDate ? "Enter the reason for revising the due date" : "Enter a progress note")
            .MaximumLength(8000).WithMessage("The note must be 8,000 characters or fewer");
        RuleFor(f => f.StatusAfter).NotNull().WithMessage("Select the status after this update")
            .Must(s => s is null || ActionProgress.IsProgressStatus(s.Value))
            .WithMessage("Select not started, on track, at risk or off track: completion, closure and cancellation have their own steps");
        RuleFor(f => f.DueDate).Must((form, due) => due >= form.Today).When(f => f.RevisesDueDate)
            .WithMessage("The revised due date must be today or in the future");
        RuleFor(f => f.Action).Must(a => a is null || a.IsOpen)
            .WithMessage("This action is no longer open. Reopen it before recording progress")
            .OverridePropertyName("");
        RuleFor(f => f.Action).Must(a => a is null || !a.Archived)
            .WithMessage("This action is archived. Restore it before recording progress")
            .OverridePropertyName("");
    }
}

/// <summary>The owner asks for sign-off with the evidence of impact.</summary>
public sealed class SignOffRequestForm
{
    public int ActionId { get; set; }
    public Guid Version { get; set; }
    public string? Evidence { get; set; }

    public ActionHeader? Action { get; set; }
}

public sealed class SignOffRequestFormValidator : AbstractValidator<SignOffRequestForm>
{
    public SignOffRequestFormValidator()
    {
        RuleFor(f => f.Evidence).NotEmpty().WithMessage("Enter the evidence of impact")
            .MaximumLength(7000).WithMessage("The evidence must be 7,000 characters or fewer");
        RuleFor(f => f.Action).Must(a => a is null || a.IsOpen)
            .WithMessage("This action is no longer open, so there is nothing to sign off")
            .OverridePropertyName("");
        RuleFor(f => f.Action).Must(a => a is null || !a.Archived)
            .WithMessage("This action is archived. Restore it before asking for sign-off")
            .OverridePropertyName("");
    }
}

/// <summary>The chair's sign-off: the evidence (which the chair may enter or improve) and the date completed.</summary>
public sealed class SignOffForm
{
    public int ActionId { get; set; }
    public Guid Version { get; set; }
    public string? Evidence { get; set; }
    [Display(Name = "Date completed")]
    public DateOnly? CompletedOn { get; set; }

    public DateOnly Today { get; set; }
    public ActionHeader? Action { get; set; }
}

public sealed class SignOffFormValidator : AbstractValidator<SignOffForm>
{
    public SignOffFormValidator()
    {
        RuleFor(f => f.Evidence).NotEmpty().WithMessage("Enter the evidence of impact before signing the action off")
            .MaximumLength(7000).WithMessage("The evidence must be 7,000 characters or fewer");
        RuleFor(f => f.CompletedOn).NotNull().WithMessage("Enter the date the action was completed");
        RuleFor(f => f.CompletedOn).Must((form, on) => on <= form.Today).When(f => f.CompletedOn is not null)
            .WithMessage("The completion date must be today or in the past");
        RuleFor(f => f.Action).Must(a => a is null || a.IsOpen)
            .WithMessage("This action is no longer open, so it cannot be signed off. Reopen it first")
            .OverridePropertyName("");
    }
}

public enum ReasonStep
{
    Cancel,
    Close,
    Reopen,
    ReturnSignOff,
}

/// <summary>The steps that need only a reason: cancel, close, reopen, and returning a sign-off request.</summary>
public sealed class ReasonForm
{
    public int ActionId { get; set; }
    public Guid Version { get; set; }
    public string? Reason { get; set; }

    /// <summary>Only when reopening: the status the action reopens in.</summary>
    public ActionStatus? StatusAfter { get; set; }

    public ReasonStep Step { get; set; }
    public ActionHeader? Action { get; set; }

    public string Path => Step switch
    {
        ReasonStep.Cancel => "cancel",
        ReasonStep.Close => "close",
        ReasonStep.Reopen => "reopen",
        _ => "return-sign-off",
    };

    public string Heading => Step switch
    {
        ReasonStep.Cancel => "Cancel this action",
        ReasonStep.Close => "Close this action",
        ReasonStep.Reopen => "Reopen this action",
        _ => "Return the sign-off request",
    };

    public string Button => Step switch
    {
        ReasonStep.Cancel => "Cancel action",
        ReasonStep.Close => "Close action",
        ReasonStep.Reopen => "Reopen action",
        _ => "Return to the owner",
    };

    public string ReasonLabel => Step switch
    {
        ReasonStep.Cancel => "Why is the action cancelled?",
        ReasonStep.Close => "Why is the action closed?",
        ReasonStep.Reopen => "Why is the action reopened?",
        _ => "What does the owner need to do?",
    };

    public string? ReasonHint => Step switch
    {
        ReasonStep.Cancel => "For example, it is no longer needed",
        ReasonStep.Close => "For example, superseded by another action, or transferred to another group or plan",
        ReasonStep.ReturnSignOff => "For example, the evidence of impact to add",
        _ => null,
    };

    /// <summary>Whether the action is in a state this step applies to; the page explains when it is not.</summary>
    public bool Applies => Action is not null && Step switch
    {
        ReasonStep.Reopen => !Action.IsOpen,
        ReasonStep.ReturnSignOff => Action.IsOpen && Action.SignOffRequested,
        _ => Action.IsOpen,
    };

    public string NotApplicable => Step switch
    {
        ReasonStep.Reopen => "This action is open, so there is nothing to reopen.",
        ReasonStep.ReturnSignOff => "No one has asked for this action to be signed off, so there is no request to return.",
        _ => "This action is no longer open. Reopen it first.",
    };
}

public sealed class ReasonFormValidator : AbstractValidator<ReasonForm>
{
    public ReasonFormValidator()
    {
        RuleFor(f => f.Reason).NotEmpty().WithMessage(f => f.Step switch
            {
                ReasonStep.Cancel => "Enter why the action is cancelled",
                ReasonStep.Close => "Enter why the action is closed",
                ReasonStep.Reopen => "Enter why the action is reopened",
                _ => "Enter what the owner needs to do",
            })
            .MaximumLength(2000).WithMessage("The reason must be 2,000 characters or fewer");
        RuleFor(f => f.StatusAfter).NotNull().When(f => f.Step == ReasonStep.Reopen)
            .WithMessage("Select the status the action reopens in");
        RuleFor(f => f.StatusAfter).Must(s => s is null || ActionProgress.IsProgressStatus(s.Value)).When(f => f.Step == ReasonStep.Reopen)
            .WithMessage("Select not started, on track, at risk or off track");
        RuleFor(f => f.Action).Must((form, _) => form.Applies).When(f => f.Action is not null)
            .WithMessage(f => f.NotApplicable)
            .OverridePropertyName("");
    }
}
