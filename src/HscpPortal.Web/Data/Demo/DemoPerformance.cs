using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Data.Demo;

/// <summary>
/// The multi-agency dataset's catalogue and its 2022-23 and 2023-24 values, from the figures of the 2023-24 yearly report:
/// contacts becoming referrals (28% then about 20%), section 47 enquiries per 10,000 children (371 then 269), children on a
/// child in need plan per 10,000 (105 then 88), 204 children on a child protection plan at the end of March 2024,
/// assessments within 45 days (79% against 95%), early help contacts in 72 hours (72.8% against 95%) of 4,957 CHAT contacts
/// (34% more than the year before), strategy discussions in time (96% at the year's end), children missing (124, in 277
/// episodes), return home interviews (118 children, 265 interviews), exploitation risk assessments (143 children, 166
/// assessments), MACE meetings (55 initial, 100 review) and children vulnerable to criminal and sexual exploitation by risk
/// level. The report gives year figures: monthly and quarterly indicators carry the year to date, so their last period is
/// the report's figure and the months before lead up to it. The child population behind the rates is a round 40,000.
/// Other years' values, and 2024-25 to date, come from <see cref="FillAsync"/>, the generator's step.
/// </summary>
public static class DemoPerformance
{
    public const decimal ChildPopulation = 40_000m;

    private const string Council = "Herefordshire Council";
    private const string Police = "West Mercia Police";
    private const string TeamName = "Partnership Team";

    /// <summary>What the catalogue holds: code, name, unit, polarity, target, tolerance, frequency, group, source, priority, views, reported, definition, labels.</summary>
    private sealed record Spec(
        string Code, string Name, IndicatorUnit Unit, Polarity Polarity, decimal? Target, decimal? Tolerance, IndicatorFrequency Frequency,
        string Group, string Source, string? Priority, PerformanceView[] Views, bool Reported, string Definition,
        string? Numerator = null, string? Denominator = null);

    // Before the catalogue, which reads it as it is initialised.
    private static readonly string[] RiskLevels = ["emerging", "moderate", "significant", "actual"];

    private static readonly Spec[] Catalogue =
    [
        new("MASH-01", "Contacts that became referrals", IndicatorUnit.Percentage, Polarity.Neither, null, null, IndicatorFrequency.Monthly,
            "MASH Group", Council, "Right help, right time", [PerformanceView.Mash], true,
            "Contacts to children's social care in the year to date that led to a referral, out of all contacts received.",
            "referrals", "contacts"),
        new("MASH-02", "Strategy discussions held within timescale", IndicatorUnit.Percentage, Polarity.HigherIsBetter, 95m, 5m, IndicatorFrequency.Monthly,
            "MASH Group", Council, "Right help, right time", [PerformanceView.Mash, PerformanceView.ChildProtection], true,
            "Strategy discussions in the year to date held within the timescale of the local procedures, out of all strategy discussions held.",
            "strategy discussions in time", "strategy discussions"),
        new("CSC-01", "Assessments completed within 45 days", IndicatorUnit.Percentage, Polarity.HigherIsBetter, 95m, 5m, IndicatorFrequency.Monthly,
            "Quality and Effectiveness Group", Council, "Right help, right time", [PerformanceView.ChildProtection], true,
            "Children's social care assessments completed in the year to date within 45 working days of the referral, out of all assessments completed.",
            "assessments within 45 days", "assessments completed"),
        new("CSC-02", "Section 47 enquiries per 10,000 children", IndicatorUnit.RatePer10000, Polarity.LowerIsBetter, null, null, IndicatorFrequency.Quarterly,
            "Quality and Effectiveness Group", Council, "Right help, right time", [PerformanceView.ChildProtection], true,
            "Section 47 enquiries started in the twelve months to the end of the quarter, per 10,000 children aged 0 to 17.",
            "section 47 enquiries"),
        new("CSC-03", "Children on a child in need plan per 10,000 children", IndicatorUnit.RatePer10000, Polarity.LowerIsBetter, null, null, IndicatorFrequency.Quarterly,
            "Quality and Effectiveness Group", Council, "Right help, right time", [PerformanceView.ChildProtection], true,
            "Children on a child in need plan on the last day of the quarter, per 10,000 children aged 0 to 17.",
            "children on a child in need plan"),
        new("CSC-04", "Children on a child protection plan", IndicatorUnit.Count, Polarity.Neither, null, null, IndicatorFrequency.Monthly,
            "Quality and Effectiveness Group", Council, "Child neglect", [PerformanceView.ChildProtection], true,
            "Children subject to a child protection plan on the last day of the month.", "children on a plan"),
        new("EH-01", "Early help contacts completed within 72 hours", IndicatorUnit.Percentage, Polarity.HigherIsBetter, 95m, 5m, IndicatorFrequency.Monthly,
            "Quality and Effectiveness Group", Council, "Right help, right time", [PerformanceView.EarlyHelp], true,
            "Contacts to the Children's Help and Advice Team (CHAT) in the year to date completed within 72 hours, out of all contacts completed.",
            "contacts within 72 hours", "contacts completed"),
        new("EH-02", "Early help (CHAT) contacts completed", IndicatorUnit.Count, Polarity.Neither, null, null, IndicatorFrequency.Yearly,
            "Quality and Effectiveness Group", Council, "Right help, right time", [PerformanceView.EarlyHelp], true,
            "Contacts completed by the Children's Help and Advice Team in the reporting year.", "contacts"),
        new("EM-01", "Children reported missing", IndicatorUnit.Count, Polarity.Neither, null, null, IndicatorFrequency.Yearly,
            "Child Exploitation and Missing Group", Police, "Child exploitation", [PerformanceView.ExploitationAndMissing], true,
            "Children reported missing from home or care at least once in the reporting year.", "children"),
        new("EM-02", "Missing episodes", IndicatorUnit.Count, Polarity.Neither, null, null, IndicatorFrequency.Yearly,
            "Child Exploitation and Missing Group", Police, "Child exploitation", [PerformanceView.ExploitationAndMissing], true,
            "Episodes of a child missing from home or care in the reporting year.", "episodes"),
        new("EM-03", "Children with a return home interview", IndicatorUnit.Count, Polarity.Neither, null, null, IndicatorFrequency.Yearly,
            "Child Exploitation and Missing Group", Council, "Child exploitation", [PerformanceView.ExploitationAndMissing], true,
            "Children with one or more return home interviews in the reporting year.", "children"),
        new("EM-04", "Return home interviews completed", IndicatorUnit.Count, Polarity.Neither, null, null, IndicatorFrequency.Yearly,
            "Child Exploitation and Missing Group", Council, "Child exploitation", [PerformanceView.ExploitationAndMissing], true,
            "Return home interviews completed in the reporting year.", "interviews"),
        new("EM-05", "Exploitation risk assessments", IndicatorUnit.Count, Polarity.Neither, null, null, IndicatorFrequency.Yearly,
            "Child Exploitation and Missing Group", Council, "Child exploitation", [PerformanceView.ExploitationAndMissing], true,
            "Exploitation risk assessments completed in the reporting year (Get Safe).", "assessments"),
        new("EM-06", "Initial MACE meetings", IndicatorUnit.Count, Polarity.Neither, null, null, IndicatorFrequency.Yearly,
            "Child Exploitation and Missing Group", Council, "Child exploitation", [PerformanceView.ExploitationAndMissing], false,
            "Initial multi-agency child exploitation (MACE) meetings held in the reporting year.", "meetings"),
        new("EM-07", "Review MACE meetings", IndicatorUnit.Count, Polarity.Neither, null, null, IndicatorFrequency.Yearly,
            "Child Exploitation and Missing Group", Council, "Child exploitation", [PerformanceView.ExploitationAndMissing], false,
            "Review multi-agency child exploitation (MACE) meetings held in the reporting year.", "meetings"),
        .. Levels("CE", "criminal exploitation"),
        .. Levels("CSE", "sexual exploitation"),
    ];

    private static IEnumerable<Spec> Levels(string code, string kind) =>
        RiskLevels.Select((level, n) => new Spec(
            $"EM-{code}-{n + 1}", $"Children vulnerable to {kind}: {level} risk", IndicatorUnit.Count, Polarity.Neither, null, null,
            IndicatorFrequency.Yearly, "Child Exploitation and Missing Group", Council, "Child exploitation", [PerformanceView.ExploitationAndMissing], true,
            $"Children identified in the last twelve months as vulnerable to {kind}, whose latest assessed risk was {level}.", "children"));

    /// <summary>The seeds' year figures: (numerator, denominator) for 2022-23 and 2023-24; null where the report gives none.</summary>
    private static readonly Dictionary<string, ((decimal N, decimal? D)? Before, (decimal N, decimal? D) Year)> Figures = new(StringComparer.Ordinal)
    {
        ["MASH-01"] = ((2_100m, 7_500m), (1_620m, 8_100m)),
        ["MASH-02"] = ((748m, 850m), (816m, 850m)),
        ["CSC-01"] = ((2_226m, 2_650m), (1_106m, 1_400m)),
        ["CSC-02"] = ((1_484m, ChildPopulation), (1_076m, ChildPopulation)),
        ["CSC-03"] = ((420m, ChildPopulation), (352m, ChildPopulation)),
        ["CSC-04"] = ((232m, null), (204m, null)),
        ["EH-01"] = ((3_255m, 3_699m), (3_609m, 4_957m)),
        ["EH-02"] = ((3_699m, null), (4_957m, null)),
        ["EM-01"] = (null, (124m, null)),
        ["EM-02"] = (null, (277m, null)),
        ["EM-03"] = (null, (118m, null)),
        ["EM-04"] = (null, (265m, null)),
        ["EM-05"] = (null, (166m, null)),
        ["EM-06"] = (null, (55m, null)),
        ["EM-07"] = (null, (100m, null)),
        ["EM-CE-1"] = (null, (71m, null)),
        ["EM-CE-2"] = (null, (28m, null)),
        ["EM-CE-3"] = (null, (16m, null)),
        ["EM-CE-4"] = (null, (4m, null)),
        ["EM-CSE-1"] = (null, (43m, null)),
        ["EM-CSE-2"] = (null, (31m, null)),
        ["EM-CSE-3"] = (null, (12m, null)),
        ["EM-CSE-4"] = (null, (8m, null)),
    };

    private static DateTime Noon(DateOnly date) => date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);

    public static async Task SeedAsync(PortalDbContext db, DateOnly today, CancellationToken ct)
    {
        var groups = await db.Groups.AsNoTracking().ToDictionaryAsync(g => g.Name, g => g.Id, StringComparer.Ordinal, ct);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Name, o => o.Id, StringComparer.Ordinal, ct);
        var priorities = await db.Priorities.AsNoTracking().ToDictionaryAsync(p => p.Title, p => p.Id, StringComparer.Ordinal, ct);
        if (!groups.TryGetValue("Quality and Effectiveness Group", out var qualityAndEffectiveness))
        {
            return;
        }

        var created = Noon(new DateOnly(2023, 4, 3));
        var indicators = Catalogue.Select((s, n) => new Indicator
        {
            Code = s.Code,
            Name = s.Name,
            Polarity = s.Polarity,
            Target = s.Target,
            Tolerance = s.Tolerance,
            Frequency = s.Frequency,
            GroupId = groups.GetValueOrDefault(s.Group, qualityAndEffectiveness),
            SourceOrganisationId = organisations.TryGetValue(s.Source, out var org) ? org : null,
            PriorityId = s.Priority is not null && priorities.TryGetValue(s.Priority, out var pr) ? pr : null,
            ViewTags = PerformanceRules.Tags(s.Views),
            InYearlyReport = s.Reported,
            Order = n + 1,
            CreatedAt = created,
            CreatedBy = TeamName,
            Definitions =
            [
                new IndicatorDefinition
                {
                    Number = 1,
                    Definition = s.Definition,
                    Unit = s.Unit,
                    NumeratorLabel = s.Numerator,
                    DenominatorLabel = s.Denominator,
                    ChildPopulation = s.Unit == IndicatorUnit.RatePer10000 ? ChildPopulation : null,
                    CreatedAt = created,
                    CreatedBy = TeamName,
                },
            ],
        }).ToList();
        db.Indicators.AddRange(indicators);
        await db.SaveChangesAsync(ct);

        foreach (var indicator in indicators)
        {
            var figures = Figures[indicator.Code];
            var definition = indicator.Definitions[0];
            if (figures.Before is { } before)
            {
                AddYear(db, indicator, definition, new ReportingYear(2022), before, figures.Before);
            }

            AddYear(db, indicator, definition, new ReportingYear(2023), figures.Year, figures.Before);
        }

        // England and statistical neighbours for the two rates the report compares, as the partners' scorecard carried them.
        var s47 = indicators.First(i => i.Code == "CSC-02").Id;
        var cin = indicators.First(i => i.Code == "CSC-03").Id;
        db.IndicatorComparators.AddRange(
            Comparator(s47, ComparatorKind.StatisticalNeighbours, 2022, 238m),
            Comparator(s47, ComparatorKind.StatisticalNeighbours, 2023, 221m),
            Comparator(cin, ComparatorKind.Region, 2022, 92m),
            Comparator(cin, ComparatorKind.Region, 2023, 89m));
        await db.SaveChangesAsync(ct);

        // A figure revised after it was first entered: two strategy discussions recorded late in March 2024.
        var strategy = indicators.First(i => i.Code == "MASH-02");
        var march = await db.IndicatorValues.FirstAsync(v => v.IndicatorId == strategy.Id && v.Period == "2024-03" && v.IsCurrent, ct);
        var revision = PerformanceRules.Revise(march, strategy.Definitions[0], march.Numerator, march.Denominator, "Two discussions recorded late on the system were added.");
        march.Numerator -= 17;
        march.Value = PerformanceRules.Compute(IndicatorUnit.Percentage, march.Numerator, march.Denominator)!.Value;
        revision.CreatedAt = Noon(new DateOnly(2024, 4, 19));
        revision.CreatedBy = TeamName;
        db.IndicatorValues.Add(revision);
        await db.SaveChangesAsync(ct);

        // 2024-25 on, to the day of seeding, as the generator fills any year.
        await FillAsync(db, new ReportingYear(2024), today, new Random(2024), ct);
    }

    /// <summary>
    /// The generator's step: plausible values for every live indicator for the periods of a year that have ended by
    /// <paramref name="today"/>, each near the indicator's last known level with a seasonal swing (fewer contacts in August,
    /// more after the schools return) and a little noise. A period that already has a value is left alone. Returns how many
    /// values were added.
    /// </summary>
    public static async Task<int> FillAsync(PortalDbContext db, ReportingYear year, DateOnly today, Random random, CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.IsLive())
            .Select(i => new
            {
                i.Id, i.Frequency, i.Target,
                Definition = i.Definitions.OrderByDescending(d => d.Number).First(),
            })
            .OrderBy(i => i.Id).ToListAsync(ct);
        var ids = indicators.Select(i => i.Id).ToList();
        // Every value so far (a few thousand at most): a year is generated near the nearest year already known.
        var known = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.IsCurrent && ids.Contains(v.IndicatorId))
            .Select(v => new { v.IndicatorId, v.PeriodStart, v.Numerator, v.Denominator })
            .ToListAsync(ct);
        var added = 0;
        foreach (var indicator in indicators)
        {
            var mine = known.Where(k => k.IndicatorId == indicator.Id).OrderBy(k => k.PeriodStart).ToList();
            var nearest = mine.OrderBy(k => Math.Abs(k.PeriodStart.DayNumber - year.End.DayNumber)).FirstOrDefault();
            var baseNumerator = nearest?.Numerator ?? Default(indicator.Definition.Unit, indicator.Target);
            var baseDenominator = nearest?.Denominator ?? (indicator.Definition.Unit == IndicatorUnit.Percentage ? 1_000m : null);
            var ratio = baseDenominator is > 0 ? baseNumerator / baseDenominator.Value : 0m;
            // Each year drifts a little from the last, so ten years are not one flat line.
            var drift = 1m + ((decimal)random.Next(-8, 9) / 100m);
            foreach (var period in PerformancePeriod.In(year, indicator.Frequency))
            {
                if (period.End >= today || mine.Any(k => k.PeriodStart == period.Start))
                {
                    continue;
                }

                var share = YearShare(period);
                var season = Season(period.Start.Month);
                var noise = 1m + ((decimal)random.Next(-40, 41) / 1000m);
                decimal numerator;
                decimal? denominator;
                switch (indicator.Definition.Unit)
                {
                    case IndicatorUnit.Percentage:
                        denominator = Math.Max(1m, Math.Round((baseDenominator ?? 1_000m) * share * drift * season));
                        var rate = Math.Clamp(ratio * noise * (2m - drift), 0m, 1m);
                        numerator = Math.Min(denominator.Value, Math.Round(denominator.Value * rate));
                        break;
                    case IndicatorUnit.RatePer10000:
                        denominator = indicator.Definition.ChildPopulation ?? ChildPopulation;
                        numerator = Math.Max(0m, Math.Round(baseNumerator * drift * noise));
                        break;
                    default:
                        denominator = null;
                        // Year-to-date totals grow through the year; snapshots (a yearly figure or a count on a day) do not.
                        numerator = Math.Max(0m, Math.Round(baseNumerator * drift * noise * (indicator.Frequency == IndicatorFrequency.Yearly ? 1m : season)));
                        break;
                }

                var value = PerformanceRules.Compute(indicator.Definition.Unit, numerator, denominator);
                if (value is null)
                {
                    continue;
                }

                var entered = Noon(period.End.AddDays(random.Next(8, 20)));
                db.IndicatorValues.Add(new IndicatorValue
                {
                    IndicatorId = indicator.Id,
                    DefinitionId = indicator.Definition.Id,
                    Period = period.ToString(),
                    PeriodStart = period.Start,
                    Numerator = numerator,
                    Denominator = denominator,
                    Value = value.Value,
                    CreatedAt = entered,
                    CreatedBy = TeamName,
                });
                added++;
            }
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        return added;
    }

    private static decimal Default(IndicatorUnit unit, decimal? target) => unit switch
    {
        IndicatorUnit.Percentage => 850m,
        IndicatorUnit.RatePer10000 => 1_000m,
        _ => target ?? 100m,
    };

    // How far through the year a year-to-date denominator is at the end of the period.
    private static decimal YearShare(PerformancePeriod period) => period.Frequency switch
    {
        IndicatorFrequency.Monthly => (((period.Start.Month + 8) % 12) + 1) / 12m,
        IndicatorFrequency.Quarterly => 1m,
        _ => 1m,
    };

    // Contacts and referrals dip in the summer holidays and over Christmas, and rise when schools return.
    private static decimal Season(int month) => month switch
    {
        8 => 0.9m,
        12 => 0.94m,
        9 or 10 => 1.06m,
        _ => 1m,
    };

    private static IndicatorComparator Comparator(int indicatorId, ComparatorKind kind, int year, decimal value) => new()
    {
        IndicatorId = indicatorId,
        Kind = kind,
        Year = year,
        Value = value,
        CreatedAt = Noon(new ReportingYear(year).End.AddMonths(7)),
        CreatedBy = TeamName,
    };

    /// <summary>A year's values ending at the report's figure: months and quarters lead up to it, a yearly indicator has the one.</summary>
    private static void AddYear(PortalDbContext db, Indicator indicator, IndicatorDefinition definition, ReportingYear year,
        (decimal N, decimal? D) figure, (decimal N, decimal? D)? before)
    {
        var periods = PerformancePeriod.In(year, indicator.Frequency);
        var unit = definition.Unit;
        for (var n = 0; n < periods.Count; n++)
        {
            var period = periods[n];
            var last = n == periods.Count - 1;
            // 0 at the year's start to 1 at its end, with a seasonal wobble that keeps the months apart.
            var through = (n + 1m) / periods.Count;
            var wobble = (((period.Start.Month * 7) + year.StartYear) % 9 - 4) / 100m;
            decimal numerator;
            decimal? denominator;
            switch (unit)
            {
                case IndicatorUnit.Percentage:
                    denominator = last ? figure.D!.Value : Math.Max(1m, Math.Round(figure.D!.Value * through));
                    var start = before is { D: > 0 } b ? b.N / b.D!.Value : figure.N / figure.D!.Value;
                    var endRate = figure.N / figure.D!.Value;
                    var rate = Math.Clamp(start + ((endRate - start) * through) + wobble, 0m, 1m);
                    numerator = last ? figure.N : Math.Min(denominator.Value, Math.Round(denominator.Value * rate));
                    break;
                case IndicatorUnit.RatePer10000:
                    denominator = figure.D;
                    var from = before?.N ?? figure.N;
                    numerator = last ? figure.N : Math.Round(from + ((figure.N - from) * through) + (figure.N * wobble));
                    break;
                default:
                    denominator = null;
                    var previous = before?.N ?? figure.N;
                    // Children on a plan: a snapshot each month. The 2023-24 report saw numbers rise for five months from June.
                    var bump = year.StartYear == 2023 && period.Start.Month is >= 6 and <= 11 ? (period.Start.Month - 5) * 7m : 0m;
                    numerator = last ? figure.N : Math.Round(previous + ((figure.N - previous) * through) + bump + (figure.N * wobble / 2));
                    break;
            }

            var entered = Noon(period.End.AddDays(14));
            db.IndicatorValues.Add(new IndicatorValue
            {
                IndicatorId = indicator.Id,
                DefinitionId = definition.Id,
                Period = period.ToString(),
                PeriodStart = period.Start,
                Numerator = numerator,
                Denominator = denominator,
                Value = PerformanceRules.Compute(unit, numerator, denominator)!.Value,
                CreatedAt = entered,
                CreatedBy = TeamName,
            });
        }
    }
}
