using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace HscpPortal.Web.Infrastructure;

/// <summary>
/// The reverse proxy in front of the portal: which addresses may tell it the client's address and the original
/// scheme (<c>ForwardedHeaders:*</c>). The Host header is never taken from a proxy: links are built from
/// <c>Portal:PublicUrl</c> and requests are checked against <c>AllowedHosts</c>.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    public bool Enabled { get; set; }

    /// <summary>Proxies trusted by address, besides loopback.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxies trusted by network, in CIDR form ("10.0.0.0/8").</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies stand between the client and the portal.</summary>
    public int ForwardLimit { get; set; } = 1;
}

public static class Hosting
{
    /// <summary>
    /// What stops the portal starting in Production: without a public address its emails would carry links built
    /// from whatever a caller claims the host is, and with every host allowed a forged Host header is accepted.
    /// </summary>
    public static IReadOnlyList<string> ProductionProblems(IConfiguration configuration)
    {
        var problems = new List<string>();
        var publicUrl = configuration[$"{PortalOptions.Section}:{nameof(PortalOptions.PublicUrl)}"];
        Uri? address = null;
        if (string.IsNullOrWhiteSpace(publicUrl))
        {
            problems.Add("Portal:PublicUrl is not set. Set it to the address users type, such as https://portal.example.gov.uk.");
        }
        else if (!Uri.TryCreate(publicUrl, UriKind.Absolute, out address) || address.Scheme != Uri.UriSchemeHttps
            || address.IsLoopback || !string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment))
        {
            problems.Add($"Portal:PublicUrl \"{publicUrl}\" must be the https:// address users type, such as https://portal.example.gov.uk, not a local address.");
            address = null;
        }

        var allowed = (configuration["AllowedHosts"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (allowed.Length == 0 || allowed.Contains("*"))
        {
            problems.Add("AllowedHosts must list the portal's host names (for example portal.example.gov.uk), not \"*\".");
        }
        else if (address is not null && !allowed.Any(host => HostMatches(host, address.Host)))
        {
            problems.Add($"AllowedHosts \"{string.Join(';', allowed)}\" does not include {address.Host}, the host of Portal:PublicUrl.");
        }

        var forwarded = configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        problems.AddRange(ForwardedHeadersProblems(forwarded));
        return problems;
    }

    public static IReadOnlyList<string> ForwardedHeadersProblems(ForwardedHeadersSettings settings)
    {
        var problems = new List<string>();
        problems.AddRange(settings.KnownProxies.Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => $"ForwardedHeaders:KnownProxies \"{p}\" is not an IP address."));
        problems.AddRange(settings.KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _))
            .Select(n => $"ForwardedHeaders:KnownNetworks \"{n}\" is not a network in CIDR form, such as 10.0.0.0/8."));
        if (settings.ForwardLimit < 1)
        {
            problems.Add("ForwardedHeaders:ForwardLimit must be 1 or more.");
        }

        return problems;
    }

    private static bool HostMatches(string pattern, string host) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);

    /// <summary>Cookies are marked Secure whenever the portal's public address is https, whatever a request says.</summary>
    public static bool PublicUrlIsHttps(IConfiguration configuration) =>
        Uri.TryCreate(configuration[$"{PortalOptions.Section}:{nameof(PortalOptions.PublicUrl)}"], UriKind.Absolute, out var address)
        && address.Scheme == Uri.UriSchemeHttps;

    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        var problems = ForwardedHeadersProblems(settings);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        services.AddSingleton(settings);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // The client's address (for sign-in limits and logs) and the scheme it used (for Secure cookies and HSTS).
            // X-Forwarded-Host is deliberately not accepted.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = settings.ForwardLimit;
            foreach (var proxy in settings.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    public static IApplicationBuilder UseReverseProxySupport(this IApplicationBuilder app)
    {
        var settings = app.ApplicationServices.GetRequiredService<ForwardedHeadersSettings>();
        return settings.Enabled ? app.UseForwardedHeaders() : app;
    }
}
