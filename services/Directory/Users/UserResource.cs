using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Scim.Resources;

namespace Identity.Directory.Users;

/// <summary>
/// Turns a SCIM User resource into what Directory stores: parses it, writes id and meta
/// (Directory's to assign; meta.location stays the edge's) and derives the indexed fields.
/// </summary>
public static class UserResource
{
    public const string CoreSchema = "urn:ietf:params:scim:schemas:core:2.0:User";

    /// <summary>Parses resource JSON; anything but an object with a non-empty userName is INVALID_ARGUMENT.</summary>
    public static JsonObject Parse(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(string.IsNullOrWhiteSpace(json) ? "null" : json);
        }
        catch (JsonException ex)
        {
            throw new DirectoryException(DirectoryFailure.InvalidValue, $"resource_json is not valid JSON: {ex.Message}");
        }
        if (node is not JsonObject resource)
        {
            throw new DirectoryException(DirectoryFailure.InvalidValue, "resource_json must be a JSON object (a SCIM User).");
        }
        if (string.IsNullOrWhiteSpace(ScimJson.AsString(ScimJson.Get(resource, "userName"))))
        {
            throw new DirectoryException(DirectoryFailure.InvalidValue, "A User needs a non-empty string userName (RFC 7643 §4.1.1).");
        }
        return resource;
    }

    /// <summary>Stamps id and meta into <paramref name="resource"/> and builds the stored user from it.</summary>
    public static StoredUser Build(
        string tenantId, string id, JsonObject resource, long version, DateTimeOffset created, DateTimeOffset lastModified,
        UserOrigin origin, bool idpManaged, long ordinal = 0, VerifiedIdentifiers jitVerified = VerifiedIdentifiers.None)
    {
        // Last line of defence: a direct gRPC caller's password is dropped here too, before the
        // user, its audit entry or its feed snapshot is written (the edge strips it first).
        WriteOnlyAttributes.Strip(resource);
        ScimJson.Remove(resource, "id");
        resource["id"] = id;
        var location = ScimJson.Get(resource, "meta") is JsonObject oldMeta ? ScimJson.AsString(ScimJson.Get(oldMeta, "location")) : null;
        ScimJson.Remove(resource, "meta");
        var meta = new JsonObject
        {
            ["resourceType"] = "User",
            ["created"] = ScimTime.Print(created),
            ["lastModified"] = ScimTime.Print(lastModified),
            ["version"] = $"W/\"{version}\"",
        };
        if (location is not null)
        {
            meta["location"] = location;
        }
        resource["meta"] = meta;

        return new StoredUser(
            tenantId,
            id,
            ordinal,
            ScimJson.AsString(ScimJson.Get(resource, "userName"))!,
            NullIfEmpty(ScimJson.AsString(ScimJson.Get(resource, "externalId"))),
            NullIfEmpty(ScimJson.AsString(ScimJson.Get(resource, "displayName"))),
            ReadBoolean(ScimJson.Get(resource, "active")),
            ReadEmails(resource),
            resource.ToJsonString(),
            version,
            created,
            lastModified,
            origin,
            idpManaged,
            Deleted: null,
            jitVerified);
    }

    /// <summary>true/false, or the strings "True"/"false" some IdPs send; anything else is unknown.</summary>
    public static bool? ReadBoolean(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when string.Equals(node.GetValue<string>(), "true", StringComparison.OrdinalIgnoreCase) => true,
        JsonValueKind.String when string.Equals(node.GetValue<string>(), "false", StringComparison.OrdinalIgnoreCase) => false,
        _ => null,
    };

    private static List<UserEmail> ReadEmails(JsonObject resource)
    {
        var emails = new List<UserEmail>();
        if (ScimJson.Get(resource, "emails") is not JsonArray array)
        {
            return emails;
        }
        foreach (var item in array.OfType<JsonObject>())
        {
            var value = ScimJson.AsString(ScimJson.Get(item, "value"));
            if (!string.IsNullOrEmpty(value))
            {
                emails.Add(new UserEmail(value, ScimJson.AsString(ScimJson.Get(item, "type")), ReadBoolean(ScimJson.Get(item, "primary")) == true));
            }
        }
        return emails;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
