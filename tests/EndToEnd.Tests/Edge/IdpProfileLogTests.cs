using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Identity.EndToEnd.Tests.Fixtures;
using Identity.TestKit;

namespace Identity.EndToEnd.Tests.Edge;

/// <summary>The provisioning log names the profile that answered each request: detected on auto, the tenant's otherwise.</summary>
[Collection(SuiteCollection.Name)]
public sealed class IdpProfileLogTests(SuiteFixture fixture)
{
    [Fact]
    public async Task AutoTenant_OktaRequest_LogShowsDetectedOkta()
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/scim/v2/Users?startIndex=1&count=2");
        request.Headers.TryAddWithoutValidation("User-Agent", "Okta SCIM Client 1.0.0");

        using var response = await tenant.Scim.SendAsync(request).WithTimeout();
        var entry = await NewestLogEntryAsync(tenant.TenantId);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("auto:okta", entry["answeringProfile"]!.GetValue<string>());
        Assert.Equal("userName", entry["matchingAttribute"]!.GetValue<string>());
    }

    [Fact]
    public async Task OneLoginTenant_UnknownAttribute_DroppedAndLogShowsOneLogin()
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        using var admin = AdminClient();
        using var patch = await admin.PatchAsync($"/admin/tenants/{tenant.TenantId}",
            JsonContent("""{"idpProfile":"onelogin"}""")).WithTimeout();

        var (status, _) = await tenant.Scim.SendAsync(HttpMethod.Post, "/scim/v2/Users",
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"template@example.com","prefferedLanguage":"en"}""");
        var entry = await NewestLogEntryAsync(tenant.TenantId);

        Assert.Equal(200, (int)patch.StatusCode);
        Assert.Equal(201, status);
        Assert.Equal("onelogin", entry["answeringProfile"]!.GetValue<string>());
        Assert.Equal("onelogin", entry["idpProfile"]!.GetValue<string>());
    }

    private async Task<JsonNode> NewestLogEntryAsync(string tenantId)
    {
        // The edge records after the response has gone out, so the entry can trail the answer briefly.
        using var admin = AdminClient();
        for (var attempt = 0; ; attempt++)
        {
            var text = await admin.GetStringAsync($"/admin/tenants/{tenantId}/provisioning-log?limit=1").WithTimeout();
            if (JsonNode.Parse(text)!["entries"]!.AsArray() is [{ } entry])
            {
                return entry;
            }
            Assert.True(attempt < 50, "the request never reached the provisioning log");
            await Task.Delay(100).WithTimeout();
        }
    }

    private HttpClient AdminClient()
    {
        var client = new HttpClient { BaseAddress = fixture.Suite.ScimUri, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Suite.AdminKey);
        return client;
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
