using System.Net.Http.Headers;
using Identity.EndToEnd.Tests.Fixtures;
using Identity.TestKit;

namespace Identity.EndToEnd.Tests.Edge;

/// <summary>RFC 7644 details seen from outside: 403 for filtered discovery, 405 with Allow, noTarget outside Entra.</summary>
[Collection(SuiteCollection.Name)]
public sealed class RfcExactnessTests(SuiteFixture fixture)
{
    private const string PatchSchema = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";

    [Theory]
    [InlineData("/scim/v2/Schemas?filter=id%20eq%20%22x%22")]
    [InlineData("/scim/v2/ResourceTypes?filter=name%20eq%20%22User%22")]
    [InlineData("/scim/v2/Schemas?FILTER=x")]
    public async Task FilterOnDiscovery_Is403(string path)
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);

        var (status, error) = await tenant.Scim.SendAsync(HttpMethod.Get, path);
        var (unfiltered, _) = await tenant.Scim.SendAsync(HttpMethod.Get, path.Split('?')[0]);

        Assert.Equal(403, status);
        Assert.Equal("403", error!["status"]!.GetValue<string>());
        Assert.Contains("RFC 7644 §4", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(200, unfiltered);
    }

    [Theory]
    [InlineData("DELETE", "/Users", "GET, POST")]
    [InlineData("PUT", "/Groups", "GET, POST")]
    [InlineData("POST", "/Users/{id}", "DELETE, GET, PATCH, PUT")]
    [InlineData("GET", "/Bulk", "POST")]
    [InlineData("GET", "/.search", "POST")]
    [InlineData("DELETE", "/Schemas", "GET")]
    [InlineData("PATCH", "/ServiceProviderConfig", "GET")]
    public async Task UnsupportedMethodOnKnownEndpoint_Is405WithAllow(string method, string path, string allow)
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        var id = await tenant.Scim.CreateUserAsync("m@example.com");
        using var request = new HttpRequestMessage(new HttpMethod(method), "/scim/v2" + path.Replace("{id}", id, StringComparison.Ordinal));

        using var response = await tenant.Scim.SendAsync(request).WithTimeout();
        var body = await response.Content.ReadAsStringAsync().WithTimeout();

        Assert.Equal(405, (int)response.StatusCode);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
        Assert.Contains("\"status\":\"405\"", body, StringComparison.Ordinal);
        Assert.Contains("urn:ietf:params:scim:api:messages:2.0:Error", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownEndpoint_Stays404()
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);

        var (status, _) = await tenant.Scim.SendAsync(HttpMethod.Get, "/scim/v2/Robots");

        Assert.Equal(404, status);
    }

    [Theory]
    [InlineData("", 400)]
    [InlineData("Okta SCIM Client 1.0.0", 400)]
    [InlineData("Azure Active Directory SCIM Client", 200)]
    public async Task PatchThroughUnmatchedValueFilter_CreatesOnlyForEntra(string userAgent, int expected)
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        var id = await tenant.Scim.CreateUserAsync("nowork@example.com");
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/scim/v2/Users/{id}")
        {
            Content = new StringContent("{" + PatchSchema + ",\"Operations\":[{\"op\":\"Add\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"w@example.com\"}]}"),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/scim+json");
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);

        using var response = await tenant.Scim.SendAsync(request).WithTimeout();
        var body = await response.Content.ReadAsStringAsync().WithTimeout();

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Contains(expected == 200 ? "w@example.com" : "\"scimType\":\"noTarget\"", body, StringComparison.Ordinal);
    }
}
