using System.Text.Json.Nodes;
using Identity.Contracts.GroupRole.V1;
using Identity.Scim.Resources;
using Identity.ScimEdge.Versioning;
using User = Identity.Contracts.Directory.V1.User;

namespace Identity.ScimEdge.Rendering;

/// <summary>Turns Directory's stored resource into the User an IdP reads: meta.location, version, groups.</summary>
internal static class UserRendering
{
    public static string Location(string baseUrl, string id) => $"{baseUrl}/Users/{Uri.EscapeDataString(id)}";

    public static JsonObject Render(User user, string baseUrl, IReadOnlyList<GroupRef>? groups)
    {
        var resource = JsonNode.Parse(user.ResourceJson) as JsonObject ?? new JsonObject();
        resource["id"] = user.Id;
        var meta = ScimJson.Get(resource, "meta") as JsonObject;
        if (meta is null)
        {
            meta = new JsonObject();
            resource["meta"] = meta;
        }
        meta["resourceType"] = "User";
        meta["location"] = Location(baseUrl, user.Id);
        meta["version"] = ETags.Format(user.Version);
        // RFC 7643 §4.1.2: groups is readOnly and comes from group membership, never from the IdP's input.
        ScimJson.Remove(resource, "groups");
        if (groups is { Count: > 0 })
        {
            resource["groups"] = new JsonArray(groups.Select(g => (JsonNode)new JsonObject
            {
                ["value"] = g.GroupId,
                ["$ref"] = $"{baseUrl}/Groups/{Uri.EscapeDataString(g.GroupId)}",
                ["display"] = g.DisplayName,
                ["type"] = g.Direct ? "direct" : "indirect",
            }).ToArray());
        }
        return resource;
    }

    /// <summary>The role values of the SCIM roles attribute, for GroupRole.</summary>
    public static IReadOnlyList<string> Roles(JsonObject resource) =>
        ScimJson.Get(resource, "roles") is JsonArray roles
            ? roles.OfType<JsonObject>().Select(r => ScimJson.AsString(ScimJson.Get(r, "value"))).OfType<string>().Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList()
            : [];
}
