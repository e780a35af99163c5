using System.Text.Json.Nodes;
using Identity.Scim.Projection;
using Identity.Scim.Schemas;
using Identity.ScimEdge.ReadCache;

namespace Identity.ScimEdge.Rendering;

/// <summary>A cached user as the IdP reads it: rendered and serialized once per base URL, then served as bytes.</summary>
internal static class CachedUserRendering
{
    /// <summary>The full response body (the default projection, as a GET without attributes answers).</summary>
    public static byte[] Json(CachedUser user, string baseUrl)
    {
        if (user.Rendered is { } rendered && rendered.BaseUrl == baseUrl)
        {
            return rendered.Json;
        }
        var projected = AttributeProjector.ProjectForResponse(Object(user, baseUrl), SchemaRegistry.Default.Users);
        var json = ScimResponses.Serialize(projected);
        user.Rendered = new RenderedUser(baseUrl, json);
        return json;
    }

    /// <summary>A fresh, mutable resource for projections other than the default.</summary>
    public static JsonObject Object(CachedUser user, string baseUrl) => UserRendering.Render(user.User, baseUrl, user.Groups);
}
