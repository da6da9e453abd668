namespace HscpPortal.Web.Infrastructure;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Uploaded papers, outside the web root; relative paths are under the data directory.</summary>
    public string FilesDirectory { get; set; } = "files";

    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;
}
