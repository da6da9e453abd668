using System.Globalization;
using FluentValidation;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Infrastructure.Charts;
using HscpPortal.Web.Infrastructure.Govuk;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Performance;

/// <summary>
/// The multi-agency dataset's catalogue of indicators. Everyone signed in reads it; the partnership team keeps it
/// (ManageIndicators). A change to what an indicator counts starts a new version of its definition, and values stay
/// with the version they were recorded against.
/// </summary>
[Route("performance/indicators")]
[Authorize(Policy = Policies.ViewRecords)]
public sealed class IndicatorsController(PortalDbContext db, IAuthorizationService authz, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] IndicatorListQuery query, CancellationToken ct)
    {
        var indicators = db.Indicators.AsNoTracking().Where(i => query.Archived ? i.IsArchived() : i.IsLive()).Filtered(query);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            indicators = indicators.Where(i => i.Name.Contains(q) || i.Code.Contains(q));
        }

        var rows = await indicators.OrderBy(i => i.Order).ThenBy(i => i.Code)
            .Select(i => new IndicatorRow(
                i.Id, i.Code, i.Name,
                i.Definitions.Where(d => d.Number == i.CurrentDefinitionNumber).Select(d => d.Unit).FirstOrDefault(),
                i.Frequency, i.Polarity, i.Target, i.Group!.Name,
                i.SourceOrganisation == null ? null : i.SourceOrganisation.Name,
                i.Priority == null ? null : i.Priority.Title, i.ViewTags, i.InYearlyReport, i.IsArchived()))
            .ToListAsync(ct);
        return View(PerformanceViews.Indicators, new IndicatorList
        {
            Query = query,
            Rows = rows,
            Groups = await db.GroupOptionsAsync(ct, alwaysInclude: query.GroupId),
            Priorities = await PriorityOptionsAsync(ct),
            Organisations = await db.OrganisationOptionsAsync(ct, query.OrganisationId),
            CanManage = (await authz.AuthorizeAsync(User, Policies.ManageIndicators)).Succeeded,
            CanEnterValues = await ChairOfGroupHandler.ChairedGroupsAsync(db, User, UkTime.Today(clock), ct) is not { Count: 0 },
        });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var indicator = await db.Indicators.AsNoTracking()
            .Include(i => i.Group).Include(i => i.SourceOrganisation).Include(i => i.Priority).Include(i => i.Definitions)
            .AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (indicator is null)
        {
            return NotFound();
        }

        var definitions = indicator.Definitions.OrderByDescending(d => d.Number).ToList();
        var current = definitions.First(d => d.Number == indicator.CurrentDefinitionNumber);
        var values = await db.IndicatorValues.AsNoTracking().Where(v => v.IndicatorId == id)
            .Select(v => new ValueLine(v.Id, v.Period, v.PeriodStart, v.Numerator, v.Denominator, v.Value, v.Note,
                v.Definition!.Number, v.Definition.Unit, v.IsCurrent, v.CreatedAt, v.CreatedBy))
            .ToListAsync(ct);
        var comparators = await db.IndicatorComparators.AsNoTracking().Where(c => c.IndicatorId == id && c.IsLive())
            .OrderByDescending(c => c.Year).ThenBy(c => c.Kind)
            .Select(c => new ComparatorLine(c.Id, c.Kind, c.Year, c.Value, c.Version)).ToListAsync(ct);
        return View(PerformanceViews.Indicator, new IndicatorDetails
        {
            Indicator = indicator,
            Current = current,
            Definitions = definitions,
            Group = indicator.Group!.Name,
            Source = indicator.SourceOrganisation?.Name,
            Priority = indicator.Priority?.Title,
            Values = values,
            Comparators = comparators,
            Chart = Chart(indicator, current.Unit, values, comparators),
            CanManage = (await authz.AuthorizeAsync(User, Policies.ManageIndicators)).Succeeded,
            CanEnterValues = (await authz.AuthorizeAsync(User, indicator.Group, Policies.EditGroup)).Succeeded,
            EntryPeriod = PerformancePeriod.Containing(indicator.Frequency, UkTime.Today(clock)).Previous,
        });
    }

    [HttpGet("new")]
    [Authorize(Policy = Policies.ManageIndicators)]
    public async Task<IActionResult> Create(CancellationToken ct)
    {
        var form = new IndicatorForm { Unit = IndicatorUnit.Percentage, Polarity = Polarity.HigherIsBetter, Frequency = IndicatorFrequency.Monthly };
        return View(PerformanceViews.IndicatorEdit, await WithOptionsAsync(form, ct));
    }

    [HttpPost("new")]
    [Authorize(Policy = Policies.ManageIndicators)]
    public async Task<IActionResult> Create(IndicatorForm form, [FromServices] IValidator<IndicatorForm> validator, CancellationToken ct)
    {
        form.Id = 0;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!ModelState.IsValid)
        {
            return View(PerformanceViews.IndicatorEdit, await WithOptionsAsync(form, ct));
        }

        var indicator = new Indicator { Code = "", Name = "" };
        form.ApplyTo(indicator);
        indicator.Order = (await db.Indicators.MaxAsync(i => (int?)i.Order, ct) ?? 0) + 1;
        indicator.Definitions.Add(form.NewDefinition(1));
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync(ct);
        return Redirect($"/performance/indicators/{indicator.Id}?notice={Notices.Created}");
    }

    [HttpGet("{id:int}/edit")]
    [Authorize(Policy = Policies.ManageIndicators)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var indicator = await db.Indicators.AsNoTracking().Include(i => i.Definitions).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (indicator is null)
        {
            return NotFound();
        }

        ViewBag.IndicatorId = id;
        return View(PerformanceViews.IndicatorEdit, await WithOptionsAsync(IndicatorForm.From(indicator, indicator.Definitions.First(d => d.Number == indicator.CurrentDefinitionNumber)), ct));
    }

    [HttpPost("{id:int}/edit")]
    [Authorize(Policy = Policies.ManageIndicators)]
    public async Task<IActionResult> Edit(int id, IndicatorForm form, [FromServices] IValidator<IndicatorForm> validator, CancellationToken ct)
    {
        var indicator = await db.Indicators.Include(i => i.Definitions).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (indicator is null)
        {
            return NotFound();
        }

        ViewBag.IndicatorId = id;
        form.Id = id;
        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!ModelState.IsValid)
        {
            return View(PerformanceViews.IndicatorEdit, await WithOptionsAsync(form, ct));
        }

        var current = indicator.Definitions.First(d => d.Number == indicator.CurrentDefinitionNumber);
        form.ApplyTo(indicator);
        if (form.ChangesDefinition(current))
        {
            // What is counted has changed: earlier values keep the definition they were recorded against.
            var number = indicator.Definitions.Max(d => d.Number) + 1;
            indicator.Definitions.Add(form.NewDefinition(number));
            indicator.CurrentDefinitionNumber = number;
        }

        if (!await db.SaveEditAsync(indicator, form.Version, ModelState, ct))
        {
            return View(PerformanceViews.IndicatorEdit, await WithOptionsAsync(form, ct));
        }

        return Redirect($"/performance/indicators/{id}?notice={Notices.Saved}");
    }

    [HttpPost("{id:int}/archive")]
    [Authorize(Policy = Policies.ManageIndicators)]
    public Task<IActionResult> Archive(int id, Guid version, CancellationToken ct) =>
        this.SetArchivedAsync<Indicator>(db, id, version, archive: true, $"/performance/indicators/{id}", clock, ct);

    [HttpPost("{id:int}/restore")]
    [Authorize(Policy = Policies.ManageIndicators)]
    public Task<IActionResult> Restore(int id, Guid version, CancellationToken ct) =>
        this.SetArchivedAsync<Indicator>(db, id, version, archive: false, $"/performance/indicators/{id}", clock, ct);

    [HttpGet("{id:int}/comparators/new")]
    [Authorize(Policy = Policies.ManageIndicators)]
    public async Task<IActionResult> Comparator(int id, CancellationToken ct)
    {
        if (await HeadingAsync(id, ct) is { } missing)
        {
            return missing;
        }

        return View(PerformanceViews.Comparator, new ComparatorForm { Year = ReportingYear.Containing(UkTime.Today(clock)).Previous.ToString() });
    }

    [HttpPost("{id:int}/comparators/new")]
    [Authorize(Policy = Policies.ManageIndicators)]
    public async Task<IActionResult> Comparator(int id, ComparatorForm form, [FromServices] IValidator<ComparatorForm> validator, CancellationToken ct)
    {
        if (await HeadingAsync(id, ct) is { } missing)
        {
            return missing;
        }

        ModelState.AddErrors(await validator.ValidateAsync(form, ct));
        if (!ModelState.IsValid)
        {
            return View(PerformanceViews.Comparator, form);
        }

        var year = ReportingYear.TryParse(form.Year, out var y) ? y.StartYear : 0;
        // A corrected comparator replaces the earlier one for its year, which stays in the archive and the audit trail.
        var earlier = await db.IndicatorComparators.Where(c => c.IndicatorId == id && c.Year == year && c.Kind == form.Kind && c.IsLive()).ToListAsync(ct);
        foreach (var old in earlier)
        {
            old.Archive(true, User.Identity?.Name, clock);
        }

        db.IndicatorComparators.Add(new IndicatorComparator { IndicatorId = id, Kind = form.Kind!.Value, Year = year, Value = NumberInput.Read(form.Value)!.Value });
        await db.SaveChangesAsync(ct);
        return Redirect($"/performance/indicators/{id}?notice={Notices.Saved}#comparators");
    }

    [HttpPost("{id:int}/comparators/{comparatorId:int}/archive")]
    [Authorize(Policy = Policies.ManageIndicators)]
    public async Task<IActionResult> ArchiveComparator(int id, int comparatorId, Guid version, CancellationToken ct)
    {
        if (!await db.IndicatorComparators.AnyAsync(c => c.Id == comparatorId && c.IndicatorId == id, ct))
        {
            return NotFound();
        }

        return await this.SetArchivedAsync<IndicatorComparator>(db, comparatorId, version, archive: true, $"/performance/indicators/{id}", clock, ct);
    }

    /// <summary>Every period's value with the target and comparators, as a line chart with its table.</summary>
    private static ChartModel? Chart(Indicator indicator, IndicatorUnit unit, IReadOnlyList<ValueLine> values, IReadOnlyList<ComparatorLine> comparators)
    {
        var current = values.Where(v => v.IsCurrent).OrderBy(v => v.PeriodStart).ToList();
        if (current.Count == 0)
        {
            return null;
        }

        var periods = current.Select(v => PerformancePeriod.TryParse(v.Period, out var p) ? p : default).ToList();
        var series = new List<ChartSeries> { new(indicator.Name, current.Select(v => (double)v.Value).ToList()) };
        if (indicator.Target is { } target)
        {
            series.Add(new ChartSeries("Target", current.Select(_ => (double)target).ToList()));
        }

        foreach (var kind in comparators.Select(c => c.Kind).Distinct().Order())
        {
            var byYear = comparators.Where(c => c.Kind == kind).GroupBy(c => c.Year).ToDictionary(g => g.Key, g => g.First().Value);
            // A year without the comparator draws as zero in a line chart, so a comparator is drawn only where it covers every period.
            if (periods.All(p => byYear.ContainsKey(p.ReportingYear.StartYear)))
            {
                series.Add(new ChartSeries(PerformanceText.Comparator(kind), periods.Select(p => (double)byYear[p.ReportingYear.StartYear]).ToList()));
            }
        }

        return new ChartModel
        {
            Id = "indicator-" + indicator.Id.ToString(CultureInfo.InvariantCulture),
            Title = $"{indicator.Name}, every period recorded",
            Kind = ChartKind.Line,
            Categories = periods.Select(p => p.Label).ToList(),
            AxisLabels = periods.Select(p => p.ShortLabel).ToList(),
            Series = series,
            CategoryHeader = "Period",
            ValueLabel = PerformanceText.Unit(unit),
            Decimals = unit == IndicatorUnit.Count ? 0 : 1,
            Wide = current.Count > 12,
        };
    }

    private async Task<IActionResult?> HeadingAsync(int id, CancellationToken ct)
    {
        var name = await db.Indicators.AsNoTracking().Where(i => i.Id == id).Select(i => i.Name).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return NotFound();
        }

        ViewBag.IndicatorId = id;
        ViewBag.IndicatorName = name;
        return null;
    }

    private async Task<IndicatorForm> WithOptionsAsync(IndicatorForm form, CancellationToken ct)
    {
        ViewBag.Groups = await db.GroupOptionsAsync(ct, alwaysInclude: form.GroupId);
        ViewBag.Organisations = await db.OrganisationOptionsAsync(ct, form.SourceOrganisationId);
        ViewBag.Priorities = await PriorityOptionsAsync(ct, form.PriorityId);
        return form;
    }

    private Task<List<SelectListItem>> PriorityOptionsAsync(CancellationToken ct, int? alwaysInclude = null) =>
        db.Priorities.AsNoTracking().Where(p => p.IsLive() || p.Id == alwaysInclude)
            .OrderBy(p => p.FromYear).ThenBy(p => p.Order)
            .Select(p => new SelectListItem(p.Title + " (from " + p.FromYear + ")", p.Id.ToString(CultureInfo.InvariantCulture)))
            .ToListAsync(ct);
}
