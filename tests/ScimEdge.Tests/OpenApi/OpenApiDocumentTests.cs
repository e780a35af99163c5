using System.Net;
using System.Text.Json.Nodes;
using Identity.ScimEdge.Tests.Fixtures;
using Identity.TestKit;

namespace Identity.ScimEdge.Tests.OpenApi;

[Collection(EdgeSuiteCollection.Name)]
public sealed class OpenApiDocumentTests(EdgeSuiteFixture fixture)
{
    [Fact]
    public async Task OpenApiDocument_ListsScimAndAdminRoutesWithTheirSecuritySchemes()
    {
        using var response = await fixture.Http.GetAsync("/openapi/v1.json").WithTimeout();
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync().WithTimeout())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/scim/v2/Users", paths);
        Assert.Contains("/scim/v2/Users/{id}", paths);
        Assert.Contains("/admin/tenants", paths);
        Assert.Contains("/admin/tenants/{tenantId}/tokens/{tokenId}/rotate", paths);
        Assert.DoesNotContain(paths, p => p.Contains("{**rest}", StringComparison.Ordinal) || p.Contains("{rest}", StringComparison.Ordinal));
        var schemes = document["components"]!["securitySchemes"]!.AsObject().Select(s => s.Key).ToList();
        Assert.Contains("scimBearer", schemes);
        Assert.Contains("adminBearer", schemes);
        Assert.Equal("Create a tenant", document["paths"]!["/admin/tenants"]!["post"]!["summary"]!.GetValue<string>());
        Assert.Contains("adminBearer", document["paths"]!["/admin/tenants"]!["post"]!["security"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.NotNull(document["paths"]!["/admin/tenants"]!["post"]!["requestBody"]!["content"]!["application/json"]);
    }
}
