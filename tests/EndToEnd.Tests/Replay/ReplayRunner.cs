using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Identity.TestKit;

namespace Identity.EndToEnd.Tests.Replay;

/// <summary>
/// Replays a fixture request by request against the SCIM edge, asserting each status, header and
/// body expectation, capturing values (ids, versions) for later steps as ${name}.
/// </summary>
internal sealed partial class ReplayRunner(HttpClient client, string basePath, string token)
{
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);
    private readonly List<ReplayResponse> _responses = [];

    public IReadOnlyDictionary<string, string> Variables => _variables;

    /// <summary>Every answer so far, in step order, for comparing two tenants' runs of one fixture.</summary>
    public IReadOnlyList<ReplayResponse> Responses => _responses;

    public async Task RunAsync(ReplayFixture fixture)
    {
        foreach (var step in fixture.Steps)
        {
            var name = step["name"]!.GetValue<string>();
            var request = step["request"]!.AsObject();
            var expect = step["expect"]!.AsObject();
            using var message = BuildRequest(request, fixture.UserAgent);
            using var response = await client.SendAsync(message).WithTimeout(TimeSpan.FromSeconds(30));
            var text = await response.Content.ReadAsStringAsync().WithTimeout();
            var where = $"{fixture.Name} step '{name}' ({message.Method} {message.RequestUri})";
            _responses.Add(new ReplayResponse(name, (int)response.StatusCode, text));

            var status = expect["status"]!.GetValue<int>();
            Assert.True((int)response.StatusCode == status, $"{where}: expected {status}, got {(int)response.StatusCode}: {text}");
            var body = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
            if (expect["contentType"] is { } contentType)
            {
                Assert.Equal(contentType.GetValue<string>(), response.Content.Headers.ContentType?.MediaType);
            }
            if (expect["headers"] is JsonObject headers)
            {
                foreach (var (header, value) in headers)
                {
                    var actual = response.Headers.TryGetValues(header, out var values) ? string.Join(",", values)
                        : response.Content.Headers.TryGetValues(header, out var contentValues) ? string.Join(",", contentValues) : null;
                    var wanted = Substitute(value!.GetValue<string>());
                    Assert.True(wanted == JsonExpectation.Any ? actual is not null : actual == wanted, $"{where}: header {header} expected {wanted}, got {actual ?? "none"}");
                }
            }
            if (expect["body"] is { } expectedBody)
            {
                var mismatches = JsonExpectation.Mismatches(SubstituteNode(expectedBody.DeepClone()), body).ToList();
                Assert.True(mismatches.Count == 0, $"{where}: {string.Join("; ", mismatches)}\nbody: {text}");
            }
            if (step["capture"] is JsonObject capture)
            {
                foreach (var (variable, pointer) in capture)
                {
                    _variables[variable] = Select(body, pointer!.GetValue<string>())
                        ?? throw new Xunit.Sdk.XunitException($"{where}: nothing at '{pointer}' to capture as {variable}: {text}");
                }
            }
        }
    }

    private HttpRequestMessage BuildRequest(JsonObject request, string userAgent)
    {
        var method = new HttpMethod(request["method"]!.GetValue<string>());
        var message = new HttpRequestMessage(method, basePath + Substitute(request["path"]!.GetValue<string>()));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        message.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        if (request["headers"] is JsonObject headers)
        {
            foreach (var (header, value) in headers)
            {
                message.Headers.TryAddWithoutValidation(header, Substitute(value!.GetValue<string>()));
            }
        }
        if (request["body"] is { } body)
        {
            message.Content = new StringContent(SubstituteNode(body.DeepClone())!.ToJsonString(), Encoding.UTF8, "application/scim+json");
        }
        return message;
    }

    private string Substitute(string text) => Variable().Replace(text, m =>
        m.Value is JsonExpectation.Any or JsonExpectation.Absent ? m.Value
        : _variables.TryGetValue(m.Groups[1].Value, out var value) ? value
        : throw new Xunit.Sdk.XunitException($"Fixture uses ${{{m.Groups[1].Value}}} before capturing it."));

    private JsonNode? SubstituteNode(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    obj[key] = SubstituteNode(value?.DeepClone());
                }
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = SubstituteNode(array[i]?.DeepClone());
                }
                return array;
            case JsonValue value when value.TryGetValue<string>(out var text):
                return JsonValue.Create(Substitute(text));
            default:
                return node;
        }
    }

    /// <summary>A small path language: "Resources[0].id", "meta.version", "members[1].value".</summary>
    private static string? Select(JsonNode? node, string pointer)
    {
        foreach (var part in pointer.Split('.'))
        {
            var match = Segment().Match(part);
            node = node?[match.Groups[1].Value];
            if (match.Groups[2].Success)
            {
                node = node?[int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)];
            }
        }
        return node?.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : node?.ToJsonString();
    }

    [GeneratedRegex(@"\$\{([A-Za-z0-9_]+)\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^([^\[]+)(?:\[(\d+)\])?$")]
    private static partial Regex Segment();
}
