using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Identity.ScimEdge.Tests.Fixtures;
using Identity.TestKit;

namespace Identity.ScimEdge.Tests.Protection;

[Collection(EdgeSuiteCollection.Name)]
public sealed class BodyLimitTests(EdgeSuiteFixture fixture)
{
    [Fact]
    public async Task ScimBody_OverTheLimit_Answers413ScimEnvelope()
    {
        var (_, _, secret) = await fixture.Admin.CreateTenantWithTokenAsync();
        var huge = $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"big","title":"{{new string('x', 2 * 1024 * 1024)}}"}""";
        using var content = new StringContent(huge, Encoding.UTF8, "application/scim+json");

        using var response = await fixture.Admin.ScimAsync(secret, HttpMethod.Post, "/scim/v2/Users", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync().WithTimeout())!;
        Assert.Equal("413", body["status"]!.ToString());
    }

    [Fact]
    public async Task AdminBody_OverTheLimit_Answers413()
    {
        var huge = $$"""{"displayName":"{{new string('x', 100 * 1024)}}"}""";

        var (status, body) = await fixture.Admin.SendAsync(HttpMethod.Post, "/admin/tenants", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("payload_too_large", body!["error"]!.GetValue<string>());
    }
}
