using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Identity.ScimEdge.Tests.Fixtures;
using Identity.TestKit;

namespace Identity.ScimEdge.Tests.Protection;

/// <summary>Scim__MaxValuesPerAttribute caps the values of one multi-valued attribute on create and PATCH.</summary>
[Collection(EdgeSuiteCollection.Name)]
public sealed class ValueCapTests(EdgeSuiteFixture fixture)
{
    private static StringContent User(int emails) => new(
        $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"cap{{emails}}@example.com","emails":[{{string.Join(',', Enumerable.Range(0, emails).Select(i => $"{{\"value\":\"e{i}@example.com\"}}"))}}]}""",
        Encoding.UTF8, "application/scim+json");

    [Fact]
    public async Task ConfiguredCap_RefusesOneValueMore_AcceptsTheCap()
    {
        await using var edge = await EdgeHost.StartAsync(fixture.Suite, new Dictionary<string, string?>
        {
            ["Scim:MaxValuesPerAttribute"] = "3",
        }).WithTimeout();
        var (_, _, secret) = await edge.Admin.CreateTenantWithTokenAsync();

        using var atCap = await edge.Admin.ScimAsync(secret, HttpMethod.Post, "/scim/v2/Users", User(3));
        using var overCap = await edge.Admin.ScimAsync(secret, HttpMethod.Post, "/scim/v2/Users", User(4));

        Assert.Equal(HttpStatusCode.Created, atCap.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, overCap.StatusCode);
        var error = JsonNode.Parse(await overCap.Content.ReadAsStringAsync().WithTimeout())!;
        Assert.Equal("invalidValue", error["scimType"]!.GetValue<string>());
        Assert.Contains("at most 3", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
