using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Identity.EndToEnd.Tests.Fixtures;
using Identity.TestKit;

namespace Identity.EndToEnd.Tests.Foundation;

[Collection(SuiteCollection.Name)]
public sealed class ServiceProviderConfigTests(SuiteFixture fixture)
{
    private async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await fixture.Scim.SendAsync(request).WithTimeout();
    }

    [Fact]
    public async Task Get_WithBootstrapToken_AnswersScimServiceProviderConfig()
    {
        var response = await GetAsync("/scim/v2/ServiceProviderConfig", SuiteFixture.BootstrapToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync().WithTimeout())!;
        Assert.Equal("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig", body["schemas"]![0]!.GetValue<string>());
        Assert.Equal("oauthbearertoken", body["authenticationSchemes"]![0]!["type"]!.GetValue<string>());
        Assert.NotNull(body["patch"]!["supported"]);
    }

    [Fact]
    public async Task Get_WithoutToken_Answers401ScimError()
    {
        var response = await GetAsync("/scim/v2/ServiceProviderConfig", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync().WithTimeout())!;
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", body["schemas"]![0]!.GetValue<string>());
        Assert.Equal("401", body["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_WithUnknownToken_Answers401()
    {
        var response = await GetAsync("/scim/v2/ServiceProviderConfig", "not-a-token-of-anyone-000000000000");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_TenantPrefixMatchingToken_Answers200()
    {
        var response = await GetAsync($"/tenants/{fixture.Suite.BootstrapTenant}/scim/v2/ServiceProviderConfig", SuiteFixture.BootstrapToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_TenantPrefixOfAnotherTenant_Answers401()
    {
        var response = await GetAsync($"/tenants/{TestTenant.New()}/scim/v2/ServiceProviderConfig", SuiteFixture.BootstrapToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownScimPath_Answers404ScimError()
    {
        var response = await GetAsync("/scim/v2/NoSuchThing", SuiteFixture.BootstrapToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync().WithTimeout())!;
        Assert.Equal("404", body["status"]!.GetValue<string>());
    }
}
