using Identity.Scim.Paths;

namespace Identity.Scim.Filters;

/// <summary><c>attrPath compareOp compValue</c>.</summary>
public sealed record ComparisonFilter(AttributePath Path, ComparisonOperator Operator, FilterValue Value) : FilterNode
{
    public override string ToString() => $"{Path} {Operator.ToString().ToLowerInvariant()} {Value}";
}
