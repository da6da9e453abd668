namespace HscpPortal.Web.Infrastructure;

/// <summary>Resolves configured paths: absolute as given, relative under the data directory.</summary>
public sealed class DataPaths(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.Combine(Root, path);

    public static DataPaths From(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[$"{PortalOptions.Section}:{nameof(PortalOptions.DataDirectory)}"] ?? "App_Data";
        return new DataPaths(Path.IsPathRooted(configured) ? configured : Path.Combine(environment.ContentRootPath, configured));
    }
}
