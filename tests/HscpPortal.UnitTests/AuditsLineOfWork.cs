using HscpPortal.Web.Features.Dashboard;
using HscpPortal.Web.Reporting;

// A stand-in for a line of work that does not exist yet, in the namespace its folder would give it.
namespace HscpPortal.Web.Features.Audits;

public sealed record AuditsModel(int Completed);

public sealed class AuditsTile : DashboardTile<AuditsModel>
{
    public override string Id => "audits";

    public override Task<AuditsModel?> LoadAsync(TileContext context, CancellationToken ct) => Task.FromResult<AuditsModel?>(new AuditsModel(0));
}

public sealed class AuditsSection : ReportSection<AuditsModel>
{
    public override string Key => ReportSectionKeys.Audits;
    public override string Title => "Multi-agency audits";

    public override Task<AuditsModel> BuildAsync(ReportContext context, CancellationToken ct) => Task.FromResult(new AuditsModel(0));
}

public sealed class MeetingAuditsViewComponent;
