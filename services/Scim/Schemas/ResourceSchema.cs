using Identity.Scim.Paths;

namespace Identity.Scim.Schemas;

/// <summary>
/// One resource type with its core schema and extensions: the schema context that filters,
/// PATCH, projection and validation all resolve attributes through.
/// </summary>
public sealed class ResourceSchema
{
    public ResourceSchema(ScimResourceType resourceType, ScimSchema core, IReadOnlyList<ScimSchema> extensions)
    {
        ResourceType = resourceType;
        Core = core;
        Extensions = extensions;
    }

    public ScimResourceType ResourceType { get; }

    public ScimSchema Core { get; }

    public IReadOnlyList<ScimSchema> Extensions { get; }

    /// <summary>Finds an extension schema of this resource type by URN, case-insensitively.</summary>
    public ScimSchema? FindExtension(string uri)
    {
        foreach (var extension in Extensions)
        {
            if (string.Equals(extension.Id, uri, StringComparison.OrdinalIgnoreCase))
            {
                return extension;
            }
        }

        return null;
    }

    /// <summary>True when the extension is marked required on the resource type (RFC 7643 §6).</summary>
    public bool IsExtensionRequired(string uri) =>
        ResourceType.SchemaExtensions.Any(e => e.Required && string.Equals(e.Schema, uri, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Resolves a path: a URN picks the schema; without one, common attributes, then the core
    /// schema, then extensions (RFC 7644 §3.10 asks clients to qualify extension attributes,
    /// but IdPs' filters do not always do so). Returns null for unknown attributes.
    /// </summary>
    public ResolvedAttribute? Resolve(AttributePath path)
    {
        ResolvedAttribute? found = null;
        if (path.SchemaUri is not null)
        {
            if (string.Equals(path.SchemaUri, Core.Id, StringComparison.OrdinalIgnoreCase))
            {
                found = ResolveInCore(path.Name);
            }
            else if (FindExtension(path.SchemaUri) is { } extension && extension.FindAttribute(path.Name) is { } attribute)
            {
                found = new ResolvedAttribute(extension, true, attribute, null);
            }
        }
        else
        {
            found = ResolveInCore(path.Name) ?? ResolveInExtensions(path.Name);
        }

        if (found is null || path.SubAttribute is null)
        {
            return found;
        }

        var sub = found.Attribute.FindSubAttribute(path.SubAttribute);
        return sub is null ? null : found with { SubAttribute = sub };
    }

    private ResolvedAttribute? ResolveInCore(string name)
    {
        if (CommonAttributes.Find(name) is { } common)
        {
            return new ResolvedAttribute(null, false, common, null);
        }

        return Core.FindAttribute(name) is { } attribute ? new ResolvedAttribute(Core, false, attribute, null) : null;
    }

    private ResolvedAttribute? ResolveInExtensions(string name)
    {
        foreach (var extension in Extensions)
        {
            if (extension.FindAttribute(name) is { } attribute)
            {
                return new ResolvedAttribute(extension, true, attribute, null);
            }
        }

        return null;
    }

    public override string ToString() => ResourceType.Name;
}
