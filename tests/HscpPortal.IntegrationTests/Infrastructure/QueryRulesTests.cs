using System.Text.RegularExpressions;
using HscpPortal.Web.Data;
using HscpPortal.Web.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// The rules every list leans on ("not archived", "held on a date", "held during a period") have one in-memory method
/// each, rewritten into SQL inside queries: run side by side over a table of cases, the database and memory agree.
/// </summary>
public sealed class QueryRulesTests : IDisposable
{
    private static readonly DateOnly Day = new(2024, 3, 31);

    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly SqlitePortalDbContext db;

    public QueryRulesTests()
    {
        connection.Open();
        var options = new DbContextOptionsBuilder<SqlitePortalDbContext>();
        DatabaseSetup.ConfigureSqlite(options, "Data Source=:memory:");
        options.UseSqlite(connection);
        db = new SqlitePortalDbContext(options.Options);
        db.Database.EnsureCreated();

        var council = new Organisation { Name = "A council", Sector = Sector.LocalAuthority };
        var archivedAgency = new Organisation { Name = "An archived agency", Sector = Sector.Other, ArchivedAt = new DateTime(2024, 1, 1) };
        var board = new HscpPortal.Web.Domain.Group { Name = "Board", Kind = GroupKind.Board };
        db.AddRange(council, archivedAgency, board);
        db.SaveChanges();
        var people = new[]
        {
            new Person { FullName = "Live person", OrganisationId = council.Id },
            new Person { FullName = "Archived person", OrganisationId = archivedAgency.Id, ArchivedAt = new DateTime(2024, 2, 1) },
        };
        db.People.AddRange(people);
        db.SaveChanges();

        // From, To and archived: a seat that ends the day before, on the day, after; starts on the day, after; open-ended.
        var seats = new (DateOnly From, DateOnly? To, bool Archived)[]
        {
            (new(2023, 4, 1), new(2024, 3, 30), false),
            (new(2023, 4, 1), new(2024, 3, 31), false),
            (new(2023, 4, 1), new(2024, 4, 1), false),
            (new(2024, 3, 31), null, false),
            (new(2024, 4, 1), null, false),
            (new(2020, 1, 1), null, false),
            (new(2020, 1, 1), null, true),
            (new(2024, 4, 1), new(2025, 3, 31), false),
            (new(2022, 4, 1), new(2023, 3, 31), false),
            (new(2023, 3, 31), new(2023, 4, 1), false),
        };
        var index = 0;
        db.GroupMemberships.AddRange(seats.Select(s => new GroupMembership
        {
            GroupId = board.Id, PersonId = people[index++ % 2].Id, OrganisationId = council.Id, From = s.From, To = s.To,
            ArchivedAt = s.Archived ? new DateTime(2024, 1, 1) : null,
        }));
        db.SaveChanges();
        db.ChangeTracker.Clear();
    }

    public void Dispose()
    {
        db.Dispose();
        connection.Dispose();
    }

    private List<GroupMembership> All() => db.GroupMemberships.AsNoTracking().Include(m => m.Person).OrderBy(m => m.Id).ToList();

    public static TheoryData<DateOnly> Dates() => new(new DateOnly(2024, 3, 30), Day, new DateOnly(2024, 4, 1), new DateOnly(2023, 4, 1), new DateOnly(2019, 1, 1));

    [Theory]
    [MemberData(nameof(Dates))]
    public void IsCurrentOn_InQueryAndInMemory_Agree(DateOnly date)
    {
        var query = db.GroupMemberships.Where(m => m.IsCurrentOn(date)).OrderBy(m => m.Id).Select(m => m.Id).ToList();
        var memory = All().Where(m => m.IsCurrentOn(date)).Select(m => m.Id).ToList();

        Assert.Equal(memory, query);
    }

    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2019)]
    public void Overlaps_ReportingYear_InQueryAndInMemory_Agree(int startYear)
    {
        var year = new ReportingYear(startYear);

        var query = db.GroupMemberships.Where(m => m.Overlaps(year.Start, year.End)).OrderBy(m => m.Id).Select(m => m.Id).ToList();
        var memory = All().Where(m => m.Overlaps(year.Start, year.End)).Select(m => m.Id).ToList();

        Assert.Equal(memory, query);
        Assert.NotEmpty(memory);
    }

    [Fact]
    public void LiveAndCurrentOn_ThroughNavigationsAndCollections_AgreeWithMemory()
    {
        var all = All();

        Assert.Equal(all.Live().Select(m => m.Id), db.GroupMemberships.Live().OrderBy(m => m.Id).Select(m => m.Id));
        Assert.Equal(all.CurrentOn(Day).Select(m => m.Id), db.GroupMemberships.CurrentOn(Day).OrderBy(m => m.Id).Select(m => m.Id));
        Assert.Equal(
            all.Where(m => m.Person!.IsLive() && m.IsCurrentOn(Day)).Select(m => m.Id),
            db.GroupMemberships.Where(m => m.Person!.IsLive() && m.IsCurrentOn(Day)).OrderBy(m => m.Id).Select(m => m.Id));
        Assert.Equal(
            all.Where(m => m.IsArchived()).Select(m => m.Id),
            db.GroupMemberships.Where(m => m.IsArchived()).OrderBy(m => m.Id).Select(m => m.Id));
        Assert.Equal(
            all.Count(m => m.IsLive() && m.IsCurrentOn(Day)),
            db.Groups.Select(g => g.Memberships.Count(m => m.IsLive() && m.IsCurrentOn(Day))).Single());
        Assert.Equal(["Live person"], db.People.Live().Select(p => p.FullName));
    }

    [Fact]
    public void Rules_InAQuery_BecomeSqlNotAClientEvaluation()
    {
        var sql = db.GroupMemberships.Where(m => m.IsLive() && m.IsCurrentOn(Day) && m.Person!.IsLive()).ToQueryString();

        Assert.Contains("\"ArchivedAt\" IS NULL", sql, StringComparison.Ordinal);
        Assert.Contains("\"From\" <=", sql, StringComparison.Ordinal);
        Assert.Contains("\"To\" IS NULL", sql, StringComparison.Ordinal);
    }
}

/// <summary>Keeps the rules in one place: feature code names them, it does not write them out again.</summary>
public sealed partial class OneRuleOnePlaceTests
{
    private static string Source => Path.Combine(Infrastructure.Repository.Root(), "src", "HscpPortal.Web");

    [Fact]
    public void FeatureCode_NeverWritesTheArchiveOrDateRulesByHand()
    {
        var offences = Directory.EnumerateFiles(Source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.EndsWith($"Domain{Path.DirectorySeparatorChar}Rules.cs", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(Source, f), Line: i + 1, Text: line)))
            .Where(l => HandWrittenRule().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offences.Count == 0, "Use IsLive()/IsArchived()/IsCurrentOn()/Overlaps() from Domain/Rules.cs:\n" + string.Join("\n", offences));
    }

    [GeneratedRegex(@"ArchivedAt\s*(==|!=)\s*null|ArchivedAt\s+is\s+(not\s+)?null|\.From\s*<=\s*\w+\s*&&\s*\(\s*\w+\.To\s*==\s*null")]
    private static partial Regex HandWrittenRule();
}
