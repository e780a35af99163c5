using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Cli.Output;

namespace Identity.Cli.Admin;

/// <summary>
/// The edge's admin API (/admin) with the operator's key. Every failure becomes a <see cref="CliException"/>
/// whose message is the status and the API's own error and detail, so the operator sees one line that says why.
/// </summary>
internal sealed class AdminClient(HttpClient http, Uri edge, string adminKey)
{
    public Uri Edge => edge;

    public Task<JsonNode?> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public Task<JsonNode?> PostAsync(string path, JsonObject? body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Post, path, body, cancellationToken);

    public Task<JsonNode?> PutAsync(string path, JsonObject body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Put, path, body, cancellationToken);

    public Task<JsonNode?> PatchAsync(string path, JsonObject body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Patch, path, body, cancellationToken);

    public Task<JsonNode?> DeleteAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Delete, path, null, cancellationToken);

    public static string Segment(string value) => Uri.EscapeDataString(value);

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(edge.ToString().TrimEnd('/') + path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        string text;
        HttpStatusCode status;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            status = response.StatusCode;
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new CliException($"cannot reach the edge at {edge}: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"the edge at {edge} did not answer {method} {path} within {http.Timeout.TotalSeconds:0} s");
        }
        var node = Parse(text);
        if ((int)status is >= 200 and < 300)
        {
            return node;
        }
        throw new CliException(Describe(status, node, method, path));
    }

    private static string Describe(HttpStatusCode status, JsonNode? body, HttpMethod method, string path)
    {
        var code = (int)status;
        if (body is JsonObject error && error["error"] is JsonValue kind)
        {
            return $"{method} {path}: {code} {kind}: {error["detail"]}";
        }
        return code switch
        {
            401 => $"{method} {path}: 401: the admin key was refused (check --admin-key or IDENTITY_ADMIN_KEY)",
            404 => $"{method} {path}: 404: no such admin endpoint (is the admin API enabled with Admin__ApiKey on this edge?)",
            _ => $"{method} {path}: {code} {status}",
        };
    }

    private static JsonNode? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
