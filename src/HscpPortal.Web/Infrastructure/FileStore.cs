using System.Security.Cryptography;
using HscpPortal.Web.Domain;
using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Infrastructure;

/// <summary>
/// Uploaded files (meeting papers, self-assessment evidence) live outside the web root under a random name; only PDF
/// and Office files are accepted, checked by extension and by their first bytes, and never larger than the configured
/// limit. One store for every record that holds a file, so the rules cannot drift apart.
/// </summary>
public sealed class FileStore(IOptions<StorageOptions> options, DataPaths paths)
{
    private static readonly Dictionary<string, (string ContentType, string Name, byte[][] Signatures)> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", "PDF", [[0x25, 0x50, 0x44, 0x46]]),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word", [[0x50, 0x4B, 0x03, 0x04]]),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel", [[0x50, 0x4B, 0x03, 0x04]]),
        [".pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint", [[0x50, 0x4B, 0x03, 0x04]]),
        [".odt"] = ("application/vnd.oasis.opendocument.text", "OpenDocument", [[0x50, 0x4B, 0x03, 0x04]]),
        [".ods"] = ("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument", [[0x50, 0x4B, 0x03, 0x04]]),
        [".doc"] = ("application/msword", "Word", [[0xD0, 0xCF, 0x11, 0xE0]]),
        [".xls"] = ("application/vnd.ms-excel", "Excel", [[0xD0, 0xCF, 0x11, 0xE0]]),
        [".ppt"] = ("application/vnd.ms-powerpoint", "PowerPoint", [[0xD0, 0xCF, 0x11, 0xE0]]),
    };

    private string Directory => paths.Resolve(options.Value.FilesDirectory);

    /// <summary>The extensions accepted: those the settings list that the store can check, or all it can check.</summary>
    public IReadOnlyList<string> Extensions =>
        options.Value.AllowedExtensions.Count == 0
            ? [.. Allowed.Keys]
            : [.. Allowed.Keys.Where(k => options.Value.AllowedExtensions.Any(a => string.Equals(a.Trim(), k, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>For a file input's accept attribute.</summary>
    public string Accept => string.Join(',', Extensions);

    /// <summary>"PDF, Word or Excel, up to 20 MB": the hint under a file input, from the settings.</summary>
    public string Hint
    {
        get
        {
            var names = Extensions.Select(e => Allowed[e].Name).Distinct(StringComparer.Ordinal).ToList();
            var kinds = names.Count <= 1 ? string.Concat(names) : string.Join(", ", names[..^1]) + " or " + names[^1];
            return $"{kinds}, up to {options.Value.MaxUploadBytes / (1024 * 1024)} MB";
        }
    }

    /// <summary>Stores the file and fills in the record's file fields, or returns why the file was refused.</summary>
    public async Task<string?> SaveAsync(IFormFile file, IStoredFile record, CancellationToken ct)
    {
        var limit = options.Value.MaxUploadBytes;
        var extension = Path.GetExtension(file.FileName);
        if (file.Length == 0)
        {
            return "The selected file is empty";
        }

        if (file.Length > limit)
        {
            return $"The selected file must be smaller than {limit / (1024 * 1024)} MB";
        }

        if (!Allowed.TryGetValue(extension, out var kind) || !Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            return options.Value.AllowedExtensions.Count == 0
                ? "The selected file must be a PDF or an Office document (Word, Excel, PowerPoint or OpenDocument)"
                : $"The selected file must be {string.Join(", ", Extensions.Select(e => e.TrimStart('.').ToUpperInvariant()))}";
        }

        var header = new byte[4];
        await using (var peek = file.OpenReadStream())
        {
            var read = await peek.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
            if (read < header.Length || !kind.Signatures.Any(s => header.AsSpan().SequenceEqual(s)))
            {
                return $"The selected file is not a real {extension.TrimStart('.').ToUpperInvariant()} file";
            }
        }

        System.IO.Directory.CreateDirectory(Directory);
        var stored = Guid.NewGuid().ToString("N");
        await using (var target = File.Create(Path.Combine(Directory, stored)))
        await using (var source = file.OpenReadStream())
        {
            await source.CopyToAsync(target, ct);
        }

        await using (var saved = File.OpenRead(Path.Combine(Directory, stored)))
        {
            record.Sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(saved, ct));
        }

        record.StoredName = stored;
        record.FileName = Path.GetFileName(file.FileName);
        record.ContentType = kind.ContentType;
        record.Size = file.Length;
        return null;
    }

    public Stream? Open(string storedName)
    {
        var path = Path.Combine(Directory, Path.GetFileName(storedName));
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    public void Delete(string storedName)
    {
        var path = Path.Combine(Directory, Path.GetFileName(storedName));
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
