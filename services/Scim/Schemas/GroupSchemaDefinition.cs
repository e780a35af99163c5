namespace Identity.Scim.Schemas;

using static AttributeFactory;

/// <summary>The core Group schema, RFC 7643 §4.2 and §8.7.1.</summary>
internal static class GroupSchemaDefinition
{
    public static ScimSchema Create() => new()
    {
        Id = ScimSchemaUris.Group,
        Name = "Group",
        Description = "Group",
        Attributes =
        [
            // RFC 7643 §4.2 calls displayName REQUIRED; Entra matches groups on it (docs/idp-dialects.md §2.1).
            Text("displayName", "A human-readable name for the Group.", required: true),
            Complex(
                "members",
                multiValued: true,
                "A list of members of the Group.",
                Text("value", "Identifier of the member of this Group.", mutability: ScimMutability.Immutable),
                Reference("$ref", "The URI of the member resource.", ScimMutability.Immutable, "User", "Group"),
                Text("display", "A human-readable name of the member (sent by Okta, docs/idp-dialects.md §2.2).", mutability: ScimMutability.Immutable),
                TypeLabel("member", examplesOnly: false, ScimMutability.Immutable, "User", "Group")),
        ],
    };
}
