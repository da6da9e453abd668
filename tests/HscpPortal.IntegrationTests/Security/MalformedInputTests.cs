using System.Net;
using HscpPortal.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// Malformed input to every post form the crawl finds (part of the security suite: see SecuritySuiteTests.cs). A
/// fixture of its own, because input that is valid apart from its markup is accepted and changes the demo records.
/// </summary>
public class MalformedInputTests(PortalFactory factory, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    private const string Script = "<script>alert('xss')</script>\"><img src=x onerror=alert('xss')>";

    /// <summary>
    /// POST endpoints whose form no crawled page shows, because it appears only in a state the demo records are not
    /// in, each with why. The sweep posts to them a generic form (<see cref="GenericFields"/>) instead of their own.
    /// A new POST endpoint must have its form on a page admin can open, or be listed here.
    /// </summary>
    private static readonly Dictionary<string, string> FormsNotOnACrawledPage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["groups/{id:int}/restore"] = "only on archived records",
        ["organisations/{id:int}/restore"] = "only on archived records",
        ["people/{id:int}/restore"] = "only on archived records",
        ["priorities/{id:int}/restore"] = "only on archived records",
        ["decisions/{id:int}/restore"] = "only on archived records",
        ["actions/{id:int}/restore"] = "only on archived records",
        ["escalations/{id:int}/restore"] = "only on archived records",
        ["audits/{id:int}/restore"] = "only on archived records",
        ["audits/{id:int}/findings/{findingId:int}/restore"] = "only on archived findings",
        ["scrutiny/challenges/{challengeId:int}/restore"] = "only on archived records",
        ["section11/{id:int}/restore"] = "only on archived rounds",
        ["section11/returns/{id:int}/restore"] = "only on returns taken out of a round",
        ["section11/check-and-challenge/{id:int}/archive"] = "only on a round with a session recorded; the crawl opens a round without one",
        ["section11/check-and-challenge/{id:int}/restore"] = "only on archived sessions, restored from the audit trail's record",
        ["performance/indicators/{id:int}/restore"] = "only on archived records",
        ["performance/indicators/{id:int}/comparators/{comparatorId:int}/archive"] = "only on an indicator with comparators; the crawl opens one that has none",
        ["scrutiny/activities/{activityId:int}/archive"] = "shown only to the scrutineer, on a page the crawl reads as admin",
        ["scrutiny/challenges/{challengeId:int}/archive"] = "shown only to the scrutineer, on a page the crawl reads as admin",
        ["scrutiny/recommendations/{recommendationId:int}/archive"] = "shown only to the scrutineer, on a page the crawl reads as admin",
        ["scrutiny/recommendations/{recommendationId:int}/restore"] = "only on archived records",
        ["scrutiny/plans/{year}/submit"] = "only on a draft plan (the demo's is with the partners)",
        ["scrutiny/plans/{year}/restore/{planId:int}"] = "only on a year with an archived plan and none live",
        ["scrutiny/plans/{year}/approve"] = "only to a partner's lead or delegated partner, on a plan with the partners that they have not approved",
        ["meetings/{id:int}/archive"] = "only on meetings not yet held",
        ["meetings/{id:int}/minutes/approve"] = "only once minutes are circulated",
        ["meetings/{id:int}/minutes/circulate"] = "only once the meeting is held and someone is recorded as present, and its minutes are still a draft",
        ["meetings/{id:int}/held"] = "only on meetings that have started and are not yet recorded as held",
        ["meetings/{meetingId:int}/attendance/quorum"] = "the register's script previews the quorum; no form of its own",
        ["actions/{id:int}/return-sign-off"] = "only once sign-off is requested",
        ["actions/{id:int}/reopen"] = "only on closed or cancelled actions",
        ["actions/import/commit"] = "only on the preview of a clean upload",
        ["reports/yearly/{year}/to-sign-off"] = "only on a report in review",
        ["reports/yearly/{year}/sign-offs/{organisationId:int}"] = "only on a report at sign-off",
        ["reports/yearly/{year}/publish"] = "only on a report at sign-off",
        ["reports/yearly/{year}/readiness/{key}/reason/remove"] = "only once a reason is recorded",
        ["users/{id}/unlock"] = "only on locked accounts",
        ["users/{id}/reactivate"] = "only on deactivated accounts",
        ["users/{id}/reset-two-factor"] = "only on accounts with two-factor authentication on",
        ["papers/{id:int}/purge"] = "only on removed papers, from their agenda item",
        ["organisations/{id:int}/logo"] = "linked only from a statutory partner's page (the crawl opens one organisation); multipart, tested in OrganisationLogoTests",
        ["organisations/{id:int}/logo/remove"] = "only once a logo is uploaded",
        ["account/two-factor/disable"] = "only once two-factor is on",
        ["account/login/two-factor"] = "only after the password step",
        ["account/login/recovery-code"] = "only after the password step",
        ["reminders/unsubscribe"] = "only from an emailed link",
    };

    /// <summary>Field names the portal's forms use, for the endpoints whose own form the crawl cannot see.</summary>
    private static readonly FormField[] GenericFields =
    [
        new("Version", FieldKind.Hidden, Guid.Empty.ToString(), []),
        new("Reason", FieldKind.Text, "", []),
        new("Note", FieldKind.Text, "", []),
        new("Code", FieldKind.Text, "", []),
        new("On", FieldKind.Date, "", []),
        new("Token", FieldKind.Text, "", []),
    ];

    /// <summary>Endpoints that answer a refused or harmless post with 200 and a page of their own rather than the form with errors.</summary>
    private static readonly Dictionary<string, string> AnswersWithAPage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["account/forgot-password"] = "the same 'check your email' answer whatever was entered, so as not to reveal accounts",
        ["meetings/{meetingId:int}/attendance/quorum"] = "a preview of the quorum for the register's script; it never writes",
    };

    // ---------------------------------------------------------------- malformed input to every form

    [Fact]
    public async Task CrawledForms_CoverEveryPostEndpointNotListed()
    {
        var forms = await factory.FormsAsync();

        var missing = factory.PostEndpoints()
            .Where(e => !FormsNotOnACrawledPage.ContainsKey(e.Pattern))
            .Where(e => !forms.Any(f => DemoRoutes.Matcher(e.Pattern).IsMatch(f.Form.ActionPath.Trim('/'))))
            .Select(e => e.Pattern)
            .ToList();

        Assert.True(forms.Count > 40, $"Only {forms.Count} forms found");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
        Assert.All(FormsNotOnACrawledPage.Keys, pattern => Assert.Contains(pattern, factory.PostEndpoints().Select(e => e.Pattern)));
    }

    /// <summary>The crawled forms, then a generic one for each endpoint listed in <see cref="FormsNotOnACrawledPage"/>.</summary>
    private async Task<List<(string? Who, PageForm Form)>> AllFormsAsync()
    {
        var crawled = await factory.FormsAsync();
        var token = crawled.First(f => f.Who == "admin" && f.Form.Token is not null).Form.Token;
        var anonymousToken = crawled.First(f => f.Who is null && f.Form.Token is not null).Form.Token;
        var generic = factory.PostEndpoints()
            .Where(e => FormsNotOnACrawledPage.ContainsKey(e.Pattern))
            .Select(e => DemoRoutes.AnonymousAllowList.Contains(e.Pattern)
                ? ((string?)null, new PageForm("", factory.FillPattern(e.Pattern), false, GenericFields, anonymousToken))
                : ("admin", new PageForm("", factory.FillPattern(e.Pattern), false, GenericFields, token)));
        return [.. crawled, .. generic];
    }

    public static TheoryData<string> Variants() => new(MalformedVariants.Keys);

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task EveryForm_MalformedInput_RefusedWithErrorsNeverA5xxAndWritesNothing(string variant)
    {
        var make = MalformedVariants[variant];
        var forms = await AllFormsAsync();
        var failures = new List<string>();
        var posted = 0;
        var accepted = new List<string>();
        var stale = new HashSet<string>(StringComparer.Ordinal);
        var statuses = new SortedDictionary<int, int>();

        foreach (var (who, original) in forms)
        {
            var client = who is null ? factory.AnonymousForSweep() : await factory.ClientAsync(who);
            // A form whose page changed after an accepted post is read again, for its new version.
            var form = original.Page != "" && stale.Contains(original.Page) ? await ReadAgainAsync(client, original) : original;
            if (form is null)
            {
                continue;
            }

            var defaults = form.Defaults();
            var fields = make(form);
            if (fields.Count == defaults.Count && fields.Zip(defaults).All(p => p.First.Equals(p.Second)))
            {
                continue; // nothing to make malformed (a button, or no field of this kind)
            }

            posted++;
            var before = factory.Writes();
            var response = await client.SubmitAsync(form, fields);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status == 400)
            {
                output.WriteLine($"400 {form}");
            }

            var outcome = $"{variant} {form}: {status} {response.Headers.Location}";
            if (status >= 500)
            {
                failures.Add(outcome);
                continue;
            }

            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther && !response.IsLoginRedirect() && !response.IsDenied())
            {
                stale.Add(form.Page);
                var location = response.Headers.Location!.OriginalString;
                if (!location.Contains("notice=stale", StringComparison.Ordinal))
                {
                    accepted.Add(outcome);
                    // Only markup, Unicode and long text may be valid input; a generic form's fields are not the endpoint's own.
                    if (variant is not ("markup" or "unicode") && !variant.StartsWith("length-", StringComparison.Ordinal) && form.Page != "")
                    {
                        failures.Add($"{outcome}: malformed input accepted");
                    }

                    continue;
                }
            }
            else if (response.StatusCode == HttpStatusCode.OK && !AnswersWithAPage.Keys.Any(k => DemoRoutes.Matcher(k).IsMatch(form.ActionPath.Trim('/'))))
            {
                var errors = (await response.ReadDocumentAsync()).ErrorSummary();
                if (errors.Count == 0)
                {
                    failures.Add($"{outcome} without an error summary");
                }
            }

            if (factory.Writes() != before)
            {
                failures.Add($"{outcome} refused, yet wrote {before} -> {factory.Writes()}");
            }
        }

        output.WriteLine($"{variant}: {forms.Count} forms, {posted} posts; statuses {string.Join(", ", statuses.Select(p => $"{p.Key}: {p.Value}"))}");
        output.WriteLine($"Accepted ({accepted.Count}):\n{string.Join("\n", accepted)}");
        Assert.True(posted > 10, $"Only {posted} posts made");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        factory.AssertStoredTextFitsColumns();
        if (variant == "markup")
        {
            // Accepted markup (valid apart from it) must come out encoded wherever it shows.
            await factory.AssertNoPageRunsScriptAsync();
        }
    }

    private static readonly string Overlong = new('x', 100_000);

    private static readonly string Unicode =
        "\u202Etxt.exe\u202C zero\u200Bwidth\u200D\uFEFF emoji 😀👩‍👧 lone" + Forms.LoneSurrogate + " combining e\u0301 noncharacter \uFFFF";

    private static readonly Dictionary<string, Func<PageForm, List<KeyValuePair<string, string>>>> MalformedVariants = new(StringComparer.Ordinal)
    {
        // Everything the form sends left out but its token.
        ["missing"] = _ => [],
        ["overlong"] = form => Replace(form, f => f.Kind == FieldKind.Text ? Overlong : f.Value),
        ["letters"] = form => Replace(form, f => f.Kind switch
        {
            FieldKind.Number or FieldKind.Date or FieldKind.Time or FieldKind.Choice => "abc",
            FieldKind.Hidden when IsNumberOrGuid(f.Value) => "abc",
            _ => f.Value,
        }),
        ["impossible"] = form => Replace(form, f => f.Kind switch
        {
            FieldKind.Date => "2024-02-30",
            FieldKind.Time => "25:61",
            FieldKind.Number => "99999999999999999999",
            FieldKind.Choice or FieldKind.Hidden when int.TryParse(f.Value, out _) => "2147483648",
            _ => f.Value,
        }),
        ["negative"] = form => Replace(form, f => f.Kind switch
        {
            FieldKind.Date => "-0001-01-01",
            FieldKind.Number => "-2147483649",
            FieldKind.Choice when f.Options.Any(o => int.TryParse(o, out _)) => "-1",
            FieldKind.Hidden when int.TryParse(f.Value, out _) => "-1",
            _ => f.Value,
        }),
        ["markup"] = form => Replace(form, f => f.Kind == FieldKind.Text ? Script : f.Value),
        ["unicode"] = form => Replace(form, f => f.Kind == FieldKind.Text ? Unicode : f.Value),
        // ASP.NET Core's form reader refuses a NUL anywhere in a form with 400 before the app sees it.
        ["nul"] = form => Replace(form, f => f.Kind == FieldKind.Text ? "before\0after" : f.Value),
        // Just over each column length the schema uses: what the validator lets through must fit the column.
        ["length-201"] = form => Replace(form, f => f.Kind == FieldKind.Text ? new string('y', 201) : f.Value),
        ["length-301"] = form => Replace(form, f => f.Kind == FieldKind.Text ? new string('y', 301) : f.Value),
        ["length-501"] = form => Replace(form, f => f.Kind == FieldKind.Text ? new string('y', 501) : f.Value),
        ["length-1001"] = form => Replace(form, f => f.Kind == FieldKind.Text ? new string('y', 1001) : f.Value),
        ["length-2001"] = form => Replace(form, f => f.Kind == FieldKind.Text ? new string('y', 2001) : f.Value),
        ["length-4001"] = form => Replace(form, f => f.Kind == FieldKind.Text ? new string('y', 4001) : f.Value),
        ["length-8001"] = form => Replace(form, f => f.Kind == FieldKind.Text ? new string('y', 8001) : f.Value),
    };

    private static bool IsNumberOrGuid(string? value) => int.TryParse(value, out _) || Guid.TryParse(value, out _);

    /// <summary>The form's fields as a browser would send them, with each value put through <paramref name="change"/> (null: left out).</summary>
    private static List<KeyValuePair<string, string>> Replace(PageForm form, Func<FormField, string?> change) =>
        form.Fields
            .Select(f => (f.Name, Value: f.Value is null && f.Kind != FieldKind.Text ? (f.Kind == FieldKind.Choice ? change(f) : null) : change(f)))
            .Where(p => p.Value is not null)
            .Select(p => new KeyValuePair<string, string>(p.Name, p.Value!))
            .ToList();

    private static async Task<PageForm?> ReadAgainAsync(HttpClient client, PageForm form)
    {
        var response = await client.GetAsync(form.Page);
        return response.StatusCode != HttpStatusCode.OK
            ? null
            : (await response.ReadDocumentAsync()).PostForms(form.Page).FirstOrDefault(f => f.Action == form.Action);
    }
}
