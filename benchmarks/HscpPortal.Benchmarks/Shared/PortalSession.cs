using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace HscpPortal.Benchmarks;

/// <summary>One measured request: its status, the time the client saw, and what the server said in Server-Timing.</summary>
public sealed record Measured(int Status, double ClientMs, double? ServerMs, int? Queries, string? Body)
{
    public bool IsServerError => Status >= 500;
}

/// <summary>
/// One signed-in user: their own cookies (authentication and anti-forgery), no automatic redirects, so that a
/// form's success redirect is seen as such.
/// </summary>
public sealed partial class PortalSession : IDisposable
{
    public const string Password = "Partnership-Demo-2026";

    public static readonly IReadOnlyList<string> DemoUsers =
        ["admin", "team", "scrutineer", "council.partner", "icb.partner", "police.partner", "qe.chair", "member"];

    private readonly HttpClient client;

    public PortalSession(Uri address, string user)
    {
        User = user;
        client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public string User { get; }

    public static string Email(string user) => $"{user}@demo.hscp.example";

    public async Task SignInAsync()
    {
        var response = await PostFormAsync("/account/login", "/account/login", new() { ["Email"] = Email(User), ["Password"] = Password });
        if (response.Status != (int)HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {User} failed with {response.Status}");
        }
    }

    public async Task<Measured> GetAsync(string url, bool keepBody = false, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        watch.Stop();
        return Read(response, watch.Elapsed.TotalMilliseconds, keepBody ? body : null);
    }

    /// <summary>Posts a form as a browser would: the anti-forgery token comes from a GET of <paramref name="formPage"/>.</summary>
    public async Task<Measured> PostFormAsync(string url, string formPage, Dictionary<string, string> fields, CancellationToken ct = default)
    {
        var page = await GetAsync(formPage, keepBody: true, ct);
        if (page.Status != 200)
        {
            return page;
        }

        return await PostAsync(url, page.Body!, fields, ct);
    }

    /// <summary>Posts fields with the token found in <paramref name="formHtml"/>; the time is the POST's alone.</summary>
    public async Task<Measured> PostAsync(string url, string formHtml, Dictionary<string, string> fields, CancellationToken ct = default)
    {
        var body = new Dictionary<string, string>(fields);
        if (Hidden(formHtml, "__RequestVerificationToken") is { } token)
        {
            body["__RequestVerificationToken"] = token;
        }

        var watch = Stopwatch.StartNew();
        using var content = new FormUrlEncodedContent(body);
        using var response = await client.PostAsync(new Uri(url, UriKind.Relative), content, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        watch.Stop();
        var measured = Read(response, watch.Elapsed.TotalMilliseconds, text);
        return response.Headers.Location is { } location ? measured with { Body = location.OriginalString } : measured;
    }

    /// <summary>The value of a hidden input, the way the portal's tag helpers and forms write them.</summary>
    public static string? Hidden(string html, string name)
    {
        var match = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*>", RegexOptions.CultureInvariant);
        if (!match.Success)
        {
            return null;
        }

        var value = ValuePattern().Match(match.Value);
        return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : null;
    }

    public void Dispose() => client.Dispose();

    private static Measured Read(HttpResponseMessage response, double clientMs, string? body)
    {
        double? server = null;
        int? queries = null;
        if (response.Headers.TryGetValues("Server-Timing", out var values))
        {
            var header = string.Join(", ", values);
            var app = AppPattern().Match(header);
            if (app.Success)
            {
                server = double.Parse(app.Groups[1].Value, CultureInfo.InvariantCulture);
            }

            var count = QueriesPattern().Match(header);
            if (count.Success)
            {
                queries = int.Parse(count.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        return new Measured((int)response.StatusCode, clientMs, server, queries, body);
    }

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValuePattern();

    [GeneratedRegex(@"app;dur=([0-9.]+)")]
    private static partial Regex AppPattern();

    [GeneratedRegex("desc=\"([0-9]+) quer")]
    private static partial Regex QueriesPattern();
}
