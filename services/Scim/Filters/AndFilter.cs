namespace Identity.Scim.Filters;

/// <summary><c>FILTER and FILTER</c>; "and" binds tighter than "or" (RFC 7644 §3.4.2.2 Table 5).</summary>
public sealed record AndFilter(FilterNode Left, FilterNode Right) : FilterNode
{
    // Parentheses where a plain print would re-parse into another tree: an "or" operand, or a
    // right-nested "and" (the parser builds left-deep chains).
    public override string ToString()
    {
        var left = Left is OrFilter ? $"({Left})" : Left.ToString();
        var right = Right is OrFilter or AndFilter ? $"({Right})" : Right.ToString();
        return $"{left} and {right}";
    }
}
