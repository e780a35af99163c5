using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Identity.Cli.Verify;

/// <summary>A plain GET against the SCIM base URL, with or without a bearer token, answering the status and the parsed body.</summary>
internal sealed class ScimProbe(HttpClient http, string baseUrl, string token)
{
    public async Task<(int Status, JsonNode? Body, string Text)> GetAsync(string path, string? bearer, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, baseUrl.TrimEnd('/') + path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        request.Headers.TryAddWithoutValidation("User-Agent", "Identity verify");
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? body = null;
        try
        {
            body = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            // A body that is not JSON fails the check that reads it; the status still counts.
        }
        return ((int)response.StatusCode, body, text);
    }

    public Task<(int Status, JsonNode? Body, string Text)> GetAsync(string path, CancellationToken cancellationToken) =>
        GetAsync(path, token, cancellationToken);

    /// <summary>
    /// Whether the tenant holds no user and no group: only then can a sequence's whole-tenant counts
    /// (an IdP's connection test expects an empty list) be judged.
    /// </summary>
    public async Task<bool> TenantIsEmptyAsync(CancellationToken cancellationToken)
    {
        foreach (var collection in new[] { "/Users?count=1", "/Groups?count=1" })
        {
            var (status, body, _) = await GetAsync(collection, cancellationToken);
            if (status != 200 || body?["totalResults"]?.GetValueKind() != JsonValueKind.Number || body["totalResults"]!.GetValue<int>() != 0)
            {
                return false;
            }
        }
        return true;
    }
}
