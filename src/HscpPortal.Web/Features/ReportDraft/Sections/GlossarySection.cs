using HscpPortal.Web.Reporting;
using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Features.ReportDraft.Sections;

public sealed record GlossaryTerm(string Term, string Meaning);

public sealed record GlossaryModel(IReadOnlyList<GlossaryTerm> Terms);

/// <summary>The abbreviations and terms a reader outside the partnership needs, from the report settings, in alphabetical order.</summary>
public sealed class GlossarySection(IOptions<ReportOptions> options) : ReportSection<GlossaryModel>
{
    public override string Key => ReportSectionKeys.Glossary;
    public override string Title => "Glossary";

    public override Task<GlossaryModel> BuildAsync(ReportContext context, CancellationToken ct) =>
        Task.FromResult(new GlossaryModel(options.Value.Glossary
            .Where(t => !string.IsNullOrWhiteSpace(t.Key) && !string.IsNullOrWhiteSpace(t.Value))
            .Select(t => new GlossaryTerm(t.Key.Trim(), t.Value.Trim()))
            .OrderBy(t => t.Term, StringComparer.OrdinalIgnoreCase)
            .ToList()));
}
