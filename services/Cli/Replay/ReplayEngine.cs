using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Identity.Cli.Replay;

/// <summary>
/// Sends a fixture's requests in order to a SCIM base URL with a bearer token, judging each status,
/// header and body against the fixture and capturing values (ids, versions) for later steps as ${name}.
/// Every engine has its own ${run}, which the fixtures put in every userName, email, externalId and
/// group name, so two runs against one tenant never meet; <see cref="CleanUpAsync"/> deletes what it made.
/// </summary>
public sealed class ReplayEngine
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _client;
    private readonly string _base;
    private readonly string _token;
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);
    private readonly List<ReplayResponse> _responses = [];

    public ReplayEngine(HttpClient client, string baseUrl, string token, string? runId = null)
    {
        _client = client;
        _base = baseUrl.TrimEnd('/');
        _token = token;
        _variables["run"] = runId ?? Guid.NewGuid().ToString("N")[..8];
    }

    /// <summary>
    /// When false, steps marked "countsWholeTenant" (an IdP's connection test, a listing of every group)
    /// are judged on their status only: the tenant holds resources this run did not make.
    /// </summary>
    public bool CheckWholeTenantCounts { get; init; } = true;

    public string RunId => _variables["run"];

    public IReadOnlyDictionary<string, string> Variables => _variables;

    /// <summary>Every answer so far, in step order, for comparing two tenants' runs of one fixture.</summary>
    public IReadOnlyList<ReplayResponse> Responses => _responses;

    public CreatedResources Created { get; } = new();

    public async Task<ReplayOutcome> RunAsync(ReplayFixture fixture, CancellationToken cancellationToken)
    {
        var results = new List<ReplayStepResult>();
        foreach (var step in fixture.Steps)
        {
            var result = await RunStepAsync(fixture, step, cancellationToken);
            results.Add(result);
            if (!result.Passed)
            {
                break;
            }
        }
        return new ReplayOutcome(fixture, results);
    }

    /// <summary>Deletes every user and group the run made and did not delete itself; answers what could not be deleted.</summary>
    public async Task<IReadOnlyList<string>> CleanUpAsync(CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        foreach (var (type, id) in Created.Live)
        {
            var path = $"/{type}/{Uri.EscapeDataString(id)}";
            try
            {
                using var request = NewRequest(HttpMethod.Delete, path, "Identity verify cleanup");
                using var response = await SendAsync(request, cancellationToken);
                var status = (int)response.StatusCode;
                Created.Observe(HttpMethod.Delete, path, status, null);
                if (status is not (204 or 404))
                {
                    failures.Add($"DELETE {path} answered {status}");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                failures.Add($"DELETE {path} failed: {ex.Message}");
            }
        }
        return failures;
    }

    private async Task<ReplayStepResult> RunStepAsync(ReplayFixture fixture, JsonObject step, CancellationToken cancellationToken)
    {
        var name = step["name"]!.GetValue<string>();
        var expect = step["expect"]!.AsObject();
        var wanted = expect["status"]!.GetValue<int>();
        var requestLine = "";
        try
        {
            using var request = BuildRequest(step["request"]!.AsObject(), fixture.UserAgent, out var relativePath);
            requestLine = $"{request.Method} {relativePath}";
            using var response = await SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            _responses.Add(new ReplayResponse(name, status, text));
            var body = ParseOrNull(text);
            Created.Observe(request.Method, relativePath, status, body);

            if (status != wanted)
            {
                return Fail($"status {wanted}", $"status {status}", text);
            }
            if (expect["contentType"] is { } contentType && response.Content.Headers.ContentType?.MediaType != contentType.GetValue<string>())
            {
                return Fail($"Content-Type {contentType}", $"Content-Type {response.Content.Headers.ContentType?.MediaType ?? "none"}", text);
            }
            if (expect["headers"] is JsonObject headers)
            {
                foreach (var (header, value) in headers)
                {
                    var actual = HeaderValue(response, header);
                    var expected = Placeholders.Substitute(value!.GetValue<string>(), _variables);
                    if (expected == JsonExpectation.Any ? actual is null : actual != expected)
                    {
                        return Fail($"header {header}: {(expected == JsonExpectation.Any ? "present" : expected)}", $"header {header}: {actual ?? "none"}", text);
                    }
                }
            }
            var wholeTenantUnchecked = step["countsWholeTenant"]?.GetValue<bool>() == true && !CheckWholeTenantCounts;
            if (expect["body"] is { } expectedBody && !wholeTenantUnchecked)
            {
                var mismatches = JsonExpectation.Mismatches(Placeholders.Substitute(expectedBody, _variables), body).ToList();
                if (mismatches.Count > 0)
                {
                    var first = mismatches[0];
                    return Fail($"{first.Path} = {first.Expected}", $"{first.Path} = {first.Found}", string.Join("; ", mismatches) + "\nbody: " + text);
                }
            }
            if (step["capture"] is JsonObject capture)
            {
                foreach (var (variable, pointer) in capture)
                {
                    if (Placeholders.Select(body, pointer!.GetValue<string>()) is not { } captured)
                    {
                        return Fail($"a value at '{pointer}'", "nothing there", text);
                    }
                    _variables[variable] = captured;
                }
            }
            return new ReplayStepResult(name, requestLine, true, $"status {wanted}", $"status {status}", "", wholeTenantUnchecked);
        }
        catch (ReplayFixtureException ex)
        {
            return Fail("a runnable fixture", ex.Message, "");
        }
        catch (HttpRequestException ex)
        {
            return Fail($"status {wanted}", $"no answer: {ex.Message}", "");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail($"status {wanted}", $"no answer within {RequestTimeout.TotalSeconds:0} s", "");
        }

        ReplayStepResult Fail(string expected, string got, string detail) => new(name, requestLine, false, expected, got, detail);
    }

    private HttpRequestMessage BuildRequest(JsonObject request, string userAgent, out string relativePath)
    {
        relativePath = Placeholders.Substitute(request["path"]!.GetValue<string>(), _variables);
        var message = NewRequest(new HttpMethod(request["method"]!.GetValue<string>()), relativePath, userAgent);
        if (request["headers"] is JsonObject headers)
        {
            foreach (var (header, value) in headers)
            {
                message.Headers.TryAddWithoutValidation(header, Placeholders.Substitute(value!.GetValue<string>(), _variables));
            }
        }
        if (request["body"] is { } body)
        {
            message.Content = new StringContent(Placeholders.Substitute(body, _variables)!.ToJsonString(), Encoding.UTF8, "application/scim+json");
        }
        return message;
    }

    private HttpRequestMessage NewRequest(HttpMethod method, string relativePath, string userAgent)
    {
        var message = new HttpRequestMessage(method, _base + relativePath);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        message.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        return message;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        return await _client.SendAsync(request, timeout.Token);
    }

    private static string? HeaderValue(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(header, out var contentValues) ? string.Join(",", contentValues) : null;

    private static JsonNode? ParseOrNull(string text)
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
            return null;
        }
    }
}
