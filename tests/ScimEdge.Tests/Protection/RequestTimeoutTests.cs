using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Identity.ScimEdge.Tests.Fixtures;
using Identity.TestKit;

namespace Identity.ScimEdge.Tests.Protection;

[Collection(EdgeSuiteCollection.Name)]
public sealed class RequestTimeoutTests(EdgeSuiteFixture fixture)
{
    /// <summary>A body that sends its first bytes, then stalls like a stuck client.</summary>
    private sealed class StallingContent : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            await SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes("{\"schemas\":"), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Fact]
    public async Task SlowScimRequest_PastTheTimeout_Answers503ScimEnvelope()
    {
        await using var edge = await EdgeHost.StartAsync(fixture.Suite, new Dictionary<string, string?>
        {
            ["Scim:RequestTimeout"] = "00:00:00.500",
        }).WithTimeout();
        var (tenant, _, secret) = await edge.Admin.CreateTenantWithTokenAsync();
        using var content = new StallingContent();
        content.Headers.ContentType = new("application/scim+json");

        using var response = await edge.Admin.ScimAsync(secret, HttpMethod.Post, "/scim/v2/Users", content);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync().WithTimeout())!;
        Assert.Equal("503", body["status"]!.ToString());
        var (_, log) = await edge.Admin.SendAsync(HttpMethod.Get, $"/admin/tenants/{tenant}/provisioning-log?status=503");
        Assert.Single(log!["entries"]!.AsArray());
    }
}
