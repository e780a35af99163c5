using System.Text;
using System.Text.Json.Nodes;
using Identity.TestKit;

namespace Identity.EndToEnd.Tests.Edge;

/// <summary>Small helpers for SCIM calls in tests: send JSON, read the status and the parsed body.</summary>
internal static class ScimHttp
{
    public static async Task<(int Status, JsonNode? Body)> SendAsync(this HttpClient client, HttpMethod method, string path, string? json = null, string contentType = "application/scim+json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, contentType);
        }
        using var response = await client.SendAsync(request).WithTimeout(TimeSpan.FromSeconds(30));
        var text = await response.Content.ReadAsStringAsync().WithTimeout();
        JsonNode? body = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            body = JsonNode.Parse(text);
        }
        return ((int)response.StatusCode, body);
    }

    public static async Task<string> CreateUserAsync(this HttpClient client, string userName, bool active = true)
    {
        var (status, body) = await client.SendAsync(HttpMethod.Post, "/scim/v2/Users",
            $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}","active":{{(active ? "true" : "false")}}}""");
        Assert.Equal(201, status);
        return body!["id"]!.GetValue<string>();
    }

    public static string PatchActive(bool active) =>
        $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":{{(active ? "true" : "false")}}}]}""";
}
