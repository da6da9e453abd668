using System.Net;
using AngleSharp.Html.Dom;
using HscpPortal.IntegrationTests.Infrastructure;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// Evidence files on a Section 11 return, through the return's one form: the lead uploads a file under a standard with
/// the answers, a refused file comes back with the answers as typed and nothing stored, removing a file archives it,
/// only the organisation's lead and the team change the files, and readers download a submitted return's files only.
/// </summary>
public class EvidenceFileTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Round2025 = "Section 11 self-assessment 2025";

    private int ReturnId(string organisation) => factory.Query(db => db.SelfAssessmentReturns
        .Where(x => x.Round!.Title == Round2025 && x.Organisation!.Name == organisation).Select(x => x.Id).Single());

    private int StoredFiles()
    {
        var directory = factory.Services.GetRequiredService<DataPaths>().Resolve(factory.Services.GetRequiredService<IOptions<StorageOptions>>().Value.FilesDirectory);
        return Directory.Exists(directory) ? Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Length : 0;
    }

    /// <summary>The return form's fields as the page offers them, with the token.</summary>
    private static Dictionary<string, string> Fields(IHtmlDocument document)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Version"] = document.InputValue("Version"),
            [Forms.TokenField] = document.InputValue(Forms.TokenField),
        };
        for (var i = 0; i < 10; i++)
        {
            fields[$"Answers[{i}].Rating"] = document.QuerySelector($"input[name='Answers[{i}].Rating'][checked]")?.GetAttribute("value") ?? "";
            fields[$"Answers[{i}].Comments"] = document.QuerySelector($"textarea[name='Answers[{i}].Comments']")?.TextContent.Trim() ?? "";
            fields[$"Answers[{i}].Evidence"] = document.QuerySelector($"textarea[name='Answers[{i}].Evidence']")?.TextContent.Trim() ?? "";
        }

        return fields;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, int returnId, Dictionary<string, string> fields, int? standard = null, string fileName = "", byte[]? bytes = null)
    {
        using var body = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            body.Add(new StringContent(value), name);
        }

        if (standard is { } n)
        {
            body.Add(new ByteArrayContent(bytes ?? []), $"Answers[{n - 1}].File", fileName);
        }

        return await client.PostAsync($"/section11/returns/{returnId}", body);
    }

    private static byte[] Pdf(string text) => [.. "%PDF-1.7\n"u8, .. System.Text.Encoding.UTF8.GetBytes(text)];

    [Fact]
    public async Task PoliceLead_UploadsAPdf_ListedDownloadedAsAttachment_AndReadersOpenItOnlyOnceSubmitted()
    {
        var police = await factory.SignInAsync("police.partner");
        var returnId = ReturnId(Demo.Police);
        var fields = Fields(await police.GetDocumentAsync($"/section11/returns/{returnId}"));
        fields["Answers[1].Comments"] = "Our safeguarding policy, refreshed in 2025";
        fields["Action"] = "upload";

        var response = await PostAsync(police, returnId, fields, 2, "safeguarding-policy.pdf", Pdf("policy"));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join("; ", (await response.ReadDocumentAsync()).ErrorSummary()));
        Assert.EndsWith("#standard-2-files", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var file = factory.Query(db => db.EvidenceFiles.Where(f => f.Answer!.ReturnId == returnId)
            .Select(f => new { f.Id, f.FileName, f.ContentType, f.Answer!.StandardNumber, f.Answer.Comments, f.ArchivedAt }).Single());
        Assert.Equal(("safeguarding-policy.pdf", "application/pdf", 2, "Our safeguarding policy, refreshed in 2025"), (file.FileName, file.ContentType, file.StandardNumber, file.Comments));
        Assert.True(factory.Query(db => db.AuditEntries.Any(e => e.EntityType == nameof(EvidenceFile) && e.EntityId == file.Id && e.Action == AuditAction.Created)));

        var page = await police.GetDocumentAsync($"/section11/returns/{returnId}");
        Assert.NotNull(page.QuerySelector($"#standard-2-files a[href='/section11/evidence/{file.Id}']"));
        var download = await police.GetAsync($"/section11/evidence/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("safeguarding-policy.pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(Pdf("policy"), await download.Content.ReadAsByteArrayAsync());

        // A draft's evidence is the organisation's own: those who read every return wait for it to be submitted.
        var scrutineer = await factory.ClientAsync("scrutineer");
        Assert.True((await scrutineer.GetAsync($"/section11/evidence/{file.Id}")).IsDenied());
        Assert.True((await (await factory.ClientAsync("member")).GetAsync($"/section11/evidence/{file.Id}")).IsDenied());
        Assert.Equal(HttpStatusCode.OK, (await (await factory.ClientAsync("team")).GetAsync($"/section11/evidence/{file.Id}")).StatusCode);

        var submit = Fields(await police.GetDocumentAsync($"/section11/returns/{returnId}"));
        submit["Action"] = "submit";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(police, returnId, submit)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await scrutineer.GetAsync($"/section11/evidence/{file.Id}")).StatusCode);
        Assert.True((await (await factory.ClientAsync("member")).GetAsync($"/section11/evidence/{file.Id}")).IsDenied());
        var readOnly = await scrutineer.GetDocumentAsync($"/section11/returns/{returnId}");
        Assert.NotNull(readOnly.QuerySelector($"a[href='/section11/evidence/{file.Id}']"));
    }

    [Theory]
    [InlineData("notes.txt", "plain text", "must be a PDF or an Office document")]
    [InlineData("fake.pdf", "MZ not a pdf", "is not a real PDF file")]
    [InlineData("empty.pdf", "", "The selected file is empty")]
    [InlineData("oversize.pdf", null, "must be smaller than")]
    public async Task Upload_WrongTypeEmptyOrTooBig_ErrorSummaryKeepsTheTypedAnswers_NothingStored(string fileName, string? content, string message)
    {
        var team = await factory.ClientAsync("team");
        var returnId = ReturnId("Wye Valley NHS Trust");
        var limit = factory.Services.GetRequiredService<IOptions<StorageOptions>>().Value.MaxUploadBytes;
        var bytes = content is null ? [.. "%PDF-1.7\n"u8, .. new byte[limit]] : System.Text.Encoding.Latin1.GetBytes(content);
        var fields = Fields(await team.GetDocumentAsync($"/section11/returns/{returnId}"));
        fields["Answers[4].Comments"] = $"Typed with {fileName}";
        fields["Action"] = "upload";
        var files = StoredFiles();
        var rows = factory.Query(db => db.EvidenceFiles.Count());

        var response = await PostAsync(team, returnId, fields, 5, fileName, bytes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        var error = Assert.Single(document.ErrorSummary());
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.EndsWith("(standard 5)", error, StringComparison.Ordinal);
        Assert.Equal("#Answers-4--File", document.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        Assert.Equal($"Typed with {fileName}", document.QuerySelector("textarea[name='Answers[4].Comments']")?.TextContent.Trim());
        Assert.Equal(rows, factory.Query(db => db.EvidenceFiles.Count()));
        Assert.Equal(files, StoredFiles());
        Assert.NotEqual($"Typed with {fileName}", factory.Query(db => db.SelfAssessmentAnswers.Single(a => a.ReturnId == returnId && a.StandardNumber == 5).Comments));
    }

    [Theory]
    [InlineData("icb.partner")]
    [InlineData("scrutineer")]
    [InlineData("member")]
    public async Task Upload_ToAnotherOrganisationsReturn_IsRefusedAndNothingStored(string who)
    {
        var client = await factory.ClientAsync(who);
        var returnId = ReturnId("The Probation Service");
        // A token from a page this user may open, so the refusal is the policy's and not the anti-forgery check's.
        var token = (await client.GetDocumentAsync("/account/change-password")).InputValue(Forms.TokenField);
        var files = StoredFiles();
        var rows = factory.Query(db => db.EvidenceFiles.Count());

        var response = await PostAsync(client, returnId, new() { [Forms.TokenField] = token, ["Action"] = "upload" }, 1, "policy.pdf", Pdf("not theirs"));

        Assert.True(response.IsDenied(), $"{(int)response.StatusCode}");
        Assert.Equal(rows, factory.Query(db => db.EvidenceFiles.Count()));
        Assert.Equal(files, StoredFiles());
    }

    [Fact]
    public async Task Remove_ArchivesTheFileKeepsTheRowAndTheTypedAnswers_AndOnlyTheTeamStillOpensIt()
    {
        var team = await factory.ClientAsync("team");
        var returnId = ReturnId("Herefordshire and Worcestershire Health and Care NHS Trust");
        var upload = Fields(await team.GetDocumentAsync($"/section11/returns/{returnId}"));
        upload["Action"] = "upload";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(team, returnId, upload, 3, "supervision.pdf", Pdf("supervision"))).StatusCode);
        var fileId = factory.Query(db => db.EvidenceFiles.Where(f => f.Answer!.ReturnId == returnId).Select(f => f.Id).Single());

        var page = await team.GetDocumentAsync($"/section11/returns/{returnId}");
        Assert.NotNull(page.QuerySelector($"button[name='Action'][value='remove-{fileId}']"));
        var fields = Fields(page);
        fields["Answers[2].Comments"] = "Typed before removing the file";
        fields["Action"] = $"remove-{fileId}";
        var removed = await PostAsync(team, returnId, fields);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var row = factory.Query(db => db.EvidenceFiles.Where(f => f.Id == fileId).Select(f => new { f.ArchivedAt, f.ArchivedBy, f.StoredName }).Single());
        Assert.NotNull(row.ArchivedAt);
        Assert.Equal("Typed before removing the file", factory.Query(db => db.SelfAssessmentAnswers.Single(a => a.ReturnId == returnId && a.StandardNumber == 3).Comments));
        Assert.True(factory.Query(db => db.AuditEntries.Any(e => e.EntityType == nameof(EvidenceFile) && e.EntityId == fileId && e.Action == AuditAction.Archived)));
        var after = await team.GetDocumentAsync($"/section11/returns/{returnId}");
        Assert.Null(after.QuerySelector($"a[href='/section11/evidence/{fileId}']"));
        Assert.Equal(HttpStatusCode.OK, (await team.GetAsync($"/section11/evidence/{fileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.ClientAsync("scrutineer")).GetAsync($"/section11/evidence/{fileId}")).StatusCode);

        // Pressing an old page's "Remove" again changes nothing and says why.
        fields["Version"] = (await team.GetDocumentAsync($"/section11/returns/{returnId}")).InputValue("Version");
        var again = await PostAsync(team, returnId, fields);
        await again.AssertErrorsAsync("That file has already been removed from the return");
    }

    [Fact]
    public async Task Download_UnknownFile_IsNotFound()
    {
        var team = await factory.ClientAsync("team");

        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync("/section11/evidence/999999")).StatusCode);
    }
}
