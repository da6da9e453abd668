namespace HscpPortal.IntegrationTests.Infrastructure;

/// <summary>The repository's own folder, found from the test assembly's, for tests that read the source.</summary>
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

        throw new InvalidOperationException("src/HscpPortal.Web was not found above the test assembly.");
    }
}
