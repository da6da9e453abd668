using System.Net;
using System.Text.RegularExpressions;
using HscpPortal.IntegrationTests.Infrastructure;

namespace HscpPortal.IntegrationTests;

/// <summary>
/// Loading a record and authorising it is one helper (Features/Shared/RecordAccess.cs): a record that is not there is
/// 404 whoever asks, before any policy; one the policy refuses is 403. And controllers name policies, never roles.
/// </summary>
public sealed partial class RecordAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("member")]
    [InlineData("team")]
    public async Task EditPage_RecordMissing_NotFoundWhoeverAsks(string who)
    {
        var client = await factory.ClientAsync(who);

        var group = await client.GetAsync("/groups/999999/edit");
        var action = await client.GetAsync("/actions/999999/sign-off");
        var item = await client.GetAsync(factory.Fill("/meetings/{meeting}/agenda/999999"));

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { group.StatusCode, action.StatusCode, item.StatusCode });
    }

    [Fact]
    public async Task MemberPage_SeatOfAnotherGroup_NotFoundEvenForSomeoneTheGroupWouldRefuse()
    {
        var client = await factory.ClientAsync("member");
        var qe = factory.GroupId(Demo.QualityAndEffectiveness);
        var boardSeat = factory.Query(db => db.GroupMemberships.Where(m => m.GroupId == factory.GroupId(Demo.Board)).Select(m => m.Id).First());

        var otherGroups = await client.GetAsync($"/groups/{qe}/members/{boardSeat}");
        var own = await client.GetAsync(factory.Fill("/groups/{qe}/members/{qeMember}"));

        Assert.Equal(HttpStatusCode.NotFound, otherGroups.StatusCode);
        Assert.True(own.IsDenied(), $"{(int)own.StatusCode}");
    }

    [Fact]
    public async Task EditPage_RecordThereButPolicyRefuses_Forbidden()
    {
        var client = await factory.ClientAsync("member");

        var response = await client.GetAsync(factory.Fill("/meetings/{meeting}/edit"));

        Assert.True(response.IsDenied(), $"{(int)response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public void FeatureCode_NamesPoliciesNeverRoles()
    {
        var source = Path.Combine(Repository.Root(), "src", "HscpPortal.Web", "Features");

        var offences = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(source, f), Line: i + 1, Text: line)))
            .Where(l => RoleCheck().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offences.Count == 0, "Name a policy from Security/Policies.cs instead:\n" + string.Join("\n", offences));
    }

    // Asking for a role, or naming one, in order to decide what someone may do. Listing the roles to assign them
    // (Roles.All, Roles.Describe on the users pages) is not a check.
    [GeneratedRegex(@"IsInRole\s*\(|Authorize\([^)]*Roles\s*=|Roles\.(Administrator|PartnershipTeam|Scrutineer|SafeguardingPartner|Member)\b")]
    private static partial Regex RoleCheck();
}
