using System.Text.Json.Nodes;

namespace Identity.Cli.Verify;

/// <summary>
/// What every IdP reads or relies on before its first write: the three discovery endpoints (RFC 7644 §4),
/// authentication refused without a valid token (RFC 7644 §2), and the error envelope on a bad
/// request (RFC 7644 §3.12), each as one named check.
/// </summary>
internal static class DiscoveryChecks
{
    private const string Check = "discovery";
    private const string ErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";

    public static async Task<IReadOnlyList<VerifyResult>> RunAsync(ScimProbe probe, CancellationToken cancellationToken)
    {
        var results = new List<VerifyResult>();
        async Task Add(string step, string path, string? bearer, bool useToken, Func<int, JsonNode?, (string Expected, string? Problem)> judge)
        {
            try
            {
                var (status, body, _) = useToken ? await probe.GetAsync(path, cancellationToken) : await probe.GetAsync(path, bearer, cancellationToken);
                var (expected, problem) = judge(status, body);
                results.Add(new VerifyResult(Check, "all", step, expected, problem ?? $"status {status}, as expected", problem is null));
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                results.Add(new VerifyResult(Check, "all", step, "an answer", $"no answer: {ex.Message}", false));
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException)
            {
                results.Add(new VerifyResult(Check, "all", step, "a SCIM JSON answer", $"malformed JSON: {ex.Message}", false));
            }
        }

        await Add("ServiceProviderConfig", "/ServiceProviderConfig", null, true, (status, body) =>
        {
            const string expected = "200, patch and filter supported";
            return (expected, status != 200 ? $"status {status}"
                : !Contains(body?["schemas"], "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig") ? "schemas lacks the ServiceProviderConfig URN"
                : body?["patch"]?["supported"]?.GetValue<bool>() != true ? "patch.supported is not true"
                : body?["filter"]?["supported"]?.GetValue<bool>() != true ? "filter.supported is not true"
                : null);
        });
        await Add("ResourceTypes", "/ResourceTypes", null, true, (status, body) =>
        {
            var names = Resources(body).Select(r => r?["name"]?.GetValue<string>()).ToList();
            return ("200 listing User and Group", status != 200 ? $"status {status}"
                : !names.Contains("User") || !names.Contains("Group") ? $"resource types: {string.Join(", ", names)}" : null);
        });
        await Add("Schemas", "/Schemas", null, true, (status, body) =>
        {
            var ids = Resources(body).Select(r => r?["id"]?.GetValue<string>()).ToList();
            return ("200 with the core User and Group schemas", status != 200 ? $"status {status}"
                : !ids.Contains("urn:ietf:params:scim:schemas:core:2.0:User") || !ids.Contains("urn:ietf:params:scim:schemas:core:2.0:Group")
                    ? $"schemas: {string.Join(", ", ids)}" : null);
        });
        await Add("no token is refused", "/Users?count=1", null, false, (status, _) => ("401", status == 401 ? null : $"status {status}"));
        await Add("a wrong token is refused", "/Users?count=1", "identity-verify-" + Guid.NewGuid().ToString("N"), false,
            (status, _) => ("401", status == 401 ? null : $"status {status}"));
        await Add("a bad filter gets the SCIM error envelope", "/Users?filter=userName%20eq", null, true, (status, body) =>
        {
            const string expected = "400, scimType invalidFilter, SCIM error schema";
            return (expected, status != 400 ? $"status {status}"
                : !Contains(body?["schemas"], ErrorSchema) ? "schemas lacks the SCIM Error URN"
                : body?["status"]?.ToString() != "400" ? $"status field {body?["status"]?.ToJsonString() ?? "missing"}"
                : body?["scimType"]?.ToString() != "invalidFilter" ? $"scimType {body?["scimType"]?.ToJsonString() ?? "missing"}"
                : null);
        });
        return results;
    }

    private static bool Contains(JsonNode? array, string value) =>
        array is JsonArray items && items.Any(i => i is JsonValue v && v.TryGetValue<string>(out var s) && s == value);

    /// <summary>RFC 7644 §4 answers these as a ListResponse; a bare array (some servers) is read too.</summary>
    private static IEnumerable<JsonNode?> Resources(JsonNode? body) =>
        body as JsonArray ?? body?["Resources"] as JsonArray ?? [];
}
