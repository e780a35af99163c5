using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Identity.TestKit;

namespace Identity.ScimEdge.Tests.Fixtures;

/// <summary>Calls the edge's admin API and its SCIM API the way an operator and an IdP would.</summary>
public sealed class AdminClient(HttpClient http, string adminKey)
{
    public HttpClient Http => http;

    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, object? body = null, string? key = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key ?? adminKey);
        if (body is string raw)
        {
            request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        using var response = await http.SendAsync(request).WithTimeout();
        var text = await response.Content.ReadAsStringAsync().WithTimeout();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>A fresh tenant and one token for it, both made through the admin API.</summary>
    public async Task<(string TenantId, string TokenId, string Secret)> CreateTenantWithTokenAsync()
    {
        var tenant = TestTenant.New();
        var (created, _) = await SendAsync(HttpMethod.Post, "/admin/tenants", new { tenantId = tenant });
        Assert.Equal(HttpStatusCode.Created, created);
        var (issued, token) = await SendAsync(HttpMethod.Post, $"/admin/tenants/{tenant}/tokens", new { description = "test idp" });
        Assert.Equal(HttpStatusCode.Created, issued);
        return (tenant, token!["token"]!["tokenId"]!.GetValue<string>(), token["secret"]!.GetValue<string>());
    }

    /// <summary>A SCIM request with a tenant's bearer token.</summary>
    public Task<HttpResponseMessage> ScimAsync(string secret, HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        request.Headers.UserAgent.ParseAdd("EdgeTests/1.0");
        return http.SendAsync(request).WithTimeout();
    }

    public async Task<HttpStatusCode> ScimStatusAsync(string secret, string path = "/scim/v2/Users?count=1")
    {
        using var response = await ScimAsync(secret, HttpMethod.Get, path);
        return response.StatusCode;
    }
}
