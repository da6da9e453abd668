using HscpPortal.Web.Features.Dashboard.Tiles;
using HscpPortal.Web.Reporting;
using K = HscpPortal.Web.Reporting.ReportSectionKeys;

namespace HscpPortal.Web.Features.ReportDraft.Sections;

/// <summary>
/// The board section's numbers as figures: meetings held, and each statutory partner's attendance, linked to the
/// attendance report's page for that partner (whose figures these are). Key decisions are listed, not counted.
/// </summary>
public static class BoardImpactFigures
{
    private const string Meetings = "meetings";

    public const string MeetingsHeld = K.BoardImpact + ".meetings-held";

    public static string Held(string partner) => Id(partner, "meetings-held");

    public static string DspAttended(string partner) => Id(partner, "delegated-partner-attended");

    public static string DspPercent(string partner) => Id(partner, "delegated-partner-attended-percent");

    public static string RepresentativeAttended(string partner) => Id(partner, "representative-attended");

    public static string RepresentativePercent(string partner) => Id(partner, "representative-attended-percent");

    private static string Id(string partner, string what) => $"{K.BoardImpact}.attendance.{ReportFigures.Slug(partner)}.{what}";

    public static IEnumerable<ReportFigure> Of(BoardImpactModel model, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(period);
        if (model.Meetings.Count == 0)
        {
            yield break;
        }

        var inYear = period.InYear;
        yield return ReportFigure.Count(MeetingsHeld, "Board meetings held in the year", inYear, model.Meetings.Count, Meetings, $"/meetings/attendance?year={period.Year}");
        foreach (var r in model.Attendance)
        {
            var register = BoardAttendanceModel.PartnerUrl(period.Year, r.OrganisationId);
            yield return ReportFigure.Percentage(DspPercent(r.Partner), $"{r.Partner}: board meetings its delegated safeguarding partner attended, as a percentage of those held", inYear, r.DspPercent, register);
            yield return ReportFigure.Count(DspAttended(r.Partner), $"{r.Partner}: board meetings its delegated safeguarding partner attended", inYear, r.DspAttended, Meetings, register);
            yield return ReportFigure.Count(Held(r.Partner), $"{r.Partner}: board meetings held in the year while it was a statutory partner", inYear, r.Held, Meetings, register);
            yield return ReportFigure.Percentage(RepresentativePercent(r.Partner), $"{r.Partner}: board meetings a deputy or other representative attended for it, as a percentage of those held", inYear, r.RepresentativePercent, register);
            yield return ReportFigure.Count(RepresentativeAttended(r.Partner), $"{r.Partner}: board meetings a deputy or other representative attended for it (with or without the delegated partner)", inYear, r.RepresentativeAttended, Meetings, register);
        }
    }
}
