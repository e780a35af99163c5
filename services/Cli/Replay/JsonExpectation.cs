using System.Text.Json;
using System.Text.Json.Nodes;

namespace Identity.Cli.Replay;

/// <summary>
/// Compares a response body with a fixture's expectation: objects are matched as subsets (every
/// expected key, case-sensitively, with a matching value), arrays element by element with equal length,
/// "${any}" accepts any present value and "${absent}" requires the key to be missing.
/// </summary>
public static class JsonExpectation
{
    public const string Any = "${any}";
    public const string Absent = "${absent}";

    public static IEnumerable<JsonMismatch> Mismatches(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected)
        {
            case JsonValue value when IsMarker(value, Any):
                if (actual is null)
                {
                    yield return new JsonMismatch(path, "a value", "none");
                }
                yield break;
            case JsonObject obj:
                if (actual is not JsonObject actualObject)
                {
                    yield return new JsonMismatch(path, "an object", Describe(actual));
                    yield break;
                }
                foreach (var (key, child) in obj)
                {
                    var present = actualObject.TryGetPropertyValue(key, out var actualChild);
                    if (child is JsonValue v && IsMarker(v, Absent))
                    {
                        if (present)
                        {
                            yield return new JsonMismatch($"{path}.{key}", "absent", Describe(actualChild));
                        }
                        continue;
                    }
                    if (!present)
                    {
                        yield return new JsonMismatch($"{path}.{key}", Describe(child), "missing");
                        continue;
                    }
                    foreach (var mismatch in Mismatches(child, actualChild, $"{path}.{key}"))
                    {
                        yield return mismatch;
                    }
                }
                yield break;
            case JsonArray array:
                if (actual is not JsonArray actualArray || actualArray.Count != array.Count)
                {
                    yield return new JsonMismatch(path, $"an array of {array.Count}", Describe(actual));
                    yield break;
                }
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var mismatch in Mismatches(array[i], actualArray[i], $"{path}[{i}]"))
                    {
                        yield return mismatch;
                    }
                }
                yield break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                {
                    yield return new JsonMismatch(path, Describe(expected), Describe(actual));
                }
                yield break;
        }
    }

    private static bool IsMarker(JsonValue value, string marker) =>
        value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() == marker;

    internal static string Describe(JsonNode? node) => node?.ToJsonString() is { } text
        ? (text.Length > 200 ? text[..200] + "…" : text)
        : "null";
}
