using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure.Charts;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.EscalationAnalysis;

/// <summary>
/// Builds the escalation analysis for a reporting year, as the escalations stood at the end of <c>today</c> (the
/// report passes its year's last day): resolved means resolved by then, the stage reached is the last one started by
/// then, and drift is judged then. Counts by agency and category are grouped in the database; the year's escalations
/// and their stage rows are read once, because stages, working days and drift need dates and the bank-holiday calendar.
/// </summary>
public sealed class EscalationAnalysis(PortalDbContext db, EscalationProtocol protocol, WorkingDayCalendar calendar, DateOnly today)
{
    public const string Register = "/escalations";

    /// <summary>The tables a page or an export can ask for, by the name used in the export's query string.</summary>
    public static readonly IReadOnlyList<string> TableNames =
        ["byYear", "status", "byRaisingAgency", "byRaisingSector", "byReceivingAgency", "stages", "moves", "workingDays", "drift", "driftCases", "byCategory"];

    /// <summary>Reporting years that have escalations, oldest first, from the raised dates grouped by month.</summary>
    public async Task<IReadOnlyList<(ReportingYear Year, int Count)>> YearsAsync(CancellationToken ct)
    {
        var months = await db.Escalations.AsNoTracking()
            .GroupBy(e => new { e.RaisedOn.Year, e.RaisedOn.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(ct);
        return months
            .GroupBy(m => ReportingYear.Containing(new DateOnly(m.Year, m.Month, 1)))
            .Select(g => (g.Key, g.Sum(m => m.Count)))
            .OrderBy(y => y.Key.StartYear)
            .ToList();
    }

    /// <summary>The latest year with escalations that has ended; else the latest with any; else this year.</summary>
    public static ReportingYear DefaultYear(IReadOnlyList<(ReportingYear Year, int Count)> years, DateOnly today)
    {
        var complete = years.Where(y => y.Year.End < today).Select(y => (ReportingYear?)y.Year).LastOrDefault();
        return complete ?? (years.Count > 0 ? years[^1].Year : ReportingYear.Containing(today));
    }

    public async Task<EscalationAnalysisModel> BuildAsync(ReportingYear year, CancellationToken ct)
    {
        var years = await YearsAsync(ct);
        var inYear = db.Escalations.AsNoTracking().Where(e => e.IsLive() && e.RaisedOn >= year.Start && e.RaisedOn <= year.End);
        var y = year.ToString();

        // As at the end of `today`: resolved only if resolved by then (a later resolution leaves a past year as it was).
        var escalations = await inYear
            .Select(e => new { e.Id, ResolvedOn = e.ResolvedOn <= today ? e.ResolvedOn : null, e.ResolvedAtStage })
            .ToListAsync(ct);
        var resolvedBy = escalations.Where(e => e.ResolvedOn is not null).ToDictionary(e => e.Id, e => e.ResolvedAtStage);
        var open = escalations.Count(e => e.ResolvedOn is null);
        var resolved = escalations.Count - open;

        var raising = await inYear
            .GroupBy(e => new { e.RaisingOrganisationId, e.RaisingOrganisation!.Name })
            .Select(g => new Row(g.Key.RaisingOrganisationId, g.Key.Name, g.Count()))
            .ToListAsync(ct);
        var sectors = await inYear
            .GroupBy(e => e.RaisingOrganisation!.Sector)
            .Select(g => new { Sector = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var receiving = await inYear
            .GroupBy(e => new { e.ConcernedOrganisationId, e.ConcernedOrganisation!.Name })
            .Select(g => new Row(g.Key.ConcernedOrganisationId, g.Key.Name, g.Count()))
            .ToListAsync(ct);
        var categories = await inYear
            .GroupBy(e => e.Category)
            .Select(g => new { Category = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var allStages = await db.EscalationStages.AsNoTracking()
            .Where(s => s.Escalation!.RaisedOn >= year.Start && s.Escalation.RaisedOn <= year.End && s.Escalation.IsLive())
            .Select(s => new EscalationStage
            {
                EscalationId = s.EscalationId,
                Stage = s.Stage,
                StartedOn = s.StartedOn,
                DueOn = s.DueOn,
                EndedOn = s.EndedOn,
                Reason = s.Reason,
            })
            .ToListAsync(ct);
        var stages = EscalationProtocol.AsAt(allStages, today).ToList();
        var reached = stages.GroupBy(s => s.EscalationId).ToDictionary(g => g.Key, g => EscalationProtocol.StageReached(g));
        var crossTab = escalations
            .GroupBy(e => (Reached: reached.GetValueOrDefault(e.Id, 1), ResolvedAt: resolvedBy.TryGetValue(e.Id, out var at) ? at : null))
            .Select(g => new { g.Key.Reached, g.Key.ResolvedAt, Count = g.Count() })
            .ToList();

        var total = open + resolved;
        var drifted = stages.GroupBy(s => s.EscalationId)
            .Where(g => EscalationProtocol.Drifted(g, today))
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Stage).ToList());
        var driftIds = drifted.Keys.ToList();
        var driftEscalations = await db.Escalations.AsNoTracking()
            .Where(e => driftIds.Contains(e.Id))
            .OrderBy(e => e.RaisedOn).ThenBy(e => e.Reference)
            .Select(e => new
            {
                e.Id,
                e.Reference,
                e.RaisedOn,
                Raising = e.RaisingOrganisation!.Name,
                Receiving = e.ConcernedOrganisation!.Name,
            })
            .ToListAsync(ct);
        var driftCases = driftEscalations.Select(e => new DriftCase(
            e.Id,
            e.Reference,
            e.RaisedOn,
            e.Raising,
            e.Receiving,
            drifted[e.Id].First(s => EscalationProtocol.Drifted(s, today)).Stage,
            reached.GetValueOrDefault(e.Id, 1),
            drifted[e.Id].Any(s => s.Reason == StageMoveReason.NoTimelyResponse),
            !resolvedBy.ContainsKey(e.Id))).ToList();

        var model = new EscalationAnalysisModel
        {
            Year = year,
            Years = years.Select(x => x.Year).ToList(),
            Total = total,
            Open = open,
            Resolved = resolved,
            DriftCount = driftCases.Count,
            DriftPercent = Percent(driftCases.Count, total),
            PreviousYearTotal = years.Where(x => x.Year == year.Previous).Select(x => (int?)x.Count).FirstOrDefault() ?? 0,
            DriftCases = driftCases,
            StageCount = protocol.StageCount,
            Today = today,
        };

        model.Charts["byYear"] = ByYear(years, year);
        model.Charts["status"] = new ChartModel
        {
            Id = "status",
            Title = $"Open and resolved escalations raised in {y}",
            CategoryHeader = "Status",
            ValueLabel = "Escalations",
            Categories = ["Resolved", "Open"],
            Series = [new("Escalations", [resolved, open])],
            ShowTotals = true,
            Link = (c, _) => c switch
            {
                0 => $"{Register}?year={y}&status=resolved",
                1 => $"{Register}?year={y}&status=open",
                _ => $"{Register}?year={y}",
            },
            LinkContext = (c, _) => c switch { 0 => " resolved escalations", 1 => " open escalations", _ => " escalations in total" },
        };

        var raisingSorted = raising.OrderByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        model.Charts["byRaisingAgency"] = new ChartModel
        {
            Id = "raising",
            Title = $"Escalations by raising agency, {y}",
            Kind = ChartKind.HorizontalBar,
            CategoryHeader = "Raising agency",
            ValueLabel = "Escalations",
            Categories = raisingSorted.Select(r => r.Name).ToList(),
            Series = [new("Escalations", raisingSorted.Select(r => (double)r.Count).ToList())],
            ShowTotals = true,
            Link = (c, _) => c < 0 ? $"{Register}?year={y}" : $"{Register}?year={y}&raising={raisingSorted[c].Id}",
            LinkContext = (c, _) => c < 0 ? " escalations in total" : $" escalations raised by {raisingSorted[c].Name}",
        };

        var sectorsSorted = sectors.OrderByDescending(s => s.Count).ThenBy(s => Format.Humanise(s.Sector), StringComparer.Ordinal).ToList();
        model.Charts["byRaisingSector"] = new ChartModel
        {
            Id = "sector",
            Title = $"Escalations by sector of the raising agency, {y}",
            Kind = ChartKind.HorizontalBar,
            CategoryHeader = "Sector",
            ValueLabel = "Escalations",
            Categories = sectorsSorted.Select(s => SectorName(s.Sector)).ToList(),
            Series = [new("Escalations", sectorsSorted.Select(s => (double)s.Count).ToList())],
            ShowTotals = true,
        };

        var receivingSorted = receiving.OrderByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        model.Charts["byReceivingAgency"] = new ChartModel
        {
            Id = "receiving",
            Title = $"Escalations by receiving agency, {y}",
            Kind = ChartKind.HorizontalBar,
            CategoryHeader = "Receiving agency",
            ValueLabel = "Escalations",
            Categories = receivingSorted.Select(r => r.Name).ToList(),
            Series = [new("Escalations", receivingSorted.Select(r => (double)r.Count).ToList())],
            ShowTotals = true,
            Link = (c, _) => c < 0 ? $"{Register}?year={y}" : $"{Register}?year={y}&receiving={receivingSorted[c].Id}",
            LinkContext = (c, _) => c < 0 ? " escalations in total" : $" escalations about {receivingSorted[c].Name}",
        };

        model.Charts["stages"] = StagesChart(crossTab.Select(c => (c.Reached, c.ResolvedAt, c.Count)).ToList(), y);
        model.Charts["moves"] = Moves(stages, y);
        model.Charts["workingDays"] = WorkingDays(stages, y);
        model.Charts["drift"] = DriftChart(driftCases, y);

        var categoriesSorted = Enum.GetValues<EscalationCategory>()
            .Select(c => (Category: c, Count: categories.Where(x => x.Category == c).Sum(x => x.Count)))
            .ToList();
        model.Charts["byCategory"] = new ChartModel
        {
            Id = "category",
            Title = $"Escalations by category, {y}",
            Kind = ChartKind.HorizontalBar,
            CategoryHeader = "Category",
            ValueLabel = "Escalations",
            Categories = categoriesSorted.Select(c => Format.Humanise(c.Category)).ToList(),
            Series = [new("Escalations", categoriesSorted.Select(c => (double)c.Count).ToList())],
            ShowTotals = true,
            Link = (c, _) => c < 0 ? $"{Register}?year={y}" : $"{Register}?year={y}&category={categoriesSorted[c].Category}",
            LinkContext = (c, _) => c < 0 ? " escalations in total" : $" escalations about {Format.Humanise(categoriesSorted[c].Category).ToLowerInvariant()}",
        };

        return model;
    }

    public static int Percent(int part, int whole) => whole == 0 ? 0 : (int)Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero);

    private static string SectorName(Sector sector) => sector switch
    {
        Sector.Education => "Schools and colleges",
        Sector.LocalAuthority => "Local authority (children's services)",
        _ => Format.Humanise(sector),
    };

    private static ChartModel ByYear(IReadOnlyList<(ReportingYear Year, int Count)> years, ReportingYear chosen)
    {
        // Every year from the first with data to the chosen one, so a year with none shows as nought.
        var first = years.Count > 0 ? Math.Min(years[0].Year.StartYear, chosen.StartYear) : chosen.StartYear;
        var last = Math.Max(chosen.StartYear, years.Count > 0 ? years[^1].Year.StartYear : chosen.StartYear);
        var all = Enumerable.Range(first, last - first + 1).Select(s => new ReportingYear(s)).ToList();
        var counts = years.ToDictionary(x => x.Year, x => x.Count);
        return new ChartModel
        {
            Id = "years",
            Title = "Escalations notified to the partnership by reporting year",
            CategoryHeader = "Reporting year",
            ValueLabel = "Escalations",
            Categories = all.Select(x => x.ToString()).ToList(),
            Series = [new("Escalations", all.Select(x => (double)counts.GetValueOrDefault(x)).ToList())],
            ShowTotals = true,
            Link = (c, _) => c < 0 ? Register : $"{Register}?year={all[c]}",
            LinkContext = (c, _) => c < 0 ? " escalations in all years" : $" escalations raised in {all[c]}",
        };
    }

    private ChartModel StagesChart(List<(int Reached, int? ResolvedAt, int Count)> cells, string y)
    {
        var stageNumbers = Enumerable.Range(1, Math.Max(protocol.StageCount, cells.Select(c => c.Reached).DefaultIfEmpty(1).Max())).ToList();
        var series = stageNumbers
            .Select(resolvedAt => new ChartSeries(
                $"Resolved at stage {resolvedAt}",
                stageNumbers.Select(reached => (double)cells.Where(c => c.Reached == reached && c.ResolvedAt == resolvedAt).Sum(c => c.Count)).ToList()))
            .Where(s => s.Values.Any(v => v > 0))
            .Append(new ChartSeries("Open", stageNumbers.Select(reached => (double)cells.Where(c => c.Reached == reached && c.ResolvedAt == null).Sum(c => c.Count)).ToList()))
            .ToList();
        return new ChartModel
        {
            Id = "stages",
            Title = $"Stage reached against stage resolved at, {y}",
            Kind = ChartKind.StackedBar,
            CategoryHeader = "Highest stage reached",
            ValueLabel = "Escalations",
            Categories = stageNumbers.Select(s => $"Stage {s}").ToList(),
            Series = series,
            ShowTotals = true,
            Wide = true,
            // A cell of the cross-tab has no filter of its own in the register; the row totals do (stage reached).
            Link = (c, s) => s >= 0 ? null : c < 0 ? $"{Register}?year={y}" : $"{Register}?year={y}&stage={stageNumbers[c]}",
            LinkContext = (c, _) => c < 0 ? " escalations in total" : $" escalations that reached stage {stageNumbers[c]}",
        };
    }

    // Why escalations climbed: each stage after the first was reached either because the difference remained
    // or because the responding agency did not answer in time (drift and delay).
    private ChartModel Moves(List<EscalationStage> stages, string y)
    {
        var stageNumbers = Enumerable.Range(2, Math.Max(1, Math.Max(protocol.StageCount, stages.Select(s => s.Stage).DefaultIfEmpty(1).Max()) - 1)).ToList();
        double Count(int stage, StageMoveReason reason) => stages.Count(s => s.Stage == stage && s.Reason == reason);
        return new ChartModel
        {
            Id = "moves",
            Title = $"Why escalations moved up to each stage, {y}",
            Kind = ChartKind.StackedBar,
            CategoryHeader = "Moved up to",
            ValueLabel = "Escalations",
            Categories = stageNumbers.Select(s => $"Stage {s}").ToList(),
            Series =
            [
                new("The difference remained", stageNumbers.Select(s => Count(s, StageMoveReason.StillDisagree)).ToList()),
                new("No timely response", stageNumbers.Select(s => Count(s, StageMoveReason.NoTimelyResponse)).ToList()),
            ],
            ShowTotals = true,
            Wide = true,
        };
    }

    private ChartModel WorkingDays(List<EscalationStage> stages, string y)
    {
        var stageNumbers = Enumerable.Range(1, Math.Max(protocol.StageCount, stages.Select(s => s.Stage).DefaultIfEmpty(1).Max())).ToList();
        var spent = stages
            .GroupBy(s => s.Stage)
            .ToDictionary(g => g.Key, g => g.Select(s => EscalationProtocol.WorkingDaysSpent(s, today, calendar)).Order().ToList());
        List<int> Days(int stage) => spent.GetValueOrDefault(stage, []);
        return new ChartModel
        {
            Id = "days",
            Title = $"Working days spent at each stage, {y}",
            CategoryHeader = "Stage",
            ValueLabel = "Working days",
            Decimals = 1,
            Wide = true,
            Categories = stageNumbers.Select(protocol.Describe).ToList(),
            AxisLabels = stageNumbers.Select(s => $"Stage {s}").ToList(),
            Series =
            [
                new("Escalations at this stage", stageNumbers.Select(s => (double)Days(s).Count).ToList()) { TableOnly = true, Decimals = 0 },
                new("Timescale", stageNumbers.Select(s => (double)(s <= protocol.StageCount ? protocol.Stages[s - 1].WorkingDays : 0)).ToList()) { Decimals = 0 },
                new("Average", stageNumbers.Select(s => Days(s) is { Count: > 0 } d ? d.Average() : 0).ToList()),
                new("Median", stageNumbers.Select(s => Median(Days(s))).ToList()),
                new("Maximum", stageNumbers.Select(s => (double)Days(s).DefaultIfEmpty(0).Max()).ToList()) { Decimals = 0 },
            ],
        };
    }

    private static double Median(List<int> sorted) => sorted.Count == 0
        ? 0
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;

    private ChartModel DriftChart(List<DriftCase> cases, string y)
    {
        var stageNumbers = Enumerable.Range(1, Math.Max(protocol.StageCount, cases.Select(c => c.DriftedAtStage).DefaultIfEmpty(1).Max())).ToList();
        return new ChartModel
        {
            Id = "drift",
            Title = $"Escalations that drifted, by the stage where they first ran past the timescale, {y}",
            CategoryHeader = "Stage where it first drifted",
            ValueLabel = "Escalations",
            Categories = stageNumbers.Select(s => $"Stage {s}").ToList(),
            Series = [new("Escalations", stageNumbers.Select(s => (double)cases.Count(c => c.DriftedAtStage == s)).ToList())],
            ShowTotals = true,
            Link = (c, _) => c < 0 ? $"{Register}?year={y}&drift=true" : null,
            LinkContext = (_, _) => " escalations that drifted",
        };
    }

    private sealed record Row(int Id, string Name, int Count);
}

public sealed record DriftCase(
    int Id,
    string Reference,
    DateOnly RaisedOn,
    string RaisingAgency,
    string ReceivingAgency,
    int DriftedAtStage,
    int StageReached,
    bool MovedUpForNoTimelyResponse,
    bool IsOpen);

public sealed class EscalationAnalysisModel
{
    public ReportingYear Year { get; init; }
    public IReadOnlyList<ReportingYear> Years { get; init; } = [];
    public int Total { get; init; }
    public int Open { get; init; }
    public int Resolved { get; init; }
    public int DriftCount { get; init; }
    public int DriftPercent { get; init; }
    public int PreviousYearTotal { get; init; }
    public int StageCount { get; init; }
    public DateOnly Today { get; init; }
    public IReadOnlyList<DriftCase> DriftCases { get; init; } = [];

    /// <summary>The charts by the table names of <see cref="EscalationAnalysis.TableNames"/>.</summary>
    public Dictionary<string, ChartModel> Charts { get; } = new(StringComparer.Ordinal);
}
