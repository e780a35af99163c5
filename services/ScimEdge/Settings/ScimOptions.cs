using System.ComponentModel.DataAnnotations;

namespace Identity.ScimEdge.Settings;

/// <summary>The SCIM surface's limits and public address. Bound from <c>Scim</c>.</summary>
public sealed class ScimOptions
{
    public const string SectionName = "Scim";

    /// <summary>Scheme and host the IdPs use (https://scim.example.com) when a proxy sits in front; empty uses the request's.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Largest body of a single SCIM request.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest Bulk request (advertised as bulk.maxPayloadSize).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long MaxBulkBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Most operations in one Bulk request (advertised as bulk.maxOperations).</summary>
    [Range(1, 10_000)]
    public int MaxBulkOperations { get; set; } = 1000;

    /// <summary>Most values one multi-valued attribute (emails, addresses, ...) may carry in a request; groups' members are not capped.</summary>
    [Range(1, 1_000_000)]
    public int MaxValuesPerAttribute { get; set; } = Identity.Scim.Validation.ValidationOptions.DefaultMaxValuesPerAttribute;

    /// <summary>Most resources in one list page (advertised as filter.maxResults).</summary>
    [Range(1, 1000)]
    public int MaxResults { get; set; } = 1000;
}
