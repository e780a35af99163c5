namespace Identity.Scim.Schemas;

/// <summary>One attribute definition with its RFC 7643 §7 characteristics.</summary>
public sealed class ScimAttribute
{
    public required string Name { get; init; }

    public ScimAttributeType Type { get; init; } = ScimAttributeType.String;

    public bool MultiValued { get; init; }

    public bool Required { get; init; }

    public bool CaseExact { get; init; }

    public ScimMutability Mutability { get; init; } = ScimMutability.ReadWrite;

    public ScimReturned Returned { get; init; } = ScimReturned.Default;

    public ScimUniqueness Uniqueness { get; init; } = ScimUniqueness.None;

    public string Description { get; init; } = "";

    public IReadOnlyList<string> CanonicalValues { get; init; } = [];

    /// <summary>
    /// True when <see cref="CanonicalValues"/> are suggestions only. RFC 7643 §2.4 lets
    /// providers accept other <c>type</c> values, and IdPs send "Work", "mobile", "fax" and
    /// custom labels (docs/idp-dialects.md §2.4 customer-authored templates), so the built-in
    /// <c>type</c> sub-attributes of emails, phoneNumbers, ims, photos and addresses are lenient.
    /// </summary>
    public bool CanonicalValuesAreExamples { get; init; }

    public IReadOnlyList<string> ReferenceTypes { get; init; } = [];

    public IReadOnlyList<ScimAttribute> SubAttributes { get; init; } = [];

    /// <summary>Finds a sub-attribute by name, case-insensitively (RFC 7643 §2.1).</summary>
    public ScimAttribute? FindSubAttribute(string name)
    {
        foreach (var sub in SubAttributes)
        {
            if (string.Equals(sub.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return sub;
            }
        }

        return null;
    }

    public override string ToString() => Name;
}
