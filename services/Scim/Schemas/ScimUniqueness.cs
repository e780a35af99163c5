namespace Identity.Scim.Schemas;

/// <summary>RFC 7643 §7 "uniqueness".</summary>
public enum ScimUniqueness
{
    None,
    Server,
    Global,
}
