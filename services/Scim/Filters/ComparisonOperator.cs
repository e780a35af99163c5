namespace Identity.Scim.Filters;

/// <summary>RFC 7644 §3.4.2.2 Table 3 comparison operators ("pr" is <see cref="PresentFilter"/>).</summary>
public enum ComparisonOperator
{
    Eq,
    Ne,
    Co,
    Sw,
    Ew,
    Gt,
    Ge,
    Lt,
    Le,
}
