namespace Identity.Scim.Filters;

/// <summary>The JSON kind of a filter comparison value (RFC 7644 §3.4.2.2 compValue).</summary>
public enum FilterValueKind
{
    String,
    Number,
    Boolean,
    Null,
}
