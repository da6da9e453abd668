using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace HscpPortal.Web.Features.Shared;

/// <summary>Links to other pages of a list, keeping every other filter in the query string.</summary>
public sealed class PaginationModel(HttpRequest request, int pageNumber, int pageCount, int total, int firstItem, int lastItem)
{
    public int PageNumber { get; } = pageNumber;
    public int PageCount { get; } = pageCount;
    public int Total { get; } = total;
    public int FirstItem { get; } = firstItem;
    public int LastItem { get; } = lastItem;

    public string Url(int page)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        var builder = new QueryBuilder(query.Where(q => q.Key != "page" && q.Key != "notice").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))));
        builder.Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return request.Path + builder.ToQueryString().Value;
    }

    public static PaginationModel For<T>(HttpRequest request, Page<T> page) =>
        new(request, page.PageNumber, page.PageCount, page.Total, page.FirstItem, page.LastItem);
}
