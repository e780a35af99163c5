using System.Text.Json.Nodes;
using Identity.ScimEdge.Errors;

namespace Identity.ScimEdge.Endpoints.Discovery;

/// <summary>GET /ServiceProviderConfig (RFC 7643 §5): what this server really supports.</summary>
internal static class ServiceProviderConfigEndpoint
{
    public const string Schema = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

    public static IResult Handle(HttpContext context) => new ScimJsonResult(Build(context.Request));

    internal static JsonObject Build(HttpRequest request)
    {
        var location = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
        return new JsonObject
        {
            ["schemas"] = new JsonArray(Schema),
            ["documentationUri"] = "https://github.com/identity-suite/identity#readme",
            ["patch"] = new JsonObject { ["supported"] = false },
            ["bulk"] = new JsonObject { ["supported"] = false, ["maxOperations"] = 0, ["maxPayloadSize"] = 0 },
            ["filter"] = new JsonObject { ["supported"] = false, ["maxResults"] = 0 },
            ["changePassword"] = new JsonObject { ["supported"] = false },
            ["sort"] = new JsonObject { ["supported"] = false },
            ["etag"] = new JsonObject { ["supported"] = false },
            ["authenticationSchemes"] = new JsonArray(new JsonObject
            {
                ["type"] = "oauthbearertoken",
                ["name"] = "OAuth Bearer Token",
                ["description"] = "Authentication with a per-tenant bearer token issued by the Identity admin API.",
                ["primary"] = true,
            }),
            ["meta"] = new JsonObject
            {
                ["resourceType"] = "ServiceProviderConfig",
                ["location"] = location,
            },
        };
    }
}
