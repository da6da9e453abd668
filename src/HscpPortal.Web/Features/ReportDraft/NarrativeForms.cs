using FluentValidation;

namespace HscpPortal.Web.Features.ReportDraft;

/// <summary>A narrative section's or a commentary's new text, saved as a new version.</summary>
public sealed class NarrativeForm
{
    public const int MaxLength = 20_000;

    public string? Text { get; set; }

    /// <summary>The version the writer started from (0 for none), so a save over someone else's newer one is refused.</summary>
    public int BaseVersion { get; set; }
}

public sealed class NarrativeFormValidator : AbstractValidator<NarrativeForm>
{
    public NarrativeFormValidator()
    {
        RuleFor(f => f.Text)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter the text")
            .MaximumLength(NarrativeForm.MaxLength).WithMessage($"The text must be {NarrativeForm.MaxLength:N0} characters or fewer");
    }
}

/// <summary>The narrative editor: the section, its current text and whether it can still be changed.</summary>
public sealed class NarrativeEditPage
{
    public required string Year { get; init; }
    public required string TextKey { get; init; }
    public required string SectionKey { get; init; }
    public required string SectionTitle { get; init; }
    public required bool IsCommentary { get; init; }

    /// <summary>A data section's impact statement rather than its commentary.</summary>
    public bool IsImpact { get; init; }
    public required bool Published { get; init; }
    public required int CurrentVersion { get; init; }
    public required NarrativeForm Form { get; init; }

    /// <summary>Who signs the foreword rather than the foreword's text.</summary>
    public bool IsSignatories => TextKey == Reporting.ReportSectionKeys.ForewordSignatories;

    public string Heading => IsSignatories ? "Who signs the foreword" : IsImpact ? $"Impact of {SectionTitle.ToLowerInvariant()}"
        : IsCommentary ? $"Commentary on {SectionTitle.ToLowerInvariant()}" : SectionTitle;
    public string Url => $"/reports/yearly/{Year}/sections/{TextKey}";
}

public sealed record NarrativeVersionRow(int Version, DateTime At, string? By, string Text);

public sealed class NarrativeHistoryPage
{
    public required string Year { get; init; }
    public required string TextKey { get; init; }
    public required string Heading { get; init; }
    public required IReadOnlyList<NarrativeVersionRow> Versions { get; init; }
}
