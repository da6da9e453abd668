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

    /// <summary>
    /// The report's glossary: abbreviation or term, and what it stands for. Settings add to these or replace a meaning
    /// (a partnership's own acronyms); a term set to an empty meaning is left out.
    /// </summary>
    public IDictionary<string, string> Glossary { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["CSPR panel"] = "The national Child Safeguarding Practice Review Panel, which reviews serious child safeguarding cases of national importance",
        ["DSP"] = "Delegated safeguarding partner: the senior leader to whom a lead safeguarding partner delegates the partner's functions",
        ["ICB"] = "Integrated care board: the NHS body that plans and buys health services for an area, and one of the statutory safeguarding partners",
        ["JTAI"] = "Joint targeted area inspection: an inspection of how agencies in an area work together, by the health, police and education inspectorates",
        ["LCSPR"] = "Local child safeguarding practice review: a review the partnership commissions when a child is seriously harmed or dies and abuse or neglect is known or suspected",
        ["LSP"] = "Lead safeguarding partner: the chief executive or chief officer of a statutory partner, accountable for its safeguarding duties",
        ["MASH"] = "Multi-agency safeguarding hub: where agencies share information and decide together what help a child referred to them needs",
        ["Rapid review"] = "The partnership's first look at a serious incident, within 15 working days, to decide whether a local review is needed",
        ["Section 11"] = "The duty in section 11 of the Children Act 2004 on named agencies to make arrangements to safeguard and promote the welfare of children",
        ["Section 175"] = "The duty in section 175 of the Education Act 2002 on schools and colleges to safeguard and promote the welfare of their pupils",
        ["Working Together"] = "Working Together to Safeguard Children (2023): the statutory guidance on multi-agency safeguarding arrangements",
    };

    /// <summary>The last day on which the year's report may be published.</summary>
    public DateOnly PublicationDeadline(ReportingYear year)
    {
        var month = Math.Clamp(PublicationMonth, 1, 12);
        // Months after March fall in the calendar year the reporting year ends; January to March a year later.
        var calendarYear = month >= 4 ? year.StartYear + 1 : year.StartYear + 2;
        return new DateOnly(calendarYear, month, DateTime.DaysInMonth(calendarYear, month));
    }
}
