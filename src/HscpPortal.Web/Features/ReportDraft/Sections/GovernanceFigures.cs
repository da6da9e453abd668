using HscpPortal.Web.Reporting;
using K = HscpPortal.Web.Reporting.ReportSectionKeys;

namespace HscpPortal.Web.Features.ReportDraft.Sections;

/// <summary>The governance appendix's numbers as figures: seats taken and given up in each group. Names are not figures.</summary>
public static class GovernanceFigures
{
    private const string Unit = "members";

    public static string Joined(string group) => $"{K.StructureAppendix}.membership.{ReportFigures.Slug(group)}.joined";

    public static string Left(string group) => $"{K.StructureAppendix}.membership.{ReportFigures.Slug(group)}.left";

    public static IEnumerable<ReportFigure> Of(GovernanceModel model, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(period);
        foreach (var r in model.MembershipChanges)
        {
            var group = $"/groups/{r.GroupId}";
            yield return ReportFigure.Count(Joined(r.Group), $"{r.Group}: members whose seat began in the year", period.InYear, r.Joined, Unit, group);
            yield return ReportFigure.Count(Left(r.Group), $"{r.Group}: members whose seat ended in the year", period.InYear, r.Left, Unit, group);
        }
    }
}
