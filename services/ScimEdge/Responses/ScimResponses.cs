using System.Text.Json.Nodes;

namespace Identity.ScimEdge.Responses;

internal static class ScimResponses
{
    public const string ContentType = "application/scim+json; charset=utf-8";

    /// <summary>Writes a SCIM JSON document with the SCIM media type (RFC 7644 §3.1).</summary>
    public static Task WriteScimJsonAsync(this HttpResponse response, JsonNode body)
    {
        response.ContentType = ContentType;
        return response.WriteAsync(body.ToJsonString(), response.HttpContext.RequestAborted);
    }
}
