using System.Net;
using System.Text.Json.Nodes;
using Identity.ScimEdge.Tests.Fixtures;
using Identity.TestKit;

namespace Identity.ScimEdge.Tests.Protection;

[Collection(EdgeSuiteCollection.Name)]
public sealed class RateLimitTests(EdgeSuiteFixture fixture)
{
    [Fact]
    public async Task TenantOverItsRate_Answers429WithRetryAfterAndScimBody_OtherTenantUnaffected()
    {
        await using var edge = await EdgeHost.StartAsync(fixture.Suite, new Dictionary<string, string?>
        {
            ["RateLimits:PermitsPerSecond"] = "1",
            ["RateLimits:Burst"] = "2",
        }).WithTimeout();
        var (busyTenant, _, busy) = await edge.Admin.CreateTenantWithTokenAsync();
        var (_, _, quiet) = await edge.Admin.CreateTenantWithTokenAsync();

        HttpResponseMessage? refused = null;
        for (var i = 0; i < 6 && refused is null; i++)
        {
            var response = await edge.Admin.ScimAsync(busy, HttpMethod.Get, "/scim/v2/Users?count=1");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }
        var quietStatus = await edge.Admin.ScimStatusAsync(quiet);

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            Assert.Equal("application/scim+json", refused.Content.Headers.ContentType?.MediaType);
            var body = JsonNode.Parse(await refused.Content.ReadAsStringAsync().WithTimeout())!;
            Assert.Equal("429", body["status"]!.ToString());
            Assert.Contains("urn:ietf:params:scim:api:messages:2.0:Error", body["schemas"]!.ToJsonString(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, quietStatus);
        var (_, log) = await edge.Admin.SendAsync(HttpMethod.Get, $"/admin/tenants/{busyTenant}/provisioning-log?status=429");
        Assert.NotEmpty(log!["entries"]!.AsArray());
    }
}
