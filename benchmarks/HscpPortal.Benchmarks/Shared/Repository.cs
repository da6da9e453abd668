namespace HscpPortal.Benchmarks;

/// <summary>Paths in this repository, found from the benchmark's own folder, and the temporary data folders.</summary>
public static class Repository
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "src", "HscpPortal.Web", "HscpPortal.Web.csproj")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository: src/HscpPortal.Web was not found.");
    }

    public static string WebProjectFolder() => Path.Combine(Root(), "src", "HscpPortal.Web");

    public static string TemporaryFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hscp-benchmark-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static void DeleteTemporaryFolder(string folder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
