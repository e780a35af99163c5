namespace Identity.Scim.Filters;

/// <summary>
/// Bounds on what a filter may cost to parse and evaluate. Depth counts nested groups
/// ("(", "not (", "[") — what drives the parser's recursion — not the length of and/or chains.
/// </summary>
public sealed record FilterLimits(int MaxLength = 4096, int MaxDepth = 16, int MaxNodes = 200)
{
    public static FilterLimits Default { get; } = new();
}
