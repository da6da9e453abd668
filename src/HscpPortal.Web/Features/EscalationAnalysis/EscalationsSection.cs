using System.Text.Json.Serialization;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure.BankHolidays;
using HscpPortal.Web.Infrastructure.Charts;
using HscpPortal.Web.Reporting;
using Analysis = HscpPortal.Web.Features.EscalationAnalysis.EscalationAnalysis;

namespace HscpPortal.Web.Features.EscalationAnalysis;

public sealed record DriftRow(string Reference, DateOnly RaisedOn, string RaisingAgency, string ReceivingAgency, int DriftedAtStage, int StageReached, bool IsOpen)
{
    /// <summary>Where its record is; not part of what partners sign.</summary>
    [JsonIgnore]
    public int EscalationId { get; init; }
}

public sealed class EscalationsSectionModel : IHasFigures
{
    public required int Total { get; init; }
    public required int PreviousYearTotal { get; init; }
    public required int Resolved { get; init; }
    public required int Open { get; init; }
    public required int DriftCount { get; init; }
    public required int DriftPercent { get; init; }
    public required IReadOnlyList<DriftRow> DriftCases { get; init; }

    /// <summary>The escalation analysis's charts the report shows, in order, without links into the portal.</summary>
    public required IReadOnlyList<ChartModel> Charts { get; init; }

    /// <summary>
    /// The analysis's links from the charts' cells to the register, by figure id: kept as plain data because the
    /// charts themselves carry no links in the report. Not part of what partners sign.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string> ChartLinks { get; init; } = new Dictionary<string, string>();

    public IEnumerable<ReportFigure> Figures(ReportPeriod period) => EscalationsFigures.Of(this, period);
}

/// <summary>
/// The escalation analysis of the year, from the analysis page's own queries: the trend by year, who raised them and
/// with whom, how far they climbed and where they were resolved, and drift. Drift is judged as at the report's date.
/// It lives beside the analysis it summarises; the report lists it in ReportSections.
/// </summary>
public sealed class EscalationsSection(EscalationProtocol protocol, BankHolidayCalendar holidays) : ReportSection<EscalationsSectionModel>
{
    /// <summary>The analysis's tables the report carries, in report order.</summary>
    public static readonly IReadOnlyList<string> Tables = ["byYear", "byRaisingAgency", "byReceivingAgency", "stages", "drift"];

    private const string ChartIdPrefix = "report-escalations-";

    public override string Key => ReportSectionKeys.Escalations;
    public override string Title => "Escalations";
    public override IReadOnlyList<string> Provides => [ReadinessKeys.PartnersDid, ReadinessKeys.Effectiveness];

    // The trend stops at the report's year: later years' escalations are not this report's, and must not change its fingerprint.
    private static ChartModel UpTo(ChartModel chart, string year)
    {
        var keep = chart.Categories.ToList().IndexOf(year) + 1;
        if (keep <= 0 || keep == chart.Categories.Count)
        {
            return chart;
        }

        return new ChartModel
        {
            Id = chart.Id,
            Title = chart.Title,
            Kind = chart.Kind,
            Categories = chart.Categories.Take(keep).ToList(),
            Series = chart.Series.Select(s => s with { Values = s.Values.Take(keep).ToList() }).ToList(),
            CategoryHeader = chart.CategoryHeader,
            ValueLabel = chart.ValueLabel,
            Decimals = chart.Decimals,
            ShowTotals = chart.ShowTotals,
            Wide = chart.Wide,
        };
    }

    public override async Task<EscalationsSectionModel> BuildAsync(ReportContext context, CancellationToken ct)
    {
        var calendar = await holidays.GetAsync(ct);
        var analysis = await new Analysis(context.Db, protocol, calendar, context.AsAt).BuildAsync(context.Year, ct);
        return new EscalationsSectionModel
        {
            Total = analysis.Total,
            PreviousYearTotal = analysis.PreviousYearTotal,
            Resolved = analysis.Resolved,
            Open = analysis.Open,
            DriftCount = analysis.DriftCount,
            DriftPercent = analysis.DriftPercent,
            DriftCases = analysis.DriftCases
                .Select(c => new DriftRow(c.Reference, c.RaisedOn, c.RaisingAgency, c.ReceivingAgency, c.DriftedAtStage, c.StageReached, c.IsOpen) { EscalationId = c.Id })
                .ToList(),
            Charts = Tables.Select(t => ReportCharts.Unlinked(
                    t == "byYear" ? UpTo(analysis.Charts[t], context.Year.ToString()) : analysis.Charts[t], ChartIdPrefix))
                .ToList(),
            ChartLinks = Tables.SelectMany(t => ReportCharts.Links(Key, analysis.Charts[t], ChartIdPrefix))
                .GroupBy(l => l.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal),
        };
    }
}
