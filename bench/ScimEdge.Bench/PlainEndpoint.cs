using System.Text;

namespace Identity.ScimEdge.Bench;

/// <summary>
/// The yardstick: bare Kestrel on loopback answering every method and path with a fixed SCIM user
/// of the size the edge returns, so the ratio shows what the edge, its gRPC hops and the stores cost.
/// </summary>
internal static class PlainEndpoint
{
    public static async Task<int> RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var body = Encoding.UTF8.GetBytes(CapturedUser.Json);
        app.Map("/{**path}", async (HttpContext http) =>
        {
            // Read the request like the edge must, so POST and PATCH pay for their bodies here too.
            await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = "application/scim+json";
            http.Response.ContentLength = body.Length;
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
        });
        await app.RunAsync();
        return 0;
    }
}
