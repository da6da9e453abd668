using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;

namespace HscpPortal.Web.Infrastructure.Export;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>One column of an exported table: its header and how to read its value from a row.</summary>
public sealed record ExportColumn<T>(string Header, Func<T, object?> Value);

/// <summary>Rows read into plain cells (string, number, date or empty), ready to write as CSV or a spreadsheet.</summary>
public sealed class ExportTable
{
    private ExportTable(string name, IReadOnlyList<string> headers, IReadOnlyList<object?[]> rows)
    {
        Name = name;
        Headers = headers;
        Rows = rows;
    }

    /// <summary>The worksheet's name, and the stem of the download's file name.</summary>
    public string Name { get; }

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<object?[]> Rows { get; }

    public static ExportTable From<T>(string name, IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns)
    {
        if (columns.Select(c => c.Header).Distinct(StringComparer.OrdinalIgnoreCase).Count() != columns.Count)
        {
            // Spreadsheet rows are keyed by header, so two columns with one name would silently merge.
            throw new ArgumentException("Column headers must be unique.", nameof(columns));
        }

        return new ExportTable(
            name,
            columns.Select(c => c.Header).ToList(),
            rows.Select(r => columns.Select(c => Cell(c.Value(r))).ToArray()).ToList());
    }

    private static object? Cell(object? value) => value switch
    {
        null => null,
        string s => s,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTime or int or long or decimal or double or float => value,
        bool b => b ? "Yes" : "No",
        Enum e => Features.Shared.Format.Humanise(e),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>
/// Writes tables for download. CSV follows RFC 4180 (CRLF, fields quoted when they hold a comma, quote or line
/// break) in UTF-8 with a byte order mark so that Excel reads accented names correctly; spreadsheets are .xlsx.
/// </summary>
public static class TabularExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // A spreadsheet opening a CSV treats a cell starting with one of these as a formula, which lets text typed into
    // the portal run as a formula on someone else's machine (OWASP "CSV injection").
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>The format a download link asks for ("csv" or "xlsx"), or none for anything else.</summary>
    public static ExportFormat? ParseFormat(string? format) => format?.ToUpperInvariant() switch
    {
        "CSV" => ExportFormat.Csv,
        "XLSX" => ExportFormat.Xlsx,
        _ => null,
    };

    /// <summary>The table as a download named "{fileStem}.csv" or "{fileStem}.xlsx".</summary>
    public static FileContentResult Download(ExportTable table, ExportFormat format, string fileStem) => format == ExportFormat.Csv
        ? new FileContentResult(ToCsv(table), CsvContentType) { FileDownloadName = fileStem + ".csv" }
        : new FileContentResult(ToXlsx(table), XlsxContentType) { FileDownloadName = fileStem + ".xlsx" };

    public static byte[] ToCsv(ExportTable table)
    {
        var text = new StringBuilder();
        WriteLine(text, table.Headers.Cast<object?>());
        foreach (var row in table.Rows)
        {
            WriteLine(text, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] ToXlsx(ExportTable table)
    {
        // Cells are written as typed values; MiniExcel stores text as text (never as a formula), so no prefix is needed.
        var rows = table.Rows.Select(row =>
        {
            var cells = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < table.Headers.Count; i++)
            {
                cells[table.Headers[i]] = row[i];
            }

            return cells;
        }).ToList();
        if (rows.Count == 0)
        {
            // With no rows MiniExcel cannot see the columns, so the sheet would lack its header line.
            rows.Add(table.Headers.ToDictionary(h => h, _ => (object?)null, StringComparer.Ordinal));
        }

        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: SheetName(table.Name));
        return stream.ToArray();
    }

    public static string CsvField(object? value)
    {
        var text = value switch
        {
            null => "",
            DateTime d => d.TimeOfDay == TimeSpan.Zero
                ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            string s => s.Length > 0 && FormulaStarts.Contains(s[0]) ? "'" + s : s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 || (text.Length > 0 && (text[0] == ' ' || text[^1] == ' '))
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
    }

    private static void WriteLine(StringBuilder text, IEnumerable<object?> cells)
    {
        text.AppendJoin(',', cells.Select(CsvField));
        text.Append("\r\n");
    }

    // Excel limits sheet names to 31 characters and forbids a few punctuation marks.
    private static string SheetName(string name)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? ' ' : c).ToArray()).Trim();
        return clean.Length == 0 ? "Sheet1" : clean[..Math.Min(31, clean.Length)];
    }
}
