using System.Text.Json.Nodes;

namespace Identity.ScimEdge.Responses;

/// <summary>What a SCIM operation produced, before projection and rendering: shared by single requests and Bulk.</summary>
public sealed record ScimOutcome(int Status, JsonObject? Resource = null, long Version = 0, string? Location = null);
