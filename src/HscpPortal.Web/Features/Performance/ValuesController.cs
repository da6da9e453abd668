using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Features.Shared;
using HscpPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Performance;

/// <summary>
/// The values grid: every indicator due for a period that the user may enter (the team: all; a chair or vice-chair: their
/// group's), on one page with one save. A changed value is a revision; the earlier one stays on the indicator's page.
/// </summary>
[Route("performance/values")]
[Authorize(Policy = Policies.EnterPerformanceValues)]
public sealed class ValuesController(PortalDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? period, CancellationToken ct)
    {
        var groups = await ChairOfGroupHandler.ChairedGroupsAsync(db, User, UkTime.Today(clock), ct);
        if (groups is { Count: 0 })
        {
            return Forbid();
        }

        var chosen = PerformancePeriod.TryParse(period, out var p) ? p : DefaultPeriod();
        var indicators = await IndicatorsAsync(chosen, groups, ct);
        var form = new ValuesForm
        {
            Period = chosen.ToString(),
            Rows = indicators.Select(i => new ValueRow
            {
                IndicatorId = i.Id,
                Numerator = NumberInput.Show(i.Current?.Numerator),
                Denominator = i.Unit == IndicatorUnit.Percentage ? NumberInput.Show(i.Current?.Denominator) : null,
                Note = i.Current?.Note,
                Seen = i.Current?.Version,
            }).ToList(),
        };
        if (Request.Query["notice"] == Notices.Saved)
        {
            ViewData[Notices.SpecificTextKey] = $"The values for {chosen.Label} are saved.";
        }

        return View(PerformanceViews.Values, Page(form, chosen, indicators));
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(ValuesForm form, CancellationToken ct)
    {
        var groups = await ChairOfGroupHandler.ChairedGroupsAsync(db, User, UkTime.Today(clock), ct);
        if (groups is { Count: 0 })
        {
            return Forbid();
        }

        if (!PerformancePeriod.TryParse(form.Period, out var period))
        {
            ModelState.AddModelError(nameof(ValuesForm.Period), "Choose a month (2024-05), a quarter (2023-Q4) or a year (2023-24)");
            period = DefaultPeriod();
            return View(PerformanceViews.Values, Page(form, period, []));
        }

        var indicators = await IndicatorsAsync(period, groups, ct);
        var byId = indicators.ToDictionary(i => i.Id);
        // A row for an indicator the user may not enter (another group's, or not due this period) is refused, never skipped quietly.
        if (form.Rows.Any(r => !byId.ContainsKey(r.IndicatorId)))
        {
            return Forbid();
        }

        // The rows in the grid's order, one per indicator due, so each error is keyed to the cell the page draws.
        var posted = form.Rows.DistinctBy(r => r.IndicatorId).ToDictionary(r => r.IndicatorId);
        form.Rows = indicators.Select(i => posted.GetValueOrDefault(i.Id) ?? new ValueRow { IndicatorId = i.Id }).ToList();
        ValuesGrid.Validate(form, byId, ModelState);
        if (!ModelState.IsValid)
        {
            return View(PerformanceViews.Values, Page(form, period, indicators));
        }

        var ids = form.Rows.Select(r => r.IndicatorId).ToList();
        var periodText = period.ToString();
        var stored = await db.IndicatorValues.Where(v => ids.Contains(v.IndicatorId) && v.Period == periodText && v.IsCurrent).ToListAsync(ct);
        var definitions = await db.IndicatorDefinitions.Where(d => indicators.Select(i => i.DefinitionId).Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        for (var n = 0; n < form.Rows.Count; n++)
        {
            var row = form.Rows[n];
            var indicator = byId[row.IndicatorId];
            if (!NumberInput.TryRead(row.Numerator, out var numerator))
            {
                continue;
            }

            var definition = definitions[indicator.DefinitionId];
            var denominator = indicator.Unit switch
            {
                IndicatorUnit.Percentage => NumberInput.Read(row.Denominator),
                IndicatorUnit.RatePer10000 => definition.ChildPopulation,
                _ => null,
            };
            var note = row.Note.NullIfBlank();
            var current = stored.FirstOrDefault(v => v.IndicatorId == row.IndicatorId);
            if (current is null)
            {
                if (row.Seen is not null)
                {
                    // The value the user saw has gone from current, so someone else revised it meanwhile.
                    ModelState.AddModelError($"Rows[{n}].Numerator", $"{indicator.Name} was changed by someone else since you opened the page: check it and save again");
                    continue;
                }

                db.IndicatorValues.Add(PerformanceRules.Record(indicator.Id, definition, period, numerator, denominator, note));
            }
            else if (PerformanceRules.Differs(current, numerator, denominator, note))
            {
                if (row.Seen != current.Version)
                {
                    ModelState.AddModelError($"Rows[{n}].Numerator", $"{indicator.Name} was changed by someone else since you opened the page: check it and save again");
                    continue;
                }

                db.IndicatorValues.Add(PerformanceRules.Revise(current, definition, numerator, denominator, note));
            }
        }

        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            return View(PerformanceViews.Values, Page(form, period, await IndicatorsAsync(period, groups, ct)));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", Concurrency.StaleMessage);
            return View(PerformanceViews.Values, Page(form, period, await IndicatorsAsync(period, groups, ct)));
        }

        return Redirect($"/performance/values?period={period}&notice={Notices.Saved}");
    }

    // The last complete month: values are entered once a month has ended.
    private PerformancePeriod DefaultPeriod() => PerformancePeriod.Month(UkTime.Today(clock).AddMonths(-1));

    private ValuesPage Page(ValuesForm form, PerformancePeriod period, IReadOnlyList<GridIndicator> indicators)
    {
        var today = UkTime.Today(clock);
        var choices = Enumerable.Range(1, 12).Select(m => PerformancePeriod.Month(today.AddMonths(-m)))
            .Concat(Enumerable.Range(1, 4).Select(q => PerformancePeriod.Containing(IndicatorFrequency.Quarterly, today.AddMonths(-3 * q))))
            .Concat(Enumerable.Range(1, 2).Select(y => PerformancePeriod.Containing(IndicatorFrequency.Yearly, today.AddYears(-y))))
            .ToList();
        return new ValuesPage { Form = form, Period = period, Indicators = indicators, Choices = choices };
    }

    /// <summary>The live indicators due for the period whose group the user may enter, each with its current value: two queries.</summary>
    private async Task<List<GridIndicator>> IndicatorsAsync(PerformancePeriod period, IReadOnlySet<int>? groups, CancellationToken ct)
    {
        var allowed = groups?.ToList();
        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => i.IsLive() && i.Frequency == period.Frequency && (allowed == null || allowed.Contains(i.GroupId)))
            .OrderBy(i => i.Order).ThenBy(i => i.Code)
            .Select(i => new
            {
                i.Id, i.Code, i.Name, i.Target, i.Polarity,
                Definition = i.Definitions.Where(d => d.Number == i.CurrentDefinitionNumber)
                    .Select(d => new { d.Id, d.Unit, d.NumeratorLabel, d.DenominatorLabel, d.ChildPopulation }).First(),
            })
            .ToListAsync(ct);
        var ids = indicators.Select(i => i.Id).ToList();
        var text = period.ToString();
        var values = await db.IndicatorValues.AsNoTracking().Where(v => ids.Contains(v.IndicatorId) && v.Period == text && v.IsCurrent)
            .Select(v => new { v.IndicatorId, Current = new CurrentValue(v.Id, v.Numerator, v.Denominator, v.Value, v.Note, v.Version, v.CreatedAt, v.CreatedBy) })
            .ToListAsync(ct);
        var byIndicator = values.GroupBy(v => v.IndicatorId).ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.Current.Id).First().Current);
        return indicators.Select(i => new GridIndicator(
            i.Id, i.Code, i.Name, i.Definition.Unit, i.Definition.NumeratorLabel, i.Definition.DenominatorLabel, i.Definition.ChildPopulation,
            i.Definition.Id, i.Target, i.Polarity, byIndicator.GetValueOrDefault(i.Id))).ToList();
    }
}
