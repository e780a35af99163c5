using System.Globalization;
using System.Text.Json.Nodes;
using Identity.Scim.Errors;
using Identity.Scim.Paths;
using Identity.Scim.Resources;

namespace Identity.ScimEdge.Requests;

/// <summary>The list parameters of RFC 7644 §3.4.2, from a query string (GET) or a SearchRequest body (POST .search).</summary>
internal sealed record ListQuery(
    string? Filter,
    string? SortBy,
    bool Descending,
    int StartIndex,
    int Count,
    string? Attributes,
    string? ExcludedAttributes)
{
    public const int DefaultCount = 100;
    public const int MaxCount = 1000;

    /// <summary>The contract's sort order: the server's default when no sortBy is given.</summary>
    public Identity.Contracts.Common.V1.SortOrder SortOrder => SortBy is null
        ? Identity.Contracts.Common.V1.SortOrder.Unspecified
        : Descending ? Identity.Contracts.Common.V1.SortOrder.Descending : Identity.Contracts.Common.V1.SortOrder.Ascending;

    public static ListQuery FromQueryString(IQueryCollection query) => Build(
        Text(query, "filter"), Text(query, "sortBy"), Text(query, "sortOrder"),
        Text(query, "startIndex"), Text(query, "count"), Text(query, "attributes"), Text(query, "excludedAttributes"));

    public static ListQuery FromSearchRequest(JsonObject body)
    {
        // RFC 7644 §3.4.3: attributes/excludedAttributes are arrays in a SearchRequest; accept strings too.
        return Build(
            Scalar(body, "filter"), Scalar(body, "sortBy"), Scalar(body, "sortOrder"),
            Scalar(body, "startIndex"), Scalar(body, "count"), List(body, "attributes"), List(body, "excludedAttributes"));
    }

    private static ListQuery Build(string? filter, string? sortBy, string? sortOrder, string? startIndex, string? count, string? attributes, string? excluded)
    {
        var descending = sortOrder?.ToLowerInvariant() switch
        {
            null or "" or "ascending" => false,
            "descending" => true,
            _ => throw ScimException.InvalidValue($"sortOrder must be 'ascending' or 'descending', not '{sortOrder}'."),
        };
        // RFC 7644 §3.4.2.4: a startIndex below 1 is read as 1; a negative count as 0.
        var start = Math.Max(1, ParseInt(startIndex, "startIndex") ?? 1);
        var size = Math.Clamp(ParseInt(count, "count") ?? DefaultCount, 0, MaxCount);
        var sort = Empty(sortBy);
        if (sort is not null)
        {
            // RFC 7644 §3.4.2.3: sortBy is an attribute path; checked here so no store parses a malformed one.
            sort = AttributePath.Parse(sort, "sortBy").ToString();
        }
        return new ListQuery(Empty(filter), sort, descending, start, size, Empty(attributes), Empty(excluded));
    }

    private static int? ParseInt(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw ScimException.InvalidValue($"{name} must be an integer, not '{text}'.");
        }
        return (int)Math.Clamp(value, int.MinValue, int.MaxValue);
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? Text(IQueryCollection query, string name)
    {
        foreach (var (key, value) in query)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return value.ToString();
            }
        }
        return null;
    }

    private static string? Scalar(JsonObject body, string name) => ScimJson.Get(body, name) switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        JsonValue value => value.ToJsonString(),
        _ => throw ScimException.InvalidValue($"'{name}' must be a single value."),
    };

    private static string? List(JsonObject body, string name) => ScimJson.Get(body, name) switch
    {
        null => null,
        JsonArray array => string.Join(',', array.Select(item => item is JsonValue v && v.TryGetValue<string>(out var s) ? s
            : throw ScimException.InvalidValue($"'{name}' must list attribute names as strings."))),
        var other => Scalar(body, name) ?? other.ToJsonString(),
    };
}
