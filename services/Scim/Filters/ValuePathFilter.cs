using Identity.Scim.Paths;

namespace Identity.Scim.Filters;

/// <summary>
/// <c>attrPath "[" valFilter "]"</c>: true when one value of the multi-valued attribute matches
/// <see cref="Filter"/>, whose paths name sub-attributes (RFC 7644 §3.4.2.2).
/// </summary>
public sealed record ValuePathFilter(AttributePath Path, FilterNode Filter) : FilterNode
{
    public override string ToString() => $"{Path}[{Filter}]";
}
