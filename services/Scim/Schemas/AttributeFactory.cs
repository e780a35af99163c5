namespace Identity.Scim.Schemas;

/// <summary>Terse builders for the built-in schema tables, so each reads like RFC 7643 §8.7.</summary>
internal static class AttributeFactory
{
    public static ScimAttribute Text(
        string name,
        string description,
        bool required = false,
        bool caseExact = false,
        ScimMutability mutability = ScimMutability.ReadWrite,
        ScimReturned returned = ScimReturned.Default,
        ScimUniqueness uniqueness = ScimUniqueness.None) =>
        new()
        {
            Name = name,
            Description = description,
            Required = required,
            CaseExact = caseExact,
            Mutability = mutability,
            Returned = returned,
            Uniqueness = uniqueness,
        };

    public static ScimAttribute Typed(
        string name,
        ScimAttributeType type,
        string description,
        ScimMutability mutability = ScimMutability.ReadWrite) =>
        new() { Name = name, Type = type, Description = description, Mutability = mutability };

    public static ScimAttribute Reference(
        string name,
        string description,
        ScimMutability mutability,
        params string[] referenceTypes) =>
        new()
        {
            Name = name,
            Type = ScimAttributeType.Reference,
            Description = description,
            Mutability = mutability,
            ReferenceTypes = referenceTypes,
        };

    public static ScimAttribute TypeLabel(string owner, bool examplesOnly, ScimMutability mutability, params string[] canonical) =>
        new()
        {
            Name = "type",
            Description = $"A label indicating the {owner}'s function.",
            CanonicalValues = canonical,
            CanonicalValuesAreExamples = examplesOnly,
            Mutability = mutability,
        };

    public static ScimAttribute Complex(string name, bool multiValued, string description, params ScimAttribute[] subAttributes) =>
        Complex(name, multiValued, description, ScimMutability.ReadWrite, subAttributes);

    public static ScimAttribute Complex(
        string name,
        bool multiValued,
        string description,
        ScimMutability mutability,
        params ScimAttribute[] subAttributes) =>
        new()
        {
            Name = name,
            Type = ScimAttributeType.Complex,
            MultiValued = multiValued,
            Description = description,
            Mutability = mutability,
            SubAttributes = subAttributes,
        };

    /// <summary>The value/display/type/primary shape RFC 7643 §2.4 gives plural attributes.</summary>
    public static ScimAttribute Plural(
        string name,
        string description,
        ScimAttribute value,
        params string[] typeExamples) =>
        Complex(
            name,
            multiValued: true,
            description,
            value,
            Text("display", $"A human-readable name for the {name} value.", mutability: ScimMutability.ReadWrite),
            TypeLabel(name, examplesOnly: true, ScimMutability.ReadWrite, typeExamples),
            Typed("primary", ScimAttributeType.Boolean, "Indicates the primary value; at most one per attribute."));
}
