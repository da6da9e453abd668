// The audits line of work has its tile and report section; its meeting-page section does not exist yet, so this
// stand-in, in the namespace its folder would give it, keeps ViewBesideTests' view-component case.
namespace HscpPortal.Web.Features.Audits;

public sealed class MeetingAuditsViewComponent;
