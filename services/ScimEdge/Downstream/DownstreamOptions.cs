using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace Identity.ScimEdge.Downstream;

/// <summary>
/// Where the edge finds the gRPC services (<c>Downstream__Directory</c>, ...): a plain
/// <c>http://host:port</c>, <c>static://name</c> or <c>consul://name</c>.
/// </summary>
public sealed class DownstreamOptions
{
    public const string SectionName = "Downstream";

    [Required]
    public string Directory { get; set; } = "http://127.0.0.1:5001";

    [Required]
    public string GroupRole { get; set; } = "http://127.0.0.1:5002";

    [Required]
    public string Revocation { get; set; } = "http://127.0.0.1:5003";

    /// <summary>The schemes a downstream address may use.</summary>
    public static bool IsSupportedAddress([NotNullWhen(true)] string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "static" or "consul";
}
