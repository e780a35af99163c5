using System.Text.Json.Nodes;
using Identity.Cli.Replay;

namespace Identity.EndToEnd.Tests.Replay;

/// <summary>
/// A replay's answers with what differs between two tenants by design taken out: every captured
/// value (ids, in bodies and in $ref and location URLs) becomes its ${name}, and the meta times and
/// versions, which depend on when each request ran, are dropped. Two tenants that answer a fixture
/// alike have equal transcripts.
/// </summary>
internal static class ReplayTranscript
{
    private static readonly string[] TimeDependentMeta = ["created", "lastModified", "version"];

    public static IReadOnlyList<string> Of(ReplayRunner runner)
    {
        // Longest first, so a value that contains another is replaced whole.
        var captured = runner.Variables.Where(v => v.Value.Length > 0).OrderByDescending(v => v.Value.Length).ToList();
        return runner.Responses.Select(response =>
        {
            var body = response.Body;
            foreach (var (name, value) in captured)
            {
                body = body.Replace(value, "${" + name + "}", StringComparison.Ordinal);
            }
            return $"{response.Step}: {response.Status} {Canonical(body)}";
        }).ToList();
    }

    private static string Canonical(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "";
        }
        var node = JsonNode.Parse(body);
        DropTimeDependentMeta(node);
        return node?.ToJsonString() ?? "null";
    }

    private static void DropTimeDependentMeta(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["meta"] is JsonObject meta)
                {
                    foreach (var key in TimeDependentMeta)
                    {
                        meta.Remove(key);
                    }
                }
                foreach (var (_, child) in obj)
                {
                    DropTimeDependentMeta(child);
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    DropTimeDependentMeta(child);
                }
                break;
        }
    }
}
