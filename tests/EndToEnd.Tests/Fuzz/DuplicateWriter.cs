using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Identity.EndToEnd.Tests.Fuzz;

/// <summary>Writes JSON text in which chosen objects repeat one member exactly, which no JsonObject can hold.</summary>
internal static class DuplicateWriter
{
    public static string Write(JsonNode root, IReadOnlyDictionary<JsonObject, string> duplicates)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteNode(writer, root, duplicates);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node, IReadOnlyDictionary<JsonObject, string> duplicates)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj)
                {
                    writer.WritePropertyName(name);
                    WriteNode(writer, value, duplicates);
                    if (duplicates.TryGetValue(obj, out var repeated) && repeated == name)
                    {
                        writer.WritePropertyName(name);
                        WriteNode(writer, value, duplicates);
                    }
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteNode(writer, item, duplicates);
                }
                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
