using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using HscpPortal.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HscpPortal.IntegrationTests.Infrastructure;

public sealed record MeetingFixture(int MeetingId, int AgendaItemId, int PaperId);

public static class Meetings
{
    /// <summary>A held meeting of the group with one agenda item carrying an uploaded PDF paper.</summary>
    public static MeetingFixture AddMeetingWithPaper(this PortalFactory factory, int groupId, DateOnly? date = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var paths = scope.ServiceProvider.GetRequiredService<DataPaths>();
        var storage = scope.ServiceProvider.GetRequiredService<IOptions<StorageOptions>>().Value;
        var directory = paths.Resolve(storage.FilesDirectory);
        Directory.CreateDirectory(directory);
        var stored = Guid.NewGuid().ToString("N");
        File.WriteAllBytes(Path.Combine(directory, stored), "%PDF-1.4 test paper"u8.ToArray());

        var paper = new Paper { Title = "Scorecard", FileName = "scorecard.pdf", ContentType = "application/pdf", Size = 19, StoredName = stored };
        var item = new AgendaItem { Title = "Performance scorecard", Order = 1, Purpose = AgendaPurpose.Assurance, Papers = [paper] };
        var meeting = new Meeting
        {
            GroupId = groupId, Date = date ?? new DateOnly(2025, 6, 12), Start = new TimeOnly(10, 0), End = new TimeOnly(12, 0),
            Location = "Plough Lane, Hereford", Status = MeetingStatus.Held, QuorumStatement = "No attendance recorded yet", AgendaItems = [item],
        };
        db.Meetings.Add(meeting);
        db.SaveChanges();
        return new MeetingFixture(meeting.Id, item.Id, paper.Id);
    }

    /// <summary>A PDF evidence file on an organisation's answer to a standard of the named round, stored as an upload would be.</summary>
    public static int AddEvidenceFile(this PortalFactory factory, string round, string organisation, int standard, string fileName = "policy.pdf")
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var paths = scope.ServiceProvider.GetRequiredService<DataPaths>();
        var storage = scope.ServiceProvider.GetRequiredService<IOptions<StorageOptions>>().Value;
        var directory = paths.Resolve(storage.FilesDirectory);
        Directory.CreateDirectory(directory);
        var stored = Guid.NewGuid().ToString("N");
        var bytes = "%PDF-1.4 evidence"u8.ToArray();
        File.WriteAllBytes(Path.Combine(directory, stored), bytes);

        var answer = db.SelfAssessmentAnswers.First(a => a.Return!.Round!.Title == round && a.Return.Organisation!.Name == organisation && a.StandardNumber == standard);
        var file = new EvidenceFile
        {
            AnswerId = answer.Id, FileName = fileName, ContentType = "application/pdf", Size = bytes.Length, StoredName = stored,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
        };
        db.EvidenceFiles.Add(file);
        db.SaveChanges();
        return file.Id;
    }
}
