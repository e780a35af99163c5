namespace Identity.Scim.Schemas;

/// <summary>RFC 7643 §7 "mutability".</summary>
public enum ScimMutability
{
    ReadWrite,
    ReadOnly,
    Immutable,
    WriteOnly,
}
