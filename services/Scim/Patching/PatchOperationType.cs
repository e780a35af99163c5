namespace Identity.Scim.Patching;

/// <summary>RFC 7644 §3.5.2 operation names.</summary>
public enum PatchOperationType
{
    Add,
    Replace,
    Remove,
}
