using Identity.ScimEdge.Rendering;
using Identity.ScimEdge.Versioning;

namespace Identity.ScimEdge.Responses;

/// <summary>A resource already serialized (from the read cache): 200, its ETag and the bytes.</summary>
internal sealed class ScimBytesResult(byte[] json, long version) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        if (version > 0)
        {
            response.Headers.ETag = ETags.Format(version);
        }
        return response.WriteScimJsonAsync(json);
    }
}
