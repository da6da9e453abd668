using HscpPortal.Web.Features.ReportDraft;

namespace HscpPortal.Web.Reporting;

/// <summary>
/// The report's sections in outline order (<see cref="ReportSections.All"/>), built for this request: data sections
/// come from DI with their own services, so a key or a title can only be read once they are built.
/// </summary>
public sealed class ReportOutline(IServiceProvider services)
{
    public IReadOnlyList<IReportSection> Sections { get; } = ReportSections.All.Select(e => e.Resolve(services)).ToList();

    public IReportSection? Find(string key) => Sections.FirstOrDefault(s => s.Key == key);

    /// <summary>The section a narrative key belongs to ("foreword", "commentary:governance" or "impact:governance"), or null if none.</summary>
    public IReportSection? ForTextKey(string? textKey)
    {
        if (string.IsNullOrEmpty(textKey))
        {
            return null;
        }

        foreach (var prefix in new[] { ReportSectionKeys.Commentary(""), ReportSectionKeys.Impact("") })
        {
            if (textKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                return Find(textKey[prefix.Length..]) is { Kind: ReportSectionKind.Data } data ? data : null;
            }
        }

        if (textKey == ReportSectionKeys.ForewordSignatories)
        {
            return Find(ReportSectionKeys.Foreword);
        }

        return Find(textKey) is { Kind: ReportSectionKind.Narrative } narrative ? narrative : null;
    }
}
