using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Escalations;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure.Export;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Section11;

public sealed record RoundRow(int Id, string Title, SelfAssessmentKind Kind, int CycleYear, DateOnly Deadline, int InScope, int Returned, int InProgress);

public sealed record MyReturnRow(int Id, string Round, string Organisation, DateOnly Deadline, ReturnStatus Status);

public sealed class RoundList
{
    public required IReadOnlyList<RoundRow> Rounds { get; init; }
    public required IReadOnlyList<MyReturnRow> MyReturns { get; init; }
    public required bool CanView { get; init; }
    public required bool CanManage { get; init; }

    public static readonly IReadOnlyList<ExportColumn<RoundRow>> Columns =
    [
        new("Title", r => r.Title),
        new("Kind", r => SelfAssessmentRules.Describe(r.Kind)),
        new("Cycle year", r => r.CycleYear),
        new("Deadline", r => r.Deadline),
        new("Organisations in scope", r => r.InScope),
        new("Returned", r => r.Returned),
        new("In progress", r => r.InProgress),
        new("Not started", r => r.InScope - r.Returned - r.InProgress),
    ];
}

/// <summary>One cell of the matrix: an organisation's rating on a standard, and how it moved since its last return.</summary>
public sealed record MatrixCell(int? Rating, RatingChange Change, int? AnswerId, bool HasAction);

public sealed record MatrixRow(int ReturnId, string Organisation, string Lead, ReturnStatus Status, DateOnly? SubmittedOn, IReadOnlyList<MatrixCell> Cells)
{
    /// <summary>When the lead was last reminded of this return, by the daily run or the team.</summary>
    public DateTime? LastReminded { get; init; }

    /// <summary>Whether the team has already pressed "send a reminder now" for this return today.</summary>
    public bool RemindedToday { get; init; }

    public Guid Version { get; init; }
}

/// <summary>A return taken out of the round's scope: archived, so it can be brought back.</summary>
public sealed record ArchivedReturnRow(int ReturnId, string Organisation, string Lead, Guid Version);

public sealed record SessionRow(int Id, DateOnly HeldOn, string? Chair, IReadOnlyList<string> Organisations, string? Notes)
{
    public Guid Version { get; init; }
}

/// <summary>A session taken off the round's page: archived, so the team can bring it back.</summary>
public sealed record ArchivedSessionRow(int Id, DateOnly HeldOn, string? ArchivedBy, Guid Version);

public sealed class RoundDetails
{
    public required SelfAssessmentRound Round { get; init; }
    public required IReadOnlyList<string> Standards { get; init; }
    public required IReadOnlyList<string> Scale { get; init; }
    public required IReadOnlyList<MatrixRow> Rows { get; init; }
    public required IReadOnlyList<SessionRow> Sessions { get; init; }
    public required string? PreviousRound { get; init; }
    public required bool CanManage { get; init; }
    public IReadOnlyList<ArchivedReturnRow> OutOfScope { get; init; } = [];
    public IReadOnlyList<ArchivedSessionRow> ArchivedSessions { get; init; } = [];

    public int Count(ReturnStatus status) => Rows.Count(r => r.Status == status);

    public string ScaleText(int level) => level >= 1 && level <= Scale.Count ? Scale[level - 1] : $"Level {level}";

    public static readonly IReadOnlyList<ExportColumn<MatrixRow>> ReturnColumns =
    [
        new("Organisation", r => r.Organisation),
        new("Lead", r => r.Lead),
        new("Status", r => SelfAssessmentRules.Describe(r.Status)),
        new("Submitted", r => r.SubmittedOn),
        new("Last reminded", r => r.LastReminded is { } at ? Format.DateTime(at) : null),
    ];

    /// <summary>The matrix as a table: a column per standard holding the rating's words and, after it, the change since the last round.</summary>
    public IReadOnlyList<ExportColumn<MatrixRow>> MatrixColumns() =>
    [
        new("Organisation", r => r.Organisation),
        new("Status", r => SelfAssessmentRules.Describe(r.Status)),
        .. Standards.SelectMany((text, i) => new ExportColumn<MatrixRow>[]
        {
            new($"{i + 1}. {text}", r => r.Status == ReturnStatus.Submitted && r.Cells[i].Rating is { } level ? ScaleText(level) : null),
            new($"{i + 1}. Change since last round", r => r.Status == ReturnStatus.Submitted && r.Cells[i].Rating is not null ? SelfAssessmentRules.Describe(r.Cells[i].Change) : null),
        }),
    ];

    public static string ExportUrl(string path, ExportFormat format) => $"{path}?format={format.ToString().ToLowerInvariant()}";
}

/// <summary>Opening a round: its kind, cycle, standards and scale (one per line), deadline and the leads in scope.</summary>
public sealed class RoundForm
{
    public SelfAssessmentKind? Kind { get; set; }
    public string? Title { get; set; }
    public int? CycleYear { get; set; }
    [Display(Name = "Date the round opens")]
    public DateOnly? OpensOn { get; set; }
    [Display(Name = "Deadline")]
    public DateOnly? Deadline { get; set; }
    public string? Standards { get; set; }
    public string? RatingScale { get; set; }
    public int? ActionFromLevel { get; set; }
    public int? GroupId { get; set; }

    /// <summary>The people who complete a return, one per organisation: each lead brings their organisation into scope.</summary>
    public List<int> LeadPersonIds { get; set; } = [];
}

public sealed class RoundFormValidator : AbstractValidator<RoundForm>
{
    public RoundFormValidator(PortalDbContext db)
    {
        RuleFor(f => f.Kind).NotNull().WithMessage("Select whether the round is Section 11 or Section 175")
            .IsInEnum().WithMessage("Select whether the round is Section 11 or Section 175");
        RuleFor(f => f.Title).NotEmpty().WithMessage("Enter the round's title")
            .MaximumLength(200).WithMessage("The title must be 200 characters or fewer")
            .NoPersonalData("The title");
        RuleFor(f => f.CycleYear).NotNull().WithMessage("Enter the year of the cycle, for example 2025")
            .InclusiveBetween(2000, 2100).WithMessage("The year of the cycle must be between 2000 and 2100");
        RuleFor(f => f.OpensOn).NotNull().WithMessage("Enter the date the round opens");
        RuleFor(f => f.Deadline).NotNull().WithMessage("Enter the deadline for returns");
        RuleFor(f => f.Deadline).Must((f, d) => d >= f.OpensOn).When(f => f.Deadline is not null && f.OpensOn is not null)
            .WithMessage("The deadline must be on or after the date the round opens");
        RuleFor(f => f.Standards).Must(s => SelfAssessmentRules.Lines(s).Count > 0).WithMessage("Enter the standards, one per line")
            .MaximumLength(8000).WithMessage("The standards must be 8,000 characters or fewer")
            .Must(s => SelfAssessmentRules.Lines(s).All(l => l.Length <= 500)).WithMessage("Each standard must be 500 characters or fewer")
            .NoPersonalData("The standards");
        RuleFor(f => f.RatingScale).Must(s => SelfAssessmentRules.Lines(s).Count >= 2).WithMessage("Enter at least two levels of the rating scale, best first, one per line")
            .MaximumLength(1000).WithMessage("The rating scale must be 1,000 characters or fewer")
            .Must(s => SelfAssessmentRules.Lines(s).All(l => l.Length <= 100)).WithMessage("Each level of the scale must be 100 characters or fewer");
        RuleFor(f => f.ActionFromLevel).NotNull().WithMessage("Enter the level from which a rating proposes an action")
            .Must((f, level) => level >= 1 && level <= Math.Max(1, SelfAssessmentRules.Lines(f.RatingScale).Count))
            .When(f => f.ActionFromLevel is not null)
            .WithMessage("The level that proposes an action must be one of the scale's levels, counted from 1 at the best");
        RuleFor(f => f.GroupId).NotNull().WithMessage("Select the group whose action plan takes the round's actions")
            .MustAsync(async (id, ct) => id is null || await db.Groups.AnyAsync(g => g.Id == id && g.IsLive() && g.Status == GroupStatus.Active, ct))
            .WithMessage("Select the group whose action plan takes the round's actions");
        RuleFor(f => f.LeadPersonIds).Must(ids => ids.Count > 0).WithMessage("Select the lead of each organisation in scope");
        RuleFor(f => f.LeadPersonIds).CustomAsync(async (ids, context, ct) =>
        {
            var distinct = ids.Distinct().ToList();
            var people = await db.People.AsNoTracking().Where(p => distinct.Contains(p.Id) && p.IsLive())
                .Select(p => new { p.Id, p.OrganisationId, Organisation = p.Organisation!.Name }).ToListAsync(ct);
            if (people.Count != distinct.Count)
            {
                context.AddFailure("Select the leads from the list");
                return;
            }

            foreach (var twice in people.GroupBy(p => p.Organisation).Where(g => g.Count() > 1))
            {
                context.AddFailure($"Select one lead for {twice.Key}, not {twice.Count()}");
            }
        });
    }
}

/// <summary>An organisation's answer on one standard, as the form posts it.</summary>
public sealed class AnswerForm
{
    public int? Rating { get; set; }
    public string? Comments { get; set; }
    public string? Evidence { get; set; }

    /// <summary>A file chosen as evidence for this standard, stored when the form is saved.</summary>
    public IFormFile? File { get; set; }
}

/// <summary>A live evidence file, listed under its standard with a download link.</summary>
public sealed record EvidenceFileRow(int Id, int StandardNumber, string FileName, long Size);

public sealed class ReturnForm
{
    public Guid Version { get; set; }
    public List<AnswerForm> Answers { get; set; } = [];

    /// <summary>"submit" to submit the return; "remove-{file id}" removes that evidence file; anything else saves a draft.</summary>
    public string? Action { get; set; }

    public bool Submitting => string.Equals(Action, "submit", StringComparison.Ordinal);

    /// <summary>The evidence file the lead asked to remove, when the button pressed was a file's "Remove".</summary>
    public int? RemovingFileId =>
        Action is { } a && a.StartsWith("remove-", StringComparison.Ordinal)
        && int.TryParse(a.AsSpan(7), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The return's live evidence files, set by the controller for the page.</summary>
    [BindNever]
    public IReadOnlyList<EvidenceFileRow> Files { get; set; } = [];

    /// <summary>The accepted file types and size, from the storage settings, for the file inputs' hint.</summary>
    [BindNever]
    public string FileHint { get; set; } = "";

    [BindNever]
    public string FileAccept { get; set; } = "";

    /// <summary>The round's standards and scale, set by the controller for the validator and the page.</summary>
    [BindNever]
    public IReadOnlyList<string> Standards { get; set; } = [];

    [BindNever]
    public IReadOnlyList<string> Scale { get; set; } = [];
}

public sealed class ReturnFormValidator : AbstractValidator<ReturnForm>
{
    public ReturnFormValidator()
    {
        RuleFor(f => f.Answers).Must((f, answers) => answers.Count == f.Standards.Count)
            .WithMessage("The form did not carry an answer for every standard: reload the page and try again");
        RuleForEach(f => f.Answers).ChildRules(answer =>
        {
            answer.RuleFor(a => a.Comments).MaximumLength(4000).WithMessage("Comments must be 4,000 characters or fewer")
                .NoPersonalData("The comments");
            answer.RuleFor(a => a.Evidence).MaximumLength(2000).WithMessage("Evidence links must be 2,000 characters or fewer")
                .Must(e => SelfAssessmentRules.Lines(e).All(IsLink))
                .WithMessage("Enter each piece of evidence as a web link starting with https:// or http://, one per line");
        });
        RuleFor(f => f).Custom((f, context) =>
        {
            for (var i = 0; i < f.Answers.Count; i++)
            {
                var rating = f.Answers[i].Rating;
                if (rating is { } r && (r < 1 || r > f.Scale.Count))
                {
                    context.AddFailure($"Answers[{i}].Rating", $"Select a rating for standard {i + 1} from the scale");
                }
                else if (rating is null && f.Submitting && i < f.Standards.Count)
                {
                    context.AddFailure($"Answers[{i}].Rating", $"Rate standard {i + 1} before you submit the return");
                }
            }
        });
    }

    private static bool IsLink(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

public sealed class SessionForm
{
    public Guid Version { get; set; }
    [Display(Name = "Date of the session")]
    public DateOnly? HeldOn { get; set; }
    public int? ChairPersonId { get; set; }
    public List<int> OrganisationIds { get; set; } = [];
    public string? Notes { get; set; }
}

public sealed class SessionFormValidator : AbstractValidator<SessionForm>
{
    public SessionFormValidator(PortalDbContext db)
    {
        RuleFor(f => f.HeldOn).NotNull().WithMessage("Enter the date of the session");
        RuleFor(f => f.ChairPersonId)
            .MustAsync(async (id, ct) => id is null || await db.People.AnyAsync(p => p.Id == id && p.IsLive(), ct))
            .WithMessage("Select who chaired the session from the list");
        RuleFor(f => f.OrganisationIds).Must(ids => ids.Count > 0).WithMessage("Select the organisations that attended");
        RuleFor(f => f.Notes).MaximumLength(8000).WithMessage("The notes must be 8,000 characters or fewer")
            .NoPersonalData("The notes");
    }
}

/// <summary>
/// Changing a round after it opened: its title, description and deadline always; its standards and scale only while
/// no return has been submitted, since a submitted return's ratings are answers to them.
/// </summary>
public sealed class RoundChangeForm
{
    public Guid Version { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    [Display(Name = "Deadline")]
    public DateOnly? Deadline { get; set; }
    public string? Standards { get; set; }
    public string? RatingScale { get; set; }
    public int? ActionFromLevel { get; set; }

    [BindNever]
    public DateOnly OpensOn { get; set; }

    [BindNever]
    public bool Locked { get; set; }
}

public sealed class RoundChangeFormValidator : AbstractValidator<RoundChangeForm>
{
    public RoundChangeFormValidator()
    {
        RuleFor(f => f.Title).NotEmpty().WithMessage("Enter the round's title")
            .MaximumLength(200).WithMessage("The title must be 200 characters or fewer")
            .NoPersonalData("The title");
        RuleFor(f => f.Description).MaximumLength(4000).WithMessage("The description must be 4,000 characters or fewer")
            .NoPersonalData("The description");
        RuleFor(f => f.Deadline).NotNull().WithMessage("Enter the deadline for returns");
        RuleFor(f => f.Deadline).Must((f, d) => d >= f.OpensOn).When(f => f.Deadline is not null)
            .WithMessage("The deadline must be on or after the date the round opens");
        RuleFor(f => f.Standards).Must(s => SelfAssessmentRules.Lines(s).Count > 0).WithMessage("Enter the standards, one per line")
            .MaximumLength(8000).WithMessage("The standards must be 8,000 characters or fewer")
            .Must(s => SelfAssessmentRules.Lines(s).All(l => l.Length <= 500)).WithMessage("Each standard must be 500 characters or fewer")
            .NoPersonalData("The standards")
            .When(f => !f.Locked);
        RuleFor(f => f.RatingScale).Must(s => SelfAssessmentRules.Lines(s).Count >= 2).WithMessage("Enter at least two levels of the rating scale, best first, one per line")
            .MaximumLength(1000).WithMessage("The rating scale must be 1,000 characters or fewer")
            .Must(s => SelfAssessmentRules.Lines(s).All(l => l.Length <= 100)).WithMessage("Each level of the scale must be 100 characters or fewer")
            .When(f => !f.Locked);
        RuleFor(f => f.ActionFromLevel).NotNull().WithMessage("Enter the level from which a rating proposes an action")
            .Must((f, level) => level >= 1 && level <= Math.Max(1, SelfAssessmentRules.Lines(f.RatingScale).Count))
            .When(f => f.ActionFromLevel is not null)
            .WithMessage("The level that proposes an action must be one of the scale's levels, counted from 1 at the best")
            .When(f => !f.Locked);
    }
}

/// <summary>A lead for a return: changing the lead of one in scope, or bringing an organisation into scope with its lead.</summary>
public sealed class LeadForm
{
    public Guid Version { get; set; }
    public int? LeadPersonId { get; set; }
}
