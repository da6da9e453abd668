using System.Net;
using System.Security.Cryptography;
using System.Text;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Reporting;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// The yearly report's workflow over the stand-in renderer and printer: who may sign, sign-offs reset by any change,
/// publication freezing the HTML and PDF, the sent-to log, and the public report. Each test uses a year of its own.
/// </summary>
public sealed class ReportWorkflowTests(ReportWorkflowFactory factory) : IClassFixture<ReportWorkflowFactory>
{
    /// <summary>A report of the year at the status; the stand-in's missing funding item is explained unless told not to.</summary>
    private int NewReport(int startYear, ReportStatus status, bool explainMissing = true) => factory.Query(db =>
    {
        var report = new YearlyReport { StartYear = startYear, Status = status };
        if (explainMissing)
        {
            report.Omissions.Add(new ReportOmission { ItemKey = "funding", Reason = "The partners' contributions were recorded by the council's finance team." });
        }

        db.YearlyReports.Add(report);
        db.SaveChanges();
        return report.Id;
    });

    private int OrganisationOf(StatutoryPartner partner) =>
        factory.Query(db => db.Organisations.Where(o => o.StatutoryPartner == partner).Select(o => o.Id).Single());

    private List<ReportSignOff> SignOffs(int reportId) =>
        factory.Query(db => db.ReportSignOffs.AsNoTracking().Where(s => s.ReportId == reportId).ToList());

    private async Task<HttpResponseMessage> SignAsync(string who, ReportingYear year, StatutoryPartner partner)
    {
        var client = await factory.ClientAsync(who);
        return await client.PostFormAsync($"/reports/yearly/{year}/sign-offs/{OrganisationOf(partner)}", new() { ["Confirm"] = "true" }, formPage: $"/reports/yearly/{year}/workflow");
    }

    private async Task SignAllAsync(ReportingYear year)
    {
        foreach (var (who, partner) in new[] { ("council.partner", StatutoryPartner.LocalAuthority), ("icb.partner", StatutoryPartner.IntegratedCareBoard), ("police.partner", StatutoryPartner.Police) })
        {
            var response = await SignAsync(who, year, partner);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    private async Task<HttpResponseMessage> PublishAsync(ReportingYear year)
    {
        var client = await factory.ClientAsync("team");
        var page = await client.GetDocumentAsync($"/reports/yearly/{year}/workflow");
        var version = page.QuerySelector("form[action$='/publish'] input[name='version']")?.GetAttribute("value")
            ?? factory.Query(db => db.YearlyReports.Where(r => r.StartYear == year.StartYear).Select(r => r.Version).Single()).ToString();
        return await client.PostFormAsync($"/reports/yearly/{year}/publish", new() { ["version"] = version }, formPage: $"/reports/yearly/{year}/workflow");
    }

    [Theory]
    [InlineData("police.partner", false)]
    [InlineData("member", false)]
    [InlineData("scrutineer", true)]
    [InlineData("team", true)]
    public async Task Workflow_ReadinessLinks_OfferAnEditorOnlyToThoseWhoMayUseIt(string who, bool offered)
    {
        // The stand-in's readiness points at the scrutineer's comment, which the team and the scrutineer write.
        var page = await (await factory.ClientAsync(who)).GetDocumentAsync("/reports/yearly/2024-25/workflow");

        Assert.Contains("Independent scrutiny", page.QuerySelector("#readiness")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal(offered, page.QuerySelector("a[href*='/sections/scrutineer-comment']") is not null);
    }

    [Fact]
    public async Task SignOff_ByPartnerOfAnotherOrganisation_IsDeniedAndRecordsNothing()
    {
        var year = new ReportingYear(2030);
        var id = NewReport(year.StartYear, ReportStatus.SignOff);

        var response = await SignAsync("council.partner", year, StatutoryPartner.Police);
        var team = await SignAsync("team", year, StatutoryPartner.Police);

        Assert.True(response.IsDenied(), $"{(int)response.StatusCode}");
        Assert.True(team.IsDenied(), $"{(int)team.StatusCode}");
        Assert.Empty(SignOffs(id));
    }

    [Fact]
    public async Task ToSignOff_ItemMissingWithoutReason_RefusedUntilTheTeamRecordsWhy()
    {
        var year = new ReportingYear(2046);
        NewReport(year.StartYear, ReportStatus.InReview, explainMissing: false);
        var team = await factory.ClientAsync("team");
        string Version() => factory.Query(db => db.YearlyReports.Single(r => r.StartYear == year.StartYear).Version.ToString());

        var refused = await team.PostFormAsync($"/reports/yearly/{year}/to-sign-off", new() { ["version"] = Version() }, formPage: $"/reports/yearly/{year}/workflow");
        var readiness = await team.GetDocumentAsync($"/reports/yearly/{year}/readiness");
        var empty = await team.PostFormAsync($"/reports/yearly/{year}/readiness/funding/reason", new() { ["Reason"] = "", ["Version"] = Guid.Empty.ToString() });
        var recorded = await team.PostFormAsync($"/reports/yearly/{year}/readiness/funding/reason",
            new() { ["Reason"] = "Contributions were held by the council's finance team this year.", ["Version"] = Guid.Empty.ToString() });
        var moved = await team.PostFormAsync($"/reports/yearly/{year}/to-sign-off", new() { ["version"] = Version() }, formPage: $"/reports/yearly/{year}/workflow");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.StartsWith("The report cannot go to sign-off while a statutory item is missing (funding)", Assert.Single((await refused.ReadDocumentAsync()).ErrorSummary()), StringComparison.Ordinal);
        Assert.NotNull(readiness.QuerySelector($"a[href='/reports/yearly/{year}/readiness/funding/reason']"));
        await empty.AssertErrorsAsync("Enter why the report does not cover this, as readers will read it");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(ReportStatus.SignOff, factory.Query(db => db.YearlyReports.Single(r => r.StartYear == year.StartYear).Status));
        var after = await team.GetDocumentAsync($"/reports/yearly/{year}/readiness");
        Assert.Contains("Contributions were held by the council's finance team this year.", after.QuerySelector("tr[data-readiness='funding']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignAndPublish_ItemMissingWithoutReason_RefusedWithMessageAndNothingRecorded()
    {
        var year = new ReportingYear(2047);
        var id = NewReport(year.StartYear, ReportStatus.SignOff, explainMissing: false);

        var signed = await SignAsync("council.partner", year, StatutoryPartner.LocalAuthority);

        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.StartsWith("The report cannot be signed while a statutory item is missing", Assert.Single((await signed.ReadDocumentAsync()).ErrorSummary()), StringComparison.Ordinal);
        Assert.Empty(SignOffs(id));

        // Signed before the item went missing: publication still waits for the reason.
        factory.Query(db =>
        {
            db.ReportOmissions.Add(new ReportOmission { ReportId = id, ItemKey = "funding", Reason = "A reason given, then withdrawn." });
            return db.SaveChanges();
        });
        await SignAllAsync(year);
        factory.Query(db =>
        {
            db.ReportOmissions.Single(o => o.ReportId == id).ArchivedAt = DateTime.UtcNow;
            return db.SaveChanges();
        });
        var published = await PublishAsync(year);

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.StartsWith("The report cannot be published while a statutory item is missing", Assert.Single((await published.ReadDocumentAsync()).ErrorSummary()), StringComparison.Ordinal);
        Assert.Equal(ReportStatus.SignOff, factory.Query(db => db.YearlyReports.Single(r => r.Id == id).Status));
    }

    [Fact]
    public async Task SignOffPage_ShowsWhatIsSigned_AndNeedsTheDeclaration()
    {
        var year = new ReportingYear(2050);
        var id = NewReport(year.StartYear, ReportStatus.SignOff);
        var police = await factory.ClientAsync("police.partner");
        var url = $"/reports/yearly/{year}/sign-offs/{OrganisationOf(StatutoryPartner.Police)}";

        var page = await police.GetDocumentAsync(url);
        var workflow = await police.GetDocumentAsync($"/reports/yearly/{year}/workflow");
        var unconfirmed = await police.PostFormAsync(url, new() { ["Fingerprint"] = page.InputValue("Fingerprint") }, formPage: url);

        Assert.NotNull(workflow.QuerySelector($"a[href='{url}']"));
        Assert.Contains("Ready", page.QuerySelector("#readiness-state")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("statutory items are covered", page.QuerySelector("#readiness-state")!.TextContent, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#fingerprint-date")!.TextContent));
        Assert.Equal(await factory.Renderer.ContentHashAsync(year, CancellationToken.None), page.InputValue("Fingerprint"));
        Assert.Contains($"I have read the {year} yearly report, and West Mercia Police agrees to its publication", page.QuerySelector("label[for='Confirm']")!.TextContent, StringComparison.Ordinal);
        await unconfirmed.AssertErrorsAsync("Confirm that you have read the report and agree to its publication");
        Assert.Empty(SignOffs(id));

        var confirmed = await police.PostFormAsync(url, new() { ["Fingerprint"] = page.InputValue("Fingerprint"), ["Confirm"] = "true" }, formPage: url);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("notice=signed", confirmed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Single(SignOffs(id));
    }

    [Fact]
    public async Task SignOff_ReportChangedSinceThePartnerReadIt_IsNotSigned()
    {
        var year = new ReportingYear(2051);
        var id = NewReport(year.StartYear, ReportStatus.SignOff);
        var police = await factory.ClientAsync("police.partner");
        var url = $"/reports/yearly/{year}/sign-offs/{OrganisationOf(StatutoryPartner.Police)}";

        var response = await police.PostFormAsync(url, new() { ["Fingerprint"] = new string('0', 64), ["Confirm"] = "true" }, formPage: url);

        await response.AssertErrorsAsync("The report changed while you were reading it, so it has not been signed. Read it again as it stands now, then confirm.");
        Assert.Empty(SignOffs(id));
    }

    [Fact]
    public async Task SignOff_ReportNotAtSignOff_IsRefusedWithMessage()
    {
        var year = new ReportingYear(2031);
        var id = NewReport(year.StartYear, ReportStatus.InReview);

        var response = await SignAsync("police.partner", year, StatutoryPartner.Police);

        Assert.Contains("only while it is at the sign-off stage", (await response.ReadDocumentAsync()).ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Empty(SignOffs(id));
    }

    [Fact]
    public async Task SignOff_ByTheOrganisationsDelegatedPartner_RecordsNameRoleDateAndFingerprint()
    {
        var year = new ReportingYear(2032);
        var id = NewReport(year.StartYear, ReportStatus.SignOff);

        var response = await SignAsync("police.partner", year, StatutoryPartner.Police);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var signOff = Assert.Single(SignOffs(id));
        Assert.Equal(OrganisationOf(StatutoryPartner.Police), signOff.OrganisationId);
        Assert.Equal(RepresentationRole.DelegatedPartner, signOff.SignerRole);
        Assert.Equal(factory.Query(db => db.People.Where(p => p.Id == signOff.PersonId).Select(p => p.FullName).Single()), signOff.SignerName);
        Assert.Equal(await factory.Renderer.ContentHashAsync(year, CancellationToken.None), signOff.ContentHash);
        var afterSigning = await (await factory.ClientAsync("police.partner")).GetDocumentAsync(response.Headers.Location!.OriginalString);
        var organisation = factory.Query(db => db.Organisations.Where(o => o.Id == signOff.OrganisationId).Select(o => o.Name).Single());
        Assert.Equal($"The {year} report has been signed off for {organisation} by {signOff.SignerName}.",
            afterSigning.QuerySelector(".govuk-notification-banner--success .govuk-notification-banner__heading").Text());
        var page = await (await factory.ClientAsync("police.partner")).GetStringAsync($"/reports/yearly/{year}/workflow");
        Assert.Contains(signOff.SignerName, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign off for West Mercia Police", page, StringComparison.Ordinal);
        Assert.Contains("Sign off for", await (await factory.ClientAsync("icb.partner")).GetStringAsync($"/reports/yearly/{year}/workflow"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContentChange_AfterSignOffs_ResetsThemWhenTheWorkflowIsOpened()
    {
        var year = new ReportingYear(2033);
        var id = NewReport(year.StartYear, ReportStatus.SignOff);
        await SignAllAsync(year);

        factory.Renderer.Change(year, "An action's due date moved.");
        await (await factory.ClientAsync("member")).GetStringAsync($"/reports/yearly/{year}/workflow");

        var signOffs = SignOffs(id);
        Assert.Equal(3, signOffs.Count);
        Assert.All(signOffs, s => Assert.Equal(ReportSignOffs.ChangedReason, s.ResetReason));
        Assert.All(signOffs, s => Assert.NotNull(s.ResetAt));
        Assert.Equal(HttpStatusCode.OK, (await PublishAsync(year)).StatusCode);
        Assert.Equal(ReportStatus.SignOff, factory.Query(db => db.YearlyReports.Single(r => r.Id == id).Status));
        Assert.True(factory.Query(db => db.AuditEntries.Count(a => a.EntityType == nameof(ReportSignOff))) >= 3);
    }

    [Fact]
    public async Task Publish_WithoutAllThreeSignOffs_IsRefusedAndPublishesNothing()
    {
        var year = new ReportingYear(2034);
        var id = NewReport(year.StartYear, ReportStatus.SignOff);
        await SignAsync("council.partner", year, StatutoryPartner.LocalAuthority);
        await SignAsync("icb.partner", year, StatutoryPartner.IntegratedCareBoard);

        var response = await PublishAsync(year);

        Assert.Contains("every statutory partner has signed", (await response.ReadDocumentAsync()).ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.False(factory.Query(db => db.ReportPublications.Any(p => p.ReportId == id)));
    }

    [Fact]
    public async Task Publish_AllSigned_FreezesHtmlAndPdfWithSha256AndFillsTheSentToLog()
    {
        var year = new ReportingYear(2035);
        var id = NewReport(year.StartYear, ReportStatus.SignOff);
        await SignAllAsync(year);

        var response = await PublishAsync(year);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var publication = factory.Query(db => db.ReportPublications.AsNoTracking().Single(p => p.ReportId == id));
        Assert.Equal(1, publication.Edition);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(publication.Html))), publication.HtmlSha256);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(publication.Pdf)), publication.PdfSha256);
        Assert.DoesNotContain("DRAFT", publication.Html, StringComparison.Ordinal);
        var report = factory.Query(db => db.YearlyReports.AsNoTracking().Single(r => r.Id == id));
        Assert.Equal(ReportStatus.Published, report.Status);
        Assert.Equal(publication.PublishedAt, report.PublishedAt);
        var publishedOn = DateOnly.FromDateTime(UkTime.ToLocal(publication.PublishedAt));
        var recipients = factory.Query(db => db.ReportRecipients.AsNoTracking().Where(r => r.ReportId == id).ToList());
        Assert.Equal(new ReportOptions().Recipients.Order(), recipients.Select(r => r.Name).Order());
        Assert.All(recipients, r => Assert.Equal(publishedOn.AddDays(7), r.DueOn));
        var page = await (await factory.ClientAsync("team")).GetStringAsync($"/reports/yearly/{year}/workflow");
        Assert.Contains(publication.HtmlSha256, page, StringComparison.Ordinal);
        Assert.Contains(publication.PdfSha256, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishedReport_ContentChangesAfterwards_ServesTheSameBytesAndRefusesStatusChanges()
    {
        var year = new ReportingYear(2036);
        var id = NewReport(year.StartYear, ReportStatus.SignOff);
        await SignAllAsync(year);
        await PublishAsync(year);
        var anonymous = factory.Anonymous();
        var pdfBefore = await anonymous.GetByteArrayAsync($"/reports/yearly/{year}.pdf");
        var htmlBefore = await anonymous.GetByteArrayAsync($"/reports/yearly/{year}");

        factory.Renderer.Change(year, "An action was completed after publication.");
        var team = await factory.ClientAsync("team");
        var version = factory.Query(db => db.YearlyReports.Single(r => r.Id == id).Version).ToString();
        var back = await team.PostFormAsync($"/reports/yearly/{year}/back-to-draft", new() { ["version"] = version }, formPage: $"/reports/yearly/{year}/workflow");

        var pdf = await anonymous.GetAsync($"/reports/yearly/{year}.pdf");
        var html = await anonymous.GetByteArrayAsync($"/reports/yearly/{year}");
        Assert.Equal(pdfBefore, await pdf.Content.ReadAsByteArrayAsync());
        Assert.Equal(htmlBefore, html);
        var publication = factory.Query(db => db.ReportPublications.AsNoTracking().Single(p => p.ReportId == id));
        Assert.Equal(publication.Pdf, pdfBefore);
        Assert.Equal($"\"{publication.PdfSha256}\"", pdf.Headers.ETag?.Tag);
        Assert.Equal($"herefordshire-safeguarding-children-partnership-yearly-report-{year}.pdf", pdf.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("status can no longer change", (await back.ReadDocumentAsync()).ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Published, factory.Query(db => db.YearlyReports.Single(r => r.Id == id).Status));
        Assert.All(SignOffs(id), s => Assert.Null(s.ResetAt));
    }

    [Fact]
    public async Task DraftPdf_PrinterFails_Shows503PageLinkingToTheReport()
    {
        var year = new ReportingYear(2037);
        NewReport(year.StartYear, ReportStatus.Draft);
        var client = await factory.ClientAsync("member");
        factory.Printer.Fail = true;
        try
        {
            var response = await client.GetAsync($"/reports/yearly/{year}.pdf");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var page = await response.ReadDocumentAsync();
            Assert.Equal("The PDF could not be prepared", page.QuerySelector("h1")?.TextContent.Trim());
            Assert.NotNull(page.QuerySelector($"a[href='/reports/yearly/{year}']"));
        }
        finally
        {
            factory.Printer.Fail = false;
        }
    }

    [Fact]
    public async Task DraftPdf_SignedInReader_GetsTheLiveDraftMarkedDraft()
    {
        var year = new ReportingYear(2038);
        NewReport(year.StartYear, ReportStatus.Draft);

        var response = await (await factory.ClientAsync("member")).GetAsync($"/reports/yearly/{year}.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("DRAFT", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_Anonymous_IsNotServed()
    {
        var year = new ReportingYear(2039);
        NewReport(year.StartYear, ReportStatus.SignOff);
        var anonymous = factory.Anonymous();

        Assert.True((await anonymous.GetAsync($"/reports/yearly/{year}")).IsLoginRedirect());
        Assert.True((await anonymous.GetAsync($"/reports/yearly/{year}.pdf")).IsLoginRedirect());
        var signedIn = await (await factory.ClientAsync("member")).GetAsync($"/reports/yearly/{year}");
        Assert.Equal($"/reports/yearly/{year}/draft", signedIn.RedirectPath());
    }

    [Fact]
    public async Task PublishedReport_Anonymous_ReadsTheStoredHtmlUnderItsOwnPolicy()
    {
        var year = new ReportingYear(2040);
        var id = NewReport(year.StartYear, ReportStatus.SignOff);
        await SignAllAsync(year);
        await PublishAsync(year);

        var response = await factory.Anonymous().GetAsync($"/reports/yearly/{year}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(factory.Query(db => db.ReportPublications.Single(p => p.ReportId == id).Html), await response.Content.ReadAsStringAsync());
        Assert.StartsWith("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusSteps_TeamMovesDraftToReviewToSignOff_AndMemberCannot()
    {
        var year = new ReportingYear(2041);
        var id = NewReport(year.StartYear, ReportStatus.Draft);
        string Version() => factory.Query(db => db.YearlyReports.Single(r => r.Id == id).Version).ToString();

        var member = await (await factory.ClientAsync("member")).PostFormAsync($"/reports/yearly/{year}/to-review", new() { ["version"] = Version() }, formPage: $"/reports/yearly/{year}/workflow");
        var team = await factory.ClientAsync("team");
        var review = await team.PostFormAsync($"/reports/yearly/{year}/to-review", new() { ["version"] = Version() }, formPage: $"/reports/yearly/{year}/workflow");
        var signOff = await team.PostFormAsync($"/reports/yearly/{year}/to-sign-off", new() { ["version"] = Version() }, formPage: $"/reports/yearly/{year}/workflow");

        Assert.True(member.IsDenied());
        Assert.Equal(HttpStatusCode.Redirect, review.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOff.StatusCode);
        Assert.Equal(ReportStatus.SignOff, factory.Query(db => db.YearlyReports.Single(r => r.Id == id).Status));
    }

    [Fact]
    public async Task ReviewComment_ScrutineerCommentsAndTeamResolves_ShownUnderItsSection()
    {
        var year = new ReportingYear(2042);
        var id = NewReport(year.StartYear, ReportStatus.InReview);
        var scrutineer = await factory.ClientAsync("scrutineer");

        var empty = await scrutineer.PostFormAsync($"/reports/yearly/{year}/comments/new", new() { ["Section"] = "", ["Text"] = "" });
        var created = await scrutineer.PostFormAsync($"/reports/yearly/{year}/comments/new", new() { ["Section"] = ReportSectionKeys.Escalations, ["Text"] = "Say how many escalations were resolved at stage 1." });
        var comment = factory.Query(db => db.ReportReviewComments.AsNoTracking().Single(c => c.ReportId == id));
        var team = await factory.ClientAsync("team");
        var responded = await team.PostFormAsync($"/reports/yearly/{year}/comments/{comment.Id}/respond",
            new() { ["Version"] = comment.Version.ToString(), ["Response"] = "Added to the escalations section.", ["Resolve"] = "true" });

        await empty.AssertErrorsAsync("Select the section the comment is about", "Enter your comment");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, responded.StatusCode);
        var page = await team.GetDocumentAsync($"/reports/yearly/{year}/workflow");
        var section = page.QuerySelectorAll("#comments ~ h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("Escalations", section);
        Assert.Contains("Added to the escalations section.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(factory.Query(db => db.ReportReviewComments.Single(c => c.Id == comment.Id).ResolvedAt));
    }

    [Fact]
    public async Task SentToLog_AddMarkSentArchive_WithValidation()
    {
        var year = new ReportingYear(2043);
        var id = NewReport(year.StartYear, ReportStatus.Published);
        var team = await factory.ClientAsync("team");

        var invalid = await team.PostFormAsync($"/reports/yearly/{year}/recipients/new", new() { ["Name"] = "", ["DueOn"] = "" });
        var added = await team.PostFormAsync($"/reports/yearly/{year}/recipients/new", new() { ["Name"] = "Ofsted", ["DueOn"] = "2020-01-10" });
        var recipient = factory.Query(db => db.ReportRecipients.AsNoTracking().Single(r => r.ReportId == id));
        var page = await team.GetDocumentAsync($"/reports/yearly/{year}/workflow");
        var future = await team.PostFormAsync($"/reports/yearly/{year}/recipients/{recipient.Id}/sent", new() { ["Version"] = recipient.Version.ToString(), ["SentOn"] = "2999-01-01" });
        var sent = await team.PostFormAsync($"/reports/yearly/{year}/recipients/{recipient.Id}/sent", new() { ["Version"] = recipient.Version.ToString(), ["SentOn"] = "2020-01-09" });
        var afterSending = await team.GetDocumentAsync($"/reports/yearly/{year}/workflow");
        var version = factory.Query(db => db.ReportRecipients.Single(r => r.Id == recipient.Id).Version).ToString();
        var archived = await team.PostFormAsync($"/reports/yearly/{year}/recipients/{recipient.Id}/archive", new() { ["version"] = version }, formPage: $"/reports/yearly/{year}/workflow");

        await invalid.AssertErrorsAsync("Enter who the report is sent to", "Enter the date it is due to be sent by");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Overdue", page.QuerySelector("#sent-to ~ .app-table-scroll table")!.TextContent, StringComparison.Ordinal);
        await future.AssertErrorsAsync("The date sent must be today or in the past");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("Record as sent", page.QuerySelector("#sent-to ~ .app-table-scroll table")!.TextContent, StringComparison.Ordinal);
        var sentRow = afterSending.QuerySelector("#sent-to ~ .app-table-scroll table")!.TextContent;
        Assert.Contains("Change date sent", sentRow, StringComparison.Ordinal);
        Assert.DoesNotContain("Record as sent", sentRow, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
        var stored = factory.Query(db => db.ReportRecipients.AsNoTracking().Single(r => r.Id == recipient.Id));
        Assert.Equal(new DateOnly(2020, 1, 9), stored.SentOn);
        Assert.NotNull(stored.ArchivedAt);
    }

    [Fact]
    public async Task StartReport_TeamStartsAYear_OnceOnly()
    {
        var team = await factory.ClientAsync("team");

        var first = await team.PostFormAsync("/reports/yearly/new", new() { ["Year"] = "2044-45" }, formPage: "/reports/yearly");
        var again = await team.PostFormAsync("/reports/yearly/new", new() { ["Year"] = "2044-45" }, formPage: "/reports/yearly");
        var bad = await team.PostFormAsync("/reports/yearly/new", new() { ["Year"] = "2044" }, formPage: "/reports/yearly");
        var empty = await team.PostFormAsync("/reports/yearly/new", new() { ["Year"] = "" }, formPage: "/reports/yearly");

        Assert.Equal("/reports/yearly/2044-45/workflow", first.RedirectPath());
        await again.AssertErrorsAsync("The 2044-45 report has already been started");
        await bad.AssertErrorsAsync("Enter the reporting year like 2024-25");
        await empty.AssertErrorsAsync("Enter the reporting year, for example 2024-25");
        Assert.Equal(ReportStatus.Draft, factory.Query(db => db.YearlyReports.Single(r => r.StartYear == 2044).Status));
    }

    [Fact]
    public async Task Index_ListsDemoYearsWithDeadline()
    {
        var page = await (await factory.ClientAsync("member")).GetDocumentAsync("/reports/yearly");

        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("2023-24", StringComparison.Ordinal) && r.Contains("30 September 2024", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("2024-25", StringComparison.Ordinal) && r.Contains("Draft", StringComparison.Ordinal));
    }
}
