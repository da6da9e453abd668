using HscpPortal.Web.Infrastructure;

namespace HscpPortal.UnitTests;

public class SafeMarkdownTests
{
    private static string Html(string markdown) => SafeMarkdown.ToHtml(markdown).ToString()!;

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("Before <b onclick=\"x()\">bold</b>", "&lt;b onclick=&quot;x()&quot;&gt;")]
    [InlineData("<div>\nblock\n</div>", "&lt;div&gt;")]
    public void ToHtml_RawHtml_IsShownAsText(string markdown, string expected)
    {
        var html = Html(markdown);

        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<div", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[file](file:///etc/passwd)")]
    [InlineData("[data](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[relative](/account/logout)")]
    public void ToHtml_LinkToOtherScheme_KeepsOnlyItsText(string markdown)
    {
        var html = Html(markdown);

        Assert.DoesNotContain("<a", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[report](https://example.org/report)", "<a href=\"https://example.org/report\">report</a>")]
    [InlineData("[site](http://example.org)", "<a href=\"http://example.org\">site</a>")]
    [InlineData("[chair](mailto:chair@example.org)", "<a href=\"mailto:chair@example.org\">chair</a>")]
    [InlineData("<https://example.org/a>", "<a href=\"https://example.org/a\">https://example.org/a</a>")]
    public void ToHtml_HttpHttpsAndMailtoLinks_AreKept(string markdown, string expected) =>
        Assert.Contains(expected, Html(markdown), StringComparison.Ordinal);

    [Fact]
    public void ToHtml_Image_BecomesItsAltText()
    {
        var html = Html("Chart: ![attendance chart](https://example.org/chart.png)");

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("attendance chart", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_FormattingAndNewLines_AreRendered()
    {
        var html = Html("**Agreed** by *all*\nsecond line\n\n- one\n- two");

        Assert.Contains("<strong>Agreed</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>all</em>", html, StringComparison.Ordinal);
        Assert.Contains("<br", html, StringComparison.Ordinal);
        Assert.Contains("<li>one</li>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ToHtml_Blank_IsEmpty(string? markdown) => Assert.Equal("", SafeMarkdown.ToHtml(markdown).ToString());
}
