using System.Text.Json.Nodes;

namespace Identity.ScimEdge.Endpoints.Bulk;

/// <summary>"bulkId:&lt;id&gt;" references (RFC 7644 §3.7.2), found and replaced anywhere in an operation.</summary>
internal static class BulkIdReferences
{
    private const string Prefix = "bulkId:";

    public static IReadOnlySet<string> Find(BulkOperation operation)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        Collect(operation.Data, found);
        if (operation.Path.Contains(Prefix, StringComparison.Ordinal))
        {
            found.Add(operation.Path[(operation.Path.IndexOf(Prefix, StringComparison.Ordinal) + Prefix.Length)..].Split('/')[0]);
        }
        return found;
    }

    public static BulkOperation Resolve(BulkOperation operation, IReadOnlyDictionary<string, string> ids)
    {
        var data = operation.Data?.DeepClone() as JsonObject;
        Replace(data, ids);
        var path = operation.Path;
        foreach (var (bulkId, id) in ids)
        {
            path = path.Replace(Prefix + bulkId, id, StringComparison.Ordinal);
        }
        return operation with { Data = data, Path = path };
    }

    private static void Collect(JsonNode? node, HashSet<string> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Collect(value, found);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, found);
                }
                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.StartsWith(Prefix, StringComparison.Ordinal):
                found.Add(text[Prefix.Length..]);
                break;
        }
    }

    private static void Replace(JsonNode? node, IReadOnlyDictionary<string, string> ids)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (IsReference(value, ids, out var id))
                    {
                        obj[key] = id;
                    }
                    else
                    {
                        Replace(value, ids);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (IsReference(array[i], ids, out var id))
                    {
                        array[i] = id;
                    }
                    else
                    {
                        Replace(array[i], ids);
                    }
                }
                break;
        }
    }

    private static bool IsReference(JsonNode? node, IReadOnlyDictionary<string, string> ids, out string id)
    {
        id = "";
        return node is JsonValue value && value.TryGetValue<string>(out var text) && text.StartsWith(Prefix, StringComparison.Ordinal)
            && ids.TryGetValue(text[Prefix.Length..], out id!);
    }
}
