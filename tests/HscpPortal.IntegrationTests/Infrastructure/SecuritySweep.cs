using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.IntegrationTests.Infrastructure;

/// <summary>Shared by the security suite's classes: the pages and forms to sweep, and what counts as a write.</summary>
public static partial class SecuritySweep
{
    /// <summary>Every page the role matrix (RoleAccessTests) lets admin open, filled with demo ids; downloads left out.</summary>
    public static IEnumerable<string> AdminPages(this PortalFactory factory) =>
        RoleAccessTests.Pages
            .Where(p => p.Allowed.Contains("admin"))
            .Select(p => factory.Fill(p.Url))
            .Where(url => !Download().IsMatch(url))
            .Distinct(StringComparer.Ordinal);

    /// <summary>
    /// POST endpoints from the EndpointDataSource, once per route pattern; the error pages and the health check
    /// answer any method and write nothing, so they are left out.
    /// </summary>
    public static List<EndpointInfo> PostEndpoints(this PortalFactory factory) =>
        factory.Endpoints()
            .Where(e => e.Methods.Contains("POST") && e.Pattern is not ("error/{code:int}" or "health"))
            .GroupBy(e => e.Pattern, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .ToList();

    /// <summary>
    /// The post forms of every page admin may open (read as admin), of the pages only the scrutineer may open (read as
    /// the scrutineer) and of the public pages (read anonymously),
    /// each form once, as read when first asked for in this fixture.
    /// </summary>
    public static Task<List<(string? Who, PageForm Form)>> FormsAsync(this PortalFactory factory) =>
        factory.Memo("security-forms", f => CrawlAsync(f));

    private static async Task<List<(string? Who, PageForm Form)>> CrawlAsync(PortalFactory factory)
    {
        var forms = new List<(string? Who, PageForm Form)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var admin = await factory.ClientAsync("admin");
        foreach (var url in factory.AdminPages())
        {
            await AddAsync("admin", admin, url);
        }

        // The scrutineer's own record is written only by the scrutineer, so its forms are read as the scrutineer.
        var scrutineer = await factory.ClientAsync("scrutineer");
        foreach (var url in RoleAccessTests.Pages.Where(p => !p.Allowed.Contains("admin") && p.Allowed.Contains("scrutineer"))
            .Select(p => factory.Fill(p.Url)).Distinct(StringComparer.Ordinal))
        {
            await AddAsync("scrutineer", scrutineer, url);
        }

        var anonymous = factory.AnonymousForSweep();
        foreach (var pattern in DemoRoutes.AnonymousAllowList.Where(p => !p.Contains('{', StringComparison.Ordinal)))
        {
            await AddAsync(null, anonymous, "/" + pattern);
        }

        return forms;

        async Task AddAsync(string? who, HttpClient client, string url)
        {
            var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                return;
            }

            foreach (var form in (await response.ReadDocumentAsync()).PostForms(url))
            {
                // The same form on many pages (sign out in the header) is tried once.
                if (seen.Add($"{who} {form.Action}"))
                {
                    forms.Add((who, form));
                }
            }
        }
    }

    /// <summary>The anonymous client that read the public forms, whose anti-forgery cookie their tokens belong to.</summary>
    public static HttpClient AnonymousForSweep(this PortalFactory factory) => factory.Memo("security-anonymous", f => f.Anonymous());

    /// <summary>What any write leaves behind: the audit trail and the tables it does not cover.</summary>
    public static string Writes(this PortalFactory factory) => factory.Query(db => string.Join(",",
        db.AuditEntries.Count(), db.ActionUpdates.Count(), db.ReportNarratives.Count(), db.EscalationStages.Count(),
        db.Attendance.Count(), db.MinutesRevisions.Count(), db.Papers.Count(), db.ReportSignOffs.Count(),
        db.ReportPublications.Count(), db.ReportReviewComments.Count(), db.Users.Count(), db.BankHolidays.Count()));

    /// <summary>
    /// Asserts every stored text fits its column's declared length. SQLite stores longer text silently, where SQL
    /// Server would fail the save with a 500: a form whose validator allows more than its column is caught here.
    /// </summary>
    public static void AssertStoredTextFitsColumns(this PortalFactory factory)
    {
        var failures = factory.Query(db =>
        {
            var found = new List<string>();
            foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
            {
                var table = entity.GetTableName()!;
                var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
                foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is not null))
                {
                    var column = property.GetColumnName(store);
                    if (column is null)
                    {
                        continue;
                    }

#pragma warning disable EF1002 // Table and column names come from the EF model, not from input.
                    var longest = db.Database.SqlQueryRaw<int?>($"SELECT MAX(LENGTH(\"{column}\")) AS \"Value\" FROM \"{table}\"").AsEnumerable().FirstOrDefault();
#pragma warning restore EF1002
                    if (longest > property.GetMaxLength())
                    {
                        found.Add($"{table}.{column}: {longest} characters stored, column holds {property.GetMaxLength()}");
                    }
                }
            }

            return found;
        });

        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct()));
    }

    /// <summary>
    /// Opens every HTML page admin may open and asserts none runs stored script: no inline script, no event
    /// handler attribute, no javascript: link. Returns the text of all the pages, to check stored text was shown.
    /// </summary>
    public static async Task<string> AssertNoPageRunsScriptAsync(this PortalFactory factory, IEnumerable<string>? extraPages = null)
    {
        var admin = await factory.ClientAsync("admin");
        var text = new StringBuilder();
        var failures = new List<string>();
        foreach (var url in factory.AdminPages().Concat(extraPages ?? []))
        {
            var response = await admin.GetAsync(url);
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var html = await response.Content.ReadAsStringAsync();
            var document = await response.ReadDocumentAsync();
            text.Append(document.Body?.TextContent).Append('\n');
            if (html.Contains("<script>alert", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{url}: raw <script>alert");
            }

            failures.AddRange(document.QuerySelectorAll("script").Where(s => !s.HasAttribute("src") || s.TextContent.Contains("alert", StringComparison.Ordinal))
                .Select(s => $"{url}: inline script {s.OuterHtml[..Math.Min(80, s.OuterHtml.Length)]}"));
            failures.AddRange(document.All.Where(e => e.Attributes.Any(a => EventHandler().IsMatch(a.Name)))
                .Select(e => $"{url}: event handler on <{e.LocalName}>"));
            failures.AddRange(document.QuerySelectorAll("[href], [src], [action], [formaction]")
                .Where(e => new[] { "href", "src", "action", "formaction" }.Any(a => (e.GetAttribute(a) ?? "").Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)))
                .Select(e => $"{url}: javascript: URL on <{e.LocalName}>"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        return text.ToString();
    }

    [GeneratedRegex(@"\.(pdf|csv|xlsx|ics)(\?|$)|/export|/template|/print", RegexOptions.IgnoreCase)]
    private static partial Regex Download();

    [GeneratedRegex("^on[a-z]+$", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();
}
