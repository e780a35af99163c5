namespace Identity.Scim.Filters;

/// <summary><c>FILTER or FILTER</c>.</summary>
public sealed record OrFilter(FilterNode Left, FilterNode Right) : FilterNode
{
    // A right-nested "or" needs parentheses to keep its shape; an "and" operand never does.
    public override string ToString()
    {
        var right = Right is OrFilter ? $"({Right})" : Right.ToString();
        return $"{Left} or {right}";
    }
}
