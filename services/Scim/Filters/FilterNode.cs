namespace Identity.Scim.Filters;

/// <summary>
/// A node of a parsed RFC 7644 §3.4.2.2 filter. Nodes are records (value equality) and
/// <see cref="ToString"/> prints canonical filter text that parses back to an equal node.
/// </summary>
public abstract record FilterNode
{
    public abstract override string ToString();
}
