namespace Identity.Scim.Schemas;

using static AttributeFactory;

/// <summary>
/// RFC 7643 §3.1 common attributes. They belong to every resource but to no schema, so
/// /Schemas does not list them; resolution, projection and validation still need them.
/// </summary>
public static class CommonAttributes
{
    /// <summary>The "schemas" attribute (RFC 7643 §3): always returned, managed by the core itself.</summary>
    public static ScimAttribute Schemas { get; } = new()
    {
        Name = "schemas",
        Type = ScimAttributeType.Reference,
        MultiValued = true,
        Required = true,
        CaseExact = true,
        Returned = ScimReturned.Always,
        Mutability = ScimMutability.ReadOnly,
        Description = "The schema URNs the resource conforms to.",
    };

    public static ScimAttribute Id { get; } = Text(
        "id",
        "Unique, stable identifier assigned by the service provider.",
        caseExact: true,
        mutability: ScimMutability.ReadOnly,
        returned: ScimReturned.Always,
        uniqueness: ScimUniqueness.Server);

    public static ScimAttribute ExternalId { get; } = Text(
        "externalId",
        "Identifier defined by the provisioning client.",
        caseExact: true);

    // RFC 7643 §3.1: meta and its sub-attributes are assigned by the service provider.
    public static ScimAttribute Meta { get; } = new()
    {
        Name = "meta",
        Type = ScimAttributeType.Complex,
        Mutability = ScimMutability.ReadOnly,
        Returned = ScimReturned.Always,
        Description = "Resource metadata.",
        SubAttributes =
        [
            Text("resourceType", "The resource type name.", caseExact: true, mutability: ScimMutability.ReadOnly),
            Typed("created", ScimAttributeType.DateTime, "When the resource was added.", ScimMutability.ReadOnly),
            Typed("lastModified", ScimAttributeType.DateTime, "When the resource last changed.", ScimMutability.ReadOnly),
            Reference("location", "The URI of the resource.", ScimMutability.ReadOnly, "uri"),
            Text("version", "The entity tag of the resource.", caseExact: true, mutability: ScimMutability.ReadOnly),
        ],
    };

    public static IReadOnlyList<ScimAttribute> All { get; } = [Schemas, Id, ExternalId, Meta];

    /// <summary>Finds a common attribute by name, case-insensitively.</summary>
    public static ScimAttribute? Find(string name)
    {
        foreach (var attribute in All)
        {
            if (string.Equals(attribute.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return attribute;
            }
        }

        return null;
    }
}
