using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Reporting;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace HscpPortal.Web.Features.YearlyReports;

public sealed record YearRow(
    ReportingYear Year, ReportStatus? Status, DateOnly Deadline, bool Overdue, DateTime? PublishedAt, int SignOffs);

public sealed class IndexPage
{
    public IReadOnlyList<YearRow> Years { get; set; } = [];
    public bool CanStart { get; set; }
    /// <summary>The year typed into the start form, shown again when it is refused.</summary>
    public string? Year { get; set; }
}

public sealed class StartReportForm
{
    public string? Year { get; set; }
}

public sealed class StartReportFormValidator : AbstractValidator<StartReportForm>
{
    public StartReportFormValidator()
    {
        RuleFor(f => f.Year).NotEmpty().WithMessage("Enter the reporting year, for example 2024-25")
            .Must(y => ReportingYear.TryParse(y, out _)).When(f => !string.IsNullOrWhiteSpace(f.Year), ApplyConditionTo.CurrentValidator)
            .WithMessage("Enter the reporting year like 2024-25");
    }
}

public enum StepState
{
    Done,
    Current,
    NotStarted,
}

public sealed record WorkflowStep(string Name, string Description, StepState State);

public sealed record CommentView(int Id, Guid Version, string Text, string? By, DateTime At, string? Response, DateTime? ResolvedAt, string? ResolvedBy);

public sealed record SectionComments(string Key, string Title, IReadOnlyList<CommentView> Comments);

public sealed record PublicationView(int Edition, DateTime PublishedAt, string? PublishedBy, string HtmlSha256, string PdfSha256, int PdfBytes);

public sealed record RecipientView(int Id, Guid Version, string Name, DateOnly DueOn, DateOnly? SentOn, string? SentBy, string? Notes, bool Overdue);

public sealed class WorkflowPage
{
    public required ReportingYear Year { get; init; }
    public int ReportId { get; init; }
    public Guid Version { get; init; }
    public ReportStatus Status { get; init; }
    public DateOnly Deadline { get; init; }
    public bool Overdue { get; init; }
    public DateTime? PublishedAt { get; init; }
    public IReadOnlyList<WorkflowStep> Steps { get; init; } = [];
    public IReadOnlyList<SectionComments> Comments { get; init; } = [];
    public int OpenComments { get; init; }
    public IReadOnlyList<PartnerSignOff> Partners { get; init; } = [];
    public IReadOnlySet<int> MySeats { get; init; } = new HashSet<int>();
    public bool AllSigned { get; init; }
    public IReadOnlyList<ReadinessItem> Readiness { get; init; } = [];
    public PublicationView? Publication { get; init; }
    public IReadOnlyList<RecipientView> Recipients { get; init; } = [];
    public bool CanEdit { get; init; }
    public bool CanReview { get; init; }
    public bool CanPublish { get; init; }
}

public sealed class CommentForm
{
    public string? Section { get; set; }
    public string? Text { get; set; }

    public ReportingYear Year { get; set; }
    public IReadOnlyList<SelectListItem> Sections { get; set; } = [];
}

public sealed class CommentFormValidator : AbstractValidator<CommentForm>
{
    public CommentFormValidator()
    {
        // Whether the section is in the report's outline is checked by the controller, which has the outline.
        RuleFor(f => f.Section).NotEmpty().WithMessage("Select the section the comment is about");
        RuleFor(f => f.Text).NotEmpty().WithMessage("Enter your comment")
            .MaximumLength(8000).WithMessage("The comment must be 8,000 characters or fewer");
    }
}

public sealed class RespondForm
{
    public Guid Version { get; set; }
    public string? Response { get; set; }
    public bool Resolve { get; set; }

    public ReportingYear Year { get; set; }
    public int CommentId { get; set; }
    public string SectionTitle { get; set; } = "";
    public string Comment { get; set; } = "";
    public string? CommentBy { get; set; }
}

public sealed class RespondFormValidator : AbstractValidator<RespondForm>
{
    public RespondFormValidator()
    {
        RuleFor(f => f.Response).NotEmpty().WithMessage("Enter the team's response")
            .MaximumLength(8000).WithMessage("The response must be 8,000 characters or fewer");
    }
}

public sealed class RecipientForm
{
    public string? Name { get; set; }
    [Display(Name = "Due date")]
    public DateOnly? DueOn { get; set; }
    public string? Notes { get; set; }

    public ReportingYear Year { get; set; }
}

public sealed class RecipientFormValidator : AbstractValidator<RecipientForm>
{
    public RecipientFormValidator()
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("Enter who the report is sent to")
            .MaximumLength(200).WithMessage("The recipient must be 200 characters or fewer");
        RuleFor(f => f.DueOn).NotNull().WithMessage("Enter the date it is due to be sent by");
        RuleFor(f => f.Notes).MaximumLength(2000).WithMessage("The notes must be 2,000 characters or fewer");
    }
}

public sealed class SentForm
{
    public Guid Version { get; set; }
    [Display(Name = "Date sent")]
    public DateOnly? SentOn { get; set; }

    public ReportingYear Year { get; set; }
    public int RecipientId { get; set; }
    public string Name { get; set; } = "";
    public DateOnly DueOn { get; set; }
}

public sealed class SentFormValidator : AbstractValidator<SentForm>
{
    public SentFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.SentOn).NotNull().WithMessage("Enter the date the report was sent")
            .Must(d => d <= UkTime.Today(clock)).When(f => f.SentOn is not null, ApplyConditionTo.CurrentValidator).WithMessage("The date sent must be today or in the past");
    }
}

/// <summary>Why the report does not cover a statutory item the readiness check finds missing.</summary>
public sealed class OmissionForm
{
    public Guid Version { get; set; }
    public string? Reason { get; set; }

    public ReportingYear Year { get; set; }
    public string ItemKey { get; set; } = "";
    public string Requirement { get; set; } = "";
    public string Detail { get; set; } = "";
    public bool Recorded { get; set; }
}

public sealed class OmissionFormValidator : AbstractValidator<OmissionForm>
{
    public OmissionFormValidator() =>
        RuleFor(f => f.Reason).NotEmpty().WithMessage("Enter why the report does not cover this, as readers will read it")
            .MaximumLength(2000).WithMessage("The reason must be 2,000 characters or fewer");
}

/// <summary>
/// A partner's sign-off of the yearly report, on a page that shows what they are signing: the report as it stands
/// (its fingerprint and when it was taken), whether every statutory item is covered, and a declaration to confirm.
/// </summary>
public sealed class SignOffForm
{
    /// <summary>The declaration's checkbox.</summary>
    public bool Confirm { get; set; }

    /// <summary>The content's fingerprint when the page was shown: the partner signs what they read, or reads it again.</summary>
    public string? Fingerprint { get; set; }

    public ReportingYear Year { get; set; }
    public int OrganisationId { get; set; }
    public string Organisation { get; set; } = "";
    public string SignerName { get; set; } = "";
    public RepresentationRole SignerRole { get; set; }
    public DateTime AssembledAt { get; set; }
    public IReadOnlyList<GateItem> Readiness { get; set; } = [];

    public bool Blocked => Readiness.Any(i => i.Blocks);

    public string Declaration =>
        $"I have read the {Year} yearly report, and {Organisation} agrees to its publication as the partnership's report for the year";
}

public sealed class SignOffFormValidator : AbstractValidator<SignOffForm>
{
    public SignOffFormValidator()
    {
        RuleFor(f => f.Confirm).Equal(true).WithMessage("Confirm that you have read the report and agree to its publication");
    }
}
