using System.Text.Json.Nodes;
using Identity.ScimEdge.Rendering;

namespace Identity.ScimEdge.Responses;

/// <summary>A SCIM JSON body with the SCIM media type.</summary>
internal sealed class ScimJsonResult(JsonNode body, int status = StatusCodes.Status200OK) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = status;
        return httpContext.Response.WriteScimJsonAsync(body);
    }
}
