using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Identity.Cli.Replay;

/// <summary>
/// Fills a fixture's ${name} holes from captured values; ${any} and ${absent} are matching markers
/// and stay as they are. ${run} is set before the first step, so every run creates its own names.
/// </summary>
public static partial class Placeholders
{
    public static string Substitute(string text, IReadOnlyDictionary<string, string> variables) => Variable().Replace(text, m =>
        m.Value is JsonExpectation.Any or JsonExpectation.Absent ? m.Value
        : variables.TryGetValue(m.Groups[1].Value, out var value) ? value
        : throw new ReplayFixtureException($"The fixture uses ${{{m.Groups[1].Value}}} before capturing it."));

    /// <summary>A copy of <paramref name="node"/> with every string substituted.</summary>
    public static JsonNode? Substitute(JsonNode? node, IReadOnlyDictionary<string, string> variables)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[key] = Substitute(value, variables);
                }
                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Substitute(item, variables))]);
            case JsonValue value when value.TryGetValue<string>(out var text):
                return JsonValue.Create(Substitute(text, variables));
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>A small path language for captures: "id", "Resources[0].id", "meta.version", "members[1].value".</summary>
    public static string? Select(JsonNode? node, string pointer)
    {
        foreach (var part in pointer.Split('.'))
        {
            var match = Segment().Match(part);
            node = node is JsonObject obj ? obj[match.Groups[1].Value] : null;
            if (match.Groups[2].Success)
            {
                var index = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                node = node is JsonArray array && index < array.Count ? array[index] : null;
            }
        }
        return node?.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : node?.ToJsonString();
    }

    [GeneratedRegex(@"\$\{([A-Za-z0-9_]+)\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^([^\[]+)(?:\[(\d+)\])?$")]
    private static partial Regex Segment();
}
