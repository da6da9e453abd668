using Microsoft.EntityFrameworkCore;

namespace HscpPortal.Web.Features.Shared;

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
    public bool HasPrevious => PageNumber > 1;
    public bool HasNext => PageNumber < PageCount;
    public int FirstItem => Total == 0 ? 0 : ((PageNumber - 1) * PageSize) + 1;
    public int LastItem => Math.Min(Total, PageNumber * PageSize);
}

public static class PagingExtensions
{
    public const int DefaultPageSize = 25;

    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, int page, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var total = await query.CountAsync(cancellationToken);
        var count = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        var number = Math.Clamp(page, 1, count);
        var items = await query.Skip((number - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Page<T>(items, number, pageSize, total);
    }
}

/// <summary>Which records a list shows: live ones by default, archived ones on request.</summary>
public enum ArchiveFilter
{
    Active,
    Archived,
    All,
}
