using System.Text.Json.Nodes;

namespace Identity.TestKit.Consul;

/// <summary>One registered service instance and the status of its single check.</summary>
internal sealed class FakeConsulService
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Address { get; init; }
    public required int Port { get; init; }
    public required IReadOnlyList<string> Tags { get; init; }
    public required string CheckId { get; init; }
    public string? CheckUrl { get; init; }
    public required JsonObject Body { get; init; }
    public required ulong CreateIndex { get; init; }
    public string Status { get; set; } = "critical";
}
