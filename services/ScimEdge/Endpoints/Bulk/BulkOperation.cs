using System.Text.Json.Nodes;

namespace Identity.ScimEdge.Endpoints.Bulk;

/// <summary>One operation of a BulkRequest (RFC 7644 §3.7).</summary>
internal sealed record BulkOperation(int Index, string Method, string? BulkId, string? Version, string Path, JsonObject? Data);
