using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;

namespace HscpPortal.Web.Domain;

/// <summary>A record that holds from a date until an optional date, both inclusive (a seat, an appointment, a status).</summary>
public interface IDated
{
    DateOnly From { get; }
    DateOnly? To { get; }
}

/// <summary>
/// Marks a rule whose body is the expression named, so that queries can call it: the query interceptor puts the
/// expression in place of the call. The method itself runs the same expression, compiled, so they cannot drift.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class QueryRuleAttribute(string expression) : Attribute
{
    public string Expression { get; } = expression;
}

/// <summary>
/// The two rules every list and count leans on, written once. Each method is the in-memory rule; inside an EF Core
/// query the same call is rewritten into the equivalent SQL (<c>Data/QueryRules</c>), so a query and a list in memory
/// cannot disagree. <c>QueryRulesTests</c> proves the two agree case by case.
/// </summary>
public static class Rules
{
    /// <summary>Not archived: the record counts, shows in lists and pickers, and can be chosen.</summary>
    public static bool IsLive([NotNull] this IArchivable? record) => record!.ArchivedAt is null;

    /// <summary>Archived: kept for history, left out of counts and lists.</summary>
    public static bool IsArchived([NotNull] this IArchivable? record) => record!.ArchivedAt is not null;

    /// <summary>Held on the date (From and To inclusive; no To means it continues).</summary>
    public static bool IsCurrentOn([NotNull] this IDated? record, DateOnly date) => record!.From <= date && (record.To == null || record.To >= date);

    /// <summary>Held at any time from <paramref name="start"/> to <paramref name="end"/> (a reporting year, say).</summary>
    public static bool Overlaps([NotNull] this IDated? record, DateOnly start, DateOnly end) => record!.From <= end && (record.To == null || record.To >= start);

    /// <summary>The live records of a list, for queries and in memory alike.</summary>
    public static IQueryable<T> Live<T>(this IQueryable<T> records)
        where T : class, IArchivable => records.Where(r => r.IsLive());

    public static IEnumerable<T> Live<T>(this IEnumerable<T> records)
        where T : IArchivable => records.Where(r => r.IsLive());

    /// <summary>The live records held on the date.</summary>
    public static IQueryable<T> CurrentOn<T>(this IQueryable<T> records, DateOnly date)
        where T : class, IArchivable, IDated => records.Where(r => r.IsLive() && r.IsCurrentOn(date));

    public static IEnumerable<T> CurrentOn<T>(this IEnumerable<T> records, DateOnly date)
        where T : IArchivable, IDated => records.Where(r => r.IsLive() && r.IsCurrentOn(date));

    /// <summary>A statutory partner on the date: a partner kind, and within its partnership dates.</summary>
    [QueryRule(nameof(PartnerOnRule))]
    public static bool IsPartnerOn(this Organisation organisation, DateOnly date) => PartnerOn(organisation, date);

    /// <summary>A statutory partner at any time from <paramref name="start"/> to <paramref name="end"/>.</summary>
    [QueryRule(nameof(PartnerDuringRule))]
    public static bool IsPartnerDuring(this Organisation organisation, DateOnly start, DateOnly end) => PartnerDuring(organisation, start, end);

    /// <summary>A designated education or childcare agency on the date.</summary>
    [QueryRule(nameof(DesignatedOnRule))]
    public static bool IsDesignatedOn(this Organisation organisation, DateOnly date) => DesignatedOn(organisation, date);

    public static readonly Expression<Func<Organisation, DateOnly, bool>> PartnerOnRule = (o, date) =>
        o.StatutoryPartner != null && (o.PartnerFrom == null || o.PartnerFrom <= date) && (o.PartnerTo == null || o.PartnerTo >= date);

    public static readonly Expression<Func<Organisation, DateOnly, DateOnly, bool>> PartnerDuringRule = (o, start, end) =>
        o.StatutoryPartner != null && (o.PartnerFrom == null || o.PartnerFrom <= end) && (o.PartnerTo == null || o.PartnerTo >= start);

    public static readonly Expression<Func<Organisation, DateOnly, bool>> DesignatedOnRule = (o, date) =>
        o.Designation != null && (o.DesignatedFrom == null || o.DesignatedFrom <= date) && (o.DesignatedTo == null || o.DesignatedTo >= date);

    private static readonly Func<Organisation, DateOnly, bool> PartnerOn = PartnerOnRule.Compile();
    private static readonly Func<Organisation, DateOnly, DateOnly, bool> PartnerDuring = PartnerDuringRule.Compile();
    private static readonly Func<Organisation, DateOnly, bool> DesignatedOn = DesignatedOnRule.Compile();
}
