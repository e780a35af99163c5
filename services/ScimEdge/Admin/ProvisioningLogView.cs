using Identity.ScimEdge.ProvisioningLog;

namespace Identity.ScimEdge.Admin;

/// <summary>Capacity tells the reader how far back the log can reach on this replica.</summary>
internal sealed record ProvisioningLogView(IReadOnlyList<ProvisioningLogEntry> Entries, int Capacity);
