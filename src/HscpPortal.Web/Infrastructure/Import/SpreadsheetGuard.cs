using System.IO.Compression;

namespace HscpPortal.Web.Infrastructure.Import;

/// <summary>
/// Checks an uploaded spreadsheet before a parser sees it. An .xlsx is a zip, and a few kilobytes of zip can hold
/// hundreds of megabytes of XML (one 200 MB cell took 30 s and 800 MB to parse), so each part's size is checked
/// as declared and as actually decompressed, with the reading stopped at the limit. Cells longer than Excel's own
/// limit are refused however the file arrived.
/// </summary>
public static class SpreadsheetGuard
{
    /// <summary>Excel's own limit on a cell's length.</summary>
    public const int MaxCellLength = 32_767;

    public const long MaxPartBytes = 25L * 1024 * 1024;

    public const long MaxPackageBytes = 40L * 1024 * 1024;

    public const string TooLarge = "The selected file holds more data than a spreadsheet of this size should: save it again from Excel as .xlsx (Excel Workbook), or split it, and try again";

    /// <summary>Why the package cannot be read safely, or null when every part is within the limits.</summary>
    public static string? PackageProblem(byte[] content, long maxPartBytes = MaxPartBytes, long maxPackageBytes = MaxPackageBytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > maxPartBytes || (total += entry.Length) > maxPackageBytes)
                {
                    return TooLarge;
                }
            }

            // The sizes above are what the file claims; count what the parts really decompress to, never past the limit.
            total = 0;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                using var part = entry.Open();
                long size = 0;
                int read;
                while ((read = part.Read(buffer, 0, buffer.Length)) > 0)
                {
                    size += read;
                    total += read;
                    if (size > maxPartBytes || total > maxPackageBytes)
                    {
                        return TooLarge;
                    }
                }
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return "The selected file could not be read as an Excel spreadsheet: save it as .xlsx (Excel Workbook) and try again";
        }
    }

    /// <summary>The message for a cell over <see cref="MaxCellLength"/>, naming its row.</summary>
    public static string CellTooLong(int row) =>
        $"Row {row} has a cell longer than {MaxCellLength:N0} characters, the most a spreadsheet cell can hold: shorten it and try again";
}

/// <summary>Thrown while reading rows when a cell is longer than a spreadsheet cell can be.</summary>
public sealed class CellTooLongException(int row) : Exception($"Cell too long in row {row}")
{
    public int Row { get; } = row;
}
