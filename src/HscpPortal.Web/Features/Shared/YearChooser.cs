using HscpPortal.Web.Domain;

namespace HscpPortal.Web.Features.Shared;

/// <summary>
/// The "choose a reporting year" form above a year's figures (<c>_YearChooser.cshtml</c>): it posts back to
/// <paramref name="Action"/> with <c>?year=</c>, offers <paramref name="Years"/> newest first, keeps a chosen year that
/// is not among them, and shows the page's error on the field when the year asked for was not valid.
/// </summary>
public sealed record YearChooser(string Action, IEnumerable<ReportingYear> Years, ReportingYear? Chosen, string? Error, string Label = "Reporting year");
