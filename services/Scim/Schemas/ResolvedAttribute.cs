namespace Identity.Scim.Schemas;

/// <summary>
/// An attribute path resolved against a resource type: which schema holds it (null for the
/// RFC 7643 §3.1 common attributes), the attribute and the optional sub-attribute.
/// </summary>
public sealed record ResolvedAttribute(ScimSchema? Schema, bool IsExtension, ScimAttribute Attribute, ScimAttribute? SubAttribute)
{
    /// <summary>The URN under which the attribute lives in the JSON, for extension attributes.</summary>
    public string? ExtensionUri => IsExtension ? Schema!.Id : null;

    /// <summary>The innermost attribute the path names.</summary>
    public ScimAttribute Target => SubAttribute ?? Attribute;

    /// <summary>Canonical dotted name for error details, e.g. <c>name.givenName</c>.</summary>
    public string DisplayName
    {
        get
        {
            var local = SubAttribute is null ? Attribute.Name : Attribute.Name + "." + SubAttribute.Name;
            return IsExtension ? Schema!.Id + ":" + local : local;
        }
    }
}
