using System.Globalization;
using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Escalations;
using HscpPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Performance;

/// <summary>Numbers as people type them ("1,076", " 95 ", "72.8%"), read in decimals; the text typed is kept for the form.</summary>
public static class NumberInput
{
    public static bool TryRead(string? text, out decimal value)
    {
        value = 0;
        var s = text?.Trim().TrimEnd('%').Trim();
        return !string.IsNullOrEmpty(s) && s.Length <= 30
            && decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("en-GB"), out value);
    }

    public static decimal? Read(string? text) => TryRead(text, out var v) ? v : null;

    public static bool IsBlankOrNumber(string? text) => string.IsNullOrWhiteSpace(text) || TryRead(text, out _);

    public static string? Show(decimal? value) => value?.ToString("0.####", CultureInfo.GetCultureInfo("en-GB"));
}

/// <summary>Adding (Id 0) or changing an indicator. A change of definition, unit, labels or population starts a new version.</summary>
public sealed class IndicatorForm
{
    public Guid Version { get; set; }
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Definition { get; set; }
    public IndicatorUnit? Unit { get; set; }
    public string? NumeratorLabel { get; set; }
    public string? DenominatorLabel { get; set; }
    public string? ChildPopulation { get; set; }
    public Polarity? Polarity { get; set; }
    public string? Target { get; set; }
    public string? Tolerance { get; set; }
    public IndicatorFrequency? Frequency { get; set; }
    public int? GroupId { get; set; }
    public int? SourceOrganisationId { get; set; }
    public int? PriorityId { get; set; }
    public List<PerformanceView> Views { get; set; } = [];
    public bool InYearlyReport { get; set; }

    /// <summary>Set by the controller when editing, so the code's uniqueness check skips the indicator itself.</summary>
    public int Id { get; set; }

    public static IndicatorForm From(Indicator i, IndicatorDefinition d) => new()
    {
        Id = i.Id,
        Version = i.Version,
        Code = i.Code,
        Name = i.Name,
        Definition = d.Definition,
        Unit = d.Unit,
        NumeratorLabel = d.NumeratorLabel,
        DenominatorLabel = d.DenominatorLabel,
        ChildPopulation = NumberInput.Show(d.ChildPopulation),
        Polarity = i.Polarity,
        Target = NumberInput.Show(i.Target),
        Tolerance = NumberInput.Show(i.Tolerance),
        Frequency = i.Frequency,
        GroupId = i.GroupId,
        SourceOrganisationId = i.SourceOrganisationId,
        PriorityId = i.PriorityId,
        Views = PerformanceRules.Tags(i.ViewTags).ToList(),
        InYearlyReport = i.InYearlyReport,
    };

    public void ApplyTo(Indicator i)
    {
        i.Code = Code!.Trim().ToUpperInvariant();
        i.Name = Name!.Trim();
        i.Polarity = Polarity!.Value;
        i.Target = NumberInput.Read(Target);
        i.Tolerance = NumberInput.Read(Tolerance);
        i.Frequency = Frequency!.Value;
        i.GroupId = GroupId!.Value;
        i.SourceOrganisationId = SourceOrganisationId;
        i.PriorityId = PriorityId;
        i.ViewTags = PerformanceRules.Tags(Views);
        i.InYearlyReport = InYearlyReport;
    }

    public IndicatorDefinition NewDefinition(int number) => new()
    {
        Number = number,
        Definition = Definition!.Trim(),
        Unit = Unit!.Value,
        NumeratorLabel = NumeratorLabel.NullIfBlank(),
        DenominatorLabel = Unit == IndicatorUnit.Percentage ? DenominatorLabel.NullIfBlank() : null,
        ChildPopulation = Unit == IndicatorUnit.RatePer10000 ? NumberInput.Read(ChildPopulation) : null,
    };

    /// <summary>Whether what is counted differs from the definition values were recorded against.</summary>
    public bool ChangesDefinition(IndicatorDefinition d)
    {
        var next = NewDefinition(d.Number);
        return next.Definition != d.Definition || next.Unit != d.Unit || next.NumeratorLabel != d.NumeratorLabel
            || next.DenominatorLabel != d.DenominatorLabel || next.ChildPopulation != d.ChildPopulation;
    }
}

public sealed class IndicatorFormValidator : AbstractValidator<IndicatorForm>
{
    public IndicatorFormValidator(PortalDbContext db)
    {
        RuleFor(f => f.Code).NotEmpty().WithMessage("Enter the indicator's code, for example CSC-04")
            .MaximumLength(20).WithMessage("The code must be 20 characters or fewer")
            .Matches("^[A-Za-z0-9][A-Za-z0-9 ._-]*$").WithMessage("The code can only have letters, numbers, spaces, full stops, hyphens and underscores");
        RuleFor(f => f.Code)
            .MustAsync(async (form, code, ct) =>
            {
                var upper = code!.Trim().ToUpperInvariant();
                return !await db.Indicators.AnyAsync(i => i.Code == upper && i.Id != form.Id, ct);
            }).WithMessage("Another indicator has this code: choose another")
            .When(f => !string.IsNullOrWhiteSpace(f.Code) && f.Code.Length <= 20);
        RuleFor(f => f.Name).NotEmpty().WithMessage("Enter the indicator's name")
            .MaximumLength(200).WithMessage("The name must be 200 characters or fewer").NoPersonalData("The name");
        RuleFor(f => f.Definition).NotEmpty().WithMessage("Enter the definition: what is counted, and from which system")
            .MaximumLength(2000).WithMessage("The definition must be 2,000 characters or fewer").NoPersonalData("The definition");
        RuleFor(f => f.Unit).NotNull().WithMessage("Select the unit").IsInEnum().WithMessage("Select the unit");
        RuleFor(f => f.NumeratorLabel).MaximumLength(200).WithMessage("What is counted must be 200 characters or fewer");
        RuleFor(f => f.DenominatorLabel).NotEmpty().WithMessage("Enter what the percentage is out of, for example assessments completed")
            .When(f => f.Unit == IndicatorUnit.Percentage);
        RuleFor(f => f.DenominatorLabel).MaximumLength(200).WithMessage("What it is out of must be 200 characters or fewer");
        RuleFor(f => f.ChildPopulation).Must(t => NumberInput.TryRead(t, out var v) && v > 0 && v == decimal.Truncate(v) && v < 100_000_000)
            .WithMessage("Enter the child population as a whole number, for example 36,700")
            .When(f => f.Unit == IndicatorUnit.RatePer10000);
        RuleFor(f => f.Polarity).NotNull().WithMessage("Select which way is better").IsInEnum().WithMessage("Select which way is better");
        RuleFor(f => f.Target).Must(t => NumberInput.IsBlankOrNumber(t) && Math.Abs(NumberInput.Read(t) ?? 0) < 100_000_000)
            .WithMessage("The target must be a number, for example 95");
        RuleFor(f => f.Target).NotEmpty().WithMessage("Leave the target blank when neither way is better, or choose which way is better")
            .When(f => f.Polarity is not null && f.Polarity != Domain.Polarity.Neither && !string.IsNullOrWhiteSpace(f.Tolerance));
        RuleFor(f => f.Tolerance).Must(t => NumberInput.IsBlankOrNumber(t) && (NumberInput.Read(t) ?? 0) >= 0 && (NumberInput.Read(t) ?? 0) < 100_000_000)
            .WithMessage("The tolerance must be a number of zero or more, for example 5");
        RuleFor(f => f.Frequency).NotNull().WithMessage("Select how often it is reported").IsInEnum().WithMessage("Select how often it is reported");
        RuleFor(f => f.GroupId).NotNull().WithMessage("Select the group that owns its values")
            .MustAsync(async (id, ct) => id is null || await db.Groups.AnyAsync(g => g.Id == id, ct)).WithMessage("Select the group from the list");
        RuleFor(f => f.SourceOrganisationId)
            .MustAsync(async (id, ct) => id is null || await db.Organisations.AnyAsync(o => o.Id == id, ct)).WithMessage("Select the source organisation from the list");
        RuleFor(f => f.PriorityId)
            .MustAsync(async (id, ct) => id is null || await db.Priorities.AnyAsync(p => p.Id == id, ct)).WithMessage("Select the priority from the list");
        RuleForEach(f => f.Views).IsInEnum().WithMessage("Select the views from the list");
    }
}

/// <summary>A comparator published for a year: statistical neighbours', England's or the region's value.</summary>
public sealed class ComparatorForm
{
    public ComparatorKind? Kind { get; set; }
    public string? Year { get; set; }
    public string? Value { get; set; }
}

public sealed class ComparatorFormValidator : AbstractValidator<ComparatorForm>
{
    public ComparatorFormValidator()
    {
        RuleFor(f => f.Kind).NotNull().WithMessage("Select whose value it is").IsInEnum().WithMessage("Select whose value it is");
        RuleFor(f => f.Year).Must(y => ReportingYear.TryParse(y, out _)).WithMessage("Enter the reporting year, for example 2023-24");
        RuleFor(f => f.Value).Must(v => NumberInput.TryRead(v, out var d) && Math.Abs(d) < 100_000_000).WithMessage("Enter the comparator's value as a number, for example 88.5");
    }
}

/// <summary>One line of the values grid: an indicator due for the period, as typed.</summary>
public sealed class ValueRow
{
    public int IndicatorId { get; set; }
    public string? Numerator { get; set; }
    public string? Denominator { get; set; }
    public string? Note { get; set; }

    /// <summary>The stamp of the value shown when the page was opened, so a revision made meanwhile is not overwritten.</summary>
    public Guid? Seen { get; set; }
}

/// <summary>Every indicator due for a period that the user may enter, on one page with one save.</summary>
public sealed class ValuesForm
{
    public string? Period { get; set; }
    public List<ValueRow> Rows { get; set; } = [];
}

/// <summary>What the grid shows of each indicator beside what was typed.</summary>
public sealed record GridIndicator(
    int Id, string Code, string Name, IndicatorUnit Unit, string? NumeratorLabel, string? DenominatorLabel, decimal? ChildPopulation,
    int DefinitionId, decimal? Target, Polarity Polarity, CurrentValue? Current);

public sealed record CurrentValue(int Id, decimal Numerator, decimal? Denominator, decimal Value, string? Note, Guid Version, DateTime At, string? By);

public sealed class ValuesPage
{
    public required ValuesForm Form { get; init; }
    public required PerformancePeriod Period { get; init; }
    public required IReadOnlyList<GridIndicator> Indicators { get; init; }
    public required IReadOnlyList<PerformancePeriod> Choices { get; init; }
}

/// <summary>Checks each typed row against its indicator's unit; errors are keyed to the cell so the summary links to it.</summary>
public static class ValuesGrid
{
    public const int MaxNote = 1000;

    public static void Validate(ValuesForm form, IReadOnlyDictionary<int, GridIndicator> indicators, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state)
    {
        for (var i = 0; i < form.Rows.Count; i++)
        {
            var row = form.Rows[i];
            if (!indicators.TryGetValue(row.IndicatorId, out var indicator))
            {
                continue;
            }

            var name = indicator.Name;
            var key = $"Rows[{i}].";
            if (string.IsNullOrWhiteSpace(row.Numerator))
            {
                if (indicator.Current is not null)
                {
                    state.AddModelError(key + nameof(ValueRow.Numerator), $"Enter {name}: a value once entered is revised, not removed");
                }
                else if (!string.IsNullOrWhiteSpace(row.Denominator) || !string.IsNullOrWhiteSpace(row.Note))
                {
                    state.AddModelError(key + nameof(ValueRow.Numerator), $"Enter {name}, or clear its row");
                }

                continue;
            }

            if (!NumberInput.TryRead(row.Numerator, out var numerator) || numerator < 0 || numerator >= 1_000_000_000)
            {
                state.AddModelError(key + nameof(ValueRow.Numerator), $"{Label(indicator)} for {name} must be a number of zero or more, like 204");
            }

            if (indicator.Unit == IndicatorUnit.Percentage)
            {
                if (!NumberInput.TryRead(row.Denominator, out var denominator) || denominator <= 0 || denominator >= 1_000_000_000)
                {
                    state.AddModelError(key + nameof(ValueRow.Denominator), $"Enter {indicator.DenominatorLabel ?? "what it is out of"} for {name} as a number above zero");
                }
                else if (NumberInput.TryRead(row.Numerator, out numerator) && numerator > denominator)
                {
                    state.AddModelError(key + nameof(ValueRow.Numerator), $"{Label(indicator)} for {name} cannot be more than {NumberInput.Show(denominator)}, what it is out of");
                }
            }

            if (row.Note?.Length > MaxNote)
            {
                state.AddModelError(key + nameof(ValueRow.Note), $"The note for {name} must be {MaxNote:N0} characters or fewer");
            }
            else
            {
                foreach (var kind in PersonalDataGuard.Find(row.Note).Select(f => f.Kind).Distinct())
                {
                    state.AddModelError(key + nameof(ValueRow.Note), PersonalDataGuard.Explain($"The note for {name}", kind));
                }
            }
        }
    }

    private static string Label(GridIndicator indicator) =>
        indicator.NumeratorLabel is { Length: > 0 } label ? char.ToUpperInvariant(label[0]) + label[1..] : "The number";
}
