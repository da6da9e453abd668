using System.Globalization;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Dashboard.Tiles;

namespace HscpPortal.Web.Features.Dashboard;

/// <summary>One headline figure for the year so far beside the last full year, as the page prints them.</summary>
public sealed record HeadlineFigure(string Name, string SoFar, string LastYear);

/// <summary>
/// A year just started (<see cref="ReportingYear.IsEarlyOn"/>): its rates rest on a handful of records, so the
/// dashboard says so and puts the last full year's headline figures beside them.
/// </summary>
public sealed class EarlyYearModel
{
    public required ReportingYear Year { get; init; }
    public required DateOnly Today { get; init; }
    public required IReadOnlyList<HeadlineFigure> Figures { get; init; }

    public ReportingYear LastYear => Year.Previous;
    public int WeeksIn => (Today.DayNumber - Year.Start.DayNumber) / 7;
    public string LastYearUrl => $"/dashboard?year={LastYear}";

    public const string None = "None yet";
    public const string NoFigures = "No figures";

    /// <summary>
    /// The comparison for the year shown, or null unless it is the current year and still early. The figures come
    /// from the tiles already loaded, whose trends hold the year before, so this costs no query and shows only what
    /// the user's tiles show (a tile hidden from them gives no row here).
    /// </summary>
    public static EarlyYearModel? For(ReportingYear year, DateOnly today, IReadOnlyList<LoadedTile> tiles)
    {
        if (!year.IsEarlyOn(today))
        {
            return null;
        }

        var figures = new List<HeadlineFigure>();
        foreach (var tile in tiles)
        {
            switch (tile.Model)
            {
                case BoardAttendanceModel board:
                    figures.AddRange(board.Rows.Select(r => Figure($"{r.Name}: board meetings attended by its delegated safeguarding partner", r.DspTrend, r.Held > 0)));
                    break;
                case QuorumModel quorum:
                    figures.Add(Figure("Board and subgroup meetings held that were quorate", quorum.Rate, quorum.Held > 0));
                    break;
                case ActionsModel actions:
                    figures.Add(Figure("Actions due in the year that are complete", actions.CompletionRate, actions.DueInYear > 0));
                    break;
                case EscalationsModel escalations:
                    figures.Add(Figure("Escalations raised", escalations.Raised, known: true));
                    break;
                default:
                    break;
            }
        }

        return new EarlyYearModel { Year = year, Today = today, Figures = figures };
    }

    private static HeadlineFigure Figure(string name, Trend trend, bool known) =>
        new(name, known ? Text(trend.Current, trend.Percent) : None, trend.PreviousKnown ? Text(trend.Previous, trend.Percent) : NoFigures);

    private static string Text(int value, bool percent) => value.ToString(CultureInfo.InvariantCulture) + (percent ? "%" : "");
}
