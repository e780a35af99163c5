using System.Text.Json.Serialization;

namespace Identity.ServiceDefaults.Discovery.Consul;

// The wire shapes of /v1/agent/service/register and /v1/health/service, with Consul's exact
// PascalCase keys (including the all-caps ID and HTTP) spelled out rather than left to a naming policy.

internal sealed record ConsulServiceRegistration
{
    [JsonPropertyName("ID")] public required string Id { get; init; }
    [JsonPropertyName("Name")] public required string Name { get; init; }
    [JsonPropertyName("Tags")] public IReadOnlyList<string> Tags { get; init; } = [];
    [JsonPropertyName("Address")] public required string Address { get; init; }
    [JsonPropertyName("Port")] public required int Port { get; init; }
    [JsonPropertyName("Meta")] public IReadOnlyDictionary<string, string> Meta { get; init; } = new Dictionary<string, string>();
    [JsonPropertyName("Check")] public required ConsulCheckDefinition Check { get; init; }
}

internal sealed record ConsulCheckDefinition
{
    [JsonPropertyName("CheckID")] public required string CheckId { get; init; }
    [JsonPropertyName("Name")] public required string Name { get; init; }
    [JsonPropertyName("HTTP")] public required string Http { get; init; }
    [JsonPropertyName("Method")] public string Method { get; init; } = "GET";
    [JsonPropertyName("Interval")] public required string Interval { get; init; }
    [JsonPropertyName("Timeout")] public required string Timeout { get; init; }
    [JsonPropertyName("DeregisterCriticalServiceAfter")] public required string DeregisterCriticalServiceAfter { get; init; }
}

internal sealed record ConsulServiceEntry
{
    [JsonPropertyName("Node")] public ConsulNode? Node { get; init; }
    [JsonPropertyName("Service")] public ConsulAgentService? Service { get; init; }
    [JsonPropertyName("Checks")] public IReadOnlyList<ConsulHealthCheck> Checks { get; init; } = [];
}

internal sealed record ConsulNode
{
    [JsonPropertyName("Node")] public string? Name { get; init; }
    [JsonPropertyName("Address")] public string? Address { get; init; }
}

internal sealed record ConsulAgentService
{
    [JsonPropertyName("ID")] public string? Id { get; init; }
    [JsonPropertyName("Service")] public string? Service { get; init; }
    [JsonPropertyName("Address")] public string? Address { get; init; }
    [JsonPropertyName("Port")] public int Port { get; init; }
}

internal sealed record ConsulHealthCheck
{
    [JsonPropertyName("CheckID")] public string? CheckId { get; init; }
    [JsonPropertyName("Status")] public string? Status { get; init; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConsulServiceRegistration))]
[JsonSerializable(typeof(List<ConsulServiceEntry>))]
internal sealed partial class ConsulJsonContext : JsonSerializerContext;
