namespace Identity.Scim.Schemas;

using static AttributeFactory;

/// <summary>The core User schema, RFC 7643 §4.1 and §8.7.1.</summary>
internal static class UserSchemaDefinition
{
    public static ScimSchema Create() => new()
    {
        Id = ScimSchemaUris.User,
        Name = "User",
        Description = "User Account",
        Attributes =
        [
            Text("userName", "Unique identifier for the User, used to authenticate.", required: true, uniqueness: ScimUniqueness.Server),
            Complex(
                "name",
                multiValued: false,
                "The components of the user's real name.",
                Text("formatted", "The full name, formatted for display."),
                Text("familyName", "The family name."),
                Text("givenName", "The given name."),
                Text("middleName", "The middle name(s)."),
                Text("honorificPrefix", "The honorific prefix(es)."),
                Text("honorificSuffix", "The honorific suffix(es).")),
            Text("displayName", "The name of the User, suitable for display."),
            Text("nickName", "The casual way to address the user."),
            Reference("profileUrl", "A URI to the User's online profile.", ScimMutability.ReadWrite, "external"),
            Text("title", "The user's title, such as \"Vice President\"."),
            Text("userType", "The relationship between the organization and the user."),
            Text("preferredLanguage", "The User's preferred written or spoken language (RFC 7231 §5.3.5)."),
            Text("locale", "The User's default location for localization."),
            Text("timezone", "The User's time zone in IANA format."),
            Typed("active", ScimAttributeType.Boolean, "The User's administrative status."),
            Text("password", "The User's cleartext password; never returned.", mutability: ScimMutability.WriteOnly, returned: ScimReturned.Never),
            Plural("emails", "Email addresses for the user.", Text("value", "Email address for the user."), "work", "home", "other"),
            Plural("phoneNumbers", "Phone numbers for the User.", Text("value", "Phone number of the User."), "work", "home", "mobile", "fax", "pager", "other"),
            Plural("ims", "Instant messaging addresses for the User.", Text("value", "Instant messaging address."), "aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"),
            Plural("photos", "URLs of photos of the User.", Reference("value", "URL of a photo of the User.", ScimMutability.ReadWrite, "external"), "photo", "thumbnail"),
            Complex(
                "addresses",
                multiValued: true,
                "A physical mailing address for this User.",
                Text("formatted", "The full mailing address, formatted for display."),
                Text("streetAddress", "The full street address component."),
                Text("locality", "The city or locality component."),
                Text("region", "The state or region component."),
                Text("postalCode", "The zip code or postal code component."),
                Text("country", "The country name component (ISO 3166-1 alpha-2)."),
                TypeLabel("address", examplesOnly: true, ScimMutability.ReadWrite, "work", "home", "other"),
                Typed("primary", ScimAttributeType.Boolean, "Indicates the primary address.")),
            Complex(
                "groups",
                multiValued: true,
                "Groups to which the user belongs; managed through /Groups (RFC 7643 §4.1.2).",
                ScimMutability.ReadOnly,
                Text("value", "The identifier of the User's group.", mutability: ScimMutability.ReadOnly),
                Reference("$ref", "The URI of the corresponding Group resource.", ScimMutability.ReadOnly, "User", "Group"),
                Text("display", "A human-readable name of the group.", mutability: ScimMutability.ReadOnly),
                TypeLabel("group membership", examplesOnly: false, ScimMutability.ReadOnly, "direct", "indirect")),
            Plural("entitlements", "A list of entitlements for the User.", Text("value", "The value of an entitlement.")),
            Plural("roles", "A list of roles for the User.", Text("value", "The value of a role.")),
            Plural("x509Certificates", "A list of certificates issued to the User.", Typed("value", ScimAttributeType.Binary, "The value of an X.509 certificate.")),
        ],
    };
}
