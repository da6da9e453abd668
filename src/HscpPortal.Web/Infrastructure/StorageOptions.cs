namespace HscpPortal.Web.Infrastructure;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Uploaded papers, outside the web root; relative paths are under the data directory.</summary>
    public string FilesDirectory { get; set; } = "files";

    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>
    /// The file types users may upload, by extension (".pdf", ".docx"); none set means every type the store can check
    /// by its first bytes. A type the store cannot check is never allowed, whatever is listed here.
    /// </summary>
    public IList<string> AllowedExtensions { get; } = [];
}
