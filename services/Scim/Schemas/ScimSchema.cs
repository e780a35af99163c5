namespace Identity.Scim.Schemas;

/// <summary>A schema (RFC 7643 §7): its URN id and top-level attributes.</summary>
public sealed class ScimSchema
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string Description { get; init; } = "";

    public required IReadOnlyList<ScimAttribute> Attributes { get; init; }

    /// <summary>Finds a top-level attribute by name, case-insensitively (RFC 7643 §2.1).</summary>
    public ScimAttribute? FindAttribute(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (string.Equals(attribute.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return attribute;
            }
        }

        return null;
    }

    public override string ToString() => Id;
}
