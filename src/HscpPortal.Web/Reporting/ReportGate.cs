using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Reporting;

/// <summary>A statutory item as the gate sees it: found in the records, or missing with or without a recorded reason.</summary>
public sealed record GateItem(ReadinessItem Item, ReportOmission? Omission)
{
    /// <summary>Missing, and nobody has said why the report does not cover it: sign-off and publication wait.</summary>
    public bool Blocks => !Item.Present && Omission is null;

    /// <summary>Missing, with the reason the report will print.</summary>
    public bool Explained => !Item.Present && Omission is not null;
}

/// <summary>
/// The readiness check as a gate. A report goes to sign-off, is signed and is published only when every statutory
/// item is either found in the records or has a recorded reason for its absence.
/// </summary>
public sealed class ReportGate(PortalDbContext db, IYearlyReportRenderer renderer)
{
    public async Task<IReadOnlyList<GateItem>> CheckAsync(YearlyReport report, CancellationToken ct)
    {
        var items = await renderer.CheckReadinessAsync(report.Year, ct);
        var reasons = await OmissionsAsync(report.Id, ct);
        return items.Select(i => new GateItem(i, i.Present ? null : reasons.GetValueOrDefault(i.Key))).ToList();
    }

    public async Task<Dictionary<string, ReportOmission>> OmissionsAsync(int reportId, CancellationToken ct) =>
        (await db.ReportOmissions.AsNoTracking().Where(o => o.ReportId == reportId && o.IsLive()).OrderBy(o => o.Id).ToListAsync(ct))
            .GroupBy(o => o.ItemKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    /// <summary>Why the step cannot be taken yet, naming the missing items; null when nothing blocks it.</summary>
    public static string? Refusal(IReadOnlyList<GateItem> items, string step)
    {
        var blocking = items.Where(i => i.Blocks).Select(i => i.Item.Requirement.ToLowerInvariant()).ToList();
        return blocking.Count == 0
            ? null
            : $"The report cannot {step} while {(blocking.Count == 1 ? "a statutory item is" : $"{blocking.Count} statutory items are")} missing "
                + $"({string.Join("; ", blocking)}). Find it in the records, or record on the readiness page why the report does not cover it";
    }
}
