using System.Net;
using System.Text;
using Identity.ScimEdge.Tests.Fixtures;
using Identity.TestKit;

namespace Identity.ScimEdge.Tests.Protection;

/// <summary>A Bulk request costs one permit per operation, so it cannot carry a tenant past its rate.</summary>
[Collection(EdgeSuiteCollection.Name)]
public sealed class BulkRateLimitTests(EdgeSuiteFixture fixture)
{
    private static StringContent Bulk(int operations)
    {
        var ops = string.Join(',', Enumerable.Range(0, operations).Select(i => $$"""{"method":"DELETE","path":"/Users/missing-{{i}}"}"""));
        return new StringContent(
            $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{{ops}}]}""", Encoding.UTF8, "application/scim+json");
    }

    [Fact]
    public async Task BulkWithMoreOperationsThanTheBurst_Is429_WhileASmallOneRuns()
    {
        await using var edge = await EdgeHost.StartAsync(fixture.Suite, new Dictionary<string, string?>
        {
            ["RateLimits:PermitsPerSecond"] = "1",
            ["RateLimits:Burst"] = "6",
        }).WithTimeout();
        var (_, _, small) = await edge.Admin.CreateTenantWithTokenAsync();
        var (_, _, large) = await edge.Admin.CreateTenantWithTokenAsync();

        using var smallResponse = await edge.Admin.ScimAsync(small, HttpMethod.Post, "/scim/v2/Bulk", Bulk(3));
        using var largeResponse = await edge.Admin.ScimAsync(large, HttpMethod.Post, "/scim/v2/Bulk", Bulk(8));
        using var afterLarge = await edge.Admin.ScimAsync(large, HttpMethod.Get, "/scim/v2/Users?count=1");

        Assert.Equal(HttpStatusCode.OK, smallResponse.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, largeResponse.StatusCode);
        Assert.NotNull(largeResponse.Headers.RetryAfter);
        Assert.Contains("8 bulk operations", await largeResponse.Content.ReadAsStringAsync().WithTimeout(), StringComparison.Ordinal);
        // A refused Bulk spends only the permit of the request itself.
        Assert.Equal(HttpStatusCode.OK, afterLarge.StatusCode);
    }
}
