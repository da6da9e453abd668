using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Dashboard.Tiles;

public sealed class RatificationModel
{
    public required ReportingYear Year { get; init; }

    /// <summary>Every key decision still waiting, whenever it was taken: the ratification list.</summary>
    public required int Waiting { get; init; }

    /// <summary>Of those, the ones taken at meetings in the year, against the year before.</summary>
    public required Trend FromYear { get; init; }

    public const string WaitingUrl = "/decisions/ratification";
    public string YearUrl => $"/decisions?year={Year}&ratification=true";
}

/// <summary>Key decisions taken at inquorate meetings and not yet ratified (the derived rule in DecisionForms).</summary>
public sealed class RatificationTile : DashboardTile<RatificationModel>
{
    public override string Id => "ratification";

    public override async Task<RatificationModel?> LoadAsync(TileContext context, CancellationToken ct)
    {
        var waiting = context.Db.Decisions.AsNoTracking().NeedingRatification();
        var year = context.Year;
        var previous = context.PreviousYear;
        return new RatificationModel
        {
            Year = year,
            Waiting = await waiting.CountAsync(ct),
            FromYear = new Trend(
                await waiting.CountAsync(d => d.Meeting!.Date >= year.Start && d.Meeting.Date <= year.End, ct),
                await waiting.CountAsync(d => d.Meeting!.Date >= previous.Start && d.Meeting.Date <= previous.End, ct),
                previous),
        };
    }
}
