using System.Text.Json.Nodes;

namespace Identity.Scim.Tests.Support;

/// <summary>Small helpers to write JSON fixtures as strings.</summary>
internal static class Json
{
    public static JsonObject Object(string json) => JsonNode.Parse(json)!.AsObject();

    public static JsonNode Node(string json) => JsonNode.Parse(json)!;
}
