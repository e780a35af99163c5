namespace Identity.Scim.Filters;

/// <summary><c>not ( FILTER )</c>.</summary>
public sealed record NotFilter(FilterNode Inner) : FilterNode
{
    public override string ToString() => $"not ({Inner})";
}
