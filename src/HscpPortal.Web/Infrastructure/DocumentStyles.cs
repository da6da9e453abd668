namespace HscpPortal.Web.Infrastructure;

/// <summary>The printed documents' stylesheet (wwwroot/css/document.css), for inlining into HTML given to the PDF printer.</summary>
public static class DocumentStyles
{
    public const string Path = "css/document.css";

    public static string Read(IWebHostEnvironment environment)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(Path);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"The document stylesheet wwwroot/{Path} is missing.");
        }

        using var reader = new StreamReader(file.CreateReadStream());
        return reader.ReadToEnd();
    }
}
