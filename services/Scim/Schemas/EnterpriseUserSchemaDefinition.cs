namespace Identity.Scim.Schemas;

using static AttributeFactory;

/// <summary>The Enterprise User extension, RFC 7643 §4.3 and §8.7.1.</summary>
internal static class EnterpriseUserSchemaDefinition
{
    public static ScimSchema Create() => new()
    {
        Id = ScimSchemaUris.EnterpriseUser,
        Name = "EnterpriseUser",
        Description = "Enterprise User",
        Attributes =
        [
            Text("employeeNumber", "Numeric or alphanumeric identifier assigned to a person."),
            Text("costCenter", "Identifies the name of a cost center."),
            Text("organization", "Identifies the name of an organization."),
            Text("division", "Identifies the name of a division."),
            Text("department", "Identifies the name of a department."),
            Complex(
                "manager",
                multiValued: false,
                "The User's manager.",
                Text("value", "The id of the SCIM resource representing the User's manager."),
                Reference("$ref", "The URI of the SCIM resource representing the User's manager.", ScimMutability.ReadWrite, "User"),
                Text("displayName", "The displayName of the User's manager.", mutability: ScimMutability.ReadOnly)),
        ],
    };
}
