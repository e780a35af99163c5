using System.Text.Json;
using System.Text.Json.Nodes;

namespace Identity.EndToEnd.Tests.Replay;

/// <summary>
/// Compares a response body with a fixture's expectation: objects are matched as subsets (every
/// expected key, case-sensitively, with a matching value), arrays element by element with equal length,
/// "${any}" accepts any present value and "${absent}" requires the key to be missing.
/// </summary>
internal static class JsonExpectation
{
    public const string Any = "${any}";
    public const string Absent = "${absent}";

    public static IEnumerable<string> Mismatches(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected)
        {
            case JsonValue value when value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() == Any:
                if (actual is null)
                {
                    yield return $"{path}: expected a value, found none";
                }
                yield break;
            case JsonObject obj:
                if (actual is not JsonObject actualObject)
                {
                    yield return $"{path}: expected an object, found {Describe(actual)}";
                    yield break;
                }
                foreach (var (key, child) in obj)
                {
                    var present = actualObject.TryGetPropertyValue(key, out var actualChild);
                    if (child is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == Absent)
                    {
                        if (present)
                        {
                            yield return $"{path}.{key}: expected absent, found {Describe(actualChild)}";
                        }
                        continue;
                    }
                    if (!present)
                    {
                        yield return $"{path}.{key}: missing";
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
                    yield return $"{path}: expected an array of {array.Count}, found {Describe(actual)}";
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
                    yield return $"{path}: expected {Describe(expected)}, found {Describe(actual)}";
                }
                yield break;
        }
    }

    private static string Describe(JsonNode? node) => node?.ToJsonString() is { } text
        ? (text.Length > 200 ? text[..200] + "…" : text)
        : "null";
}
