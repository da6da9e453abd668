using System.Text.Json.Serialization;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Reporting;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Audits;

public sealed record AuditReportRow(
    string Title, string Theme, AuditMethod Method, int? CasesSampled, string Group, DateOnly ReportedOn,
    IReadOnlyList<string> Agencies, IReadOnlyList<string> Strengths, IReadOnlyList<string> AreasForImprovement,
    int Actions, int ActionsComplete, string? ReAuditResult, string? LearningShared, int? PeopleReached)
{
    /// <summary>Null when the audit raised no actions: "0% complete" would misreport an audit that needed none.</summary>
    public int? CompletePercent => Actions == 0 ? null : (int)Math.Round(100.0 * ActionsComplete / Actions, MidpointRounding.AwayFromZero);

    /// <summary>Where its record is; not part of what partners sign.</summary>
    [JsonIgnore]
    public int AuditId { get; init; }
}

public sealed class AuditsSectionModel : IHasFigures
{
    public required IReadOnlyList<AuditReportRow> Audits { get; init; }
    public required int CasesSampled { get; init; }

    /// <summary>Audits on the year's programme, whatever became of them, for "n of m planned".</summary>
    public required int OnProgramme { get; init; }

    /// <summary>Each row's figure-id stem, unique within the year even when two audits share a title.</summary>
    public string Stem(AuditReportRow row) => AuditsFigures.Stems(Audits)[row];

    public IEnumerable<ReportFigure> Figures(ReportPeriod period) => AuditsFigures.Of(this, period);
}

/// <summary>The audits section's numbers as figures: the year's totals and each audit's sample and actions, linked to the audit.</summary>
public static class AuditsFigures
{
    public const string Reported = ReportSectionKeys.Audits + ".reported";
    public const string CasesSampled = ReportSectionKeys.Audits + ".cases-sampled";
    public const string OnProgramme = ReportSectionKeys.Audits + ".on-programme";

    public static string Cases(string stem) => $"{stem}.cases";

    public static string Actions(string stem) => $"{stem}.actions";

    public static string ActionsComplete(string stem) => $"{stem}.actions-complete";

    public static string CompletePercent(string stem) => $"{stem}.actions-complete-percent";

    public static IReadOnlyDictionary<AuditReportRow, string> Stems(IReadOnlyList<AuditReportRow> rows)
    {
        var stems = new Dictionary<AuditReportRow, string>(ReferenceEqualityComparer.Instance);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var stem = $"{ReportSectionKeys.Audits}.{ReportFigures.Slug(row.Title)}";
            for (var n = 2; !used.Add(stem); n++)
            {
                stem = $"{ReportSectionKeys.Audits}.{ReportFigures.Slug(row.Title)}-{n}";
            }

            stems[row] = stem;
        }

        return stems;
    }

    public static IEnumerable<ReportFigure> Of(AuditsSectionModel model, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(period);
        var list = $"/audits?year={period.Year}";
        var figures = new List<ReportFigure>
        {
            ReportFigure.Count(Reported, "Multi-agency audits reported in the year", period.InYear, model.Audits.Count, "audits", list),
            ReportFigure.Count(CasesSampled, "Cases looked at by the multi-agency audits reported in the year", period.InYear, model.CasesSampled, "cases", list),
            ReportFigure.Count(OnProgramme, "Audits on the year's audit programme, whatever became of them", period.InYear, model.OnProgramme, "audits", list),
        };
        var stems = Stems(model.Audits);
        foreach (var row in model.Audits)
        {
            var stem = stems[row];
            var record = $"/audits/{row.AuditId}";
            if (row.CasesSampled is { } cases)
            {
                figures.Add(ReportFigure.Count(Cases(stem), $"{row.Title}: cases sampled", period.InYear, cases, "cases", record));
            }

            if (row.CompletePercent is { } percent)
            {
                figures.Add(ReportFigure.Percentage(CompletePercent(stem), $"{row.Title}: actions raised that were complete {period.AtYearEnd}", period.AtYearEnd, percent, record));
                figures.Add(ReportFigure.Count(ActionsComplete(stem), $"{row.Title}: actions raised that were complete {period.AtYearEnd}", period.AtYearEnd, row.ActionsComplete, "actions", record));
                figures.Add(ReportFigure.Count(Actions(stem), $"{row.Title}: actions raised from its areas for improvement", period.AtYearEnd, row.Actions, "actions", record));
            }
        }

        return figures;
    }
}

/// <summary>
/// Every multi-agency audit that reported in the year: its theme, method and sample, what it found, how many of the
/// actions it raised were complete, and what a re-audit found. Read as at the report's date: an audit reported, an
/// action completed or a re-audit reported after 31 March does not count, so a finished year's report stays put.
/// </summary>
public sealed class AuditsSection : ReportSection<AuditsSectionModel>
{
    public override string Key => ReportSectionKeys.Audits;
    public override string Title => "Multi-agency audits";
    public override IReadOnlyList<string> Provides => [ReadinessKeys.Effectiveness];

    public override async Task<AuditsSectionModel> BuildAsync(ReportContext context, CancellationToken ct)
    {
        var db = context.Db;
        var year = context.Year;
        var asAt = context.AsAt;
        var audits = await db.Audits.AsNoTracking()
            .Where(a => a.IsLive() && a.ReportedOn != null && a.ReportedOn >= year.Start && a.ReportedOn <= year.End && a.ReportedOn <= asAt)
            .OrderBy(a => a.ReportedOn).ThenBy(a => a.Title)
            .Select(a => new { a.Id, a.Title, a.Theme, a.Method, a.CasesSampled, Group = a.Group!.Name, ReportedOn = a.ReportedOn!.Value, a.LearningShared, a.PeopleReached })
            .ToListAsync(ct);
        var ids = audits.Select(a => a.Id).ToList();
        var agencies = await db.AuditAgencies.AsNoTracking().Where(x => ids.Contains(x.AuditId))
            .Select(x => new { x.AuditId, x.Organisation!.Name }).ToListAsync(ct);
        var findings = await db.AuditFindings.AsNoTracking().Where(f => ids.Contains(f.AuditId) && f.IsLive())
            .OrderBy(f => f.Id).Select(f => new { f.Id, f.AuditId, f.Kind, f.Text }).ToListAsync(ct);
        var actions = await db.Actions.AsNoTracking().Where(x => x.IsLive() && x.AuditFindingId != null && ids.Contains(x.AuditFinding!.AuditId))
            .Select(x => new { x.AuditFinding!.AuditId, x.CompletedOn, x.SignedOffAt, x.Status }).ToListAsync(ct);
        var reAudits = await db.Audits.AsNoTracking()
            .Where(a => a.IsLive() && a.ReAuditOfId != null && ids.Contains(a.ReAuditOfId.Value) && a.ReportedOn != null && a.ReportedOn <= asAt)
            .OrderBy(a => a.ReportedOn)
            .Select(a => new { Of = a.ReAuditOfId!.Value, Comparisons = a.Findings.Where(f => f.IsLive()).Select(f => f.Comparison).ToList() })
            .ToListAsync(ct);

        // An action counts as complete when it was signed off as complete by the report's date.
        bool CompleteBy(DateOnly? completedOn, DateTime? signedOffAt, ActionStatus status) =>
            status == ActionStatus.Completed
            && (completedOn ?? (signedOffAt is { } at ? DateOnly.FromDateTime(at) : (DateOnly?)null)) is { } done && done <= asAt;

        var rows = audits.Select(a => new AuditReportRow(
            a.Title, a.Theme, a.Method, a.CasesSampled, a.Group, a.ReportedOn,
            agencies.Where(x => x.AuditId == a.Id).Select(x => x.Name).Order(StringComparer.Ordinal).ToList(),
            findings.Where(f => f.AuditId == a.Id && f.Kind == FindingKind.Strength).Select(f => f.Text).ToList(),
            findings.Where(f => f.AuditId == a.Id && f.Kind == FindingKind.AreaForImprovement).Select(f => f.Text).ToList(),
            actions.Count(x => x.AuditId == a.Id),
            actions.Count(x => x.AuditId == a.Id && CompleteBy(x.CompletedOn, x.SignedOffAt, x.Status)),
            reAudits.LastOrDefault(r => r.Of == a.Id) is { } re ? AuditRules.Compare(re.Comparisons).Summary : null,
            a.LearningShared, a.PeopleReached)
        {
            AuditId = a.Id,
        }).ToList();

        return new AuditsSectionModel
        {
            Audits = rows,
            CasesSampled = rows.Sum(r => r.CasesSampled ?? 0),
            OnProgramme = await db.Audits.AsNoTracking().CountAsync(a => a.IsLive() && a.ProgrammeYear == year.StartYear, ct),
        };
    }
}
