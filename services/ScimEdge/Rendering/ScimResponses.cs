using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Identity.ScimEdge.Rendering;

internal static class ScimResponses
{
    public const string ContentType = "application/scim+json; charset=utf-8";

    // The body is JSON served as JSON, never embedded in HTML, so quotes and non-ASCII stay readable
    // (meta.version W/"1" rather than W/\u00221\u0022); JSON's own escaping rules still apply.
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The UTF-8 bytes <see cref="WriteScimJsonAsync"/> would write for <paramref name="body"/>.</summary>
    public static byte[] Serialize(JsonNode body) => JsonSerializer.SerializeToUtf8Bytes(body, Output);

    /// <summary>
    /// Writes a SCIM JSON document with the SCIM media type (RFC 7644 §3.1), straight to UTF-8 and
    /// with a Content-Length: no UTF-16 string in between, no chunked framing.
    /// </summary>
    public static Task WriteScimJsonAsync(this HttpResponse response, JsonNode body) => response.WriteScimJsonAsync(Serialize(body));

    /// <summary>Writes an already serialized SCIM JSON document.</summary>
    public static Task WriteScimJsonAsync(this HttpResponse response, ReadOnlyMemory<byte> json)
    {
        response.ContentType = ContentType;
        response.ContentLength = json.Length;
        return response.Body.WriteAsync(json, response.HttpContext.RequestAborted).AsTask();
    }
}
