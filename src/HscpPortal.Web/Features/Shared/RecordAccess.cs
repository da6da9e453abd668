using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Shared;

/// <summary>A record an action may go on with, or the answer it gives instead.</summary>
public sealed class Access<T>
    where T : class
{
    private readonly T? record;
    private readonly IActionResult? refusal;

    private Access(T? record, IActionResult? refusal)
    {
        this.record = record;
        this.refusal = refusal;
    }

    internal static Access<T> Grant(T record) => new(record, null);

    internal static Access<T> Refuse(IActionResult refusal) => new(null, refusal);

    /// <summary>True with the record, or false with the 404 or 403 to answer instead.</summary>
    public bool Granted([NotNullWhen(true)] out T? record, [NotNullWhen(false)] out IActionResult? refusal)
    {
        record = this.record;
        refusal = this.refusal;
        return refusal is null;
    }
}

public static class RecordAccess
{
    /// <summary>
    /// Loads the record the query finds and checks the policy against it: no record is 404, answered before the
    /// policy is asked (as the actions did by hand), and a policy refused is 403. <paramref name="resource"/> picks
    /// what the policy judges when it is not the record itself, such as a meeting's group for EditGroup.
    /// </summary>
    public static async Task<Access<T>> LoadAsync<T>(
        this ControllerBase controller, IQueryable<T> query, string policy, CancellationToken ct, Func<T, object>? resource = null)
        where T : class
    {
        var record = await query.FirstOrDefaultAsync(ct);
        if (record is null)
        {
            return Access<T>.Refuse(controller.NotFound());
        }

        var authz = controller.HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
        var result = await authz.AuthorizeAsync(controller.User, resource?.Invoke(record) ?? record, policy);
        return result.Succeeded ? Access<T>.Grant(record) : Access<T>.Refuse(controller.Forbid());
    }
}
