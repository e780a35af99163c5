using System.Text.Json.Nodes;
using Identity.Scim.Schemas;
using Identity.ScimEdge.Settings;

namespace Identity.ScimEdge.Endpoints.Discovery;

/// <summary>GET /ServiceProviderConfig (RFC 7643 §5): what this server really supports, with its real limits.</summary>
internal static class ServiceProviderConfigEndpoint
{
    public static JsonObject Build(string baseUrl, ScimOptions options) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemaUris.ServiceProviderConfig),
        ["documentationUri"] = "https://github.com/identity-suite/identity#readme",
        ["patch"] = new JsonObject { ["supported"] = true },
        ["bulk"] = new JsonObject
        {
            ["supported"] = true,
            ["maxOperations"] = options.MaxBulkOperations,
            ["maxPayloadSize"] = options.MaxBulkBytes,
        },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = options.MaxResults },
        // Passwords are accepted as writeOnly attributes but there is no password-change flow.
        ["changePassword"] = new JsonObject { ["supported"] = false },
        ["sort"] = new JsonObject { ["supported"] = true },
        ["etag"] = new JsonObject { ["supported"] = true },
        ["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken",
            ["name"] = "OAuth Bearer Token",
            ["description"] = "A per-tenant bearer token issued by the Identity admin API, sent as 'Authorization: Bearer <token>'.",
            ["primary"] = true,
        }),
        ["meta"] = new JsonObject
        {
            ["resourceType"] = "ServiceProviderConfig",
            ["location"] = baseUrl + "/ServiceProviderConfig",
        },
    };
}
