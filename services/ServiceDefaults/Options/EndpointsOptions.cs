using System.ComponentModel.DataAnnotations;

namespace Identity.ServiceDefaults.Options;

/// <summary>Where a service listens. Bound from the <c>Endpoints</c> section (<c>Endpoints__Main</c>).</summary>
public sealed class EndpointsOptions
{
    public const string SectionName = "Endpoints";

    /// <summary>The service's own traffic: gRPC (HTTP/2 without TLS) or, for the edge, SCIM over HTTP.</summary>
    [Required, Url]
    public string Main { get; set; } = "http://127.0.0.1:0";

    /// <summary>Health probes (HTTP/1.1), on a port the ingress does not expose.</summary>
    [Required, Url]
    public string Management { get; set; } = "http://127.0.0.1:0";
}
