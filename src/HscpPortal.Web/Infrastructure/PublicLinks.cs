using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Infrastructure;

/// <summary>
/// Every absolute address the portal sends or shows (emails, calendar files and feeds, QR codes) starts with
/// <c>Portal:PublicUrl</c>. Never the request's Host header: a forged one would put a password-reset token in a link
/// to someone else's server.
/// </summary>
public sealed class PublicLinks(IOptions<PortalOptions> options)
{
    public Uri Root => new(options.Value.PublicUrl.TrimEnd('/') + "/");

    /// <summary>The portal's address for a path inside it ("/meetings/4").</summary>
    public string Absolute(string path) => options.Value.PublicUrl.TrimEnd('/') + "/" + path.TrimStart('/');

    public Uri AbsoluteUri(string path) => new(Absolute(path));
}
