using System.Buffers;
using System.Text.Json;
using Identity.Scim.Schemas;
using Identity.ScimEdge.Rendering;

namespace Identity.ScimEdge.Responses;

/// <summary>
/// A ListResponse of resources already serialized, written exactly as <see cref="ScimListResult"/>
/// writes the same resources without attributes/excludedAttributes.
/// </summary>
internal sealed class ScimBytesListResult(IReadOnlyList<byte[]> resources, int totalResults, int startIndex) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        // Built in memory first so the response has a Content-Length instead of chunked framing.
        var buffer = new ArrayBufferWriter<byte>(resources.Sum(r => r.Length) + 192);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("schemas");
            json.WriteStringValue(ScimSchemaUris.ListResponse);
            json.WriteEndArray();
            json.WriteNumber("totalResults", totalResults);
            json.WriteNumber("itemsPerPage", resources.Count);
            json.WriteNumber("startIndex", startIndex);
            json.WriteStartArray("Resources");
            foreach (var resource in resources)
            {
                json.WriteRawValue(resource, skipInputValidation: true);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        return response.WriteScimJsonAsync(buffer.WrittenMemory);
    }
}
