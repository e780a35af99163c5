using System.ComponentModel.DataAnnotations;

namespace Identity.ScimEdge.ProvisioningLog;

/// <summary>How many recent SCIM requests the edge keeps per tenant. Bound from <c>ProvisioningLog</c>.</summary>
public sealed class ProvisioningLogOptions
{
    public const string SectionName = "ProvisioningLog";

    /// <summary>Entries kept per tenant (<c>ProvisioningLog__Capacity</c>); the oldest drop out first.</summary>
    [Range(10, 100_000, ErrorMessage = "ProvisioningLog__Capacity must be between 10 and 100000.")]
    public int Capacity { get; set; } = 2000;
}
