using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace HscpPortal.Web.Infrastructure;

/// <summary>
/// How large a request the portal reads. One limit for the whole body and for any single form value, set just above
/// the largest upload allowed (<see cref="StorageOptions.MaxUploadBytes"/>), so that a long paste into any text field
/// reaches that field's validator and comes back with its message and the text kept, instead of failing while the
/// form is read ("could not understand what was sent"). A body above the limit is still refused, before it is
/// buffered, with a page that says what was too large (see ErrorsController).
/// </summary>
public static class RequestLimits
{
    /// <summary>Room for the other fields of an upload form, and for a file a little over the limit to be told so.</summary>
    private const long Margin = 4 * 1024 * 1024;

    /// <summary>24 MB with the default 20 MB uploads: under the 25 MB the deployment guide gives the proxy.</summary>
    public static long MaxBodyBytes(long maxUploadBytes) => maxUploadBytes + Margin;

    /// <summary>Kestrel, IIS and the form reader all take the limit from the storage settings.</summary>
    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<StorageOptions>>((o, storage) =>
            o.Limits.MaxRequestBodySize = MaxBodyBytes(storage.Value.MaxUploadBytes));
        services.AddOptions<IISServerOptions>().Configure<IOptions<StorageOptions>>((o, storage) =>
            o.MaxRequestBodySize = MaxBodyBytes(storage.Value.MaxUploadBytes));
        services.AddOptions<FormOptions>().Configure<IOptions<StorageOptions>>((o, storage) =>
        {
            var limit = MaxBodyBytes(storage.Value.MaxUploadBytes);
            o.MultipartBodyLengthLimit = limit;
            // A form value may be as long as the whole body: the field's own maximum length decides, with its message.
            o.ValueLengthLimit = (int)Math.Min(limit, int.MaxValue);
        });
        return services;
    }
}
