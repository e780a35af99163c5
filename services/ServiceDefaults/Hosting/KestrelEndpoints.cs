using System.Net;
using Identity.ServiceDefaults.Options;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Identity.ServiceDefaults.Hosting;

/// <summary>Turns the configured URLs into Kestrel listeners with the right protocols.</summary>
internal static class KestrelEndpoints
{
    public static void Configure(KestrelServerOptions kestrel, EndpointsOptions options, ServiceProtocol protocol, ServiceEndpoints endpoints)
    {
        ListenOptions? main = null;
        ListenOptions? management = null;
        kestrel.Listen(ParseEndPoint(options.Main, $"{EndpointsOptions.SectionName}__Main"), listen =>
        {
            listen.Protocols = protocol == ServiceProtocol.Grpc ? HttpProtocols.Http2 : HttpProtocols.Http1AndHttp2;
            main = listen;
        });
        kestrel.Listen(ParseEndPoint(options.Management, $"{EndpointsOptions.SectionName}__Management"), listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            management = listen;
        });
        endpoints.Attach(main!, management!);
    }

    internal static IPEndPoint ParseEndPoint(string url, string key)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new InvalidOperationException($"{key} must be an http:// URL such as http://127.0.0.1:5001, not '{url}'.");
        }
        var address = uri.Host switch
        {
            "0.0.0.0" or "*" or "+" => IPAddress.Any,
            "[::]" or "::" => IPAddress.IPv6Any,
            "localhost" => IPAddress.Loopback,
            var host when IPAddress.TryParse(host.Trim('[', ']'), out var parsed) => parsed,
            _ => throw new InvalidOperationException($"{key} must name an IP address, 0.0.0.0 or localhost, not '{uri.Host}'."),
        };
        return new IPEndPoint(address, uri.Port);
    }
}
