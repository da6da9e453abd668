using System.Text.Json.Serialization;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;

namespace HscpPortal.Web.Reporting;

/// <summary>
/// What a section builder is given: the year, the date its facts are taken at, and the database. Anything else a
/// section needs (the escalation protocol, the bank holidays) it takes in its constructor.
/// </summary>
public sealed class ReportContext
{
    public required PortalDbContext Db { get; init; }
    public required ReportingYear Year { get; init; }

    /// <summary>
    /// The date the facts are taken at: the year's last day (31 March) once the year is over, else today. A finished
    /// year's report therefore reads the same whenever it is assembled, so its fingerprint does not drift day by day.
    /// </summary>
    public required DateOnly AsAt { get; init; }
}

/// <summary>What kind of content a section holds.</summary>
public enum ReportSectionKind
{
    /// <summary>Written by people only (the foreword, the scrutineer's comment).</summary>
    Narrative = 1,

    /// <summary>Assembled from the records, with an optional commentary written by people.</summary>
    Data = 2,
}

/// <summary>
/// One section of the yearly report: a builder that reads the records into a small model, and the partial view
/// that draws it, side by side in the folder of the line of work that owns the records. Registered in
/// <c>ReportSections.All</c>, which is also how DI knows of it.
/// A section whose capability is not in the portal yet is <see cref="Built"/> false: it has a place in the outline
/// and the readiness check, and is left out of the published document unless people have written its commentary.
/// </summary>
public interface IReportSection
{
    string Key { get; }
    string Title { get; }
    ReportSectionKind Kind { get; }
    bool Built { get; }

    /// <summary>The readiness items (<see cref="ReadinessKeys"/>) this section gives evidence for.</summary>
    IReadOnlyList<string> Provides { get; }

    /// <summary>The partial view drawing the model; null for narrative-only and unbuilt sections.</summary>
    string? Partial { get; }

    /// <summary>The section's facts, or null when it has none of its own (narrative and unbuilt sections).</summary>
    Task<object?> BuildAsync(ReportContext context, CancellationToken ct);
}

/// <summary>A data section whose partial sits beside its class as <c>_{ClassName}.cshtml</c>, in whatever folder that is.</summary>
public abstract class ReportSection<TModel> : IReportSection
    where TModel : class
{
    public abstract string Key { get; }
    public abstract string Title { get; }
    public ReportSectionKind Kind => ReportSectionKind.Data;
    public bool Built => true;
    public virtual IReadOnlyList<string> Provides => [];
    public string? Partial => ViewBeside.Partial(GetType());

    public abstract Task<TModel> BuildAsync(ReportContext context, CancellationToken ct);

    async Task<object?> IReportSection.BuildAsync(ReportContext context, CancellationToken ct) => await BuildAsync(context, ct);
}

/// <summary>A section written entirely by people.</summary>
public sealed class NarrativeSection(string key, string title, params string[] provides) : IReportSection
{
    public string Key => key;
    public string Title => title;
    public ReportSectionKind Kind => ReportSectionKind.Narrative;
    public bool Built => true;
    public IReadOnlyList<string> Provides => provides;
    public string? Partial => null;

    public Task<object?> BuildAsync(ReportContext context, CancellationToken ct) => Task.FromResult<object?>(null);
}

/// <summary>A data section whose records the portal does not hold yet: a place in the outline and a gap in readiness.</summary>
public sealed class UnbuiltSection(string key, string title, params string[] provides) : IReportSection
{
    public string Key => key;
    public string Title => title;
    public ReportSectionKind Kind => ReportSectionKind.Data;
    public bool Built => false;
    public IReadOnlyList<string> Provides => provides;
    public string? Partial => null;

    public Task<object?> BuildAsync(ReportContext context, CancellationToken ct) => Task.FromResult<object?>(null);
}

/// <summary>
/// One place in the report's outline: a section that needs nothing but its context (narrative and unbuilt sections,
/// given as they are), or a data section's class, built by DI with its own services each time the report is assembled.
/// </summary>
public sealed class ReportSectionEntry
{
    private readonly IReportSection? section;

    private ReportSectionEntry(IReportSection? section, Type type)
    {
        this.section = section;
        Type = type;
    }

    public Type Type { get; }

    /// <summary>True for a class DI builds; false for a section given as it is.</summary>
    public bool FromServices => section is null;

    public static ReportSectionEntry Of(IReportSection section) => new(section, section.GetType());

    public static ReportSectionEntry Of<T>()
        where T : class, IReportSection => new(null, typeof(T));

    public IReportSection Resolve(IServiceProvider services) => section ?? (IReportSection)services.GetRequiredService(Type);
}

/// <summary>The statutory items the report must cover (Working Together 2023), checked by the readiness check.</summary>
public static class ReadinessKeys
{
    public const string PartnersDid = "partners-did";
    public const string Effectiveness = "effectiveness";
    public const string LittleProgress = "little-progress";
    public const string ReviewRecommendations = "review-recommendations";
    public const string Voice = "voice";
    public const string Funding = "funding";
    public const string Scrutiny = "scrutiny";
}

/// <summary>One section as assembled for a year: its facts (if built) and the current narrative written for it.</summary>
public sealed class AssembledSection
{
    public required string Key { get; init; }
    public required string Title { get; init; }
    public required ReportSectionKind Kind { get; init; }
    public required bool Built { get; init; }

    [JsonIgnore]
    public string? Partial { get; init; }

    /// <summary>The section's facts; serialised into the fingerprint through its runtime type.</summary>
    public object? Model { get; init; }

    /// <summary>The narrative section's current text, or the data section's current commentary; null when none written.</summary>
    public string? Text { get; init; }

    /// <summary>A data section's "Impact" statement, written by the team; null when none written.</summary>
    public string? Impact { get; init; }

    /// <summary>The key its text is saved under: the section key, or "commentary:{key}" for a data section.</summary>
    public string TextKey => Kind == ReportSectionKind.Narrative ? Key : ReportSectionKeys.Commentary(Key);

    /// <summary>The key a data section's impact statement is saved under; null for a narrative section.</summary>
    public string? ImpactKey => Kind == ReportSectionKind.Data && Built && !ReportSectionKeys.IsBackMatter(Key) ? ReportSectionKeys.Impact(Key) : null;

    /// <summary>Whether the section goes into the published document: never as an empty or placeholder section.</summary>
    public bool InDocument => Kind == ReportSectionKind.Narrative ? Text is not null || Model is not null : Built || Text is not null || Impact is not null;
}

/// <summary>Why the report does not cover a statutory item, as "About this report" prints it.</summary>
public sealed record OmissionText(string ItemKey, string Requirement, string Reason);

/// <summary>"About this report"'s facts: what the report does not cover, and why, as the team recorded it.</summary>
public sealed record AboutModel(IReadOnlyList<OmissionText> Omissions);

/// <summary>A statutory partner named on the cover, with its logo when an administrator has uploaded one.</summary>
public sealed record CoverPartner(string Name, string? LogoAlt, string? LogoContentType, [property: JsonIgnore] byte[]? Logo)
{
    /// <summary>The logo's fingerprint, so that a new logo changes the report's.</summary>
    public string? LogoSha256 => Logo is null ? null : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Logo));

    /// <summary>The logo inlined as a data URI: the printer loads nothing from outside the document.</summary>
    public string? LogoDataUri => Logo is null ? null : $"data:{LogoContentType};base64,{Convert.ToBase64String(Logo)}";
}

/// <summary>Who signs the foreword: a name and the role it is signed in.</summary>
public sealed record Signatory(string Name, string? Role)
{
    /// <summary>One signatory per line, "Name, role"; blank lines are skipped.</summary>
    public static IReadOnlyList<Signatory> Parse(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(',', 2, StringSplitOptions.TrimEntries))
            .Where(parts => parts[0].Length > 0)
            .Select(parts => new Signatory(parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null))
            .ToList();
}

/// <summary>The whole report for a year, in outline order.</summary>
public sealed class YearlyReportModel
{
    public required ReportingYear Year { get; init; }
    public required string PartnershipName { get; init; }

    /// <summary>The statutory partners on the facts' date, for the cover.</summary>
    public IReadOnlyList<CoverPartner> Partners { get; init; } = [];

    /// <summary>Who signs the foreword, as the team recorded it.</summary>
    public IReadOnlyList<Signatory> ForewordSignatories { get; init; } = [];
    public required DateOnly AsAt { get; init; }
    public required IReadOnlyList<AssembledSection> Sections { get; init; }

    public AssembledSection Section(string key) => Sections.First(s => s.Key == key);

    public T? Facts<T>(string key)
        where T : class => Section(key).Model as T;
}
