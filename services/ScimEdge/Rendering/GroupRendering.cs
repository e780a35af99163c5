using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Identity.Contracts.GroupRole.V1;
using Identity.Scim.Resources;
using Identity.Scim.Schemas;
using Identity.ScimEdge.Versioning;

namespace Identity.ScimEdge.Rendering;

/// <summary>Between GroupRole's records and the SCIM Group resource.</summary>
internal static class GroupRendering
{
    // Attributes GroupRole stores in typed fields or owns; everything else travels in extra_json.
    private static readonly HashSet<string> TypedAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "schemas", "id", "externalId", "meta", "displayName", "members",
    };

    public static string Location(string baseUrl, string id) => $"{baseUrl}/Groups/{Uri.EscapeDataString(id)}";

    public static JsonObject Render(Group group, string baseUrl, IReadOnlyList<Member>? members)
    {
        var resource = new JsonObject { ["schemas"] = new JsonArray(ScimSchemaUris.Group), ["id"] = group.Id };
        if (!string.IsNullOrEmpty(group.ExternalId))
        {
            resource["externalId"] = group.ExternalId;
        }
        resource["displayName"] = group.DisplayName;
        if (!string.IsNullOrEmpty(group.ExtraJson) && JsonNode.Parse(group.ExtraJson) is JsonObject extra)
        {
            foreach (var (key, value) in extra.ToList())
            {
                extra.Remove(key);
                resource[key] = value;
                if (key.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
                {
                    ScimJson.EnsureSchemaListed(resource, key);
                }
            }
        }
        if (members is not null)
        {
            resource["members"] = new JsonArray(members.Select(m => (JsonNode)RenderMember(m, baseUrl)).ToArray());
        }
        resource["meta"] = new JsonObject
        {
            ["resourceType"] = "Group",
            ["created"] = Format(group.Created),
            ["lastModified"] = Format(group.LastModified),
            ["location"] = Location(baseUrl, group.Id),
            ["version"] = ETags.Format(group.Version),
        };
        return resource;
    }

    public static IReadOnlyList<Member> Members(JsonObject resource) =>
        ScimJson.Get(resource, "members") is JsonArray members
            ? members.OfType<JsonObject>().Select(ToMember).Where(m => m.MemberId.Length > 0).ToList()
            : [];

    public static Member ToMember(JsonObject member) => new()
    {
        MemberId = ScimJson.AsString(ScimJson.Get(member, "value")) ?? "",
        Type = ScimJson.AsString(ScimJson.Get(member, "type"))?.ToLowerInvariant() switch
        {
            "group" => MemberType.Group,
            "user" => MemberType.User,
            _ => MemberType.Unspecified,
        },
        Display = ScimJson.AsString(ScimJson.Get(member, "display")) ?? "",
    };

    /// <summary>The attributes GroupRole keeps as an opaque JSON object (extensions and unmodelled core attributes).</summary>
    public static string ExtraJson(JsonObject resource)
    {
        var extra = new JsonObject();
        foreach (var (key, value) in resource)
        {
            if (!TypedAttributes.Contains(key))
            {
                extra[key] = value?.DeepClone();
            }
        }
        return extra.Count == 0 ? "" : extra.ToJsonString();
    }

    private static JsonObject RenderMember(Member member, string baseUrl)
    {
        var isGroup = member.Type == MemberType.Group;
        var rendered = new JsonObject
        {
            ["value"] = member.MemberId,
            ["$ref"] = isGroup ? Location(baseUrl, member.MemberId) : UserRendering.Location(baseUrl, member.MemberId),
            ["type"] = isGroup ? "Group" : "User",
        };
        if (!string.IsNullOrEmpty(member.Display))
        {
            rendered["display"] = member.Display;
        }
        return rendered;
    }

    private static string? Format(Timestamp? time) =>
        time is null ? null : time.ToDateTimeOffset().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
}
