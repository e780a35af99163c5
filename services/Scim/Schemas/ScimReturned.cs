namespace Identity.Scim.Schemas;

/// <summary>RFC 7643 §7 "returned".</summary>
public enum ScimReturned
{
    Default,
    Always,
    Never,
    Request,
}
