using System.Text;
using HscpPortal.Web.Infrastructure.Export;

namespace HscpPortal.UnitTests;

public class TabularExportTests
{
    private sealed record Row(string Name, int Count, DateOnly? Due);

    private static readonly ExportColumn<Row>[] Columns =
    [
        new("Name", r => r.Name),
        new("Count", r => r.Count),
        new("Due", r => r.Due),
    ];

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("Smith, Jones", "\"Smith, Jones\"")]
    [InlineData("say \"hello\"", "\"say \"\"hello\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("", "")]
    public void CsvField_Text_IsQuotedOnlyWhenNeeded(string value, string expected)
    {
        Assert.Equal(expected, TabularExport.CsvField(value));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+44 1432 260000", "'+44 1432 260000")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    public void CsvField_TextThatLooksLikeAFormula_IsPrefixedSoItStaysText(string value, string expected)
    {
        Assert.Equal(expected, TabularExport.CsvField(value));
    }

    [Fact]
    public void CsvField_NegativeNumber_IsNotPrefixed()
    {
        Assert.Equal("-3", TabularExport.CsvField(-3));
    }

    [Fact]
    public void ToCsv_Rows_WritesHeaderThenRowsWithCrlfAndBom()
    {
        var table = ExportTable.From("Actions", [new Row("Audit, neglect", 3, new DateOnly(2024, 3, 5)), new Row("=cmd", 0, null)], Columns);

        var bytes = TabularExport.ToCsv(table);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("Name,Count,Due\r\n\"Audit, neglect\",3,2024-03-05\r\n'=cmd,0,\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void ToXlsx_NoRows_StillWritesAWorkbook()
    {
        var bytes = TabularExport.ToXlsx(ExportTable.From("Empty: [list]", Array.Empty<Row>(), Columns));

        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }

    [Fact]
    public void From_DuplicateHeaders_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => ExportTable.From("x", Array.Empty<Row>(), [new ExportColumn<Row>("A", r => r.Name), new ExportColumn<Row>("a", r => r.Count)]));
    }
}
