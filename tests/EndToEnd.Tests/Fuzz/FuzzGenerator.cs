using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Identity.EndToEnd.Tests.Fuzz;

/// <summary>
/// Turns the corpus into malformed and adversarial requests, reproducibly from a seed: byte-level
/// mutations, invalid encodings, duplicate members, wrong types, deep nesting, huge numbers and
/// value lists, mutated query strings and headers.
/// </summary>
internal sealed class FuzzGenerator(int seed, string userId, string groupId)
{
    private static readonly string[] Weird =
    [
        "", " ", "\u0000", "urn:", "name..givenName", "userName.", "emails[", "]", "\"", "\\", "\ud83d\ude00", "%", "%00", "%FF",
        "%ED%A0%80", "%C3", "1e400", "-0", "99999999999999999999", "NaN", "null", "true", "[]", "{}", "or", "and not (", "pr",
        "userName eq", "meta.created gt \"x\"", "emails[type eq \"work\"]", "urn:ietf:params:scim:schemas:core:2.0:User:", "$ref",
        "members[value eq \"x\"].display", "a".PadRight(5000, 'a'), "../../admin", "Users", "\t\r\n",
    ];

    private static readonly string[] QueryNames = ["filter", "sortBy", "sortOrder", "startIndex", "count", "attributes", "excludedAttributes", "FILTER", "cursor"];

    private static readonly string[] ContentTypes =
    [
        "application/scim+json", "application/json", "application/scim+json; charset=utf-8", "application/json; charset=latin1",
        "text/plain", "application/x-www-form-urlencoded", "application/scim+json;;", "*/*", "application/",
    ];

    private static readonly string[] UserAgents =
    [
        "Azure Active Directory SCIM Client", "Okta SCIM Client 1.0.0", "OneLogin SCIM", "JumpCloud", "Google", "curl/8", "",
    ];

    private readonly Random _random = new(seed);
    private readonly Dictionary<JsonObject, string> _duplicates = new(ReferenceEqualityComparer.Instance);
    private int _counter;

    public FuzzRequest Next()
    {
        var (method, path, body) = FuzzCorpus.Requests[_random.Next(FuzzCorpus.Requests.Length)];
        var n = (++_counter).ToString(CultureInfo.InvariantCulture) + "-" + _random.Next(1_000_000).ToString(CultureInfo.InvariantCulture);
        path = Fill(path, n);
        var headers = new List<KeyValuePair<string, string>>();
        if (_random.Next(3) == 0)
        {
            headers.Add(new("User-Agent", Pick(UserAgents)));
        }
        if (_random.Next(8) == 0)
        {
            headers.Add(new("If-Match", Pick(["W/\"1\"", "*", "\"", "W/", "W/\"99999999999999999999\"", "garbage", "W/\"-1\""])));
        }
        if (_random.Next(10) == 0)
        {
            headers.Add(new("X-Request-Id", new string('r', _random.Next(1, 300))));
        }
        if (_random.Next(10) == 0)
        {
            headers.Add(new("Adscimversion", "2.0"));
        }
        if (path.Contains('?', StringComparison.Ordinal) || _random.Next(4) == 0)
        {
            path = MutateQuery(path);
        }
        byte[]? bytes = null;
        string? contentType = null;
        if (body is not null)
        {
            bytes = MutateBody(Fill(body, n));
            contentType = _random.Next(10) == 0 ? Pick(ContentTypes) : "application/scim+json";
        }
        return new FuzzRequest(method, "/scim/v2" + path, headers, bytes, contentType);
    }

    private string Fill(string text, string n) =>
        text.Replace("{user}", userId, StringComparison.Ordinal).Replace("{group}", groupId, StringComparison.Ordinal).Replace("{n}", n, StringComparison.Ordinal);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private string MutateQuery(string path)
    {
        var split = path.Split('?', 2);
        var pairs = split.Length > 1 ? split[1].Split('&').ToList() : [];
        for (var k = _random.Next(1, 4); k > 0; k--)
        {
            var value = _random.Next(3) == 0 ? Weird[_random.Next(Weird.Length)] : RandomFilterish();
            var encoded = value.StartsWith('%') ? value : Uri.EscapeDataString(value.Length > 3000 ? value[..3000] : value);
            pairs.Add(Pick(QueryNames) + "=" + encoded);
        }
        if (_random.Next(5) == 0 && pairs.Count > 0)
        {
            pairs[_random.Next(pairs.Count)] += "%" + _random.Next(256).ToString("X2", CultureInfo.InvariantCulture);
        }
        return split[0] + "?" + string.Join('&', pairs);
    }

    private string RandomFilterish()
    {
        string[] parts = ["userName", "emails", "[", "]", "type", "eq", "\"work\"", "and", "or", "not", "(", ")", "pr", "sw", "gt", "10", "true",
            "meta.lastModified", "urn:ietf:params:scim:schemas:core:2.0:User:userName", ".", "value", "\"a\\\"b\"", "null", " "];
        var text = new StringBuilder();
        for (var k = _random.Next(1, 12); k > 0; k--)
        {
            text.Append(Pick(parts)).Append(_random.Next(3) == 0 ? "" : " ");
        }
        return text.ToString();
    }

    private byte[] MutateBody(string body)
    {
        return _random.Next(9) switch
        {
            0 => ByteMutation(Encoding.UTF8.GetBytes(body)),
            1 => InvalidEncoding(body),
            2 => Structural(body, DuplicateMember),
            3 => Structural(body, WrongType),
            4 => Structural(body, DeepNesting),
            5 => Structural(body, HugeValues),
            6 => Structural(body, RemoveMember),
            7 => Structural(body, node => { WrongType(node); DuplicateMember(node); }),
            _ => Encoding.UTF8.GetBytes(body),
        };
    }

    private byte[] ByteMutation(byte[] bytes)
    {
        var list = bytes.ToList();
        for (var k = _random.Next(1, 5); k > 0 && list.Count > 0; k--)
        {
            var at = _random.Next(list.Count);
            switch (_random.Next(3))
            {
                case 0: list[at] = (byte)_random.Next(256); break;
                case 1: list.Insert(at, (byte)_random.Next(256)); break;
                default: list.RemoveAt(at); break;
            }
        }
        return [.. list];
    }

    private byte[] InvalidEncoding(string body)
    {
        byte[][] bad = [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], "\\ud800"u8.ToArray(), "\\udc00\\ud800"u8.ToArray(), [0x00]];
        var bytes = Encoding.UTF8.GetBytes(body);
        // Inside a string value: right after an opening quote that follows a colon.
        var quotes = Enumerable.Range(1, bytes.Length - 1).Where(i => bytes[i] == (byte)'"' && bytes[i - 1] == (byte)':').ToList();
        var at = quotes.Count > 0 ? quotes[_random.Next(quotes.Count)] + 1 : _random.Next(bytes.Length);
        return [.. bytes[..at], .. Pick(bad), .. bytes[at..]];
    }

    private byte[] Structural(string body, Action<JsonObject> mutate)
    {
        _duplicates.Clear();
        var root = JsonNode.Parse(body)!.AsObject();
        var objects = new List<JsonObject>();
        Collect(root, objects);
        mutate(Pick(objects));
        return Encoding.UTF8.GetBytes(DuplicateWriter.Write(root, _duplicates));
    }

    private static void Collect(JsonNode? node, List<JsonObject> objects)
    {
        if (node is JsonObject obj)
        {
            objects.Add(obj);
            foreach (var (_, value) in obj)
            {
                Collect(value, objects);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Collect(item, objects);
            }
        }
    }

    private void DuplicateMember(JsonObject obj)
    {
        if (obj.Count == 0)
        {
            return;
        }
        var name = obj.ElementAt(_random.Next(obj.Count)).Key;
        // Exact duplicates are written by DuplicateWriter; a case variant is a second member JsonObject can hold.
        if (_random.Next(2) == 0)
        {
            _duplicates[obj] = name;
        }
        else if (!obj.ContainsKey(name.ToUpperInvariant()))
        {
            obj[name.ToUpperInvariant()] = RandomValue();
        }
    }

    private void WrongType(JsonObject obj)
    {
        if (obj.Count > 0)
        {
            obj[obj.ElementAt(_random.Next(obj.Count)).Key] = RandomValue();
        }
    }

    private void DeepNesting(JsonObject obj)
    {
        if (obj.Count == 0)
        {
            return;
        }
        var key = obj.ElementAt(_random.Next(obj.Count)).Key;
        JsonNode? value = obj[key]?.DeepClone();
        for (var depth = _random.Next(10, 45); depth > 0; depth--)
        {
            value = _random.Next(2) == 0 ? new JsonArray(value) : new JsonObject { ["value"] = value };
        }
        obj[key] = value;
    }

    private void HugeValues(JsonObject obj)
    {
        if (obj.Count == 0)
        {
            return;
        }
        var key = obj.ElementAt(_random.Next(obj.Count)).Key;
        obj[key] = _random.Next(3) switch
        {
            0 => new JsonArray(Enumerable.Range(0, _random.Next(900, 1600)).Select(i => (JsonNode?)new JsonObject { ["value"] = $"v{i}@example.com", ["type"] = "work" }).ToArray()),
            1 => new string('x', _random.Next(10_000, 200_000)),
            _ => JsonNode.Parse(Pick(["1e400", "-1e400", "123456789012345678901234567890", "2147483648", "-9223372036854775809", "0.0000000000000000000001"])),
        };
    }

    private void RemoveMember(JsonObject obj)
    {
        if (obj.Count > 0)
        {
            obj.Remove(obj.ElementAt(_random.Next(obj.Count)).Key);
        }
    }

    private JsonNode? RandomValue() => _random.Next(9) switch
    {
        0 => null,
        1 => JsonValue.Create(_random.Next(2) == 0),
        2 => JsonNode.Parse(Pick(["0", "-1", "1.5", "1e400", "99999999999999999999999", "-0"])),
        3 => new JsonArray(),
        4 => new JsonObject(),
        5 => new JsonArray(JsonValue.Create("x"), JsonValue.Create(1), null),
        6 => new JsonObject { ["value"] = new JsonObject { ["value"] = 1 } },
        7 => JsonValue.Create(Pick(Weird)),
        _ => JsonValue.Create(""),
    };
}
