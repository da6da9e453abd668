namespace HscpPortal.Web.Features.Shared;

/// <summary>
/// Where the partial view of a tile, report section or page section is: beside its class, as
/// <c>_{ClassName}.cshtml</c>. Namespaces follow folders (IDE0130 fails the build otherwise), so the class's
/// namespace is its folder, and a line of work can keep its parts in its own folder without telling anyone.
/// </summary>
public static class ViewBeside
{
    private const string Root = "HscpPortal.Web";

    public static string Partial(Type type)
    {
        var ns = type.Namespace ?? "";
        if (ns != Root && !ns.StartsWith(Root + ".", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{type.FullName} is outside the web project, so it has no folder there for its partial view.");
        }

        var folder = ns.Length == Root.Length ? "" : ns[(Root.Length + 1)..].Replace('.', '/') + "/";
        // A view component's own name leaves off "ViewComponent", and so does its partial.
        const string suffix = "ViewComponent";
        var name = type.Name.EndsWith(suffix, StringComparison.Ordinal) && type.Name.Length > suffix.Length
            ? type.Name[..^suffix.Length]
            : type.Name;
        return $"~/{folder}_{name}.cshtml";
    }
}
