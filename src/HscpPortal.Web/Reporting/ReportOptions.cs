using HscpPortal.Web.Domain;

namespace HscpPortal.Web.Reporting;

/// <summary>Settings for the yearly report (section <c>Reports</c>).</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>The report is due by the end of this month after its year ends: 9 is the end of September.</summary>
    public int PublicationMonth { get; set; } = 9;

    /// <summary>Working out each recipient's due date: this many days after publication.</summary>
    public int SendWithinDays { get; set; } = 7;

    /// <summary>Whom a published report is sent to, added to its sent-to log when it is published.</summary>
    public IList<string> Recipients { get; set; } =
        ["Child Safeguarding Practice Review Panel", "Foundations (What Works Centre)", "Local authority scrutiny committee"];

    /// <summary>The last day on which the year's report may be published.</summary>
    public DateOnly PublicationDeadline(ReportingYear year)
    {
        var month = Math.Clamp(PublicationMonth, 1, 12);
        // Months after March fall in the calendar year the reporting year ends; January to March a year later.
        var calendarYear = month >= 4 ? year.StartYear + 1 : year.StartYear + 2;
        return new DateOnly(calendarYear, month, DateTime.DaysInMonth(calendarYear, month));
    }
}
