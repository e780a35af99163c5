using System.Globalization;
using System.Text.Json.Nodes;
using Identity.Scim.Filters;

namespace Identity.Scim.Patching;

/// <summary>Reads simple shapes out of value filters: conjunctions and disjunctions of <c>eq</c>.</summary>
internal static class EqualityTerms
{
    /// <summary>
    /// <c>type eq "work" and primary eq true</c> → [(type, "work"), (primary, true)]; null for
    /// any other shape. Used to build the element a filter-path write creates when none matches.
    /// </summary>
    public static List<(string Name, JsonNode Value)>? Conjunction(FilterNode filter)
    {
        var terms = new List<(string, JsonNode)>();
        return Collect(filter, terms) ? terms : null;
    }

    /// <summary><c>value eq "a" or value eq "b"</c> → ["a", "b"]; null for any other shape.</summary>
    public static List<string>? ValueDisjunction(FilterNode filter)
    {
        switch (filter)
        {
            case ComparisonFilter { Operator: ComparisonOperator.Eq, Value.Kind: FilterValueKind.String } comparison
                when comparison.Path is { SchemaUri: null, SubAttribute: null }
                && comparison.Path.Name.Equals("value", StringComparison.OrdinalIgnoreCase):
                return [comparison.Value.Text!];
            case OrFilter or:
                var left = ValueDisjunction(or.Left);
                var right = ValueDisjunction(or.Right);
                return left is null || right is null ? null : [.. left, .. right];
            default:
                return null;
        }
    }

    private static bool Collect(FilterNode filter, List<(string, JsonNode)> terms)
    {
        switch (filter)
        {
            case AndFilter and:
                return Collect(and.Left, terms) && Collect(and.Right, terms);
            case ComparisonFilter { Operator: ComparisonOperator.Eq } comparison
                when comparison.Path is { SchemaUri: null, SubAttribute: null } && ToJson(comparison.Value) is { } value:
                terms.Add((comparison.Path.Name, value));
                return true;
            default:
                return false;
        }
    }

    private static JsonNode? ToJson(FilterValue value) => value.Kind switch
    {
        FilterValueKind.String => JsonValue.Create(value.Text),
        FilterValueKind.Boolean => JsonValue.Create(value.Text == "true"),
        FilterValueKind.Number => JsonValue.Create(decimal.Parse(value.Text!, NumberStyles.Float, CultureInfo.InvariantCulture)),
        _ => null,
    };
}
