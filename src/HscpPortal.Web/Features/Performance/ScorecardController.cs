using System.Globalization;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Performance;

/// <summary>
/// The Quality and Effectiveness scorecard: each indicator's latest value in a reporting year (or up to a chosen period),
/// against its target with RAG, its direction of travel, its trend and comparators. A fixed number of queries whatever
/// the number of indicators or periods: the indicators, their values for this year and last, the comparators, and the
/// filters' options.
/// </summary>
[Route("scorecard")]
[Authorize(Policy = Policies.ViewRecords)]
public sealed class ScorecardController(PortalDbContext db, IAuthorizationService authz, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ScorecardQuery query, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        PerformancePeriod? period = PerformancePeriod.TryParse(query.Period, out var p) && p.Frequency != IndicatorFrequency.Yearly ? p : null;
        var year = period?.ReportingYear
            ?? (ReportingYear.TryParse(query.Year, out var asked) ? asked : ReportingYear.Containing(today));
        query.Year = year.ToString();
        query.Period = period?.ToString();
        var until = period?.End ?? year.End;

        var indicators = db.Indicators.AsNoTracking().Where(i => i.IsLive()).Filtered(query);
        var list = await indicators.OrderBy(i => i.Order).ThenBy(i => i.Code)
            .Select(i => new
            {
                i.Id, i.Code, i.Name, i.Polarity, i.Target, i.Tolerance, i.ViewTags,
                Unit = i.Definitions.Where(d => d.Number == i.CurrentDefinitionNumber).Select(d => d.Unit).FirstOrDefault(),
                Source = i.SourceOrganisation == null ? null : i.SourceOrganisation.Name,
                Priority = i.Priority == null ? null : i.Priority.Title,
            })
            .ToListAsync(ct);

        // This year's and last year's current values of the indicators shown, in one query: enough for the latest value,
        // the previous period, the same period last year and a twelve-point trend.
        var ids = list.Select(i => i.Id).ToList();
        var from = year.Previous.Start;
        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.IsCurrent && ids.Contains(v.IndicatorId) && v.PeriodStart >= from && v.PeriodStart <= until)
            .Select(v => new { v.IndicatorId, v.Period, v.PeriodStart, v.Value })
            .ToListAsync(ct);
        var byIndicator = values.GroupBy(v => v.IndicatorId).ToDictionary(g => g.Key, g => g.OrderBy(v => v.PeriodStart).ToList());
        var comparators = await db.IndicatorComparators.AsNoTracking()
            .Where(c => c.IsLive() && ids.Contains(c.IndicatorId) && c.Year == year.StartYear)
            .Select(c => new { c.IndicatorId, c.Kind, c.Value, c.Id })
            .ToListAsync(ct);

        var rows = list.Select(i =>
        {
            var series = byIndicator.GetValueOrDefault(i.Id) ?? [];
            var inYear = series.Where(v => v.PeriodStart >= year.Start).ToList();
            var latest = inYear.LastOrDefault();
            PerformancePeriod? at = latest is not null && PerformancePeriod.TryParse(latest.Period, out var lp) ? lp : null;
            decimal? ValueOf(PerformancePeriod? wanted) =>
                wanted is { } w ? series.FirstOrDefault(v => v.Period == w.ToString())?.Value : null;
            var previous = ValueOf(at?.Previous);
            var lastYear = ValueOf(at?.SameLastYear);
            var trend = series.TakeLast(12).Select(v => (PerformancePeriod.TryParse(v.Period, out var tp) ? tp.ShortLabel : v.Period, v.Value)).ToList();
            return new ScorecardRow(
                i.Id, i.Code, i.Name, i.Unit, i.Polarity, i.Target, i.Tolerance, i.Source, i.Priority, i.ViewTags,
                at, latest?.Value,
                latest is null ? null : PerformanceRules.Rag(latest.Value, i.Target, i.Tolerance, i.Polarity),
                previous, latest is null ? null : PerformanceRules.Direction(latest.Value, previous, i.Polarity),
                lastYear, latest is null ? null : PerformanceRules.Direction(latest.Value, lastYear, i.Polarity),
                trend,
                comparators.Where(c => c.IndicatorId == i.Id).OrderBy(c => c.Kind).ThenByDescending(c => c.Id).DistinctBy(c => c.Kind)
                    .Select(c => new ScorecardComparator(c.Kind, c.Value)).ToList());
        }).ToList();

        var current = ReportingYear.Containing(today);
        var years = Enumerable.Range(0, 10).Select(n => new ReportingYear(current.StartYear - n).ToString()).ToList();
        if (!years.Contains(year.ToString()))
        {
            years.Add(year.ToString());
        }

        return View(PerformanceViews.Scorecard, new Scorecard
        {
            Query = query,
            Year = year,
            Period = period,
            Years = years,
            Periods = PerformancePeriod.In(year, IndicatorFrequency.Quarterly).Concat(PerformancePeriod.In(year, IndicatorFrequency.Monthly)).ToList(),
            Rows = rows,
            Priorities = await db.Priorities.AsNoTracking().Where(x => x.IsLive() || x.Id == query.PriorityId)
                .OrderBy(x => x.FromYear).ThenBy(x => x.Order)
                .Select(x => new SelectListItem(x.Title, x.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct),
            // Only the organisations and groups that own an indicator: the filter's list is short and every choice finds something.
            Organisations = await db.Organisations.AsNoTracking()
                .Where(o => db.Indicators.Any(i => i.SourceOrganisationId == o.Id && i.IsLive()) || o.Id == query.OrganisationId)
                .OrderBy(o => o.Name).Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct),
            Groups = await db.Groups.AsNoTracking()
                .Where(g => db.Indicators.Any(i => i.GroupId == g.Id && i.IsLive()) || g.Id == query.GroupId)
                .OrderBy(g => g.SortOrder).ThenBy(g => g.Name).Select(g => new SelectListItem(g.Name, g.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct),
            CanManage = (await authz.AuthorizeAsync(User, Policies.ManageIndicators)).Succeeded,
            CanEnterValues = await ChairOfGroupHandler.ChairedGroupsAsync(db, User, today, ct) is not { Count: 0 },
        });
    }
}
