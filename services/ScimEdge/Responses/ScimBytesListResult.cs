using System.Text.Json;
using Identity.Scim.Schemas;

namespace Identity.ScimEdge.Responses;

/// <summary>
/// A ListResponse of resources already serialized, written exactly as <see cref="ScimListResult"/>
/// writes the same resources without attributes/excludedAttributes.
/// </summary>
internal sealed class ScimBytesListResult(IReadOnlyList<byte[]> resources, int totalResults, int startIndex) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ScimResponses.ContentType;
        await using (var json = new Utf8JsonWriter(response.BodyWriter))
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
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
