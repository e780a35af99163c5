using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Scim.Errors;

namespace Identity.Scim.Resources;

/// <summary>
/// Parses a request body into nodes in one <see cref="Utf8JsonReader"/> pass, refusing what
/// System.Text.Json would accept and fail on later: strings with invalid UTF-8 or lone UTF-16
/// surrogates (escaped or not), and an object naming a member twice. RFC 7643 §2.1 makes
/// attribute names case-insensitive, so <c>userName</c> and <c>USERNAME</c> in one object are a
/// duplicate too (RFC 8259 §4: names SHOULD be unique; which one wins is otherwise unspecified).
/// Every refusal is a <see cref="ScimException"/> invalidSyntax naming where it happened.
/// </summary>
public static class StrictJsonParser
{
    /// <summary>The nesting limit the SCIM edge applies; real SCIM bodies stay below 8.</summary>
    public const int DefaultMaxDepth = 32;

    // Small objects are checked by a scan of their own keys; larger ones get a set.
    private const int ScanLimit = 8;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Parses one JSON value (the whole input); throws invalidSyntax for anything malformed.</summary>
    public static JsonNode? Parse(ReadOnlySpan<byte> utf8, int maxDepth = DefaultMaxDepth)
    {
        if (utf8.StartsWith(Utf8Bom))
        {
            utf8 = utf8[Utf8Bom.Length..];
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            MaxDepth = maxDepth,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        });
        var stack = new List<Frame>();
        try
        {
            return ReadDocument(ref reader, stack);
        }
        catch (JsonException ex)
        {
            throw ScimException.InvalidSyntax($"The request body is not valid JSON at byte {reader.BytesConsumed + 1}{In(Path(stack, includePending: true))}: {Reason(ex, maxDepth)}");
        }
    }

    private static JsonNode? ReadDocument(ref Utf8JsonReader reader, List<Frame> stack)
    {
        JsonNode? root = null;
        var rootSet = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    AddName(ref reader, stack);
                    continue;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    JsonNode container = reader.TokenType == JsonTokenType.StartObject ? new JsonObject() : new JsonArray();
                    if (stack.Count == 0)
                    {
                        root = container;
                        rootSet = true;
                    }
                    else
                    {
                        Attach(stack, container);
                    }

                    stack.Add(new Frame(container));
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    stack.RemoveAt(stack.Count - 1);
                    continue;
            }

            var value = ReadScalar(ref reader, stack);
            if (stack.Count == 0)
            {
                root = value;
                rootSet = true;
            }
            else
            {
                Attach(stack, value);
            }
        }

        if (!rootSet)
        {
            throw ScimException.InvalidSyntax("The request body is empty; a JSON object was expected.");
        }

        return root;
    }

    private static JsonNode? ReadScalar(ref Utf8JsonReader reader, List<Frame> stack) => reader.TokenType switch
    {
        JsonTokenType.String => JsonValue.Create(ReadString(ref reader, stack)),
        JsonTokenType.True => JsonValue.Create(true),
        JsonTokenType.False => JsonValue.Create(false),
        JsonTokenType.Null => null,
        // Numbers keep their text (an element-backed value), so 1e400 or 20 digits stay what the
        // client wrote and only a conversion that needs them can refuse them.
        JsonTokenType.Number => JsonValue.Create(JsonElement.ParseValue(ref reader)),
        _ => throw new JsonException($"unexpected token {reader.TokenType}"),
    };

    private static void AddName(ref Utf8JsonReader reader, List<Frame> stack)
    {
        var name = ReadString(ref reader, stack);
        var frame = stack[^1];
        var obj = (JsonObject)frame.Container;
        if (frame.Names is null && obj.Count < ScanLimit)
        {
            foreach (var (key, _) in obj)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    throw Duplicate(name, stack);
                }
            }
        }
        else
        {
            if (frame.Names is null)
            {
                frame.Names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (key, _) in obj)
                {
                    frame.Names.Add(key);
                }
            }

            if (!frame.Names.Add(name))
            {
                throw Duplicate(name, stack);
            }
        }

        frame.PendingName = name;
    }

    private static void Attach(List<Frame> stack, JsonNode? value)
    {
        var frame = stack[^1];
        if (frame.Container is JsonArray array)
        {
            array.Add(value);
            return;
        }

        var obj = (JsonObject)frame.Container;
        obj.Add(frame.PendingName!, value);
        if (value is not (JsonObject or JsonArray))
        {
            // A container keeps its name pending so errors inside it can say where they are.
            frame.PendingName = null;
        }
    }

    private static string ReadString(ref Utf8JsonReader reader, List<Frame> stack)
    {
        try
        {
            // GetString transcodes and unescapes; it throws for invalid UTF-8 and for \uD800-style
            // escapes that do not form a surrogate pair, which Read() alone lets through.
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            var what = reader.TokenType == JsonTokenType.PropertyName ? "A member name" : "A string";
            throw ScimException.InvalidSyntax(
                $"{what} at byte {reader.TokenStartIndex + 1}{In(Path(stack, includePending: reader.TokenType != JsonTokenType.PropertyName))} is not valid UTF-8 text (invalid bytes or an unpaired UTF-16 surrogate).");
        }
    }

    private static ScimException Duplicate(string name, List<Frame> stack) =>
        ScimException.InvalidSyntax(
            $"The member '{Printable(name)}' appears twice in {(Path(stack, includePending: false) is { Length: > 0 } path ? path : "the top-level object")}; attribute names are case-insensitive (RFC 7643 §2.1).");

    private static string Reason(JsonException ex, int maxDepth) =>
        ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
            ? $"nested deeper than {maxDepth} levels."
            : FirstSentence(ex.Message);

    // The reader's messages name the offending character and its position; keep only the first sentence.
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    private static string In(string path) => path.Length == 0 ? "" : $" (in {path})";

    /// <summary>The path to the value being read, e.g. <c>Operations[2].value</c>, so the client knows where to look.</summary>
    private static string Path(List<Frame> stack, bool includePending)
    {
        var path = new StringBuilder();
        for (var i = 0; i < stack.Count; i++)
        {
            var frame = stack[i];
            var last = i == stack.Count - 1;
            if (frame.Container is JsonArray array)
            {
                // The innermost array is reading its next element; an outer one holds the open child last.
                path.Append('[').Append(last ? array.Count : array.Count - 1).Append(']');
            }
            else if (frame.PendingName is { } name && (!last || includePending))
            {
                if (path.Length > 0)
                {
                    path.Append('.');
                }

                path.Append(Printable(name));
            }
        }

        return path.ToString();
    }

    private static string Printable(string name)
    {
        var shown = name.Length > 64 ? name[..64] + "…" : name;
        return new string(shown.Select(c => char.IsControl(c) ? '?' : c).ToArray());
    }

    /// <summary>An open object or array, with the member name awaiting its value and, for large objects, the names seen.</summary>
    private sealed class Frame(JsonNode container)
    {
        public JsonNode Container { get; } = container;

        public string? PendingName { get; set; }

        public HashSet<string>? Names { get; set; }
    }
}
