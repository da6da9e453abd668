using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using HscpPortal.Web.Features.Account;
using HscpPortal.Web.Features.ActionTracker;
using HscpPortal.Web.Infrastructure;
using HscpPortal.Web.Infrastructure.Import;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace HscpPortal.UnitTests;

public class ProductionSettingsTests
{
    private static IConfiguration Settings(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void ProductionProblems_DefaultSettings_RefusesWithoutPublicUrlAndWithEveryHostAllowed()
    {
        var problems = Hosting.ProductionProblems(Settings(("AllowedHosts", "*")));

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Portal:PublicUrl is not set", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("AllowedHosts must list", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://portal.example.gov.uk", "portal.example.gov.uk", "must be the https:// address")]
    [InlineData("https://localhost:5080", "localhost", "must be the https:// address")]
    [InlineData("https://portal.example.gov.uk", "other.example.gov.uk", "does not include portal.example.gov.uk")]
    [InlineData("https://portal.example.gov.uk", "", "AllowedHosts must list")]
    public void ProductionProblems_WrongAddressOrHosts_Named(string publicUrl, string allowedHosts, string problem)
    {
        var problems = Hosting.ProductionProblems(Settings(("Portal:PublicUrl", publicUrl), ("AllowedHosts", allowedHosts)));

        Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("portal.example.gov.uk")]
    [InlineData("portal.example.gov.uk;portal-admin.example.gov.uk")]
    [InlineData("*.example.gov.uk")]
    public void ProductionProblems_PublicUrlAndItsHost_None(string allowedHosts)
    {
        Assert.Empty(Hosting.ProductionProblems(Settings(("Portal:PublicUrl", "https://portal.example.gov.uk/"), ("AllowedHosts", allowedHosts))));
    }

    [Fact]
    public void ForwardedHeadersProblems_ProxyNotAnAddress_Named()
    {
        var problems = Hosting.ForwardedHeadersProblems(new ForwardedHeadersSettings { KnownProxies = ["10.0.0.5", "proxy.local"], KnownNetworks = ["10.0.0.0/8", "10.0.0.0"] });

        Assert.Equal(["ForwardedHeaders:KnownProxies \"proxy.local\" is not an IP address.", "ForwardedHeaders:KnownNetworks \"10.0.0.0\" is not a network in CIDR form, such as 10.0.0.0/8."], problems);
    }

    [Theory]
    [InlineData("https://portal.example.gov.uk", "/account/reset-password?x=1", "https://portal.example.gov.uk/account/reset-password?x=1")]
    [InlineData("https://portal.example.gov.uk/", "meetings/4", "https://portal.example.gov.uk/meetings/4")]
    [InlineData("https://example.gov.uk/hscp/", "/meetings/4", "https://example.gov.uk/hscp/meetings/4")]
    public void PublicLinks_Absolute_StartsWithThePublicUrl(string publicUrl, string path, string expected)
    {
        var links = new PublicLinks(Options.Create(new PortalOptions { PublicUrl = publicUrl }));

        Assert.Equal(expected, links.Absolute(path));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0", "Edge on Windows")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1", "Safari on iOS")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox on Linux")]
    [InlineData(null, "Unknown browser")]
    public void BrowserName_UserAgent_ShortReadableName(string? agent, string expected) => Assert.Equal(expected, BrowserName.Describe(agent));
}

public class SpreadsheetGuardTests
{
    private static byte[] Zip(params (string Name, string Content)[] parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return buffer.ToArray();
    }

    [Fact]
    public void Read_SmallFileHoldingAHugeCell_RefusedBeforeParsingAndQuickly()
    {
        // About 30 KB on disk, 60 MB of XML once decompressed: the shape of the file that took 30 s and 800 MB to import.
        var bomb = Zip(
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + new string('x', 60 * 1024 * 1024) + "</t></is></c></row></sheetData></worksheet>"));
        Assert.True(bomb.Length < 200 * 1024);
        var clock = Stopwatch.StartNew();

        var (sheet, problem) = ActionImportFormat.Read(bomb, "actions.xlsx", null, 1);

        Assert.Null(sheet);
        Assert.Equal(SpreadsheetGuard.TooLarge, problem);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void PackageProblem_DeclaredSizesWithinLimits_None()
    {
        Assert.Null(SpreadsheetGuard.PackageProblem(Zip(("a.xml", new string('a', 1000)), ("b.xml", new string('b', 1000)))));
    }

    [Fact]
    public void PackageProblem_PartsTogetherOverThePackageLimit_Refused()
    {
        var parts = Zip(("a.xml", new string('a', 3000)), ("b.xml", new string('b', 3000)));

        Assert.Equal(SpreadsheetGuard.TooLarge, SpreadsheetGuard.PackageProblem(parts, maxPartBytes: 4000, maxPackageBytes: 5000));
    }

    [Fact]
    public void Read_CsvCellLongerThanASpreadsheetCell_RefusedNamingTheRow()
    {
        var csv = "Title,Owner,Due date\r\nFirst action,Jane Smith,2025-06-30\r\n" + new string('a', SpreadsheetGuard.MaxCellLength + 1) + ",Jane Smith,2025-06-30\r\n";

        var (sheet, problem) = ActionImportFormat.Read(Encoding.UTF8.GetBytes(csv), "actions.csv", null, 1);

        Assert.Null(sheet);
        Assert.Equal(SpreadsheetGuard.CellTooLong(3), problem);
    }
}
