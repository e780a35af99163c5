namespace Identity.Scim.Schemas;

/// <summary>A resource type (RFC 7643 §6): name, endpoint, core schema and extensions.</summary>
public sealed class ScimResourceType
{
    public required string Name { get; init; }

    public required string Endpoint { get; init; }

    public string Description { get; init; } = "";

    public required string Schema { get; init; }

    public IReadOnlyList<SchemaExtensionReference> SchemaExtensions { get; init; } = [];

    public override string ToString() => Name;
}
