using Identity.Scim.Filters;
using Identity.Scim.Schemas;

namespace Identity.ScimEdge.Endpoints.Search;

/// <summary>
/// The part of a root <c>/.search</c> filter that one resource type can answer (RFC 7644 §3.4.3: the
/// search runs across resource types). A comparison on an attribute the type does not define matches
/// nothing there, as an unassigned attribute would (§3.4.2.2), and the filter is simplified around it:
/// <c>userName eq "x" or displayName eq "y"</c> becomes <c>displayName eq "y"</c> for Groups.
/// </summary>
internal sealed record TypeFilter(bool MatchesNothing, string? Filter)
{
    private static readonly TypeFilter Nothing = new(true, null);
    private static readonly TypeFilter Everything = new(false, null);

    /// <summary>The filter as <paramref name="schema"/> sees it; a null filter stays null (everything).</summary>
    public static TypeFilter For(string? filter, ResourceSchema schema)
    {
        if (string.IsNullOrEmpty(filter))
        {
            return Everything;
        }
        var reduced = Reduce(ScimFilter.Parse(filter), schema);
        return reduced switch
        {
            null => Nothing,
            AlwaysNode => Everything,
            _ => new TypeFilter(false, reduced.ToString()),
        };
    }

    // null stands for "matches nothing", AlwaysNode for "matches everything"; anything else is what remains.
    private static FilterNode? Reduce(FilterNode node, ResourceSchema schema) => node switch
    {
        ComparisonFilter comparison => schema.Resolve(comparison.Path) is null ? null : comparison,
        PresentFilter present => schema.Resolve(present.Path) is null ? null : present,
        // Sub-attributes inside the brackets are the service's to judge: the attribute itself decides here.
        ValuePathFilter valuePath => schema.Resolve(valuePath.Path) is null ? null : valuePath,
        NotFilter not => Reduce(not.Inner, schema) switch
        {
            null => AlwaysNode.Instance,
            AlwaysNode => null,
            var inner => new NotFilter(inner),
        },
        AndFilter and => (Reduce(and.Left, schema), Reduce(and.Right, schema)) switch
        {
            (null, _) or (_, null) => null,
            (AlwaysNode, var right) => right,
            (var left, AlwaysNode) => left,
            ({ } left, { } right) => new AndFilter(left, right),
        },
        OrFilter or => (Reduce(or.Left, schema), Reduce(or.Right, schema)) switch
        {
            (AlwaysNode, _) or (_, AlwaysNode) => AlwaysNode.Instance,
            (null, var right) => right,
            (var left, null) => left,
            ({ } left, { } right) => new OrFilter(left, right),
        },
        _ => node,
    };

    private sealed record AlwaysNode : FilterNode
    {
        public static readonly AlwaysNode Instance = new();

        public override string ToString() => "";
    }
}
