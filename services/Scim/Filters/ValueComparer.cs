using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Scim.Errors;
using Identity.Scim.Resources;
using Identity.Scim.Schemas;

namespace Identity.Scim.Filters;

/// <summary>
/// Builds the per-value test of one comparison, checking once (at compile time) that the
/// operator and value suit the attribute's type (RFC 7644 §3.4.2.2 Table 3).
/// </summary>
internal static class ValueComparer
{
    public static Func<JsonNode?, bool> Build(ScimAttribute? attribute, ComparisonOperator op, FilterValue value, string pathText)
    {
        if (attribute is null)
        {
            // Unknown attribute: compare as case-insensitive strings, as the brief for Directory's
            // free-form attributes asks; nothing is known to reject.
            var text = value.Text;
            return leaf => text is not null && LeafText(leaf) is { } actual && CompareStrings(actual, text, op, ignoreCase: true);
        }

        return attribute.Type switch
        {
            ScimAttributeType.Boolean => BuildBoolean(op, value, pathText),
            ScimAttributeType.Integer or ScimAttributeType.Decimal => BuildNumber(op, value, pathText),
            ScimAttributeType.DateTime => BuildDateTime(op, value, pathText),
            ScimAttributeType.Complex => _ => false,
            _ => BuildString(attribute, op, value, pathText),
        };
    }

    private static Func<JsonNode?, bool> BuildBoolean(ComparisonOperator op, FilterValue value, string pathText)
    {
        // Table 3: gt/ge/lt/le on booleans SHALL fail with invalidFilter; co/sw/ew mean nothing either.
        if (op is not (ComparisonOperator.Eq or ComparisonOperator.Ne))
        {
            throw ScimException.InvalidFilter($"'{pathText}' is a boolean; only eq and ne apply to it.");
        }

        var expected = value.Kind == FilterValueKind.Boolean || value.Kind == FilterValueKind.String
            ? ParseBoolean(value.Text)
            : null;
        if (expected is null)
        {
            throw ScimException.InvalidFilter($"'{pathText}' is a boolean; compare it with true or false.");
        }

        return leaf => ReadBoolean(leaf) == expected;
    }

    private static Func<JsonNode?, bool> BuildNumber(ComparisonOperator op, FilterValue value, string pathText)
    {
        if (op is ComparisonOperator.Co or ComparisonOperator.Sw or ComparisonOperator.Ew)
        {
            throw ScimException.InvalidFilter($"'{pathText}' is a number; co, sw and ew apply to strings.");
        }

        if (value.Text is null || !decimal.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var expected))
        {
            throw ScimException.InvalidFilter($"'{pathText}' is a number; compare it with a number.");
        }

        return leaf => ReadDecimal(leaf) is { } actual && Ordered(actual.CompareTo(expected), op);
    }

    private static Func<JsonNode?, bool> BuildDateTime(ComparisonOperator op, FilterValue value, string pathText)
    {
        if (op is ComparisonOperator.Co or ComparisonOperator.Sw or ComparisonOperator.Ew)
        {
            var text = value.Text ?? "";
            return leaf => ScimJson.AsString(leaf) is { } actual && CompareStrings(actual, text, op, ignoreCase: false);
        }

        if (value.Kind != FilterValueKind.String || !TryParseDateTime(value.Text!, out var expected))
        {
            throw ScimException.InvalidFilter($"'{pathText}' is a dateTime; compare it with an xsd:dateTime string such as \"2011-05-13T04:42:34Z\".");
        }

        return leaf => TryParseDateTime(ScimJson.AsString(leaf), out var actual) && Ordered(actual.CompareTo(expected), op);
    }

    private static Func<JsonNode?, bool> BuildString(ScimAttribute attribute, ComparisonOperator op, FilterValue value, string pathText)
    {
        // Table 3: binary values cannot be ordered.
        if (attribute.Type == ScimAttributeType.Binary && op is ComparisonOperator.Gt or ComparisonOperator.Ge or ComparisonOperator.Lt or ComparisonOperator.Le)
        {
            throw ScimException.InvalidFilter($"'{pathText}' is binary; gt, ge, lt and le do not apply to it.");
        }

        var text = value.Text ?? "";
        var ignoreCase = !attribute.CaseExact;
        return leaf => ScimJson.AsString(leaf) is { } actual && CompareStrings(actual, text, op, ignoreCase);
    }

    public static bool CompareStrings(string actual, string expected, ComparisonOperator op, bool ignoreCase)
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return op switch
        {
            ComparisonOperator.Eq => string.Equals(actual, expected, comparison),
            ComparisonOperator.Ne => !string.Equals(actual, expected, comparison),
            ComparisonOperator.Co => actual.Contains(expected, comparison),
            ComparisonOperator.Sw => actual.StartsWith(expected, comparison),
            ComparisonOperator.Ew => actual.EndsWith(expected, comparison),
            _ => Ordered(string.Compare(actual, expected, comparison), op),
        };
    }

    private static bool Ordered(int order, ComparisonOperator op) => op switch
    {
        ComparisonOperator.Eq => order == 0,
        ComparisonOperator.Ne => order != 0,
        ComparisonOperator.Gt => order > 0,
        ComparisonOperator.Ge => order >= 0,
        ComparisonOperator.Lt => order < 0,
        ComparisonOperator.Le => order <= 0,
        _ => false,
    };

    /// <summary>true/false, or the strings "True"/"false" Entra and OneLogin send (docs/idp-dialects.md §2.1, §2.4).</summary>
    public static bool? ReadBoolean(JsonNode? leaf) => leaf?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => ParseBoolean(leaf.GetValue<string>()),
        _ => null,
    };

    public static bool? ParseBoolean(string? text) =>
        string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) ? true
        : string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    private static decimal? ReadDecimal(JsonNode? leaf)
    {
        if (leaf is not JsonValue scalar || scalar.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        // Values built in code (JsonValue.Create(42)) only convert to their own CLR type.
        return scalar.TryGetValue<decimal>(out var number)
            || decimal.TryParse(scalar.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number)
            ? number
            : null;
    }

    public static bool TryParseDateTime(string? text, out DateTimeOffset value)
    {
        value = default;
        return text is not null
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    private static string? LeafText(JsonNode? leaf) => leaf switch
    {
        null => null,
        JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => scalar.GetValue<string>(),
        JsonValue scalar when scalar.GetValueKind() != JsonValueKind.Null => scalar.ToJsonString(),
        _ => null,
    };
}
