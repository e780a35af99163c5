using System.Globalization;
using System.Text.Json.Nodes;

namespace Identity.ScimEdge.Errors;

/// <summary>The SCIM error envelope (RFC 7644 §3.12), the only error body SCIM routes answer.</summary>
internal sealed class ScimErrorResult(int status, string? scimType, string detail) : IResult
{
    public const string ErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";

    public int Status { get; } = status;

    public string? ScimType { get; } = scimType;

    public string Detail { get; } = detail;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(ErrorSchema),
            // RFC 7644 §3.12: status is a string.
            ["status"] = Status.ToString(CultureInfo.InvariantCulture),
        };
        if (ScimType is not null)
        {
            body["scimType"] = ScimType;
        }
        body["detail"] = Detail;
        httpContext.Response.StatusCode = Status;
        if (Status == StatusCodes.Status401Unauthorized)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Bearer realm=\"scim\"";
        }
        return httpContext.Response.WriteScimJsonAsync(body);
    }
}
