using HscpPortal.Web.Features.Dashboard;
using HscpPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Actions;

public sealed record SignOffRequestRow(int Id, string Title, string GroupName, string OwnerName, string? RequestedBy, DateTime RequestedAt)
{
    public string Url => $"/actions/{Id}";
}

public sealed class AwaitingSignOffModel
{
    public required int Count { get; init; }

    /// <summary>The first <see cref="AwaitingSignOffTile.Shown"/> requests, the longest waiting first.</summary>
    public required IReadOnlyList<SignOffRequestRow> Requests { get; init; }

    /// <summary>Whether the rows come from more than one group, so each row names its group.</summary>
    public required bool SeveralGroups { get; init; }

    /// <summary>The action tracker filtered to what awaits sign-off (in the one group, when there is one).</summary>
    public required string AllUrl { get; init; }
}

/// <summary>
/// "Awaiting your sign-off": actions whose owner asked for sign-off in the groups the user chairs or vice-chairs today,
/// which are the actions the user may sign off (<see cref="ChairOfGroupHandler"/>). On a group's dashboard only that
/// group's, and only for its chair or vice-chair; on My work every group the user chairs. Anyone without such a seat
/// does not see the tile (the team finds every request with the tracker's filter).
/// </summary>
public sealed class AwaitingSignOffTile : DashboardTile<AwaitingSignOffModel>
{
    public const int Shown = 10;

    public override string Id => "awaiting-sign-off";

    public static string TrackerUrl(int? groupId) =>
        "/actions?awaiting=signoff" + (groupId is { } g ? $"&group={g}" : "");

    public override async Task<AwaitingSignOffModel?> LoadAsync(TileContext context, CancellationToken ct)
    {
        if (context.User.UserId() is not { } userId)
        {
            return null;
        }

        var chaired = SignOffRequests.GroupsChairedBy(context.Db, userId, context.Today);
        if (context.GroupId is { } only)
        {
            chaired = chaired.Where(g => g == only);
        }

        var groups = await chaired.ToListAsync(ct);
        if (groups.Count == 0)
        {
            return null;
        }

        var awaiting = SignOffRequests.Awaiting(context.Db.Actions.AsNoTracking()).Where(a => groups.Contains(a.GroupId));
        var requests = await awaiting.OrderBy(a => a.CompletionRequestedAt).ThenBy(a => a.Id).Take(Shown)
            .Select(a => new SignOffRequestRow(a.Id, a.Title, a.Group!.Name, a.OwnerPerson!.FullName, a.CompletionRequestedBy, a.CompletionRequestedAt!.Value))
            .ToListAsync(ct);
        return new AwaitingSignOffModel
        {
            // Always counted, so the tile's queries stay the same however many requests there are.
            Count = await awaiting.CountAsync(ct),
            Requests = requests,
            SeveralGroups = groups.Count > 1,
            AllUrl = TrackerUrl(groups.Count == 1 ? groups[0] : null),
        };
    }
}
