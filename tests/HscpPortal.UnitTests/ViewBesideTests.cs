using HscpPortal.Web.Features.Audits;
using HscpPortal.Web.Features.Shared;

namespace HscpPortal.UnitTests;

/// <summary>
/// A future line of work (multi-agency audits) keeps its tile and its report section in its own folder: their
/// partials are looked for there, beside their classes, by namespace.
/// </summary>
public sealed class ViewBesideTests
{
    [Fact]
    public void Partial_TileInAnotherLineOfWork_IsBesideTheClass()
    {
        Assert.Equal("~/Features/Audits/_AuditsTile.cshtml", new AuditsTile().Partial);
    }

    [Fact]
    public void Partial_ReportSectionInAnotherLineOfWork_IsBesideTheClass()
    {
        Assert.Equal("~/Features/Audits/_AuditsSection.cshtml", new AuditsSection().Partial);
    }

    [Fact]
    public void Partial_ViewComponent_LeavesOffTheSuffixAsMvcDoes()
    {
        Assert.Equal("~/Features/Audits/_MeetingAudits.cshtml", ViewBeside.Partial(typeof(MeetingAuditsViewComponent)));
    }

    [Fact]
    public void Partial_TypeOutsideTheWebProject_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => ViewBeside.Partial(typeof(ViewBesideTests)));
    }
}
